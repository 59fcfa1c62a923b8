#pragma once

#include "CountryProfile.h"

#include <QtCore/qlist.h>

#include <cstdint>
#include <memory>
#include <vector>

struct goertzel_state_s;

// Tells speech from the exchange's tones and from silence, in 20 ms blocks: a block is "voice"
// when it carries energy and less than half of it sits in the profile's tone frequencies
// (spandsp Goertzel filters). Used for answer detection (outbound CONNECTED) and the silence timeout.
class VoiceDetector
{
public:
    enum Block { Quiet, Tonal, Voiced };

    explicit VoiceDetector(const CountryProfile &profile);
    ~VoiceDetector();

    // Feeds samples; returns the number of completed blocks classified (see lastBlock()).
    // Calls onBlock for each completed block.
    template<typename F>
    void process(const int16_t *samples, int count, F onBlock)
    {
        while (count > 0) {
            const int n = qMin(count, BlockSamples - m_filled);
            accumulate(samples, n);
            samples += n;
            count -= n;
            m_filled += n;
            if (m_filled == BlockSamples)
                onBlock(finishBlock());
        }
    }
    void setTonalCheck(bool enabled) { m_tonalCheck = enabled; }

    static constexpr int BlockSamples = 160;

private:
    void accumulate(const int16_t *samples, int count);
    Block finishBlock();

    std::vector<std::unique_ptr<goertzel_state_s, void (*)(goertzel_state_s *)>> m_goertzels;
    double m_energy = 0;
    int m_filled = 0;
    bool m_tonalCheck = true;
};
