#!/usr/bin/env bash
# The Debian package: built with cpack from the build folder; holds the console, its private library and
# plugins, the default scenario, the desktop integration and the udev files; control fields filled, the
# dependencies computed by dpkg-shlibdeps.
# Usage: check_deb.sh BUILD_DIR OUTPUT_DIR APP_ID
set -euo pipefail
build=$1 out=$2 id=$3
fail() { echo "FAIL: $*" >&2; exit 1; }
rm -rf "$out"
mkdir -p "$out"
(cd "$build" && cpack -G DEB -B "$out" >"$out/cpack.log" 2>&1) || { cat "$out/cpack.log" >&2; fail "cpack -G DEB"; }
deb=$(ls "$out"/*.deb 2>/dev/null | head -n1)
[ -n "$deb" ] || fail "cpack made no .deb"
echo "package: $deb"
contents=$(dpkg-deb -c "$deb")
info=$(dpkg-deb -I "$deb")
echo "$info"
echo "$contents"
has() { echo "$contents" | grep -Eq " \./$1\$" || fail "the package lacks $1"; }
has 'usr/bin/hookline'
has 'usr/lib[^ ]*/hookline/libhookline_engine\.so'
has 'usr/lib[^ ]*/hookline/plugins/libhookline_provider_sim\.so'
has 'usr/lib[^ ]*/hookline/plugins/libhookline_provider_hidheadset\.so'
has 'usr/share/hookline/scenarios/default\.json'
has "usr/share/applications/$id\\.desktop"
has "usr/share/metainfo/$id\\.metainfo\\.xml"
has 'usr/share/icons/hicolor/scalable/apps/hookline\.svg'
has 'usr/lib/udev/rules\.d/70-hookline-headsets\.rules'
has 'usr/lib/udev/hwdb\.d/70-hookline-headsets\.hwdb'
field() { echo "$info" | sed -n "s/^ $1: //p"; }
[ "$(field Package)" = hookline ] || fail "Package field"
[ "$(field Section)" = comm ] || fail "Section field"
[ -n "$(field Maintainer)" ] || fail "no Maintainer"
[ -n "$(field Description)" ] || fail "no Description"
depends=$(field Depends)
# Computed from the ELF files (dpkg-shlibdeps), not only the list written by hand.
for lib in libc6 libqt6core6 libqt6qml6 libqt6quick6 libsndfile1 libhidapi-hidraw0; do
    echo "$depends" | grep -Eq "(^|, )$lib( |,|$)" || fail "Depends lacks $lib: $depends"
done
echo "$info" | grep -q '^ postinst' || echo "$info" | grep -q ' postinst' || fail "no postinst (udev reload)"
# Unpacked anywhere, the packaged console finds its library, plugins and scenario relative to itself.
root=$out/unpacked
dpkg-deb -x "$deb" "$root"
QT_QPA_PLATFORM=offscreen XDG_DATA_HOME=$out/data XDG_CONFIG_HOME=$out/config "$root/usr/bin/hookline" --headless \
    || fail "the unpacked console did not play its default scenario"
echo "package complete"
