#pragma once

#include <QtCore/qbytearray.h>
#include <QtCore/qchar.h>

#include <optional>

// A DTMF digit sent by SIP INFO (no RFC; the two bodies PBXs use): `application/dtmf-relay` with
// "Signal=5" (and "Duration=160") lines, or `application/dtmf` with the digit alone. Digits 0-9 * # A-D;
// the event codes 10 and 11 stand for * and #.
namespace SipDtmfInfo {

// Whether this console reads INFO bodies of this content type (type/subtype, case-insensitive).
bool isDtmfContentType(QByteArrayView contentType);
// The digit of a body of that content type; nullopt when it holds none.
std::optional<QChar> parse(QByteArrayView contentType, QByteArrayView body);

} // namespace SipDtmfInfo
