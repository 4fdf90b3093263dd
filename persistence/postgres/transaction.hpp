#pragma once
// A transaction that rolls back in its destructor unless committed.

#include "persistence/postgres/connection.hpp"

namespace auraos::persistence::postgres {

/// BEGIN ... COMMIT on one connection; ROLLBACK on destruction unless committed.
class transaction {
 public:
  /// Starts a transaction.
  static store_result<transaction> begin(connection& conn);
  transaction(transaction&& other) noexcept;
  transaction& operator=(transaction&&) = delete;
  ~transaction();

  /// Commits; afterwards the destructor does nothing.
  store_status commit();

 private:
  explicit transaction(connection& conn) : conn_(&conn) {}
  connection* conn_;
};

}  // namespace auraos::persistence::postgres
