#include "tests/support/pg_server.hpp"

#include <arpa/inet.h>
#include <libpq-fe.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "tests/support/process.hpp"

namespace auraos::test {

namespace {

using status = result<std::monostate, std::string>;

const std::string bin_dir = "/usr/lib/postgresql/15/bin/";
constexpr auto command_deadline = std::chrono::seconds(90);

}  // namespace

result<std::uint16_t, std::string> unused_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return fail(std::string{"pg_server: cannot create a socket"});
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  auto* raw = reinterpret_cast<sockaddr*>(&address);
  bool ok = ::bind(fd, raw, sizeof address) == 0 && ::getsockname(fd, raw, &length) == 0;
  ::close(fd);
  if (!ok) return fail(std::string{"pg_server: cannot bind a free port on 127.0.0.1"});
  return static_cast<std::uint16_t>(ntohs(address.sin_port));
}

namespace {

result<std::filesystem::path, std::string> make_dir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "auraos-pg-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr)
    return fail("pg_server: cannot create a temp dir from " + pattern);
  if (::geteuid() == 0) {
    const passwd* user = ::getpwnam("postgres");
    if (user == nullptr || ::chown(pattern.c_str(), user->pw_uid, user->pw_gid) != 0)
      return fail("pg_server: running as root needs the 'postgres' user to own " + pattern);
  }
  return std::filesystem::path{pattern};
}

status run(const std::vector<std::string>& argv, const std::string& cwd) {
  process_options options;
  options.deadline = command_deadline;
  options.cwd = cwd;
  auto done = run_process(argv, options);
  if (done.exit_code == 0) return std::monostate{};
  std::string command;
  for (const auto& arg : argv) command += arg + " ";
  return fail("pg_server: '" + command + "' failed (exit " + std::to_string(done.exit_code) +
              (done.timed_out ? ", deadline passed" : "") + "): " + done.err + done.out);
}

}  // namespace

std::vector<std::pair<std::string, std::string>> pg_server_settings() {
  return {{"listen_addresses", "'127.0.0.1'"},
          {"fsync", "on"},
          {"synchronous_commit", "on"},
          {"full_page_writes", "on"},
          {"shared_buffers", "128MB"},
          {"wal_buffers", "16MB"},
          {"max_wal_size", "1GB"},
          {"checkpoint_timeout", "15min"},
          {"max_connections", "100"},
          {"log_min_messages", "warning"}};
}

result<std::unique_ptr<pg_server>, std::string> pg_server::launch() {
  std::unique_ptr<pg_server> server{new pg_server};
  if (auto ready = server->init(); !ready) return fail(std::move(ready).error());
  return server;
}

status pg_server::init() {
  auto dir = make_dir();
  if (!dir) return fail(std::move(dir).error());
  dir_ = std::move(dir).value();
  auto port = unused_port();
  if (!port) return fail(std::move(port).error());
  port_ = *port;
  auto data = (dir_ / "data").string();
  auto made = run(as_postgres({bin_dir + "initdb", "-D", data, "-U", "postgres", "--auth=trust",
                               "--encoding=UTF8", "--locale=C", "--no-sync"}),
                  dir_.string());
  if (!made) return made;
  std::ofstream conf{dir_ / "data" / "postgresql.conf", std::ios::app};
  conf << "\n# auraos test server (tests/support/pg_server.cpp)\n";
  for (const auto& [name, value] : pg_server_settings()) conf << name << " = " << value << "\n";
  conf << "port = " << port_ << "\nunix_socket_directories = '" << dir_.string() << "'\n";
  conf.close();
  if (!conf) return fail("pg_server: cannot write postgresql.conf in " + data);
  if (auto started = start(); !started) return started;
  return create_database("auraos");
}

pg_server::~pg_server() {
  if (running_) pg_ctl({"-m", "immediate", "stop"});
  std::error_code ignored;
  if (!dir_.empty()) std::filesystem::remove_all(dir_, ignored);
}

std::string pg_server::url_for(std::string_view database) const {
  return "postgresql://postgres@127.0.0.1:" + std::to_string(port_) + "/" + std::string{database};
}

status pg_server::create_database(std::string_view name) const {
  PGconn* conn = PQconnectdb(url_for("postgres").c_str());
  std::string error;
  if (PQstatus(conn) != CONNECTION_OK) {
    error = PQerrorMessage(conn);
  } else {
    PGresult* done = PQexec(conn, ("CREATE DATABASE \"" + std::string{name} + "\"").c_str());
    if (PQresultStatus(done) != PGRES_COMMAND_OK) error = PQresultErrorMessage(done);
    PQclear(done);
  }
  PQfinish(conn);
  if (error.empty()) return std::monostate{};
  return fail("pg_server: create database " + std::string{name} + ": " + error);
}

status pg_server::stop() {
  auto stopped = pg_ctl({"-m", "fast", "stop"});
  if (stopped) running_ = false;
  return stopped;
}

status pg_server::start() {
  auto log = (dir_ / "server.log").string();
  auto started = pg_ctl({"-w", "-t", "60", "-l", log, "start"});
  if (!started) return fail(started.error() + "\nserver log:\n" + log_tail());
  running_ = true;
  return started;
}

status pg_server::pg_ctl(std::vector<std::string> args) const {
  std::vector<std::string> argv{bin_dir + "pg_ctl", "-D", (dir_ / "data").string()};
  argv.insert(argv.end(), args.begin(), args.end());
  return run(as_postgres(std::move(argv)), dir_.string());
}

std::vector<std::string> pg_server::as_postgres(std::vector<std::string> argv) const {
  if (::geteuid() != 0) return argv;
  argv.insert(argv.begin(), {"/usr/sbin/runuser", "-u", "postgres", "--"});
  return argv;
}

std::string pg_server::log_tail() const {
  std::ifstream in{dir_ / "server.log"};
  std::stringstream text;
  text << in.rdbuf();
  auto all = text.str();
  return all.size() > 4000 ? all.substr(all.size() - 4000) : all;
}

}  // namespace auraos::test
