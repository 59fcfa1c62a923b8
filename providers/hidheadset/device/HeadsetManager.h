#pragma once

#include "backend/HidDeviceInfo.h"
#include "providers/PhoneDevice.h"

#include <QtCore/qhash.h>
#include <QtCore/qobject.h>
#include <QtCore/qpointer.h>

#include <memory>

class EngineClock;
class SystemClock;

namespace hookline::hid {

class HidBackend;
class HeadsetDevice;

// The headset provider: every attached telephony HID device becomes a phone (TAPI phone device).
// Enumerates at start() and on every hot-plug notification of the back end; a device that cannot
// be opened or has no call controls is announced as unusable with the reason and the fix; a device
// that vanishes (read fails, udev `remove`) is removed with the reason, and comes back with the same
// phone id when it is plugged in again.
class HeadsetManager : public QObject, public PhoneDevice
{
    Q_OBJECT

public:
    struct PhoneStatus
    {
        QString phoneId;
        QString name;
        QString path;
        bool usable = false;
        QString reason; // why not usable
    };

    // Takes ownership of the back end.
    explicit HeadsetManager(HidBackend *backend, QObject *parent = nullptr);
    ~HeadsetManager() override;

    // Time used for echo windows (the engine's clock in tests); defaults to the system clock.
    void setClock(const EngineClock *clock);
    void setEchoWindowMs(qint64 ms);

    QString providerId() const override { return QStringLiteral("hidheadset"); }
    void start(PhoneEventSink *sink) override;
    void setLamp(const QString &phoneId, Lamp lamp, bool on) override;
    void setRinger(const QString &phoneId, bool ringing) override;
    void refreshLamps(const QString &phoneId) override;
    void stop() override;

    QList<PhoneStatus> phones() const;
    HeadsetDevice *device(const QString &phoneId) const;
    HidBackend *backend() const { return m_backend; }

Q_SIGNALS:
    void phonesChanged();

private:
    struct Entry
    {
        PhoneStatus status;
        HidDeviceInfo::Access access = HidDeviceInfo::Access::Unknown;
        HeadsetDevice *device = nullptr;
    };

    void rescan();
    void addDevice(const HidDeviceInfo &info);
    void removeEntry(const QString &path, const QString &reason);
    QString uniquePhoneId(const HidDeviceInfo &info) const;

    HidBackend *m_backend;
    std::unique_ptr<SystemClock> m_systemClock;
    const EngineClock *m_clock;
    qint64 m_echoWindowMs;
    PhoneEventSink *m_sink = nullptr;
    QHash<QString, Entry> m_entries; // by device path
    QList<QString> m_order; // paths in the order they appeared
};

} // namespace hookline::hid
