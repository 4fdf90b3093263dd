#include "runtime/definition/load_file.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "runtime/definition/fields.hpp"
#include "runtime/text_file.hpp"

namespace auraos::runtime::definition {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using definition_result = result<workflow, std::vector<definition_error>>;

std::string describe_chain(const std::vector<fs::path>& chain, const fs::path& again) {
  std::string text;
  for (const auto& link : chain) text += link.filename().string() + " -> ";
  return "reference cycle: " + text + again.filename().string();
}

definition_result load(const fs::path& file, std::vector<fs::path>& chain, const file_reader& read);

void check_child(const definition::scope& at, const fs::path& parent, const std::string& name,
                 std::vector<fs::path>& chain, const file_reader& read) {
  auto child = parent.parent_path() / name;
  std::error_code ec;
  auto key = fs::weakly_canonical(child, ec);
  if (ec) key = child;
  if (std::find(chain.begin(), chain.end(), key) != chain.end())
    return at.report("config.file", describe_chain(chain, key));
  auto loaded = load(child, chain, read);
  if (loaded) return;
  for (const auto& problem : loaded.error())
    at.report("config.file", "in \"" + name + "\": " + problem.to_string());
}

std::vector<definition_error> check_children(const workflow& wf, const fs::path& file,
                                             std::vector<fs::path>& chain,
                                             const file_reader& read) {
  std::vector<definition_error> errors;
  definition::scope root{errors};
  for (std::size_t i = 0; i < wf.nodes.size(); ++i) {
    const json* named = definition::member(wf.nodes[i].config.source(), "file");
    if (wf.nodes[i].type != node_type::subworkflow || !named || definition::has_template(*named))
      continue;
    auto at = root.element("nodes[" + std::to_string(i) + "]", wf.nodes[i].id);
    check_child(at, file, named->get<std::string>(), chain, read);
  }
  return errors;
}

definition_result load(const fs::path& file, std::vector<fs::path>& chain,
                       const file_reader& read) {
  auto text = read ? read(file) : read_text_file(file);
  if (!text)
    return fail(std::vector<definition_error>{{"", "", "", "cannot read file: " + text.error()}});
  auto parsed = parse_workflow(*text);
  if (!parsed) return parsed;
  std::error_code ec;
  auto key = fs::weakly_canonical(file, ec);
  chain.push_back(ec ? file : key);
  auto errors = check_children(*parsed, file, chain, read);
  chain.pop_back();
  if (!errors.empty()) return fail(std::move(errors));
  return parsed;
}

}  // namespace

definition_result load_workflow_file(const fs::path& file, const file_reader& read) {
  std::vector<fs::path> chain;
  return load(file, chain, read);
}

file_reader confined_reader(file_reader read, const fs::path& root) {
  return [read = std::move(read), root](const fs::path& file) -> result<std::string, std::string> {
    std::error_code base_error, target_error;
    auto base = fs::weakly_canonical(root, base_error);
    auto target = fs::weakly_canonical(file, target_error);
    auto relative = target.lexically_relative(base);
    if (base_error || target_error || relative.empty() || *relative.begin() == "..")
      return fail("outside the definitions folder " + root.string() +
                  " (config definitionsDir): only files inside it are read");
    return read ? read(target) : read_text_file(target);
  };
}

json rebase_subworkflow_files(const json& document, const fs::path& folder) {
  auto rebased = document;
  auto nodes = rebased.find("nodes");
  if (folder.empty() || nodes == rebased.end() || !nodes->is_array()) return rebased;
  for (auto& node : *nodes) {
    if (!node.is_object() || node.value("type", "") != "subworkflow") continue;
    auto config = node.find("config");
    if (config == node.end() || !config->is_object()) continue;
    auto file = config->find("file");
    if (file == config->end() || !file->is_string()) continue;
    auto name = file->get<std::string>();
    if (definition::has_template(*file))
      *file = name.starts_with('/') ? name : (folder / "").string() + name;
    else
      *file = (folder / name).lexically_normal().string();
  }
  return rebased;
}

}  // namespace auraos::runtime::definition
