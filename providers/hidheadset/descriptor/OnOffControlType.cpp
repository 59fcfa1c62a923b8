#include "OnOffControlType.h"

namespace hookline::hid {

OnOffControlType onOffControlTypeFor(const MainItemFlags &flags, qint64 logicalMinimum, qint64 logicalMaximum)
{
    // An array element carries an index into a usage list, not the state of one control.
    if (flags.isArray())
        return OnOffControlType::Undefined;

    if (logicalMinimum == 0 && logicalMaximum == 1) {
        if (flags.isAbsolute() && !flags.hasPreferredState())
            return OnOffControlType::ToggleSwitch;
        if (flags.isRelative() && flags.hasPreferredState())
            return OnOffControlType::ToggleButton;
        if (flags.isAbsolute() && flags.hasPreferredState())
            return OnOffControlType::Momentary;
        return OnOffControlType::Undefined;
    }
    if (logicalMinimum == -1 && logicalMaximum == 1 && flags.isRelative() && !flags.hasPreferredState())
        return OnOffControlType::SeparateOnOff;
    return OnOffControlType::Undefined;
}

QString onOffControlTypeName(OnOffControlType type)
{
    switch (type) {
    case OnOffControlType::Undefined:
        return QStringLiteral("undefined");
    case OnOffControlType::ToggleSwitch:
        return QStringLiteral("toggleSwitch");
    case OnOffControlType::ToggleButton:
        return QStringLiteral("toggleButton");
    case OnOffControlType::SeparateOnOff:
        return QStringLiteral("separateOnOff");
    case OnOffControlType::Momentary:
        return QStringLiteral("momentary");
    }
    return QStringLiteral("undefined");
}

} // namespace hookline::hid
