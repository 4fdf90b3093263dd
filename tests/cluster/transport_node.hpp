#pragma once
// One node of the transport tests: an actor system with the cluster transport, its published
// endpoint (answered by a test handler) and its peers actor.

#include <chrono>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <caf/actor_system.hpp>
#include <caf/scoped_actor.hpp>
#include <caf/send.hpp>
#include <caf/typed_event_based_actor.hpp>

#include "cluster/node_transport.hpp"
#include "cluster/transport.hpp"
#include "node/actor_system_setup.hpp"

namespace auraos::test {

using namespace std::chrono_literals;

/// The test handler's held calls (kind "hold" is never answered).
struct held_calls {
  held_calls() = default;
  std::vector<caf::typed_response_promise<v1::ForwardReply>> held;
};

/// Answers "echo ID BODY" with status 200, or holds calls of kind "hold".
inline cluster::forward_handler::behavior_type test_handler(
    cluster::forward_handler::stateful_pointer<held_calls> self) {
  return {
      [self](cluster::forward_atom, v1::ForwardRequest& request) {
        auto promise = self->make_response_promise<v1::ForwardReply>();
        if (request.kind() == "hold") {
          self->state.held.push_back(promise);
          return promise;
        }
        v1::ForwardReply reply;
        reply.set_status(200);
        reply.set_body("echo " + request.execution_id() + " " + request.body());
        promise.deliver(std::move(reply));
        return promise;
      },
  };
}

/// A call of `kind` about `id`.
inline v1::ForwardRequest call(const std::string& kind, const std::string& id,
                               const std::string& body = "{}") {
  v1::ForwardRequest request;
  request.set_kind(kind);
  request.set_execution_id(id);
  request.set_body(body);
  return request;
}

/// A node on 127.0.0.1 (TLS with `tls`, plain without), heartbeat 500 ms and lease 2000 ms.
class transport_node {
 public:
  transport_node(std::string name, std::optional<cluster::tls_files> tls, std::uint16_t port = 0,
                 std::chrono::milliseconds forward_timeout = 5s)
      : name_(std::move(name)), runtime_(2, cluster::transport_for(500ms, 2000ms, tls)) {
    auto& sys = runtime_.system();
    handler_ = sys.spawn(test_handler);
    cluster::peers_options options;
    options.self_name = name_;
    options.forward_timeout = forward_timeout;
    auto started = cluster::start_transport(sys, handler_, "127.0.0.1", port, options);
    if (!started) throw std::runtime_error("publish failed: " + sys.render(started.error()));
    transport_ = *started;
  }
  ~transport_node() {
    cluster::stop_transport(transport_);
    caf::anon_send_exit(handler_, caf::exit_reason::user_shutdown);
  }

  /// This node as a member.
  cluster::member_address member() const {
    return {name_, "127.0.0.1:" + std::to_string(transport_.port)};
  }
  /// The bound cluster port.
  std::uint16_t port() const { return transport_.port; }
  /// The system.
  caf::actor_system& system() { return runtime_.system(); }
  /// The peers actor.
  const cluster::peers_actor& peers() const { return transport_.peers; }

  /// Tells the peers actor the members.
  void set_members(const std::vector<cluster::member_address>& members) {
    caf::anon_send(transport_.peers, cluster::members_atom::value, members);
  }
  /// Whether the peers actor is connected to `name` now.
  bool connected_to(const std::string& name) {
    caf::scoped_actor self{system()};
    bool connected = false;
    self->request(transport_.peers, 5s, caf::get_atom::value)
        .receive(
            [&](const std::vector<cluster::peer_status>& all) {
              for (const auto& p : all)
                if (p.name == name) connected = p.connected;
            },
            [](caf::error&) {});
    return connected;
  }
  /// Forwards `request` to `name` and waits for the answer.
  cluster::forward_reply forward(const std::string& name, const v1::ForwardRequest& request) {
    caf::scoped_actor self{system()};
    cluster::forward_reply out = fail(cluster::forward_failure{errc::internal, "no answer"});
    self->request(transport_.peers, 30s, cluster::forward_atom::value, name, request)
        .receive([&](cluster::forward_reply& reply) { out = std::move(reply); },
                 [&](caf::error& error) {
                   out = fail(cluster::forward_failure{errc::internal, system().render(error)});
                 });
    return out;
  }

 private:
  std::string name_;
  node::actor_runtime runtime_;
  cluster::forward_handler handler_;
  cluster::node_transport transport_;
};

}  // namespace auraos::test
