#include "persistence/postgres/connection.hpp"

#include <string>

#include <spdlog/spdlog.h>

#include "persistence/embedded_sql.hpp"
#include "persistence/query_templates.hpp"

namespace auraos::persistence::postgres {

namespace {

/// Defaults the URL may override: give up connecting after 5 s, name the application.
constexpr const char* keywords[] = {"connect_timeout", "application_name", "dbname", nullptr};

/// Server notices (e.g. "relation ... already exists, skipping" of an idempotent migration) go
/// to the log at debug level instead of libpq's default, stderr.
void log_notice(void*, const char* message) {
  std::string text{message};
  while (!text.empty() && text.back() == '\n') text.pop_back();
  spdlog::debug("postgresql: {}", text);
}

}  // namespace

store_result<std::unique_ptr<connection>> connection::open(const std::string& url) {
  const char* values[] = {"5", "auraos", url.c_str(), nullptr};
  std::unique_ptr<connection> conn{new connection{PQconnectdbParams(keywords, values, 1)}};
  if (conn->handle() == nullptr)
    return store_fail(store_errc::unavailable, "connect to PostgreSQL: out of memory");
  if (!conn->broken()) {
    PQsetNoticeProcessor(conn->handle(), log_notice, nullptr);
    return conn;
  }
  std::string message = PQerrorMessage(conn->handle());
  while (!message.empty() && message.back() == '\n') message.pop_back();
  return store_fail(store_errc::unavailable, "connect to PostgreSQL: " + message);
}

store_result<pg_result> connection::checked(pg_result result, std::string_view place) {
  if (result.ok()) return result;
  return fail(pg_error(handle(), result.get(), place));
}

store_result<pg_result> connection::exec(std::string_view sql, std::string_view place) {
  std::string text{sql};
  return checked(pg_result{PQexec(handle(), text.c_str())}, place);
}

store_status connection::prepare_queries() {
  for (const auto& query : postgres_queries()) {
    for (const auto& [name, text] : query_statements(query, '$')) {
      auto prepared =
          checked(pg_result{PQprepare(handle(), name.c_str(), text.c_str(), 0, nullptr)},
                  "prepare query " + name);
      if (!prepared) return fail(std::move(prepared).error());
    }
  }
  return std::monostate{};
}

store_result<pg_result> connection::run(std::string_view query, const params& values,
                                        std::string_view place) {
  std::string name{query};
  auto pointers = values.values();
  return checked(pg_result{PQexecPrepared(handle(), name.c_str(), values.size(), pointers.data(),
                                          values.lengths().data(), values.formats().data(), 0)},
                 place);
}

}  // namespace auraos::persistence::postgres
