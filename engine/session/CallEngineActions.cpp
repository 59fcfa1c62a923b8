// CallEngine: validation and issuing of the session actions. Validation follows [D-5]:
// INVALCALLHANDLE -> NOTOWNER -> INVALCALLSTATE -> OPERATIONUNAVAIL -> USERUSERINFOTOOBIG, synchronously.
#include "session/CallEngine.h"

#include "core/Logging.h"
#include "lines/DialString.h"
#include "lines/Line.h"
#include "providers/LineProvider.h"
#include "session/Call.h"
#include "session/CallSession.h"

#include <QtCore/qregularexpression.h>
#include <QtCore/qtimer.h>

using namespace Tapi;

namespace {
bool isOffered(const Call *call)
{
    return call->state == Offering || call->state == Accepted;
}

bool isPreAnswerOutbound(int state)
{
    return state == DialTone || state == Dialing || state == Proceeding || state == Ringback || state == Busy
        || state == SpecialInfo;
}

// [D-10]: a zero limit refuses any UUI unless the compatibility flag passes it through (discarded).
int checkUuiSize(const QByteArray &uui, int limit, bool zeroLimitCompat, QByteArray *accepted)
{
    *accepted = uui;
    if (uui.isEmpty())
        return Success;
    if (limit == 0) {
        if (!zeroLimitCompat)
            return UserUserInfoTooBig;
        accepted->clear();
        return Success;
    }
    return uui.size() > limit ? UserUserInfoTooBig : Success;
}

bool isMonitoredAddress(const Call *call)
{
    return call->line->capabilities().addressSharing == SharingMonitored;
}
} // namespace

const char *requestActionName(RequestAction action)
{
    switch (action) {
    case RequestAction::Drop:
        return "drop";
    case RequestAction::Reject:
        return "reject";
    case RequestAction::Answer:
        return "answer";
    case RequestAction::Hold:
        return "hold";
    case RequestAction::Unhold:
        return "unhold";
    case RequestAction::Dial:
        return "dial";
    case RequestAction::SetupConference:
        return "setupConference";
    case RequestAction::PrepareAddToConference:
        return "prepareAddToConference";
    case RequestAction::AddToConference:
        return "addToConference";
    case RequestAction::RemoveFromConference:
        return "removeFromConference";
    case RequestAction::SetupTransfer:
        return "setupTransfer";
    case RequestAction::CompleteTransfer:
        return "completeTransfer";
    case RequestAction::BlindTransfer:
        return "blindTransfer";
    case RequestAction::SendUserUserInfo:
        return "sendUserUserInfo";
    case RequestAction::ReleaseUserUserInfo:
        return "releaseUserUserInfo";
    case RequestAction::MakeCall:
        return "makeCall";
    }
    return "?";
}

int CallEngine::farEndModeOnRelease(const Call *call)
{
    if (isOffered(call))
        return call->mode == OfferingInactive ? 0 : DisconnectReject; // [D-9]: inactive only releases here
    if (isPreAnswerOutbound(call->state))
        return call->line->capabilities().apiLegacy ? DisconnectNormal : DisconnectCancelled; // [D-14]
    if (call->state == Disconnected)
        return 0; // the far end is already gone
    return DisconnectNormal;
}

int CallEngine::modeForApi(const Call *call, int state, int mode)
{
    if (!call->line->capabilities().apiLegacy)
        return mode;
    if (state == Disconnected) {
        if (mode == DisconnectCancelled)
            return DisconnectNormal; // as [D-14]
        return mode >= DisconnectNumberChanged ? int(DisconnectUnknown) : mode;
    }
    if (state == Connected) {
        int legacy = mode & (ConnectedActive | ConnectedInactive);
        if (mode & ConnectedActiveHeld)
            legacy |= ConnectedActive;
        if (mode & ConnectedInactiveHeld)
            legacy |= ConnectedInactive;
        if ((legacy & ConnectedInactive) && (legacy & ConnectedActive))
            legacy = ConnectedInactive;
        return legacy ? legacy : int(ConnectedActive); // CONFIRMED alone: ACTIVE
    }
    return mode;
}

