#pragma once

#include "SipAudioCodec.h"
#include "SpandspPlc.h"

// G.711 µ-law (PCMU) or A-law (PCMA), ITU-T G.711: one byte per 8 kHz sample, no state (spandsp's
// companding tables).
class G711Codec final : public SipAudioCodec
{
public:
    enum Law { MuLaw, ALaw };
    explicit G711Codec(Law law)
        : m_law(law)
    { }

    SipSdp::Codec codec() const override { return m_law == ALaw ? SipSdp::Codec::Pcma : SipSdp::Codec::Pcmu; }
    int sampleRate() const override { return 8000; }
    int rtpClockRate() const override { return 8000; }
    std::size_t encode(std::span<const int16_t> frame, std::span<uint8_t> payload) override;
    void decode(std::span<const uint8_t> payload, std::vector<int16_t> &pcm) override;
    void conceal(int samples, std::vector<int16_t> &pcm) override { m_plc.conceal(samples, pcm); }

private:
    SpandspPlc m_plc;
    Law m_law;
};
