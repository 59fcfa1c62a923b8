// terminate (lineDeallocateCall) and openHandle (another handle onto a call): docs/tapi-semantics.md 5.
#include "session/CallEngine.h"
#include "session/CallSession.h"
#include "session/verbs/VerbGate.h"

using namespace Tapi;
using namespace Verbs;

int CallEngine::terminate(CallSession *session)
{
    const bool owner = session && session->privilege() == PrivilegeOwner;
    Call *call = nullptr;
    const VerbGate gate {
        .ownerOnly = false, // a monitor may always free its handle
        .state =
            [owner](const Call &c) {
                // [DEA]: API < 2.0, a sole owner must drop first.
                const bool legacySole =
                    owner && isLive(c) && c.numOwners() == 1 && c.line->capabilities().apiLegacy;
                return legacySole ? InvalCallState : Success;
            },
    };
    if (int error = checkGate(session, gate, &call))
        return error;
    if (call->line->capabilities().apiLegacy) {
        // [DEA]: for API < 2.0 deallocating suppresses the outstanding replies of that handle.
        for (PendingRequest &request : m_requests) {
            if (request.issuer == session)
                request.replySuppressed = true;
        }
    }
    freeHandle(session); // the last handle's CLOSEDROP: maybeFreeCall()
    return Success;
}

CallSession *CallEngine::openHandle(CallSession *session, Tapi::CallPrivilege privilege)
{
    Call *call = session ? session->call() : nullptr;
    if (!call || (privilege != PrivilegeOwner && privilege != PrivilegeMonitor))
        return nullptr;
    const std::vector<CallSession *> existing = call->handles;
    CallSession *handle = addHandle(call, privilege);
    for (CallSession *other : existing)
        Q_EMIT other->callInfoChanged(privilege == PrivilegeOwner ? InfoNumOwnerIncr : InfoNumMonitors);
    int privilegeParam = 0;
    const int mode = modeFor(call, handle);
    if (handle->notifyState(call->state, mode, &privilegeParam))
        Q_EMIT sessionStateChanged(handle, CallState(call->state), CallState(call->state), mode,
                                   CallPrivilege(privilegeParam));
    refreshFeatures(call);
    return handle;
}
