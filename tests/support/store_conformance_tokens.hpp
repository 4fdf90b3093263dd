#pragma once
// Conformance cases of the security_store's tokens: API tokens (found by hash, listed,
// touched, revoked; a taken hash refused), refresh tokens (rotated once, a second rotation a
// conflict, a failed rotation changes nothing) and revoked access tokens (increasing seqs never
// reused, idempotent, polled after a seq, pruned). Helpers: store_conformance_users.hpp.

namespace auraos::test::conformance {

/// An API token of `user_id` with `hash` that never expires.
inline api_token_record an_api_token(std::string user_id, std::string hash,
                                     std::string name = "ci") {
  return {"", std::move(user_id), std::move(name), std::move(hash), 0, std::nullopt};
}

/// The hashes of a list of tokens, in order.
inline std::vector<std::string> hashes(const std::vector<api_token_record>& tokens) {
  std::vector<std::string> out;
  for (const auto& t : tokens) out.push_back(t.token_hash);
  return out;
}

/// The token ids of a list of revocations, in order.
inline std::vector<std::string> token_ids(const std::vector<revocation_record>& revocations) {
  std::vector<std::string> out;
  for (const auto& r : revocations) out.push_back(r.token_id);
  return out;
}

}  // namespace auraos::test::conformance

BOOST_FIXTURE_TEST_SUITE(store_conformance_tokens, auraos::test::store_fixture)

using namespace auraos::test::conformance;

BOOST_AUTO_TEST_CASE(an_api_token_is_found_by_its_hash_listed_touched_and_revoked) {
  auto alice = add_user(*db, "alice");
  auto first = db->create_api_token(an_api_token(alice.id, "hash-1"));
  AURAOS_REQUIRE_OK(first);
  BOOST_TEST(!first->id.empty());
  BOOST_TEST(first->user_id == alice.id);
  BOOST_TEST(first->created_at == now_ms);
  BOOST_TEST(!first->expires_at.has_value());
  BOOST_TEST(!first->last_used_at.has_value());
  BOOST_TEST(!first->revoked_at.has_value());
  now_ms += 10;
  auto expiring = an_api_token(alice.id, "hash-2", "deploy");
  expiring.id = "token-2";
  expiring.expires_at = now_ms + 60000;
  AURAOS_REQUIRE_OK(db->create_api_token(expiring));
  BOOST_TEST(error_code(db->create_api_token(an_api_token(alice.id, "hash-1"))) ==
             store_errc::conflict);
  BOOST_TEST(error_code(db->create_api_token(an_api_token(unknown_uuid, "hash-3"))) ==
             store_errc::not_found);
  BOOST_TEST(error_code(db->create_api_token(an_api_token("nobody", "hash-3"))) ==
             store_errc::not_found);
  BOOST_TEST(error_code(db->create_api_token(an_api_token(alice.id, ""))) == store_errc::invalid);

  auto found = db->find_api_token("hash-2");
  AURAOS_REQUIRE_OK(found);
  BOOST_TEST(found->id == "token-2");
  BOOST_TEST(found->name == "deploy");
  BOOST_TEST((found->expires_at == std::optional<std::int64_t>{now_ms + 60000}));
  BOOST_TEST(error_code(db->find_api_token("hash-3")) == store_errc::not_found);
  auto listed = db->list_api_tokens(alice.id);
  AURAOS_REQUIRE_OK(listed);
  BOOST_TEST((hashes(*listed) == std::vector<std::string>{"hash-1", "hash-2"}));
  BOOST_TEST(db->list_api_tokens(unknown_uuid)->empty());

  now_ms += 10;
  AURAOS_REQUIRE_OK(db->touch_api_token("token-2"));
  BOOST_TEST((db->find_api_token("hash-2")->last_used_at == std::optional<std::int64_t>{now_ms}));
  auto revoked = db->revoke_api_token("token-2");
  AURAOS_REQUIRE_OK(revoked);
  BOOST_TEST((revoked->revoked_at == std::optional<std::int64_t>{now_ms}));
  now_ms += 10;
  auto again = db->revoke_api_token("token-2");
  AURAOS_REQUIRE_OK(again);
  BOOST_TEST((again->revoked_at == std::optional<std::int64_t>{now_ms - 10}));
  BOOST_TEST(!db->find_api_token("hash-1")->revoked_at.has_value());
  BOOST_TEST(error_code(db->revoke_api_token("missing")) == store_errc::not_found);
  BOOST_TEST(error_code(db->touch_api_token("missing")) == store_errc::not_found);
}

