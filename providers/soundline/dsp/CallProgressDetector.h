#pragma once

#include "CountryProfile.h"
#include "SpandspFwd.h"

#include <QtCore/qlist.h>

#include <functional>
#include <memory>

// The call-progress tones of ONE country profile, recognised with spandsp's supervisory tone
// receiver (super_tone_rx): it runs the Goertzel bank and matches whole cadences, which is what
// busy/reorder/ringback need. Each profile has its own descriptor (never mixed, docs/device-facts.md 3.3).
// On top of spandsp it counts the cadence cycles of a running tone from spandsp's segment reports,
// so a disconnect tone can be acted on after N cycles only. spandsp compares its bins with each
// other, so broadband noise can pass for a continuous dial tone (seen with white noise and the UK
// set); tones below 1 kHz are therefore only accepted when the recent signal is narrow-band
// (first-difference energy well below signal energy, which white noise cannot meet).
class CallProgressDetector
{
public:
    struct Report
    {
        bool started = false; // false: the tone stopped
        ProgressTone tone = ProgressTone::Dial;
        int cycles = 0;
    };
    using ReportHandler = std::function<void(const Report &report)>;

    CallProgressDetector(const CountryProfile &profile, ReportHandler handler);
    ~CallProgressDetector();
    CallProgressDetector(const CallProgressDetector &) = delete;
    CallProgressDetector &operator=(const CallProgressDetector &) = delete;

    void process(const int16_t *samples, int count);
    // The tone being heard, if any, and its cycles so far.
    bool active() const { return m_active >= 0; }
    ProgressTone activeTone() const;
    int activeCycles() const { return m_cycles; }
    // A further cycle of the running tone was seen (cycles counted from segment reports).
    void setCycleHandler(std::function<void(ProgressTone tone, int cycles)> handler)
    {
        m_cycleHandler = std::move(handler);
    }

private:
    static void toneReport(void *self, int code, int level, int delay);
    static void segmentReport(void *self, int f1, int f2, int duration);
    bool narrowBand(const ToneCadence &cadence) const;

    const CountryProfile &m_profile;
    std::shared_ptr<super_tone_rx_descriptor_t> m_descriptor;
    super_tone_rx_state_t *m_rx;
    ReportHandler m_handler;
    std::function<void(ProgressTone, int)> m_cycleHandler;
    int m_active = -1;
    int m_cycles = 0;
    int m_onSegments = 0;
    // The last HistoryBlocks 20 ms blocks that carried sound: sum of x^2 and of (x[n] - x[n-1])^2.
    static constexpr int HistoryBlocks = 16;
    float m_blockEnergy = 0;
    float m_blockSlope = 0;
    int m_blockFill = 0;
    float m_energyHistory[HistoryBlocks] = {};
    float m_slopeHistory[HistoryBlocks] = {};
    int m_historyIndex = 0;
    float m_previous = 0;
};
