#pragma once
// Transactions and savepoints that roll back in their destructor unless committed.

#include <string>

#include "persistence/sqlite/database.hpp"

namespace auraos::persistence::sqlite {

/// A write transaction (BEGIN IMMEDIATE); rolled back on destruction unless committed.
class transaction {
 public:
  /// Starts a write transaction, taking the write lock at once.
  static store_result<transaction> begin(database& db);
  transaction(transaction&& other) noexcept;
  transaction& operator=(transaction&&) = delete;
  ~transaction();

  /// Commits; afterwards the destructor does nothing.
  store_status commit();

 private:
  explicit transaction(database& db) : db_(&db) {}
  database* db_;
};

/// A nested savepoint; rolled back (not the outer transaction) unless released.
class savepoint {
 public:
  /// Opens a savepoint named `name` inside the current transaction.
  static store_result<savepoint> open(database& db, std::string name);
  savepoint(savepoint&& other) noexcept;
  savepoint& operator=(savepoint&&) = delete;
  ~savepoint();

  /// Keeps the savepoint's changes as part of the outer transaction.
  store_status release();

 private:
  savepoint(database& db, std::string name) : db_(&db), name_(std::move(name)) {}
  database* db_;
  std::string name_;
};

}  // namespace auraos::persistence::sqlite
