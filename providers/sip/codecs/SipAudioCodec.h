#pragma once

#include "SipSdp.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

// One negotiated codec of a SIP call's RTP stream, both ways: frames of PCM at the codec's own sample
// rate in (one packet's worth: the packet time, 20 ms unless the far end asks another), RTP payloads
// out, and payloads back to PCM. A packet that never came is concealed: conceal() makes up audio from
// what came before (Opus's own PLC, spandsp's PLC for G.711 and G.722), decodeRecovery() from the next
// packet where the codec carries a copy of the lost one (Opus in-band FEC, RFC 7587 section 3.3). The RTP
// clock may differ from the sample rate (G.722: 16 kHz audio on an 8 kHz clock, RFC 3551; Opus: 48 kHz clock
// whatever it codes, RFC 7587). One object per call and direction pair, used on one thread (the codec keeps
// state between frames).
class SipAudioCodec
{
public:
    static constexpr int FrameMs = 20; // the default packet time, and the one we ask for (a=ptime:20)
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
    // The packet time of what we send (ms); setPacketMs() takes only one packetTimeAllowed() says yes to.
    int packetMs() const { return m_packetMs; }
    bool setPacketMs(int ms)
    {
        if (!packetTimeAllowed(ms))
            return false;
        m_packetMs = ms;
        return true;
    }
    bool packetTimeAllowed(int ms) const { return SipSdp::packetTimes(codec()).contains(ms); }
    int frameSamples() const { return sampleRate() * m_packetMs / 1000; }
    // How far the RTP timestamp moves per frame.
    int frameTicks() const { return rtpClockRate() * m_packetMs / 1000; }

    // Encodes one frame of frameSamples() samples into `payload`; returns the bytes written, 0 when the
    // frame could not be coded.
    virtual std::size_t encode(std::span<const int16_t> frame, std::span<uint8_t> payload) = 0;
    // Decodes one packet's payload and appends its samples to `pcm` (nothing for a malformed payload).
    virtual void decode(std::span<const uint8_t> payload, std::vector<int16_t> &pcm) = 0;
    // Appends `samples` samples standing in for a lost packet (packet loss concealment).
    virtual void conceal(int samples, std::vector<int16_t> &pcm) = 0;
    // Whether decodeRecovery() can rebuild a lost packet from the one after it.
    virtual bool recovers() const { return false; }
    // Appends `samples` samples for the packet lost just before `next` (which is decoded afterwards as
    // usual): rebuilt from `next` where it carries a copy, else concealed.
    virtual void decodeRecovery(std::span<const uint8_t> next, int samples, std::vector<int16_t> &pcm)
    {
        (void)next;
        conceal(samples, pcm);
    }

private:
    int m_packetMs = FrameMs;
};
