#include "SimFarEndAudio.h"

#include <QtCore/qfile.h>

#include <sndfile.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace {
constexpr qint64 CaptureLimitSamples = SimFarEndAudio::CaptureLimitMs * SimFarEndAudio::SampleRate / 1000;
constexpr qint64 CaptureLimitBlocks = SimFarEndAudio::CaptureLimitMs / SimFarEndAudio::BlockMs;
constexpr qint64 RecordLimitSamples = SimFarEndAudio::RecordLimitMs * SimFarEndAudio::SampleRate / 1000;
} // namespace

SimFarEndAudio::SimFarEndAudio(std::shared_ptr<const std::vector<int16_t>> play, bool loop,
                               const QString &recordPath,
                               std::shared_ptr<const std::vector<int16_t>> earlyMedia)
    : m_play(std::move(play))
    , m_loop(loop)
    , m_earlyMedia(std::move(earlyMedia))
    , m_recordPath(recordPath)
    , m_block(BlockSamples)
{ }

SimFarEndAudio::~SimFarEndAudio()
{
    QMutexLocker lock(&m_mutex);
    closeRecording();
}

std::shared_ptr<LineAudioEndpoint> SimFarEndAudio::beginCall(const QString &description, bool earlyMedia,
                                                             QString *error)
{
    QMutexLocker lock(&m_mutex);
    closeRecording();
    m_endpoint = std::make_shared<LineAudioEndpoint>(SampleRate, description);
    m_early = earlyMedia && m_earlyMedia && !m_earlyMedia->empty();
    m_earlyPosition = 0;
    m_playPosition = 0;
    m_playedSamples = 0;
    m_playedToEnd = false;
    m_capture.clear();
    m_capturedSamples = 0;
    m_recordedSamples = 0;
    if (!m_recordPath.isEmpty()) {
        SF_INFO info {};
        info.samplerate = SampleRate;
        info.channels = 1;
        info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
        const QByteArray path = QFile::encodeName(m_recordPath);
        // Like the console's recorder: never overwrite a file that was there (O_EXCL), private (0600).
        // Later calls of the same far end replace the recording this run made ("its latest call").
        const int flags = O_WRONLY | O_CREAT | O_CLOEXEC | (m_recordCreated ? O_TRUNC : O_EXCL);
        const int fd = ::open(path.constData(), flags, 0600);
        if (fd < 0) {
            if (error)
                *error = QStringLiteral("cannot record to %1: %2")
                             .arg(m_recordPath, QString::fromLocal8Bit(std::strerror(errno)));
        } else {
            m_recordCreated = true;
            m_record = sf_open_fd(fd, SFM_WRITE, &info, SF_TRUE);
            if (!m_record && error)
                *error = QStringLiteral("cannot record to %1: %2")
                             .arg(m_recordPath, QString::fromUtf8(sf_strerror(nullptr)));
        }
    }
    return m_endpoint;
}

void SimFarEndAudio::answered()
{
    QMutexLocker lock(&m_mutex);
    if (!m_early)
        return;
    m_early = false;
    m_playPosition = 0;
}

void SimFarEndAudio::endCall()
{
    QMutexLocker lock(&m_mutex);
    m_endpoint.reset();
    closeRecording();
}

bool SimFarEndAudio::inCall() const
{
    QMutexLocker lock(&m_mutex);
    return m_endpoint != nullptr;
}

void SimFarEndAudio::closeRecording()
{
    if (m_record)
        sf_close(m_record);
    m_record = nullptr;
}

void SimFarEndAudio::advance(qint64 blocks)
{
    QMutexLocker lock(&m_mutex);
    if (!m_endpoint || blocks <= 0)
        return;
    if (blocks > CaptureLimitBlocks) {
        // Skip what nobody could observe: the sound moves on, the agent's stale audio is dropped, and the
        // recording gets the skipped time as silence (the far end heard nothing we kept).
        const qint64 skipped = (blocks - CaptureLimitBlocks) * BlockSamples;
        const qint64 length = m_play ? qint64(m_play->size()) : 0;
        if (m_early) {
            m_earlyPosition = (m_earlyPosition + skipped) % qint64(m_earlyMedia->size());
        } else if (length > 0) {
            const qint64 end = m_playPosition + skipped;
            m_playedToEnd = m_playedToEnd || end >= length;
            m_playedSamples += m_loop ? skipped : std::max<qint64>(0, std::min(end, length) - m_playPosition);
            m_playPosition = m_loop ? end % length : std::min(end, length);
        }
        m_endpoint->toLine.discard();
        if (m_record) {
            const std::vector<int16_t> silence(BlockSamples * 50, 0);
            qint64 left = std::min(skipped, RecordLimitSamples - m_recordedSamples);
            while (left > 0) {
                const qint64 n = std::min<qint64>(left, qint64(silence.size()));
                sf_write_short(m_record, silence.data(), n);
                m_recordedSamples += n;
                left -= n;
            }
        }
        m_capturedSamples += skipped;
        blocks = CaptureLimitBlocks;
    }
    runBlocks(blocks);
}

