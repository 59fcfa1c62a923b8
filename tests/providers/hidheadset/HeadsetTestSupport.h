#pragma once

#include "ManualClock.h"
#include "backend/HidDeviceInfo.h"
#include "providers/PhoneDevice.h"

#include <QtCore/qstringlist.h>

// Records what a phone provider reports, one readable line per call:
// "added ID", "removed ID REASON", "unusable ID REASON", "button hook 1".
class RecordingPhoneSink final : public PhoneEventSink
{
public:
    QStringList events;

    void phoneAdded(const QString &phoneId, const QString &name) override;
    void phoneRemoved(const QString &phoneId, const QString &reason) override;
    void phoneUnusable(const QString &phoneId, const QString &name, const QString &reason) override;
    void phoneButton(const QString &phoneId, Button button, int value) override;
};

QString buttonName(PhoneEventSink::Button button);
// A fake device with a fixture's descriptor: "0b0e-0307.bin" gets vendor 0b0e product 0307,
// hand-made fixtures 1209:0001 (pid.codes test id). Path /dev/hidraw-fake<index>.
hookline::hid::HidDeviceInfo fixtureDevice(const QString &fixture, int index = 0);
QByteArray fromHex(const QString &spacedHex);
