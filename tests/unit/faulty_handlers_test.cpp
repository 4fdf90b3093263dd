// The fault-injecting node handlers: failed and crashing attempts over the real handlers.
#include <boost/test/unit_test.hpp>
#include <memory>
#include <nlohmann/json.hpp>

#include "runtime/handlers/node_handlers.hpp"
#include "tests/support/faulty_handlers.hpp"
#include "tests/support/result_slot.hpp"

namespace {

using namespace auraos::runtime::handlers;
using auraos::test::faulty_handlers;
using auraos::test::result_slot;
using nlohmann::json;

shell_request echo(const std::string& text) {
  attempt_identity id{"exec-1", "node-a", 1, "exec-1/node-a/1"};
  auto request = parse_shell_config({{"command", "echo " + text}}, id);
  BOOST_REQUIRE(request.has_value());
  return std::move(request).value();
}

/// Runs one shell attempt through `handlers` and waits for its result.
work_result run(faulty_handlers& handlers, const std::string& text) {
  result_slot<work_result> slot;
  handlers.start_shell(echo(text), slot.callback());
  return slot.wait();
}

struct fixture {
  faulty_handlers handlers{make_node_handlers()};
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(faulty_node_handlers, fixture)

BOOST_AUTO_TEST_CASE(without_faults_attempts_run_on_the_real_handlers) {
  auto result = run(handlers, "hello");
  BOOST_REQUIRE(result.ok);
  BOOST_TEST(auraos::test::output_of(result).at("stdout") == "hello\n");
  BOOST_TEST(handlers.attempts() == 1u);
}

BOOST_AUTO_TEST_CASE(the_next_n_attempts_fail_with_the_chosen_error_then_attempts_run) {
  handlers.fail_next(2, {"connection", "injected: peer gone", true, nullptr});
  for (int i = 0; i < 2; ++i) {
    auto failed = run(handlers, "never");
    BOOST_TEST(!failed.ok);
    BOOST_TEST(failed.error.type == "connection");
    BOOST_TEST(failed.error.message == "injected: peer gone");
    BOOST_TEST(failed.error.retryable);
  }
  auto passed = run(handlers, "again");
  BOOST_REQUIRE(passed.ok);
  BOOST_TEST(auraos::test::output_of(passed).at("stdout") == "again\n");
  BOOST_TEST(handlers.attempts() == 3u);
}

BOOST_AUTO_TEST_CASE(http_attempts_meet_the_same_faults) {
  handlers.fail_next(1, {"timeout", "injected timeout", true, nullptr});
  attempt_identity id{"exec-1", "call", 1, "exec-1/call/1"};
  auto request = parse_http_config({{"url", "http://127.0.0.1:1/never"}}, id);
  BOOST_REQUIRE(request.has_value());
  result_slot<work_result> slot;
  handlers.start_http(std::move(request).value(), slot.callback());
  auto failed = slot.wait();
  BOOST_TEST(!failed.ok);
  BOOST_TEST(failed.error.type == "timeout");
}

BOOST_AUTO_TEST_CASE(a_crashing_attempt_throws_from_its_start_and_never_runs) {
  handlers.crash_next(1);
  bool called = false;
  BOOST_CHECK_THROW(handlers.start_shell(echo("never"), [&](work_result) { called = true; }),
                    auraos::test::injected_crash);
  BOOST_TEST(!called);
  BOOST_TEST(run(handlers, "after").ok);
  BOOST_TEST(handlers.attempts() == 2u);
}

BOOST_AUTO_TEST_SUITE_END()
