#!/usr/bin/env bash
# The installed console starts and works with the source and build folders gone.
# Usage: run_without_tree.sh SOURCE_DIR BUILD_DIR
# Installs the build into a fresh prefix under $TMPDIR (or /tmp; never inside either folder), then, in a
# private mount namespace with an empty tmpfs over the source and the build folder, runs the installed console:
# headless on the installed default scenario (named, then found by itself) and its window offscreen: with
# --lang zh_TW, with the language stored in the settings, and with --lang en overriding it; each time the log
# must name the catalogue compiled into the executable and the translated window title. Where no mount
# namespace can be made (not root, no CAP_SYS_ADMIN) it falls back to checking the RUNPATHs and that no
# installed binary names either folder, and says so on stderr.
set -euo pipefail
src=$(realpath "$1")
build=$(realpath "$2")
work=$(mktemp -d "${TMPDIR:-/tmp}/hookline-install-XXXXXX")
trap 'rm -rf "$work"' EXIT
case "$work/" in "$src"/* | "$build"/*) echo "FAIL: $work lies in the source or build folder" >&2; exit 1 ;; esac
prefix=$work/prefix

fail() { echo "FAIL: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$prefix" >"$work/install.log" 2>&1 || { cat "$work/install.log" >&2; fail "cmake --install"; }

# Every installed ELF file finds its libraries relative to itself, never through the build tree.
check_runpath() {
    local file=$1 expected=$2 runpath
    runpath=$(readelf -d "$file" | sed -n 's/.*(RUNPATH).*\[\(.*\)\]/\1/p')
    [ "$runpath" = "$expected" ] || fail "$file: RUNPATH '$runpath', expected '$expected'"
}
# lib/hookline, or lib/<multiarch>/hookline when configured for /usr.
lib=$(cd "$prefix" && find . -name libhookline_engine.so -printf '%h\n' | sed 's|^\./||' | head -n1)
[ -n "$lib" ] || fail "libhookline_engine.so is not installed"
[ "$(basename "$lib")" = hookline ] || fail "libhookline_engine.so is not private (in $lib)"
check_runpath "$prefix/bin/hookline" "\$ORIGIN/../$lib"
for plugin in "$prefix/$lib"/plugins/*.so; do
    check_runpath "$plugin" "\$ORIGIN/.."
done

if ! unshare --mount --propagation private true 2>/dev/null; then
    echo "NOTE: no mount namespace here (unshare --mount failed); checking paths only, not running hidden" >&2
    # What is loaded at run time, without the debug information (which names the build folder by design).
    for file in "$prefix/bin/hookline" "$prefix/$lib"/*.so "$prefix/$lib"/plugins/*.so; do
        objcopy --strip-debug "$file" "$work/stripped"
        if strings "$work/stripped" | grep -F -e "$src" -e "$build"; then
            fail "$file names the source or build folder"
        fi
    done
    exit 0
fi

cat >"$work/hidden.sh" <<'INNER'
#!/usr/bin/env bash
set -euo pipefail
src=$1 build=$2 prefix=$3 work=$4
fail() { echo "FAIL: $*" >&2; exit 1; }
# The build folder first: it is often inside the source folder, which hides it as well.
mount -t tmpfs -o size=1m hookline-hidden-build "$build"
mount -t tmpfs -o size=1m hookline-hidden-source "$src"
for dir in "$src" "$build"; do
    [ ! -e "$dir" ] || [ -z "$(ls -A "$dir")" ] || fail "$dir is not hidden"
done

# Nothing from the environment may point the console at its files.
unset HOOKLINE_PLUGIN_PATH QML_IMPORT_PATH QML2_IMPORT_PATH QT_PLUGIN_PATH LD_LIBRARY_PATH QT_LOGGING_RULES
export HOME=$work/home XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data XDG_CACHE_HOME=$work/cache
export XDG_RUNTIME_DIR=$work/runtime PULSE_SERVER=unix:$work/no-sound-server
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
cd "$work"

"$prefix/bin/hookline" --headless --scenario "$prefix/share/hookline/scenarios/default.json" >"$work/named.log" 2>&1 \
    || { cat "$work/named.log" >&2; fail "headless run on the installed default scenario"; }
"$prefix/bin/hookline" --headless >"$work/default.log" 2>&1 \
    || { cat "$work/default.log" >&2; fail "headless run on the scenario it finds by itself"; }

# The window, offscreen: the log names the catalogue loaded from the executable's resources and the title of
# the loaded window. Polls the log until the window is loaded (or 60 s), then stops the console.
run_window() { # LOG ARGS...
    local log=$1 pid found= alive=0
    shift
    QT_QPA_PLATFORM=offscreen QT_QUICK_BACKEND=software \
        QT_LOGGING_RULES="hookline.ui.language.info=true;hookline.app.info=true" \
        "$prefix/bin/hookline" "$@" >"$log" 2>&1 &
    pid=$!
    for _ in $(seq 600); do
        if grep -q 'window loaded:' "$log"; then found=1; break; fi
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -0 "$pid" 2>/dev/null && alive=1
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    echo "--- hookline $*"
    cat "$log"
    [ -n "$found" ] || fail "the installed console did not load its window ($*)"
    [ "$alive" = 1 ] || fail "the installed console exited ($*)"
    if grep -E 'is not installed|failed to load|Cannot load library|QQmlApplicationEngine failed' "$log"; then
        fail "the installed console reported a missing module or library ($*)"
    fi
}
expect() { # LOG TEXT
    grep -qF "$2" "$1" || fail "expected in the log: $2"
}

# --lang zh_TW: Traditional Chinese from the compiled-in catalogue.
run_window "$work/zh.log" --lang zh_TW --supervisor
expect "$work/zh.log" 'catalogue ":/i18n/hookline_zh_TW.qm"'
expect "$work/zh.log" 'window loaded: "Hookline 督導"'
# The language stored in Settings applies at start-up; --lang overrides it for one run.
mkdir -p "$XDG_CONFIG_HOME/Hookline"
printf '[ui]\nlanguage=zh_TW\n' >"$XDG_CONFIG_HOME/Hookline/hookline.conf"
run_window "$work/stored.log" --supervisor
expect "$work/stored.log" 'window loaded: "Hookline 督導"'
run_window "$work/override.log" --lang en --supervisor
expect "$work/override.log" 'catalogue ":/i18n/hookline_en.qm"'
expect "$work/override.log" 'window loaded: "Hookline supervisor"'
grep -q '^language=zh_TW$' "$XDG_CONFIG_HOME/Hookline/hookline.conf" || fail "--lang changed the stored choice"
echo "installed console ran with $src and $build hidden"
INNER
unshare --mount --propagation private bash "$work/hidden.sh" "$src" "$build" "$prefix" "$work"
