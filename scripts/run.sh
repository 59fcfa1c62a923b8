#!/usr/bin/env bash
# Installs what is missing, builds Hookline, and starts the console on the simulated provider.
# Without a display it says so and plays the default scenario headless.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bash "$here/scripts/install-deps.sh"
build=${HOOKLINE_BUILD_DIR:-$here/build}
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$build" -j "${HOOKLINE_JOBS:-2}"
exec "$build/bin/hookline" "$@"
