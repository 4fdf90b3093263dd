#pragma once
// Conformance cases of the secret store: tasks keep their sealed secrets across puts, and key
// rotation finds the values not sealed under a key and re-seals them (compare and set).

BOOST_FIXTURE_TEST_SUITE(store_conformance_secrets, auraos::test::store_fixture)

using namespace auraos::test::conformance;

BOOST_AUTO_TEST_CASE(a_task_keeps_its_sealed_secrets_until_a_put_drops_them) {
  auto task = a_task("t1", "http");
  task.secrets = "v1:k1:bm9uY2U:dGFzaw";
  auto created = put_task(*db, task);
  AURAOS_REQUIRE_OK(created);
  BOOST_TEST(created->secrets.value_or("") == *task.secrets);
  BOOST_TEST(db->get_task("t1")->secrets.value_or("") == *task.secrets);
  auto listed = db->list_tasks({}, {});
  AURAOS_REQUIRE_OK(listed);
  BOOST_TEST(listed->items.at(0).secrets.value_or("") == *task.secrets);
  task.secrets.reset();
  auto replaced = put_task(*db, task, task_put_mode::update);
  AURAOS_REQUIRE_OK(replaced);
  BOOST_TEST(!replaced->secrets.has_value());
  BOOST_TEST(!db->get_task("t1")->secrets.has_value());
}

BOOST_AUTO_TEST_CASE(values_not_under_the_current_key_are_found_and_resealed_once) {
  add_workflow("wf");
  execution_record old_one;
  old_one.workflow_id = "wf";
  old_one.secrets = "v1:k1:bm9uY2U:b2xk";
  auto e1 = db->create_execution(old_one);
  AURAOS_REQUIRE_OK(e1);
  execution_record new_one = old_one;
  new_one.secrets = "v1:k2:bm9uY2U:bmV3";
  AURAOS_REQUIRE_OK(db->create_execution(new_one));
  add_execution("wf");
  auto task = a_task("t1", "shell");
  task.secrets = "v1:k1:bm9uY2U:dGFzaw";
  AURAOS_REQUIRE_OK(put_task(*db, task));

  auto found = db->sealed_not_under("k2", 10);
  AURAOS_REQUIRE_OK(found);
  BOOST_REQUIRE(found->size() == 2u);
  BOOST_TEST((found->at(0).owner == sealed_owner::execution));
  BOOST_TEST(found->at(0).id == e1->execution.id);
  BOOST_TEST(found->at(0).sealed == *old_one.secrets);
  BOOST_TEST((found->at(1).owner == sealed_owner::task));
  BOOST_TEST(found->at(1).id == "t1");
  BOOST_TEST(db->sealed_not_under("k2", 1)->size() == 1u);
  // "k" is a prefix of both ids, not a key: every value is found.
  BOOST_TEST(db->sealed_not_under("k", 10)->size() == 3u);

  AURAOS_REQUIRE_OK(db->reseal(
      {sealed_owner::execution, e1->execution.id, *old_one.secrets, "v1:k2:bm9uY2U:cmVzZWFsZWQ"}));
  AURAOS_REQUIRE_OK(db->reseal({sealed_owner::task, "t1", "v1:k1:stale", "v1:k2:bm9uY2U:eA"}));
  BOOST_TEST(db->get_execution(e1->execution.id)->secrets.value_or("") ==
             "v1:k2:bm9uY2U:cmVzZWFsZWQ");
  BOOST_TEST(db->get_task("t1")->secrets.value_or("") == *task.secrets);
  auto left = db->sealed_not_under("k2", 10);
  AURAOS_REQUIRE_OK(left);
  BOOST_REQUIRE(left->size() == 1u);
  BOOST_TEST(left->at(0).id == "t1");
}

BOOST_AUTO_TEST_SUITE_END()
