// Dialling a node's actor API and sending calls to it, redialling with backoff.

#include "client/connection.hpp"

#include <algorithm>
#include <optional>
#include <set>
#include <thread>

#include <caf/actor_system.hpp>
#include <google/protobuf/stubs/common.h>
#include <caf/actor_system_config.hpp>
#include <caf/io/middleman.hpp>
#include <caf/scoped_actor.hpp>

#include "messages/api_endpoint.hpp"

namespace auraos::client::detail {

std::chrono::milliseconds backoff_delay(const options& opts, int attempt) {
  auto delay = opts.backoff_initial;
  for (int i = 1; i < attempt && delay < opts.backoff_max; ++i) delay *= 2;
  return std::min(delay, opts.backoff_max);
}

connection::connection(options opts)
    : options_(std::move(opts)), config_(std::make_unique<caf::actor_system_config>()) {
  config_->load<caf::io::middleman>();
  // The node drops a connection that stays silent past its timeout: send heartbeats, and
  // drop a node silent for longer than a few of its own heartbeats.
  config_->set("middleman.heartbeat-interval", caf::timespan{std::chrono::milliseconds{100}});
  config_->set("middleman.connection-timeout", caf::timespan{options_.dead_after});
  config_->set("scheduler.max-threads", static_cast<std::size_t>(2));
  config_->set("scheduler.policy", caf::atom("sharing"));
  api::add_api_message_types(*config_);
  system_ = std::make_unique<caf::actor_system>(*config_);
}

connection::~connection() {
  {
    std::lock_guard lock{mutex_};
    endpoint_ = nullptr;
  }
  system_.reset();
  config_.reset();
}

caf::actor_system& connection::system() {
  return *system_;
}

endpoint_result connection::dial() {
  caf::scoped_actor self{*system_};
  endpoint_result out = fail(error{0, "unreachable", ""});
  auto where = options_.host + ":" + std::to_string(options_.port);
  self->request(system_->middleman().actor_handle(), options_.connect_timeout,
                caf::connect_atom::value, options_.host, options_.port)
      .receive(
          [&](const caf::node_id&, caf::strong_actor_ptr& found, const std::set<std::string>&) {
            if (found)
              out = caf::actor_cast<caf::actor>(std::move(found));
            else
              out = fail(error{0, "unreachable", "no actor API is published at " + where});
          },
          [&](const caf::error& e) {
            out = fail(error{0, "unreachable",
                             "cannot reach the actor API at " + where + ": " + system_->render(e)});
          });
  return out;
}

endpoint_result connection::endpoint() {
  if (auto known = current_endpoint()) return known;
  // One dialler at a time; the endpoint's own lock stays free meanwhile, so subscriptions
  // (on the client's library threads) never wait for a redial.
  std::lock_guard dialling{dial_mutex_};
  if (auto known = current_endpoint()) return known;  // dialled by another caller meanwhile
  endpoint_result last = fail(error{0, "unreachable", "no connection attempt was made"});
  for (int attempt = 1; attempt <= std::max(options_.connect_attempts, 1); ++attempt) {
    if (attempt > 1) std::this_thread::sleep_for(backoff_delay(options_, attempt - 1));
    last = dial();
    if (last) {
      adopt(*last);
      return current_endpoint();
    }
  }
  return last;
}

caf::actor connection::current_endpoint() {
  std::lock_guard lock{mutex_};
  return endpoint_;
}

void connection::adopt(const caf::actor& found) {
  std::lock_guard lock{mutex_};
  if (!endpoint_) endpoint_ = found;
}

void connection::forget(const caf::actor& dead) {
  std::lock_guard lock{mutex_};
  if (endpoint_ == dead) endpoint_ = nullptr;
}

namespace {

/// Why `call` cannot be sent (Protobuf strings must be UTF-8: the node would read a call whose
/// parameters stop at the first bad one), or an empty string.
std::string unsendable(const v1::ApiCall& call) {
  auto valid = [](const std::string& text) {
    return google::protobuf::internal::IsStructurallyValidUTF8(text);
  };
  if (!valid(call.operation())) return "the operation name is not valid UTF-8";
  for (const auto& [name, value] : call.path())
    if (!valid(name) || !valid(value)) return "path parameter '" + name + "' is not valid UTF-8";
  for (const auto& [name, value] : call.query())
    if (!valid(name) || !valid(value)) return "query parameter '" + name + "' is not valid UTF-8";
  for (const auto& [name, value] : call.headers())
    if (!valid(name) || !valid(value)) return "header '" + name + "' is not valid UTF-8";
  return {};
}

/// True when `self` holds a down message already: the endpoint it just monitored was gone
/// before anything was sent to it.
bool gone_already(caf::scoped_actor& self) {
  bool down = false;
  self->receive([&](caf::down_msg&) { down = true; }, caf::after(std::chrono::seconds(0)) >> [] {});
  return down;
}

}  // namespace

result<v1::ApiReply> connection::call(const v1::ApiCall& plain, bool retry_safe) {
  // The configured token goes with every call that does not name its own.
  v1::ApiCall with_token;
  const v1::ApiCall* sendable = &plain;
  if (!options_.token.empty() && !plain.headers().contains("Authorization")) {
    with_token = plain;
    (*with_token.mutable_headers())["Authorization"] = "Bearer " + options_.token;
    sendable = &with_token;
  }
  const v1::ApiCall& call = *sendable;
  if (auto why = unsendable(call); !why.empty()) return fail(error{0, "bad_request", why});
  int stale = 0;  // endpoints found gone before a send
  for (int attempt = 1;; ++attempt) {
    auto target = endpoint();
    if (!target) return fail(target.error());
    caf::scoped_actor self{*system_};
    self->monitor(*target);
    if (gone_already(self)) {  // lost before this call: nothing was sent, dial again
      forget(*target);
      if (++stale <= std::max(options_.connect_attempts, 1)) {
        --attempt;  // not a send
        continue;
      }
      return fail(error{
          0, "unreachable",
          "each connection to the node was lost before " + call.operation() + " could be sent"});
    }
    std::optional<result<v1::ApiReply>> answer;
    bool lost = false;
    self->send(*target, api::call_atom::value, call);
    self->receive(
        [&](v1::ApiReply& reply) { answer = std::move(reply); },
        [&](caf::down_msg&) { lost = true; },
        [&](caf::error& e) {
          answer = fail(error{0, "protocol", "the node refused the call: " + system_->render(e)});
        },
        caf::after(options_.call_timeout) >> [&] {
          answer = fail(error{0, "timeout", "no answer to " + call.operation() + " within " +
                                                std::to_string(options_.call_timeout.count()) +
                                                " ms (it may still take effect)"});
        });
    bool last = !retry_safe || attempt >= std::max(options_.connect_attempts, 1);
    // A node still starting (or a service of it restarting) answers 503: for a call safe to
    // send again, a node not back yet.
    bool not_back = answer && answer->has_value() && (*answer)->status() == 503;
    if (answer && (last || !not_back)) return std::move(*answer);
    if (lost) forget(*target);  // the down message came first
    if (last)
      return fail(error{0, "unavailable",
                        "the connection to the node was lost during " + call.operation() +
                            (retry_safe ? "" : " (it may or may not have taken effect)")});
    std::this_thread::sleep_for(backoff_delay(options_, attempt));
  }
}

}  // namespace auraos::client::detail
