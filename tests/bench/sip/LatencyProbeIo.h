#pragma once

#include "audio/BufferAgentAudioIo.h"

#include <QtCore/qelapsedtimer.h>

#include <memory>
#include <mutex>
#include <vector>

// The agent's headset twin for bench_sip's latency figure: a BufferAgentAudioIo whose microphone says a
// short burst once per period, on a clock the probe shares. It notes when each burst leaves the
// microphone (its onset in the captured samples, on the device clock) and finds the bursts' onsets in
// what the earpiece played, so that the delay between the two is the console's round trip through the
// call (with an echoing far end).
class LatencyProbeIo : public BufferAgentAudioIo
{
public:
    // An onset: the first sample louder than this after at least QuietMs of quiet.
    static constexpr int Threshold = 2000;
    static constexpr int QuietMs = 100;

    LatencyProbeIo(int sampleRate, int periodMs, int burstMs);

    bool open(const QAudioDevice &capture, const QAudioDevice &playback, QString *error) override;
    std::size_t readCapture(std::span<int16_t> out) override;

    // Delays (ms) from each burst's onset at the microphone to its next onset in the earpiece, for what
    // was played so far. *reopened: the device was opened more than once (the played timeline restarted).
    std::vector<double> delaysMs(bool *reopened);

private:
    // Onsets in `samples`, `first` the index of samples[0] on its side's timeline; `quietRun` carries the
    // quiet run across calls.
    static void findOnsets(std::span<const int16_t> samples, qint64 first, int rate, qint64 *quietRun,
                           std::vector<qint64> *onsets);

    const int m_rate;
    std::shared_ptr<QElapsedTimer> m_wall;
    std::mutex m_probeMutex;
    int m_opens = 0;
    qint64 m_captureOpenNs = 0;
    qint64 m_playbackOpenNs = 0;
    qint64 m_captureIndex = 0; // samples captured since the capture side opened
    qint64 m_captureQuiet = 0;
    std::vector<qint64> m_captureOnsetNs;
    std::vector<int16_t> m_played; // everything played since the playback side opened (taken each cycle)
};
