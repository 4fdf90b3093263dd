// Driver actors for the benchmarks: round trips and bounded starts.
#include "bench/support/round_trips.hpp"

#include <future>
#include <iostream>
#include <memory>

#include <caf/all.hpp>

#include "actors/executions/executions_service.hpp"

namespace auraos::bench {

namespace {

using clock = std::chrono::steady_clock;

/// What the round-trip driver counts.
struct trip_state {
  std::int64_t sent = 0;
  std::int64_t done = 0;
  std::promise<double> result;
  clock::time_point began = clock::now();
};

/// One round trip: what is sent, to whom, and how many in all.
struct trip {
  caf::actor target;
  trip_kind kind;
  std::string id;
  std::int64_t count;
};

void send_one(caf::event_based_actor* self, const trip& t, const std::shared_ptr<trip_state>& s);

void on_answer(caf::event_based_actor* self, const trip& t, const std::shared_ptr<trip_state>& s) {
  if (++s->done == t.count) {
    std::chrono::duration<double> took = clock::now() - s->began;
    s->result.set_value(took.count());
    self->quit();
  } else if (s->sent < t.count) {
    send_one(self, t, s);
  }
}

void send_one(caf::event_based_actor* self, const trip& t, const std::shared_ptr<trip_state>& s) {
  ++s->sent;
  auto failed = [=](caf::error& e) {
    std::cerr << "round trip failed: " << caf::to_string(e) << "\n";
    s->result.set_value(-1);
    self->quit();
  };
  if (t.kind == trip_kind::brief)
    self->request(t.target, caf::infinite, actors::executions::brief_atom::value)
        .then([=](actors::executions::execution_brief&) { on_answer(self, t, s); }, failed);
  else
    self->request(t.target, caf::infinite, caf::get_atom::value, t.id)
        .then([=](actors::executions::execution_reply&) { on_answer(self, t, s); }, failed);
}

/// `(tick_atom)`: the start driver checks how many more executions it may start.
using tick_atom = caf::atom_constant<caf::atom("benchtick")>;

/// What the start driver counts.
struct start_state {
  std::int64_t sent = 0;
  std::int64_t answered = 0;
  bool failed = false;
  std::promise<bool> result;
};

void start_one(caf::event_based_actor* self, const caf::actor& service,
               const std::string& workflow_id, const std::shared_ptr<start_state>& s) {
  ++s->sent;
  self->request(service, std::chrono::seconds(30),
                actors::executions::start_execution_command{workflow_id, 0, "null", ""})
      .then(
          [=](actors::executions::execution_reply& r) {
            ++s->answered;
            if (!r) std::cerr << "start refused: " << r.error().message << "\n";
            s->failed = s->failed || !r;
          },
          [=](caf::error& e) {
            std::cerr << "start failed: " << caf::to_string(e) << "\n";
            s->failed = true;
          });
}

void finish(caf::event_based_actor* self, const std::shared_ptr<start_state>& s) {
  s->result.set_value(!s->failed);
  self->quit();
}

}  // namespace

double round_trips(caf::actor_system& system, const caf::actor& target, trip_kind kind,
                   const std::string& id, std::int64_t count, int window) {
  auto s = std::make_shared<trip_state>();
  auto answer = s->result.get_future();
  trip t{target, kind, id, count};
  system.spawn([=](caf::event_based_actor* self) {
    s->began = clock::now();
    for (int i = 0; i < window && s->sent < count; ++i) send_one(self, t, s);
  });
  return answer.get();
}

bool start_executions(caf::actor_system& system, const caf::actor& service,
                      const std::string& workflow_id, std::int64_t count, int window,
                      const std::function<std::int64_t()>& ended) {
  auto s = std::make_shared<start_state>();
  auto answer = s->result.get_future();
  system.spawn([=](caf::event_based_actor* self) -> caf::behavior {
    self->send(self, tick_atom::value);
    return {[=](tick_atom) {
      if (s->answered == count || s->failed) return finish(self, s);
      while (s->sent < count && s->sent - ended() < window && s->sent - s->answered < window)
        start_one(self, service, workflow_id, s);
      self->delayed_send(self, std::chrono::milliseconds(1), tick_atom::value);
    }};
  });
  return answer.get();
}

}  // namespace auraos::bench
