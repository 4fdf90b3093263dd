// `auraos eval EXPR [--context JSON or @file]`: evaluates one expression and prints its JSON value.

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/command.hpp"
#include "runtime/expr/expression.hpp"

namespace auraos::cli {
namespace {

struct eval_arguments {
  std::string expression;
  std::string context;
};

/// The context text: the argument itself, or the contents of the file named after '@'.
result<std::string, std::string> context_text(const std::string& argument) {
  if (!argument.starts_with('@')) return argument;
  std::ifstream file(argument.substr(1), std::ios::binary);
  if (!file) return fail("--context: cannot read file '" + argument.substr(1) + "'");
  std::ostringstream contents;
  contents << file.rdbuf();
  return contents.str();
}

/// The 1-based line and column of byte `offset` in `text`.
std::string line_and_column(const std::string& text, std::size_t offset) {
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

result<nlohmann::json, std::string> parse_context(const std::string& argument) {
  if (argument.empty()) return nlohmann::json::object();
  auto text = context_text(argument);
  if (!text) return fail(std::move(text).error());
  try {
    auto context = nlohmann::json::parse(text.value());
    if (!context.is_object())
      return fail(std::string("--context: must be a JSON object, not ") + context.type_name());
    return context;
  } catch (const nlohmann::json::parse_error& e) {
    std::size_t offset = e.byte == 0 ? 0 : e.byte - 1;
    return fail("--context: invalid JSON at " + line_and_column(text.value(), offset));
  }
}

int run_eval(const eval_arguments& args) {
  auto context = parse_context(args.context);
  if (!context) {
    std::fprintf(stderr, "auraos eval: %s\n", context.error().c_str());
    return exit_invalid;
  }
  auto parsed = expr::expression::parse(args.expression);
  if (!parsed) {
    std::fprintf(stderr, "auraos eval: syntax error at %s\n", parsed.error().describe().c_str());
    return exit_invalid;
  }
  auto value = parsed.value().evaluate_json(context.value());
  if (!value) {
    std::fprintf(stderr, "auraos eval: %s\n", value.error().message.c_str());
    return exit_failed;
  }
  std::cout << value.value().dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  return exit_ok;
}

void install(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<eval_arguments>();
  auto* command = app.add_subcommand("eval", "Evaluate an expression of the workflow language");
  command->add_option("EXPR", args->expression, "The expression")->required();
  command->add_option("--context", args->context, "Names in scope: a JSON object, or @file");
  command->callback([args, &exit_code] { exit_code = run_eval(*args); });
}

const command_registration registration{20, install};

}  // namespace
}  // namespace auraos::cli
