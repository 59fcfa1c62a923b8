#pragma once

#include "MainItemFlags.h"

#include <QtCore/qstring.h>

namespace hookline::hid {

// How to read a one-bit-ish call control, derived from the Main-item flags and the logical range
// (HUT "On/Off Control" variants; same rules as google/libhidtelephony getOnOffControlType, plus
// the HUT Momentary Control pattern that EPOS uses for its hook switch).
enum class OnOffControlType {
    // Array fields, multi-bit values, or a flag/range combination HUT does not define.
    Undefined,
    // Absolute, No Preferred State, 0..1: the value is the state; compare with the last value.
    ToggleSwitch,
    // Relative, Preferred State, 0..1: 1 means "please toggle"; act on 0->1, ignore the release.
    ToggleButton,
    // Relative, No Preferred State, -1..1: -1 is the Off button, +1 the On button.
    SeparateOnOff,
    // Absolute, Preferred State, 0..1 (HUT Momentary Control): the value is "pressed now" and
    // springs back to 0. Treat it like an absolute value, but expect it to fall back by itself.
    Momentary,
};

OnOffControlType onOffControlTypeFor(const MainItemFlags &flags, qint64 logicalMinimum,
                                     qint64 logicalMaximum);

// Stable lower-camel-case name used in JSON ("toggleSwitch", ...).
QString onOffControlTypeName(OnOffControlType type);

} // namespace hookline::hid
