// The layers of DESIGN.md, checked on the source tree: namespaces match folders, each folder
// includes only the folders below it, CAF headers appear only where actors are defined, and no
// header but two internal ones includes the full JSON header. Each failure names file and line.
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

/// One source file of the project, by its path relative to the source root.
struct source_file {
  std::string path;                ///< e.g. "actors/store/store_actor.cpp"
  std::string folder;              ///< e.g. "actors/store"
  std::vector<std::string> lines;  ///< Its lines.
};

/// The folders whose sources the layer rules cover (tests, bench and generated code are not).
const std::vector<std::string> checked_roots = {"runtime", "persistence", "actors", "cluster",
                                                "node",    "gateway",     "cli"};

/// Every .hpp/.cpp file under the checked folders.
std::vector<source_file> project_sources() {
  const char* root_env = std::getenv("AURAOS_SOURCE_DIR");
  BOOST_REQUIRE_MESSAGE(root_env != nullptr, "AURAOS_SOURCE_DIR is not set (CTest sets it)");
  const fs::path root{root_env};
  std::vector<source_file> files;
  for (const auto& top : checked_roots) {
    for (const auto& entry : fs::recursive_directory_iterator(root / top)) {
      const auto ext = entry.path().extension();
      if (!entry.is_regular_file() || (ext != ".hpp" && ext != ".cpp")) continue;
      source_file file;
      file.path = fs::relative(entry.path(), root).generic_string();
      file.folder = fs::relative(entry.path().parent_path(), root).generic_string();
      std::ifstream in(entry.path());
      for (std::string line; std::getline(in, line);) file.lines.push_back(line);
      files.push_back(std::move(file));
    }
  }
  BOOST_REQUIRE_MESSAGE(files.size() > 100, "found only " << files.size() << " sources");
  return files;
}

/// The namespace a folder's code lives in: "actors/store" -> "auraos::actors::store".
std::string folder_namespace(const std::string& folder) {
  return "auraos::" + std::regex_replace(folder, std::regex("/"), "::");
}

/// Files that also open a namespace other than their folder's, and why.
const std::map<std::string, std::set<std::string>> namespace_exceptions = {
    // The project vocabulary every layer uses unqualified: result<T, E>, errc, enum names.
    {"runtime/result.hpp", {"auraos"}},
    {"runtime/error.hpp", {"auraos"}},
    {"runtime/error.cpp", {"auraos"}},
    {"runtime/enum_names.hpp", {"auraos"}},
    // CAF finds inspect overloads by argument-dependent lookup: they sit in the type's namespace
    // (result<T, E>, the engine's node_error, Protobuf messages, the store's records).
    {"actors/wire.hpp",
     {"auraos::actors::wire", "auraos", "auraos::runtime::engine", "auraos::v1"}},
    // The wire helpers' short names (json_field, optional_field) get a namespace of their own.
    {"actors/wire.cpp", {"auraos::actors::wire"}},
    {"actors/store/store_wire.hpp", {"auraos::persistence"}},
    {"actors/store/event_wire.hpp",
     {"auraos::persistence", "auraos::runtime::events", "auraos::runtime::metrics"}},
    {"actors/store/pattern_wire.hpp", {"auraos::persistence"}},
    {"actors/store/task_wire.hpp", {"auraos::persistence"}},
    {"actors/store/security_wire.hpp", {"auraos::persistence"}},
};

/// Whether the lines after `open` up to its closing brace only forward-declare types.
bool forward_declarations_only(const source_file& file, std::size_t open) {
  static const std::regex declaration(R"(^\s*(class|struct)\s+\w+;\s*$)");
  for (std::size_t i = open + 1; i < file.lines.size(); ++i) {
    const auto& line = file.lines[i];
    if (line.rfind("}", 0) == 0) return true;
    if (line.empty() || std::regex_match(line, declaration)) continue;
    return false;
  }
  return false;
}

BOOST_AUTO_TEST_CASE(namespaces_match_folders) {
  static const std::regex opening(R"(^namespace (auraos[\w:]*) \{)");
  for (const auto& file : project_sources()) {
    const auto expected = folder_namespace(file.folder);
    for (std::size_t i = 0; i < file.lines.size(); ++i) {
      std::smatch m;
      if (!std::regex_search(file.lines[i], m, opening)) continue;
      const std::string ns = m[1];
      if (ns == expected || ns == expected + "::detail") continue;
      if (forward_declarations_only(file, i)) continue;
      auto exception = namespace_exceptions.find(file.path);
      if (exception != namespace_exceptions.end() && exception->second.count(ns)) continue;
      BOOST_ERROR(file.path << ":" << i + 1 << ": namespace " << ns << " in folder " << file.folder
                            << " (expected " << expected << ")");
    }
  }
}

