// `auraos keys list|rotate|remove`: the node's key file (docs/security.md, "Secrets and key
// rotation"). `rotate` adds a new current key; a running node notices the changed file within
// a second and re-seals every stored secret under the new key (a stopped node does it when it
// starts). `remove` drops an old key once nothing needs it any more.

#include <cstdio>
#include <map>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "cli/command.hpp"
#include "runtime/crypto/node_keys.hpp"

namespace auraos::cli {
namespace {

namespace crypto = runtime::crypto;

struct keys_arguments {
  std::string data_dir = "./auraos-data";
  std::string key_file;
  std::string purpose = "secrets";
  std::string key_id;
};

std::string key_file_of(const keys_arguments& args) {
  return args.key_file.empty() ? args.data_dir + "/keys.json" : args.key_file;
}

const crypto::key_ring& ring_of(const crypto::node_keys& keys, crypto::key_purpose purpose) {
  return purpose == crypto::key_purpose::signing ? keys.signing : keys.secrets;
}

/// The key file's rings, or an error line printed (exit 1).
std::optional<crypto::node_keys> load(const std::string& command, const std::string& file) {
  auto keys = crypto::load_node_keys(file);
  if (keys) return std::move(*keys);
  std::fprintf(stderr, "auraos keys %s: %s (a node creates its key file on its first start)\n",
               command.c_str(), keys.error().c_str());
  return std::nullopt;
}

int save(const std::string& command, const std::string& file, const crypto::node_keys& keys) {
  if (auto problem = crypto::save_node_keys(file, keys)) {
    std::fprintf(stderr, "auraos keys %s: %s\n", command.c_str(), problem->c_str());
    return exit_failed;
  }
  return exit_ok;
}

int run_list(const keys_arguments& args) {
  auto keys = load("list", key_file_of(args));
  if (!keys) return exit_failed;
  for (auto purpose : {crypto::key_purpose::signing, crypto::key_purpose::secrets}) {
    const auto& ring = ring_of(*keys, purpose);
    for (const auto& id : ring.ids())
      std::printf("%s\t%s%s\n", purpose == crypto::key_purpose::signing ? "signing" : "secrets",
                  id.c_str(), id == ring.current_id() ? "\tcurrent" : "");
  }
  return exit_ok;
}

int run_rotate(const keys_arguments& args, crypto::key_purpose purpose) {
  auto file = key_file_of(args);
  auto keys = load("rotate", file);
  if (!keys) return exit_failed;
  auto old_id = ring_of(*keys, purpose).current_id();
  auto rotated = crypto::with_rotated_key(*keys, purpose);
  if (auto saved = save("rotate", file, rotated); saved != exit_ok) return saved;
  auto new_id = ring_of(rotated, purpose).current_id();
  std::printf("%s key %s is now current in %s (%s stays to open what it sealed)\n",
              args.purpose.c_str(), new_id.c_str(), file.c_str(), old_id.c_str());
  if (purpose == crypto::key_purpose::secrets)
    std::printf(
        "a running node re-seals the stored secrets within seconds and logs \"every "
        "stored secret value is sealed under key %s\"; then `auraos keys remove %s` "
        "drops the old key\n",
        new_id.c_str(), old_id.c_str());
  return exit_ok;
}

int run_remove(const keys_arguments& args, crypto::key_purpose purpose) {
  auto file = key_file_of(args);
  auto keys = load("remove", file);
  if (!keys) return exit_failed;
  const auto& ring = ring_of(*keys, purpose);
  std::string problem;
  if (!ring.find(args.key_id))
    problem = "the " + args.purpose + " ring has no key '" + args.key_id + "'";
  else if (args.key_id == ring.current_id())
    problem = "key '" + args.key_id + "' is the current " + args.purpose +
              " key; rotate first (auraos keys rotate)";
  if (!problem.empty()) {
    std::fprintf(stderr, "auraos keys remove: %s\n", problem.c_str());
    return exit_invalid;
  }
  std::map<std::string, std::string> kept;
  for (const auto& id : ring.ids())
    if (id != args.key_id) kept.emplace(id, *ring.find(id));
  auto smaller = *crypto::key_ring::make(std::move(kept), ring.current_id());
  auto out = *keys;
  (purpose == crypto::key_purpose::signing ? out.signing : out.secrets) = std::move(smaller);
  if (auto saved = save("remove", file, out); saved != exit_ok) return saved;
  std::printf("%s key %s removed from %s\n", args.purpose.c_str(), args.key_id.c_str(),
              file.c_str());
  return exit_ok;
}

/// Adds the options every `keys` command takes.
void add_file_options(CLI::App* command, keys_arguments& args) {
  auto* dir = command->add_option("--data-dir", args.data_dir,
                                  "The node's data directory; its key file is DIR/keys.json");
  dir->capture_default_str();
  command->add_option("--key-file", args.key_file, "The key file (as `auraos serve --key-file`)")
      ->excludes(dir);
}

void add_purpose_option(CLI::App* command, keys_arguments& args) {
  command->add_option("--purpose", args.purpose, "Which key ring: secrets or signing")
      ->check(CLI::IsMember({"secrets", "signing"}))
      ->capture_default_str();
}

crypto::key_purpose purpose_of(const keys_arguments& args) {
  return args.purpose == "signing" ? crypto::key_purpose::signing : crypto::key_purpose::secrets;
}

void install(CLI::App& app, int& exit_code) {
  auto* keys = app.add_subcommand("keys", "Rotate and list the keys of the node's key file");
  keys->require_subcommand(1);
  auto args = std::make_shared<keys_arguments>();
  auto* list = keys->add_subcommand("list", "List the key ids of both rings and the current ones");
  add_file_options(list, *args);
  list->callback([args, &exit_code] { exit_code = run_list(*args); });
  auto* rotate = keys->add_subcommand(
      "rotate", "Add a new current key; a running node re-seals stored secrets under it");
  add_file_options(rotate, *args);
  add_purpose_option(rotate, *args);
  rotate->callback([args, &exit_code] { exit_code = run_rotate(*args, purpose_of(*args)); });
  auto* remove = keys->add_subcommand("remove", "Remove an old key that nothing needs any more");
  remove->add_option("KEY_ID", args->key_id, "The key id, e.g. k1")->required();
  add_file_options(remove, *args);
  add_purpose_option(remove, *args);
  remove->callback([args, &exit_code] { exit_code = run_remove(*args, purpose_of(*args)); });
}

const command_registration registration{65, install};

}  // namespace
}  // namespace auraos::cli
