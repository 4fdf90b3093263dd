#include "gateway/detail/collect_executions.hpp"

#include <memory>

#include "gateway/detail/ask.hpp"
#include "gateway/resource_json.hpp"

namespace auraos::gateway::detail {
namespace {

namespace p = persistence;

struct collection {
  explicit collection(responder r) : respond(std::move(r)) {}
  caf::event_based_actor* self = nullptr;
  actors::store::store_actor store;
  actors::store::list_executions_query query;
  responder respond;
  executions_done done;
  std::vector<p::execution_record> found;
};

void next_page(std::shared_ptr<collection> state) {
  auto on_page = [state](p::store_result<p::page<p::execution_record>>& page) {
    if (!page) return void(state->respond(error_response(store_api_error(page.error()))));
    for (auto& record : page->items) state->found.push_back(std::move(record));
    if (!page->next_cursor) return state->done(std::move(state->found));
    state->query.page.cursor = page->next_cursor;
    next_page(state);
  };
  ask_from<p::store_result<p::page<p::execution_record>>>(state->self, state->store, state->respond,
                                                          on_page, state->query);
}

}  // namespace

void collect_executions(caf::event_based_actor* self, actors::store::store_actor store,
                        persistence::execution_filter filter, responder respond,
                        executions_done done) {
  auto state = std::make_shared<collection>(std::move(respond));
  state->self = self;
  state->store = std::move(store);
  state->query.filter = std::move(filter);
  state->query.page.limit = 1000;
  state->done = std::move(done);
  next_page(std::move(state));
}

}  // namespace auraos::gateway::detail
