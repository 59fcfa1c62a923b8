#pragma once

#include "CallProgressDetector.h"
#include "CallerIdDetector.h"
#include "CountryProfile.h"
#include "DtmfDetector.h"
#include "LineEvent.h"
#include "RingDetector.h"
#include "VoiceDetector.h"

#include <functional>
#include <memory>

struct DetectorOptions
{
    bool dtmf = true;
    bool callerId = true;
    bool progress = true;
    bool ring = true;
    bool voice = false; // speech (answer) detection; its tone check costs a Goertzel per tone frequency
    int hangupCycles = 3; // disconnect tone cycles before a Hangup event (Asterisk's busycount)
    int silenceTimeoutMs = 0; // 0: no Silence event
    int voiceMinMs = 300; // voiced blocks needed for a Voice event
};

// The per-channel detector set: 8 kHz int16 blocks in, LineEvents out, stamped with audio time.
// DTMF, caller ID and call progress are spandsp receivers; ring and voice are our own (see their
// headers). Detectors can be switched on and off as the line state needs them; a switched-off
// detector costs nothing.
class DetectorSet
{
public:
    using EventHandler = std::function<void(const LineEvent &event)>;

    DetectorSet(const CountryProfile &profile, CallerIdStandard callerId, const DetectorOptions &options,
                EventHandler handler);
    ~DetectorSet();
    DetectorSet(const DetectorSet &) = delete;
    DetectorSet &operator=(const DetectorSet &) = delete;

    void process(const int16_t *samples, int count);
    qint64 samplePosition() const { return m_position; }
    qint64 timeMs() const { return m_position / 8; }
    const CountryProfile &profile() const { return m_profile; }

    void setDtmfEnabled(bool enabled) { m_options.dtmf = enabled; }
    void setCallerIdEnabled(bool enabled);
    void setProgressEnabled(bool enabled);
    void setRingEnabled(bool enabled) { m_options.ring = enabled; }
    void setVoiceEnabled(bool enabled, bool tonalCheck);
    void setSilenceTimeoutMs(int ms) { m_options.silenceTimeoutMs = ms; }
    void resetRingCount() { m_ring.resetRingCount(); }

    static constexpr int SampleRate = 8000;
    static constexpr int ChunkSamples = 160;

private:
    void publish(LineEvent event);
    void applyEnables();
    void onProgress(const CallProgressDetector::Report &report);
    void onCycle(ProgressTone tone, int cycles);
    void onVoiceBlock(VoiceDetector::Block block);
    void maybeHangup(ProgressTone tone, int cycles);

    const CountryProfile &m_profile;
    CallerIdStandard m_standard;
    DetectorOptions m_options;
    EventHandler m_handler;
    DtmfDetector m_dtmf;
    std::unique_ptr<CallerIdDetector> m_callerId;
    std::unique_ptr<CallProgressDetector> m_progress;
    RingDetector m_ring;
    VoiceDetector m_voice;
    qint64 m_position = 0;
    qint64 m_chunkEnd = 0;
    bool m_hangupReported = false;
    int m_voiceScore = 0;
    int m_nonVoiceBlocks = 0;
    bool m_voiceReported = false;
    int m_quietBlocks = 0;
    bool m_silenceReported = false;
};