int CallEngine::newRequestId()
{
    const int id = m_nextRequestId;
    m_nextRequestId = m_nextRequestId == 0x7fffffff ? 1 : m_nextRequestId + 1; // ids stay positive [ERR]
    return id;
}

int CallEngine::issue(RequestAction action, CallSession *issuer, Call *call, LineCommand command)
{
    PendingRequest request;
    request.id = newRequestId();
    request.action = action;
    request.issuer = issuer;
    request.call = call;
    command.requestId = request.id;
    command.lineId = call->line->lineId();
    if (command.call == 0)
        command.call = call->id;
    ++call->pendingRequests;
    if (action == RequestAction::Answer || action == RequestAction::AddToConference
        || action == RequestAction::CompleteTransfer) {
        if (Call *other = findCall(command.other)) {
            request.other = other;
            ++other->pendingRequests;
        }
    }
    request.command = command;
    const int id = request.id;
    m_requests.insert(id, request);
    Q_EMIT requestIssued(id, QString::fromLatin1(requestActionName(action)),
                         issuer ? issuer->sessionId() : 0);
    if (action == RequestAction::ReleaseUserUserInfo) {
        completeLocally(id, Success);
    } else if (LineProvider *provider = call->line->provider()) {
        provider->execute(command);
    } else {
        completeLocally(id, OperationFailed);
    }
    return id;
}

int CallEngine::issueOnLine(RequestAction action, Line *line, LineCommand command)
{
    PendingRequest request;
    request.id = newRequestId();
    request.action = action;
    command.requestId = request.id;
    command.lineId = line->lineId();
    request.command = command;
    request.line = line;
    const int id = request.id;
    m_requests.insert(id, request);
    Q_EMIT requestIssued(id, QString::fromLatin1(requestActionName(action)), 0);
    line->provider()->execute(command);
    return id;
}

// Engine-local requests complete on the next turn of the event loop, never inside the call.
void CallEngine::completeLocally(int requestId, int error)
{
    m_localCompletions.emplace_back(requestId, error);
    if (m_localCompletionQueued)
        return;
    m_localCompletionQueued = true;
    QTimer::singleShot(0, this, [this] {
        m_localCompletionQueued = false;
        auto completions = std::move(m_localCompletions);
        m_localCompletions.clear();
        for (auto [id, error] : completions)
            commandCompleted(id, error, {});
    });
}

int CallEngine::drop(CallSession *session, const QByteArray &uui)
{
    int error = Success;
    Call *call = checkedCall(session, &error);
    if (!call)
        return error;
    if (session->privilege() != PrivilegeOwner)
        return NotOwner;
    if (call->state == Idle || call->state == NoState)
        return InvalCallState;
    const LineCapabilities &caps = call->line->capabilities();
    const bool offered = isOffered(call);
    const bool inactiveOffer = offered && call->mode == OfferingInactive;
    if (isMonitoredAddress(call) || !(caps.callFeatures & FeatureDrop))
        return OperationUnavail;
    if (offered && !caps.canReject && !inactiveOffer)
        return OperationUnavail;
    QByteArray accepted;
    if (int sizeError = checkUuiSize(uui, caps.uuiDropSize, caps.uuiZeroLimitCompat, &accepted))
        return sizeError;

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
        command.clearParties = caps.confDrop;
        for (const Call *member : call->members)
            command.members.append(member->id);
        command.other = call->consult ? call->consult->id : 0;
    } else {
        command.kind = LineCommand::Release;
        command.uui = accepted;
        command.farEndMode = farEndModeOnRelease(call);
    }
    call->dropPending = true;
    return issue(offered ? RequestAction::Reject : RequestAction::Drop, session, call, command);
}

int CallEngine::reject(CallSession *session)
{
    int error = Success;
    Call *call = checkedCall(session, &error);
    if (!call)
        return error;
    if (session->privilege() != PrivilegeOwner)
        return NotOwner;
    if (!isOffered(call))
        return InvalCallState; // [D-12]
    return drop(session, QByteArray());
}

