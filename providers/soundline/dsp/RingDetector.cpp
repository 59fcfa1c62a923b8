#include "RingDetector.h"

#include <cmath>

namespace {
constexpr int SampleRate = 8000;
constexpr int DecisionSamples = 80; // 10 ms
constexpr int Decimation = 8;
constexpr int WindowBlocks = 4; // 40 ms: about one period of 20-25 Hz ringing
// Band energy (mean square) above ~-36 dBFS and at least 40 % of all energy.
constexpr float MinBandEnergy = 500.0f * 500.0f;
constexpr float MinBandShare = 0.4f;
constexpr int EndBlocks = 6; // 60 ms without ring energy ends a burst
} // namespace

RingDetector::RingDetector(const RingCadence &cadence, ReportHandler handler)
    : m_cadence(cadence)
    , m_handler(std::move(handler))
{
    const double w0 = 2.0 * M_PI * 25.0 / (SampleRate / Decimation);
    const double alpha = std::sin(w0) / (2.0 * 0.9);
    const double a0 = 1.0 + alpha;
    m_b0 = float(alpha / a0);
    m_b2 = float(-alpha / a0);
    m_a1 = float(-2.0 * std::cos(w0) / a0);
    m_a2 = float((1.0 - alpha) / a0);
}

void RingDetector::process(const int16_t *samples, int count, qint64 samplePosition)
{
    // Ring is below 60 Hz: the band-pass runs at 1 kHz on 8-sample means (a boxcar whose first
    // null is at 1 kHz), so the serial filter costs an eighth; the total energy is a plain sum.
    for (int i = 0; i < count; ++i) {
        const float x = samples[i];
        m_total += x * x;
        m_decimationSum += x;
        if (++m_decimationCount == Decimation) {
            const float in = m_decimationSum * (1.0f / Decimation);
            m_decimationSum = 0;
            m_decimationCount = 0;
            const float y = m_b0 * in + m_b2 * m_x2 - m_a1 * m_y1 - m_a2 * m_y2;
            m_x2 = m_x1;
            m_x1 = in;
            m_y2 = m_y1;
            m_y1 = y;
            m_band += y * y * Decimation; // per input sample, like m_total
        }
        if (++m_sinceDecision == DecisionSamples) {
            m_sinceDecision = 0;
            decide(samplePosition + i + 1);
        }
    }
    // Keep the filter out of denormals on long silences.
    if (std::fabs(m_y1) < 1e-6f && std::fabs(m_y2) < 1e-6f)
        m_y1 = m_y2 = 0.0f;
}

void RingDetector::decide(qint64 position)
{
    m_windowBand[m_windowIndex] = m_band;
    m_windowTotal[m_windowIndex] = m_total;
    m_windowIndex = (m_windowIndex + 1) % WindowBlocks;
    m_band = 0;
    m_total = 0;
    float band = 0;
    float total = 0;
    for (int i = 0; i < WindowBlocks; ++i) {
        band += m_windowBand[i];
        total += m_windowTotal[i];
    }
    band /= float(WindowBlocks * DecisionSamples);
    total /= float(WindowBlocks * DecisionSamples);
    const bool ringing = band > MinBandEnergy && band > MinBandShare * total;
    const int minBlocks = qMax(1, m_cadence.minBurstMs / 10);
    if (ringing) {
        m_quietBlocks = 0;
        if (!m_inBurst && ++m_ringBlocks >= minBlocks) {
            m_inBurst = true;
            m_burstStart = position - qint64(m_ringBlocks) * DecisionSamples;
            const bool newRing = m_lastBurstEnd < 0
                || (m_burstStart - m_lastBurstEnd) * 1000 / SampleRate > m_cadence.groupGapMs;
            if (newRing) {
                ++m_ring;
                m_handler({false, m_ring, 0}, position);
            }
        }
        return;
    }
    if (!m_inBurst) {
        m_ringBlocks = 0;
        return;
    }
    if (++m_quietBlocks >= EndBlocks) {
        const qint64 end = position - qint64(m_quietBlocks) * DecisionSamples;
        m_inBurst = false;
        m_ringBlocks = 0;
        m_quietBlocks = 0;
        m_lastBurstEnd = end;
        m_handler({true, m_ring, int((end - m_burstStart) * 1000 / SampleRate)}, position);
    }
}
