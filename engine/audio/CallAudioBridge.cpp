#include "audio/CallAudioBridge.h"

#include "providers/LineAudioEndpoint.h"

#include <algorithm>

namespace {
// Beyond this one side of a recording is taken as silent (a provider that stopped writing) rather than
// waited for.
constexpr int RecordingSkewMs = 200;
} // namespace

CallAudioBridge::CallAudioBridge(std::shared_ptr<LineAudioEndpoint> endpoint)
    : m_endpoint(std::move(endpoint))
{
    const std::size_t lineSecond = std::size_t(lineRate());
    m_fromLine.reserve(lineSecond);
    m_lineBlock.reserve(lineSecond);
    m_recordCaller.reserve(lineSecond);
    m_recordAgent.reserve(lineSecond);
}

CallAudioBridge::~CallAudioBridge()
{
    m_recorder.stop();
}

int CallAudioBridge::lineRate() const
{
    return m_endpoint->sampleRate();
}

void CallAudioBridge::setMode(Mode mode, std::int64_t nowNs)
{
    if (mode == m_mode)
        return;
    m_mode = mode;
    // A path that comes back starts fresh: no stale far-end audio, no burst of catch-up to the line.
    m_endpoint->fromLine.discard();
    m_pendingPlayback.clear();
    m_pacedSinceNs = nowNs;
    m_pacedWritten = 0;
    m_musicPosition = 0;
}

void CallAudioBridge::replaceEndpoint(std::shared_ptr<LineAudioEndpoint> endpoint, std::int64_t nowNs)
{
    const int previousRate = lineRate();
    m_endpoint = std::move(endpoint);
    m_pendingPlayback.clear();
    m_pacedSinceNs = nowNs;
    m_pacedWritten = 0;
    if (lineRate() != previousRate) {
        const int captureRate = m_captureRate;
        const int playbackRate = m_playbackRate;
        m_captureRate = m_playbackRate = 0;
        m_music.reset(); // decoded for the old rate; the router sends the new one
        setDeviceRates(captureRate, playbackRate);
        const std::size_t lineSecond = std::size_t(lineRate());
        m_fromLine.reserve(lineSecond);
        m_lineBlock.reserve(lineSecond);
    }
}

void CallAudioBridge::setMusicOnHold(std::shared_ptr<const std::vector<int16_t>> samples)
{
    m_music = std::move(samples);
    m_musicPosition = 0;
}

void CallAudioBridge::setDeviceRates(int captureRate, int playbackRate)
{
    if (captureRate != m_captureRate) {
        m_captureRate = captureRate;
        m_toLine.reset(captureRate > 0 ? new Resampler(captureRate, lineRate()) : nullptr);
    }
    if (playbackRate != m_playbackRate) {
        m_playbackRate = playbackRate;
        m_toAgent.reset(playbackRate > 0 ? new Resampler(lineRate(), playbackRate) : nullptr);
        m_pendingPlayback.clear();
        m_pendingPlayback.reserve(std::size_t(playbackRate));
    }
}

void CallAudioBridge::pullFromLine()
{
    // Only what is there: sizing the block to its capacity would clear a second of samples every cycle.
    m_fromLine.resize(std::min(m_endpoint->fromLine.available(), m_fromLine.capacity()));
    m_fromLine.resize(m_endpoint->fromLine.read(m_fromLine));
    if (m_recorder.state() == Recorder::Recording)
        keepForRecording(m_fromLine, m_recordCaller, m_recordCallerRate);
    if (m_mode != Active && m_mode != EarlyMedia) {
        m_fromLineLevel.addSilence(m_fromLine.size());
        return;
    }
    m_fromLineLevel.add(m_fromLine);
    if (m_toAgent)
        m_toAgent->process(m_fromLine, m_pendingPlayback);
}

