#include "SipDisconnectMapping.h"

#include "core/Tapi.h"

using namespace Tapi;

namespace SipDisconnectMapping {

int modeForQ850(int cause)
{
    switch (cause) {
    case 1: // unallocated number
    case 28: // invalid number format
        return DisconnectBadAddress;
    case 2: // no route to network
    case 3: // no route to destination
        return DisconnectUnreachable;
    case 16: // normal call clearing
    case 31: // normal, unspecified
        return DisconnectNormal;
    case 17:
        return DisconnectBusy;
    case 18: // no user responding
    case 19: // no answer from user
        return DisconnectNoAnswer;
    case 20: // subscriber absent
        return DisconnectUnavail;
    case 21:
        return DisconnectReject;
    case 22:
        return DisconnectNumberChanged;
    case 27: // destination out of order
    case 38: // network out of order
        return DisconnectOutOfOrder;
    case 34: // no circuit available
    case 42: // switching equipment congestion
        return DisconnectCongestion;
    case 41:
        return DisconnectTempFailure;
    case 47: // resource unavailable
        return DisconnectUnavail;
    case 49:
        return DisconnectQosUnavail;
    case 55: // incoming calls barred
    case 57: // bearer capability not authorised
        return DisconnectBlocked;
    case 58: // bearer capability not available
    case 65: // bearer capability not implemented
    case 88: // incompatible destination
        return DisconnectIncompatible;
    default:
        return DisconnectUnknown;
    }
}

int modeForStatus(int status)
{
    switch (status) {
    case 403:
        return DisconnectBlocked;
    case 404:
    case 484:
    case 604:
        return DisconnectBadAddress;
    case 408:
        return DisconnectNoAnswer;
    case 410:
        return DisconnectNumberChanged;
    case 480:
        return DisconnectUnavail;
    case 486:
    case 600:
        return DisconnectBusy;
    case 487:
        return DisconnectCancelled;
    case 488:
    case 606:
        return DisconnectIncompatible;
    case 502:
    case 504:
        return DisconnectUnreachable;
    case 503:
        return DisconnectCongestion;
    case 603:
        return DisconnectReject;
    default:
        break;
    }
    if (status >= 500 && status < 600)
        return DisconnectTempFailure;
    if (status >= 600 && status < 700)
        return DisconnectReject;
    return DisconnectUnknown;
}

int farEndMode(int status, bool cancelled, int q850, int sipCause)
{
    if (cancelled && sipCause == 200)
        return DisconnectPickup; // "call completed elsewhere": another station took it
    if (q850 >= 0) {
        const int mode = modeForQ850(q850);
        // A caller who gives up sends CANCEL with "normal clearing": that is TAPI's cancelled.
        if (cancelled && mode == DisconnectNormal)
            return DisconnectCancelled;
        if (mode != DisconnectUnknown)
            return mode;
    }
    if (status >= 300)
        return modeForStatus(status);
    return cancelled ? DisconnectCancelled : DisconnectNormal;
}

int q850ForMode(int mode)
{
    switch (mode) {
    case DisconnectReject:
        return 21;
    case DisconnectBusy:
        return 17;
    case DisconnectNoAnswer:
        return 19;
    default:
        return 16;
    }
}

} // namespace SipDisconnectMapping
