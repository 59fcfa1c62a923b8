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
    m_detaching.clear();
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
    Line *line = call->line;
    m_calls.erase(call->id);
    freeIfRemoved(line);
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
    if (state == Idle)
        scheduleDetachCheck(); // the last call of a retiring line ended
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
