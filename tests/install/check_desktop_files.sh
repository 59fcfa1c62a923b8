#!/usr/bin/env bash
# The installed desktop entry and AppStream metainfo validate and point at what is installed.
# Usage: check_desktop_files.sh PREFIX APP_ID VERSION
set -euo pipefail
prefix=$1 id=$2 version=$3
fail() { echo "FAIL: $*" >&2; exit 1; }
desktop=$prefix/share/applications/$id.desktop
metainfo=$prefix/share/metainfo/$id.metainfo.xml
[ -f "$desktop" ] || fail "$desktop not installed"
[ -f "$metainfo" ] || fail "$metainfo not installed"
out=$(desktop-file-validate "$desktop" 2>&1) || { echo "$out" >&2; fail "desktop-file-validate"; }
[ -z "$out" ] || { echo "$out" >&2; fail "desktop-file-validate has remarks"; }
appstreamcli validate --no-net "$metainfo" || fail "appstreamcli validate"
# What the files name exists: the executable, the icon, the desktop id, this version's release.
exec_name=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$desktop" | head -n1)
[ -x "$prefix/bin/$exec_name" ] || fail "Exec=$exec_name is not an installed executable"
icon=$(sed -n 's/^Icon=//p' "$desktop")
[ -f "$prefix/share/icons/hicolor/scalable/apps/$icon.svg" ] || fail "Icon=$icon is not installed"
grep -q "<launchable type=\"desktop-id\">$id.desktop</launchable>" "$metainfo" || fail "metainfo does not launch $id.desktop"
grep -q "<binary>$exec_name</binary>" "$metainfo" || fail "metainfo does not provide the binary $exec_name"
grep -q "<release version=\"$version\"" "$metainfo" || fail "metainfo has no release $version (the project's version)"
echo "desktop entry and metainfo valid"
