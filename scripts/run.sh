#!/usr/bin/env bash
# Builds AuraOS and runs a node on the embedded SQLite store with the example workflows
# loaded; prints the API URL. Ctrl-C (or SIGTERM) stops the node gracefully.
#   AURAOS_DATA_DIR (default ./auraos-data)   AURAOS_HTTP (default 127.0.0.1:8080)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/build.sh" >/dev/null
bin=${AURAOS_BUILD_DIR:-$root/build}/cli/auraos
data=${AURAOS_DATA_DIR:-$root/auraos-data}
http=${AURAOS_HTTP:-127.0.0.1:8080}
base="http://$http"

# Stored examples' subworkflow `file` references resolve against the examples folder.
mkdir -p "$data"
printf '{"definitionsDir": "%s"}\n' "$root/examples" >"$data/run-config.json"
"$bin" serve --data-dir "$data" --http "$http" --config "$data/run-config.json" &
node=$!
trap 'kill -TERM "$node" 2>/dev/null; wait "$node"' INT TERM

for _ in $(seq 1 300); do
  curl -sf -o /dev/null "$base/readyz" && break
  kill -0 "$node" 2>/dev/null || { wait "$node"; exit $?; }
  sleep 0.1
done
curl -sf -o /dev/null "$base/readyz" || { echo "run: the node did not become ready" >&2; exit 1; }

# Load every example: create it, or store a new revision when it already exists.
for file in "$root"/examples/*.json; do
  id=$(basename "$file" .json)
  status=$(curl -s -o /dev/null -w '%{http_code}' -X POST --data-binary @"$file" "$base/api/v1/workflows")
  if [[ "$status" == 409 ]]; then
    status=$(curl -s -o /dev/null -w '%{http_code}' -X PUT --data-binary @"$file" "$base/api/v1/workflows/$id")
  fi
  echo "run: loaded example $id (HTTP $status)" >&2
done

cat >&2 <<TXT
run: node ready. Dashboard: $base/
run: API: $base/api/v1   supervision tree: $base/api/v1/supervision   metrics: $base/metrics
run: try   curl -s -X POST -d '{"input":{}}' $base/api/v1/workflows/diamond/executions
TXT
wait "$node"
