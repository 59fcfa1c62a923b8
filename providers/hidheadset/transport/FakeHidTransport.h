#pragma once

#include "HidTransport.h"

#include <QtCore/qbytearray.h>
#include <QtCore/qlist.h>

#include <condition_variable>
#include <deque>
#include <mutex>

namespace hookline::hid {

// The simulated twin of a hidraw device for tests and benchmarks: input reports are queued by
// injectInput() (from any thread) and handed to the I/O thread in order; writes are recorded.
// unplug() makes the next read() fail like a device that vanished (read returns -1).
class FakeHidTransport final : public HidTransport
{
public:
    FakeHidTransport() = default;

    void injectInput(const QByteArray &report);
    void unplug();
    bool isUnplugged() const;
    QList<QByteArray> writes() const;
    void clearWrites();
    // Makes the next write() fail (e.g. a device that stalls its OUT endpoint).
    void failNextWrite();

    int read(std::span<std::uint8_t> buffer, int timeoutMs, QString *error) override;
    bool write(QByteArrayView report, QString *error) override;
    void interrupt() override;

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<QByteArray> m_inputs;
    QList<QByteArray> m_writes;
    bool m_unplugged = false;
    bool m_interrupted = false;
    bool m_failNextWrite = false;
};

} // namespace hookline::hid
