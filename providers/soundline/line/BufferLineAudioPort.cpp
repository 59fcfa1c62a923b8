#include "BufferLineAudioPort.h"

#include "LineAudioFile.h"

#include <QtCore/qmetaobject.h>

namespace {
constexpr int FrameSamples = 160; // 20 ms, what a sound card period typically is
}

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
    if (m_running)
        m_played.append(QList<int16_t>(samples, samples + count));
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
        {
            QMutexLocker lock(&m_mutex);
            if (!m_running)
                return; // a card that is not running captures nothing
            m_captured += qMin<qsizetype>(FrameSamples, samples.size() - i);
        }
        Q_EMIT captured(samples.mid(i, FrameSamples));
    }
}
