#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <span>
#include <vector>

// The earpiece's mix of every active call. Each call adds its converted far end at its own cursor; audio
// goes out up to the point every call has reached, so calls whose audio arrives in bursts at different
// moments are not cut into pieces. A call more than `alignSamples` behind the leader (a stalled provider)
// is not waited for: it gets a gap and the others play on. With one call, audio is ready as soon as it
// arrives. At most `capSamples` are kept: a stalled earpiece or a fast provider clock drops the oldest
// audio instead of growing the delay.
class PlaybackMix
{
public:
    void setLimits(std::size_t alignSamples, std::size_t capSamples)
    {
        m_align = alignSamples;
        m_cap = capSamples;
    }

    // Adds a call's next samples (a call not seen before starts at the front of what is queued).
    void add(int callId, std::span<const int16_t> samples);
    // Forgets a call (ended, held, or its path restarts); its audio already added stays.
    void forget(int callId) { m_cursors.erase(callId); }
    void clear();

    // Samples ready to go out now.
    std::size_t ready() const;
    // Takes up to `count` ready samples, saturated to 16 bits, and applies the cap.
    void take(std::size_t count, std::vector<int16_t> &out);
    // Samples added and not yet taken.
    std::size_t queued() const { return m_mix.size(); }
    // Drops `count` samples from the front as they become ready (a standing delay shed), the audio after
    // each cut faded in over `fadeSamples` of what it replaces.
    void shed(std::size_t count, std::size_t fadeSamples);
    // Samples still to drop, and dropped by shed() since this mix was made.
    std::size_t pendingShed() const { return m_shed; }
    std::size_t shedTotal() const { return m_shedTotal; }

private:
    void dropFront(std::size_t count);
    void shedReady();

    std::vector<int32_t> m_mix;
    std::map<int, std::size_t> m_cursors;
    std::size_t m_align = 0;
    std::size_t m_cap = 0;
    std::size_t m_shed = 0;
    std::size_t m_fade = 0;
    std::size_t m_shedTotal = 0;
};
