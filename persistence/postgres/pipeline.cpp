#include "persistence/postgres/pipeline.hpp"

#include <optional>
#include <utility>

namespace auraos::persistence::postgres {

namespace {

constexpr std::string_view place = "commit batch";

/// One pass: sends the requests from `start` on, reads every result in order.
class pipeline_round {
 public:
  pipeline_round(connection& conn, std::vector<planned_request>& requests,
                 std::vector<std::optional<write_outcome>>& outcomes)
      : conn_(conn), requests_(requests), outcomes_(outcomes) {}

  /// The index of the request rejected in this pass, or none when the batch committed.
  store_result<std::optional<std::size_t>> run(std::size_t start, bool resume) {
    if (!send_all(start, resume)) return fail(pg_error(conn_.handle(), nullptr, place));
    for (int i = resume ? 2 : 1; i > 0; --i)
      if (auto ok = expect_ok(); !ok) return fail(std::move(ok).error());
    for (std::size_t i = start; i < requests_.size(); ++i) {
      if (!requests_[i]) continue;
      if (auto read = read_request(i); !read) return fail(std::move(read).error());
    }
    if (rejected_)
      next();  // the COMMIT, skipped by the server after the rejection
    else if (auto ok = expect_ok(); !ok)
      return fail(std::move(ok).error());
    if (next().status() != PGRES_PIPELINE_SYNC)
      return fail(pg_error(conn_.handle(), nullptr, place));
    return rejected_;
  }

 private:
  bool send(const char* sql) {
    return PQsendQueryParams(conn_.handle(), sql, 0, nullptr, nullptr, nullptr, nullptr, 0) == 1;
  }

  bool send(const command& c) {
    auto values = c.values.values();
    return PQsendQueryPrepared(conn_.handle(), c.query.c_str(), c.values.size(), values.data(),
                               c.values.lengths().data(), c.values.formats().data(), 0) == 1;
  }

  bool send_all(std::size_t start, bool resume) {
    bool ok = resume ? send("ROLLBACK TO SAVEPOINT request") && send("RELEASE SAVEPOINT request")
                     : send("BEGIN");
    for (std::size_t i = start; ok && i < requests_.size(); ++i) {
      if (!requests_[i]) continue;
      ok = send("SAVEPOINT request");
      for (const auto& op : *requests_[i])
        for (const auto& c : op.commands) ok = ok && send(c);
      ok = ok && send("RELEASE SAVEPOINT request");
    }
    return ok && send("COMMIT") && PQpipelineSync(conn_.handle()) == 1;
  }

  /// The next command's result; consumes the null that ends it.
  pg_result next() {
    pg_result result{PQgetResult(conn_.handle())};
    if (result.get() && result.status() != PGRES_PIPELINE_SYNC)
      pg_result{PQgetResult(conn_.handle())};
    return result;
  }

  store_status expect_ok() {
    auto result = next();
    if (result.ok()) return std::monostate{};
    return fail(pg_error(conn_.handle(), result.get(), place));
  }

  /// Reads one request's results; records its outcome unless a rejection aborted it.
  store_status read_request(std::size_t index) {
    if (rejected_) {
      for (const auto& op : *requests_[index]) skip(op.commands.size());
      skip(2);
      return std::monostate{};
    }
    if (auto ok = expect_ok(); !ok) return ok;
    std::vector<op_result> results;
    for (const auto& op : *requests_[index]) {
      if (rejected_) {
        skip(op.commands.size());
        continue;
      }
      auto value = read_op(op);
      if (!value) return fail(std::move(value).error());
      if (*value) {
        results.push_back(std::move(**value));
        continue;
      }
      outcomes_[index] = fail(std::move(rejection_));
      rejected_ = index;
    }
    if (rejected_) {
      skip(1);
      return std::monostate{};
    }
    if (auto ok = expect_ok(); !ok) return ok;
    outcomes_[index] = std::move(results);
    return std::monostate{};
  }

  /// The op's value; none when the database rejected it (see rejection_).
  store_result<std::optional<op_result>> read_op(const planned_op& op) {
    std::optional<op_result> value = op_result{};
    for (std::size_t i = 0; i < op.commands.size(); ++i) {
      auto result = next();
      if (!value) continue;
      if (!result.ok()) {
        auto error = pg_error(conn_.handle(), result.get(), op.place);
        if (conn_.broken()) return fail(std::move(error));
        rejection_ = std::move(error);
        value.reset();
      } else if (i + 1 == op.commands.size() && op.read) {
        auto read = op.read(result);
        if (!read) return fail(std::move(read).error());
        value = std::move(read).value();
      }
    }
    return value;
  }

  void skip(std::size_t count) {
    for (std::size_t i = 0; i < count; ++i) next();
  }

  connection& conn_;
  std::vector<planned_request>& requests_;
  std::vector<std::optional<write_outcome>>& outcomes_;
  std::optional<std::size_t> rejected_;
  store_error rejection_;
};

}  // namespace

store_result<std::vector<write_outcome>> run_pipeline(connection& conn,
                                                      std::vector<planned_request>& requests) {
  std::vector<std::optional<write_outcome>> outcomes(requests.size());
  for (std::size_t i = 0; i < requests.size(); ++i)
    if (!requests[i]) outcomes[i] = fail(requests[i].error());
  if (PQenterPipelineMode(conn.handle()) != 1) return fail(pg_error(conn.handle(), nullptr, place));
  std::size_t start = 0;
  bool resume = false;
  while (true) {
    auto rejected = pipeline_round{conn, requests, outcomes}.run(start, resume);
    if (!rejected) return fail(std::move(rejected).error());
    if (!*rejected) break;
    start = **rejected + 1;
    resume = true;
  }
  if (PQexitPipelineMode(conn.handle()) != 1) return fail(pg_error(conn.handle(), nullptr, place));
  std::vector<write_outcome> done;
  done.reserve(outcomes.size());
  for (auto& outcome : outcomes) done.push_back(std::move(*outcome));
  return done;
}

}  // namespace auraos::persistence::postgres
