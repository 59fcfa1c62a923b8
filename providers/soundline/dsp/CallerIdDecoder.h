#pragma once

#include "CallerIdMessage.h"

#include <cstddef>
#include <cstdint>

// Decodes one caller-ID message as spandsp's adsi_rx delivers it (checksum already removed) into
// its fields, walking it with spandsp's adsi_next_field. Returns false when the message structure
// is corrupt (a field running past the end) or the message is empty. Safe on arbitrary bytes: the
// message is copied with zero padding first, because adsi_next_field looks one byte past a field
// header and, for DTMF messages, at the byte before the message.
bool decodeCallerIdMessage(CallerIdStandard standard, const uint8_t *message, size_t length,
                           CallerIdMessage *out);

// "private" for 'P', "out_of_area" for 'O' (and the DTMF codes 10 and 00), ...
QString callerIdAbsenceReason(const QByteArray &code);
// The ADSI_STANDARD_* value adsi_rx_init() takes for a caller-ID standard.
int spandspCallerIdStandard(CallerIdStandard standard);
