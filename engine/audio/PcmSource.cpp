#include "audio/PcmSource.h"

#include <algorithm>
#include <cstring>

PcmSource::PcmSource(const QByteArray &pcm, bool loop, QObject *parent)
    : QIODevice(parent)
    , m_pcm(pcm)
    , m_loop(loop && !pcm.isEmpty())
{ }

qint64 PcmSource::bytesAvailable() const
{
    // A loop never runs dry; say how much one pass still holds so readers ask for sensible blocks.
    return (m_loop ? m_pcm.size() : m_pcm.size() - m_position) + QIODevice::bytesAvailable();
}

bool PcmSource::atEnd() const
{
    return !m_loop && m_position >= m_pcm.size();
}

qint64 PcmSource::readData(char *data, qint64 maxSize)
{
    qint64 done = 0;
    while (done < maxSize) {
        if (m_position >= m_pcm.size()) {
            if (!m_loop)
                break;
            m_position = 0;
        }
        const qint64 n = std::min(maxSize - done, qint64(m_pcm.size()) - m_position);
        std::memcpy(data + done, m_pcm.constData() + m_position, size_t(n));
        m_position += n;
        done += n;
    }
    return done;
}
