#include "HeadsetTestSupport.h"

#include <QtCore/qfile.h>
#include <QtCore/qregularexpression.h>

void RecordingPhoneSink::phoneAdded(const QString &phoneId, const QString &)
{
    events << QStringLiteral("added %1").arg(phoneId);
}

void RecordingPhoneSink::phoneRemoved(const QString &phoneId, const QString &reason)
{
    events << QStringLiteral("removed %1 %2").arg(phoneId, reason);
}

void RecordingPhoneSink::phoneUnusable(const QString &phoneId, const QString &, const QString &reason)
{
    events << QStringLiteral("unusable %1 %2").arg(phoneId, reason);
}

void RecordingPhoneSink::phoneButton(const QString &, Button button, int value)
{
    events << QStringLiteral("button %1 %2").arg(buttonName(button)).arg(value);
}

QString buttonName(PhoneEventSink::Button button)
{
    switch (button) {
    case PhoneEventSink::HookSwitch:
        return QStringLiteral("hook");
    case PhoneEventSink::Mute:
        return QStringLiteral("mute");
    case PhoneEventSink::Flash:
        return QStringLiteral("flash");
    case PhoneEventSink::Redial:
        return QStringLiteral("redial");
    case PhoneEventSink::Drop:
        return QStringLiteral("drop");
    case PhoneEventSink::Reject:
        return QStringLiteral("reject");
    case PhoneEventSink::Hold:
        return QStringLiteral("hold");
    case PhoneEventSink::Keypad:
        return QStringLiteral("keypad");
    }
    return QStringLiteral("?");
}

hookline::hid::HidDeviceInfo fixtureDevice(const QString &fixture, int index)
{
    hookline::hid::HidDeviceInfo info;
    info.path = QStringLiteral("/dev/hidraw-fake%1").arg(index);
    const QRegularExpression ids(QStringLiteral("^([0-9a-f]{4})-([0-9a-f]{4})\\.bin$"));
    const QRegularExpressionMatch match = ids.match(fixture);
    info.vendorId = match.hasMatch() ? match.captured(1).toUShort(nullptr, 16) : 0x1209;
    info.productId = match.hasMatch() ? match.captured(2).toUShort(nullptr, 16) : 0x0001;
    info.product = QStringLiteral("fixture %1").arg(fixture);
    info.manufacturer = QStringLiteral("Hookline tests");
    QFile file(QStringLiteral(TEST_DATA_DIR "/hid/") + fixture);
    if (file.open(QIODevice::ReadOnly))
        info.descriptor = file.readAll();
    else
        info.descriptorError = file.errorString();
    info.access = hookline::hid::HidDeviceInfo::Access::ReadWrite;
    return info;
}

QByteArray fromHex(const QString &spacedHex)
{
    return QByteArray::fromHex(QString(spacedHex).remove(QLatin1Char(' ')).toLatin1());
}
