#include "G722Codec.h"

#include "SpandspCodecHeaders.h"

#include <algorithm>

namespace {
constexpr int BitRate = 64000; // mode 1, what every SIP G.722 peer sends
}

G722Codec::G722Codec()
    : m_encoder(g722_encode_init(nullptr, BitRate, 0))
    , m_decoder(g722_decode_init(nullptr, BitRate, 0))
{ }

G722Codec::~G722Codec()
{
    if (m_encoder)
        g722_encode_free(m_encoder);
    if (m_decoder)
        g722_decode_free(m_decoder);
}

std::size_t G722Codec::encode(std::span<const int16_t> frame, std::span<uint8_t> payload)
{
    // Two samples a byte: never more samples than the payload holds.
    const std::size_t samples = std::min(frame.size(), payload.size() * 2);
    const int bytes = g722_encode(m_encoder, payload.data(), frame.data(), int(samples));
    return bytes > 0 ? std::size_t(bytes) : 0;
}

void G722Codec::decode(std::span<const uint8_t> payload, std::vector<int16_t> &pcm)
{
    const std::size_t start = pcm.size();
    pcm.resize(start + payload.size() * 2);
    const int samples = g722_decode(m_decoder, pcm.data() + start, payload.data(), int(payload.size()));
    pcm.resize(start + std::size_t(std::max(samples, 0)));
    m_plc.received(std::span<int16_t>(pcm).subspan(start));
}
