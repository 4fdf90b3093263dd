#include "persistence/open_store.hpp"

#include <filesystem>

#include "persistence/postgres/postgres_cluster_store.hpp"
#include "persistence/postgres/postgres_store.hpp"
#include "persistence/sqlite/sqlite_store.hpp"

namespace auraos::persistence {

namespace {

result<std::shared_ptr<store>, std::string> open_sqlite(const std::string& path,
                                                        open_store_options options) {
  std::error_code ec;
  auto dir = std::filesystem::path{path}.parent_path();
  if (!dir.empty()) std::filesystem::create_directories(dir, ec);
  if (ec) return fail("cannot create data directory " + dir.string() + ": " + ec.message());
  auto opened = sqlite::sqlite_store::open({path, std::move(options.clock)});
  if (!opened) return fail("cannot open store " + path + ": " + opened.error().message);
  return std::shared_ptr<store>{std::move(*opened)};
}

result<std::shared_ptr<store>, std::string> open_postgres(const std::string& url,
                                                          open_store_options options) {
  auto opened = postgres::postgres_store::open({url, std::move(options.clock), options.pool_size});
  if (!opened)
    return fail("cannot open store " + redact_password(url) + ": " + opened.error().message);
  return std::shared_ptr<store>{std::move(*opened)};
}

}  // namespace

result<std::shared_ptr<store>, std::string> open_store(const runtime::database_location& location,
                                                       open_store_options options) {
  if (location.backend == "sqlite") return open_sqlite(location.target, std::move(options));
  if (location.backend == "postgresql") return open_postgres(location.target, std::move(options));
  return fail("--db: unknown store backend '" + location.backend + "'");
}

result<std::unique_ptr<cluster_store>, std::string> open_cluster_store(
    const runtime::database_location& location) {
  if (location.backend != "postgresql")
    return fail("a cluster needs PostgreSQL; '" + location.backend + "' serves a single node");
  auto opened = postgres::postgres_cluster_store::open(location.target);
  if (!opened)
    return fail("cannot open cluster store " + redact_password(location.target) + ": " +
                opened.error().message);
  return std::unique_ptr<cluster_store>{std::move(*opened)};
}

std::string redact_password(const std::string& url) {
  auto scheme = url.find("://");
  auto at = url.find('@');
  if (scheme == std::string::npos || at == std::string::npos || at < scheme) return url;
  auto colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon + 1) + "***" + url.substr(at);
}

}  // namespace auraos::persistence
