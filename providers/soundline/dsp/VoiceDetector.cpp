#include "VoiceDetector.h"

#include "SpandspHeaders.h"

namespace {
// -40 dBm0 mean square (spandsp: 0 dBm0 sine = 3.14 dB below full scale; 32767/1.43 rms).
constexpr double MinVoiceMeanSquare = 22900.0 * 22900.0 * 1.0e-4;
constexpr double MaxToneShare = 0.5;

void freeGoertzel(goertzel_state_s *s)
{
    goertzel_free(s);
}
} // namespace

VoiceDetector::VoiceDetector(const CountryProfile &profile)
{
    for (int frequency : profile.toneFrequencies()) {
        goertzel_descriptor_t descriptor;
        make_goertzel_descriptor(&descriptor, float(frequency), BlockSamples);
        m_goertzels.emplace_back(goertzel_init(nullptr, &descriptor), freeGoertzel);
    }
}

VoiceDetector::~VoiceDetector() = default;

void VoiceDetector::accumulate(const int16_t *samples, int count)
{
    double energy = 0;
    for (int i = 0; i < count; ++i)
        energy += double(samples[i]) * samples[i];
    m_energy += energy;
    if (m_tonalCheck) {
        for (auto &goertzel : m_goertzels)
            goertzel_update(goertzel.get(), samples, count);
    }
}

VoiceDetector::Block VoiceDetector::finishBlock()
{
    const double meanSquare = m_energy / BlockSamples;
    double toneEnergy = 0;
    if (m_tonalCheck) {
        // goertzel_result (which also resets the filter) of a sine with mean square P over N
        // samples is N^2 P (measured), so result / N^2 is the mean square at that frequency.
        for (auto &goertzel : m_goertzels)
            toneEnergy += double(goertzel_result(goertzel.get())) / (double(BlockSamples) * BlockSamples);
    }
    m_energy = 0;
    m_filled = 0;
    if (meanSquare < MinVoiceMeanSquare)
        return Quiet;
    if (m_tonalCheck && toneEnergy > MaxToneShare * meanSquare)
        return Tonal;
    return Voiced;
}
