#include "HidIoThread.h"

#include <array>

namespace hookline::hid {

HidIoThread::HidIoThread(std::shared_ptr<HidTransport> transport, QObject *parent)
    : QThread(parent)
    , m_transport(std::move(transport))
{
    setObjectName(QStringLiteral("hookline-hid-io"));
}

HidIoThread::~HidIoThread()
{
    stop();
}

void HidIoThread::queueWrite(const QByteArray &report)
{
    {
        std::lock_guard lock(m_mutex);
        m_writes.push_back(report);
        ++m_pending;
    }
    m_transport->interrupt();
}

void HidIoThread::stop()
{
    m_stopping = true;
    m_transport->interrupt();
    wait();
}

void HidIoThread::writeQueued()
{
    for (;;) {
        QByteArray report;
        {
            std::lock_guard lock(m_mutex);
            if (m_writes.empty())
                return;
            report = std::move(m_writes.front());
            m_writes.pop_front();
        }
        QString error;
        const bool written = m_transport->write(report, &error);
        --m_pending;
        if (written)
            Q_EMIT reportWritten(report);
        else
            Q_EMIT writeFailed(report, error);
    }
}

void HidIoThread::run()
{
    std::array<std::uint8_t, BufferBytes> buffer {};
    for (;;) {
        writeQueued();
        if (m_stopping)
            return;
        QString error;
        const int length = m_transport->read(buffer, ReadTimeoutMs, &error);
        if (length < 0) {
            if (!m_stopping)
                Q_EMIT readFailed(error);
            return;
        }
        if (length > 0 && !m_stopping)
            Q_EMIT reportRead(QByteArray(reinterpret_cast<const char *>(buffer.data()), length));
    }
}

} // namespace hookline::hid
