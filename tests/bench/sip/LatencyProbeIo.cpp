#include "LatencyProbeIo.h"

#include <cmath>
#include <cstdlib>
#include <numbers>

LatencyProbeIo::LatencyProbeIo(int sampleRate, int periodMs, int burstMs)
    : BufferAgentAudioIo(sampleRate)
    , m_rate(sampleRate)
    , m_wall(std::make_shared<QElapsedTimer>())
{
    m_wall->start();
    setClock([wall = m_wall] { return wall->nsecsElapsed(); });
    // A 1 kHz burst at -12 dBFS, then silence to the end of the period (looped).
    std::vector<int16_t> period(std::size_t(sampleRate) * std::size_t(periodMs) / 1000, 0);
    const std::size_t burst = std::size_t(sampleRate) * std::size_t(burstMs) / 1000;
    for (std::size_t i = 0; i < burst && i < period.size(); ++i)
        period[i] = int16_t(8200 * std::sin(2 * std::numbers::pi * 1000 * double(i) / sampleRate));
    setCaptureSamples(std::move(period), true);
    setKeepSamples(std::size_t(sampleRate) * 5); // the probe keeps its own copy
}

bool LatencyProbeIo::open(const QAudioDevice &capture, const QAudioDevice &playback, QString *error)
{
    const bool captureWasOpen = isOpen(Capture);
    const bool playbackWasOpen = isOpen(Playback);
    const qint64 now = m_wall->nsecsElapsed();
    {
        std::lock_guard lock(m_probeMutex);
        if (!captureWasOpen) {
            m_captureOpenNs = now;
            m_captureIndex = 0;
        }
        if (!playbackWasOpen) {
            m_playbackOpenNs = now;
            m_played.clear();
            takePlayed();
        }
        ++m_opens;
    }
    return BufferAgentAudioIo::open(capture, playback, error);
}

std::size_t LatencyProbeIo::readCapture(std::span<int16_t> out)
{
    std::lock_guard lock(m_probeMutex);
    // The twin drops what waited longer than its overrun limit (the mixer did not read before the first
    // call): the same loss here keeps the index on the device clock.
    const qint64 due = (m_wall->nsecsElapsed() - m_captureOpenNs) / 1000 * m_rate / 1'000'000;
    const qint64 overrun = qint64(m_rate) * CaptureOverrunMs / 1000;
    if (due - m_captureIndex > overrun)
        m_captureIndex = due - overrun;
    const std::size_t count = BufferAgentAudioIo::readCapture(out);
    std::vector<qint64> onsets;
    findOnsets(out.first(count), m_captureIndex, m_rate, &m_captureQuiet, &onsets);
    for (const qint64 index : onsets)
        m_captureOnsetNs.push_back(m_captureOpenNs + index * 1'000'000'000 / m_rate);
    m_captureIndex += qint64(count);
    // The earpiece keeps a few seconds only: collect what it played as the call goes.
    const std::vector<int16_t> played = takePlayed();
    m_played.insert(m_played.end(), played.begin(), played.end());
    return count;
}

void LatencyProbeIo::findOnsets(std::span<const int16_t> samples, qint64 first, int rate, qint64 *quietRun,
                                std::vector<qint64> *onsets)
{
    const qint64 quietNeeded = qint64(rate) * QuietMs / 1000;
    for (std::size_t i = 0; i < samples.size(); ++i) {
        if (std::abs(int(samples[i])) > Threshold) {
            if (*quietRun >= quietNeeded)
                onsets->push_back(first + qint64(i));
            *quietRun = 0;
        } else {
            ++*quietRun;
        }
    }
}

std::vector<double> LatencyProbeIo::delaysMs(bool *reopened)
{
    std::lock_guard lock(m_probeMutex);
    const std::vector<int16_t> more = takePlayed();
    m_played.insert(m_played.end(), more.begin(), more.end());
    *reopened = m_opens > 1;
    qint64 quiet = 0;
    std::vector<qint64> played;
    findOnsets(m_played, 0, m_rate, &quiet, &played);
    std::vector<double> delays;
    for (const qint64 index : played) {
        const qint64 heardNs = m_playbackOpenNs + index * 1'000'000'000 / m_rate;
        // The latest burst that left the microphone before this one was heard.
        qint64 saidNs = -1;
        for (const qint64 onset : m_captureOnsetNs) {
            if (onset <= heardNs)
                saidNs = onset;
        }
        if (saidNs >= 0)
            delays.push_back(double(heardNs - saidNs) / 1e6);
    }
    return delays;
}
