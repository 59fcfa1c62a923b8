// What providers report: lines coming and going, calls offered or originated elsewhere, state and
// disconnect reports, UUI, digits and the voice path. The verbs the agent starts are in verbs/.
#include "session/CallEngine.h"

#include "core/Logging.h"
#include "lines/Line.h"
#include "providers/LineAudioEndpoint.h"
#include "providers/LineProvider.h"
#include "session/Call.h"
#include "session/CallSession.h"

using namespace Tapi;

namespace {

bool isSingleState(int state)
{
    return state > 0 && state <= Unknown && (state & (state - 1)) == 0;
}
} // namespace

// ---- lines -------------------------------------------------------------------------------

void CallEngine::lineAdded(LineProvider *provider, const LineDescriptor &descriptor)
{
    if (descriptor.id.isEmpty() || m_lines.contains(descriptor.id)) {
        Q_EMIT errorEvent(QStringLiteral("provider %1 announced a line with an empty or duplicate id '%2'")
                              .arg(provider->providerId(), descriptor.id));
        return;
    }
    auto *line =
        new Line(this, provider, descriptor.id, descriptor.name, descriptor.address, descriptor.caps, this);
    line->setHandlePrivileges(descriptor.handlePrivileges.isEmpty() ? QList<int> {PrivilegeOwner}
                                                                    : descriptor.handlePrivileges);
    line->setExternalOwners(descriptor.externalOwners);
    line->setServiceState(descriptor.inService, descriptor.outOfServiceReason);
    m_lines.insert(descriptor.id, line);
    m_lineList.append(line);
    qCInfo(lcLine) << "line" << descriptor.id << "added by" << provider->providerId();
    Q_EMIT lineAddedSignal(line);
    Q_EMIT linesChanged();
}

void CallEngine::lineStatusChanged(const QString &lineId, bool inService, const QString &reason)
{
    if (Line *line = m_lines.value(lineId)) {
        if (!inService)
            qCWarning(lcLine) << "line" << lineId << "out of service:" << reason;
        line->setServiceState(inService, reason);
    }
}

void CallEngine::lineClosed(const QString &lineId)
{
    if (Line *line = m_lines.value(lineId))
        closeLine(line);
}

void CallEngine::addressStatusChanged(const QString &lineId, bool inUse)
{
    if (Line *line = m_lines.value(lineId))
        line->setAddressInUse(inUse);
}

void CallEngine::addressRingingChanged(const QString &lineId, bool ringing)
{
    if (Line *line = m_lines.value(lineId))
        line->setAddressRinging(ringing);
}

void CallEngine::closeLine(Line *line)
{
    if (!line->isOpen())
        return;
    std::vector<Call *> calls;
    for (auto &[id, call] : m_calls) {
        if (call->line == line)
            calls.push_back(call.get());
    }
    std::sort(calls.begin(), calls.end(), [](Call *a, Call *b) { return a->id < b->id; });
    // [HND]: every handle on the line is invalid at once; CLOSEDROP decides what happens to live calls.
    for (Call *call : calls) {
        call->closed = true;
        const bool live = call->state != Idle && call->state != NoState;
        if (live) {
            LineCommand command;
            command.kind = LineCommand::CloseCall;
            command.call = call->id;
            command.dropCall = line->capabilities().closeDrop && call->externalOwners == 0;
            command.farEndMode = farEndModeOnRelease(call); // [D-14]
            sendNotification(call, command);
        }
    }
    for (Call *call : calls) {
        const std::vector<CallSession *> handles = call->handles;
        for (CallSession *handle : handles)
            freeHandle(handle);
    }
    line->markClosed();
}

// ---- provider events ----------------------------------------------------------------------

CallId CallEngine::callOffered(const QString &lineId, const CallOffer &offer)
{
    Line *line = m_lines.value(lineId);
    if (!line || !line->isOpen()) {
        Q_EMIT errorEvent(QStringLiteral("call offered on unknown or closed line '%1'").arg(lineId));
        return 0;
    }
    if (line->isRetiring()) {
        qCInfo(lcLine) << "call offered on retiring line" << lineId << "refused";
        return 0; // the provider turns the far end away
    }
    if (line->capabilities().addressSharing == SharingMonitored) {
        line->setAddressInUse(true); // [D-13]: status only, no session
        return 0;
    }
    Call *call = newCall(line, Inbound);
    call->remoteNumber = offer.callerNumber;
    call->remoteName = offer.callerName;
    call->callerIdDate = offer.callerIdDate;
    call->numberAbsence = offer.numberAbsence;
    call->nameAbsence = offer.nameAbsence;
    call->calledNumber = offer.calledNumber.isEmpty() ? line->address() : offer.calledNumber;
    if (!offer.uui.isEmpty())
        call->receiveUui(offer.uui.left(line->capabilities().uuiCallInfoSize));
    addHandlesFor(call);
    setState(call, Offering, offer.offeringMode ? offer.offeringMode : OfferingActive);
    return call->id;
}

