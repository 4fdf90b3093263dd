#include "cron_corpus.hpp"

#include <array>
#include <random>
#include <string_view>

namespace auraos::test {
namespace {

struct zone_days {
  std::string_view zone;
  /// Instants (ms) of the zone's 2026 daylight saving transitions; none for UTC and Kolkata.
  std::vector<std::int64_t> transitions;
};

const std::array<zone_days, 5>& zones() {
  static const std::array<zone_days, 5> all{{
      {"UTC", {}},
      {"Europe/Berlin", {1774746000000, 1792890000000}},     // 03-29 01:00Z, 10-25 01:00Z
      {"America/New_York", {1772953200000, 1793512800000}},  // 03-08 07:00Z, 11-01 06:00Z
      {"Asia/Kolkata", {}},
      {"Australia/Lord_Howe", {1775314800000, 1791041400000}},  // 04-04 15:00Z, 10-03 15:30Z
  }};
  return all;
}

template <std::size_t N>
std::string pick(std::mt19937& random, const std::array<std::string_view, N>& choices) {
  return std::string{choices[std::uniform_int_distribution<std::size_t>(0, N - 1)(random)]};
}

std::string expression(std::mt19937& random) {
  static const std::array<std::string_view, 6> macros{"@hourly", "@daily",   "@midnight",
                                                      "@weekly", "@monthly", "@yearly"};
  static const std::array<std::string_view, 5> seconds{"0", "30", "*/20", "15,45", "*/7"};
  static const std::array<std::string_view, 10> minutes{
      "0", "30", "*/15", "5/10", "1-30/7", "0,15,45", "10-20", "*", "59", "*/30"};
  static const std::array<std::string_view, 12> hours{
      "*", "2", "1", "0", "*/2", "1-23/3", "2-3", "9-17", "1,2,3", "2/5", "23", "*/6"};
  static const std::array<std::string_view, 11> days{"*",  "*",  "*",  "1",  "15",  "1-7",
                                                     "13", "29", "30", "31", "*/10"};
  static const std::array<std::string_view, 9> months{"*",       "*",       "*",   "1",      "2",
                                                      "3,10,11", "jan-MAR", "*/3", "Oct-dec"};
  static const std::array<std::string_view, 9> weekdays{"*",       "*",   "*",     "0",  "7",
                                                        "MON-FRI", "sun", "1,3,5", "SAT"};
  std::uniform_int_distribution<int> percent(0, 99);
  if (percent(random) < 5) return pick(random, macros);
  std::string text = percent(random) < 25 ? pick(random, seconds) + " " : "";
  return text + pick(random, minutes) + " " + pick(random, hours) + " " + pick(random, days) + " " +
         pick(random, months) + " " + pick(random, weekdays);
}

}  // namespace

std::vector<cron_case> cron_corpus(std::uint32_t seed, std::size_t count) {
  std::mt19937 random{seed};
  const std::int64_t start_2026 = 1767225600000, year = 365LL * 86400000, hour = 3600000;
  std::vector<cron_case> cases;
  while (cases.size() < count) {
    const auto& zone = zones()[std::uniform_int_distribution<std::size_t>(0, 4)(random)];
    std::int64_t from =
        start_2026 + std::uniform_int_distribution<std::int64_t>(0, 4 * year)(random) / 1000 * 1000;
    if (!zone.transitions.empty() && std::uniform_int_distribution<int>(0, 2)(random) > 0) {
      auto at = zone.transitions[std::uniform_int_distribution<std::size_t>(
          0, zone.transitions.size() - 1)(random)];
      from = at - std::uniform_int_distribution<std::int64_t>(0, 36)(random) * hour +
             std::uniform_int_distribution<std::int64_t>(0, 3)(random) * 15 * 60000;
    }
    cases.push_back({expression(random), std::string{zone.zone}, from});
  }
  return cases;
}

}  // namespace auraos::test
