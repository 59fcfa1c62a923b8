# A Debian package of the installed console (`cpack -G DEB` in the build folder; docs/architecture.md,
# "Install layout"). The package installs under /usr; the runtime dependencies are computed from the
# binaries' shared libraries by dpkg-shlibdeps, plus the QML modules and plugins Qt loads at run time, which
# no ELF dependency names.
set(CPACK_PACKAGE_NAME "hookline")
set(CPACK_PACKAGE_VENDOR "Hookline")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_GENERATOR "DEB")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_STRIP_FILES ON) # no debug information in the package
set(HOOKLINE_PACKAGE_MAINTAINER "Hookline maintainers <hookline@localhost>" CACHE STRING
    "Maintainer field of the Debian package (name <email>); set it when publishing a package")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${HOOKLINE_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION "comm")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
# The synopsis is CPACK_PACKAGE_DESCRIPTION_SUMMARY; CPack indents this text as the long description.
set(CPACK_PACKAGE_DESCRIPTION "Hookline is a Qt desktop console for call-center agents and their supervisors.
Every call is a session with TAPI semantics (drop, reject, conferences,
bridged appearances, user-user information). Provider plugins connect USB
telephony headsets and analogue lines attached through a sound card; a
simulated switch drives it without hardware, for demonstrations and
scripted tests.")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The engine library is private (lib/hookline): dpkg-shlibdeps finds it through the binaries' RUNPATHs.
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF)
# Loaded by the QML engine and Qt's plugin loader, not linked: the QML modules the UI imports, the SQLite
# driver of the call log, the platform and SVG plugins.
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "qml6-module-qtquick, qml6-module-qtquick-controls, qml6-module-qtquick-templates, qml6-module-qtquick-layouts, qml6-module-qtquick-window, qml6-module-qtquick-dialogs, qml6-module-qtqml-workerscript, qml6-module-qtcore, qml6-module-qt-labs-platform, libqt6sql6-sqlite, qt6-qpa-plugins, libqt6svg6")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-noto-cjk")
# Reload the udev rule and hwdb entry the package installs (lib/udev) so a plugged headset becomes usable.
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA "${PROJECT_SOURCE_DIR}/packaging/debian/postinst")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
