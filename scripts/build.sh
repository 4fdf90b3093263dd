#!/usr/bin/env bash
# Configures and builds AuraOS into ./build (or $AURAOS_BUILD_DIR).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${AURAOS_BUILD_DIR:-$root/build}
jobs=${AURAOS_JOBS:-$(nproc)}
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=${AURAOS_BUILD_TYPE:-RelWithDebInfo} >/dev/null
cmake --build "$build" -j "$jobs"
