// The trigger index (the triggers of the latest revision of every workflow, by event type) and
// the events offered again after a start.
#include <limits>

#include <spdlog/spdlog.h>
#include <caf/all.hpp>

#include "actors/events/service_state.hpp"
#include "persistence/cursor.hpp"
#include "runtime/definition/parse.hpp"

namespace auraos::actors::events::detail {
namespace {

namespace p = persistence;

/// The name of the trigger cursor among the event log's consumers.
constexpr const char* cursor_name = "triggers";
/// Events read per page when offering the events stored after the cursor again.
constexpr std::int64_t replay_page = 500;

/// How much earlier than a workflow's storing time a clustered node offers events to its new
/// triggers (the nodes' clocks differ a little).
constexpr std::int64_t clock_margin_ms = 1000;

/// The triggers read from the workflows: by event type, and the revision and storing time of
/// each workflow that has any.
struct trigger_index {
  std::map<std::string, std::vector<trigger_target>> by_type;
  std::map<std::string, std::pair<std::int64_t, std::int64_t>> revisions;
};

/// Adds the triggers of a stored workflow (archived ones start nothing).
void index_workflow(trigger_index& index, const p::workflow_record& record) {
  if (record.status == p::workflow_status::archived) return;
  auto wf = runtime::definition::parse_workflow(record.definition);
  if (!wf || wf->triggers.empty()) return;
  index.revisions[record.id] = {record.revision, record.updated_at};
  for (auto& t : wf->triggers) index.by_type[t.event_type].push_back({record.id, std::move(t)});
}

/// Offers the events of `type` stored since `from_ms` (up to seq `upto`) to `targets`: new
/// triggers a clustered node read up to 2 s after their workflow was stored on another node.
void catch_up(service_actor* self, std::string type, trigger_list targets, std::int64_t from_ms,
              std::int64_t upto, std::optional<std::string> cursor) {
  store::list_events_query read;
  read.filter.types = {type};
  read.filter.stored_from_ms = from_ms;
  read.page.limit = replay_page;
  read.page.cursor = std::move(cursor);
  self->request(self->state.store, caf::infinite, std::move(read))
      .then([self, type, targets, from_ms,
             upto](p::store_result<p::page<p::event_record>>& page) {
        if (!page)
          return spdlog::warn("events: offering events to new triggers of {}: {}", type,
                              page.error().message);
        std::vector<p::event_record> events;
        for (auto& e : page->items)
          if (e.seq <= upto) events.push_back(std::move(e));
        auto more = page->next_cursor && !events.empty() && events.back().seq < upto;
        if (!events.empty()) offer(self, type, std::move(events), targets, {});
        if (more) catch_up(self, type, targets, from_ms, upto, page->next_cursor);
      });
}

/// Clustered: offers the events stored since each new or changed workflow was stored, and
/// already handed on, to its triggers (of the types whose streams run here).
void catch_up_new_triggers(service_actor* self, const trigger_index& index) {
  auto& s = self->state;
  std::map<std::string, std::int64_t> changed;  // workflow id -> stored at
  for (const auto& [id, revision] : index.revisions) {
    auto before = s.trigger_revisions.find(id);
    if (before == s.trigger_revisions.end() || before->second != revision.first)
      changed[id] = revision.second;
  }
  for (const auto& [type, targets] : index.by_type) {
    if (!triggers_run_here(s, type)) continue;
    std::vector<trigger_target> fresh;
    std::int64_t from_ms = std::numeric_limits<std::int64_t>::max();
    for (const auto& t : targets)
      if (auto it = changed.find(t.workflow_id); it != changed.end()) {
        fresh.push_back(t);
        from_ms = std::min(from_ms, it->second - clock_margin_ms);
      }
    if (fresh.empty()) continue;
    catch_up(self, type, std::make_shared<const std::vector<trigger_target>>(std::move(fresh)),
             from_ms, s.follow_mark, std::nullopt);
  }
}

/// The database was unavailable: read the triggers (and, before the first start ended, the
/// events after the cursor) again in a second.
void retry_later(service_actor* self, const std::string& why) {
  spdlog::warn("events: {}; reading the triggers again in 1 s", why);
  self->state.options.env->send_after(self, std::chrono::seconds(1), workflows_changed_atom::value);
}

/// Lets new events go to the streams: those held while starting or reloading, in order.
void open_up(service_actor* self) {
  auto& s = self->state;
  s.ready = true;
  for (auto& batch : std::exchange(s.held, {})) offer_batch(self, std::move(batch));
  replay_waiting_gains(self);
}

/// Offers the events stored after `after` (up to `last`) again, then opens up.
void replay(service_actor* self, std::int64_t after, std::int64_t last) {
  if (after >= last) return open_up(self);
  store::list_events_query read;
  read.filter.after_seq = after;
  read.page.limit = replay_page;
  self->request(self->state.store, caf::infinite, std::move(read))
      .then([self, after, last](p::store_result<p::page<p::event_record>>& page) {
        if (!page)
          return retry_later(self,
                             "reading events after the trigger cursor: " + page.error().message);
        if (page->items.empty()) return open_up(self);
        auto next = page->items.back().seq;
        std::vector<p::event_record> upto;
        for (auto& e : page->items)
          if (e.seq <= last) upto.push_back(std::move(e));
        offer_batch(self, std::move(upto));
        replay(self, next, last);
      });
}

/// Reads the trigger cursor and the last stored seq, then offers what lies between.
void resume_from_cursor(service_actor* self) {
  auto& s = self->state;
  self->request(s.store, caf::infinite, store::event_cursor_query{cursor_name})
      .then([self](p::store_result<std::int64_t>& cursor) {
        self->request(self->state.store, caf::infinite, store::last_event_seq_query{})
            .then([self, cursor](p::store_result<std::int64_t>& last) {
              auto& s = self->state;
              if (!cursor || !last)
                return retry_later(self, "reading the trigger cursor: " +
                                             (!cursor ? cursor.error() : last.error()).message);
              s.stored_cursor = *cursor;
              s.settled_seq = *cursor;
              if (s.triggers.empty() || *cursor >= *last) {
                // Nothing to start again: the cursor moves to the end of the log.
                s.settled_seq = std::max(*cursor, *last);
                settle(self);
                return open_up(self);
              }
              spdlog::info("events: offering events {}..{} to the triggers again", *cursor + 1,
                           *last);
              replay(self, *cursor, *last);
            });
      });
}

/// Reads a page of workflows into `index`, then the next, then installs it.
void read_workflows(service_actor* self, std::shared_ptr<trigger_index> index,
                    std::optional<std::string> cursor) {
  store::list_workflows_query read;
  read.page = {p::max_page_limit, std::move(cursor)};
  self->request(self->state.store, caf::infinite, std::move(read))
      .then([self, index](p::store_result<p::page<p::workflow_record>>& page) {
        auto& s = self->state;
        if (!page) {
          s.reloading = false;
          return retry_later(self, "reading the workflows: " + page.error().message);
        }
        for (const auto& record : page->items) index_workflow(*index, record);
        if (page->next_cursor) return read_workflows(self, index, page->next_cursor);
        if (s.options.clustered && s.started) catch_up_new_triggers(self, *index);
        s.trigger_revisions.clear();
        for (const auto& [id, revision] : index->revisions)
          s.trigger_revisions[id] = revision.first;
        s.triggers.clear();
        for (auto& [type, list] : index->by_type)
          s.triggers[type] = std::make_shared<const std::vector<trigger_target>>(std::move(list));
        s.reloading = false;
        if (std::exchange(s.reload_again, false)) return load_triggers(self);
        if (!s.started) {
          s.started = true;
          // A clustered node offers the events after each gained shard's cursor instead.
          if (s.options.clustered) return open_up(self);
          return resume_from_cursor(self);
        }
        open_up(self);
      });
}

}  // namespace

void load_triggers(service_actor* self) {
  auto& s = self->state;
  if (s.reloading) {
    s.reload_again = true;
    return;
  }
  s.reloading = true;
  s.ready = false;
  s.triggers_read_ms = s.options.env->now_ms();
  read_workflows(self, std::make_shared<trigger_index>(), std::nullopt);
}

}  // namespace auraos::actors::events::detail
