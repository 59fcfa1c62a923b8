// CallEngine: the life of a request, shared by every verb. A verb (engine/session/verbs/) checks its
// gate, issues a LineCommand with its completion, and the completion runs here in [D-7] order: the
// calls the request creates, then requestCompleted, then the verb's state changes.
#include "session/CallEngine.h"

#include "core/Logging.h"
#include "lines/Line.h"
#include "providers/LineProvider.h"
#include "session/Call.h"
#include "session/CallSession.h"
#include "session/verbs/VerbGate.h"

#include <QtCore/qtimer.h>

using namespace Tapi;

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

int CallEngine::checkGate(CallSession *session, const VerbGate &gate, Call **call) const
{
    *call = session ? session->call() : nullptr;
    if (!*call)
        return InvalCallHandle;
    if (gate.ownerOnly && session->privilege() != PrivilegeOwner)
        return NotOwner;
    if (gate.state) {
        if (int error = gate.state(**call))
            return error;
    }
    if (gate.available && !gate.available(**call))
        return OperationUnavail;
    if (gate.arguments) {
        if (int error = gate.arguments(**call))
            return error;
    }
    return Success;
}

int CallEngine::farEndModeOnRelease(const Call *call)
{
    if (Verbs::isOffered(*call))
        return call->mode == OfferingInactive ? 0 : DisconnectReject; // [D-9]: inactive only releases here
    if (Verbs::isPreAnswerOutbound(call->state))
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

int CallEngine::issue(RequestAction action, CallSession *issuer, Call *call, LineCommand command,
                      Completion complete, Completion beforeReply, const QString &shownNumber)
{
    PendingRequest request;
    request.id = newRequestId();
    request.action = action;
    request.issuer = issuer;
    request.call = call;
    request.complete = complete;
    request.beforeReply = beforeReply;
    request.shownNumber = shownNumber;
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

int CallEngine::issueOnLine(RequestAction action, Line *line, LineCommand command, Completion complete,
                            const QString &shownNumber)
{
    PendingRequest request;
    request.id = newRequestId();
    request.action = action;
    request.complete = complete;
    request.shownNumber = shownNumber;
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

void CallEngine::commandCompleted(int requestId, int error, const CommandOutcome &outcome)
{
    auto it = m_requests.find(requestId);
    if (it == m_requests.end()) {
        Q_EMIT errorEvent(QStringLiteral("completion for unknown request %1").arg(requestId));
        return;
    }
    PendingRequest request = std::move(*it);
    m_requests.erase(it);
    finishRequest(request, error, outcome);
}

void CallEngine::finishRequest(PendingRequest &request, int error, const CommandOutcome &outcome)
{
    Call *call = request.call;
    Call *other = request.other;
    if (call && (request.action == RequestAction::Drop || request.action == RequestAction::Reject))
        call->dropPending = false;
    if (error == Success && request.beforeReply)
        (this->*request.beforeReply)(request, outcome);
    emitCompleted(request, error);
    if (error == Success && request.complete)
        (this->*request.complete)(request, outcome);
    else if (error != Success)
        qCInfo(lcSession) << requestActionName(request.action) << "request" << request.id
                          << "failed:" << errorName(error);
    if (call) {
        --call->pendingRequests;
        maybeFreeCall(call);
    }
    if (other) {
        --other->pendingRequests;
        maybeFreeCall(other);
    }
    scheduleDetachCheck();
}

void CallEngine::emitCompleted(const PendingRequest &request, int error)
{
    if (request.replySuppressed)
        return;
    auto emitOne = [&](int id) {
        Q_EMIT requestCompleted(id, error);
        // The issuing handle hears it too while it is still valid; after terminate only the engine does.
        if (request.issuer && request.issuer->isValid())
            Q_EMIT request.issuer->requestCompleted(id, error);
    };
    emitOne(request.id);
    for (int joined : request.joinedIds)
        emitOne(joined);
}