void SimFarEndAudio::runBlocks(qint64 blocks)
{
    const qint64 length = m_play ? qint64(m_play->size()) : 0;
    for (qint64 b = 0; b < blocks; ++b) {
        // The far end speaks: its early media (looped), or its sound (looped or once) and then silence.
        for (int i = 0; i < BlockSamples && m_early; ++i) {
            m_block[size_t(i)] = (*m_earlyMedia)[size_t(m_earlyPosition)];
            m_earlyPosition = (m_earlyPosition + 1) % qint64(m_earlyMedia->size());
        }
        for (int i = 0; i < BlockSamples && !m_early; ++i) {
            if (m_playPosition >= length && m_loop && length > 0)
                m_playPosition = 0;
            if (m_playPosition < length) {
                m_block[size_t(i)] = (*m_play)[size_t(m_playPosition++)];
                ++m_playedSamples;
                if (m_playPosition == length)
                    m_playedToEnd = true;
            } else {
                m_block[size_t(i)] = 0;
            }
        }
        const std::size_t taken = m_endpoint->fromLine.write(m_block);
        if (taken < m_block.size())
            m_endpoint->overruns.fetch_add(1, std::memory_order_relaxed);

        // The far end listens: one block of the agent's audio, silence where the agent's side sent none.
        // A side that fell behind is caught up by taking a second block.
        std::size_t got = m_endpoint->toLine.read(m_block);
        std::fill(m_block.begin() + qsizetype(got), m_block.end(), int16_t(0));
        const std::size_t start = m_capture.size();
        m_capture.insert(m_capture.end(), m_block.begin(), m_block.end());
        if (m_endpoint->toLine.available() >= std::size_t(2 * BlockSamples)) {
            got = m_endpoint->toLine.read(m_block);
            m_capture.insert(m_capture.end(), m_block.begin(), m_block.begin() + qsizetype(got));
        }
        const qint64 added = qint64(m_capture.size() - start);
        m_capturedSamples += added;
        if (m_record && m_recordedSamples < RecordLimitSamples) {
            const qint64 n = std::min(added, RecordLimitSamples - m_recordedSamples);
            sf_write_short(m_record, m_capture.data() + start, n);
            m_recordedSamples += n;
        }
        if (qint64(m_capture.size()) >= 2 * CaptureLimitSamples)
            m_capture.erase(m_capture.begin(), m_capture.end() - CaptureLimitSamples);
    }
}

std::vector<int16_t> SimFarEndAudio::lastHeard(qint64 ms) const
{
    QMutexLocker lock(&m_mutex);
    const qint64 wanted = std::min(ms, CaptureLimitMs) * SampleRate / 1000;
    const qint64 n = std::min<qint64>(wanted, qint64(m_capture.size()));
    return std::vector<int16_t>(m_capture.end() - n, m_capture.end());
}

qint64 SimFarEndAudio::heardMs() const
{
    QMutexLocker lock(&m_mutex);
    return m_capturedSamples * 1000 / SampleRate;
}

qint64 SimFarEndAudio::playedMs() const
{
    QMutexLocker lock(&m_mutex);
    return m_playedSamples * 1000 / SampleRate;
}

bool SimFarEndAudio::playedToEnd() const
{
    QMutexLocker lock(&m_mutex);
    return m_playedToEnd;
}

qint64 SimFarEndAudio::soundMs() const
{
    return m_play ? qint64(m_play->size()) * 1000 / SampleRate : 0;
}

double SimFarEndAudio::toneLevelDbfs(std::span<const int16_t> samples, double frequencyHz, int sampleRate)
{
    // Goertzel: the level of one frequency as the dBFS of the sine that would give it.
    if (samples.empty())
        return -120.0;
    const double coefficient = 2.0 * std::cos(2.0 * std::numbers::pi * frequencyHz / sampleRate);
    double s1 = 0.0;
    double s2 = 0.0;
    for (int16_t sample : samples) {
        const double s0 = double(sample) / 32767.0 + coefficient * s1 - s2;
        s2 = s1;
        s1 = s0;
    }
    const double power = std::max(0.0, s1 * s1 + s2 * s2 - coefficient * s1 * s2);
    const double amplitude = 2.0 * std::sqrt(power) / double(samples.size());
    return amplitude > 1e-6 ? 20.0 * std::log10(amplitude) : -120.0;
}

double SimFarEndAudio::rmsDbfs(std::span<const int16_t> samples)
{
    if (samples.empty())
        return -120.0;
    double sum = 0.0;
    for (int16_t sample : samples)
        sum += double(sample) * double(sample);
    const double rms = std::sqrt(sum / double(samples.size())) / 32767.0;
    // Relative to a full-scale sine (RMS 1/sqrt 2), like the tone levels.
    return rms > 1e-6 ? 20.0 * std::log10(rms * std::numbers::sqrt2) : -120.0;
}