int CallEngine::answer(CallSession *session)
{
    int error = Success;
    Call *call = checkedCall(session, &error);
    if (!call)
        return error;
    if (session->privilege() != PrivilegeOwner)
        return NotOwner;
    const bool rejoin = call->state == Connected && (call->mode & ConnectedInactive);
    if (!isOffered(call) && !rejoin)
        return InvalCallState;
    const LineCapabilities &caps = call->line->capabilities();
    if (isMonitoredAddress(call) || !(caps.callFeatures & FeatureAnswer))
        return OperationUnavail;
    LineCommand command;
    command.kind = LineCommand::Answer;
    command.otherAction = caps.answerMode;
    if (!rejoin && (caps.answerMode == AnswerDrop || caps.answerMode == AnswerHold)) {
        // [ANS]: answering a second call drops or holds the active one on the same line.
        for (auto &[id, other] : m_calls) {
            if (other.get() != call && other->line == call->line && other->state == Connected
                && !(other->mode & ConnectedInactive) && !other->isConferenceParent && !other->closed) {
                command.other = other->id;
                break;
            }
        }
    }
    return issue(RequestAction::Answer, session, call, command);
}

int CallEngine::terminate(CallSession *session)
{
    int error = Success;
    Call *call = checkedCall(session, &error);
    if (!call)
        return error;
    const bool owner = session->privilege() == PrivilegeOwner;
    const bool live = call->state != Idle && call->state != NoState;
    if (owner && live && call->numOwners() == 1 && call->line->capabilities().apiLegacy)
        return InvalCallState; // [DEA]: API < 2.0, a sole owner must drop first
    if (call->line->capabilities().apiLegacy) {
        // [DEA]: for API < 2.0 deallocating suppresses the outstanding replies of that handle.
        for (PendingRequest &request : m_requests) {
            if (request.issuer == session)
                request.replySuppressed = true;
        }
    }
    freeHandle(session);
    return Success;
}

int CallEngine::hold(CallSession *session)
{
    int error = Success;
    Call *call = checkedCall(session, &error);
    if (!call)
        return error;
    if (session->privilege() != PrivilegeOwner)
        return NotOwner;
    if (call->state != Connected)
        return InvalCallState;
    if ((call->mode & ConnectedInactive) || isMonitoredAddress(call)
        || !(call->line->capabilities().callFeatures & FeatureHold))
        return OperationUnavail; // no hold while others participate [LD]
    LineCommand command;
    command.kind = LineCommand::Hold;
    return issue(RequestAction::Hold, session, call, command);
}

int CallEngine::unhold(CallSession *session)
{
    int error = Success;
    Call *call = checkedCall(session, &error);
    if (!call)
        return error;
    if (session->privilege() != PrivilegeOwner)
        return NotOwner;
    const bool conferenceSetup = call->state == Conferenced && call->confParent
        && call->confParent->state == OnHoldPendConf && call->confParent->members.size() == 1;
    if (call->state != OnHold && call->state != OnHoldPendTransfer && !conferenceSetup)
        return InvalCallState;
    LineCommand command;
    command.kind = LineCommand::Unhold;
    if (call->state == OnHoldPendTransfer && call->consult)
        command.other = call->consult->id;
    if (conferenceSetup) {
        command.conference = call->confParent->id;
        command.other = call->confParent->consult ? call->confParent->consult->id : 0;
    }
    return issue(RequestAction::Unhold, session, call, command);
}

int CallEngine::dial(CallSession *session, const QString &digits)
{
    int error = Success;
    Call *call = checkedCall(session, &error);
    if (!call)
        return error;
    if (session->privilege() != PrivilegeOwner)
        return NotOwner;
    if (call->state != DialTone && call->state != Dialing && call->state != Proceeding
        && call->state != Connected)
        return InvalCallState;
    // Formatting as the UI shows numbers (spaces, dots, dashes, brackets) is not dialled.
    static const QRegularExpression formatting(QStringLiteral("[\\s.()/-]"));
    static const QRegularExpression dialable(QStringLiteral("^[0-9A-Da-d*#+,!WwPpTt@$]*$"));
    const QString stripped = QString(digits).remove(formatting);
    if (stripped.isEmpty() || !dialable.match(stripped).hasMatch())
        return InvalAddress;
    LineCommand command;
    command.kind = LineCommand::Dial;
    command.digits = stripped;
    return issue(RequestAction::Dial, session, call, command);
}

