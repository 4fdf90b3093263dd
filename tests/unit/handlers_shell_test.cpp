#include <dirent.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>

#include "runtime/handlers/shell_runner.hpp"
#include "tests/support/result_slot.hpp"

namespace {

using namespace auraos::runtime::handlers;
using nlohmann::json;
using namespace std::chrono_literals;

shell_request request_for(const json& config) {
  attempt_identity id{"exec-1", "node-a", 2, "exec-1/node-a/2"};
  auto request = parse_shell_config(config, id);
  BOOST_REQUIRE_MESSAGE(request.has_value(), "config rejected");
  return std::move(request).value();
}

shell_result run(const shell_request& request) {
  shell_runner runner;
  auraos::test::result_slot<shell_result> slot;
  runner.start(request, slot.callback());
  return slot.wait();
}

shell_result run(const json& config) {
  return run(request_for(config));
}

const json& output(const shell_result& r) {
  return auraos::test::output_of(r);
}

/// Polls `condition` until it holds or `limit` passes.
template <class F>
bool eventually(F condition, std::chrono::milliseconds limit = 10s) {
  auto until = std::chrono::steady_clock::now() + limit;
  while (!condition()) {
    if (std::chrono::steady_clock::now() > until) return false;
    std::this_thread::sleep_for(5ms);
  }
  return true;
}

std::size_t count_entries(const char* dir) {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir)) ++n;
  return n;
}

