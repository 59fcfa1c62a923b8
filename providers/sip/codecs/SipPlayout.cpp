#include "SipPlayout.h"

#include "SipAudioTranscoder.h"

#include <algorithm>
#include <cmath>

SipPlayout::SipPlayout(SipAudioTranscoder &transcoder)
    : m_transcoder(transcoder)
    , m_packetSamples(transcoder.codec().frameSamples())
{ }

int SipPlayout::maxConcealPackets() const
{
    const int packetMs = std::max(1, m_packetSamples * 1000 / m_transcoder.codec().sampleRate());
    return std::max(1, MaxConcealMs / packetMs);
}

bool SipPlayout::packet(quint16 sequence, std::span<const uint8_t> payload, std::vector<int16_t> &pcm)
{
    if (m_started) {
        // Sequence numbers wrap at 65536: the difference as a signed 16-bit number.
        const auto ahead = int(qint16(quint16(sequence - m_expected)));
        if (ahead < 0)
            return false; // its slot was concealed already, or a duplicate
        if (ahead > 0 && ahead <= maxConcealPackets()) {
            for (int i = 0; i < ahead - 1; ++i)
                m_transcoder.conceal(m_packetSamples, pcm);
            m_concealed += ahead - 1;
            if (m_transcoder.codec().recovers()) {
                m_transcoder.decodeRecovery(payload, m_packetSamples, pcm);
                ++m_recovered;
            } else {
                m_transcoder.conceal(m_packetSamples, pcm);
                ++m_concealed;
            }
        }
    }
    m_started = true;
    m_expected = quint16(sequence + 1);
    const int samples = m_transcoder.decode(payload, pcm);
    if (samples > 0)
        m_packetSamples = samples;
    return true;
}

void SipPlayout::shorten(std::vector<int16_t> &pcm, std::size_t samples)
{
    if (samples == 0 || pcm.size() < 2 * samples)
        return;
    // An overlap-add of the two halves: it starts where the audio before it left off and ends where the
    // second half did, so neither edge jumps.
    int16_t *first = pcm.data() + (pcm.size() - 2 * samples);
    const int16_t *second = first + samples;
    const double step = 1.0 / double(samples);
    for (std::size_t i = 0; i < samples; ++i) {
        const double w = (double(i) + 0.5) * step;
        first[i] = int16_t(std::lround((1.0 - w) * first[i] + w * second[i]));
    }
    pcm.resize(pcm.size() - samples);
}
