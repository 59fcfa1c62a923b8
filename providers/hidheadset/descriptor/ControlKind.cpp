#include "ControlKind.h"

#include "HidUsages.h"

#include <algorithm>
#include <array>

namespace hookline::hid {

namespace {

using namespace usages;

constexpr std::array callControlTable = {
    make(pageLed, ledMute),
    make(pageLed, ledOffHook),
    make(pageLed, ledRing),
    make(pageLed, ledSpeaker),
    make(pageLed, ledHeadSet),
    make(pageLed, ledHold),
    make(pageLed, ledMicrophone),
    make(pageLed, ledOnLine),
    make(pageButton, buttonTeamsReject),
    make(pageButton, buttonGigasetReject),
    make(pageTelephony, telephonyProgrammableButton),
    make(pageTelephony, telephonyHookSwitch),
    make(pageTelephony, telephonyFlash),
    make(pageTelephony, telephonyHold),
    make(pageTelephony, telephonyRedial),
    make(pageTelephony, telephonyDrop),
    make(pageTelephony, telephonyPhoneMute),
    make(pageTelephony, telephonySpeedDial),
    make(pageTelephony, telephonyVoiceMail),
    make(pageTelephony, telephonyLineBusyTone),
    make(pageTelephony, telephonyRinger),
    make(pageTelephony, 0xB0),
    make(pageTelephony, 0xB1),
    make(pageTelephony, 0xB2),
    make(pageTelephony, 0xB3),
    make(pageTelephony, 0xB4),
    make(pageTelephony, 0xB5),
    make(pageTelephony, 0xB6),
    make(pageTelephony, 0xB7),
    make(pageTelephony, 0xB8),
    make(pageTelephony, 0xB9),
    make(pageTelephony, 0xBA),
    make(pageTelephony, 0xBB),
    make(pageTelephony, 0xBC),
    make(pageTelephony, 0xBD),
    make(pageTelephony, 0xBE),
    make(pageTelephony, 0xBF),
};

static_assert(std::is_sorted(callControlTable.begin(), callControlTable.end()),
              "the parser walks callControlUsages() in ascending order");

} // namespace

ControlKind controlKindForUsage(quint32 usage)
{
    const quint16 id = idOf(usage);
    switch (pageOf(usage)) {
    case pageTelephony:
        if (id >= telephonyPhoneKeyFirst && id <= telephonyPhoneKeyLast)
            return ControlKind::Keypad;
        switch (id) {
        case telephonyHookSwitch:
            return ControlKind::HookSwitch;
        case telephonyFlash:
            return ControlKind::Flash;
        case telephonyHold:
            return ControlKind::Hold;
        case telephonyRedial:
            return ControlKind::Redial;
        case telephonyDrop:
            return ControlKind::Drop;
        case telephonyPhoneMute:
            return ControlKind::PhoneMute;
        case telephonyLineBusyTone:
            return ControlKind::LineBusyTone;
        case telephonyProgrammableButton:
            return ControlKind::ProgrammableButton;
        case telephonySpeedDial:
            return ControlKind::SpeedDial;
        case telephonyVoiceMail:
            return ControlKind::VoiceMail;
        case telephonyRinger:
            return ControlKind::Ringer;
        default:
            return ControlKind::Other;
        }
    case pageLed:
        switch (id) {
        case ledMute:
            return ControlKind::LedMute;
        case ledOffHook:
            return ControlKind::LedOffHook;
        case ledRing:
            return ControlKind::LedRing;
        case ledHold:
            return ControlKind::LedHold;
        case ledMicrophone:
            return ControlKind::LedMicrophone;
        case ledOnLine:
            return ControlKind::LedOnLine;
        case ledSpeaker:
            return ControlKind::LedSpeaker;
        case ledHeadSet:
            return ControlKind::LedHeadset;
        default:
            return ControlKind::Other;
        }
    case pageButton:
        if (id == buttonTeamsReject || id == buttonGigasetReject)
            return ControlKind::RejectButton;
        return ControlKind::Other;
    default:
        return ControlKind::Other;
    }
}

std::span<const quint32> callControlUsages()
{
    return callControlTable;
}

QString controlKindName(ControlKind kind)
{
    switch (kind) {
    case ControlKind::Other:
        return QStringLiteral("other");
    case ControlKind::HookSwitch:
        return QStringLiteral("hookSwitch");
    case ControlKind::Flash:
        return QStringLiteral("flash");
    case ControlKind::Hold:
        return QStringLiteral("hold");
    case ControlKind::Redial:
        return QStringLiteral("redial");
    case ControlKind::Drop:
        return QStringLiteral("drop");
    case ControlKind::PhoneMute:
        return QStringLiteral("phoneMute");
    case ControlKind::LineBusyTone:
        return QStringLiteral("lineBusyTone");
    case ControlKind::ProgrammableButton:
        return QStringLiteral("programmableButton");
    case ControlKind::SpeedDial:
        return QStringLiteral("speedDial");
    case ControlKind::VoiceMail:
        return QStringLiteral("voiceMail");
    case ControlKind::Keypad:
        return QStringLiteral("keypad");
    case ControlKind::RejectButton:
        return QStringLiteral("rejectButton");
    case ControlKind::Ringer:
        return QStringLiteral("ringer");
    case ControlKind::LedMute:
        return QStringLiteral("ledMute");
    case ControlKind::LedOffHook:
        return QStringLiteral("ledOffHook");
    case ControlKind::LedRing:
        return QStringLiteral("ledRing");
    case ControlKind::LedHold:
        return QStringLiteral("ledHold");
    case ControlKind::LedMicrophone:
        return QStringLiteral("ledMicrophone");
    case ControlKind::LedOnLine:
        return QStringLiteral("ledOnLine");
    case ControlKind::LedSpeaker:
        return QStringLiteral("ledSpeaker");
    case ControlKind::LedHeadset:
        return QStringLiteral("ledHeadset");
    }
    return QStringLiteral("other");
}

} // namespace hookline::hid
