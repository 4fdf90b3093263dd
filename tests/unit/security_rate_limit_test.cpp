// Token buckets and the keyed limiter on a simulated monotonic clock: no sleeps.
#include <string>

#include <boost/test/unit_test.hpp>

#include "runtime/security/keyed_limiter.hpp"
#include "runtime/security/token_bucket.hpp"

using namespace auraos::runtime::security;
using std::chrono::milliseconds;

namespace {

steady_time at_ms(std::int64_t ms) {
  return steady_time(milliseconds(ms));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(security_rate_limit_suite)

BOOST_AUTO_TEST_CASE(a_bucket_allows_its_burst_then_one_per_refill) {
  token_bucket bucket(3, 1);
  for (int i = 0; i < 3; ++i) BOOST_TEST(bucket.try_take(at_ms(1000)).allowed);
  auto refused = bucket.try_take(at_ms(1000));
  BOOST_TEST(!refused.allowed);
  BOOST_TEST((refused.wait == std::chrono::seconds(1)));
  BOOST_TEST(refused.retry_after_seconds() == 1);
  BOOST_TEST(!bucket.try_take(at_ms(1999)).allowed);
  BOOST_TEST(bucket.try_take(at_ms(2000)).allowed);
  BOOST_TEST(!bucket.try_take(at_ms(2000)).allowed);
}

BOOST_AUTO_TEST_CASE(the_wait_is_rounded_up_to_whole_seconds) {
  token_bucket slow(1, 0.25);  // one token every 4 s
  BOOST_TEST(slow.try_take(at_ms(0)).allowed);
  auto refused = slow.try_take(at_ms(500));
  BOOST_TEST(!refused.allowed);
  BOOST_TEST(std::chrono::duration_cast<milliseconds>(refused.wait).count() == 3500);
  BOOST_TEST(refused.retry_after_seconds() == 4);
  auto almost = slow.try_take(at_ms(3999));
  BOOST_TEST(almost.retry_after_seconds() == 1, "a wait under a second still says 1");
  BOOST_TEST(slow.try_take(at_ms(4000)).allowed);
  BOOST_TEST((bucket_answer{true, {}, false}.retry_after_seconds() == 0));
}

BOOST_AUTO_TEST_CASE(a_bucket_holds_at_most_its_capacity) {
  token_bucket bucket(5, 10);
  BOOST_TEST(bucket.try_take(at_ms(0), 5).allowed);
  BOOST_TEST(bucket.available(at_ms(100)) == 1.0);
  BOOST_TEST(bucket.available(at_ms(60000)) == 5.0);
  BOOST_TEST(bucket.try_take(at_ms(60000), 5).allowed);
  BOOST_TEST(!bucket.try_take(at_ms(60000), 1).allowed);
}

BOOST_AUTO_TEST_CASE(fractional_rates_refill_exactly) {
  token_bucket bucket(1, 3);  // one token every 333.3 ms
  BOOST_TEST(bucket.try_take(at_ms(0)).allowed);
  for (int i = 1; i <= 30; ++i) {
    auto now = at_ms(0) + std::chrono::nanoseconds(1000000000LL * i / 3 + 1);
    BOOST_TEST(bucket.try_take(now).allowed, "refill " << i);
  }
}

BOOST_AUTO_TEST_CASE(time_going_back_refills_nothing) {
  token_bucket bucket(1, 1);
  BOOST_TEST(bucket.try_take(at_ms(5000)).allowed);
  BOOST_TEST(!bucket.try_take(at_ms(1000)).allowed);
  BOOST_TEST(!bucket.try_take(at_ms(5999)).allowed);
  BOOST_TEST(bucket.try_take(at_ms(6000)).allowed);
}

BOOST_AUTO_TEST_CASE(more_than_the_capacity_is_never_allowed) {
  token_bucket bucket(2, 1);
  auto answer = bucket.try_take(at_ms(0), 3);
  BOOST_TEST(!answer.allowed);
  BOOST_TEST(answer.never);
  BOOST_TEST(answer.retry_after_seconds() > 1000000);
  BOOST_TEST(bucket.try_take(at_ms(0), -5).allowed, "a negative count takes nothing");
  BOOST_TEST(bucket.available(at_ms(0)) == 2.0);
  BOOST_TEST(bucket.try_take(at_ms(0), 2).allowed, "a refused request takes nothing");
  token_bucket frozen(1, 0);
  BOOST_TEST(frozen.try_take(at_ms(0)).allowed);
  BOOST_TEST(frozen.try_take(at_ms(1000000)).never);
}

BOOST_AUTO_TEST_CASE(keys_have_buckets_of_their_own) {
  keyed_limiter limiter(2, 1, 100);
  BOOST_TEST(limiter.try_take("10.0.0.1", at_ms(0)).allowed);
  BOOST_TEST(limiter.try_take("10.0.0.1", at_ms(0)).allowed);
  BOOST_TEST(!limiter.try_take("10.0.0.1", at_ms(0)).allowed);
  BOOST_TEST(limiter.try_take("10.0.0.2", at_ms(0)).allowed);
  BOOST_TEST(limiter.try_take("10.0.0.1", at_ms(1000)).allowed);
  BOOST_TEST(limiter.size() == 2u);
}

BOOST_AUTO_TEST_CASE(a_flood_of_keys_keeps_the_limiter_bounded) {
  keyed_limiter limiter(1, 1, 64);
  for (int i = 0; i < 10000; ++i) {
    limiter.try_take("198.51.100." + std::to_string(i), at_ms(i));
    BOOST_TEST_REQUIRE(limiter.size() <= 64u);
  }
  BOOST_TEST(limiter.size() == 64u);
  BOOST_TEST(limiter.holds("198.51.100.9999"));
  BOOST_TEST(limiter.holds("198.51.100.9936"));
  BOOST_TEST(!limiter.holds("198.51.100.9935"));
}

BOOST_AUTO_TEST_CASE(eviction_takes_the_least_recently_used_key) {
  keyed_limiter limiter(1, 0.001, 3);
  limiter.try_take("a", at_ms(0));
  limiter.try_take("b", at_ms(1));
  limiter.try_take("c", at_ms(2));
  BOOST_TEST(!limiter.try_take("a", at_ms(3)).allowed, "a is used again, b is now the oldest");
  limiter.try_take("d", at_ms(4));
  BOOST_TEST(!limiter.holds("b"));
  BOOST_TEST(limiter.holds("a"));
  BOOST_TEST(limiter.holds("c"));
  BOOST_TEST(limiter.holds("d"));
  BOOST_TEST(!limiter.try_take("a", at_ms(5)).allowed, "a kept its empty bucket");
  BOOST_TEST(keyed_limiter(1, 1, 0).try_take("x", at_ms(0)).allowed, "at least one key");
}

BOOST_AUTO_TEST_SUITE_END()