BOOST_AUTO_TEST_CASE(a_refresh_token_rotates_once_and_a_second_rotation_is_a_conflict) {
  auto alice = add_user(*db, "alice");
  auto first = db->create_refresh_token({"r1", alice.id, "refresh-1", 0, now_ms + 60000});
  AURAOS_REQUIRE_OK(first);
  BOOST_TEST(first->issued_at == now_ms);
  BOOST_TEST(!first->revoked_at.has_value());
  BOOST_TEST(error_code(db->create_refresh_token({"", alice.id, "refresh-1", 0, now_ms})) ==
             store_errc::conflict);
  BOOST_TEST(error_code(db->create_refresh_token({"", unknown_uuid, "refresh-x", 0, now_ms})) ==
             store_errc::not_found);

  now_ms += 100;
  auto second = db->rotate_refresh_token({"refresh-1", "r2", "refresh-2", now_ms + 60000});
  AURAOS_REQUIRE_OK(second);
  BOOST_TEST(second->id == "r2");
  BOOST_TEST(second->user_id == alice.id);
  BOOST_TEST(second->issued_at == now_ms);
  BOOST_TEST(second->expires_at == now_ms + 60000);
  auto old = db->find_refresh_token("refresh-1");
  AURAOS_REQUIRE_OK(old);
  BOOST_TEST((old->revoked_at == std::optional<std::int64_t>{now_ms}));
  BOOST_TEST((old->replaced_by == std::optional<std::string>{"r2"}));

  // The same old token presented again (a stolen copy): refused, and nothing is created.
  auto twice = db->rotate_refresh_token({"refresh-1", "r3", "refresh-3", now_ms + 60000});
  BOOST_TEST(error_code(twice) == store_errc::conflict);
  BOOST_TEST(error_code(db->find_refresh_token("refresh-3")) == store_errc::not_found);
  BOOST_TEST(error_code(db->rotate_refresh_token({"unknown", "", "refresh-4", now_ms})) ==
             store_errc::not_found);
  // A rotation that fails on its new hash leaves the old token usable.
  BOOST_TEST(error_code(db->rotate_refresh_token({"refresh-2", "", "refresh-1", now_ms})) ==
             store_errc::conflict);
  BOOST_TEST(!db->find_refresh_token("refresh-2")->revoked_at.has_value());
  // An expired token does not rotate.
  now_ms += 60000;
  BOOST_TEST(error_code(db->rotate_refresh_token({"refresh-2", "", "refresh-5", now_ms})) ==
             store_errc::conflict);

  AURAOS_REQUIRE_OK(db->revoke_refresh_token("r2"));
  BOOST_TEST(
      (db->find_refresh_token("refresh-2")->revoked_at == std::optional<std::int64_t>{now_ms}));
  BOOST_TEST(error_code(db->revoke_refresh_token("missing")) == store_errc::not_found);
}

BOOST_AUTO_TEST_CASE(revocations_get_increasing_seqs_once_and_are_pruned_after_expiry) {
  auto a = db->revoke_token("jti-a", now_ms + 1000);
  AURAOS_REQUIRE_OK(a);
  BOOST_TEST(a->token_id == "jti-a");
  BOOST_TEST(a->revoked_at == now_ms);
  BOOST_TEST(a->expires_at == now_ms + 1000);
  now_ms += 5;
  auto b = db->revoke_token("jti-b", now_ms + 50);
  AURAOS_REQUIRE_OK(b);
  BOOST_TEST(b->seq > a->seq);
  auto again = db->revoke_token("jti-a", now_ms + 9999);
  AURAOS_REQUIRE_OK(again);
  BOOST_TEST(again->seq == a->seq);
  BOOST_TEST(again->revoked_at == a->revoked_at);
  BOOST_TEST(again->expires_at == a->expires_at);
  BOOST_TEST(error_code(db->revoke_token("", now_ms)) == store_errc::invalid);

  auto all = db->revocations_after(0, 100);
  AURAOS_REQUIRE_OK(all);
  BOOST_TEST((token_ids(*all) == std::vector<std::string>{"jti-a", "jti-b"}));
  BOOST_TEST((token_ids(*db->revocations_after(a->seq, 100)) == std::vector<std::string>{"jti-b"}));
  BOOST_TEST((token_ids(*db->revocations_after(0, 1)) == std::vector<std::string>{"jti-a"}));

  // Pruning the newest entry must not let its seq be given again.
  auto pruned = db->prune_revocations(now_ms + 50);
  AURAOS_REQUIRE_OK(pruned);
  BOOST_TEST(*pruned == 1);
  BOOST_TEST((token_ids(*db->revocations_after(0, 100)) == std::vector<std::string>{"jti-a"}));
  auto c = db->revoke_token("jti-c", now_ms + 2000);
  AURAOS_REQUIRE_OK(c);
  BOOST_TEST(c->seq > b->seq);
  BOOST_TEST(*db->prune_revocations(now_ms) == 0);
}

BOOST_AUTO_TEST_SUITE_END()
