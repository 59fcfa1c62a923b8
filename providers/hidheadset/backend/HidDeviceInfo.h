#pragma once

#include <QtCore/qbytearray.h>
#include <QtCore/qstring.h>

namespace hookline::hid {

// One attached HID device with a Telephony application collection, as enumeration found it.
struct HidDeviceInfo
{
    enum class Access {
        ReadWrite, // the console may open it
        NoPermission, // the node exists but this user may not open it (no udev rule)
        Unknown, // not checked (fake devices) or the node vanished meanwhile
    };

    QString path; // /dev/hidrawN
    quint16 vendorId = 0;
    quint16 productId = 0;
    QString manufacturer;
    QString product;
    QString serial;
    int interfaceNumber = -1;
    // Raw report descriptor from /sys/class/hidraw/hidrawN/device/report_descriptor (mode 0444, so
    // it is readable even when the node is not); empty with descriptorError when it could not be read.
    QByteArray descriptor;
    QString descriptorError;
    Access access = Access::Unknown;

    // "Jabra EVOLVE LINK MS", falling back to "HID 0b0e:0307".
    QString displayName() const
    {
        const QString name = product.trimmed();
        if (!name.isEmpty())
            return name;
        return QStringLiteral("HID %1:%2")
            .arg(vendorId, 4, 16, QLatin1Char('0'))
            .arg(productId, 4, 16, QLatin1Char('0'));
    }
    // Stable across re-plugging (the /dev node number is not): "0b0e:0307" plus ":serial" if any.
    QString stableId() const
    {
        QString id = QStringLiteral("%1:%2")
                         .arg(vendorId, 4, 16, QLatin1Char('0'))
                         .arg(productId, 4, 16, QLatin1Char('0'));
        if (!serial.trimmed().isEmpty())
            id += QLatin1Char(':') + serial.trimmed();
        return id;
    }
};

} // namespace hookline::hid
