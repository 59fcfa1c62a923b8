#pragma once

#include <QtCore/qglobal.h>

#include <cstdint>
#include <span>
#include <vector>

class SipAudioTranscoder;

// The receive side of a call's RTP stream, between the jitter buffer and the endpoint: packets in
// sequence order become audio at the endpoint's rate, and a packet that never came is not a gap of
// silence. The sequence numbers missing before a packet are concealed, the last of them rebuilt from that
// packet where the codec can (Opus in-band FEC: the jitter buffer held the next packet, so its copy of the
// lost one arrives in time); a packet that comes after its place was filled (a duplicate, or reordered
// beyond the jitter buffer) is dropped. A jump in sequence numbers longer than MaxConcealMs is a new
// start, not a loss: nothing is made up for it. No libre here: the RTP stream (LibreRtpStream) feeds it;
// the unit tests feed it packets with some left out.
class SipPlayout
{
public:
    static constexpr int MaxConcealMs = 100;

    explicit SipPlayout(SipAudioTranscoder &transcoder);

    // One packet out of the jitter buffer: appends the concealed or recovered packets before it, then
    // its audio. False (nothing appended) for one that comes too late or twice.
    bool packet(quint16 sequence, std::span<const uint8_t> payload, std::vector<int16_t> &pcm);

    // Shortens the end of `pcm` by `samples` without a jump: its last 2 x `samples` become `samples` that
    // fade from the first half into the second (the jitter buffer's shedding merges a packet so). Nothing
    // happens when `pcm` holds less than that.
    static void shorten(std::vector<int16_t> &pcm, std::size_t samples);

    // Packets concealed, and recovered from the next packet (both since the start).
    int concealed() const { return m_concealed; }
    int recovered() const { return m_recovered; }

private:
    int maxConcealPackets() const;

    SipAudioTranscoder &m_transcoder;
    bool m_started = false;
    quint16 m_expected = 0; // the sequence number of the next packet due
    int m_packetSamples = 0; // the last packet's length at the codec's rate
    int m_concealed = 0;
    int m_recovered = 0;
};
