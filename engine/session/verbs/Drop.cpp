// drop (lineDrop), reject and TAPI 3's Disconnect: docs/tapi-semantics.md sections 1, 4 and 9.
#include "session/CallEngine.h"
#include "session/CallSession.h"
#include "session/verbs/VerbGate.h"

using namespace Tapi;
using namespace Verbs;

int CallEngine::drop(CallSession *session, const QByteArray &uui)
{
    const LineCapabilities *caps = nullptr;
    QByteArray accepted;
    Call *call = nullptr;
    const VerbGate gate {
        .state = [](const Call &c) { return isLive(c) ? Success : InvalCallState; },
        .available =
            [&caps](const Call &c) {
                caps = &c.line->capabilities();
                if (!hasFeature(c, FeatureDrop))
                    return false;
                // Refusing an alerting offer needs a network that can; an inactive offer only leaves here.
                return !isOffered(c) || caps->canReject || c.mode == OfferingInactive;
            },
        .arguments =
            [&](const Call &) {
                return checkUuiSize(uui, caps->uuiDropSize, caps->uuiZeroLimitCompat, &accepted);
            },
    };
    if (int error = checkGate(session, gate, &call))
        return error;

    if (call->dropPending) {
        // [D-6]: a second drop while one is pending succeeds and is answered with the first.
        for (PendingRequest &pending : m_requests) {
            if (pending.call == call
                && (pending.action == RequestAction::Drop || pending.action == RequestAction::Reject)) {
                const int id = newRequestId();
                pending.joinedIds.append(id);
                Q_EMIT requestIssued(id, QStringLiteral("drop"), session->sessionId());
                return id;
            }
        }
    }

    LineCommand command;
    if (call->isConferenceParent) {
        command.kind = LineCommand::ReleaseConference;
        command.clearParties = caps->confDrop;
        for (const Call *member : call->members)
            command.members.append(member->id);
        command.other = call->consult ? call->consult->id : 0;
    } else {
        command.kind = LineCommand::Release;
        command.uui = accepted;
        command.farEndMode = farEndModeOnRelease(call);
    }
    call->dropPending = true;
    const bool offered = isOffered(*call);
    return issue(offered ? RequestAction::Reject : RequestAction::Drop, session, call, command,
                 &CallEngine::completeDrop);
}

int CallEngine::reject(CallSession *session)
{
    Call *call = nullptr;
    const VerbGate gate {.state = [](const Call &c) {
        return isOffered(c) ? Success : InvalCallState;
    }}; // [D-12]
    if (int error = checkGate(session, gate, &call))
        return error;
    return drop(session, QByteArray());
}

int CallEngine::disconnect3(CallSession *session, int code)
{
    Call *call = session ? session->call() : nullptr;
    if (!call || call->state == NoState)
        return SFalse; // [T3D]: no handle, or CS_IDLE (never connected)
    const int result =
        (code == DcRejected && isOffered(*call)) ? reject(session) : drop(session, QByteArray());
    return result > 0 ? SOk : result;
}

void CallEngine::completeDrop(const PendingRequest &request, const CommandOutcome &outcome)
{
    Call *call = request.call;
    if (call->state == Idle)
        return;
    if (call->isConferenceParent) {
        dropConference(call, request.command.clearParties);
        return;
    }
    if (request.action == RequestAction::Reject)
        call->rejected = true;
    noteSentUui(call, request.command.uui);
    if (call->state == Connected && outcome.activeElsewhere && call->line->capabilities().isBridged()) {
        // [LD][CM]: the call stays up at other stations; this one goes inactive.
        call->droppedAt = nowMs();
        setState(call, Connected, ConnectedInactive);
        return;
    }
    setState(call, Idle);
    becameIdle(call);
}

void CallEngine::dropConference(Call *parent, bool clearParties)
{
    Q_UNUSED(clearParties); // [D-8]: locally every party goes IDLE either way; the provider keeps peers up
    // TSP++ ConfTest order: the pending consult, then every member, then the parent.
    if (Call *consult = parent->consult) {
        unlinkConsult(parent);
        setState(consult, Idle);
    }
    const std::vector<Call *> members = parent->members;
    parent->members.clear();
    parent->lastAdded = nullptr;
    for (Call *member : members) {
        member->confParent = nullptr;
        setState(member, Idle);
        becameIdle(member);
    }
    notifyConference(parent);
    setState(parent, Idle);
}
