// libFuzzer target: arbitrary audio into the full detector set (DTMF, caller ID, call progress,
// ring, voice and silence), in uneven chunks, with switches on and off as the line state machine
// does between chunks. The last byte picks the profile, caller-ID standard and chunking, so raw
// 16-bit audio cut by sox is a valid seed as it is.
#include "DetectorSet.h"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 3)
        return 0;
    static const QStringList profiles = CountryProfile::ids();
    const uint8_t control = data[size - 1];
    const CountryProfile *profile = CountryProfile::find(profiles.at(control % profiles.size()));
    const auto standard = CallerIdStandard((control >> 2) % 3);
    DetectorOptions options;
    options.voice = true;
    options.silenceTimeoutMs = 500;
    options.hangupCycles = 1 + (control >> 4) % 4;
    size_t events = 0;
    DetectorSet detectors(*profile, standard, options, [&events](const LineEvent &) { ++events; });

    std::vector<int16_t> samples((size - 1) / 2);
    std::memcpy(samples.data(), data, samples.size() * sizeof(int16_t));
    const int chunks[] = {1, 7, 160, 333, 80, 1024};
    size_t offset = 0;
    int step = 0;
    while (offset < samples.size()) {
        const int n = int(std::min<size_t>(samples.size() - offset, size_t(chunks[(step + control) % 6])));
        detectors.process(samples.data() + offset, n);
        offset += size_t(n);
        ++step;
        if (step % 5 == 0) { // gate detectors like the line state machine does
            detectors.setCallerIdEnabled(step % 10 != 0);
            detectors.setProgressEnabled(step % 15 != 0);
            detectors.setVoiceEnabled(step % 2 == 0, step % 4 == 0);
        }
    }
    return 0;
}
