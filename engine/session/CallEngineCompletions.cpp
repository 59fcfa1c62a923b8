// CallEngine: request completions and the state changes they cause. [D-7]: the completion is
// emitted first, then one state signal for every affected session.
#include "session/CallEngine.h"

#include "core/Logging.h"
#include "lines/Line.h"
#include "session/Call.h"
#include "session/CallSession.h"

using namespace Tapi;

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
    if (error == Success)
        createConsultCalls(request);
    emitCompleted(request, error);
    if (error == Success)
        applyCompletion(request, outcome);
    else
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

void CallEngine::createConsultCalls(const PendingRequest &request)
{
    Call *call = request.call;
    const LineCommand &command = request.command;
    switch (request.action) {
    case RequestAction::SetupConference: {
        Call *parent = newCallWithId(command.conference, call->line, Outbound);
        parent->isConferenceParent = true;
        Call *consult = newCallWithId(command.other, call->line, Outbound);
        addHandlesFor(parent);
        addHandlesFor(consult);
        parent->members.push_back(call);
        parent->lastAdded = call;
        call->confParent = parent;
        linkConsult(parent, consult, false);
        notifyConference(parent);
        for (CallSession *handle : call->handles)
            Q_EMIT handle->conferenceChanged();
        return;
    }
    case RequestAction::PrepareAddToConference: {
        Call *consult = newCallWithId(command.other, call->line, Outbound);
        addHandlesFor(consult);
        linkConsult(call, consult, false);
        return;
    }
    case RequestAction::SetupTransfer: {
        Call *consult = newCallWithId(command.other, call->line, Outbound);
        addHandlesFor(consult);
        linkConsult(call, consult, true);
        return;
    }
    default:
        return;
    }
}

void CallEngine::applyCompletion(const PendingRequest &request, const CommandOutcome &outcome)
{
    Call *call = request.call;
    const LineCommand &command = request.command;
    switch (request.action) {
    case RequestAction::Drop:
    case RequestAction::Reject: {
        if (call->state == Idle)
            return;
        if (call->isConferenceParent) {
            dropConference(call, command.clearParties);
            return;
        }
        if (request.action == RequestAction::Reject)
            call->rejected = true;
        if (!command.uui.isEmpty()) {
            call->sentUui = command.uui;
            for (CallSession *handle : call->handles)
                Q_EMIT handle->userUserInfoChanged();
        }
        if (call->state == Connected && outcome.activeElsewhere && call->line->capabilities().isBridged()) {
            // [LD][CM]: the call stays up at other stations; this one goes inactive.
            call->droppedAt = nowMs();
            setState(call, Connected, ConnectedInactive);
            return;
        }
        setState(call, Idle);
        becameIdle(call);
        return;
    }
    case RequestAction::Answer: {
        if (Call *victim = request.other; victim && victim->state == Connected) {
            if (command.otherAction == AnswerDrop) {
                setState(victim, Idle);
                becameIdle(victim);
            } else if (command.otherAction == AnswerHold) {
                setState(victim, OnHold);
            }
        }
        setState(call, Connected, ConnectedActive);
        return;
    }
    case RequestAction::Hold:
        setState(call, OnHold);
        return;
    case RequestAction::Unhold: {
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
        return;
    }
    case RequestAction::Dial:
        if (call->state == DialTone) {
            // The dialled number is the remote party's from dialling on (lists, history, supervisor), as
            // the agent wrote it.
            call->remoteNumber += request.shownNumber.isEmpty() ? command.digits : request.shownNumber;
            call->calledNumber = call->remoteNumber;
            if (!call->closed) {
                for (CallSession *handle : call->handles)
                    Q_EMIT handle->callInfoChanged(InfoCalledId);
            }
        }
        if (call->state == DialTone)
            setState(call, Dialing);
        return;
    case RequestAction::SetupConference: {
        Call *parent = call->confParent;
        Call *consult = parent ? parent->consult : nullptr;
        if (!parent || !consult)
            return;
        setState(parent, OnHoldPendConf);
        setState(consult, DialTone, DialToneNormal);
        setState(call, Conferenced);
        return;
    }
    case RequestAction::PrepareAddToConference: {
        Call *consult = call->consult;
        if (!consult)
            return;
        setState(call, OnHoldPendConf);
        setState(consult, DialTone, DialToneNormal);
        return;
    }
    case RequestAction::AddToConference: {
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
        return;
    }
    case RequestAction::RemoveFromConference: {
        Call *parent = call->confParent;
        if (!parent)
            return;
        const int removeState = call->line->capabilities().removeFromConfState;
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
        return;
    }
    case RequestAction::SetupTransfer: {
        Call *consult = call->consult;
        if (!consult)
            return;
        setState(call, OnHoldPendTransfer);
        setState(consult, DialTone, DialToneNormal);
        return;
    }
    case RequestAction::CompleteTransfer: {
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
        return;
    }
    case RequestAction::BlindTransfer:
        // lineBlindTransfer: the far end now talks to the destination; this station's call ends.
        call->transferred = true;
        setState(call, Idle);
        becameIdle(call);
        return;
    case RequestAction::SendUserUserInfo:
        call->sentUui = command.uui;
        for (CallSession *handle : call->handles)
            Q_EMIT handle->userUserInfoChanged();
        return;
    case RequestAction::ReleaseUserUserInfo: {
        if (call->receivedUui.empty())
            return;
        call->receivedUui.pop_front();
        // [TSP++]: while more remain, USERUSERINFO is raised again for the next one.
        for (CallSession *handle : call->handles) {
            Q_EMIT handle->userUserInfoChanged();
            if (!call->receivedUui.empty()) {
                Q_EMIT handle->callInfoChanged(InfoUserUserInfo);
                Q_EMIT userUserInfoDelivered(handle, call->receivedUui.front());
            }
        }
        refreshFeatures(call);
        return;
    }
    case RequestAction::MakeCall: {
        Line *line = request.line;
        if (!line || !line->isOpen())
            return;
        Call *created = call ? call : newCallWithId(command.call, line, Outbound);
        created->remoteNumber = request.shownNumber.isEmpty() ? command.digits : request.shownNumber;
        created->calledNumber = created->remoteNumber;
        if (created->handles.empty())
            addHandlesFor(created);
        setState(created, DialTone, DialToneNormal);
        return;
    }
    }
}