/// The project folders each folder may include from; each list is complete (nothing is
/// inherited). A folder is governed by its longest listed prefix, so "actors" rules only the
/// files directly in actors/, and runtime/expr falls under "runtime".
const std::map<std::string, std::set<std::string>> allowed_includes = {
    {"runtime", {"runtime", "messages"}},
    {"runtime/handlers", {"runtime/handlers", "runtime", "messages"}},
    {"persistence", {"persistence", "runtime", "messages"}},
    {"actors", {"actors", "runtime", "messages", "persistence"}},
    {"actors/supervision", {"actors", "actors/supervision", "runtime", "messages"}},
    {"actors/store", {"actors", "actors/store", "persistence", "runtime", "messages"}},
    {"actors/timers",
     {"actors", "actors/timers", "actors/store", "actors/supervision", "persistence", "runtime",
      "messages"}},
    // A workflow's `task` node sends the task pool its requests (header-only message types).
    {"actors/executions",
     {"actors", "actors/executions", "actors/tasks", "actors/timers", "actors/store", "actors/supervision",
      "persistence", "runtime", "runtime/handlers", "messages"}},
    {"actors/events",
     {"actors", "actors/events", "actors/executions", "actors/timers", "actors/store",
      "actors/supervision", "persistence", "runtime", "runtime/handlers", "messages"}},
    {"actors/tasks",
     {"actors", "actors/tasks", "actors/executions", "actors/timers", "actors/store",
      "actors/supervision", "persistence", "runtime", "runtime/handlers", "messages"}},
    {"actors/secrets",
     {"actors", "actors/secrets", "actors/store", "actors/supervision", "persistence", "runtime",
      "messages"}},
    {"cluster",
     {"cluster", "actors", "actors/executions", "actors/timers", "actors/store",
      "actors/supervision", "persistence", "runtime", "runtime/handlers", "messages"}},
    {"node",
     {"node", "cluster", "actors", "actors/events", "actors/executions", "actors/secrets", "actors/tasks", "actors/timers", "actors/store",
      "actors/supervision", "gateway", "persistence", "runtime", "runtime/handlers", "messages"}},
    {"gateway",
     {"gateway", "cluster", "actors", "actors/events", "actors/executions", "actors/tasks", "actors/store", "actors/supervision",
      "persistence", "runtime", "runtime/handlers", "messages"}},
    {"cli",
     {"cli", "node", "cluster", "gateway", "actors", "actors/events", "actors/executions", "actors/tasks",
      "actors/store",
      "actors/supervision", "persistence", "runtime", "runtime/handlers", "messages"}},
};

/// The rule that governs `folder`: the longest listed prefix (runtime/expr -> runtime).
std::string governing_rule(const std::string& folder) {
  std::string best;
  for (const auto& [prefix, allowed] : allowed_includes) {
    if ((folder == prefix || folder.rfind(prefix + "/", 0) == 0) && prefix.size() > best.size())
      best = prefix;
  }
  return best;
}

/// The folder an include of the project names, normalised like governing_rule: runtime/expr
/// counts as runtime, gateway/detail as gateway.
std::string included_folder(const std::string& include) {
  const auto slash = include.rfind('/');
  return governing_rule(slash == std::string::npos ? "" : include.substr(0, slash));
}

BOOST_AUTO_TEST_CASE(folders_include_only_the_layers_below) {
  static const std::regex project_include(R"re(^#include "((\w+)/[\w/]+\.(hpp|h))")re");
  for (const auto& file : project_sources()) {
    const auto rule = governing_rule(file.folder);
    BOOST_REQUIRE_MESSAGE(!rule.empty(), file.path << ": no layer rule for " << file.folder);
    const auto& allowed = allowed_includes.at(rule);
    for (std::size_t i = 0; i < file.lines.size(); ++i) {
      std::smatch m;
      if (!std::regex_search(file.lines[i], m, project_include)) continue;
      const std::string included = m[1];
      std::string target =
          included.rfind("messages/", 0) == 0 ? "messages" : included_folder(included);
      if (target.empty()) {
        // tests/, bench/ or an unknown folder: production code never includes those.
        BOOST_ERROR(file.path << ":" << i + 1 << ": includes " << included
                              << ", which is outside every production layer");
        continue;
      }
      if (allowed.count(target)) continue;
      BOOST_ERROR(file.path << ":" << i + 1 << ": " << rule << " may not include " << included);
    }
  }
}

