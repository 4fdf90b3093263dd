#include "persistence/postgres/transaction.hpp"

#include <utility>

namespace auraos::persistence::postgres {

store_result<transaction> transaction::begin(connection& conn) {
  auto begun = conn.exec("BEGIN", "begin transaction");
  if (!begun) return fail(std::move(begun).error());
  return transaction{conn};
}

transaction::transaction(transaction&& other) noexcept
    : conn_(std::exchange(other.conn_, nullptr)) {}

transaction::~transaction() {
  if (conn_ && !conn_->broken() && PQtransactionStatus(conn_->handle()) != PQTRANS_IDLE)
    conn_->exec("ROLLBACK", "roll back transaction");
}

store_status transaction::commit() {
  auto done = conn_->exec("COMMIT", "commit transaction");
  if (!done) return fail(std::move(done).error());
  conn_ = nullptr;
  return std::monostate{};
}

}  // namespace auraos::persistence::postgres
