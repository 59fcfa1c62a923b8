#pragma once

#include "SipAudioCodec.h"

#include <memory>
#include <span>
#include <vector>

class Resampler;

// A call's codec seen from its LineAudioEndpoint: 20 ms frames at the endpoint's rate in, payloads out,
// and back. The endpoint takes the rate of the call's first codec (8 kHz G.711, 16 kHz G.722, 48 kHz
// Opus), so normally nothing is resampled; when a re-INVITE moves the call to a codec of another rate,
// libsoxr converts both ways (Resampler, Voice quality) and the console keeps its endpoint.
class SipAudioTranscoder
{
public:
    SipAudioTranscoder(std::unique_ptr<SipAudioCodec> codec, int endpointRate);
    ~SipAudioTranscoder();
    SipAudioTranscoder(const SipAudioTranscoder &) = delete;
    SipAudioTranscoder &operator=(const SipAudioTranscoder &) = delete;

    const SipAudioCodec &codec() const { return *m_codec; }
    int endpointRate() const { return m_endpointRate; }
    bool resamples() const { return m_codec->sampleRate() != m_endpointRate; }
    // The packet time we send with (SipAudioCodec::setPacketMs); false when the codec cannot.
    bool setPacketMs(int ms) { return m_codec->setPacketMs(ms); }
    // Samples of one frame (the packet time we send with) at the endpoint's rate.
    int endpointFrameSamples() const { return m_endpointRate * m_codec->packetMs() / 1000; }

    // Encodes one frame of endpointFrameSamples() samples; returns the payload size (0: nothing to send).
    std::size_t encode(std::span<const int16_t> frame, std::span<uint8_t> payload);
    // Decodes one payload; appends what is ready at the endpoint's rate to `pcm`. Returns the samples the
    // packet held at the codec's rate (its length).
    int decode(std::span<const uint8_t> payload, std::vector<int16_t> &pcm);
    // A lost packet of `codecSamples` (at the codec's rate), concealed; or rebuilt from the packet after
    // it (SipAudioCodec::decodeRecovery). Appends at the endpoint's rate.
    void conceal(int codecSamples, std::vector<int16_t> &pcm);
    void decodeRecovery(std::span<const uint8_t> next, int codecSamples, std::vector<int16_t> &pcm);

private:
    void toEndpoint(std::vector<int16_t> &pcm);

    std::unique_ptr<SipAudioCodec> m_codec;
    int m_endpointRate;
    std::unique_ptr<Resampler> m_toCodec;
    std::unique_ptr<Resampler> m_fromCodec;
    std::vector<int16_t> m_pending; // resampled audio waiting for a whole codec frame
    std::vector<int16_t> m_scratch;
};
