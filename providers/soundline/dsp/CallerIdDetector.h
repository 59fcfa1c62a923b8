#pragma once

#include "CallerIdMessage.h"
#include "SpandspFwd.h"

#include <functional>

// spandsp's ADSI receiver for one caller-ID standard. The standard comes from the line's
// configuration: a V.23 burst also decodes as Bell 202, so trial decoding cannot pick it.
class CallerIdDetector
{
public:
    using MessageHandler = std::function<void(const CallerIdMessage &message)>;

    CallerIdDetector(CallerIdStandard standard, MessageHandler handler);
    ~CallerIdDetector();
    CallerIdDetector(const CallerIdDetector &) = delete;
    CallerIdDetector &operator=(const CallerIdDetector &) = delete;

    CallerIdStandard standard() const { return m_standard; }
    void process(const int16_t *samples, int count);

private:
    static void received(void *self, const uint8_t *message, int length);

    CallerIdStandard m_standard;
    adsi_rx_state_t *m_rx;
    MessageHandler m_handler;
};
