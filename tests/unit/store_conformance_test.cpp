// The store conformance cases, run on the SQLite backend (a file in a temp directory).
#include "tests/support/store_conformance.hpp"
#include "persistence/sqlite/database.hpp"
#include "persistence/sqlite/sqlite_store.hpp"
#include "tests/support/temp_dir.hpp"

namespace auraos::test {

namespace {

/// SQLite databases in a fresh temp directory.
class sqlite_factory final : public store_factory {
 public:
  persistence::store_result<std::unique_ptr<persistence::store>> open(
      persistence::clock_fn clock) override {
    auto opened = persistence::sqlite::sqlite_store::open({path(), std::move(clock)});
    if (!opened) return fail(std::move(opened).error());
    return std::unique_ptr<persistence::store>{std::move(opened).value()};
  }

  void record_future_schema_version() override {
    auto db = persistence::sqlite::database::open(path());
    BOOST_REQUIRE(db.has_value());
    auto done = db->exec("INSERT INTO schema_migrations VALUES (9999, '9999_future', 0)",
                         "record a future schema version");
    BOOST_REQUIRE_MESSAGE(done.has_value(), (done ? "" : done.error().message));
  }

 private:
  std::string path() const { return dir_.file("auraos.db"); }
  temp_dir dir_;
};

}  // namespace

std::unique_ptr<store_factory> make_store_factory() {
  return std::make_unique<sqlite_factory>();
}

}  // namespace auraos::test

#include "tests/support/store_conformance_cases.hpp"
