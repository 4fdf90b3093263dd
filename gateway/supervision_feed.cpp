// The coalescing supervision feed: one tree request per burst of changes.

#include "gateway/supervision_feed.hpp"

#include <caf/all.hpp>
#include <nlohmann/json.hpp>

#include "actors/supervision/supervisor.hpp"
#include "gateway/node_context.hpp"
#include "gateway/sse.hpp"
#include "runtime/json_parse.hpp"

namespace auraos::gateway {
namespace {

namespace sv = runtime::supervision;

/// How long the feed waits for the tree before it gives this change up.
constexpr std::chrono::seconds tree_wait{2};

struct feed_state {
  feed_state() = default;  // never an aggregate: see CAF-NOTES.md
  /// A tick is on its way: later changes ride along with it.
  bool armed = false;
};

caf::behavior supervision_feed(caf::stateful_actor<feed_state>* self,
                               std::shared_ptr<node_context> node, std::chrono::milliseconds gap) {
  return {
      [self, gap](tree_changed_atom) {
        if (std::exchange(self->state.armed, true)) return;
        self->delayed_send(self, gap, caf::tick_atom::value);
      },
      [self, node](caf::tick_atom) {
        self->state.armed = false;
        auto root = node->root();
        if (!root || !node->live()->wanted(live_topic::supervision)) return;
        self->request(root, tree_wait, actors::supervision::tree_atom::value)
            .then(
                [node](sv::supervision_tree_node& tree) {
                  node->live()->publish(live_topic::supervision, supervision_message(tree));
                },
                [](caf::error&) {});
      },
  };
}

}  // namespace

stream_chunk supervision_message(const sv::supervision_tree_node& tree) {
  return std::make_shared<const std::string>(
      sse_event("supervision", runtime::dump_json(sv::to_json(tree))));
}

caf::actor spawn_supervision_feed(caf::actor_system& system, std::shared_ptr<node_context> node,
                                  std::chrono::milliseconds gap) {
  return system.spawn(supervision_feed, std::move(node), gap);
}

}  // namespace auraos::gateway
