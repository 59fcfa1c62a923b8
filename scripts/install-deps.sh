#!/usr/bin/env bash
# Installs every Debian 12 package Hookline needs to build, run and test.
# Idempotent: packages already present are skipped, and apt is only touched when something is missing.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config clang-14 libclang-rt-14-dev clang-format
  # Qt 6.4: core, QML/Quick, controls, test, multimedia, SQL (SQLite), serial port, translations
  qt6-base-dev qt6-declarative-dev qt6-declarative-private-dev qt6-declarative-dev-tools qt6-multimedia-dev qt6-serialport-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libqt6sql6-sqlite libgl-dev
  qml6-module-qtqml qml6-module-qtqml-models qml6-module-qtqml-workerscript
  qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-templates
  qml6-module-qtquick-layouts qml6-module-qtquick-window qml6-module-qttest
  qml6-module-qtquick-dialogs qml6-module-qt-labs-folderlistmodel qml6-module-qtcore qml6-module-qt-labs-platform
  qml6-module-qtmultimedia qt6-qpa-plugins
  # SVG image format and icon engine plugins: the console's icons (resources/icons) are SVG
  libqt6svg6
  # QtMultimedia 6.4 audio devices talk to PulseAudio (or PipeWire's pulse server) through libpulse inside
  # libQt6Multimedia; no GStreamer/FFmpeg plugin is needed because files are decoded with libsndfile.
  libqt6multimedia6 libpulse0
  # device and media libraries
  libsndfile1-dev libflac-dev libhidapi-dev libudev-dev libspandsp-dev libsoxr-dev
  # GLib's headers: the audio thread runs Qt's GLib context in its own poll (engine/audio/AudioThread)
  libglib2.0-dev
  # runtime test harness: virtual display, user-mode audio server, fixture generators, screenshots
  xvfb xauth pulseaudio pulseaudio-utils sox minimodem espeak-ng x11-apps imagemagick
  # The urgency-hint test: a window manager to minimise the window, and X tools to read its state
  openbox x11-utils xdotool
  fonts-noto-cjk
  # install tests (tests/install): desktop entry and AppStream validators, cpack's DEB generator (dpkg-shlibdeps
  # computes the package's dependencies; file tells it which files are ELF)
  desktop-file-utils appstream dpkg-dev file
  # end-to-end tests (tests/e2e): the console driven through its accessibility tree by the system Python
  python3 python3-pyatspi gir1.2-atspi-2.0 python3-xlib at-spi2-core dbus xdotool x11-utils
  # SIP lines: libre/librem (SIP, SDP, RTP, jitter buffer); the loopback peers the SIP tests start
  # (Kamailio registrar on SQLite, sipp scenarios) and sqlite3 to create Kamailio's tables
  libre-dev librem-dev kamailio kamailio-sqlite-modules sip-tester sqlite3
  # dialog-info for monitored and shared SIP addresses: the Kamailio of the SIP tests runs presence,
  # presence_dialoginfo, pua and pua_dialoginfo (tests/providers/sip/kamailio.cfg.in)
  kamailio-presence-modules
  # SIP codecs: Opus from libopus (G.711 and G.722 come from libspandsp-dev above); baresip-core is the
  # far end of the per-codec audio test (tst_sip_audio_codecs: its g711, g722, opus, aufile, sndfile
  # modules play a tone and record what they hear). docs/provider-guide.md, "Codecs", says why each.
  libopus-dev baresip-core
  # SIP over TLS: libssl-dev for the provider's certificate checks (libre's TLS is OpenSSL), Kamailio's
  # TLS module for the loopback TLS registrar, and the openssl CLI the TLS test makes its CA and
  # certificates with at run time (tst_sip_tls)
  libssl-dev kamailio-tls-modules openssl
  # SIP attended transfers against another SIP stack: linphonec (liblinphone on belle-sip) is the transferee
  # that carries out the console's REFER with Replaces, and the phone that transfers a call to the console
  # (tst_sip_transfer_linphone; driven over its standard input, sound from and to WAV files)
  linphone-cli
  # The floor (issue 16): the NATS C client (JetStream, key-value) and the server the floor tests start
  # (libssl-dev above also gives the floor OpenSSL's Ed25519: FloorCredentials checks a .creds file's seed
  # against its JWT, and tst_floor_creds makes its nkeys and JWTs, nsc not being in Debian)
  libnats-dev nats-server
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${#missing[@]} missing packages: ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
