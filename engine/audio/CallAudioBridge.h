#pragma once

#include "audio/AudioLevel.h"
#include "audio/Recorder.h"
#include "audio/Resampler.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <vector>

class LineAudioEndpoint;

// One call's audio between its line endpoint (mono at the line's rate) and the agent's devices (mono at
// the devices' rates), both ways, with libsoxr. Lives on the audio thread and is driven by the mixer's
// cycle; nothing here waits or allocates in the steady state.
//
// Active: the far end goes to the earpiece, the microphone to the line (zeros while muted).
// Held: nothing either way; music on hold, when set, loops to the line.
// EarlyMedia: the far end to the earpiece only (an outbound call's dial tone, ringback, announcements);
// nothing goes to the line before the call is answered.
// Inactive: nothing either way (the call's audio belongs to no one at this station now).
// The recorder, when running, gets the caller (what came from the line) left and the agent (what went
// to the line, after mute) right, aligned at the recording's rate (the line's when it started; a voice
// path replaced by one at another rate is converted to it).
class CallAudioBridge
{
public:
    enum Mode { Inactive, Active, Held, EarlyMedia };

    explicit CallAudioBridge(std::shared_ptr<LineAudioEndpoint> endpoint);
    ~CallAudioBridge();

    LineAudioEndpoint *endpoint() const { return m_endpoint.get(); }
    int lineRate() const;
    Mode mode() const { return m_mode; }
    void setMode(Mode mode, std::int64_t nowNs);
    // The provider gave the call a new voice path: the converters follow its rate, the recording goes on.
    void replaceEndpoint(std::shared_ptr<LineAudioEndpoint> endpoint, std::int64_t nowNs);
    void setMuted(bool muted) { m_muted = muted; }
    bool isMuted() const { return m_muted; }
    // Line-rate samples (decoded by SoundFileDecoder), looped while held; null for silence.
    void setMusicOnHold(std::shared_ptr<const std::vector<int16_t>> samples);
    // The devices' rates; 0 for a closed side. Rebuilds the converters when a rate changes.
    void setDeviceRates(int captureRate, int playbackRate);

    // One cycle, in this order:
    // 1. Takes everything the far end sent; while Active it is converted for playback (pendingPlayback).
    void pullFromLine();
    // 2. The agent's captured block (at the capture rate) to the line. While Active without a capture
    //    device, or Held, the line is fed by the clock instead: silence or music on hold.
    void pushToLine(std::span<const int16_t> captured, bool captureOpen, std::int64_t nowNs);
    // What pullFromLine() took from the far end this cycle, at the line rate (a conference's mix reads it).
    std::span<const int16_t> lastFromLine() const { return m_fromLine; }
    // While Active, called with every block on its way to the line (after mute): a conference adds
    // what its other parties said. Empty for a call that is in no conference.
    using LineMixIn = std::function<void(std::span<int16_t>)>;
    void setLineMixIn(LineMixIn mixIn) { m_mixIn = std::move(mixIn); }
    // 3. The mixer takes what it plays from the front of pendingPlayback().
    std::span<const int16_t> pendingPlayback() const { return m_pendingPlayback; }
    void consumePlayback(std::size_t count);

    // Recording (the Recorder lives on the audio thread with the bridge).
    Recorder *recorder() { return &m_recorder; }

    // Levels since the last call: far end -> agent, agent -> far end.
    AudioLevel::Reading takeFromLineLevel() { return m_fromLineLevel.take(); }
    AudioLevel::Reading takeToLineLevel() { return m_toLineLevel.take(); }
    // Samples the converters hold back now (output samples of each direction), for latency figures.
    double playbackResamplerDelay() const { return m_toAgent ? m_toAgent->delay() : 0.0; }
    double captureResamplerDelay() const { return m_toLine ? m_toLine->delay() : 0.0; }

private:
    void writeToLine(std::span<const int16_t> samples);
    void writePaced(std::int64_t nowNs);
    void record();
    // Line-rate samples appended to one side of the recording, converted when the rates differ.
    void keepForRecording(std::span<const int16_t> samples, std::vector<int16_t> &side,
                          std::unique_ptr<Resampler> &converter);

    std::shared_ptr<LineAudioEndpoint> m_endpoint;
    Mode m_mode = Inactive;
    bool m_muted = false;
    LineMixIn m_mixIn;
    std::unique_ptr<Resampler> m_toAgent; // line rate -> playback rate
    std::unique_ptr<Resampler> m_toLine; // capture rate -> line rate
    int m_captureRate = 0;
    int m_playbackRate = 0;
    std::shared_ptr<const std::vector<int16_t>> m_music;
    std::size_t m_musicPosition = 0;
    // The clock that feeds the line when no microphone does.
    std::int64_t m_pacedSinceNs = -1;
    std::size_t m_pacedWritten = 0;

    std::vector<int16_t> m_fromLine; // this cycle's far-end block, line rate
    std::vector<int16_t> m_lineBlock; // this cycle's block to the line, line rate
    std::vector<int16_t> m_pendingPlayback; // converted, waiting for the earpiece
    std::vector<int16_t> m_recordCaller; // line rate, aligned with m_recordAgent by record()
    std::vector<int16_t> m_recordAgent;
    std::unique_ptr<Resampler> m_recordCallerRate; // line rate -> recording rate, when they differ
    std::unique_ptr<Resampler> m_recordAgentRate;
    AudioLevel m_fromLineLevel;
    AudioLevel m_toLineLevel;
    Recorder m_recorder;
};
