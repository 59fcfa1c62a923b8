#include "DtmfDetector.h"

#include "SpandspHeaders.h"

#include <QtCore/qglobal.h>

DtmfDetector::DtmfDetector(DigitHandler handler)
    : m_rx(dtmf_rx_init(nullptr, nullptr, nullptr))
    , m_handler(std::move(handler))
{
    dtmf_rx_set_realtime_callback(m_rx, &DtmfDetector::report, this);
}

DtmfDetector::~DtmfDetector()
{
    dtmf_rx_free(m_rx);
}

void DtmfDetector::process(const int16_t *samples, int count)
{
    dtmf_rx(m_rx, samples, count);
}

void DtmfDetector::report(void *self, int code, int level, int delay)
{
    Q_UNUSED(level);
    Q_UNUSED(delay);
    if (code > 0)
        static_cast<DtmfDetector *>(self)->m_handler(char(code));
}
