#include "persistence/sqlite/statement.hpp"

#include <sqlite3.h>

#include "persistence/sqlite/database.hpp"

namespace auraos::persistence::sqlite {

void statement::finalizer::operator()(sqlite3_stmt* stmt) const noexcept {
  sqlite3_finalize(stmt);
}

store_result<statement> statement::prepare(sqlite3* db, std::string_view sql, std::string name) {
  sqlite3_stmt* raw = nullptr;
  int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &raw, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(raw);
    return fail(sqlite_error(db, rc, "prepare query '" + name + "'"));
  }
  return statement{raw, std::move(name)};
}

void statement::reset() noexcept {
  sqlite3_reset(stmt_.get());
  sqlite3_clear_bindings(stmt_.get());
  bind_rc_ = SQLITE_OK;
}

void statement::check_bind(int rc) noexcept {
  if (rc != SQLITE_OK && bind_rc_ == SQLITE_OK) bind_rc_ = rc;
}

statement& statement::bind(int index, std::int64_t value) {
  check_bind(sqlite3_bind_int64(stmt_.get(), index, value));
  return *this;
}

statement& statement::bind(int index, std::string_view value) {
  check_bind(sqlite3_bind_text(stmt_.get(), index, value.data(), static_cast<int>(value.size()),
                               SQLITE_TRANSIENT));
  return *this;
}

statement& statement::bind_blob(int index, std::string_view bytes) {
  check_bind(sqlite3_bind_blob(stmt_.get(), index, bytes.data(), static_cast<int>(bytes.size()),
                               SQLITE_TRANSIENT));
  return *this;
}

statement& statement::bind(int index, const std::optional<std::string>& value) {
  if (value) return bind(index, std::string_view{*value});
  check_bind(sqlite3_bind_null(stmt_.get(), index));
  return *this;
}

statement& statement::bind(int index, std::optional<std::int64_t> value) {
  if (value) return bind(index, *value);
  check_bind(sqlite3_bind_null(stmt_.get(), index));
  return *this;
}

store_status statement::run() {
  return for_each_row([](const statement&) {});
}

store_status statement::for_each_row(const std::function<void(const statement&)>& on_row) {
  sqlite3* db = sqlite3_db_handle(stmt_.get());
  if (bind_rc_ != SQLITE_OK) return fail(sqlite_error(nullptr, bind_rc_, "bind '" + name_ + "'"));
  int rc = SQLITE_ROW;
  while ((rc = sqlite3_step(stmt_.get())) == SQLITE_ROW) on_row(*this);
  if (rc == SQLITE_DONE) return std::monostate{};
  auto error = sqlite_error(db, rc, "query '" + name_ + "'");
  sqlite3_reset(stmt_.get());
  return fail(std::move(error));
}

std::int64_t statement::changes() const noexcept {
  return sqlite3_changes64(sqlite3_db_handle(stmt_.get()));
}

std::int64_t statement::integer(int column) const {
  return sqlite3_column_int64(stmt_.get(), column);
}

std::string statement::text(int column) const {
  auto* data = reinterpret_cast<const char*>(sqlite3_column_text(stmt_.get(), column));
  return data ? std::string{data,
                            static_cast<std::size_t>(sqlite3_column_bytes(stmt_.get(), column))}
              : std::string{};
}

std::string statement::blob(int column) const {
  auto* data = static_cast<const char*>(sqlite3_column_blob(stmt_.get(), column));
  return data ? std::string{data,
                            static_cast<std::size_t>(sqlite3_column_bytes(stmt_.get(), column))}
              : std::string{};
}

bool statement::is_null(int column) const {
  return sqlite3_column_type(stmt_.get(), column) == SQLITE_NULL;
}

std::optional<std::string> statement::optional_text(int column) const {
  if (is_null(column)) return std::nullopt;
  return text(column);
}

std::optional<std::int64_t> statement::optional_integer(int column) const {
  if (is_null(column)) return std::nullopt;
  return integer(column);
}

}  // namespace auraos::persistence::sqlite
