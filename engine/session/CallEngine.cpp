#include "session/CallEngine.h"
#include "core/QmlInstance.h"
#include "providers/LineAudioEndpoint.h"

#include "core/Logging.h"
#include "lines/Line.h"
#include "providers/LineProvider.h"
#include "session/Call.h"
#include "session/CallSession.h"
#include "session/models/ConferenceModel.h"
#include "session/models/SessionModel.h"

#include <QtQml/qjsengine.h>

using namespace Tapi;

namespace {

bool isSingleState(int state)
{
    return state > 0 && state <= Unknown && (state & (state - 1)) == 0;
}
} // namespace

CallEngine::CallEngine(QObject *parent)
    : QObject(parent)
    , m_systemClock(std::make_unique<SystemClock>())
    , m_clock(m_systemClock.get())
    , m_sessionModel(new SessionModel(this, this))
    , m_conferenceModel(new ConferenceModel(this, this))
    , m_mute(new MuteState(this))
{ }

CallEngine::~CallEngine()
{
    detachProviders();
    // Free the live handles before the records they point at; retired ones are already detached.
    for (CallSession *session : std::as_const(m_sessionOrder)) {
        session->detach();
        delete session;
    }
    m_sessionOrder.clear();
    m_sessions.clear();
    delete m_retiredBatch.data();
}

void CallEngine::setQmlInstance(CallEngine *engine)
{
    QmlInstance<CallEngine>::set(engine);
}

CallEngine *CallEngine::create(QQmlEngine *, QJSEngine *)
{
    return QmlInstance<CallEngine>::get();
}

void CallEngine::attachProvider(LineProvider *provider)
{
    m_providers.push_back(provider);
    provider->start(this);
}

void CallEngine::detachProviders()
{
    for (LineProvider *provider : m_providers)
        provider->stop();
    m_providers.clear();
}

void CallEngine::setClock(const EngineClock *clock)
{
    m_clock = clock ? clock : m_systemClock.get();
}

Line *CallEngine::line(const QString &lineId) const
{
    return m_lines.value(lineId);
}

CallSession *CallEngine::session(int sessionId) const
{
    return m_sessions.value(sessionId);
}

CallId CallEngine::callIdOf(const CallSession *session) const
{
    return session && session->call() ? session->call()->id : 0;
}

QList<CallSession *> CallEngine::handlesOf(CallId id) const
{
    QList<CallSession *> result;
    if (Call *call = findCall(id))
        result = QList<CallSession *>(call->handles.begin(), call->handles.end());
    return result;
}

// ---- records and handles -------------------------------------------------------------------

Call *CallEngine::newCall(Line *line, int direction)
{
    return newCallWithId(m_nextCallId++, line, direction);
}

Call *CallEngine::newCallWithId(CallId id, Line *line, int direction)
{
    auto call = std::make_unique<Call>();
    call->id = id;
    call->line = line;
    call->direction = direction;
    call->createdAt = nowMs();
    call->externalOwners = line->externalOwners();
    Call *raw = call.get();
    m_calls.emplace(raw->id, std::move(call));
    return raw;
}

CallSession *CallEngine::addHandle(Call *call, int privilege)
{
    auto *session = new CallSession(this, call, m_nextSessionId++, privilege);
    call->handles.push_back(session);
    m_sessions.insert(session->sessionId(), session);
    m_sessionOrder.append(session);
    qCDebug(lcSession) << "session" << session->sessionId() << "added on call" << call->id;
    Q_EMIT sessionAdded(session);
    Q_EMIT sessionCountChanged();
    return session;
}

// A freed handle may still be on the caller's stack (a QML handler that called terminate()), so it is
// deleted the way deleteLater() would, but every handle freed in one turn of the event loop goes in
// one batch: one posted event instead of one per handle.
void CallEngine::retire(CallSession *session)
{
    if (!m_retiredBatch) {
        m_retiredBatch = new QObject;
        m_retiredBatch->deleteLater();
    }
    session->setParent(m_retiredBatch);
}

void CallEngine::addHandlesFor(Call *call)
{
    const QList<int> privileges = call->line->handlePrivileges();
    for (int privilege : privileges)
        addHandle(call, privilege);
}

