#pragma once

#include <QtCore/qglobal.h>

// Usage pages and usage IDs from the HID Usage Tables that the telephony parser cares about.
// A 32-bit usage carries the page in the high 16 bits and the ID in the low 16 bits.
namespace hookline::hid::usages {

constexpr quint16 pageGenericDesktop = 0x01;
constexpr quint16 pageLed = 0x08;
constexpr quint16 pageButton = 0x09;
constexpr quint16 pageTelephony = 0x0B;
constexpr quint16 pageConsumer = 0x0C;

constexpr quint32 make(quint16 page, quint16 id)
{
    return (quint32(page) << 16) | id;
}
constexpr quint16 pageOf(quint32 usage)
{
    return quint16(usage >> 16);
}
constexpr quint16 idOf(quint32 usage)
{
    return quint16(usage & 0xFFFF);
}

// Telephony page (0x0B): application collections.
constexpr quint16 telephonyPhone = 0x01;
constexpr quint16 telephonyHandset = 0x04;
constexpr quint16 telephonyHeadset = 0x05;
constexpr quint16 telephonyKeyPad = 0x06;

// Telephony page (0x0B): controls.
constexpr quint16 telephonyProgrammableButton = 0x07;
constexpr quint16 telephonyHookSwitch = 0x20;
constexpr quint16 telephonyFlash = 0x21;
constexpr quint16 telephonyHold = 0x23;
constexpr quint16 telephonyRedial = 0x24;
constexpr quint16 telephonyDrop = 0x26;
constexpr quint16 telephonyPhoneMute = 0x2F;
constexpr quint16 telephonySpeedDial = 0x50;
constexpr quint16 telephonyVoiceMail = 0x70;
constexpr quint16 telephonyLineBusyTone = 0x97;
constexpr quint16 telephonyRinger = 0x9E;
constexpr quint16 telephonyPhoneKeyFirst = 0xB0; // Phone Key 0
constexpr quint16 telephonyPhoneKeyLast = 0xBF; // Phone Key D

// LED page (0x08).
constexpr quint16 ledMute = 0x09;
constexpr quint16 ledOffHook = 0x17;
constexpr quint16 ledRing = 0x18;
constexpr quint16 ledSpeaker = 0x1E;
constexpr quint16 ledHeadSet = 0x1F;
constexpr quint16 ledHold = 0x20;
constexpr quint16 ledMicrophone = 0x21;
constexpr quint16 ledOnLine = 0x2A;

// Button page (0x09) inside a telephony collection: "reject incoming call". Microsoft's Teams HID
// table uses Button 1, Gigaset's dongle specification Button 7.
constexpr quint16 buttonTeamsReject = 0x01;
constexpr quint16 buttonGigasetReject = 0x07;

// Consumer page (0x0C): volume buttons that EPOS puts into its telephony input report.
constexpr quint16 consumerVolumeIncrement = 0xE9;
constexpr quint16 consumerVolumeDecrement = 0xEA;

} // namespace hookline::hid::usages
