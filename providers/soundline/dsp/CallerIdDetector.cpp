#include "CallerIdDetector.h"

#include "CallerIdDecoder.h"
#include "SoundlineLogging.h"
#include "SpandspHeaders.h"


CallerIdDetector::CallerIdDetector(CallerIdStandard standard, MessageHandler handler)
    : m_standard(standard)
    , m_rx(adsi_rx_init(nullptr, spandspCallerIdStandard(standard), &CallerIdDetector::received, this))
    , m_handler(std::move(handler))
{ }

CallerIdDetector::~CallerIdDetector()
{
    adsi_rx_free(m_rx);
}

void CallerIdDetector::process(const int16_t *samples, int count)
{
    adsi_rx(m_rx, samples, count);
}

void CallerIdDetector::received(void *self, const uint8_t *message, int length)
{
    auto *detector = static_cast<CallerIdDetector *>(self);
    CallerIdMessage decoded;
    if (length <= 0 || !decodeCallerIdMessage(detector->m_standard, message, size_t(length), &decoded)) {
        qCWarning(lcSoundline) << "caller-ID message with a corrupt structure ignored," << length << "bytes";
        return;
    }
    if (decoded.isCallerId)
        detector->m_handler(decoded);
}
