#pragma once
// The fixture of the store conformance cases (store_conformance_cases.hpp): every backend's
// test file defines make_store_factory() and includes the cases.

#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include "persistence/clock.hpp"
#include "persistence/store.hpp"

namespace auraos::persistence {

/// Prints a status in test failure messages.
inline std::ostream& operator<<(std::ostream& out, execution_status status) {
  return out << to_string(status);
}

/// Prints a workflow status in test failure messages.
inline std::ostream& operator<<(std::ostream& out, workflow_status status) {
  return out << to_string(status);
}

}  // namespace auraos::persistence

namespace auraos::test {

/// Opens (and reopens) one empty database of the backend under test.
class store_factory {
 public:
  virtual ~store_factory() = default;
  /// Opens the database (the same one on every call) with the given clock.
  virtual persistence::store_result<std::unique_ptr<persistence::store>> open(
      persistence::clock_fn clock) = 0;
  /// Records a schema version newer than the binary knows, as a later release would.
  virtual void record_future_schema_version() = 0;
  /// Makes the database as release 1 left it: migration 0001 only, holding the rows that
  /// store_conformance_upgrade.hpp describes (written with release 1's columns).
  virtual void create_version_1_database() = 0;
  /// Makes the database as the release before clusters left it: release 1's rows migrated to
  /// that release's schema, plus the rows store_conformance_cluster_upgrade.hpp describes.
  virtual void create_pre_cluster_database() = 0;
  /// Sets when the lease of `shard` ends (ms since the epoch; none: never), as a cluster
  /// node's heartbeat would.
  virtual void set_lease_expiry(std::int64_t shard, std::optional<std::int64_t> at_ms) = 0;
  /// True when `table` has a column named `column`.
  virtual bool has_column(const std::string& table, const std::string& column) = 0;
  /// True when an index named `name` exists.
  virtual bool has_index(const std::string& name) = 0;
  /// True for a backend that clustered nodes use (PostgreSQL): it indexes the shard columns.
  virtual bool serves_clusters() const { return true; }
};

/// Defined once per backend test executable.
std::unique_ptr<store_factory> make_store_factory();

/// A store on a fresh database, with a clock the test moves by hand.
struct store_fixture {
  store_fixture() : factory(make_store_factory()) { reopen(); }

  /// Closes the store (if open) and opens the same database again.
  void reopen() {
    db.reset();
    auto opened = factory->open([this] { return now_ms; });
    BOOST_REQUIRE_MESSAGE(opened.has_value(), (opened ? "" : opened.error().message));
    db = std::move(opened).value();
  }

  /// Stores a workflow with the given id, name and tags; returns its record.
  persistence::workflow_record add_workflow(const std::string& id, const std::string& name = "w",
                                            std::vector<std::string> tags = {}) {
    auto put = db->put_workflow({id, name, "", "1.0", R"({"nodes":[]})", std::move(tags)});
    BOOST_REQUIRE_MESSAGE(put.has_value(), (put ? "" : put.error().message));
    return *put;
  }

  /// Creates an execution of the latest revision of `workflow_id`.
  persistence::execution_record add_execution(
      const std::string& workflow_id,
      persistence::execution_status status = persistence::execution_status::pending) {
    persistence::execution_record e;
    e.workflow_id = workflow_id;
    e.status = status;
    auto created = db->create_execution(e);
    BOOST_REQUIRE_MESSAGE(created.has_value(), (created ? "" : created.error().message));
    return created->execution;
  }

  std::int64_t now_ms = 1'700'000'000'000;  ///< The store's clock.
  std::unique_ptr<store_factory> factory;   ///< The backend.
  std::unique_ptr<persistence::store> db;   ///< The store under test.
};

}  // namespace auraos::test
