// The user, role and token reads of the SQLite store.
#include "persistence/cursor.hpp"
#include "persistence/sqlite/fetch.hpp"
#include "persistence/sqlite/read_params.hpp"
#include "persistence/sqlite/security_rows.hpp"
#include "persistence/sqlite/sqlite_store.hpp"

namespace auraos::persistence::sqlite {

store_result<user_record> sqlite_store::get_user(const std::string& id) {
  auto& query = queries_["user_get"];
  query.bind(1, id);
  return found_or(fetch_one<user_record>(query, read_user), "get user: no user '" + id + "'");
}

store_result<user_record> sqlite_store::get_user_by_name(const std::string& username) {
  auto& query = queries_["user_get_by_name"];
  query.bind(1, username);
  return found_or(fetch_one<user_record>(query, read_user),
                  "get user: no user named '" + username + "'");
}

store_result<page<user_record>> sqlite_store::list_users(const page_request& page) {
  auto& query = queries_["user_list"];
  if (auto bound = bind_page(query, page, "list users"); !bound)
    return fail(std::move(bound).error());
  auto rows = fetch_all<user_record>(query, read_user);
  if (!rows) return fail(std::move(rows).error());
  return make_keyset_page(std::move(rows).value(), page);
}

store_result<role_record> sqlite_store::get_role(const std::string& name) {
  auto& query = queries_["role_get"];
  query.bind(1, name);
  return found_or(fetch_one<role_record>(query, read_role), "get role: no role '" + name + "'");
}

store_result<std::vector<role_record>> sqlite_store::list_roles() {
  return fetch_all<role_record>(queries_["role_list"], read_role);
}

store_result<api_token_record> sqlite_store::find_api_token(const std::string& token_hash) {
  auto& query = queries_["api_token_find"];
  query.bind(1, token_hash);
  return found_or(fetch_one<api_token_record>(query, read_api_token),
                  "find API token: no token with that hash");
}

store_result<std::vector<api_token_record>> sqlite_store::list_api_tokens(
    const std::string& user_id) {
  auto& query = queries_["api_token_list"];
  query.bind(1, user_id);
  return fetch_all<api_token_record>(query, read_api_token);
}

store_result<refresh_token_record> sqlite_store::find_refresh_token(const std::string& token_hash) {
  auto& query = queries_["refresh_token_find"];
  query.bind(1, token_hash);
  return found_or(fetch_one<refresh_token_record>(query, read_refresh_token),
                  "find refresh token: no token with that hash");
}

store_result<std::vector<revocation_record>> sqlite_store::revocations_after(std::int64_t after_seq,
                                                                             std::int64_t limit) {
  auto& query = queries_["revocations_after"];
  query.bind(1, after_seq).bind(2, limit);
  return fetch_all<revocation_record>(query, read_revocation);
}

}  // namespace auraos::persistence::sqlite
