#pragma once

#include <QtCore/qstring.h>

namespace hookline::hid {

// The words shown when a headset is attached but its hidraw node cannot be opened: what is wrong
// and the fix (the shipped udev rule), for the console, logs and `hookline --list-headsets`.
QString noPermissionReason(const QString &devicePath);

// Where the rule ships in the source tree and where it must be installed.
constexpr auto udevRuleFileName = "70-hookline-headsets.rules";

} // namespace hookline::hid
