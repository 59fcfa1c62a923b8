// libFuzzer target: the caller-ID message decoder (what adsi_rx hands over after a good checksum,
// walked with spandsp's adsi_next_field) on arbitrary bytes. Byte 0 picks the standard.
#include "CallerIdDecoder.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const auto standard = CallerIdStandard(data[0] % 3);
    CallerIdMessage message;
    if (decodeCallerIdMessage(standard, data + 1, size - 1, &message)) {
        // Touch every decoded field so a bad length would be read here, under ASan.
        volatile qsizetype total = message.number.size() + message.name.size() + message.date.size()
            + message.calledNumber.size() + message.redirectingNumber.size() + message.numberAbsence.size()
            + message.nameAbsence.size();
        (void)total;
    }
    return 0;
}
