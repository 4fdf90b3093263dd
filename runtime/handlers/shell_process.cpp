#include "runtime/handlers/shell_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace auraos::runtime::handlers {
namespace {

/// Both ends of a pipe, created close-on-exec so no other child inherits them.
struct pipe_pair {
  unique_fd read_end;
  unique_fd write_end;
};

result<pipe_pair, work_error> make_pipe() {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) {
    return fail(work_error{"spawn", std::string("pipe: ") + std::strerror(errno), true});
  }
  return pipe_pair{unique_fd(fds[0]), unique_fd(fds[1])};
}

/// posix_spawn attributes: new process group, all signals default, nothing blocked.
struct spawn_attributes {
  spawn_attributes() {
    posix_spawnattr_init(&attr);
    posix_spawnattr_setflags(
        &attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    posix_spawnattr_setpgroup(&attr, 0);
    sigset_t none, all;
    sigemptyset(&none);
    sigfillset(&all);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setsigdefault(&attr, &all);
  }
  ~spawn_attributes() { posix_spawnattr_destroy(&attr); }
  spawn_attributes(const spawn_attributes&) = delete;
  spawn_attributes& operator=(const spawn_attributes&) = delete;
  posix_spawnattr_t attr;
};

/// posix_spawn file actions: the pipes become fds 0-2, every other descriptor is closed, then
/// the working directory changes. Sockets of the node (Asio's listening socket and connections,
/// database connections) are not close-on-exec; a command that inherited one would keep the
/// node's port bound after the node died and block its restart.
struct spawn_actions {
  spawn_actions(int in, int out, int err, const std::string& cwd) {
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in, 0);
    posix_spawn_file_actions_adddup2(&actions, out, 1);
    posix_spawn_file_actions_adddup2(&actions, err, 2);
    posix_spawn_file_actions_addclosefrom_np(&actions, 3);
    if (!cwd.empty()) posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());
  }
  ~spawn_actions() { posix_spawn_file_actions_destroy(&actions); }
  spawn_actions(const spawn_actions&) = delete;
  spawn_actions& operator=(const spawn_actions&) = delete;
  posix_spawn_file_actions_t actions;
};

std::vector<char*> c_strings(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (auto& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

work_error spawn_error(const shell_request& request, int error) {
  const auto& command = request.argv[0];
  bool missing = error == ENOENT || error == EACCES || error == ENOTDIR;
  if (error == ENOENT && command.find('/') == std::string::npos) {
    return {"spawn", "command '" + command + "' not found in PATH", false};
  }
  return {"spawn", "cannot run '" + command + "': " + std::strerror(error), !missing};
}

result<bool, work_error> check_cwd(const std::string& cwd) {
  struct stat info {};
  if (cwd.empty() || (::stat(cwd.c_str(), &info) == 0 && S_ISDIR(info.st_mode))) return true;
  return fail(work_error{"spawn", "config.cwd: '" + cwd + "' is not a directory", false});
}

void set_nonblocking(const unique_fd& fd) {
  fcntl(fd.get(), F_SETFL, fcntl(fd.get(), F_GETFL) | O_NONBLOCK);
}

}  // namespace

result<spawned_process, work_error> spawn_process(const shell_request& request) {
  if (auto cwd = check_cwd(request.cwd); !cwd) return fail(std::move(cwd).error());
  auto in = make_pipe(), out = make_pipe(), err = make_pipe();
  if (!in) return fail(std::move(in).error());
  if (!out) return fail(std::move(out).error());
  if (!err) return fail(std::move(err).error());
  spawn_attributes attributes;
  spawn_actions actions(in->read_end.get(), out->write_end.get(), err->write_end.get(),
                        request.cwd);
  auto args = request.argv;
  auto env = shell_environment(request);
  auto c_args = c_strings(args);
  auto c_env = c_strings(env);
  spawned_process process;
  int rc = posix_spawnp(&process.pid, c_args[0], &actions.actions, &attributes.attr, c_args.data(),
                        c_env.data());
  if (rc != 0) return fail(spawn_error(request, rc));
  process.exit_fd.reset(static_cast<int>(::syscall(SYS_pidfd_open, process.pid, 0)));
  process.stdin_fd = std::move(in->write_end);
  process.stdout_fd = std::move(out->read_end);
  process.stderr_fd = std::move(err->read_end);
  for (const auto* fd : {&process.stdin_fd, &process.stdout_fd, &process.stderr_fd}) {
    set_nonblocking(*fd);
  }
  return process;
}

}  // namespace auraos::runtime::handlers
