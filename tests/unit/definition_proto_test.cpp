// Definition JSON -> WorkflowDefinition -> JSON gives the original back, for every example.

#include <filesystem>
#include <fstream>
#include <sstream>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "messages/workflow.pb.h"
#include "runtime/definition/proto_mapping.hpp"
#include "tests/support/json_equal.hpp"
#include "tests/support/process.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using auraos::test::same_json;

namespace {

std::string read_file(const fs::path& file) {
  std::ifstream in{file};
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}


std::vector<fs::path> example_files() {
  std::vector<fs::path> files;
  for (const auto& entry :
       fs::directory_iterator{fs::path{auraos::test::source_dir()} / "examples"})
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  return files;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(definition_proto)

BOOST_AUTO_TEST_CASE(every_example_round_trips_through_protobuf_unchanged) {
  auto files = example_files();
  BOOST_TEST_REQUIRE(files.size() >= 5u);
  for (const auto& file : files) {
    auto text = read_file(file);
    auto message = auraos::runtime::definition::definition_from_json(text);
    BOOST_TEST_REQUIRE(message.has_value(),
                       file.string() + ": " + (message ? "" : message.error()));
    auto back = auraos::runtime::definition::definition_to_json(*message);
    BOOST_TEST_REQUIRE(back.has_value());
    BOOST_TEST(same_json(json::parse(text), json::parse(*back)),
               file.string() + " came back as " + *back);
  }
}

BOOST_AUTO_TEST_CASE(protobuf_fields_carry_the_definition) {
  auto message = auraos::runtime::definition::definition_from_json(
      R"({"name": "w", "nodes": [{"id": "a", "type": "shell", "config": {"command": "ls"},
          "retry": {"maxAttempts": 3}, "position": {"x": 0, "y": 2}}],
          "connections": [{"from": "a", "to": "a", "on": "error"}]})");
  BOOST_TEST_REQUIRE(message.has_value());
  BOOST_TEST(message->name() == "w");
  BOOST_TEST(message->nodes(0).retry().max_attempts() == 3);
  BOOST_TEST(message->nodes(0).config().struct_value().fields().at("command").string_value() ==
             "ls");
  BOOST_TEST(message->nodes(0).position().has_x());
  BOOST_TEST(message->connections(0).on() == "error");
}

BOOST_AUTO_TEST_CASE(unknown_fields_and_wrong_types_are_refused) {
  auto unknown =
      auraos::runtime::definition::definition_from_json(R"({"name": "w", "conections": []})");
  BOOST_TEST_REQUIRE(!unknown.has_value());
  BOOST_TEST(unknown.error().find("conections") != std::string::npos, unknown.error());
  BOOST_TEST(!auraos::runtime::definition::definition_from_json(R"({"name": 5})").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
