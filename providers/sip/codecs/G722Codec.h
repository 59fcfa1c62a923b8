#pragma once

#include "SipAudioCodec.h"
#include "SpandspPlc.h"

struct g722_encode_state_s;
struct g722_decode_state_s;

// G.722 at 64 kbit/s (ITU-T G.722, spandsp's codec): 16 kHz audio, one byte per two samples, on the
// 8 kHz RTP clock RFC 3551 fixed for it by mistake (160 ticks per 20 ms frame of 320 samples).
class G722Codec final : public SipAudioCodec
{
public:
    G722Codec();
    ~G722Codec() override;
    G722Codec(const G722Codec &) = delete;
    G722Codec &operator=(const G722Codec &) = delete;

    bool isValid() const { return m_encoder && m_decoder; }
    SipSdp::Codec codec() const override { return SipSdp::Codec::G722; }
    int sampleRate() const override { return 16000; }
    int rtpClockRate() const override { return 8000; }
    std::size_t encode(std::span<const int16_t> frame, std::span<uint8_t> payload) override;
    void decode(std::span<const uint8_t> payload, std::vector<int16_t> &pcm) override;
    void conceal(int samples, std::vector<int16_t> &pcm) override { m_plc.conceal(samples, pcm); }

private:
    SpandspPlc m_plc;
    g722_encode_state_s *m_encoder = nullptr;
    g722_decode_state_s *m_decoder = nullptr;
};
