#include "audio/PlaybackMix.h"

#include <algorithm>

void PlaybackMix::add(int callId, std::span<const int16_t> samples)
{
    if (samples.empty())
        return;
    // A call joins at the front: its first audio plays with what the others have queued, at once.
    auto [cursor, joined] = m_cursors.try_emplace(callId, 0);
    const std::size_t at = cursor->second;
    if (m_mix.size() < at + samples.size())
        m_mix.resize(at + samples.size(), 0);
    for (std::size_t i = 0; i < samples.size(); ++i)
        m_mix[at + i] += samples[i];
    cursor->second = at + samples.size();
}

void PlaybackMix::clear()
{
    m_mix.clear();
    m_cursors.clear();
    m_shed = 0;
}

void PlaybackMix::shed(std::size_t count, std::size_t fadeSamples)
{
    m_shed = count;
    m_fade = fadeSamples;
}

void PlaybackMix::shedReady()
{
    const std::size_t ready = this->ready();
    if (m_shed == 0 || ready <= m_fade)
        return;
    // Only from what is ready: a call still behind keeps its place in the mix.
    const std::size_t drop = std::min(m_shed, ready - m_fade);
    // What follows the cut fades in over what would have played, so the cut does not click.
    for (std::size_t i = 0; i < m_fade; ++i) {
        const auto in = int64_t(i + 1);
        const auto total = int64_t(m_fade + 1);
        m_mix[drop + i] = int32_t((int64_t(m_mix[i]) * (total - in) + int64_t(m_mix[drop + i]) * in) / total);
    }
    dropFront(drop);
    m_shed -= drop;
    m_shedTotal += drop;
}

std::size_t PlaybackMix::ready() const
{
    std::size_t ready = m_mix.size();
    for (const auto &[id, cursor] : m_cursors)
        if (m_mix.size() - cursor <= m_align)
            ready = std::min(ready, cursor);
    return ready;
}

void PlaybackMix::take(std::size_t count, std::vector<int16_t> &out)
{
    shedReady();
    count = std::min(count, ready());
    out.resize(count);
    for (std::size_t i = 0; i < count; ++i)
        out[i] = int16_t(std::clamp<int32_t>(m_mix[i], -32768, 32767));
    dropFront(std::max(count, m_mix.size() > m_cap ? m_mix.size() - m_cap : 0));
}

void PlaybackMix::dropFront(std::size_t count)
{
    count = std::min(count, m_mix.size());
    if (count == 0)
        return;
    m_mix.erase(m_mix.begin(), m_mix.begin() + std::ptrdiff_t(count));
    for (auto &[id, cursor] : m_cursors)
        cursor = cursor > count ? cursor - count : 0;
}
