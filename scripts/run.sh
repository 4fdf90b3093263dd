#!/usr/bin/env bash
# Builds AuraOS and shows what this build can do: validates every example workflow,
# evaluates expressions of the workflow language and runs a workflow durably to its end.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/build.sh" >/dev/null
bin=${AURAOS_BUILD_DIR:-$root/build}/cli/auraos

echo "== auraos validate examples/*.json"
"$bin" validate "$root"/examples/*.json

echo "== auraos eval"
for expr in "1 + 2 * 3" "1 / 2" "1.0 / 2" "'order-' + string(42)" "[1, 2, 3].size()"; do
  printf '%-26s => %s\n' "$expr" "$("$bin" eval "$expr")"
done
context='{"input":{"a":5,"tags":["x","y"]}}'
for expr in "input.a > 1 ? 'big' : 'small'" "'y' in input.tags" "has(input.missing)"; do
  printf '%-34s => %s\n' "$expr" "$("$bin" eval "$expr" --context "$context")"
done
echo "== auraos run examples/diamond.json (progress on stderr, output on stdout)"
"$bin" run "$root/examples/diamond.json"

echo "== a syntax error (exit 2) shows the position:"
"$bin" eval "1 +" || true
