#include "gateway/test_fault_route.hpp"

#include <string>
#include <vector>

#include <caf/error.hpp>
#include <caf/sec.hpp>

#include <nlohmann/json.hpp>

#include "actors/supervision/supervisor.hpp"
#include "gateway/detail/ask.hpp"

namespace auraos::gateway {
namespace {

namespace sv = runtime::supervision;

/// The exit reason the route gives the actor: shown as its last failure in the tree.
caf::error injected_fault() {
  return caf::make_error(caf::sec::runtime_error, std::string{"injected fault (test route)"});
}

// The names from the root's children down to `name`; empty when it is not in the tree.
bool path_to(const sv::supervision_tree_node& node, const std::string& name,
             std::vector<std::string>& path) {
  for (const auto& child : node.children) {
    path.push_back(child.name);
    if (child.name == name || path_to(child, name, path)) return true;
    path.pop_back();
  }
  return false;
}

struct crash_walk {
  explicit crash_walk(responder r) : respond(std::move(r)) {}
  caf::event_based_actor* self = nullptr;
  responder respond;
  std::vector<std::string> path;
  std::size_t step = 0;
};

void walk(std::shared_ptr<crash_walk> job, caf::actor current) {
  if (job->step == job->path.size()) {
    job->self->send_exit(current, injected_fault());
    return void(job->respond(json_response(202, {{"crashed", job->path.back()}})));
  }
  detail::ask_from<caf::actor>(
      job->self, current, job->respond, [job](caf::actor& child) { walk(job, child); },
      actors::supervision::child_atom::value, job->path[job->step++]);
}

void crash(const std::shared_ptr<node_context>& node, std::string name, responder respond) {
  detail::spawn_asker(node->system(), [=](caf::event_based_actor* self) {
    auto root = node->root();
    auto on_tree = [=](sv::supervision_tree_node& tree) {
      auto job = std::make_shared<crash_walk>(respond);
      job->self = self;
      if (!path_to(tree, name, job->path))
        return void(respond(error_response(
            make_error(errc::not_found, "no actor named '" + name + "' in the tree"))));
      walk(job, root);
    };
    detail::ask_from<sv::supervision_tree_node>(self, root, respond, on_tree,
                                                actors::supervision::tree_atom::value);
  });
}

}  // namespace

void add_test_fault_route(router& routes, std::shared_ptr<node_context> node) {
  routes.add("POST", "/api/v1/_test/crash/{name}",
             [node](const http_request&, const path_params& params, responder respond) {
               crash(node, params.at("name"), std::move(respond));
             });
}

}  // namespace auraos::gateway
