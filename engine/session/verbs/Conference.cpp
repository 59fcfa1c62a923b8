// setupConference, prepareAddToConference, addToConference, removeFromConference; dropping a parent is
// drop's (Drop.cpp, dropConference); the consultation call is in Consultation.cpp. docs/tapi-semantics.md 6.
#include "session/CallEngine.h"
#include "session/CallSession.h"
#include "session/verbs/VerbGate.h"

using namespace Tapi;
using namespace Verbs;

int CallEngine::setupConference(CallSession *session)
{
    Call *call = nullptr;
    const VerbGate gate {
        .state =
            [](const Call &c) {
                return c.state == Connected && !isInactive(c) && !isRelated(c) ? Success : InvalCallState;
            },
        .available =
            [](const Call &c) {
                return (c.line->capabilities().callFeatures & FeatureSetupConf)
                    && c.line->capabilities().maxConference >= 2;
            },
    };
    if (int error = checkGate(session, gate, &call))
        return error;
    LineCommand command;
    command.kind = LineCommand::SetupConference;
    command.conference = m_nextCallId++;
    command.other = m_nextCallId++;
    return issue(RequestAction::SetupConference, session, call, command, &CallEngine::completeSetupConference,
                 &CallEngine::createConference);
}

// The parent and the consult exist, with their relations, before the completion [D-7]; their states
// follow it.
void CallEngine::createConference(const PendingRequest &request, const CommandOutcome &)
{
    Call *call = request.call;
    Call *parent = newCallWithId(request.command.conference, call->line, Outbound);
    parent->isConferenceParent = true;
    Call *consult = newCallWithId(request.command.other, call->line, Outbound);
    addHandlesFor(parent);
    addHandlesFor(consult);
    parent->members.push_back(call);
    parent->lastAdded = call;
    call->confParent = parent;
    linkConsult(parent, consult, false);
    notifyConference(parent);
    for (CallSession *handle : call->handles)
        Q_EMIT handle->conferenceChanged();
}

void CallEngine::completeSetupConference(const PendingRequest &request, const CommandOutcome &)
{
    Call *call = request.call;
    Call *parent = call->confParent;
    Call *consult = parent ? parent->consult : nullptr;
    if (!parent || !consult)
        return;
    setState(parent, OnHoldPendConf);
    setState(consult, DialTone, DialToneNormal);
    setState(call, Conferenced);
}

int CallEngine::prepareAddToConference(CallSession *session)
{
    Call *call = nullptr;
    const VerbGate gate {
        .state =
            [](const Call &c) {
                if (!c.isConferenceParent)
                    return int(InvalConfCallHandle);
                return c.state == Connected && !c.consult ? int(Success) : int(InvalCallState);
            },
        .arguments =
            [](const Call &c) {
                return int(c.members.size()) >= c.line->capabilities().maxConference ? int(ConferenceFull)
                                                                                     : int(Success);
            },
    };
    if (int error = checkGate(session, gate, &call))
        return error;
    LineCommand command;
    command.kind = LineCommand::PrepareAddToConference;
    command.conference = call->id;
    command.other = m_nextCallId++;
    return issue(RequestAction::PrepareAddToConference, session, call, command,
                 &CallEngine::completePrepareAddToConference, &CallEngine::createConsult);
}

// The consult call of prepareAddToConference or setupTransfer, linked before the completion [D-7].
void CallEngine::createConsult(const PendingRequest &request, const CommandOutcome &)
{
    Call *call = request.call;
    Call *consult = newCallWithId(request.command.other, call->line, Outbound);
    addHandlesFor(consult);
    linkConsult(call, consult, request.action == RequestAction::SetupTransfer);
}

void CallEngine::completePrepareAddToConference(const PendingRequest &request, const CommandOutcome &)
{
    Call *call = request.call;
    Call *consult = call->consult;
    if (!consult)
        return;
    setState(call, OnHoldPendConf);
    setState(consult, DialTone, DialToneNormal);
}

