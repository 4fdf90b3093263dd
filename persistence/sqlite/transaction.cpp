#include "persistence/sqlite/transaction.hpp"

#include <utility>

namespace auraos::persistence::sqlite {

store_result<transaction> transaction::begin(database& db) {
  auto begun = db.exec("BEGIN IMMEDIATE", "begin transaction");
  if (!begun) return fail(std::move(begun).error());
  return transaction{db};
}

transaction::transaction(transaction&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}

transaction::~transaction() {
  if (db_ && !db_->autocommit()) db_->exec("ROLLBACK", "roll back transaction");
}

store_status transaction::commit() {
  auto done = db_->exec("COMMIT", "commit transaction");
  if (done) db_ = nullptr;
  return done;
}

store_result<savepoint> savepoint::open(database& db, std::string name) {
  auto opened = db.exec("SAVEPOINT " + name, "open savepoint " + name);
  if (!opened) return fail(std::move(opened).error());
  return savepoint{db, std::move(name)};
}

savepoint::savepoint(savepoint&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), name_(std::move(other.name_)) {}

savepoint::~savepoint() {
  if (!db_ || db_->autocommit()) return;
  db_->exec("ROLLBACK TO " + name_ + "; RELEASE " + name_, "roll back savepoint " + name_);
}

store_status savepoint::release() {
  auto done = db_->exec("RELEASE " + name_, "release savepoint " + name_);
  if (done) db_ = nullptr;
  return done;
}

}  // namespace auraos::persistence::sqlite
