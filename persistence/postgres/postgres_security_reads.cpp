// The user, role and token reads of the PostgreSQL store.
#include "persistence/cursor.hpp"
#include "persistence/postgres/fetch.hpp"
#include "persistence/postgres/page_params.hpp"
#include "persistence/postgres/postgres_store.hpp"
#include "persistence/postgres/rows.hpp"
#include "persistence/postgres/security_rows.hpp"

namespace auraos::persistence::postgres {

namespace {

/// The one row a lookup by `key` finds; not_found with `missing` when none.
template <class T, class Reader>
store_result<T> lookup(connection_pool& pool, std::string_view query, const std::string& key,
                       std::string place, std::string missing, Reader read) {
  params values;
  values.add(key);
  return found_or(fetch_all<T>(pool, query, values, place, read), std::move(missing));
}

}  // namespace

store_result<user_record> postgres_store::get_user(const std::string& id) {
  auto missing = "get user: no user '" + id + "'";
  if (!is_uuid(id)) return store_fail(store_errc::not_found, missing);
  return lookup<user_record>(*pool_, "user_get", id, "get user", missing, read_user);
}

store_result<user_record> postgres_store::get_user_by_name(const std::string& username) {
  return lookup<user_record>(*pool_, "user_get_by_name", username, "get user",
                             "get user: no user named '" + username + "'", read_user);
}

store_result<page<user_record>> postgres_store::list_users(const page_request& page) {
  params values;
  if (auto added = add_page(values, page, "list users"); !added)
    return fail(std::move(added).error());
  auto rows = fetch_all<user_record>(*pool_, "user_list", values, "list users", read_user);
  if (!rows) return fail(std::move(rows).error());
  return make_keyset_page(std::move(rows).value(), page);
}

store_result<role_record> postgres_store::get_role(const std::string& name) {
  return lookup<role_record>(*pool_, "role_get", name, "get role",
                             "get role: no role '" + name + "'", read_role);
}

store_result<std::vector<role_record>> postgres_store::list_roles() {
  return fetch_all<role_record>(*pool_, "role_list", params{}, "list roles", read_role);
}

store_result<api_token_record> postgres_store::find_api_token(const std::string& token_hash) {
  return lookup<api_token_record>(*pool_, "api_token_find", token_hash, "find API token",
                                  "find API token: no token with that hash", read_api_token);
}

store_result<std::vector<api_token_record>> postgres_store::list_api_tokens(
    const std::string& user_id) {
  if (!is_uuid(user_id)) return std::vector<api_token_record>{};
  params values;
  values.add(user_id);
  return fetch_all<api_token_record>(*pool_, "api_token_list", values, "list API tokens",
                                     read_api_token);
}

store_result<refresh_token_record> postgres_store::find_refresh_token(
    const std::string& token_hash) {
  return lookup<refresh_token_record>(
      *pool_, "refresh_token_find", token_hash, "find refresh token",
      "find refresh token: no token with that hash", read_refresh_token);
}

store_result<std::vector<revocation_record>> postgres_store::revocations_after(
    std::int64_t after_seq, std::int64_t limit) {
  params values;
  values.add(after_seq).add(limit);
  return fetch_all<revocation_record>(*pool_, "revocations_after", values, "revocations after",
                                      read_revocation);
}

}  // namespace auraos::persistence::postgres