int CallEngine::setupConference(CallSession *session)
{
    int error = Success;
    Call *call = checkedCall(session, &error);
    if (!call)
        return error;
    if (session->privilege() != PrivilegeOwner)
        return NotOwner;
    if (call->state != Connected || (call->mode & ConnectedInactive) || call->confParent
        || call->isConferenceParent || call->consult || call->consultFor)
        return InvalCallState;
    const LineCapabilities &caps = call->line->capabilities();
    if (!(caps.callFeatures & FeatureSetupConf) || caps.maxConference < 2)
        return OperationUnavail;
    LineCommand command;
    command.kind = LineCommand::SetupConference;
    command.conference = m_nextCallId++;
    command.other = m_nextCallId++;
    return issue(RequestAction::SetupConference, session, call, command);
}

int CallEngine::prepareAddToConference(CallSession *session)
{
    int error = Success;
    Call *call = checkedCall(session, &error);
    if (!call)
        return error;
    if (session->privilege() != PrivilegeOwner)
        return NotOwner;
    if (!call->isConferenceParent)
        return InvalConfCallHandle;
    if (call->state != Connected || call->consult)
        return InvalCallState;
    if (int(call->members.size()) >= call->line->capabilities().maxConference)
        return ConferenceFull;
    LineCommand command;
    command.kind = LineCommand::PrepareAddToConference;
    command.conference = call->id;
    command.other = m_nextCallId++;
    return issue(RequestAction::PrepareAddToConference, session, call, command);
}

int CallEngine::addToConference(CallSession *conference, CallSession *consultSession)
{
    int error = Success;
    Call *parent = checkedCall(conference, &error);
    if (!parent)
        return error;
    if (conference->privilege() != PrivilegeOwner)
        return NotOwner;
    if (!parent->isConferenceParent)
        return InvalConfCallHandle;
    Call *consult = consultSession ? consultSession->call() : nullptr;
    if (!consult || consult->line != parent->line || consult->isConferenceParent || consult->confParent)
        return InvalConsultCallHandle;
    if (consultSession->privilege() != PrivilegeOwner)
        return NotOwner;
    if (parent->state != OnHoldPendConf && parent->state != OnHold)
        return InvalCallState;
    if (consult->state != Connected && consult->state != OnHold && consult->state != Proceeding
        && consult->state != Ringback)
        return InvalCallState;
    if (int(parent->members.size()) >= parent->line->capabilities().maxConference)
        return ConferenceFull;
    LineCommand command;
    command.kind = LineCommand::AddToConference;
    command.conference = parent->id;
    command.other = consult->id;
    return issue(RequestAction::AddToConference, conference, parent, command);
}

int CallEngine::removeFromConference(CallSession *session)
{
    int error = Success;
    Call *call = checkedCall(session, &error);
    if (!call)
        return error;
    if (session->privilege() != PrivilegeOwner)
        return NotOwner;
    if (call->state != Conferenced || !call->confParent)
        return InvalCallState;
    const LineCapabilities &caps = call->line->capabilities();
    if (caps.removeFromConfCaps == RemoveNone
        || (caps.removeFromConfCaps == RemoveLast && call->confParent->lastAdded != call))
        return OperationUnavail;
    LineCommand command;
    command.kind = LineCommand::RemoveFromConference;
    command.conference = call->confParent->id;
    return issue(RequestAction::RemoveFromConference, session, call, command);
}

int CallEngine::setupTransfer(CallSession *session)
{
    int error = Success;
    Call *call = checkedCall(session, &error);
    if (!call)
        return error;
    if (session->privilege() != PrivilegeOwner)
        return NotOwner;
    if (call->state != Connected || (call->mode & ConnectedInactive) || call->confParent
        || call->isConferenceParent || call->consult || call->consultFor)
        return InvalCallState;
    if (!(call->line->capabilities().callFeatures & FeatureSetupTransfer))
        return OperationUnavail;
    LineCommand command;
    command.kind = LineCommand::SetupTransfer;
    command.other = m_nextCallId++;
    return issue(RequestAction::SetupTransfer, session, call, command);
}

