// `auraos eval EXPR [--context JSON or @file]`: evaluates one expression and prints its JSON value.

#include <cstdio>
#include <iostream>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/command.hpp"
#include "runtime/expr/expression.hpp"
#include "runtime/json_parse.hpp"
#include "runtime/text_file.hpp"

namespace auraos::cli {
namespace {

struct eval_arguments {
  std::string expression;
  std::string context;
};

/// The context text: the argument itself, or the contents of the file named after '@'.
result<std::string, std::string> context_text(const std::string& argument) {
  if (!argument.starts_with('@')) return argument;
  auto text = runtime::read_text_file(argument.substr(1));
  if (!text)
    return fail("--context: cannot read file '" + argument.substr(1) + "': " + text.error());
  return std::move(*text);
}

result<nlohmann::json, std::string> parse_context(const std::string& argument) {
  if (argument.empty()) return nlohmann::json::object();
  auto text = context_text(argument);
  if (!text) return fail(std::move(text).error());
  auto context = runtime::parse_json(text.value());
  if (!context) return fail("--context: invalid JSON at " + context.error().to_string());
  if (!context->is_object())
    return fail(std::string("--context: must be a JSON object, not ") + context->type_name());
  return std::move(*context);
}

int run_eval(const eval_arguments& args) {
  auto context = parse_context(args.context);
  if (!context) {
    std::fprintf(stderr, "auraos eval: %s\n", context.error().c_str());
    return exit_invalid;
  }
  auto parsed = runtime::expr::expression::parse(args.expression);
  if (!parsed) {
    std::fprintf(stderr, "auraos eval: syntax error at %s\n", parsed.error().describe().c_str());
    return exit_invalid;
  }
  auto value = parsed.value().evaluate_json(context.value());
  if (!value) {
    std::fprintf(stderr, "auraos eval: %s\n", value.error().message.c_str());
    return exit_failed;
  }
  std::cout << runtime::dump_json(value.value()) << '\n';
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
