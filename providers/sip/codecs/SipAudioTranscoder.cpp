#include "SipAudioTranscoder.h"

#include "audio/Resampler.h"

SipAudioTranscoder::SipAudioTranscoder(std::unique_ptr<SipAudioCodec> codec, int endpointRate)
    : m_codec(std::move(codec))
    , m_endpointRate(endpointRate)
{
    if (resamples()) {
        m_toCodec = std::make_unique<Resampler>(m_endpointRate, m_codec->sampleRate());
        m_fromCodec = std::make_unique<Resampler>(m_codec->sampleRate(), m_endpointRate);
    }
}

SipAudioTranscoder::~SipAudioTranscoder() = default;

std::size_t SipAudioTranscoder::encode(std::span<const int16_t> frame, std::span<uint8_t> payload)
{
    if (!m_toCodec)
        return m_codec->encode(frame, payload);
    m_toCodec->process(frame, m_pending);
    const std::size_t needed = std::size_t(m_codec->frameSamples());
    // The converter's first output comes late (its delay): the first frames start with silence. More
    // than two frames pending cannot build up from a steady input; if it does, the oldest goes.
    if (m_pending.size() < needed)
        m_pending.insert(m_pending.begin(), needed - m_pending.size(), 0);
    if (m_pending.size() > 2 * needed)
        m_pending.erase(m_pending.begin(), m_pending.end() - std::ptrdiff_t(needed));
    const std::size_t bytes = m_codec->encode(std::span<const int16_t>(m_pending.data(), needed), payload);
    m_pending.erase(m_pending.begin(), m_pending.begin() + std::ptrdiff_t(needed));
    return bytes;
}

int SipAudioTranscoder::decode(std::span<const uint8_t> payload, std::vector<int16_t> &pcm)
{
    if (!m_fromCodec) {
        const std::size_t before = pcm.size();
        m_codec->decode(payload, pcm);
        return int(pcm.size() - before);
    }
    m_scratch.clear();
    m_codec->decode(payload, m_scratch);
    const int samples = int(m_scratch.size());
    toEndpoint(pcm);
    return samples;
}

void SipAudioTranscoder::conceal(int codecSamples, std::vector<int16_t> &pcm)
{
    if (!m_fromCodec) {
        m_codec->conceal(codecSamples, pcm);
        return;
    }
    m_scratch.clear();
    m_codec->conceal(codecSamples, m_scratch);
    toEndpoint(pcm);
}

void SipAudioTranscoder::decodeRecovery(std::span<const uint8_t> next, int codecSamples,
                                        std::vector<int16_t> &pcm)
{
    if (!m_fromCodec) {
        m_codec->decodeRecovery(next, codecSamples, pcm);
        return;
    }
    m_scratch.clear();
    m_codec->decodeRecovery(next, codecSamples, m_scratch);
    toEndpoint(pcm);
}

void SipAudioTranscoder::toEndpoint(std::vector<int16_t> &pcm)
{
    m_fromCodec->process(m_scratch, pcm);
}
