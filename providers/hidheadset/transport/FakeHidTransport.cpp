#include "FakeHidTransport.h"

#include <algorithm>
#include <chrono>

namespace hookline::hid {

void FakeHidTransport::injectInput(const QByteArray &report)
{
    {
        std::lock_guard lock(m_mutex);
        m_inputs.push_back(report);
    }
    m_wake.notify_all();
}

void FakeHidTransport::unplug()
{
    {
        std::lock_guard lock(m_mutex);
        m_unplugged = true;
    }
    m_wake.notify_all();
}

bool FakeHidTransport::isUnplugged() const
{
    std::lock_guard lock(m_mutex);
    return m_unplugged;
}

QList<QByteArray> FakeHidTransport::writes() const
{
    std::lock_guard lock(m_mutex);
    return m_writes;
}

void FakeHidTransport::clearWrites()
{
    std::lock_guard lock(m_mutex);
    m_writes.clear();
}

void FakeHidTransport::failNextWrite()
{
    std::lock_guard lock(m_mutex);
    m_failNextWrite = true;
}

int FakeHidTransport::read(std::span<std::uint8_t> buffer, int timeoutMs, QString *error)
{
    std::unique_lock lock(m_mutex);
    // Reports queued before an unplug are still delivered, like a kernel buffer being drained.
    m_wake.wait_for(lock, std::chrono::milliseconds(timeoutMs),
                    [this] { return !m_inputs.empty() || m_unplugged || m_interrupted; });
    m_interrupted = false;
    if (!m_inputs.empty()) {
        const QByteArray report = m_inputs.front();
        m_inputs.pop_front();
        const qsizetype length = std::min<qsizetype>(report.size(), qsizetype(buffer.size()));
        std::copy_n(report.constData(), length, reinterpret_cast<char *>(buffer.data()));
        return int(length);
    }
    if (m_unplugged) {
        *error = QStringLiteral("device unplugged");
        return -1;
    }
    return 0;
}

bool FakeHidTransport::write(QByteArrayView report, QString *error)
{
    std::lock_guard lock(m_mutex);
    if (m_unplugged) {
        *error = QStringLiteral("device unplugged");
        return false;
    }
    if (m_failNextWrite) {
        m_failNextWrite = false;
        *error = QStringLiteral("write failed (simulated)");
        return false;
    }
    m_writes.append(report.toByteArray());
    return true;
}

void FakeHidTransport::interrupt()
{
    {
        std::lock_guard lock(m_mutex);
        m_interrupted = true;
    }
    m_wake.notify_all();
}

} // namespace hookline::hid