CallId CallEngine::callOriginated(const QString &lineId, const QString &number)
{
    Line *line = m_lines.value(lineId);
    if (!line || !line->isOpen() || line->isRetiring()
        || line->capabilities().addressSharing == SharingMonitored) {
        Q_EMIT errorEvent(
            QStringLiteral("call originated on unknown, closed or retiring line '%1'").arg(lineId));
        return 0;
    }
    // An outbound call the agent did not dial: the session appears in DIALING with reason TRANSFER, as a
    // TAPI provider reports a call it sets up on the network's behalf.
    Call *call = newCall(line, Outbound);
    call->reason = ReasonTransfer;
    call->remoteNumber = number;
    call->calledNumber = number;
    addHandlesFor(call);
    setState(call, Dialing);
    return call->id;
}

void CallEngine::callStateReported(CallId id, int state, int mode)
{
    Call *call = findCall(id);
    if (!call) {
        Q_EMIT errorEvent(QStringLiteral("state report for unknown call %1").arg(id));
        return;
    }
    if (!isSingleState(state)) {
        Q_EMIT errorEvent(
            QStringLiteral("invalid state 0x%1 reported for call %2").arg(state, 0, 16).arg(id));
        return;
    }
    if (call->state == Idle) {
        qCDebug(lcSession) << "ignoring" << stateName(state) << "for idle call" << id;
        return;
    }
    if (state == Disconnected) {
        remoteDisconnected(id, mode ? mode : DisconnectNormal, {});
        return;
    }
    if (state == Connected && call->state == Conferenced && call->confParent) {
        // A party added to the conference while it rang has answered: it talks in the conference and
        // stays CONFERENCED; only its times say it connected.
        call->wasConnected = true;
        if (call->connectedAt < 0) {
            call->connectedAt = nowMs();
            if (!call->closed) {
                for (CallSession *handle : call->handles)
                    Q_EMIT handle->timesChanged();
            }
        }
        return;
    }
    setState(call, state, state == Conferenced ? 0 : modeForApi(call, state, mode));
    if (state == Idle)
        becameIdle(call);
}

void CallEngine::remoteDisconnected(CallId id, int disconnectMode, const QByteArray &uui)
{
    Call *call = findCall(id);
    if (!call) {
        Q_EMIT errorEvent(QStringLiteral("disconnect for unknown call %1").arg(id));
        return;
    }
    if (call->state == Idle || call->state == Disconnected)
        return;
    if (!uui.isEmpty())
        userUserInfoReceived(id, uui); // readable while DISCONNECTED [DM]
    disconnectMode = modeForApi(call, Disconnected, disconnectMode);
    call->disconnectMode = disconnectMode;
    if (call->state == Connected && (call->mode & ConnectedInactive)) {
        // Not a participant here: the appearance simply goes away.
        setState(call, Idle);
        becameIdle(call);
        return;
    }
    setState(call, Disconnected, disconnectMode);
}

void CallEngine::callCleared(CallId id)
{
    Call *call = findCall(id);
    if (!call || call->state == Idle)
        return;
    setState(call, Idle);
    becameIdle(call);
}

void CallEngine::callParticipantsChanged(CallId id, int otherStations)
{
    Call *call = findCall(id);
    if (!call || call->otherStations == otherStations)
        return;
    call->otherStations = otherStations;
    refreshFeatures(call); // hold comes and goes with the others [D-15]
}

void CallEngine::userUserInfoReceived(CallId id, const QByteArray &uui)
{
    Call *call = findCall(id);
    if (!call || uui.isEmpty())
        return;
    call->receiveUui(uui.left(call->line->capabilities().uuiCallInfoSize));
    if (call->closed)
        return;
    const bool isHead = call->receivedUui.size() == 1;
    for (CallSession *handle : call->handles) {
        Q_EMIT handle->userUserInfoChanged();
        if (isHead) {
            Q_EMIT handle->callInfoChanged(InfoUserUserInfo);
            Q_EMIT userUserInfoDelivered(handle, call->receivedUui.front());
        }
    }
    refreshFeatures(call);
}

void CallEngine::remotePartyChanged(CallId id, const QString &number, const QString &name)
{
    Call *call = findCall(id);
    if (!call || call->closed || (call->remoteNumber == number && call->remoteName == name))
        return;
    call->remoteNumber = number;
    call->remoteName = name;
    for (CallSession *handle : call->handles)
        Q_EMIT handle->callInfoChanged(InfoConnectedId);
}

void CallEngine::callAudioAttached(CallId id, std::shared_ptr<LineAudioEndpoint> endpoint)
{
    Call *call = findCall(id);
    if (!call || call->state == Idle)
        return;
    setAudio(call, std::move(endpoint));
}

void CallEngine::callAudioDetached(CallId id)
{
    if (Call *call = findCall(id))
        setAudio(call, nullptr);
}

void CallEngine::setAudio(Call *call, std::shared_ptr<LineAudioEndpoint> endpoint)
{
    if (call->audio == endpoint)
        return;
    call->audio = std::move(endpoint);
    if (call->closed)
        return;
    for (CallSession *handle : call->handles)
        Q_EMIT callAudioChanged(handle);
}

std::shared_ptr<LineAudioEndpoint> CallEngine::audioEndpoint(const CallSession *session) const
{
    if (!session || !session->call())
        return nullptr;
    return session->call()->audio;
}

void CallEngine::digitReceived(CallId id, QChar digit)
{
    Call *call = findCall(id);
    if (!call || call->closed)
        return;
    if (call->state == Connected && (call->mode & ConnectedInactive))
        return; // monitoring is suspended while inactive [CM]
    for (CallSession *handle : call->handles)
        Q_EMIT handle->digitReceived(QString(digit));
}