void CallEngine::freeHandle(CallSession *session)
{
    Call *call = session->call();
    Q_EMIT sessionRemoved(session);
    m_sessions.remove(session->sessionId());
    m_sessionOrder.removeOne(session);
    const int id = session->sessionId();
    const bool wasOwner = session->privilege() == PrivilegeOwner;
    if (call)
        std::erase(call->handles, session);
    session->detach();
    Q_EMIT session->terminated();
    Q_EMIT sessionTerminated(id);
    Q_EMIT sessionCountChanged();
    retire(session);
    if (!call)
        return;
    if (call->confParent)
        notifyConference(call->confParent);
    if (call->isConferenceParent)
        notifyConference(call);
    for (CallSession *other : call->handles)
        Q_EMIT other->callInfoChanged(wasOwner ? InfoNumOwnerDecr : InfoNumMonitors);
    maybeFreeCall(call);
}

void CallEngine::maybeFreeCall(Call *call)
{
    if (!call->handles.empty())
        return;
    if (!call->closed) {
        call->closed = true;
        const bool live = call->state != Idle && call->state != NoState;
        if (live && call->line->isOpen()) {
            LineCommand command;
            command.kind = LineCommand::CloseCall;
            command.call = call->id;
            command.dropCall =
                call->line->capabilities().closeDrop && call->externalOwners == 0 && !call->dropPending;
            command.farEndMode = farEndModeOnRelease(call); // [D-14]
            sendNotification(call, command);
        }
    }
    if (call->pendingRequests > 0)
        return;
    unlinkCall(call);
    m_calls.erase(call->id);
}

void CallEngine::unlinkCall(Call *call)
{
    countInProgress(call->state, Tapi::NoState);
    if (Call *parent = call->confParent) {
        std::erase(parent->members, call);
        if (parent->lastAdded == call)
            parent->lastAdded = nullptr;
        call->confParent = nullptr;
        notifyConference(parent);
    }
    for (Call *member : call->members)
        member->confParent = nullptr; // later CONFERENCED reports carry a null parent [LCS]
    call->members.clear();
    if (Call *consult = call->consult) {
        unlinkConsult(call);
        refreshFeatures(consult);
    }
    if (Call *held = call->consultFor) {
        unlinkConsult(held);
        refreshFeatures(held);
    }
    // Requests still naming this record must not touch it again.
    for (PendingRequest &request : m_requests) {
        if (request.other == call)
            request.other = nullptr;
        if (request.extra == call)
            request.extra = nullptr;
    }
}

Call *CallEngine::findCall(CallId id) const
{
    auto it = m_calls.find(id);
    return it == m_calls.end() ? nullptr : it->second.get();
}

// ---- state changes and cascades -----------------------------------------------------------

int CallEngine::modeFor(const Call *call, const CallSession *handle) const
{
    Q_UNUSED(handle);
    if (call->state == Conferenced) {
        const Call *parent = call->confParent;
        return parent && !parent->handles.empty() ? parent->handles.front()->sessionId() : 0;
    }
    return call->mode;
}

void CallEngine::setState(Call *call, int state, int mode)
{
    if (call->state == Idle)
        return; // TAPI rule 1: nothing leaves IDLE
    const int oldState = call->state;
    call->state = state;
    call->mode = mode;
    countInProgress(oldState, state);
    const qint64 now = nowMs();
    bool timesChanged = false;
    auto stamp = [&](qint64 &field) {
        if (field < 0) {
            field = now;
            timesChanged = true;
        }
    };
    switch (state) {
    case Offering:
        stamp(call->offeredAt);
        break;
    case Connected:
        stamp(call->connectedAt);
        call->wasConnected = true;
        if (!(mode & ConnectedInactive))
            call->talkedHere = true;
        break;
    case Disconnected:
        stamp(call->droppedAt);
        break;
    case Idle:
        stamp(call->droppedAt);
        stamp(call->idleAt);
        break;
    default:
        break;
    }
    if (call->closed)
        return;
    const std::vector<CallSession *> handles = call->handles;
    for (CallSession *handle : handles) {
        if (handle->call() != call)
            continue; // freed by a slot while we were emitting
        const int handleMode = modeFor(call, handle);
        int privilegeParam = 0;
        if (handle->notifyState(state, handleMode, &privilegeParam))
            Q_EMIT sessionStateChanged(handle, CallState(oldState), CallState(state), handleMode,
                                       CallPrivilege(privilegeParam));
        if (timesChanged)
            Q_EMIT handle->timesChanged();
    }
    refreshRelatedFeatures(call);
}