void CallAudioBridge::pushToLine(std::span<const int16_t> captured, bool captureOpen, std::int64_t nowNs)
{
    if (m_mode == Active && captureOpen && m_toLine) {
        m_lineBlock.clear();
        m_toLine->process(captured, m_lineBlock);
        if (m_muted)
            std::fill(m_lineBlock.begin(), m_lineBlock.end(), int16_t(0));
        if (m_mixIn)
            m_mixIn(m_lineBlock);
        writeToLine(m_lineBlock);
        // The clock path takes over from here if the microphone goes.
        m_pacedSinceNs = nowNs;
        m_pacedWritten = 0;
    } else if (m_mode == Active || m_mode == Held) {
        writePaced(nowNs);
    }
    record();
}

void CallAudioBridge::writePaced(std::int64_t nowNs)
{
    if (m_pacedSinceNs < 0) {
        m_pacedSinceNs = nowNs;
        m_pacedWritten = 0;
    }
    const auto due = std::size_t((nowNs - m_pacedSinceNs) / 1000 * lineRate() / 1'000'000);
    if (due <= m_pacedWritten)
        return;
    m_lineBlock.assign(std::min(due - m_pacedWritten, m_lineBlock.capacity()), int16_t(0));
    m_pacedWritten = due;
    if (m_mode == Held && m_music && !m_music->empty()) {
        for (int16_t &sample : m_lineBlock) {
            sample = (*m_music)[m_musicPosition];
            m_musicPosition = (m_musicPosition + 1) % m_music->size();
        }
    }
    if (m_mode == Active && m_mixIn)
        m_mixIn(m_lineBlock);
    writeToLine(m_lineBlock);
}

void CallAudioBridge::writeToLine(std::span<const int16_t> samples)
{
    if (m_mode == Active)
        m_toLineLevel.add(samples);
    else
        m_toLineLevel.addSilence(samples.size());
    const std::size_t written = m_endpoint->toLine.write(samples);
    if (written < samples.size())
        m_endpoint->overruns.fetch_add(1, std::memory_order_relaxed);
    if (m_recorder.state() == Recorder::Recording)
        keepForRecording(samples.first(written), m_recordAgent, m_recordAgentRate);
}

void CallAudioBridge::keepForRecording(std::span<const int16_t> samples, std::vector<int16_t> &side,
                                       std::unique_ptr<Resampler> &converter)
{
    const int recordingRate = m_recorder.sampleRate();
    if (recordingRate == lineRate()) {
        converter.reset();
        side.insert(side.end(), samples.begin(), samples.end());
        return;
    }
    if (!converter || converter->inputRate() != lineRate())
        converter = std::make_unique<Resampler>(lineRate(), recordingRate);
    converter->process(samples, side);
}

void CallAudioBridge::record()
{
    if (m_recorder.state() != Recorder::Recording) {
        m_recordCaller.clear();
        m_recordAgent.clear();
        return;
    }
    // Both sides advance together; a side that lags by more than the skew is padded with silence.
    const std::size_t skew = std::size_t(m_recorder.sampleRate() * RecordingSkewMs / 1000);
    auto &shorter = m_recordCaller.size() < m_recordAgent.size() ? m_recordCaller : m_recordAgent;
    const auto &longer = &shorter == &m_recordCaller ? m_recordAgent : m_recordCaller;
    if (longer.size() > shorter.size() + skew)
        shorter.resize(longer.size() - skew / 2, 0);
    const std::size_t frames = std::min(m_recordCaller.size(), m_recordAgent.size());
    if (frames == 0)
        return;
    m_recorder.write(std::span<const int16_t>(m_recordCaller).first(frames),
                     std::span<const int16_t>(m_recordAgent).first(frames));
    m_recordCaller.erase(m_recordCaller.begin(), m_recordCaller.begin() + std::ptrdiff_t(frames));
    m_recordAgent.erase(m_recordAgent.begin(), m_recordAgent.begin() + std::ptrdiff_t(frames));
}

void CallAudioBridge::consumePlayback(std::size_t count)
{
    count = std::min(count, m_pendingPlayback.size());
    m_pendingPlayback.erase(m_pendingPlayback.begin(), m_pendingPlayback.begin() + std::ptrdiff_t(count));
}