int CallEngine::featuresFor(const CallSession *session) const
{
    const Call *call = session->call();
    if (!call || session->privilege() != PrivilegeOwner)
        return 0;
    const LineCapabilities &caps = call->line->capabilities();
    if (caps.addressSharing == SharingMonitored)
        return 0;
    int features = 0;
    switch (call->state) {
    case Offering:
    case Accepted:
        features |= FeatureAnswer | FeatureSendUserUser;
        if (caps.canReject || call->mode == OfferingInactive)
            features |= FeatureDrop | FeatureReject;
        break;
    case DialTone:
    case Dialing:
    case Proceeding:
        features |= FeatureDrop | FeatureDial;
        break;
    case Ringback:
        features |= FeatureDrop | FeatureSendUserUser;
        break;
    case Busy:
    case SpecialInfo:
    case Disconnected:
    case Unknown:
        features |= FeatureDrop;
        break;
    case Connected:
        if (call->mode & ConnectedInactive) {
            features |= FeatureAnswer | FeatureDrop;
            break;
        }
        features |=
            FeatureDrop | FeatureSendUserUser | FeatureGenerateDigits | FeatureMonitorDigits | FeatureDial;
        if (call->isConferenceParent) {
            features |= FeatureHold;
            if (int(call->members.size()) < caps.maxConference && !call->consult)
                features |= FeaturePrepareAddConf;
        } else if (!call->consultFor && !call->consult) {
            features |= FeatureHold | FeatureSetupConf | FeatureSetupTransfer | FeatureBlindTransfer;
        } else {
            features |= FeatureHold;
        }
        break;
    case OnHold:
        features |= FeatureDrop | FeatureUnhold;
        if (call->isConferenceParent)
            features |= FeatureAddToConf;
        else if (!call->confParent && !call->consult && !call->consultFor)
            features |= FeatureBlindTransfer;
        break;
    case OnHoldPendConf:
        features |= FeatureDrop;
        if (call->consult
            && (call->consult->state == Connected || call->consult->state == Ringback
                || call->consult->state == Proceeding || call->consult->state == OnHold))
            features |= FeatureAddToConf;
        break;
    case OnHoldPendTransfer:
        features |= FeatureDrop | FeatureUnhold;
        if (call->consult
            && (call->consult->state == Connected || call->consult->state == Ringback
                || call->consult->state == Proceeding))
            features |= FeatureCompleteTransfer;
        break;
    case Conferenced:
        features |= FeatureDrop;
        if (call->confParent) {
            if (caps.removeFromConfCaps == RemoveAny
                || (caps.removeFromConfCaps == RemoveLast && call->confParent->lastAdded == call))
                features |= FeatureRemoveFromConf;
            if (call->confParent->state == OnHoldPendConf && call->confParent->members.size() == 1)
                features |= FeatureUnhold;
        }
        break;
    default:
        break;
    }
    if (!call->receivedUui.empty())
        features |= FeatureReleaseUserUserInfo;
    int allowed = caps.callFeatures;
    if (!(allowed & FeatureDrop))
        allowed &= ~FeatureReject;
    return features & allowed;
}
