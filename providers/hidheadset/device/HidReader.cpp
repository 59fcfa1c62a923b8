#include "HidReader.h"

#include <array>

namespace hookline::hid {

HidReader::HidReader(std::shared_ptr<HidTransport> transport, QObject *parent)
    : QThread(parent)
    , m_transport(std::move(transport))
{
    setObjectName(QStringLiteral("hookline-hid-reader"));
}

HidReader::~HidReader()
{
    stop();
}

void HidReader::stop()
{
    m_stopping = true;
    m_transport->interrupt();
    wait();
}

void HidReader::run()
{
    std::array<std::uint8_t, BufferBytes> buffer {};
    while (!m_stopping) {
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
