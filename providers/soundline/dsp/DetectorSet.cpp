#include "DetectorSet.h"

DetectorSet::DetectorSet(const CountryProfile &profile, CallerIdStandard callerId,
                         const DetectorOptions &options, EventHandler handler)
    : m_profile(profile)
    , m_standard(callerId)
    , m_options(options)
    , m_handler(std::move(handler))
    , m_dtmf([this](char digit) {
        LineEvent event;
        event.kind = LineEvent::Digit;
        event.digit = QChar::fromLatin1(digit);
        publish(event);
    })
    , m_ring(profile.ring,
             [this](const RingDetector::Report &report, qint64) {
                 LineEvent event;
                 event.kind = report.burstEnded ? LineEvent::RingBurst : LineEvent::Ring;
                 event.ring = report.ring;
                 event.durationMs = report.burstMs;
                 publish(event);
             })
    , m_voice(profile)
{
    setVoiceEnabled(options.voice, true);
    applyEnables();
}

DetectorSet::~DetectorSet() = default;

void DetectorSet::setCallerIdEnabled(bool enabled)
{
    // Applied between chunks: this may be called from inside a detector's callback (the line
    // state machine reacts to an event), where freeing that detector would pull the rug.
    m_options.callerId = enabled;
}

void DetectorSet::setProgressEnabled(bool enabled)
{
    m_options.progress = enabled;
}

void DetectorSet::applyEnables()
{
    if (!m_options.callerId) {
        m_callerId.reset(); // a fresh receiver next time: no half message carried over
    } else if (!m_callerId) {
        m_callerId = std::make_unique<CallerIdDetector>(m_standard, [this](const CallerIdMessage &message) {
            LineEvent event;
            event.kind = LineEvent::CallerId;
            event.callerId = message;
            publish(event);
        });
    }
    if (!m_options.progress) {
        m_progress.reset();
        m_hangupReported = false;
    } else if (!m_progress) {
        m_progress = std::make_unique<CallProgressDetector>(
            m_profile, [this](const CallProgressDetector::Report &report) { onProgress(report); });
        m_progress->setCycleHandler([this](ProgressTone tone, int cycles) { onCycle(tone, cycles); });
    }
}

void DetectorSet::setVoiceEnabled(bool enabled, bool tonalCheck)
{
    m_options.voice = enabled;
    m_voice.setTonalCheck(tonalCheck);
    m_voiceScore = 0;
    m_voiceReported = false;
    m_nonVoiceBlocks = 0;
    m_quietBlocks = 0;
    m_silenceReported = false;
}

void DetectorSet::process(const int16_t *samples, int count)
{
    while (count > 0) {
        const int n = qMin(count, ChunkSamples);
        m_chunkEnd = m_position + n;
        applyEnables();
        if (m_options.dtmf)
            m_dtmf.process(samples, n);
        if (m_callerId && m_options.callerId)
            m_callerId->process(samples, n);
        if (m_progress && m_options.progress)
            m_progress->process(samples, n);
        if (m_options.ring)
            m_ring.process(samples, n, m_position);
        if (m_options.voice || m_options.silenceTimeoutMs > 0)
            m_voice.process(samples, n, [this](VoiceDetector::Block block) { onVoiceBlock(block); });
        m_position = m_chunkEnd;
        samples += n;
        count -= n;
    }
}

void DetectorSet::publish(LineEvent event)
{
    event.timeMs = m_chunkEnd * 1000 / SampleRate;
    m_handler(event);
}

void DetectorSet::onProgress(const CallProgressDetector::Report &report)
{
    LineEvent event;
    event.kind = report.started ? LineEvent::Tone : LineEvent::ToneEnded;
    event.tone = report.tone;
    event.cycles = report.cycles;
    publish(event);
    if (report.started) {
        m_hangupReported = false;
        maybeHangup(report.tone, report.cycles);
    }
}

void DetectorSet::onCycle(ProgressTone tone, int cycles)
{
    maybeHangup(tone, cycles);
}

void DetectorSet::maybeHangup(ProgressTone tone, int cycles)
{
    if (m_hangupReported)
        return;
    HangupCause cause;
    switch (tone) {
    case ProgressTone::Busy:
        cause = HangupCause::Busy;
        break;
    case ProgressTone::Reorder:
        cause = HangupCause::Congestion;
        break;
    case ProgressTone::Unobtainable:
        cause = HangupCause::Normal;
        break;
    default:
        return;
    }
    // A continuous tone (UK number unobtainable) has no cycles: one recognition (1.3 s) is enough.
    if (tone != ProgressTone::Unobtainable && cycles < m_options.hangupCycles)
        return;
    m_hangupReported = true;
    LineEvent event;
    event.kind = LineEvent::Hangup;
    event.tone = tone;
    event.cycles = cycles;
    event.cause = cause;
    publish(event);
}

void DetectorSet::onVoiceBlock(VoiceDetector::Block block)
{
    constexpr int BlockMs = VoiceDetector::BlockSamples * 1000 / SampleRate;
    if (m_options.silenceTimeoutMs > 0) {
        if (block == VoiceDetector::Quiet) {
            ++m_quietBlocks;
            if (!m_silenceReported && m_quietBlocks * BlockMs >= m_options.silenceTimeoutMs) {
                m_silenceReported = true;
                LineEvent event;
                event.kind = LineEvent::Silence;
                event.durationMs = m_quietBlocks * BlockMs;
                publish(event);
            }
        } else {
            m_quietBlocks = 0;
            m_silenceReported = false;
        }
    }
    if (!m_options.voice)
        return;
    const int needed = qMax(1, m_options.voiceMinMs / BlockMs);
    if (block == VoiceDetector::Voiced) {
        m_nonVoiceBlocks = 0;
        if (++m_voiceScore >= needed && !m_voiceReported) {
            m_voiceReported = true;
            LineEvent event;
            event.kind = LineEvent::Voice;
            event.durationMs = m_voiceScore * BlockMs;
            publish(event);
        }
    } else {
        // Short pauses between syllables do not reset the talkspurt; a second of no voice does.
        m_voiceScore = qMax(0, m_voiceScore - 1);
        if (++m_nonVoiceBlocks * BlockMs >= 1000) {
            m_voiceScore = 0;
            m_voiceReported = false;
        }
    }
}
