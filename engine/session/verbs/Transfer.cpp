// setupTransfer, completeTransfer (consultation transfer) and blindTransfer: docs/tapi-semantics.md 6
// and docs/architecture.md ("Call flows").
#include "lines/DialString.h"
#include "session/CallEngine.h"
#include "session/CallSession.h"
#include "session/verbs/VerbGate.h"

using namespace Tapi;
using namespace Verbs;

int CallEngine::setupTransfer(CallSession *session)
{
    Call *call = nullptr;
    const VerbGate gate {
        .state =
            [](const Call &c) {
                return c.state == Connected && !isInactive(c) && !isRelated(c) ? Success : InvalCallState;
            },
        .available =
            [](const Call &c) { return bool(c.line->capabilities().callFeatures & FeatureSetupTransfer); },
    };
    if (int error = checkGate(session, gate, &call))
        return error;
    LineCommand command;
    command.kind = LineCommand::SetupTransfer;
    command.other = m_nextCallId++;
    return issue(RequestAction::SetupTransfer, session, call, command, &CallEngine::completeSetupTransfer,
                 &CallEngine::createConsult);
}

void CallEngine::completeSetupTransfer(const PendingRequest &request, const CommandOutcome &)
{
    Call *call = request.call;
    Call *consult = call->consult;
    if (!consult)
        return;
    setState(call, OnHoldPendTransfer);
    setState(consult, DialTone, DialToneNormal);
}

int CallEngine::completeTransfer(CallSession *session, CallSession *consultSession)
{
    Call *consult = consultSession ? consultSession->call() : nullptr;
    Call *call = nullptr;
    const VerbGate gate {
        .state =
            [consult](const Call &c) {
                if (!consult || consult == &c || consult->line != c.line)
                    return int(InvalConsultCallHandle);
                if (c.state != OnHoldPendTransfer)
                    return int(InvalCallState);
                const int s = consult->state;
                return s == Connected || s == Ringback || s == Proceeding ? int(Success)
                                                                          : int(InvalCallState);
            },
    };
    if (int error = checkGate(session, gate, &call))
        return error;
    LineCommand command;
    command.kind = LineCommand::CompleteTransfer;
    command.other = consult->id;
    return issue(RequestAction::CompleteTransfer, session, call, command,
                 &CallEngine::completeCompleteTransfer);
}

void CallEngine::completeCompleteTransfer(const PendingRequest &request, const CommandOutcome &)
{
    Call *call = request.call;
    Call *consult = request.other;
    if (call->consult == consult && consult)
        unlinkConsult(call);
    call->transferred = true;
    setState(call, Idle);
    becameIdle(call);
    if (consult) {
        setState(consult, Idle);
        becameIdle(consult);
    }
}

int CallEngine::blindTransfer(CallSession *session, const QString &destination)
{
    const QString number = DialString::normalized(destination);
    Call *call = nullptr;
    const VerbGate gate {
        .state =
            [](const Call &c) {
                const bool talking = (c.state == Connected && !isInactive(c)) || c.state == OnHold;
                return talking && !isRelated(c) ? Success : InvalCallState;
            },
        .available = [](const Call &c) { return hasFeature(c, FeatureBlindTransfer); },
        .arguments = [&number](const Call &) { return number.isEmpty() ? InvalAddress : Success; },
    };
    if (int error = checkGate(session, gate, &call))
        return error;
    LineCommand command;
    command.kind = LineCommand::BlindTransfer;
    command.digits = number;
    return issue(RequestAction::BlindTransfer, session, call, command, &CallEngine::completeBlindTransfer);
}

// lineBlindTransfer: the far end now talks to the destination; this station's call ends.
void CallEngine::completeBlindTransfer(const PendingRequest &request, const CommandOutcome &)
{
    Call *call = request.call;
    call->transferred = true;
    setState(call, Idle);
    becameIdle(call);
}
