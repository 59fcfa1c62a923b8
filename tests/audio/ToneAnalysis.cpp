#include "ToneAnalysis.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace ToneAnalysis {

QByteArray sine(double frequencyHz, double levelDbfs, int sampleRate, double seconds)
{
    const auto frames = qsizetype(seconds * sampleRate);
    const double amplitude = 32767.0 * std::pow(10.0, levelDbfs / 20.0);
    QByteArray pcm(frames * qsizetype(sizeof(int16_t)), Qt::Uninitialized);
    auto *out = reinterpret_cast<int16_t *>(pcm.data());
    for (qsizetype i = 0; i < frames; ++i)
        out[i] = int16_t(
            std::lround(amplitude * std::sin(2.0 * std::numbers::pi * frequencyHz * double(i) / sampleRate)));
    return pcm;
}

double levelDbfs(std::span<const int16_t> samples, double frequencyHz, int sampleRate)
{
    if (samples.empty())
        return -120.0;
    const double coefficient = 2.0 * std::cos(2.0 * std::numbers::pi * frequencyHz / sampleRate);
    double s1 = 0.0, s2 = 0.0;
    for (int16_t sample : samples) {
        const double s0 = double(sample) / 32767.0 + coefficient * s1 - s2;
        s2 = s1;
        s1 = s0;
    }
    const double power = s1 * s1 + s2 * s2 - coefficient * s1 * s2;
    // A sine of peak A over N samples gives |X| = A*N/2.
    const double amplitude = 2.0 * std::sqrt(std::max(power, 0.0)) / double(samples.size());
    return amplitude > 1e-6 ? 20.0 * std::log10(amplitude) : -120.0;
}

double peakLevelDbfs(const QByteArray &pcm, double frequencyHz, int sampleRate, double blockSeconds)
{
    const auto all = samplesOf(pcm);
    const auto block = std::max<size_t>(1, size_t(blockSeconds * sampleRate));
    double peak = -120.0;
    for (size_t start = 0; start + block <= all.size(); start += block)
        peak = std::max(peak, levelDbfs(all.subspan(start, block), frequencyHz, sampleRate));
    return peak;
}

std::span<const int16_t> samplesOf(const QByteArray &pcm)
{
    return {reinterpret_cast<const int16_t *>(pcm.constData()), size_t(pcm.size()) / sizeof(int16_t)};
}

} // namespace ToneAnalysis
