#!/usr/bin/env bash
# Installs what is missing, builds Hookline, and runs the whole test suite with ctest.
# Then builds the engine tests with ASan+UBSan (LeakSanitizer included) and runs them, and runs the
# fuzz targets for a bounded time (clang + libFuzzer).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bash "$here/scripts/install-deps.sh"

jobs=${HOOKLINE_JOBS:-2}
build=${HOOKLINE_BUILD_DIR:-$here/build}
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}

# The test build is made for time on two cores (docs/benchmarks.md, "The test command's time"): line tables
# (-g1) are enough for a failing test's backtrace, and full debug information made compiles about 30% slower;
# a unity build compiles each target's sources in batches, so Qt's headers are parsed once per batch (the
# engine library took 72 s of CPU instead of 197 s). Behaviour is the same: the optimisation level is unchanged.
speed=(-DCMAKE_UNITY_BUILD=ON)
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${speed[@]}" \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG"
cmake --build "$build" -j "$jobs"
ctest --test-dir "$build" --output-on-failure -j "$jobs"

if [ "${HOOKLINE_SKIP_SANITIZERS:-0}" != 1 ]; then
  san="$build-asan"
  cmake -S "$here" -B "$san" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DHOOKLINE_SANITIZE=ON -DHOOKLINE_BUILD_UI=OFF "${speed[@]}" \
    -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DHOOKLINE_FUZZ=ON \
    -DCMAKE_CXX_FLAGS_DEBUG=-gline-tables-only -DCMAKE_C_FLAGS_DEBUG=-gline-tables-only
  cmake --build "$san" -j "$jobs"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir "$san" --output-on-failure -j "$jobs"
fi
