#pragma once

#include "providers/PhoneDevice.h"

#include <QtCore/qhash.h>
#include <QtCore/qobject.h>

// A phone device for the UI tests: the test plugs, unplugs and presses; lamps are remembered.
class FakePhone : public QObject, public PhoneDevice
{
    Q_OBJECT

public:
    explicit FakePhone(QObject *parent = nullptr);

    QString providerId() const override { return QStringLiteral("fake"); }
    void start(PhoneEventSink *sink) override { m_sink = sink; }
    void setLamp(const QString &phoneId, Lamp lamp, bool on) override;
    void setRinger(const QString &phoneId, bool ringing) override;
    void refreshLamps(const QString &) override { }
    void stop() override { m_sink = nullptr; }

    PhoneEventSink *sink() const { return m_sink; }
    bool lamp(const QString &phoneId, Lamp lamp) const { return m_lamps.value(phoneId).value(lamp); }

private:
    PhoneEventSink *m_sink = nullptr;
    QHash<QString, QHash<int, bool>> m_lamps;
};
