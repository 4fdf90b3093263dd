#include "gateway/node_context.hpp"

#include <caf/actor_cast.hpp>
#include <caf/actor_registry.hpp>
#include <caf/actor_system.hpp>
#include <caf/send.hpp>

#include "gateway/supervision_feed.hpp"

namespace auraos::gateway {

actors::store::store_actor node_context::store() const {
  std::lock_guard lock{mutex_};
  return store_;
}

void node_context::set_store(actors::store::store_actor store) {
  std::lock_guard lock{mutex_};
  store_ = std::move(store);
}

caf::actor node_context::root() const {
  std::lock_guard lock{mutex_};
  return root_;
}

void node_context::set_root(caf::actor root) {
  std::lock_guard lock{mutex_};
  root_ = std::move(root);
}

actors::executions::executions_actor node_context::executions() const {
  auto handle = system_.registry().get(actors::executions::executions_registry_name);
  return caf::actor_cast<actors::executions::executions_actor>(handle);
}

actors::events::events_actor node_context::events() const {
  auto handle = system_.registry().get(actors::executions::events_registry_name);
  return caf::actor_cast<actors::events::events_actor>(handle);
}

void node_context::workflows_changed() const {
  if (auto service = events()) caf::anon_send(service, actors::events::workflows_changed_atom::value);
}

std::string node_context::node_name() const {
  std::lock_guard lock{mutex_};
  return node_name_;
}

void node_context::set_node_name(std::string name) {
  std::lock_guard lock{mutex_};
  node_name_ = std::move(name);
}

cluster_link node_context::cluster() const {
  std::lock_guard lock{mutex_};
  return cluster_;
}

void node_context::set_cluster(cluster_link link) {
  std::lock_guard lock{mutex_};
  cluster_ = std::move(link);
}

void node_context::set_supervision_feed(caf::actor feed) {
  std::lock_guard lock{mutex_};
  supervision_feed_ = std::move(feed);
}

void node_context::supervision_changed() const {
  if (!live_->wanted(live_topic::supervision)) return;
  caf::actor feed;
  {
    std::lock_guard lock{mutex_};
    feed = supervision_feed_;
  }
  if (feed) caf::anon_send(feed, tree_changed_atom::value);
}

std::uint16_t node_context::http_port() const {
  std::lock_guard lock{mutex_};
  return http_port_;
}

void node_context::set_http_port(std::uint16_t port) {
  std::lock_guard lock{mutex_};
  http_port_ = port;
}

std::shared_ptr<tls_identity> node_context::tls() const {
  std::lock_guard lock{mutex_};
  return tls_;
}

void node_context::set_tls(std::shared_ptr<tls_identity> tls) {
  std::lock_guard lock{mutex_};
  tls_ = std::move(tls);
}

std::shared_ptr<auth::authenticator> node_context::authenticator() const {
  std::lock_guard lock(mutex_);
  return authenticator_;
}

void node_context::set_authenticator(std::shared_ptr<auth::authenticator> checks) {
  std::lock_guard lock(mutex_);
  authenticator_ = std::move(checks);
}

}  // namespace auraos::gateway
