// Following GET /api/v1/events/stream and printing its events as JSON lines.

#include "cli/event_tail.hpp"

#include <cstdio>
#include <memory>
#include <string>
#include <utility>

#include <CLI/CLI.hpp>

#include "cli/client_output.hpp"
#include "cli/command.hpp"
#include "cli/event_filters.hpp"

namespace auraos::cli {
namespace {

/// The flags of `auraos event tail`.
struct tail_flags {
  client_flags client;
  event_filter_flags filter;
  std::string after;  ///< Replay what was stored after this event id first.
  long count = 0;     ///< Stop after this many events (0: never).
};

/// Splits the stream into messages and prints them; remembers how the stream ended.
class sse_printer {
 public:
  explicit sse_printer(long count) : left_(count) {}

  /// Takes bytes of the stream; false once it should stop.
  bool take(std::string_view bytes) {
    buffer_.append(bytes);
    for (auto eol = buffer_.find('\n'); eol != std::string::npos; eol = buffer_.find('\n')) {
      auto line = buffer_.substr(0, eol);
      buffer_.erase(0, eol + 1);
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (!line_done(line)) return false;
    }
    return true;
  }
  /// The exit code once the stream ended.
  int outcome() const { return outcome_; }

 private:
  bool line_done(const std::string& line) {
    if (!line.empty()) {
      if (line.rfind("event:", 0) == 0) event_ = trimmed(line.substr(6));
      if (line.rfind("data:", 0) == 0) data_ += (data_.empty() ? "" : "\n") + trimmed(line.substr(5));
      return true;
    }
    auto event = std::exchange(event_, std::string{});
    auto data = std::exchange(data_, std::string{});
    if (event == "event") {
      std::printf("%s\n", data.c_str());
      std::fflush(stdout);
      return left_ <= 0 || --left_ > 0 ? true : (outcome_ = exit_ok, false);
    }
    if (event == "overflow" || event == "error") {
      std::fprintf(stderr, "auraos: the stream ended (%s): %s\n", event.c_str(), data.c_str());
      outcome_ = exit_failed;
      return false;
    }
    return true;
  }

  static std::string trimmed(std::string text) {
    if (!text.empty() && text.front() == ' ') text.erase(0, 1);
    return text;
  }

  std::string buffer_, event_, data_;
  long left_;
  int outcome_ = exit_unreachable;  // the server went away unless something else ended it
};

int tail(const tail_flags& flags) {
  auto server = resolve_server(flags.client.server, flags.client.token);
  if (!server) return std::fprintf(stderr, "auraos: %s\n", server.error().c_str()), exit_invalid;
  auto query = flags.filter.query() + query_pair("after", flags.after);
  sse_printer printer{flags.count};
  auto reply = stream_node(*server, with_query("/api/v1/events/stream", query),
                           {{"Accept", "text/event-stream"}},
                           [&printer](std::string_view bytes) { return printer.take(bytes); });
  if (!succeeded(reply)) return print_failure(reply);
  if (printer.outcome() == exit_unreachable)
    std::fprintf(stderr, "auraos: the server closed the stream\n");
  return printer.outcome();
}

}  // namespace

void add_tail(CLI::App& events, int& exit_code) {
  auto flags = std::make_shared<tail_flags>();
  auto* command = events.add_subcommand(
      "tail", "Follow stored events live, one JSON event per line (--after replays first)");
  flags->filter.add_to(*command);
  command->add_option("--after", flags->after, "Replay the events stored after this event id");
  command->add_option("--count", flags->count, "Exit after this many events (default: never)")
      ->check(CLI::NonNegativeNumber);
  flags->client.add_to(*command);
  command->callback([flags, &exit_code] { exit_code = tail(*flags); });
}

}  // namespace auraos::cli
