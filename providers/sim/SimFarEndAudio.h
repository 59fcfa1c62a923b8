#pragma once

#include "providers/LineAudioEndpoint.h"

#include <QtCore/qmutex.h>
#include <QtCore/qstring.h>

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

struct sf_private_tag;

// One simulated far end's ear and mouth. While the far end is in a call with a voice path it plays its
// sound (decoded at 8 kHz) into the call's LineAudioEndpoint (fromLine) and captures what the agent's
// side writes to it (toLine): the last CaptureLimitMs in memory for scenario checks, and all of it in
// a WAV file when `recordPath` is set. A call that starts as early media (an outbound call ringing the
// far end) loops the early-media sound instead until answered(). Time moves only through advance() in 20 ms
// blocks, called by the wall-clock pump's thread or, in virtual time, by the switch as its clock moves.
// Thread-safe.
class SimFarEndAudio
{
public:
    static constexpr int SampleRate = 8000;
    static constexpr int BlockMs = 20;
    static constexpr int BlockSamples = SampleRate * BlockMs / 1000;
    static constexpr qint64 CaptureLimitMs = 10000;
    // A recording stops growing here (a scenario may jump its clock by a year).
    static constexpr qint64 RecordLimitMs = 3600 * 1000;
    // What RMS level counts as silence in silenceHeld().
    static constexpr double SilenceBelowDbfs = -60.0;

    SimFarEndAudio(std::shared_ptr<const std::vector<int16_t>> play, bool loop, const QString &recordPath,
                   std::shared_ptr<const std::vector<int16_t>> earlyMedia = nullptr);
    ~SimFarEndAudio();
    SimFarEndAudio(const SimFarEndAudio &) = delete;
    SimFarEndAudio &operator=(const SimFarEndAudio &) = delete;

    // A call's voice path starts: a fresh endpoint, the sound from its start, an empty capture and (if
    // asked) a new recording. False with `*error` when the recording cannot be created; the call's audio
    // runs anyway.
    std::shared_ptr<LineAudioEndpoint> beginCall(const QString &description, bool earlyMedia = false,
                                                 QString *error = nullptr);
    // The far end answers: its own sound starts from the beginning on the same voice path.
    void answered();
    // The voice path ends: the endpoint is let go and the recording closed. What was captured stays.
    void endCall();
    bool inCall() const;

    // Moves `blocks` blocks of 20 ms through the endpoint. Long jumps keep only their last
    // CaptureLimitMs of work (the capture could not hold more) and the sound's position moves on.
    void advance(qint64 blocks);

    // The last `ms` (at most CaptureLimitMs) of what the far end heard in its latest call.
    std::vector<int16_t> lastHeard(qint64 ms) const;
    qint64 heardMs() const; // of the latest call
    // How far the sound (not the early media) has played in the latest call, and whether it reached its
    // end at least once.
    qint64 playedMs() const;
    bool playedToEnd() const;
    qint64 soundMs() const;
    QString recordPath() const { return m_recordPath; }

    // Level analysis over captured audio, shared by scenario checks and tests.
    static double toneLevelDbfs(std::span<const int16_t> samples, double frequencyHz,
                                int sampleRate = SampleRate);
    static double rmsDbfs(std::span<const int16_t> samples);

private:
    void runBlocks(qint64 blocks); // m_mutex held
    void closeRecording(); // m_mutex held

    mutable QMutex m_mutex;
    const std::shared_ptr<const std::vector<int16_t>> m_play;
    const bool m_loop;
    const std::shared_ptr<const std::vector<int16_t>> m_earlyMedia;
    bool m_early = false; // playing the early media now
    qint64 m_earlyPosition = 0;
    const QString m_recordPath;
    std::shared_ptr<LineAudioEndpoint> m_endpoint;
    qint64 m_playPosition = 0; // samples into m_play, this call
    qint64 m_playedSamples = 0;
    bool m_playedToEnd = false;
    std::vector<int16_t> m_capture; // bounded: trimmed to CaptureLimitMs when twice that
    qint64 m_capturedSamples = 0; // this call
    sf_private_tag *m_record = nullptr;
    bool m_recordCreated = false; // this object made the file: later calls may replace it
    qint64 m_recordedSamples = 0;
    std::vector<int16_t> m_block;
};
