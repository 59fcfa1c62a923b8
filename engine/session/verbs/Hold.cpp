// hold and unhold (lineHold, lineUnhold), unhold also ending a consultation: docs/tapi-semantics.md 6, 7.
#include "session/CallEngine.h"
#include "session/CallSession.h"
#include "session/verbs/VerbGate.h"

using namespace Tapi;
using namespace Verbs;

namespace {
// Unholding the original while a conference is being set up over it idles the set-up [SUC].
bool isConferenceSetupOriginal(const Call &call)
{
    return call.state == Conferenced && call.confParent && call.confParent->state == OnHoldPendConf
        && call.confParent->members.size() == 1;
}
} // namespace

int CallEngine::hold(CallSession *session)
{
    Call *call = nullptr;
    const VerbGate gate {
        .state = [](const Call &c) { return c.state == Connected ? Success : InvalCallState; },
        // No hold while this station is only an inactive appearance [LD], nor while the provider reports
        // other stations taking part [D-15] (one that does not report them refuses it in the completion).
        .available =
            [](const Call &c) {
                return !isInactive(c) && c.otherStations == 0 && hasFeature(c, FeatureHold);
            },
    };
    if (int error = checkGate(session, gate, &call))
        return error;
    LineCommand command;
    command.kind = LineCommand::Hold;
    return issue(RequestAction::Hold, session, call, command, &CallEngine::completeHold);
}

void CallEngine::completeHold(const PendingRequest &request, const CommandOutcome &)
{
    setState(request.call, OnHold);
}

int CallEngine::unhold(CallSession *session)
{
    Call *call = nullptr;
    const VerbGate gate {
        .state =
            [](const Call &c) {
                const bool held = c.state == OnHold || c.state == OnHoldPendTransfer;
                return held || isConferenceSetupOriginal(c) ? Success : InvalCallState;
            },
    };
    if (int error = checkGate(session, gate, &call))
        return error;
    LineCommand command;
    command.kind = LineCommand::Unhold;
    if (call->state == OnHoldPendTransfer && call->consult)
        command.other = call->consult->id;
    if (isConferenceSetupOriginal(*call)) {
        command.conference = call->confParent->id;
        command.other = call->confParent->consult ? call->confParent->consult->id : 0;
    }
    return issue(RequestAction::Unhold, session, call, command, &CallEngine::completeUnhold);
}

void CallEngine::completeUnhold(const PendingRequest &request, const CommandOutcome &)
{
    Call *call = request.call;
    if (call->state == Conferenced && call->confParent) {
        // [SUC]: unholding the original during set-up idles the parent and the consult.
        Call *parent = call->confParent;
        Call *consult = parent->consult;
        parent->members.clear();
        parent->lastAdded = nullptr;
        call->confParent = nullptr;
        unlinkConsult(parent);
        notifyConference(parent);
        setState(parent, Idle);
        if (consult)
            setState(consult, Idle);
        setState(call, Connected, ConnectedActive);
        return;
    }
    if (Call *consult = call->consult) {
        // [XFER]: lineUnhold recovers the original and idles the consult.
        unlinkConsult(call);
        setState(consult, Idle);
    }
    setState(call, Connected, ConnectedActive);
}
