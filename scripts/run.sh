#!/usr/bin/env bash
# Installs what is missing, builds Hookline, installs it into <build>/prefix and starts the installed console on
# the simulated provider: what runs is what `cmake --install` ships (docs/architecture.md, "Install layout").
# Without a display it says so and plays the default scenario headless.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bash "$here/scripts/install-deps.sh"
build=${HOOKLINE_BUILD_DIR:-$here/build}
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$build" -j "${HOOKLINE_JOBS:-2}"
cmake --install "$build" --prefix "$build/prefix" >/dev/null
exec "$build/prefix/bin/hookline" "$@"
