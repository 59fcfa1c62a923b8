#pragma once

#include "transport/HidTransport.h"

#include <QtCore/qbytearray.h>
#include <QtCore/qthread.h>

#include <atomic>
#include <deque>
#include <memory>
#include <mutex>

namespace hookline::hid {

// The I/O thread of one device: every read and write of its transport happens here, never on the
// GUI thread. Blocks in HidTransport::read(); queueWrite() wakes it (HidTransport::interrupt()) to
// write first. Results go to the GUI thread by queued signals. Ends when the device is gone
// (readFailed) or on stop(), which writes what is still queued (the LEDs-off report) before it ends.
class HidIoThread : public QThread
{
    Q_OBJECT

public:
    // Long enough for Teams/vendor reports (up to 1023 bytes + report ID) sharing the node.
    static constexpr int BufferBytes = 1024;
    // Upper bound for one wait in read(); writes and stop() interrupt it earlier.
    static constexpr int ReadTimeoutMs = 250;

    explicit HidIoThread(std::shared_ptr<HidTransport> transport, QObject *parent = nullptr);
    ~HidIoThread() override;

    // Thread-safe. Writes in the order queued.
    void queueWrite(const QByteArray &report);
    // Reports queued and not yet written (or failed).
    int pendingWrites() const { return m_pending; }
    // Writes what is queued, then ends the thread and waits for it. Safe to call twice.
    void stop();

Q_SIGNALS:
    void reportRead(const QByteArray &report);
    void readFailed(const QString &error);
    void reportWritten(const QByteArray &report);
    void writeFailed(const QByteArray &report, const QString &error);

protected:
    void run() override;

private:
    void writeQueued();

    std::shared_ptr<HidTransport> m_transport;
    std::atomic_bool m_stopping {false};
    std::atomic_int m_pending {0};
    std::mutex m_mutex;
    std::deque<QByteArray> m_writes;
};

} // namespace hookline::hid
