// The supervisor actor in a real actor system: restarts, escalation, tree, shutdown. Restart
// backoff and intensity run on a simulated clock that the polls move.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <memory>
#include <mutex>
#include <thread>

#include <caf/all.hpp>

#include "actors/env_simulated.hpp"
#include "actors/supervision/supervisor.hpp"

using namespace auraos::actors;
using namespace auraos::actors::supervision;
using namespace auraos::runtime::supervision;
using std::chrono::milliseconds;

namespace {

using finish_atom = caf::atom_constant<caf::atom("finish")>;
/// Makes a test worker fail: the test's own message, no actor of the runtime knows it.
using crash_atom = caf::atom_constant<caf::atom("crash")>;
constexpr auto deadline = std::chrono::seconds{10};

/// Names of workers in the order they ended.
struct stop_log {
  std::mutex mutex;
  std::vector<std::string> names;
  void add(const std::string& name) {
    std::lock_guard<std::mutex> guard{mutex};
    names.push_back(name);
  }
};

/// A worker that answers get_atom, quits normally on finish_atom and crashes on crash_atom.
caf::behavior worker(caf::event_based_actor* self) {
  return {[](caf::get_atom) { return caf::ok_atom::value; }, [self](finish_atom) { self->quit(); },
          [self](crash_atom) {
            self->quit(caf::make_error(caf::sec::runtime_error, "injected fault (test worker)"));
          }};
}

child_spec worker_spec(std::string name, restart_type restart = restart_type::permanent,
                       std::shared_ptr<stop_log> log = nullptr) {
  child_spec spec;
  spec.name = name;
  spec.restart = restart;
  spec.start = [name, log](caf::local_actor* parent) {
    auto child = parent->spawn(worker);
    if (log) child->attach_functor([name, log] { log->add(name); });
    return child;
  };
  return spec;
}

/// The clock of every supervisor of these tests.
std::shared_ptr<simulated_env> sim() {
  static auto env = std::make_shared<simulated_env>();
  return env;
}

supervisor_config config(std::string name, strategy s, std::vector<child_spec> children) {
  supervisor_config cfg;
  cfg.env = sim();
  cfg.name = std::move(name);
  cfg.strategy = s;
  cfg.intensity = {10, milliseconds{5000}};
  cfg.backoff = {milliseconds{1}, milliseconds{5}};
  cfg.random = [] { return 0.5; };
  cfg.children = std::move(children);
  return cfg;
}

struct fixture {
  caf::actor_system_config cfg;
  caf::actor_system sys{cfg};
  caf::scoped_actor self{sys};
  std::vector<caf::actor> roots;

  ~fixture() {
    for (auto& root : roots) caf::anon_send_exit(root, caf::exit_reason::user_shutdown);
  }

  caf::actor start(supervisor_config cfg) {
    roots.push_back(spawn_supervisor(sys, std::move(cfg)));
    return roots.back();
  }

  supervision_tree_node tree(const caf::actor& sup) {
    supervision_tree_node out;
    self->request(sup, std::chrono::seconds{2}, tree_atom::value)
        .receive([&](supervision_tree_node& node) { out = std::move(node); },
                 [&](caf::error& err) { BOOST_FAIL("tree request failed: " + sys.render(err)); });
    return out;
  }

  caf::actor child(const caf::actor& sup, const std::string& name) {
    caf::actor out;
    self->request(sup, std::chrono::seconds{2}, child_atom::value, name)
        .receive([&](caf::actor& a) { out = a; }, [&](caf::error&) {});
    return out;
  }

  /// Polls the tree until `pred` holds or the (real) deadline passes; simulated time moves by
  /// `step` between polls.
  template <class Pred>
  bool wait_for(const caf::actor& sup, Pred pred, milliseconds step = milliseconds{5}) {
    auto until = std::chrono::steady_clock::now() + deadline;
    while (std::chrono::steady_clock::now() < until) {
      if (pred(tree(sup))) return true;
      sim()->advance(step);
      std::this_thread::sleep_for(milliseconds{5});
    }
    return false;
  }

