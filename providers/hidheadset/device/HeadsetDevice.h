#pragma once

#include "HeadsetProtocol.h"
#include "backend/HidDeviceInfo.h"

#include <QtCore/qobject.h>

#include <memory>

class EngineClock;

namespace hookline::hid {

class HidIoThread;
class HidTransport;

// One opened headset: its protocol (decoding by the descriptor, cached lamps), its transport and
// its I/O thread. Lives on the GUI thread; reads and writes happen on the I/O thread, input and write
// results arrive by queued signals.
// Lamp changes made in one event-loop turn are written together: one report per report ID with the
// complete cached state (Mute and Microphone in one `02 13 00`, not two writes).
class HeadsetDevice : public QObject
{
    Q_OBJECT

public:
    HeadsetDevice(const QString &phoneId, const HidDeviceInfo &info, const DescriptorParseResult &descriptor,
                  std::shared_ptr<HidTransport> transport, const EngineClock *clock,
                  QObject *parent = nullptr);
    ~HeadsetDevice() override;

    QString phoneId() const { return m_phoneId; }
    const HidDeviceInfo &info() const { return m_info; }
    HeadsetProtocol &protocol() { return m_protocol; }
    const HeadsetProtocol &protocol() const { return m_protocol; }

    // Starts the I/O thread and schedules a write of the (all off) lamp state, clearing whatever a
    // previous program left lit.
    void start();
    void setOutput(ControlKind kind, bool on);
    // Rewrites every output report from the cache (the answer to a press we did not act on).
    void refresh();
    // Every lamp and the ringer off, queued now; written before the device is destroyed (quit).
    void switchAllOff();
    // Queues the reports changed since the last flush. Normally runs from the event loop.
    void flush();
    // Reports handed to the I/O thread and not yet written.
    int pendingWrites() const;

Q_SIGNALS:
    void requested(PhoneEventSink::Button button, int value);
    // Emitted after each input report was decoded (and its requests emitted).
    void inputDecoded(const QByteArray &report);
    // A report reached the device (emitted on the GUI thread).
    void reportWritten(const QByteArray &report);
    void lost(const QString &reason);

private:
    void handleReport(const QByteArray &report);
    void markDirty(const QList<quint8> &reportIds);

    QString m_phoneId;
    HidDeviceInfo m_info;
    HeadsetProtocol m_protocol;
    std::shared_ptr<HidTransport> m_transport;
    const EngineClock *m_clock;
    HidIoThread *m_io;
    QList<quint8> m_dirty;
    bool m_flushQueued = false;
    bool m_lost = false;
};

} // namespace hookline::hid
