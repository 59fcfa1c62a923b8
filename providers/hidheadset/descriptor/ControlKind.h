#pragma once

#include <QtCore/qstring.h>

#include <span>

namespace hookline::hid {

// What a field inside a telephony collection means for call control. Classification goes by the
// field's usage only, never by vendor or product ID.
enum class ControlKind {
    // A field that shares a report with call controls but is not one (volume buttons, vendor
    // bits). Kept so a consumer knows which bits to ignore when a report changes.
    Other,

    // Inputs (device -> host), Telephony page 0x0B unless noted.
    HookSwitch, // 0x20
    Flash, // 0x21
    Hold, // 0x23
    Redial, // 0x24
    Drop, // 0x26
    PhoneMute, // 0x2F
    LineBusyTone, // 0x97
    ProgrammableButton, // 0x07
    SpeedDial, // 0x50
    VoiceMail, // 0x70
    Keypad, // Phone Key 0xB0..0xBF (usually an array inside a Telephony Key Pad 0x06 collection)
    RejectButton, // Button page 1 (Teams) or 7 (Gigaset) inside a telephony collection

    // Outputs (host -> device).
    Ringer, // Telephony 0x9E: the audible ring
    LedMute, // LED page 0x09
    LedOffHook, // 0x17
    LedRing, // 0x18
    LedHold, // 0x20
    LedMicrophone, // 0x21
    LedOnLine, // 0x2A
    LedSpeaker, // 0x1E
    LedHeadset, // 0x1F
};

// Kind of a 32-bit usage found inside a telephony collection; Other if it is no call control.
ControlKind controlKindForUsage(quint32 usage);

// Every usage controlKindForUsage() maps to something other than Other, ascending. Lets the
// parser find call controls inside a Usage Minimum/Maximum range without expanding it.
std::span<const quint32> callControlUsages();

// Stable lower-camel-case name used in JSON ("hookSwitch", "ledOffHook", ...).
QString controlKindName(ControlKind kind);

} // namespace hookline::hid
