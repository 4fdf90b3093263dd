#pragma once
// Conformance cases of the security_store's users and custom roles: create (a UUID made, a
// taken username refused, case-sensitive names), read by id and by name, change, delete with
// the user's tokens, list with a cursor; roles put, replaced, listed and deleted.

namespace auraos::test::conformance {

/// A user to create: no id (the store makes one), a hash that looks like argon2id's.
inline user_record a_user(std::string username, std::string role = "viewer") {
  return {"", std::move(username), "$argon2id$v=19$m=65536,t=3,p=1$c2FsdA$aGFzaA", std::move(role)};
}

/// Creates a user; the stored record (fails the test otherwise).
inline user_record add_user(store& db, std::string username) {
  auto created = db.create_user(a_user(std::move(username)));
  BOOST_REQUIRE_MESSAGE(created.has_value(), (created ? "" : created.error().message));
  return *created;
}

/// A UUID no stored record has.
inline constexpr const char* unknown_uuid = "00000000-0000-4000-8000-000000000000";

}  // namespace auraos::test::conformance

BOOST_FIXTURE_TEST_SUITE(store_conformance_users, auraos::test::store_fixture)

using namespace auraos::test::conformance;

BOOST_AUTO_TEST_CASE(the_seed_users_table_gets_the_columns_of_signing_in) {
  for (const auto* column : {"id", "email", "name", "created_at", "username", "password_hash",
                             "role", "disabled", "updated_at"})
    BOOST_TEST(factory->has_column("users", column), std::string{"users."} + column);
  const std::vector<std::pair<std::string, std::string>> tables{{"roles", "permissions"},
                                                                {"api_tokens", "token_hash"},
                                                                {"refresh_tokens", "replaced_by"},
                                                                {"token_revocations", "seq"},
                                                                {"audit_log", "outcome"}};
  for (const auto& [table, column] : tables)
    BOOST_TEST(factory->has_column(table, column), table + "." + column);
}

BOOST_AUTO_TEST_CASE(a_user_is_created_and_read_by_id_and_by_its_case_sensitive_name) {
  auto alice = db->create_user(a_user("alice", "operator"));
  AURAOS_REQUIRE_OK(alice);
  BOOST_TEST(auraos::runtime::is_uuid(alice->id));
  BOOST_TEST(alice->username == "alice");
  BOOST_TEST(alice->role == "operator");
  BOOST_TEST(alice->password_hash == a_user("x").password_hash);
  BOOST_TEST(!alice->disabled);
  BOOST_TEST(alice->created_at == now_ms);
  BOOST_TEST(alice->updated_at == now_ms);

  auto by_id = db->get_user(alice->id);
  AURAOS_REQUIRE_OK(by_id);
  BOOST_TEST(by_id->username == "alice");
  BOOST_TEST(by_id->role == "operator");
  auto by_name = db->get_user_by_name("alice");
  AURAOS_REQUIRE_OK(by_name);
  BOOST_TEST(by_name->id == alice->id);
  BOOST_TEST(error_code(db->get_user_by_name("ALICE")) == store_errc::not_found);
  BOOST_TEST(error_code(db->get_user(unknown_uuid)) == store_errc::not_found);
  BOOST_TEST(error_code(db->get_user("not-a-uuid")) == store_errc::not_found);

  // Names are case-sensitive: "Alice" is another user; "alice" again is refused.
  AURAOS_REQUIRE_OK(db->create_user(a_user("Alice")));
  BOOST_TEST(error_code(db->create_user(a_user("alice"))) == store_errc::conflict);
  auto same_id = a_user("bob");
  same_id.id = alice->id;
  BOOST_TEST(error_code(db->create_user(same_id)) == store_errc::conflict);
  auto bad_id = a_user("carol");
  bad_id.id = "carol";
  BOOST_TEST(error_code(db->create_user(bad_id)) == store_errc::invalid);
  auto no_hash = a_user("dave");
  no_hash.password_hash.clear();
  BOOST_TEST(error_code(db->create_user(no_hash)) == store_errc::invalid);
  BOOST_TEST(error_code(db->get_user_by_name("bob")) == store_errc::not_found);
}

BOOST_AUTO_TEST_CASE(a_user_is_changed_field_by_field) {
  auto alice = add_user(*db, "alice");
  now_ms += 1000;
  auto promoted = db->update_user({alice.id, std::string{"admin"}, std::nullopt, std::nullopt});
  AURAOS_REQUIRE_OK(promoted);
  BOOST_TEST(promoted->role == "admin");
  BOOST_TEST(promoted->password_hash == alice.password_hash);
  BOOST_TEST(promoted->created_at == alice.created_at);
  BOOST_TEST(promoted->updated_at == now_ms);
  auto disabled = db->update_user({alice.id, std::nullopt, std::string{"$argon2id$new"}, true});
  AURAOS_REQUIRE_OK(disabled);
  BOOST_TEST(disabled->disabled);
  BOOST_TEST(disabled->role == "admin");
  BOOST_TEST(disabled->password_hash == "$argon2id$new");
  auto read = db->get_user(alice.id);
  AURAOS_REQUIRE_OK(read);
  BOOST_TEST(read->disabled);
  auto enabled = db->update_user({alice.id, std::nullopt, std::nullopt, false});
  AURAOS_REQUIRE_OK(enabled);
  BOOST_TEST(!enabled->disabled);
  BOOST_TEST(error_code(db->update_user({unknown_uuid, std::string{"admin"}, {}, {}})) ==
             store_errc::not_found);
  BOOST_TEST(error_code(db->update_user({"nobody", std::string{"admin"}, {}, {}})) ==
             store_errc::not_found);
}

