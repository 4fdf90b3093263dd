#pragma once
// Waiting in a test for one result delivered by a callback on another thread.

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>

#include <boost/test/unit_test.hpp>

namespace auraos::test {

/// Collects one result and lets the test wait for it with a deadline.
template <class Result>
struct result_slot {
  std::mutex mutex;
  std::condition_variable ready;
  std::optional<Result> value;

  /// The callback that fills the slot.
  std::function<void(Result)> callback() {
    return [this](Result r) {
      std::lock_guard lock(mutex);
      value = std::move(r);
      ready.notify_all();
    };
  }

  /// The result; fails the test when none arrives within `limit`.
  Result wait(std::chrono::milliseconds limit = std::chrono::seconds(20)) {
    std::unique_lock lock(mutex);
    BOOST_REQUIRE(ready.wait_for(lock, limit, [this] { return value.has_value(); }));
    return *value;
  }
};

/// The output JSON of a handler result; fails the test when it has none.
template <class Result>
const auto& output_of(const Result& r) {
  BOOST_REQUIRE(r.output);
  return *r.output;
}

}  // namespace auraos::test
