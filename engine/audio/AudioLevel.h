#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <span>

// Peak and RMS of the samples seen since the last take(), in dBFS (0 = full scale, -120 for silence);
// what a level meter shows for one direction of a call.
class AudioLevel
{
public:
    struct Reading
    {
        double peakDbfs = -120.0;
        double rmsDbfs = -120.0;
    };

    void add(std::span<const int16_t> samples)
    {
        for (int16_t s : samples) {
            m_peak = std::max(m_peak, std::abs(int(s)));
            m_sumSquares += double(s) * double(s);
        }
        m_count += samples.size();
    }
    void addSilence(std::size_t count) { m_count += count; }

    Reading take()
    {
        Reading r;
        r.peakDbfs = dbfs(double(m_peak) / 32767.0);
        // A full-scale sine's RMS reads -3 dBFS here (plain RMS relative to full scale).
        r.rmsDbfs = m_count ? dbfs(std::sqrt(m_sumSquares / double(m_count)) / 32767.0) : -120.0;
        m_peak = 0;
        m_sumSquares = 0.0;
        m_count = 0;
        return r;
    }

    static double dbfs(double ratio)
    {
        return ratio > 1e-6 ? std::max(-120.0, 20.0 * std::log10(ratio)) : -120.0;
    }

private:
    int m_peak = 0;
    double m_sumSquares = 0.0;
    std::size_t m_count = 0;
};
