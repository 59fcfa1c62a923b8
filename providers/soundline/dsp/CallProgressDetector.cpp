#include "CallProgressDetector.h"

#include "SpandspHeaders.h"

#include <QtCore/qhash.h>
#include <QtCore/qmutex.h>

namespace {
int onElementsPerCycle(const ToneCadence &cadence)
{
    int count = 0;
    for (const ToneElement &element : cadence.elements)
        count += element.f1 > 0 ? 1 : 0;
    return qMax(count, 1);
}

void freeDescriptor(super_tone_rx_descriptor_t *descriptor)
{
    super_tone_rx_free_descriptor(descriptor);
}

// super_tone_rx gives each new frequency a Goertzel bin, sharing a bin for frequencies within
// +/-10 Hz, and matches an element only when its pair is in ascending bin order (verified: UK
// ringback written as 400+450 is never reported, 450+400 is). Mirror that numbering so each pair is
// added in the order spandsp compares it.
class BinNumbering
{
public:
    int binOf(int frequency)
    {
        if (frequency <= 0)
            return -1;
        for (const auto &[f, bin] : m_bins) {
            if (qAbs(f - frequency) <= 10)
                return bin;
        }
        m_bins.append({frequency, m_next});
        return m_next++;
    }

private:
    QList<QPair<int, int>> m_bins;
    int m_next = 0;
};

// Descriptors are built once per profile and shared read-only by every channel.
std::shared_ptr<super_tone_rx_descriptor_t> descriptorFor(const CountryProfile &profile)
{
    static QMutex mutex;
    static QHash<QString, std::shared_ptr<super_tone_rx_descriptor_t>> cache;
    QMutexLocker lock(&mutex);
    auto it = cache.find(profile.id);
    if (it != cache.end())
        return it.value();
    std::shared_ptr<super_tone_rx_descriptor_t> descriptor(super_tone_rx_make_descriptor(nullptr),
                                                           freeDescriptor);
    BinNumbering bins;
    for (const ToneCadence &cadence : profile.tones) {
        const int tone = super_tone_rx_add_tone(descriptor.get());
        for (int cycle = 0; cycle < cadence.repeats; ++cycle) {
            for (const ToneElement &element : cadence.elements) {
                int f1 = element.f1;
                int f2 = element.f2;
                const int bin1 = bins.binOf(f1);
                const int bin2 = bins.binOf(f2);
                if (bin2 >= 0 && bin2 < bin1)
                    std::swap(f1, f2);
                super_tone_rx_add_element(descriptor.get(), tone, f1, f2, element.minMs, element.maxMs);
            }
        }
    }
    cache.insert(profile.id, descriptor);
    return descriptor;
}
} // namespace

CallProgressDetector::CallProgressDetector(const CountryProfile &profile, ReportHandler handler)
    : m_profile(profile)
    , m_descriptor(descriptorFor(profile))
    , m_rx(super_tone_rx_init(nullptr, m_descriptor.get(), &CallProgressDetector::toneReport, this))
    , m_handler(std::move(handler))
{
    super_tone_rx_segment_callback(m_rx, &CallProgressDetector::segmentReport);
}

CallProgressDetector::~CallProgressDetector()
{
    super_tone_rx_free(m_rx);
}

ProgressTone CallProgressDetector::activeTone() const
{
    return m_active >= 0 ? m_profile.tones.at(m_active).tone : ProgressTone::Dial;
}

void CallProgressDetector::process(const int16_t *samples, int count)
{
    // 20 ms block sums (vectorisable); only blocks with sound enter the history, so the check sees
    // the last tone bursts even when spandsp reports at the end of a long cadence gap.
    constexpr int BlockSamples = 160;
    constexpr float MinBlockEnergy = BlockSamples * 100.0f * 100.0f; // about -50 dBm0
    int done = 0;
    while (done < count) {
        const int n = qMin(count - done, BlockSamples - m_blockFill);
        float energy = 0;
        float slope = 0;
        float previous = m_previous;
        for (int i = done; i < done + n; ++i) {
            const float x = samples[i];
            const float d = x - previous;
            previous = x;
            energy += x * x;
            slope += d * d;
        }
        m_previous = previous;
        m_blockEnergy += energy;
        m_blockSlope += slope;
        m_blockFill += n;
        done += n;
        if (m_blockFill == BlockSamples) {
            if (m_blockEnergy > MinBlockEnergy) {
                m_energyHistory[m_historyIndex] = m_blockEnergy;
                m_slopeHistory[m_historyIndex] = m_blockSlope;
                m_historyIndex = (m_historyIndex + 1) % HistoryBlocks;
            }
            m_blockEnergy = 0;
            m_blockSlope = 0;
            m_blockFill = 0;
        }
    }
    super_tone_rx(m_rx, samples, count);
}

bool CallProgressDetector::narrowBand(const ToneCadence &cadence) const
{
    int highest = 0;
    for (const ToneElement &element : cadence.elements)
        highest = qMax(highest, qMax(element.f1, element.f2));
    if (highest >= 1000)
        return true; // SIT: its 1.8 kHz tone has a large slope by itself
    // A tone at f has slope/energy = 2 (1 - cos(2 pi f / 8000)): 0.23 at 620 Hz; white noise 2.
    float energy = 0;
    float slope = 0;
    for (int i = 0; i < HistoryBlocks; ++i) {
        energy += m_energyHistory[i];
        slope += m_slopeHistory[i];
    }
    return slope < 0.6f * energy;
}

void CallProgressDetector::toneReport(void *self, int code, int level, int delay)
{
    Q_UNUSED(level);
    Q_UNUSED(delay);
    auto *detector = static_cast<CallProgressDetector *>(self);
    if (code >= 0 && code < detector->m_profile.tones.size()) {
        const ToneCadence &cadence = detector->m_profile.tones.at(code);
        if (!detector->narrowBand(cadence))
            return; // noise that happened to fill the tone's bins; its end report is ignored too
        detector->m_active = code;
        detector->m_cycles = cadence.repeats; // spandsp reports once the whole pattern matched
        detector->m_onSegments = 0;
        detector->m_handler({true, cadence.tone, cadence.repeats});
    } else if (code < 0 && detector->m_active >= 0) {
        const Report ended {false, detector->activeTone(), detector->m_cycles};
        detector->m_active = -1;
        detector->m_cycles = 0;
        detector->m_handler(ended);
    }
}

void CallProgressDetector::segmentReport(void *self, int f1, int f2, int duration)
{
    Q_UNUSED(f2);
    Q_UNUSED(duration);
    // f1/f2 are Goertzel bin indices, -1 for a silent segment. While a tone is active spandsp ends
    // it as soon as the cadence breaks, so every sounding segment belongs to the active tone.
    auto *detector = static_cast<CallProgressDetector *>(self);
    if (detector->m_active < 0 || f1 < 0)
        return;
    const ToneCadence &cadence = detector->m_profile.tones.at(detector->m_active);
    if (cadence.cycleMs <= 0)
        return; // continuous or one-shot tone: one cycle
    ++detector->m_onSegments;
    const int cycles = cadence.repeats + detector->m_onSegments / onElementsPerCycle(cadence);
    if (cycles != detector->m_cycles) {
        detector->m_cycles = cycles;
        if (detector->m_cycleHandler)
            detector->m_cycleHandler(cadence.tone, cycles);
    }
}
