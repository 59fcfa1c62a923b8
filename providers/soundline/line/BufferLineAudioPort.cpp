#include "BufferLineAudioPort.h"

#include "LineAudioFile.h"

#include <QtCore/qmetaobject.h>

BufferLineAudioPort::BufferLineAudioPort(const QString &deviceName, QObject *parent)
    : LineAudioPort(parent)
    , m_deviceName(deviceName)
{ }

bool BufferLineAudioPort::start(QString *error)
{
    QList<int16_t> file;
    if (!m_captureFile.isEmpty() && !loadLineAudioFile(m_captureFile, &file, error))
        return false;
    QMutexLocker lock(&m_mutex);
    if (!m_present) {
        *error = QStringLiteral("sound card '%1' is not present").arg(m_deviceName);
        return false;
    }
    m_running = true;
    if (!file.isEmpty())
        feed(file);
    return true;
}

void BufferLineAudioPort::stop()
{
    QMutexLocker lock(&m_mutex);
    m_running = false;
}

void BufferLineAudioPort::play(const int16_t *samples, int count)
{
    QMutexLocker lock(&m_mutex);
    if (!m_running)
        return;
    m_played.append(QList<int16_t>(samples, samples + count));
    if (m_echoGain > 0) {
        for (int i = 0; i < count; ++i)
            m_echo.append(int16_t(samples[i] * m_echoGain));
    }
}

void BufferLineAudioPort::setEchoGain(double gain)
{
    QMutexLocker lock(&m_mutex);
    m_echoGain = gain;
}

void BufferLineAudioPort::feed(const QList<int16_t> &samples)
{
    QMetaObject::invokeMethod(
        this, [this, samples] { deliver(samples); }, Qt::QueuedConnection);
}

bool BufferLineAudioPort::feedFile(const QString &path, QString *error)
{
    QList<int16_t> samples;
    if (!loadLineAudioFile(path, &samples, error))
        return false;
    feed(samples);
    return true;
}

void BufferLineAudioPort::feedSilence(int ms)
{
    feed(QList<int16_t>(qsizetype(ms) * 8, 0));
}

void BufferLineAudioPort::setPresent(bool present)
{
    QMetaObject::invokeMethod(
        this,
        [this, present] {
            bool wasRunning;
            {
                QMutexLocker lock(&m_mutex);
                wasRunning = m_running && m_present && !present;
                m_present = present;
                if (!present)
                    m_running = false;
            }
            if (wasRunning)
                Q_EMIT lost(QStringLiteral("sound card '%1' was unplugged").arg(m_deviceName));
        },
        Qt::QueuedConnection);
}

QList<int16_t> BufferLineAudioPort::played() const
{
    QMutexLocker lock(&m_mutex);
    return m_played;
}

void BufferLineAudioPort::clearPlayed()
{
    QMutexLocker lock(&m_mutex);
    m_played.clear();
}

qint64 BufferLineAudioPort::capturedSamples() const
{
    QMutexLocker lock(&m_mutex);
    return m_captured;
}

void BufferLineAudioPort::deliver(const QList<int16_t> &samples)
{
    for (qsizetype i = 0; i < samples.size(); i += FrameSamples) {
        QList<int16_t> frame = samples.mid(i, FrameSamples);
        {
            QMutexLocker lock(&m_mutex);
            if (!m_running)
                return; // a card that is not running captures nothing
            m_captured += frame.size();
            const qsizetype echoed = qMin(frame.size(), m_echo.size());
            for (qsizetype k = 0; k < echoed; ++k)
                frame[k] = int16_t(qBound(-32768, int(frame[k]) + m_echo[k], 32767));
            m_echo.remove(0, echoed);
        }
        Q_EMIT captured(frame);
    }
}