int CallEngine::addToConference(CallSession *conference, CallSession *consultSession)
{
    Call *consult = consultSession ? consultSession->call() : nullptr;
    Call *parent = nullptr;
    const VerbGate gate {
        .state =
            [&](const Call &p) {
                if (!p.isConferenceParent)
                    return int(InvalConfCallHandle);
                if (!consult || consult->line != p.line || consult->isConferenceParent || consult->confParent)
                    return int(InvalConsultCallHandle);
                if (consultSession->privilege() != PrivilegeOwner)
                    return int(NotOwner);
                if (p.state != OnHoldPendConf && p.state != OnHold)
                    return int(InvalCallState);
                const int s = consult->state;
                return s == Connected || s == OnHold || s == Proceeding || s == Ringback
                    ? int(Success)
                    : int(InvalCallState);
            },
        .arguments =
            [](const Call &p) {
                return int(p.members.size()) >= p.line->capabilities().maxConference ? int(ConferenceFull)
                                                                                     : int(Success);
            },
    };
    if (int error = checkGate(conference, gate, &parent))
        return error;
    LineCommand command;
    command.kind = LineCommand::AddToConference;
    command.conference = parent->id;
    command.other = consult->id;
    return issue(RequestAction::AddToConference, conference, parent, command,
                 &CallEngine::completeAddToConference);
}

void CallEngine::completeAddToConference(const PendingRequest &request, const CommandOutcome &)
{
    Call *call = request.call;
    Call *consult = request.other;
    if (!consult || consult->state == Idle)
        return;
    if (call->consult == consult)
        unlinkConsult(call);
    consult->confParent = call;
    call->members.push_back(consult);
    call->lastAdded = consult;
    notifyConference(call);
    for (CallSession *handle : consult->handles)
        Q_EMIT handle->conferenceChanged();
    setState(consult, Conferenced);
    setState(call, Connected, ConnectedActive);
}

int CallEngine::removeFromConference(CallSession *session)
{
    Call *call = nullptr;
    const VerbGate gate {
        .state =
            [](const Call &c) { return c.state == Conferenced && c.confParent ? Success : InvalCallState; },
        .available =
            [](const Call &c) {
                const RemoveFromConfCaps caps = c.line->capabilities().removeFromConfCaps;
                return caps == RemoveAny || (caps == RemoveLast && c.confParent->lastAdded == &c);
            },
    };
    if (int error = checkGate(session, gate, &call))
        return error;
    LineCommand command;
    command.kind = LineCommand::RemoveFromConference;
    command.conference = call->confParent->id;
    return issue(RequestAction::RemoveFromConference, session, call, command,
                 &CallEngine::completeRemoveFromConference);
}

void CallEngine::completeRemoveFromConference(const PendingRequest &request, const CommandOutcome &)
{
    Call *call = request.call;
    Call *parent = call->confParent;
    if (!parent)
        return;
    const CallState removeState = call->line->capabilities().removeFromConfState;
    std::erase(parent->members, call);
    if (parent->lastAdded == call)
        parent->lastAdded = nullptr;
    call->confParent = nullptr;
    notifyConference(parent);
    for (CallSession *handle : call->handles)
        Q_EMIT handle->conferenceChanged();
    setState(call, removeState, removeState == Connected ? ConnectedActive : 0);
    if (removeState == Idle)
        becameIdle(call);
    collapseIfNeeded(parent);
}

// ---- the conference as parties leave it ------------------------------------------------------

void CallEngine::removeMember(Call *member)
{
    Call *parent = member->confParent;
    std::erase(parent->members, member);
    if (parent->lastAdded == member)
        parent->lastAdded = nullptr;
    member->confParent = nullptr;
    notifyConference(parent);
    notifyConference(member); // its conferenceParent changed too
    refreshFeatures(member);
    collapseIfNeeded(parent);
}

void CallEngine::collapseIfNeeded(Call *parent)
{
    if (parent->consult || parent->state == Idle)
        return; // still being set up: wait for the consult
    if (parent->members.size() >= 2)
        return;
    Call *survivor = parent->members.empty() ? nullptr : parent->members.front();
    if (survivor) {
        parent->members.clear();
        parent->lastAdded = nullptr;
        survivor->confParent = nullptr;
        notifyConference(parent);
        notifyConference(survivor); // no longer "in conference": lists and names follow
    }
    setState(parent, Idle);
    if (survivor) {
        const CallState removeState = parent->line->capabilities().removeFromConfState;
        const int target = removeState != Idle ? removeState : Connected;
        setState(survivor, target, target == Connected ? ConnectedActive : 0);
        if (target == Idle)
            becameIdle(survivor);
    }
}

void CallEngine::notifyConference(Call *call)
{
    if (call->closed)
        return;
    for (CallSession *handle : call->handles) {
        Q_EMIT handle->conferenceChanged();
    }
    if (call->isConferenceParent && !call->handles.empty())
        Q_EMIT conferenceMembershipChanged(call->handles.front());
}