BOOST_AUTO_TEST_CASE(runtime_and_persistence_link_no_actor_or_io_library) {
  static const std::regex forbidden(
      R"(^#include <(caf/|boost/beast|boost/asio|openssl/|sodium|sqlite3|libpq|CLI/|spdlog/))");
  for (const auto& file : project_sources()) {
    const bool handlers = file.folder == "runtime/handlers";
    const bool runtime = file.folder.rfind("runtime", 0) == 0 && !handlers;
    const bool persistence = file.folder.rfind("persistence", 0) == 0;
    if (!runtime && !handlers && !persistence) continue;
    for (std::size_t i = 0; i < file.lines.size(); ++i) {
      const auto& line = file.lines[i];
      std::smatch m;
      if (!std::regex_search(line, m, forbidden)) continue;
      const std::string what = m[1];
      // Beast/Asio only in the handlers, OpenSSL in the handlers and the crypto library, libsodium
      // in the crypto library only; the backends use theirs.
      if (handlers && (what.rfind("boost/", 0) == 0 || what == "openssl/")) continue;
      if (persistence && (what == "sqlite3" || what == "libpq" || what == "spdlog/")) continue;
      if (file.folder == "runtime/crypto" && (what == "openssl/" || what == "sodium")) continue;
      BOOST_ERROR(file.path << ":" << i + 1 << ": " << what << " is not for this layer");
    }
  }
}

/// Headers outside actors/, cluster/ and node/ that define or ask actors, so may name CAF types.
const std::set<std::string> caf_header_outside_actors = {
    "gateway/node_context.hpp",               // the handles the routes' asking actors use
    "gateway/detail/ask.hpp",                 // the asking actor itself
    "gateway/detail/collect_executions.hpp",  // runs inside an asking actor
    "gateway/child_relay.hpp",                // the relay actor of child ends between nodes
    "gateway/supervision_feed.hpp",           // the actor that gathers tree changes for the hub
    "gateway/api_endpoint.hpp",               // the actor API's published endpoint
    "gateway/api_subscription.hpp",           // the actor pumping a stream to a subscriber
    "gateway/detail/routed_promises.hpp",     // promises an actor keeps for its router
    "gateway/auth/revocation_poller.hpp",     // the actor that polls stored revocations
};

BOOST_AUTO_TEST_CASE(caf_headers_only_where_actors_are_defined) {
  for (const auto& file : project_sources()) {
    if (file.path.size() < 4 || file.path.substr(file.path.size() - 4) != ".hpp") continue;
    if (file.folder.rfind("actors", 0) == 0 || file.folder == "node" || file.folder == "cluster")
      continue;
    if (caf_header_outside_actors.count(file.path)) continue;
    for (std::size_t i = 0; i < file.lines.size(); ++i) {
      if (file.lines[i].rfind("#include <caf/", 0) == 0)
        BOOST_ERROR(file.path << ":" << i + 1 << ": a CAF header outside the actor layers");
    }
  }
}

/// Internal headers of runtime/expr that hold JSON values by value (see their first lines).
const std::set<std::string> full_json_headers = {"runtime/expr/ast.hpp",
                                                 "runtime/expr/template_tree.hpp"};

BOOST_AUTO_TEST_CASE(headers_use_the_json_forward_declarations) {
  for (const auto& file : project_sources()) {
    if (file.path.size() < 4 || file.path.substr(file.path.size() - 4) != ".hpp") continue;
    if (full_json_headers.count(file.path)) continue;
    for (std::size_t i = 0; i < file.lines.size(); ++i) {
      if (file.lines[i] == "#include <nlohmann/json.hpp>")
        BOOST_ERROR(file.path << ":" << i + 1 << ": the full JSON header in a header; use "
                              << "<nlohmann/json_fwd.hpp> and include the full one in the .cpp");
    }
  }
}

}  // namespace
