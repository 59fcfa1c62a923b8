#pragma once

#include "SipSdp.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

// One negotiated codec of a SIP call's RTP stream, both ways: 20 ms frames of PCM at the codec's own
// sample rate in, RTP payloads out, and payloads back to PCM. The RTP clock may differ from the sample
// rate (G.722: 16 kHz audio on an 8 kHz clock, RFC 3551; Opus: 48 kHz clock whatever it codes, RFC 7587).
// One object per call and direction pair, used on one thread (the codec keeps state between frames).
class SipAudioCodec
{
public:
    static constexpr int FrameMs = 20;
    // Room for any payload one frame makes (Opus's maximum packet is 1275 bytes).
    static constexpr std::size_t MaxPayload = 1500;

    virtual ~SipAudioCodec() = default;

    // A codec for `format` (its fmtp parameters are what the far end asks for); nullptr for
    // Codec::None or when the codec library refuses (logged).
    static std::unique_ptr<SipAudioCodec> create(const SipSdp::Format &format);

    virtual SipSdp::Codec codec() const = 0;
    // The PCM rate frames are encoded from and payloads decoded to.
    virtual int sampleRate() const = 0;
    virtual int rtpClockRate() const = 0;
    int frameSamples() const { return sampleRate() * FrameMs / 1000; }
    // How far the RTP timestamp moves per frame.
    int frameTicks() const { return rtpClockRate() * FrameMs / 1000; }

    // Encodes one frame of frameSamples() samples into `payload`; returns the bytes written, 0 when the
    // frame could not be coded.
    virtual std::size_t encode(std::span<const int16_t> frame, std::span<uint8_t> payload) = 0;
    // Decodes one packet's payload and appends its samples to `pcm` (nothing for a malformed payload).
    virtual void decode(std::span<const uint8_t> payload, std::vector<int16_t> &pcm) = 0;
};
