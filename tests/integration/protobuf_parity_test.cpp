// Every REST operation with Protobuf forms (`x-protobuf` in gateway/openapi/openapi.json) gives
// the same data in JSON and in Protobuf: one case per operationId calls it in both encodings on
// one node for the suite and compares the answers (protobuf_parity.hpp). An operation added to
// the document without a case, or a case of an operation the document lacks, fails the suite.

#include <memory>
#include <set>
#include <string>
#include <vector>

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "tests/integration/protobuf_parity.hpp"
#include "tests/integration/protobuf_parity_event_cases.hpp"
#include "tests/integration/protobuf_parity_security_cases.hpp"
#include "tests/integration/protobuf_parity_task_cases.hpp"
#include "tests/integration/protobuf_parity_workflow_cases.hpp"

namespace parity = auraos::test::parity;

namespace {

const parity::case_table& all_cases() {
  static const parity::case_table cases = [] {
    parity::case_table table;
    parity::add_workflow_cases(table);
    parity::add_execution_cases(table);
    parity::add_node_cases(table);
    parity::add_event_cases(table);
    parity::add_retention_cases(table);
    parity::add_pattern_cases(table);
    parity::add_task_definition_cases(table);
    parity::add_task_run_cases(table);
    parity::add_security_cases(table);
    return table;
  }();
  return cases;
}

std::vector<std::string> case_names() {
  std::vector<std::string> names;
  for (const auto& [name, ignored] : all_cases()) names.push_back(name);
  return names;
}

/// The operationIds of the document that have `x-protobuf`.
std::set<std::string> protobuf_operations() {
  std::set<std::string> out;
  auto document = parity::load_document();
  for (const auto& [path, operations] : document.at("paths").items())
    for (const auto& [method, operation] : operations.items())
      if (operation.is_object() && operation.contains("x-protobuf"))
        out.insert(operation.at("operationId").get<std::string>());
  return out;
}

/// The suite's node: started before its first case, stopped after its last.
struct shared_node {
  shared_node() { node = std::make_unique<parity::harness>(); }
  ~shared_node() { node.reset(); }
  static inline std::unique_ptr<parity::harness> node;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(protobuf_parity)

BOOST_AUTO_TEST_CASE(every_protobuf_operation_has_a_parity_case) {
  auto operations = protobuf_operations();
  BOOST_TEST_REQUIRE(!operations.empty(), "the document names no x-protobuf operation");
  for (const auto& operation : operations)
    BOOST_TEST(all_cases().count(operation) == 1u,
               "operation " << operation << " has x-protobuf but no parity case");
  for (const auto& [name, ignored] : all_cases())
    BOOST_TEST(operations.count(name) == 1u,
               "parity case " << name << " names no x-protobuf operation of the document");
}

BOOST_AUTO_TEST_SUITE(answers, *boost::unit_test::fixture<shared_node>())

BOOST_DATA_TEST_CASE(json_and_protobuf_answers_carry_the_same_data,
                     boost::unit_test::data::make(case_names()), operation) {
  BOOST_TEST_REQUIRE(shared_node::node != nullptr);
  try {
    all_cases().at(operation)(*shared_node::node);
  } catch (const std::exception& e) {
    BOOST_ERROR(operation << ": " << e.what());
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE_END()
