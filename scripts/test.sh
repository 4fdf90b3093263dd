#!/usr/bin/env bash
# Builds AuraOS and runs every test (all CTest labels). Extra arguments go to ctest.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/build.sh"
build=${AURAOS_BUILD_DIR:-$root/build}
ctest --test-dir "$build" --output-on-failure -j "${AURAOS_JOBS:-$(nproc)}" "$@"
