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

# The sanitizer build is compiled while the suite runs: the suite leaves much of the CPU idle (its tests wait
# on real peers, servers and timers), and the compilers run in the idle scheduling class (SCHED_IDLE), so
# they only take CPU time no test wants and a test is never kept waiting behind them (docs/benchmarks.md,
# "The test command's time").
san="$build-asan"
san_pid=
if [ "${HOOKLINE_SKIP_SANITIZERS:-0}" != 1 ]; then
  cmake -S "$here" -B "$san" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DHOOKLINE_SANITIZE=ON -DHOOKLINE_BUILD_UI=OFF "${speed[@]}" \
    -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DHOOKLINE_FUZZ=ON \
    -DCMAKE_CXX_FLAGS_DEBUG=-gline-tables-only -DCMAKE_C_FLAGS_DEBUG=-gline-tables-only
  idle=(chrt --idle 0)
  chrt --idle 0 true 2> /dev/null || idle=(nice -n 19) # where the idle class is refused: the lowest priority
  # In a session of its own, so that the whole build (ninja and its compilers) can be stopped at once.
  setsid "${idle[@]}" cmake --build "$san" -j "$jobs" > "$san/build.log" 2>&1 &
  san_pid=$!
  trap '[ -n "$san_pid" ] && kill -- "-$san_pid" 2> /dev/null; true' EXIT
fi

suite=0
ctest --test-dir "$build" --output-on-failure -j "$jobs" || suite=$?

if [ -n "$san_pid" ]; then
  echo "-- waiting for the sanitizer build"
  built=0
  wait "$san_pid" || built=$?
  san_pid=
  if [ "$built" != 0 ]; then
    tail -n 100 "$san/build.log"
    echo "the sanitizer build failed" >&2
    exit 1
  fi
  # Resumed in the normal class, in case the suite ended first (nothing to do when it is complete).
  cmake --build "$san" -j "$jobs"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir "$san" --output-on-failure -j "$jobs"
fi
exit "$suite"
