#pragma once
// Reads of the task store from HTTP handlers, through the store actor (actors/store/task_read.hpp).

#include <memory>
#include <utility>

#include "actors/store/task_read.hpp"
#include "gateway/detail/ask.hpp"
#include "gateway/error_mapping.hpp"
#include "gateway/node_context.hpp"

namespace auraos::gateway {

/// Runs `read(task_store&) -> store_result<T>` on the store's thread and answers with
/// `to_response(T&)`, or the store's error (404 for not_found, 503 for unavailable).
template <class T, class Read, class ToResponse>
void read_tasks(const std::shared_ptr<node_context>& node, responder respond, Read read,
                ToResponse to_response) {
  auto store = node->store();
  detail::spawn_asker(node->system(), [=](caf::event_based_actor* self) {
    auto out = std::make_shared<persistence::store_result<T>>(
        fail(persistence::store_error{persistence::store_errc::internal, "no answer"}));
    actors::store::task_read message{[out, read](persistence::task_store& db) {
      *out = read(db);
      if (*out || out->error().code != persistence::store_errc::unavailable)
        return persistence::store_status{};
      return persistence::store_status{fail(out->error())};
    }};
    detail::ask_from<persistence::store_status>(
        self, store, respond,
        [out, respond, to_response](persistence::store_status&) {
          if (!*out)
            respond(error_response(store_api_error(out->error())));
          else
            respond(to_response(**out));
        },
        std::move(message));
  });
}

}  // namespace auraos::gateway
