#pragma once
// A real node with the actor API on a free port and a client of it, and the checks the client's
// integration tests share.

#include <boost/test/unit_test.hpp>

#include <string>

#include <google/protobuf/util/json_util.h>

#include "client/client.hpp"
#include "tests/support/serve_node.hpp"

namespace auraos::test {

/// A node with the actor API on a free port and a client of it.
struct api_node {
  auraos::test::temp_dir data;
  auraos::test::serve_process process{
      {"--http", "127.0.0.1:0", "--api-listen", "127.0.0.1:0", "--data-dir", data.path().string()}};
  std::uint16_t http_port = process.wait_for_port();
  std::uint16_t api_port = static_cast<std::uint16_t>(
      std::stoi(process.wait_for_line(R"(actor message API on [^ ]*:(\d+))", std::chrono::seconds(30))[1].str()));
  bool ready = auraos::test::wait_ready(http_port, std::chrono::seconds(30));
  auraos::client::client c{[this] {
    auraos::client::options out;
    out.port = api_port;
    return out;
  }()};
  api_node() { BOOST_TEST_REQUIRE(ready); }
};

/// The message of JSON `text` (the API's JSON mapping).
template <class T>
T from_json(const std::string& text) {
  T out;
  auto status = google::protobuf::util::JsonStringToMessage(text, &out);
  BOOST_REQUIRE_MESSAGE(status.ok(), status.ToString() + " in " + text);
  return out;
}

/// Why a call failed, for test messages ("" when it did not).
template <class T>
std::string why(const auraos::client::result<T>& r) {
  return r ? ""
           : std::to_string(r.error().status) + " " + r.error().code + ": " + r.error().message;
}

/// The value of `r`; fails the test with the error when there is none.
template <class T>
T ok(auraos::client::result<T> r) {
  BOOST_TEST_REQUIRE(r.has_value(), why(r));
  return std::move(*r);
}

/// Checks that `r` failed with `status` and `code`.
template <class T>
void expect_error(const auraos::client::result<T>& r, int status, const std::string& code) {
  BOOST_TEST_REQUIRE(!r.has_value());
  BOOST_TEST(r.error().status == status, why(r));
  BOOST_TEST(r.error().code == code, why(r));
}

}  // namespace auraos::test
