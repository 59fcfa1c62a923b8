#include "audio/BufferAgentAudioIo.h"

#include <QtCore/qelapsedtimer.h>

#include <algorithm>

BufferAgentAudioIo::BufferAgentAudioIo(int sampleRate, std::size_t bufferSamples, std::size_t startSamples)
    : m_rate(sampleRate)
    , m_buffer(bufferSamples)
    , m_start(std::min(startSamples, bufferSamples))
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
    if (m_playbackOpen)
        drainPlayback();
    trimPlayed();
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
        m_clockMark = 0;
        m_queue.clear();
        m_playing = false;
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
    // The sound in runs (wrapping when looped), then silence.
    std::size_t done = 0;
    while (done < count) {
        if (m_capturePosition >= m_capture.size() && m_loop && !m_capture.empty())
            m_capturePosition = 0;
        if (m_capturePosition >= m_capture.size()) {
            std::fill(out.begin() + std::ptrdiff_t(done), out.begin() + std::ptrdiff_t(count), int16_t(0));
            break;
        }
        const std::size_t run = std::min(count - done, m_capture.size() - m_capturePosition);
        std::copy_n(m_capture.begin() + std::ptrdiff_t(m_capturePosition), run,
                    out.begin() + std::ptrdiff_t(done));
        m_capturePosition += run;
        done += run;
    }
    m_captured += count;
    return count;
}

void BufferAgentAudioIo::keep(std::span<const int16_t> samples) const
{
    m_played.insert(m_played.end(), samples.begin(), samples.end());
    // Trimmed to the newest m_keep only once twice that has piled up (and when taken): trimming on every
    // look moved the whole kept history (10 s by default) once per mixer cycle, which was most of the
    // twin's cost in the benchmarks' CPU figures.
    if (m_played.size() > 2 * m_keep)
        trimPlayed();
}

void BufferAgentAudioIo::trimPlayed() const
{
    if (m_played.size() > m_keep)
        m_played.erase(m_played.begin(), m_played.end() - std::ptrdiff_t(m_keep));
}

void BufferAgentAudioIo::drainPlayback() const
{
    const std::size_t now = due(m_playbackSinceNs);
    std::size_t elapsed = now - std::min(now, m_clockMark);
    m_clockMark = now;
    if (m_playing) {
        const std::size_t played = std::min(elapsed, m_queue.size());
        keep(std::span<const int16_t>(m_queue).first(played));
        m_queue.erase(m_queue.begin(), m_queue.begin() + std::ptrdiff_t(played));
        elapsed -= played;
        if (elapsed > 0)
            m_playing = false; // ran dry: silence until it has enough to start again
    }
    if (elapsed > 0)
        m_played.resize(m_played.size() + std::min(elapsed, m_keep), int16_t(0)); // silence
    if (m_played.size() > 2 * m_keep)
        trimPlayed();
}

std::size_t BufferAgentAudioIo::playbackRoom() const
{
    std::lock_guard lock(m_mutex);
    if (!m_playbackOpen)
        return 0;
    drainPlayback();
    return m_buffer - std::min(m_buffer, m_queue.size());
}

std::size_t BufferAgentAudioIo::writePlayback(std::span<const int16_t> samples)
{
    std::lock_guard lock(m_mutex);
    if (!m_playbackOpen)
        return 0;
    drainPlayback();
    const std::size_t count = std::min(samples.size(), m_buffer - std::min(m_buffer, m_queue.size()));
    m_queue.insert(m_queue.end(), samples.begin(), samples.begin() + std::ptrdiff_t(count));
    if (!m_playing && m_queue.size() >= std::max<std::size_t>(m_start, 1))
        m_playing = true;
    return count;
}
