#include "persistence/postgres/connection_pool.hpp"

#include <algorithm>
#include <utility>

namespace auraos::persistence::postgres {

connection_pool::connection_pool(std::string url, std::size_t size)
    : url_(std::move(url)), slots_(std::max<std::size_t>(size, 1)) {
  for (std::size_t i = slots_.size(); i > 0; --i) free_.push_back(i - 1);
}

connection_pool::lease::lease(lease&& other) noexcept
    : pool_(std::exchange(other.pool_, nullptr)), index_(other.index_) {}

connection_pool::lease::~lease() {
  if (pool_) pool_->release(index_);
}

store_result<connection_pool::lease> connection_pool::acquire() {
  std::size_t index = 0;
  {
    std::unique_lock guard{mutex_};
    returned_.wait(guard, [this] { return !free_.empty(); });
    index = free_.back();
    free_.pop_back();
  }
  lease held{this, index};
  auto& slot = slots_[index];
  if (slot && !slot->broken()) return held;
  slot.reset();
  auto opened = connection::open(url_);
  if (!opened) return fail(std::move(opened).error());
  // A write waits at most as long for another session's lock as SQLite's busy timeout.
  if (auto limited = (*opened)->exec("SET lock_timeout = '5s'", "set lock_timeout"); !limited)
    return fail(std::move(limited).error());
  if (auto prepared = (*opened)->prepare_queries(); !prepared)
    return fail(std::move(prepared).error());
  slot = std::move(opened).value();
  return held;
}

void connection_pool::release(std::size_t index) {
  {
    std::lock_guard guard{mutex_};
    free_.push_back(index);
  }
  returned_.notify_one();
}

}  // namespace auraos::persistence::postgres
