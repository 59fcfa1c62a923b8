#include "G711Codec.h"

#include "SpandspCodecHeaders.h"

#include <algorithm>

std::size_t G711Codec::encode(std::span<const int16_t> frame, std::span<uint8_t> payload)
{
    const std::size_t count = std::min(frame.size(), payload.size());
    for (std::size_t i = 0; i < count; ++i)
        payload[i] = m_law == ALaw ? linear_to_alaw(frame[i]) : linear_to_ulaw(frame[i]);
    return count;
}

void G711Codec::decode(std::span<const uint8_t> payload, std::vector<int16_t> &pcm)
{
    const std::size_t start = pcm.size();
    pcm.reserve(start + payload.size());
    for (uint8_t code : payload)
        pcm.push_back(m_law == ALaw ? alaw_to_linear(code) : ulaw_to_linear(code));
    m_plc.received(std::span<int16_t>(pcm).subspan(start));
}
