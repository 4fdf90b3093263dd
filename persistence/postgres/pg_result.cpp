#include "persistence/postgres/pg_result.hpp"

#include <cstdlib>

namespace auraos::persistence::postgres {

namespace {

store_errc code_of(std::string_view state) {
  if (state == "23505" || state == "AUR02") return store_errc::conflict;
  if (state == "23503" || state == "AUR01") return store_errc::not_found;
  if (state == "AUR03") return store_errc::fenced;
  if (state.starts_with("08") || state.starts_with("53") || state.starts_with("57P") ||
      state == "40001" || state == "40P01" || state == "55P03")
    return store_errc::unavailable;
  if (state.starts_with("22") || state.starts_with("23")) return store_errc::invalid;
  return store_errc::internal;
}

std::string trimmed(const char* text) {
  std::string message = text ? text : "";
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  return message;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  return (c | 0x20) - 'a' + 10;
}

}  // namespace

store_error pg_error(PGconn* conn, const PGresult* result, std::string_view place) {
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  if (state == nullptr || conn == nullptr || PQstatus(conn) != CONNECTION_OK) {
    auto message = result ? trimmed(PQresultErrorMessage(result)) : std::string{};
    if (message.empty() && conn) message = trimmed(PQerrorMessage(conn));
    return {store_errc::unavailable, std::string{place} + ": PostgreSQL unavailable: " + message};
  }
  auto primary = trimmed(PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY));
  return {code_of(state), std::string{place} + ": " + primary};
}

ExecStatusType pg_result::status() const noexcept {
  return result_ ? PQresultStatus(result_.get()) : PGRES_FATAL_ERROR;
}

bool pg_result::ok() const noexcept {
  auto s = status();
  return s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK;
}

std::string pg_result::text(int row, int column) const {
  return {PQgetvalue(result_.get(), row, column),
          static_cast<std::size_t>(PQgetlength(result_.get(), row, column))};
}

std::optional<std::string> pg_result::optional_text(int row, int column) const {
  if (PQgetisnull(result_.get(), row, column)) return std::nullopt;
  return text(row, column);
}

std::int64_t pg_result::integer(int row, int column) const {
  return std::strtoll(PQgetvalue(result_.get(), row, column), nullptr, 10);
}

std::optional<std::int64_t> pg_result::optional_integer(int row, int column) const {
  if (PQgetisnull(result_.get(), row, column)) return std::nullopt;
  return integer(row, column);
}

bool pg_result::boolean(int row, int column) const {
  return PQgetvalue(result_.get(), row, column)[0] == 't';
}

std::string pg_result::bytes(int row, int column) const {
  std::string_view hex{PQgetvalue(result_.get(), row, column),
                       static_cast<std::size_t>(PQgetlength(result_.get(), row, column))};
  if (hex.starts_with("\\x")) hex.remove_prefix(2);
  std::string out(hex.size() / 2, '\0');
  for (std::size_t i = 0; i < out.size(); ++i)
    out[i] = static_cast<char>(hex_value(hex[2 * i]) << 4 | hex_value(hex[2 * i + 1]));
  return out;
}

}  // namespace auraos::persistence::postgres
