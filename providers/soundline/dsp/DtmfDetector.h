#pragma once

#include "SpandspFwd.h"

#include <functional>

// spandsp's DTMF receiver (Q.24 timing: 40 ms digits accepted, 20 ms rejected), reporting each digit
// when it starts. The realtime callback is used because it gives the start of each digit; spandsp
// then no longer fills its digit buffer (docs/device-facts.md 3.1), so there is exactly one path.
class DtmfDetector
{
public:
    using DigitHandler = std::function<void(char digit)>;

    explicit DtmfDetector(DigitHandler handler);
    ~DtmfDetector();
    DtmfDetector(const DtmfDetector &) = delete;
    DtmfDetector &operator=(const DtmfDetector &) = delete;

    void process(const int16_t *samples, int count);

private:
    static void report(void *self, int code, int level, int delay);

    dtmf_rx_state_t *m_rx;
    DigitHandler m_handler;
};
