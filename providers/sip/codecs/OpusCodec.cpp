#include "OpusCodec.h"

#include "SipFmtp.h"

#include <opus.h>

#include <algorithm>

namespace {
// Opus decodes in steps of 2.5 ms (120 samples at 48 kHz).
constexpr int Step = 120;
// The longest frame a far end may send (120 ms at 48 kHz, RFC 6716 section 3.2.1).
constexpr int MaxDecodedSamples = 5760;

int bandwidthFor(int maxPlaybackRate)
{
    if (maxPlaybackRate <= 8000)
        return OPUS_BANDWIDTH_NARROWBAND;
    if (maxPlaybackRate <= 12000)
        return OPUS_BANDWIDTH_MEDIUMBAND;
    if (maxPlaybackRate <= 16000)
        return OPUS_BANDWIDTH_WIDEBAND;
    if (maxPlaybackRate <= 24000)
        return OPUS_BANDWIDTH_SUPERWIDEBAND;
    return OPUS_BANDWIDTH_FULLBAND;
}
} // namespace

OpusCodec::OpusCodec(QByteArrayView farEndParameters)
{
    int err = OPUS_OK;
    m_encoder = opus_encoder_create(48000, 1, OPUS_APPLICATION_VOIP, &err);
    if (err != OPUS_OK)
        m_encoder = nullptr;
    m_decoder = opus_decoder_create(48000, 1, &err);
    if (err != OPUS_OK)
        m_decoder = nullptr;
    // RFC 7587 section 6.1: limits the far end's receiver sets for what we send.
    m_bitrate = SipFmtp::number(farEndParameters, "maxaveragebitrate", 6000, 510000, DefaultBitrate);
    m_maxBandwidth = bandwidthFor(SipFmtp::number(farEndParameters, "maxplaybackrate", 8000, 48000, 48000));
    m_fec = SipFmtp::number(farEndParameters, "useinbandfec", 0, 1, 0) == 1;
    if (!m_encoder)
        return;
    opus_encoder_ctl(m_encoder, OPUS_SET_BITRATE(m_bitrate));
    opus_encoder_ctl(m_encoder, OPUS_SET_MAX_BANDWIDTH(m_maxBandwidth));
    opus_encoder_ctl(m_encoder, OPUS_SET_INBAND_FEC(m_fec ? 1 : 0));
    if (m_fec)
        opus_encoder_ctl(m_encoder,
                         OPUS_SET_PACKET_LOSS_PERC(5)); // FEC costs bits only when loss is expected
    opus_encoder_ctl(m_encoder, OPUS_SET_DTX(SipFmtp::number(farEndParameters, "usedtx", 0, 1, 0)));
    opus_encoder_ctl(m_encoder, OPUS_SET_VBR(SipFmtp::number(farEndParameters, "cbr", 0, 1, 0) ? 0 : 1));
}

OpusCodec::~OpusCodec()
{
    opus_encoder_destroy(m_encoder);
    opus_decoder_destroy(m_decoder);
}

std::size_t OpusCodec::encode(std::span<const int16_t> frame, std::span<uint8_t> payload)
{
    if (!m_encoder || int(frame.size()) != frameSamples())
        return 0;
    const opus_int32 bytes = opus_encode(m_encoder, frame.data(), int(frame.size()), payload.data(),
                                         opus_int32(std::min<std::size_t>(payload.size(), 1275)));
    return bytes > 0 ? std::size_t(bytes) : 0;
}

void OpusCodec::decode(std::span<const uint8_t> payload, std::vector<int16_t> &pcm)
{
    if (!m_decoder || payload.empty())
        return;
    // Room for what the packet says it holds (its TOC), not for the longest possible frame: the room is
    // zeroed before decoding, and 120 ms of it per 20 ms packet was most of this function's own time.
    const int announced = opus_packet_get_nb_samples(payload.data(), opus_int32(payload.size()), 48000);
    const int room = announced > 0 ? std::min(announced, MaxDecodedSamples) : MaxDecodedSamples;
    const std::size_t start = pcm.size();
    pcm.resize(start + std::size_t(room));
    const int samples =
        opus_decode(m_decoder, payload.data(), opus_int32(payload.size()), pcm.data() + start, room, 0);
    pcm.resize(start + std::size_t(std::max(samples, 0)));
}

void OpusCodec::conceal(int samples, std::vector<int16_t> &pcm)
{
    samples = std::clamp(samples / Step * Step, 0, MaxDecodedSamples);
    if (!m_decoder || samples == 0)
        return;
    const std::size_t start = pcm.size();
    pcm.resize(start + std::size_t(samples));
    const int got = opus_decode(m_decoder, nullptr, 0, pcm.data() + start, samples, 0);
    pcm.resize(start + std::size_t(std::max(got, 0)));
}

void OpusCodec::decodeRecovery(std::span<const uint8_t> next, int samples, std::vector<int16_t> &pcm)
{
    samples = std::clamp(samples / Step * Step, 0, MaxDecodedSamples);
    if (!m_decoder || samples == 0)
        return;
    if (next.empty()) {
        conceal(samples, pcm);
        return;
    }
    // decode_fec=1: the LBRR copy of the previous frame if `next` has one, else libopus conceals.
    const std::size_t start = pcm.size();
    pcm.resize(start + std::size_t(samples));
    const int got =
        opus_decode(m_decoder, next.data(), opus_int32(next.size()), pcm.data() + start, samples, 1);
    pcm.resize(start + std::size_t(std::max(got, 0)));
}