  static const supervision_tree_node& node(const supervision_tree_node& t, const std::string& n) {
    static const supervision_tree_node missing{"<missing>", "", {}, child_status::stopped,
                                               0,           {}, {}};
    auto* found = find_node(t, n);
    return found ? *found : missing;
  }

  /// True when `name` runs again after `restarts` restarts.
  static auto restarted(std::string name, std::size_t restarts) {
    return [name, restarts](const supervision_tree_node& t) {
      auto& n = node(t, name);
      return n.restarts == restarts && n.status == child_status::running;
    };
  }

  /// The rendered exit reason of the next down message (the test monitors one actor).
  /// Waits (real time) for a down message while simulated time moves 5 ms per 5 ms.
  std::string await_down() {
    std::string reason = "<no down message>";
    bool down = false;
    auto until = std::chrono::steady_clock::now() + deadline;
    while (!down && std::chrono::steady_clock::now() < until)
      self->receive(
          [&](caf::down_msg& msg) {
            reason = sys.render(msg.reason);
            down = true;
          },
          caf::after(milliseconds{5}) >> [] { sim()->advance(milliseconds{5}); });
    return reason;
  }
};

std::vector<child_spec> abc(std::shared_ptr<stop_log> log = nullptr) {
  return {worker_spec("a", restart_type::permanent, log),
          worker_spec("b", restart_type::permanent, log),
          worker_spec("c", restart_type::permanent, log)};
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(supervisor_actor, fixture)

BOOST_AUTO_TEST_CASE(one_for_one_restarts_only_the_crashed_child) {
  auto sup = start(config("root", strategy::one_for_one, abc()));
  auto a = child(sup, "a"), c = child(sup, "c");
  self->send(child(sup, "b"), crash_atom::value);
  BOOST_REQUIRE(wait_for(sup, restarted("b", 1)));
  auto t = tree(sup);
  BOOST_TEST(node(t, "a").restarts == 0u);
  BOOST_TEST(node(t, "c").restarts == 0u);
  BOOST_TEST((child(sup, "a") == a));
  BOOST_TEST((child(sup, "c") == c));
  BOOST_TEST(node(t, "b").last_failure.value_or("").find("injected fault") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(one_for_all_restarts_every_child) {
  auto sup = start(config("root", strategy::one_for_all, abc()));
  auto a = child(sup, "a"), c = child(sup, "c");
  self->send(child(sup, "b"), crash_atom::value);
  BOOST_REQUIRE(wait_for(sup, [](const supervision_tree_node& t) {
    return restarted("a", 1)(t) && restarted("b", 1)(t) && restarted("c", 1)(t);
  }));
  BOOST_TEST((child(sup, "a") != a));
  BOOST_TEST((child(sup, "c") != c));
  BOOST_TEST(!node(tree(sup), "a").last_failure.has_value());
}

BOOST_AUTO_TEST_CASE(rest_for_one_restarts_the_crashed_child_and_later_ones) {
  auto sup = start(config("root", strategy::rest_for_one, abc()));
  auto a = child(sup, "a"), c = child(sup, "c");
  self->send(child(sup, "b"), crash_atom::value);
  BOOST_REQUIRE(wait_for(sup, [](const supervision_tree_node& t) {
    return restarted("b", 1)(t) && restarted("c", 1)(t);
  }));
  BOOST_TEST(node(tree(sup), "a").restarts == 0u);
  BOOST_TEST((child(sup, "a") == a));
  BOOST_TEST((child(sup, "c") != c));
}

BOOST_AUTO_TEST_CASE(transient_child_is_restarted_after_a_crash_but_not_after_a_normal_exit) {
  auto sup = start(config("root", strategy::one_for_one,
                          {worker_spec("done", restart_type::transient),
                           worker_spec("crashes", restart_type::transient)}));
  self->send(child(sup, "done"), finish_atom::value);
  self->send(child(sup, "crashes"), crash_atom::value);
  BOOST_REQUIRE(wait_for(sup, restarted("crashes", 1)));
  BOOST_REQUIRE(wait_for(sup, [](const supervision_tree_node& t) {
    return node(t, "done").status == child_status::stopped;
  }));
  auto t = tree(sup);
  BOOST_TEST(node(t, "done").restarts == 0u);
  BOOST_TEST(!node(t, "done").last_failure.has_value());
  BOOST_TEST(!child(sup, "done"));
}

BOOST_AUTO_TEST_CASE(temporary_child_is_never_restarted) {
  auto sup = start(config("root", strategy::one_for_one,
                          {worker_spec("keep"), worker_spec("once", restart_type::temporary)}));
  self->send(child(sup, "once"), crash_atom::value);
  BOOST_REQUIRE(wait_for(sup, [](const supervision_tree_node& t) {
    return t.children.size() == 1 && t.children[0].name == "keep";
  }));
  BOOST_TEST(!child(sup, "once"));
  BOOST_TEST(node(tree(sup), "keep").restarts == 0u);
}

BOOST_AUTO_TEST_CASE(dynamic_children_added_by_message_are_supervised_and_forgotten_when_done) {
  auto sup = start(config("executions", strategy::simple_one_for_one, {}));
  for (auto name : {"exec-1", "exec-2"}) {
    auto spec = worker_spec(name, restart_type::transient);
    spec.kind = "execution";
    self->request(sup, std::chrono::seconds{2}, add_child_atom::value, spec)
        .receive([](caf::actor& a) { BOOST_TEST(static_cast<bool>(a)); },
                 [&](caf::error& e) { BOOST_FAIL(sys.render(e)); });
  }
  BOOST_TEST(tree(sup).children.size() == 2u);
  BOOST_TEST(node(tree(sup), "exec-1").kind == "execution");
  std::string duplicate_error;
  self->request(sup, std::chrono::seconds{2}, add_child_atom::value, worker_spec("exec-1"))
      .receive([](caf::actor&) {}, [&](caf::error& e) { duplicate_error = sys.render(e); });
  BOOST_TEST(duplicate_error.find("already has a live child named 'exec-1'") != std::string::npos);
  self->send(child(sup, "exec-1"), crash_atom::value);
  BOOST_REQUIRE(wait_for(sup, restarted("exec-1", 1)));
  self->send(child(sup, "exec-2"), finish_atom::value);
  BOOST_REQUIRE(wait_for(sup, [](const supervision_tree_node& t) {
    return t.children.size() == 1 && t.children[0].name == "exec-1";
  }));
}

BOOST_AUTO_TEST_CASE(restart_waits_for_the_jittered_backoff) {
  auto cfg = config("root", strategy::one_for_one, {worker_spec("slow")});
  cfg.backoff = {milliseconds{400}, milliseconds{400}};
  cfg.random = [] { return 0.75; };
  auto sup = start(std::move(cfg));
  auto crashed_at = sim()->elapsed();
  self->send(child(sup, "slow"), crash_atom::value);
  auto restarting = [](const supervision_tree_node& t) {
    return node(t, "slow").status == child_status::restarting;
  };
  BOOST_REQUIRE(wait_for(sup, restarting, milliseconds{0}));
  // 0.75 of the 400 ms ceiling: still waiting 1 ms before, restarted at 300 ms.
  sim()->advance(milliseconds{299});
  BOOST_TEST(restarting(tree(sup)));
  BOOST_REQUIRE(wait_for(sup, restarted("slow", 1), milliseconds{1}));
  BOOST_TEST((sim()->elapsed() - crashed_at >= milliseconds{300}));
}

BOOST_AUTO_TEST_CASE(supervisor_exits_with_an_intensity_error_when_restarts_exceed_the_limit) {
  auto cfg = config("fragile", strategy::one_for_one, {worker_spec("w")});
  cfg.intensity = {1, milliseconds{60000}};
  auto sup = start(std::move(cfg));
  self->monitor(sup);
  self->send(child(sup, "w"), crash_atom::value);
  BOOST_REQUIRE(wait_for(sup, restarted("w", 1)));
  self->send(child(sup, "w"), crash_atom::value);
  auto reason = await_down();
  BOOST_TEST(reason.find("supervisor 'fragile' exceeded its restart intensity") !=
             std::string::npos);
  BOOST_TEST(reason.find("injected fault") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(parent_restarts_a_child_supervisor_that_escalated) {
  auto inner = config("inner", strategy::one_for_one, {worker_spec("w")});
  inner.intensity = {1, milliseconds{60000}};
  auto sup = start(config("root", strategy::one_for_one, {supervisor_child(inner)}));
  auto inner_actor = child(sup, "inner");
  self->send(child(inner_actor, "w"), crash_atom::value);
  BOOST_REQUIRE(wait_for(sup, restarted("w", 1)));
  self->send(child(inner_actor, "w"), crash_atom::value);
  BOOST_REQUIRE(wait_for(sup, restarted("inner", 1)));
  auto t = tree(sup);
  const auto& escalated = node(t, "inner");
  BOOST_TEST(escalated.kind == "supervisor");
  BOOST_TEST(escalated.strategy.value_or("") == "one_for_one");
  BOOST_TEST(escalated.last_failure.value_or("").find("exceeded its restart intensity") !=
             std::string::npos);
  BOOST_REQUIRE(escalated.children.size() == 1u);
  BOOST_TEST(escalated.children[0].restarts == 0u);
  BOOST_TEST(to_string(escalated.children[0].status) == "running");
}

BOOST_AUTO_TEST_CASE(whole_tree_stops_children_in_reverse_start_order_without_hanging) {
  auto log = std::make_shared<stop_log>();
  auto inner =
      config("inner", strategy::one_for_all, {worker_spec("x", restart_type::permanent, log)});
  auto children = abc(log);
  children.insert(children.begin() + 1, supervisor_child(inner));
  auto sup = start(config("root", strategy::one_for_one, std::move(children)));
  BOOST_TEST(tree(sup).children.size() == 4u);
  self->monitor(sup);
  caf::anon_send_exit(sup, caf::exit_reason::user_shutdown);
  BOOST_TEST(await_down() == "exit_reason(user_shutdown)");
  std::lock_guard<std::mutex> guard{log->mutex};
  BOOST_TEST(log->names == std::vector<std::string>({"c", "b", "x", "a"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(crashed_child_supervisor_takes_its_children_down_and_is_restarted) {
  auto log = std::make_shared<stop_log>();
  auto inner =
      config("inner", strategy::one_for_one, {worker_spec("x", restart_type::permanent, log)});
  auto sup = start(config("root", strategy::one_for_one, {supervisor_child(inner)}));
  auto old_x = child(child(sup, "inner"), "x");
  caf::anon_send_exit(child(sup, "inner"), caf::exit_reason::kill);
  BOOST_REQUIRE(wait_for(sup, restarted("inner", 1)));
  BOOST_REQUIRE(wait_for(sup, [](const supervision_tree_node& t) {
    return restarted("x", 0)(t) && node(t, "inner").children.size() == 1;
  }));
  BOOST_TEST((child(child(sup, "inner"), "x") != old_x));
  std::lock_guard<std::mutex> guard{log->mutex};
  BOOST_TEST(log->names == std::vector<std::string>({"x"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(child_whose_start_fails_leads_to_escalation_with_the_start_error) {
  child_spec broken;
  broken.name = "broken";
  broken.start = [](caf::local_actor*) -> caf::actor { throw std::runtime_error("no socket"); };
  auto cfg = config("fragile", strategy::one_for_one, {broken});
  cfg.intensity = {2, milliseconds{60000}};
  auto sup = start(std::move(cfg));
  self->monitor(sup);
  auto reason = await_down();
  BOOST_TEST(reason.find("exceeded its restart intensity") != std::string::npos);
  BOOST_TEST(reason.find("start of 'broken' failed: no socket") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_supervisor_refuses_a_crash_message) {
  auto sup = start(config("prod", strategy::one_for_one, {worker_spec("w")}));
  bool refused = false;
  self->request(sup, std::chrono::seconds{2}, crash_atom::value)
      .receive([] {}, [&](caf::error&) { refused = true; });
  BOOST_TEST(refused);
  BOOST_TEST(to_string(tree(sup).status) == "running");
}

BOOST_AUTO_TEST_SUITE_END()
