#pragma once
// A fixed number of connections, opened lazily and replaced when they break.

#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "persistence/postgres/connection.hpp"

namespace auraos::persistence::postgres {

/// Up to `size` connections to one database; safe to use from several threads.
class connection_pool {
 public:
  /// A pool of `size` (at least 1) connections to `url`; none is opened yet.
  connection_pool(std::string url, std::size_t size);

  /// Exclusive use of one connection until destruction.
  class lease {
   public:
    lease(lease&& other) noexcept;
    lease& operator=(lease&&) = delete;
    ~lease();
    /// The connection.
    connection& operator*() const noexcept { return *pool_->slots_[index_]; }
    /// The connection.
    connection* operator->() const noexcept { return pool_->slots_[index_].get(); }

   private:
    friend class connection_pool;
    lease(connection_pool* pool, std::size_t index) : pool_(pool), index_(index) {}
    connection_pool* pool_;
    std::size_t index_;
  };

  /// Waits for a free connection; (re)connects it and prepares the queries when it is new or
  /// broken. Fails with unavailable when PostgreSQL cannot be reached.
  store_result<lease> acquire();

 private:
  void release(std::size_t index);

  std::string url_;
  std::vector<std::unique_ptr<connection>> slots_;
  std::vector<std::size_t> free_;
  std::mutex mutex_;
  std::condition_variable returned_;
};

}  // namespace auraos::persistence::postgres
