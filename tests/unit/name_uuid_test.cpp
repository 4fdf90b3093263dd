// Ids derived from names: publish_event's idempotent event ids.
#include <boost/test/unit_test.hpp>

#include "runtime/uuid.hpp"

BOOST_AUTO_TEST_SUITE(name_uuid)

BOOST_AUTO_TEST_CASE(name_uuids_are_stable_distinct_and_canonical) {
  auto a = auraos::runtime::name_uuid("exec/node/1");
  BOOST_TEST(a == auraos::runtime::name_uuid("exec/node/1"));
  BOOST_TEST(a != auraos::runtime::name_uuid("exec/node/2"));
  BOOST_TEST(a != auraos::runtime::name_uuid("exec/node/10"));
  BOOST_TEST(auraos::runtime::is_uuid(a));
  BOOST_TEST(a[14] == '8');
  BOOST_TEST(auraos::runtime::name_uuid("") != auraos::runtime::name_uuid(" "));
}

BOOST_AUTO_TEST_SUITE_END()
