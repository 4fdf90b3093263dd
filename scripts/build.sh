#!/usr/bin/env bash
# Configures and builds AuraOS into ./build (or $AURAOS_BUILD_DIR).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${AURAOS_BUILD_DIR:-$root/build}
jobs=${AURAOS_JOBS:-$(nproc)}
# Let ccache reuse objects across checkouts in other folders (a CI clone, a worktree).
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$root}
export CCACHE_NOHASHDIR=${CCACHE_NOHASHDIR:-1}
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=${AURAOS_BUILD_TYPE:-RelWithDebInfo} >/dev/null
cmake --build "$build" -j "$jobs"