int CallEngine::completeTransfer(CallSession *session, CallSession *consultSession)
{
    int error = Success;
    Call *call = checkedCall(session, &error);
    if (!call)
        return error;
    if (session->privilege() != PrivilegeOwner)
        return NotOwner;
    Call *consult = consultSession ? consultSession->call() : nullptr;
    if (!consult || consult == call || consult->line != call->line)
        return InvalConsultCallHandle;
    if (call->state != OnHoldPendTransfer)
        return InvalCallState;
    if (consult->state != Connected && consult->state != Ringback && consult->state != Proceeding)
        return InvalCallState;
    LineCommand command;
    command.kind = LineCommand::CompleteTransfer;
    command.other = consult->id;
    return issue(RequestAction::CompleteTransfer, session, call, command);
}

int CallEngine::blindTransfer(CallSession *session, const QString &destination)
{
    int error = Success;
    Call *call = checkedCall(session, &error);
    if (!call)
        return error;
    if (session->privilege() != PrivilegeOwner)
        return NotOwner;
    if ((call->state != Connected && call->state != OnHold) || (call->mode & ConnectedInactive)
        || call->confParent || call->isConferenceParent || call->consult || call->consultFor)
        return InvalCallState;
    if (isMonitoredAddress(call) || !(call->line->capabilities().callFeatures & FeatureBlindTransfer))
        return OperationUnavail;
    const QString number = DialString::normalized(destination);
    if (number.isEmpty())
        return InvalAddress;
    LineCommand command;
    command.kind = LineCommand::BlindTransfer;
    command.digits = number;
    return issue(RequestAction::BlindTransfer, session, call, command);
}

int CallEngine::sendUserUserInfo(CallSession *session, const QByteArray &uui)
{
    int error = Success;
    Call *call = checkedCall(session, &error);
    if (!call)
        return error;
    if (session->privilege() != PrivilegeOwner)
        return NotOwner;
    if (call->state != Connected && call->state != Offering && call->state != Accepted
        && call->state != Ringback)
        return InvalCallState; // [SUUI]
    const LineCapabilities &caps = call->line->capabilities();
    if (isMonitoredAddress(call) || !(caps.callFeatures & FeatureSendUserUser))
        return OperationUnavail;
    if (uui.isEmpty())
        return InvalPointer;
    QByteArray accepted;
    if (int sizeError = checkUuiSize(uui, caps.uuiSendSize, caps.uuiZeroLimitCompat, &accepted))
        return sizeError;
    LineCommand command;
    command.kind = LineCommand::SendUserUserInfo;
    command.uui = accepted;
    return issue(RequestAction::SendUserUserInfo, session, call, command);
}

int CallEngine::releaseUserUserInfo(CallSession *session)
{
    int error = Success;
    Call *call = checkedCall(session, &error);
    if (!call)
        return error;
    if (session->privilege() != PrivilegeOwner)
        return NotOwner; // [RUUI]: owner only, any state
    if (call->receivedUui.empty())
        return OperationUnavail;
    LineCommand command;
    return issue(RequestAction::ReleaseUserUserInfo, session, call, command);
}

int CallEngine::disconnect3(CallSession *session, int code)
{
    int error = Success;
    Call *call = checkedCall(session, &error);
    if (!call)
        return SFalse; // [T3D]: no handle
    if (call->state == NoState)
        return SFalse; // CS_IDLE: never connected
    const int result =
        (code == DcRejected && isOffered(call)) ? reject(session) : drop(session, QByteArray());
    return result > 0 ? SOk : result;
}

CallSession *CallEngine::openHandle(CallSession *session, int privilege)
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
        Q_EMIT sessionStateChanged(handle, call->state, call->state, mode, privilegeParam);
    refreshFeatures(call);
    return handle;
}