BOOST_AUTO_TEST_CASE(a_deleted_user_takes_its_tokens_along) {
  auto alice = add_user(*db, "alice");
  auto bob = add_user(*db, "bob");
  AURAOS_REQUIRE_OK(db->create_api_token({"", alice.id, "ci", "hash-a", 0, std::nullopt}));
  AURAOS_REQUIRE_OK(db->create_api_token({"", bob.id, "ci", "hash-b", 0, std::nullopt}));
  AURAOS_REQUIRE_OK(db->create_refresh_token({"", alice.id, "refresh-a", 0, now_ms + 1000}));
  AURAOS_REQUIRE_OK(db->delete_user(alice.id));
  BOOST_TEST(error_code(db->get_user(alice.id)) == store_errc::not_found);
  BOOST_TEST(error_code(db->find_api_token("hash-a")) == store_errc::not_found);
  BOOST_TEST(error_code(db->find_refresh_token("refresh-a")) == store_errc::not_found);
  AURAOS_REQUIRE_OK(db->find_api_token("hash-b"));
  BOOST_TEST(error_code(db->delete_user(alice.id)) == store_errc::not_found);
  BOOST_TEST(error_code(db->delete_user("nobody")) == store_errc::not_found);
  // The name is free again.
  AURAOS_REQUIRE_OK(db->create_user(a_user("alice")));
}

BOOST_AUTO_TEST_CASE(users_are_listed_in_creation_order_with_a_cursor) {
  for (const auto* name : {"carol", "alice", "bob"}) {
    add_user(*db, name);
    now_ms += 10;
  }
  page_request page;
  page.limit = 2;
  auto first = db->list_users(page);
  AURAOS_REQUIRE_OK(first);
  BOOST_TEST_REQUIRE(first->items.size() == 2u);
  BOOST_TEST(first->items[0].username == "carol");
  BOOST_TEST(first->items[1].username == "alice");
  BOOST_TEST_REQUIRE(first->next_cursor.has_value());
  page.cursor = first->next_cursor;
  auto second = db->list_users(page);
  AURAOS_REQUIRE_OK(second);
  BOOST_TEST_REQUIRE(second->items.size() == 1u);
  BOOST_TEST(second->items[0].username == "bob");
  BOOST_TEST(!second->next_cursor.has_value());
  page.cursor = "garbage";
  BOOST_TEST(error_code(db->list_users(page)) == store_errc::invalid);
  page.cursor.reset();
  page.limit = 0;
  BOOST_TEST(error_code(db->list_users(page)) == store_errc::invalid);
}

BOOST_AUTO_TEST_CASE(a_custom_role_is_put_replaced_listed_and_deleted) {
  auto deployer = db->put_role({"deployer", {"workflow:read", "workflow:write"}});
  AURAOS_REQUIRE_OK(deployer);
  BOOST_TEST(deployer->created_at == now_ms);
  BOOST_TEST(deployer->updated_at == now_ms);
  BOOST_TEST(
      (deployer->permissions == std::vector<std::string>{"workflow:read", "workflow:write"}));
  AURAOS_REQUIRE_OK(db->put_role({"auditor", {"admin"}}));
  now_ms += 500;
  auto replaced = db->put_role({"deployer", {"execution:start"}});
  AURAOS_REQUIRE_OK(replaced);
  BOOST_TEST(replaced->created_at == now_ms - 500);
  BOOST_TEST(replaced->updated_at == now_ms);
  auto read = db->get_role("deployer");
  AURAOS_REQUIRE_OK(read);
  BOOST_TEST((read->permissions == std::vector<std::string>{"execution:start"}));
  auto all = db->list_roles();
  AURAOS_REQUIRE_OK(all);
  BOOST_TEST_REQUIRE(all->size() == 2u);
  BOOST_TEST((*all)[0].name == "auditor");
  BOOST_TEST((*all)[1].name == "deployer");

  AURAOS_REQUIRE_OK(db->delete_role("deployer"));
  BOOST_TEST(error_code(db->get_role("deployer")) == store_errc::not_found);
  BOOST_TEST(error_code(db->delete_role("deployer")) == store_errc::not_found);
  BOOST_TEST(error_code(db->put_role({"", {"admin"}})) == store_errc::invalid);
}

BOOST_AUTO_TEST_SUITE_END()
