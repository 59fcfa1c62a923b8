#pragma once

#include "SipAudioCodec.h"

#include <QtCore/qbytearray.h>

struct OpusEncoder;
struct OpusDecoder;

// Opus (RFC 6716) as RFC 7587 carries it: 48 kHz clock, mono from us (stereo=0 is what we ask for;
// a far end's stereo is mixed down by the decoder). It codes at 48 kHz, the endpoint's rate for an Opus
// call, so no resampling is needed. The far end's fmtp sets the encoder: maxaveragebitrate,
// maxplaybackrate (the widest band worth sending), useinbandfec, usedtx and cbr.
class OpusCodec final : public SipAudioCodec
{
public:
    static constexpr int DefaultBitrate = 32000; // wideband speech, well under the 40 kbit/s RFC 7587 cites

    explicit OpusCodec(QByteArrayView farEndParameters);
    ~OpusCodec() override;
    OpusCodec(const OpusCodec &) = delete;
    OpusCodec &operator=(const OpusCodec &) = delete;

    bool isValid() const { return m_encoder && m_decoder; }
    SipSdp::Codec codec() const override { return SipSdp::Codec::Opus; }
    int sampleRate() const override { return 48000; }
    int rtpClockRate() const override { return 48000; }
    std::size_t encode(std::span<const int16_t> frame, std::span<uint8_t> payload) override;
    void decode(std::span<const uint8_t> payload, std::vector<int16_t> &pcm) override;
    // Opus's own PLC; and the far end's in-band FEC (LBRR) of the lost packet in the next one, when it
    // sends FEC (our fmtp asks for it: useinbandfec=1); without, the decoder conceals.
    void conceal(int samples, std::vector<int16_t> &pcm) override;
    bool recovers() const override { return true; }
    void decodeRecovery(std::span<const uint8_t> next, int samples, std::vector<int16_t> &pcm) override;

    // What the encoder was set to from the far end's fmtp (for the tests and the log).
    int bitrate() const { return m_bitrate; }
    int maxBandwidth() const { return m_maxBandwidth; } // an OPUS_BANDWIDTH_* value
    bool inbandFec() const { return m_fec; }

private:
    OpusEncoder *m_encoder = nullptr;
    OpusDecoder *m_decoder = nullptr;
    int m_bitrate = DefaultBitrate;
    int m_maxBandwidth = 0;
    bool m_fec = false;
};
