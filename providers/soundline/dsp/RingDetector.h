#pragma once

#include "CountryProfile.h"

#include <cstdint>
#include <functional>

// Ring voltage seen through an AC-coupled audio input: clipped 16-50 Hz bursts. spandsp has no
// detector for it (its receivers start well above 300 Hz), so this one is our own: a band-pass
// biquad around 25 Hz, band and total energy over 40 ms, a burst when the band holds most of the
// energy above a level, debounced; bursts closer than the profile's group gap form one ring.
class RingDetector
{
public:
    struct Report
    {
        bool burstEnded = false; // false: a new ring started
        int ring = 0;
        int burstMs = 0;
    };
    using ReportHandler = std::function<void(const Report &report, qint64 samplePosition)>;

    RingDetector(const RingCadence &cadence, ReportHandler handler);
    // samplePosition: the stream position of samples[0].
    void process(const int16_t *samples, int count, qint64 samplePosition);
    void resetRingCount() { m_ring = 0; }
    bool inBurst() const { return m_inBurst; }

private:
    void decide(qint64 samplePosition);

    RingCadence m_cadence;
    ReportHandler m_handler;
    // Band-pass biquad (RBJ, 25 Hz, Q 0.9) at 1 kHz after 8:1 averaging, direct form I.
    float m_b0, m_b2, m_a1, m_a2;
    float m_x1 = 0, m_x2 = 0, m_y1 = 0, m_y2 = 0;
    float m_decimationSum = 0;
    int m_decimationCount = 0;
    float m_band = 0; // band energy of the current 10 ms block
    float m_total = 0; // total energy of the current block
    float m_windowBand[4] = {}; // the last 40 ms, block by block
    float m_windowTotal[4] = {};
    int m_windowIndex = 0;
    int m_sinceDecision = 0;
    int m_ringBlocks = 0; // consecutive 10 ms blocks with ring energy
    int m_quietBlocks = 0;
    bool m_inBurst = false;
    qint64 m_burstStart = 0;
    qint64 m_lastBurstEnd = -1;
    int m_ring = 0;
};
