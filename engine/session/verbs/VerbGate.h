#pragma once

#include "core/Tapi.h"
#include "lines/Line.h"
#include "session/Call.h"

#include <QtCore/qbytearray.h>

#include <functional>

// What a verb asks of a call before anything is sent. CallEngine::checkGate() runs the parts in the
// one order of [D-5] (docs/tapi-semantics.md 4.1), so no verb can check them in another:
//   INVALCALLHANDLE (a freed handle) -> NOTOWNER (ownerOnly) -> state -> OPERATIONUNAVAIL (available)
//   -> arguments (USERUSERINFOTOOBIG, INVALADDRESS, CONFERENCEFULL, ...).
// Each part is optional; a part returns Tapi::Success or the error it stands for.
struct VerbGate
{
    bool ownerOnly = true;
    // INVALCALLSTATE and, for verbs that name other calls, the errors of those handles (a conference
    // that is none, a consult that cannot be one): checked after the caller's own handle and privilege.
    std::function<int(const Call &)> state;
    std::function<bool(const Call &)> available;
    std::function<int(const Call &)> arguments;
};

namespace Verbs {
inline bool isOffered(const Call &call)
{
    return call.state == Tapi::Offering || call.state == Tapi::Accepted;
}

inline bool isPreAnswerOutbound(int state)
{
    using namespace Tapi;
    return state == DialTone || state == Dialing || state == Proceeding || state == Ringback || state == Busy
        || state == SpecialInfo;
}

inline bool isLive(const Call &call)
{
    return call.state != Tapi::Idle && call.state != Tapi::NoState;
}

inline bool isInactive(const Call &call)
{
    return call.state == Tapi::Connected && (call.mode & Tapi::ConnectedInactive);
}

inline bool isMonitoredAddress(const Call &call)
{
    return call.line->capabilities().addressSharing == Tapi::SharingMonitored;
}

inline bool hasFeature(const Call &call, int feature)
{
    return !isMonitoredAddress(call) && (call.line->capabilities().callFeatures & feature);
}

// In a conference or a consultation, either side.
inline bool isRelated(const Call &call)
{
    return call.confParent || call.isConferenceParent || call.consult || call.consultFor;
}

// [D-10]: a zero limit refuses any UUI unless the compatibility flag passes it through (discarded).
inline int checkUuiSize(const QByteArray &uui, int limit, bool zeroLimitCompat, QByteArray *accepted)
{
    *accepted = uui;
    if (uui.isEmpty())
        return Tapi::Success;
    if (limit == 0) {
        if (!zeroLimitCompat)
            return Tapi::UserUserInfoTooBig;
        accepted->clear();
        return Tapi::Success;
    }
    return uui.size() > limit ? Tapi::UserUserInfoTooBig : Tapi::Success;
}
} // namespace Verbs
