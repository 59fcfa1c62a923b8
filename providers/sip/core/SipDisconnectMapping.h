#pragma once

#include <QtCore/qbytearray.h>

// TAPI's disconnect modes on SIP (docs/provider-guide.md, "SIP lines", has the table). Incoming: the
// Reason header's Q.850 cause when it says more than "unknown", else the final response's status,
// else the request that ended the call (BYE normal, CANCEL cancelled). Outgoing: the Q.850 cause this
// console puts in the Reason header of its BYE or final response.
namespace SipDisconnectMapping {

// Tapi::DisconnectMode for a Q.850 cause (0..127); DisconnectUnknown for causes without a TAPI match.
int modeForQ850(int cause);
// Tapi::DisconnectMode for a SIP final response status (300..699).
int modeForStatus(int status);
// What ended a call from the far end: `status` is the final response (0 for a BYE or CANCEL),
// `cancelled` true for a CANCEL, `q850` the Reason header's cause (-1 when absent) and `sipCause` a
// "Reason: SIP;cause=" value (-1 when absent; 200 on a CANCEL is "call completed elsewhere").
int farEndMode(int status, bool cancelled, int q850, int sipCause);

// The Q.850 cause this console sends for a TAPI disconnect mode of its own drop or reject.
int q850ForMode(int mode);

} // namespace SipDisconnectMapping
