#pragma once
// A deterministic corpus of cron expressions, zones and start instants for the differential test
// against cron-parser.

#include <cstdint>
#include <string>
#include <vector>

namespace auraos::test {

/// One question: the next fire times of `expression` in `zone` strictly after `from_ms`.
struct cron_case {
  std::string expression;
  std::string zone;
  std::int64_t from_ms = 0;
};

/// `count` random cases from `seed`: 5- and 6-field expressions with names, lists, ranges, steps
/// and macros, over UTC, Europe/Berlin, America/New_York, Asia/Kolkata and Australia/Lord_Howe,
/// starting on ordinary days and within a day and a half before daylight saving transitions.
/// Left out on purpose: `L`, `#`, `H` and `?` (cron-parser extensions we do not accept).
std::vector<cron_case> cron_corpus(std::uint32_t seed, std::size_t count);

}  // namespace auraos::test
