#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

// spandsp's packet loss concealment (plc.h) for the codecs without one of their own (G.711, G.722): it
// keeps the tail of what was decoded and fills a gap by repeating its last pitch period, fading out
// over 50 ms (at 8 kHz; twice as fast at G.722's 16 kHz), and smooths the next good packet into it.
class SpandspPlc
{
public:
    SpandspPlc();
    ~SpandspPlc();
    SpandspPlc(const SpandspPlc &) = delete;
    SpandspPlc &operator=(const SpandspPlc &) = delete;

    bool isValid() const { return m_state != nullptr; }
    // Decoded audio as it is played: remembered (and faded in after a concealed gap).
    void received(std::span<int16_t> pcm);
    // Appends `samples` concealing samples.
    void conceal(int samples, std::vector<int16_t> &pcm);

private:
    struct State; // spandsp's plc_state_t (an unnamed struct: it cannot be declared here)
    std::unique_ptr<State> m_state;
};