static bool isInProgress(int state)
{
    switch (state) {
    case Tapi::NoState:
    case Tapi::Idle:
    case Tapi::Offering:
    case Tapi::Accepted:
    case Tapi::Disconnected:
    case Tapi::Unknown:
        return false;
    default:
        return true;
    }
}

void CallEngine::countInProgress(int oldState, int newState)
{
    const int delta = int(isInProgress(newState)) - int(isInProgress(oldState));
    if (delta == 0)
        return;
    m_callsInProgress += delta;
    if (m_callsInProgress == 0)
        m_mute->setMuted(false, MuteState::Engine);
    Q_EMIT callsInProgressChanged();
}

void CallEngine::becameIdle(Call *call)
{
    setAudio(call, nullptr);
    if (call->consultFor)
        idleConsultation(call);
    if (call->confParent)
        removeMember(call);
    if (Call *consult = call->consult) {
        // A transfer original or a conference parent ended: its consult goes on as a normal call.
        unlinkConsult(call);
        refreshFeatures(consult);
    }
    if (call->isConferenceParent && !call->members.empty()) {
        for (Call *member : call->members)
            member->confParent = nullptr;
        call->members.clear();
        notifyConference(call);
    }
}

void CallEngine::idleConsultation(Call *consult)
{
    Call *held = consult->consultFor;
    unlinkConsult(held);
    const LineCapabilities &caps = held->line->capabilities();
    if (consult->consultIsTransfer) {
        // [XFER]: the held original normally returns to CONNECTED (LINEADDRCAPFLAGS_AUTORECONNECT).
        if (held->state == OnHoldPendTransfer && caps.autoReconnect) {
            LineCommand command;
            command.kind = LineCommand::Reconnect;
            command.call = held->id;
            sendNotification(held, command);
            setState(held, Connected, ConnectedActive);
        } else {
            refreshFeatures(held);
        }
        return;
    }
    // Conference consult: with 2+ parties the parent comes back; with only the original underneath
    // the conference collapses to the 2-party call [SUC][PREP].
    if (held->state != OnHoldPendConf) {
        refreshFeatures(held);
        return;
    }
    if (held->members.size() >= 2) {
        setState(held, Connected, ConnectedActive);
    } else {
        collapseIfNeeded(held);
    }
}

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

void CallEngine::linkConsult(Call *held, Call *consult, bool transfer)
{
    held->consult = consult;
    consult->consultFor = held;
    consult->consultLeg = true;
    consult->consultIsTransfer = transfer;
    notifyConsult(held);
    notifyConsult(consult);
}

void CallEngine::unlinkConsult(Call *held)
{
    Call *consult = held->consult;
    if (!consult)
        return;
    held->consult = nullptr;
    consult->consultFor = nullptr;
    notifyConsult(held);
    notifyConsult(consult);
}

void CallEngine::notifyConsult(Call *call)
{
    if (call->closed)
        return;
    for (CallSession *handle : call->handles)
        Q_EMIT handle->consultChanged();
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

void CallEngine::refreshFeatures(Call *call)
{
    if (call->closed)
        return;
    for (CallSession *handle : call->handles)
        handle->updateFeatures(featuresFor(handle));
}

void CallEngine::refreshRelatedFeatures(Call *call)
{
    refreshFeatures(call);
    if (call->confParent)
        refreshFeatures(call->confParent);
    for (Call *member : call->members)
        refreshFeatures(member);
    if (call->consult)
        refreshFeatures(call->consult);
    if (call->consultFor)
        refreshFeatures(call->consultFor);
}

void CallEngine::sendNotification(Call *call, LineCommand command)
{
    command.requestId = 0;
    command.lineId = call->line->lineId();
    if (LineProvider *provider = call->line->provider())
        provider->execute(command);
}

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
        call->receivedUui.push_back(offer.uui.left(line->capabilities().uuiCallInfoSize));
    addHandlesFor(call);
    setState(call, Offering, offer.offeringMode ? offer.offeringMode : OfferingActive);
    return call->id;
}

CallId CallEngine::callOriginated(const QString &lineId, const QString &number)
{
    Line *line = m_lines.value(lineId);
    if (!line || !line->isOpen() || line->capabilities().addressSharing == SharingMonitored) {
        Q_EMIT errorEvent(QStringLiteral("call originated on unknown or closed line '%1'").arg(lineId));
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
    call->receivedUui.push_back(uui.left(call->line->capabilities().uuiCallInfoSize));
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
