#include "bench/support/rest_node.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/support/pg_server.hpp"

namespace auraos::bench {

namespace {

constexpr std::chrono::seconds start_deadline{60};

/// Parses one `auraos_executions{status="S"} N` line into (S, N); false for other lines.
bool parse_status_line(const std::string& line, std::pair<std::string, std::int64_t>& out) {
  const std::string prefix = "auraos_executions{status=\"";
  if (line.rfind(prefix, 0) != 0) return false;
  auto quote = line.find('"', prefix.size());
  auto space = line.find(' ', quote);
  if (quote == std::string::npos || space == std::string::npos) return false;
  out = {line.substr(prefix.size(), quote - prefix.size()), std::atoll(line.c_str() + space + 1)};
  return true;
}

}  // namespace

std::string sibling_auraos() {
  auto self = std::filesystem::read_symlink("/proc/self/exe");
  return (self.parent_path().parent_path() / "cli" / "auraos").string();
}

result<std::unique_ptr<rest_node>, std::string> rest_node::start(const std::string& binary,
                                                                 const std::string& db,
                                                                 const std::string& config_json) {
  std::unique_ptr<rest_node> node{new rest_node};
  auto port = test::unused_port();
  if (!port) return fail(port.error());
  node->port_ = *port;
  // serve_process runs the binary named by AURAOS_BIN (as under ctest). Log level warn: the
  // "listening on" line is not printed, hence a port chosen here.
  ::setenv("AURAOS_BIN", binary.c_str(), 1);
  std::vector<std::string> args{"--http",      "127.0.0.1:" + std::to_string(*port),
                                "--data-dir",  node->data_.path().string(),
                                "--log-level", "warn"};
  if (!db.empty()) args.insert(args.end(), {"--db", db});
  if (!config_json.empty()) {
    auto file = node->data_.path() / "bench-config.json";
    std::ofstream{file} << config_json;
    args.insert(args.end(), {"--config", file.string()});
  }
  node->process_ = std::make_unique<test::serve_process>(args);
  auto until = std::chrono::steady_clock::now() + start_deadline;
  while (!node->ready()) {
    if (node->process_->wait_exit(std::chrono::milliseconds(50)) >= 0)
      return fail(binary + " serve exited: " + node->process_->err());
    if (std::chrono::steady_clock::now() > until)
      return fail(binary + " serve: not ready after 60 s: " + node->process_->err());
  }
  return node;
}

bool rest_node::ready() {
  try {
    return call({"GET", "/readyz", "", {}}).status == 200;
  } catch (const std::exception&) {
    return false;  // not listening yet
  }
}

test::http_reply rest_node::call(const test::http_call& call) {
  if (!connection_) connection_ = std::make_unique<test::http_connection>("127.0.0.1", port_);
  try {
    return connection_->request(call);
  } catch (...) {
    connection_.reset();
    throw;
  }
}

std::map<std::string, std::int64_t> rest_node::executions_by_status() {
  auto reply = call({"GET", "/metrics", "", {}});
  if (reply.status != 200)
    throw std::runtime_error("GET /metrics answered " + std::to_string(reply.status));
  return bench::executions_by_status(reply.body);
}

std::map<std::string, std::int64_t> executions_by_status(const std::string& metrics) {
  std::map<std::string, std::int64_t> out;
  std::istringstream lines{metrics};
  std::pair<std::string, std::int64_t> entry;
  for (std::string line; std::getline(lines, line);)
    if (parse_status_line(line, entry)) out.insert(entry);
  return out;
}

}  // namespace auraos::bench
