// The node assembly: the root's children in order, parts restarted with the store, listeners.
#include <atomic>
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <thread>

#include <caf/all.hpp>

#include "node/local_node.hpp"
#include "persistence/open_store.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/wall_clock.hpp"

namespace {

using namespace auraos;
namespace sv = auraos::runtime::supervision;

/// A part that only lives: a child named "extra".
node::part extra_part() {
  return [](node::local_node&) {
    actors::supervision::child_spec spec;
    spec.name = "extra";
    spec.start = [](caf::local_actor* parent) {
      return parent->spawn([](caf::event_based_actor*) -> caf::behavior {
        return {[](caf::get_atom) { return caf::ok_atom::value; }};
      });
    };
    return spec;
  };
}

struct fixture {
  test::temp_dir dir;
  std::atomic<int> store_starts{0};
  node::local_node node{settings()};

  node::node_settings settings() {
    auto opened = persistence::open_store({"sqlite", dir.file("auraos.db")}, {test::wall_clock()});
    BOOST_REQUIRE_MESSAGE(opened.has_value(), (opened ? "" : opened.error()));
    node::node_settings s;
    s.store = std::move(*opened);
    s.scheduler_threads = 2;
    s.parts.push_back(extra_part());
    s.parts.push_back([this](node::local_node& n) {
      n.on_store_started([this](const actors::store::store_actor& store) {
        if (store) ++store_starts;
      });
      auto spec = extra_part()(n);
      spec.name = "listener";
      return spec;
    });
    return s;
  }

  sv::supervision_tree_node tree() {
    caf::scoped_actor self{node.system()};
    sv::supervision_tree_node out;
    self->request(node.root(), std::chrono::seconds(5), actors::supervision::tree_atom::value)
        .receive([&](sv::supervision_tree_node& t) { out = std::move(t); },
                 [&](caf::error& e) { BOOST_FAIL(node.system().render(e)); });
    return out;
  }

  /// Polls `condition` every 5 ms for up to 10 s.
  template <class F>
  static bool eventually(F condition) {
    auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!condition() && std::chrono::steady_clock::now() < until)
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    return condition();
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(local_node, fixture)

BOOST_AUTO_TEST_CASE(the_root_runs_the_store_the_event_and_executions_services_then_the_parts) {
  auto t = tree();
  BOOST_TEST(t.name == "node");
  BOOST_TEST(t.strategy.value_or("") == "rest_for_one");
  std::vector<std::string> names;
  for (const auto& child : t.children) names.push_back(child.name);
  BOOST_TEST(names == (std::vector<std::string>{"store", "timers", "events-service",
                                                "event-retention", "tasks-service",
                                                "task-scheduler", "executions-service",
                                                "key-rotation", "extra", "listener"}),
             boost::test_tools::per_element());
  BOOST_TEST(static_cast<bool>(node.executions()));
  BOOST_TEST(node.put_workflow({"wf", "w", "", "1", R"({"id":"wf","nodes":[]})", {}}).has_value());
}

BOOST_AUTO_TEST_CASE(a_store_restart_restarts_the_parts_and_tells_the_listeners) {
  BOOST_REQUIRE(eventually([&] { return store_starts == 1; }));
  auto first = node.store();
  caf::anon_send_exit(first, caf::exit_reason::kill);
  BOOST_REQUIRE(eventually([&] {
    auto t = tree();
    return t.children.size() == 10 && t.children[8].restarts == 1 &&
           t.children[8].status == sv::child_status::running;
  }));
  BOOST_TEST(store_starts == 2);
  BOOST_TEST((node.store() != first));
}

BOOST_AUTO_TEST_CASE(stop_ends_the_tree_and_forgets_the_store) {
  node.stop();
  BOOST_TEST(!node.root());
  BOOST_TEST(!node.store(std::chrono::milliseconds(0)));
  node.stop();
}

BOOST_AUTO_TEST_SUITE_END()
