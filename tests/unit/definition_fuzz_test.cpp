// Bounded random testing: mutated examples and random JSON never crash the validator, and every
// error it reports is well-formed.

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "runtime/definition/parse.hpp"
#include "tests/support/process.hpp"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::vector<json> examples() {
  std::vector<json> docs;
  for (const auto& entry :
       fs::directory_iterator{fs::path{auraos::test::source_dir()} / "examples"}) {
    // Workflow definitions only (examples/tasks and examples/workers are folders).
    if (!entry.is_regular_file() || entry.path().extension() != ".json") continue;
    std::ifstream in{entry.path()};
    docs.push_back(json::parse(in));
  }
  return docs;
}

json random_scalar(std::mt19937& rng) {
  static const std::vector<json> pool{
      nullptr,       true,          0,        -1,    1.5,     101,     "",
      "a",           "${",          "${1 +}", "x y", "shell", "error", "2024-05-01T12:00:00Z",
      json::array(), json::object()};
  return pool[rng() % pool.size()];
}

/// Every value of `doc` as a JSON pointer, to pick a mutation target.
void collect_pointers(const json& doc, const json::json_pointer& at,
                      std::vector<json::json_pointer>& out) {
  out.push_back(at);
  if (doc.is_object())
    for (const auto& [key, value] : doc.items()) collect_pointers(value, at / key, out);
  if (doc.is_array())
    for (std::size_t i = 0; i < doc.size(); ++i) collect_pointers(doc[i], at / i, out);
}

void mutate(json& doc, std::mt19937& rng) {
  std::vector<json::json_pointer> pointers;
  collect_pointers(doc, json::json_pointer{}, pointers);
  auto target = pointers[rng() % pointers.size()];
  if (target.empty()) return;
  auto parent = target.parent_pointer();
  auto& holder = doc.at(parent);
  switch (rng() % 4) {
    case 0:  // drop
      if (holder.is_object())
        holder.erase(target.back());
      else
        holder.erase(holder.begin() + static_cast<long>(std::stoul(target.back())));
      break;
    case 1:  // duplicate
      if (holder.is_array())
        holder.push_back(doc.at(target));
      else
        holder[target.back() + "x"] = doc.at(target);
      break;
    case 2:
      doc.at(target) = random_scalar(rng);
      break;  // retarget / retype
    default:
      doc.at(target) = pointers.size() > 1 ? doc.at(pointers[rng() % pointers.size()]) : json{};
  }
}

void check_well_formed(const json& doc) {
  auto parsed = auraos::runtime::definition::parse_workflow(doc);
  if (parsed) return;
  BOOST_TEST_REQUIRE(!parsed.error().empty());
  for (const auto& error : parsed.error()) {
    BOOST_TEST_REQUIRE(!error.message.empty());
    BOOST_TEST_REQUIRE(error.to_string().find('\n') == std::string::npos);
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(definition_fuzz)

BOOST_AUTO_TEST_CASE(mutated_examples_give_well_formed_errors_or_a_workflow) {
  std::mt19937 rng{20240501};
  auto docs = examples();
  BOOST_TEST_REQUIRE(!docs.empty());
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(4);
  std::size_t runs = 0;
  for (; std::chrono::steady_clock::now() < deadline; ++runs) {
    auto doc = docs[runs % docs.size()];
    for (unsigned i = 0, n = 1 + rng() % 4; i < n; ++i) mutate(doc, rng);
    check_well_formed(doc);
  }
  BOOST_TEST(runs > 100u);
}

BOOST_AUTO_TEST_CASE(random_text_never_crashes_the_parser) {
  std::mt19937 rng{7};
  static const std::string alphabet = "{}[]\":,0123456789.-+eE truefalsnul\\${}nodesidtype\n";
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
  for (std::size_t runs = 0; std::chrono::steady_clock::now() < deadline; ++runs) {
    std::string text(rng() % 200, ' ');
    for (auto& c : text) c = alphabet[rng() % alphabet.size()];
    auto parsed = auraos::runtime::definition::parse_workflow(text);
    BOOST_TEST_REQUIRE(!parsed.has_value());
    BOOST_TEST_REQUIRE(!parsed.error().front().to_string().empty());
  }
}

BOOST_AUTO_TEST_SUITE_END()
