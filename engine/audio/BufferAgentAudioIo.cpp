#include "audio/BufferAgentAudioIo.h"

#include <QtCore/qelapsedtimer.h>

#include <algorithm>

BufferAgentAudioIo::BufferAgentAudioIo(int sampleRate, std::size_t bufferSamples)
    : m_rate(sampleRate)
    , m_buffer(bufferSamples)
{
    auto wall = std::make_shared<QElapsedTimer>();
    wall->start();
    m_clock = [wall] {
        return wall->nsecsElapsed();
    };
}

void BufferAgentAudioIo::setClock(Clock clock)
{
    std::lock_guard lock(m_mutex);
    m_clock = std::move(clock);
}

void BufferAgentAudioIo::setCaptureSamples(std::vector<int16_t> samples, bool loop)
{
    std::lock_guard lock(m_mutex);
    m_capture = std::move(samples);
    m_loop = loop;
    m_capturePosition = 0;
}

std::vector<int16_t> BufferAgentAudioIo::takePlayed()
{
    std::lock_guard lock(m_mutex);
    return std::exchange(m_played, {});
}

void BufferAgentAudioIo::setKeepSamples(std::size_t keepSamples)
{
    std::lock_guard lock(m_mutex);
    m_keep = keepSamples;
}

void BufferAgentAudioIo::failDevice(Direction direction, const QString &reason)
{
    {
        std::lock_guard lock(m_mutex);
        (direction == Capture ? m_captureOpen : m_playbackOpen) = false;
    }
    if (onDeviceError)
        onDeviceError(direction, reason);
}

bool BufferAgentAudioIo::open(const QAudioDevice &capture, const QAudioDevice &playback, QString *)
{
    std::lock_guard lock(m_mutex);
    // A null device still opens here: the twin stands in for whatever the console would use.
    m_captureName = capture.isNull() ? QStringLiteral("buffer capture") : capture.description();
    m_playbackName = playback.isNull() ? QStringLiteral("buffer playback") : playback.description();
    if (!m_captureOpen) {
        m_captureOpen = true;
        m_captureSinceNs = m_clock();
        m_captured = 0;
    }
    if (!m_playbackOpen) {
        m_playbackOpen = true;
        m_playbackSinceNs = m_clock();
        m_playedTotal = 0;
    }
    return true;
}

void BufferAgentAudioIo::close()
{
    std::lock_guard lock(m_mutex);
    m_captureOpen = m_playbackOpen = false;
}

bool BufferAgentAudioIo::isOpen(Direction direction) const
{
    std::lock_guard lock(m_mutex);
    return direction == Capture ? m_captureOpen : m_playbackOpen;
}

int BufferAgentAudioIo::sampleRate(Direction direction) const
{
    return isOpen(direction) ? m_rate : 0;
}

QString BufferAgentAudioIo::deviceName(Direction direction) const
{
    std::lock_guard lock(m_mutex);
    return direction == Capture ? (m_captureOpen ? m_captureName : QString())
                                : (m_playbackOpen ? m_playbackName : QString());
}

std::size_t BufferAgentAudioIo::bufferSamples(Direction direction) const
{
    return isOpen(direction) ? m_buffer : 0;
}

std::size_t BufferAgentAudioIo::due(qint64 sinceNs) const
{
    return std::size_t(std::max<qint64>(0, m_clock() - sinceNs) / 1000 * m_rate / 1'000'000);
}

std::size_t BufferAgentAudioIo::readCapture(std::span<int16_t> out)
{
    std::lock_guard lock(m_mutex);
    if (!m_captureOpen)
        return 0;
    const std::size_t due = this->due(m_captureSinceNs);
    const std::size_t overrun = std::size_t(m_rate) * CaptureOverrunMs / 1000;
    if (due - m_captured > overrun) {
        // What the device could not hold is lost; the sound moves on meanwhile.
        const std::size_t lost = due - m_captured - overrun;
        m_capturePosition += lost;
        if (m_loop && !m_capture.empty())
            m_capturePosition %= m_capture.size();
        m_captured += lost;
    }
    const std::size_t count = std::min(out.size(), due - m_captured);
    for (std::size_t i = 0; i < count; ++i) {
        if (m_capturePosition >= m_capture.size() && m_loop && !m_capture.empty())
            m_capturePosition = 0;
        out[i] = m_capturePosition < m_capture.size() ? m_capture[m_capturePosition++] : int16_t(0);
    }
    m_captured += count;
    return count;
}

std::size_t BufferAgentAudioIo::playbackRoom() const
{
    std::lock_guard lock(m_mutex);
    if (!m_playbackOpen)
        return 0;
    // A device buffer of m_buffer samples drained at the rate.
    const std::size_t drained = due(m_playbackSinceNs);
    const std::size_t queued = m_playedTotal > drained ? m_playedTotal - drained : 0;
    return queued >= m_buffer ? 0 : m_buffer - queued;
}

std::size_t BufferAgentAudioIo::writePlayback(std::span<const int16_t> samples)
{
    const std::size_t count = std::min(samples.size(), playbackRoom());
    std::lock_guard lock(m_mutex);
    const std::size_t drained = due(m_playbackSinceNs);
    // A device that ran dry starts again from now (as a real one plays silence meanwhile).
    if (m_playedTotal < drained)
        m_playedTotal = drained;
    m_played.insert(m_played.end(), samples.begin(), samples.begin() + std::ptrdiff_t(count));
    if (m_played.size() > m_keep)
        m_played.erase(m_played.begin(), m_played.end() - std::ptrdiff_t(m_keep));
    m_playedTotal += count;
    return count;
}