std::filesystem::path temp_dir() {
  auto dir = std::filesystem::temp_directory_path() /
             ("auraos-shell-" + std::to_string(::getpid()) + "-" +
              std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
  std::filesystem::create_directories(dir);
  return dir;
}

std::optional<pid_t> read_pid(const std::filesystem::path& file) {
  std::ifstream in(file);
  pid_t pid = 0;
  if (in >> pid && pid > 0) return pid;
  return std::nullopt;
}

/// True when `pid` no longer runs (gone, or a zombie waiting for a parent that is not us).
bool process_gone(pid_t pid) {
  if (::kill(pid, 0) != 0 && errno == ESRCH) return true;
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
  auto close = text.rfind(')');
  return close != std::string::npos && close + 2 < text.size() && text[close + 2] == 'Z';
}

/// True when no process of group `pgid` runs any more.
bool group_gone(pid_t pgid) {
  return ::kill(-pgid, 0) != 0 && errno == ESRCH;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(handlers_shell)

BOOST_AUTO_TEST_CASE(argv_command_runs_without_a_shell_and_captures_stdout) {
  auto r = run(json{{"command", {"echo", "hello $HOME"}}});
  BOOST_REQUIRE(r.ok);
  BOOST_TEST(output(r)["exitCode"] == 0);
  BOOST_TEST(output(r)["stdout"] == "hello $HOME\n");
  BOOST_TEST(output(r)["stderr"] == "");
  BOOST_TEST(!output(r).contains("json"));
}

BOOST_AUTO_TEST_CASE(a_command_inherits_no_descriptor_of_the_node_beyond_its_three_pipes) {
  // A socket without close-on-exec, as Asio opens its listening socket: a command that kept it
  // would hold the node's port after the node died.
  int socket_fd = ::socket(AF_INET, SOCK_STREAM, 0);
  BOOST_REQUIRE(socket_fd > 2);
  auto probe = "test -e /proc/$$/fd/" + std::to_string(socket_fd) +
               " && echo inherited || echo closed; ls /proc/$$/fd | sort -n | tr '\\n' ' '";
  auto r = run(json{{"command", probe}});
  ::close(socket_fd);
  BOOST_REQUIRE(r.ok);
  BOOST_TEST(output(r)["stdout"].get<std::string>().rfind("closed\n0 1 2 ", 0) == 0,
             output(r)["stdout"].get<std::string>());
}

BOOST_AUTO_TEST_CASE(string_command_runs_through_sh_c) {
  auto r = run(json{{"command", "echo out; echo err >&2; echo $((2 + 3))"}});
  BOOST_REQUIRE(r.ok);
  BOOST_TEST(output(r)["stdout"] == "out\n5\n");
  BOOST_TEST(output(r)["stderr"] == "err\n");
}

BOOST_AUTO_TEST_CASE(env_overrides_inherited_variables_and_idempotency_key_is_exported) {
  ::setenv("AURAOS_SHELL_TEST_VAR", "inherited", 1);
  ::setenv("AURAOS_SHELL_TEST_KEEP", "kept", 1);
  auto r = run(json{{"command",
                     "echo $AURAOS_SHELL_TEST_VAR $AURAOS_SHELL_TEST_KEEP $EXTRA; "
                     "echo $AURAOS_IDEMPOTENCY_KEY $AURAOS_EXECUTION_ID $AURAOS_NODE_ID "
                     "$AURAOS_ATTEMPT"},
                    {"env", {{"AURAOS_SHELL_TEST_VAR", "overridden"}, {"EXTRA", 7}}}});
  BOOST_REQUIRE(r.ok);
  BOOST_TEST(output(r)["stdout"] == "overridden kept 7\nexec-1/node-a/2 exec-1 node-a 2\n");
}

BOOST_AUTO_TEST_CASE(cwd_sets_the_working_directory) {
  auto dir = temp_dir();
  auto r = run(json{{"command", {"pwd"}}, {"cwd", dir.string()}});
  BOOST_REQUIRE(r.ok);
  BOOST_TEST(output(r)["stdout"] == std::filesystem::canonical(dir).string() + "\n");
  std::filesystem::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(missing_cwd_fails_with_spawn_error_naming_it) {
  auto r = run(json{{"command", {"pwd"}}, {"cwd", "/no/such/dir"}});
  BOOST_REQUIRE(!r.ok);
  BOOST_TEST(r.error.type == "spawn");
  BOOST_TEST(r.error.message.find("/no/such/dir") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(stdin_is_fed_to_the_command) {
  std::string big(300000, 'x');
  auto r = run(json{{"command", {"wc", "-c"}}, {"stdin", big}});
  BOOST_REQUIRE(r.ok);
  BOOST_TEST(std::stoul(output(r)["stdout"].get<std::string>()) == big.size());
}

BOOST_AUTO_TEST_CASE(stdout_that_parses_is_exposed_as_json) {
  auto r = run(json{{"command", R"(printf '{"n": 3, "ok": true}')"}});
  BOOST_REQUIRE(r.ok);
  BOOST_TEST(output(r)["json"] == (json{{"n", 3}, {"ok", true}}));
}

BOOST_AUTO_TEST_CASE(nonzero_exit_fails_with_exit_code_and_keeps_output) {
  auto r = run(json{{"command", "echo partial; echo oops >&2; exit 3"}});
  BOOST_REQUIRE(!r.ok);
  BOOST_TEST(r.error.type == "exit_code");
  BOOST_TEST(r.error.retryable);
  BOOST_TEST(r.error.message.find("exited with code 3") != std::string::npos);
  BOOST_TEST(output(r)["exitCode"] == 3);
  BOOST_TEST(output(r)["stdout"] == "partial\n");
  BOOST_TEST(output(r)["stderr"] == "oops\n");
}

BOOST_AUTO_TEST_CASE(nonzero_exit_error_carries_exit_code_and_both_capped_streams) {
  auto request =
      request_for(json{{"command", "echo out; head -c 5000 /dev/zero | tr '\\0' e >&2; exit 3"}});
  request.output_cap = 1000;
  auto r = run(request);
  BOOST_REQUIRE(!r.ok);
  BOOST_REQUIRE(r.error.fields);
  const auto& fields = *r.error.fields;
  BOOST_TEST(fields["exitCode"] == 3);
  BOOST_TEST(fields["stdout"] == "out\n");
  BOOST_TEST(fields["stderr"].get<std::string>() == std::string(1000, 'e'));
  BOOST_TEST(fields["stderrTruncated"] == true);
  BOOST_TEST(!fields.contains("json"));
}

BOOST_AUTO_TEST_CASE(success_has_no_error_fields) {
  auto r = run(json{{"command", "echo fine"}});
  BOOST_REQUIRE(r.ok);
  BOOST_TEST(!r.error.fields);
}

BOOST_AUTO_TEST_CASE(output_beyond_the_cap_is_truncated_and_flagged) {
  auto request = request_for(json{{"command", "head -c 100000 /dev/zero | tr '\\0' a"}});
  request.output_cap = 1000;
  auto r = run(request);
  BOOST_REQUIRE(r.ok);
  BOOST_TEST(output(r)["stdout"].get<std::string>() == std::string(1000, 'a'));
  BOOST_TEST(output(r)["stdoutTruncated"] == true);
  BOOST_TEST(!output(r).contains("stderrTruncated"));
}

BOOST_AUTO_TEST_CASE(invalid_utf8_output_is_replaced_not_rejected) {
  auto r = run(json{{"command", R"(printf 'a\377b')"}});
  BOOST_REQUIRE(r.ok);
  BOOST_TEST(output(r)["stdout"] ==
             "a\xEF\xBF\xBD"
             "b");
}

BOOST_AUTO_TEST_CASE(unknown_command_fails_with_spawn_error) {
  auto r = run(json{{"command", {"auraos-no-such-command-xyz"}}});
  BOOST_REQUIRE(!r.ok);
  BOOST_TEST(r.error.type == "spawn");
  BOOST_TEST(r.error.message == "command 'auraos-no-such-command-xyz' not found in PATH");
  BOOST_TEST(!r.error.retryable);
}

BOOST_AUTO_TEST_CASE(bad_config_is_rejected_naming_the_field) {
  attempt_identity id;
  auto missing = parse_shell_config(json::object(), id);
  BOOST_REQUIRE(!missing);
  BOOST_TEST(missing.error().type == "config");
  BOOST_TEST(missing.error().message.find("config.command") == 0);
  auto bad_env = parse_shell_config(json{{"command", "true"}, {"env", {{"A", {1, 2}}}}}, id);
  BOOST_REQUIRE(!bad_env);
  BOOST_TEST(bad_env.error().message.find("config.env.A") == 0);
}

BOOST_AUTO_TEST_CASE(a_nul_byte_in_an_argument_env_or_cwd_is_a_config_error) {
  attempt_identity id;
  std::string nul(1, '\0');
  for (const auto& config :
       {json{{"command", "true" + nul + "x"}}, json{{"command", {"echo", "a" + nul}}},
        json{{"command", "true"}, {"env", {{"A", "b" + nul}}}},
        json{{"command", "true"}, {"env", {{"A=B", "c"}}}},
        json{{"command", "true"}, {"cwd", "/tmp" + nul + "/x"}}}) {
    auto r = parse_shell_config(config, id);
    BOOST_REQUIRE(!r);
    BOOST_TEST(r.error().type == "config");
    BOOST_TEST(!r.error().retryable);
  }
}

BOOST_AUTO_TEST_CASE(cancel_kills_the_process_group_including_grandchildren) {
  auto dir = temp_dir();
  auto request = request_for(json{
      {"command", "echo $$ > leader; sleep 100 & echo $! > child; wait"}, {"cwd", dir.string()}});
  shell_runner runner;
  auraos::test::result_slot<shell_result> slot;
  auto handle = runner.start(request, slot.callback());
  BOOST_REQUIRE(eventually([&] { return read_pid(dir / "child").has_value(); }));
  auto leader = *read_pid(dir / "leader");
  auto child = *read_pid(dir / "child");
  BOOST_REQUIRE(!process_gone(child));
  handle.cancel();
  auto r = slot.wait();
  BOOST_REQUIRE(!r.ok);
  BOOST_TEST(r.error.type == "cancelled");
  BOOST_TEST(!r.error.retryable);
  BOOST_TEST(eventually([&] { return process_gone(child); }));
  BOOST_TEST(eventually([&] { return group_gone(leader); }));
  std::filesystem::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(cancel_escalates_to_sigkill_when_sigterm_is_ignored) {
  auto request =
      request_for(json{{"command", "trap '' TERM; echo ready; while :; do sleep 1; done"}});
  request.kill_grace = 200ms;
  shell_runner runner;
  auraos::test::result_slot<shell_result> slot;
  auto handle = runner.start(request, slot.callback());
  handle.cancel();
  auto r = slot.wait();
  BOOST_TEST(r.error.type == "cancelled");
}

BOOST_AUTO_TEST_CASE(deadline_stops_the_command_with_timeout_error) {
  auto request = request_for(json{{"command", {"sleep", "100"}}});
  request.timeout = 200ms;
  auto started = std::chrono::steady_clock::now();
  auto r = run(request);
  BOOST_REQUIRE(!r.ok);
  BOOST_TEST(r.error.type == "timeout");
  BOOST_TEST(r.error.retryable);
  BOOST_TEST((std::chrono::steady_clock::now() - started < 5s));
}

BOOST_AUTO_TEST_CASE(background_leftovers_are_killed_when_the_command_exits) {
  auto dir = temp_dir();
  auto r = run(json{{"command", "sleep 100 & echo $! > child"}, {"cwd", dir.string()}});
  BOOST_REQUIRE(r.ok);
  auto child = read_pid(dir / "child");
  BOOST_REQUIRE(child.has_value());
  BOOST_TEST(eventually([&] { return process_gone(*child); }));
  std::filesystem::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(two_hundred_concurrent_commands_complete_without_leaking) {
  auto fds_before = count_entries("/proc/self/fd");
  auto threads_before = count_entries("/proc/self/task");
  constexpr int count = 200;
  std::mutex mutex;
  std::condition_variable all_done;
  int finished = 0, succeeded = 0;
  {
    shell_runner runner;
    for (int i = 0; i < count; ++i) {
      auto request =
          request_for(json{{"command", {"sh", "-c", "sleep 0.2; echo " + std::to_string(i)}}});
      runner.start(request, [&, i](shell_result r) {
        std::lock_guard lock(mutex);
        ++finished;
        if (r.ok && (*r.output)["stdout"] == std::to_string(i) + "\n") ++succeeded;
        all_done.notify_all();
      });
    }
    std::unique_lock lock(mutex);
    BOOST_REQUIRE(all_done.wait_for(lock, 120s, [&] { return finished == count; }));
  }
  BOOST_TEST(succeeded == count);
  BOOST_TEST(eventually([&] { return count_entries("/proc/self/task") == threads_before; }));
  BOOST_TEST(count_entries("/proc/self/fd") == fds_before);
  BOOST_TEST(::waitpid(-1, nullptr, WNOHANG) == -1);  // no child left, not even a zombie
  BOOST_TEST(errno == ECHILD);
}

BOOST_AUTO_TEST_CASE(runner_destructor_cancels_running_commands) {
  auraos::test::result_slot<shell_result> slot;
  {
    shell_runner runner;
    runner.start(request_for(json{{"command", {"sleep", "100"}}}), slot.callback());
    BOOST_TEST(runner.running() == 1u);
  }
  BOOST_TEST(slot.wait(1s).error.type == "cancelled");
}

BOOST_AUTO_TEST_SUITE_END()
