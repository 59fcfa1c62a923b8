#pragma once

#include <QtCore/qbytearray.h>
#include <QtCore/qvariant.h>

namespace Tapi {
// UUI handed over from QML: a string (sent as UTF-8) or bytes; anything else, or nothing, is no UUI.
// Every QML entry point that takes UUI (drop, answer, makeCall, sendUserUserInfo) reads it this way.
inline QByteArray uuiFromVariant(const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return {};
    if (value.metaType() == QMetaType::fromType<QByteArray>())
        return value.toByteArray();
    return value.toString().toUtf8();
}
} // namespace Tapi
