#include "session/CallSession.h"

#include "core/UserUserBytes.h"
#include "lines/Line.h"
#include "session/Call.h"
#include "session/CallEngine.h"

namespace {
QDateTime toDateTime(qint64 ms)
{
    return ms < 0 ? QDateTime() : QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

} // namespace

int Call::numOwners() const
{
    int owners = externalOwners;
    for (const CallSession *h : handles)
        owners += h->privilege() == Tapi::PrivilegeOwner;
    return owners;
}

int Call::numMonitors() const
{
    int monitors = 0;
    for (const CallSession *h : handles)
        monitors += h->privilege() == Tapi::PrivilegeMonitor;
    return monitors;
}

CallSession::CallSession(CallEngine *engine, Call *call, int sessionId, int privilege)
    : QObject(engine) // a parent keeps QML's garbage collector off the handle
    , m_engine(engine)
    , m_call(call)
    , m_line(call->line)
    , m_sessionId(sessionId)
    , m_privilege(privilege)
    , m_direction(call->direction)
    , m_callReason(call->reason)
{ }

CallSession::~CallSession() = default;

QString CallSession::lineId() const
{
    return m_line ? m_line->lineId() : QString();
}

QString CallSession::address() const
{
    return m_line ? m_line->address() : QString();
}

Tapi::CallState CallSession::state() const
{
    return m_call ? Tapi::CallState(m_call->state) : Tapi::NoState;
}

int CallSession::mode() const
{
    return m_call ? m_lastMode : 0;
}

QString CallSession::stateName() const
{
    return Tapi::stateName(state());
}

QString CallSession::modeName() const
{
    return Tapi::modeName(state(), mode());
}

Tapi::CallState3 CallSession::callState3() const
{
    return Tapi::callState3For(state());
}

Tapi::EventCause3 CallSession::eventCause3() const
{
    if (!m_call)
        return Tapi::CecNone;
    if (m_call->state == Tapi::Idle)
        return m_call->disconnectMode ? Tapi::eventCauseForDisconnectMode(m_call->disconnectMode)
                                      : Tapi::CecDisconnectNormal;
    return Tapi::eventCause3For(m_call->state, m_call->mode);
}

Tapi::DisconnectMode CallSession::disconnectMode() const
{
    return m_call ? Tapi::DisconnectMode(m_call->disconnectMode) : Tapi::DisconnectNone;
}

QString CallSession::remoteNumber() const
{
    return m_call ? m_call->remoteNumber : QString();
}

QString CallSession::remoteName() const
{
    return m_call ? m_call->remoteName : QString();
}

QString CallSession::calledNumber() const
{
    return m_call ? m_call->calledNumber : QString();
}

QString CallSession::callerIdDate() const
{
    return m_call ? m_call->callerIdDate : QString();
}

QString CallSession::numberAbsence() const
{
    return m_call ? m_call->numberAbsence : QString();
}

QString CallSession::nameAbsence() const
{
    return m_call ? m_call->nameAbsence : QString();
}

int CallSession::numOwners() const
{
    return m_call ? m_call->numOwners() : 0;
}

int CallSession::numMonitors() const
{
    return m_call ? m_call->numMonitors() : 0;
}

bool CallSession::isConference() const
{
    return m_call && m_call->isConferenceParent;
}

CallSession *CallSession::conferenceParent() const
{
    if (!m_call || !m_call->confParent || m_call->confParent->handles.empty())
        return nullptr;
    return m_call->confParent->handles.front();
}

QList<CallSession *> CallSession::members() const
{
    QList<CallSession *> result;
    if (!m_call)
        return result;
    for (const Call *member : m_call->members) {
        if (!member->handles.empty())
            result.append(member->handles.front());
    }
    return result;
}

namespace {
// The handle onto another call that matches this handle's privilege (the owner sees the owner's).
CallSession *handleLike(const Call *call, int privilege)
{
    if (!call || call->handles.empty())
        return nullptr;
    for (CallSession *handle : call->handles) {
        if (handle->privilege() == privilege)
            return handle;
    }
    return call->handles.front();
}
} // namespace

CallSession *CallSession::consultCall() const
{
    return m_call ? handleLike(m_call->consult, m_privilege) : nullptr;
}

CallSession *CallSession::consultOf() const
{
    return m_call ? handleLike(m_call->consultFor, m_privilege) : nullptr;
}

CallSession::ConsultKind CallSession::consultKind() const
{
    if (!m_call)
        return NoConsult;
    const Call *consult = m_call->consult ? m_call->consult : (m_call->consultFor ? m_call : nullptr);
    if (!consult)
        return NoConsult;
    return consult->consultIsTransfer ? TransferConsult : ConferenceConsult;
}

QString CallSession::outcome() const
{
    if (!m_call)
        return QString();
    if (m_call->isConferenceParent)
        return QStringLiteral("conference");
    if (m_call->consultLeg)
        return QStringLiteral("consult");
    if (m_call->transferred)
        return QStringLiteral("transferred");
    if (m_call->talkedHere)
        return QStringLiteral("answered");
    if (m_call->wasConnected)
        return QStringLiteral("elsewhere"); // an inactive appearance of a call taken at another station
    if (m_call->direction == Tapi::Outbound)
        return QStringLiteral("unanswered");
    return m_call->rejected ? QStringLiteral("rejected") : QStringLiteral("missed");
}

bool CallSession::needsWrapUp() const
{
    return m_call && m_privilege == Tapi::PrivilegeOwner && m_call->talkedHere && !m_call->consultLeg
        && !m_call->isConferenceParent && !m_call->supervisionLeg;
}

bool CallSession::isSupervisionLeg() const
{
    return m_call && m_call->supervisionLeg;
}

void CallSession::markSupervisionLeg()
{
    if (m_call)
        m_call->supervisionLeg = true;
}

QByteArray CallSession::userUserInfo() const
{
    return m_call && !m_call->receivedUui.empty() ? m_call->receivedUui.front() : QByteArray();
}

QList<QByteArray> CallSession::receivedUserUserInfo() const
{
    return m_call ? QList<QByteArray>(m_call->receivedUui.begin(), m_call->receivedUui.end())
                  : QList<QByteArray>();
}

QList<QByteArray> CallSession::everyReceivedUserUserInfo() const
{
    return m_call ? m_call->everyReceivedUui : QList<QByteArray>();
}

QString CallSession::userUserInfoText() const
{
    return QString::fromUtf8(userUserInfo());
}

int CallSession::pendingUserUserInfo() const
{
    return m_call ? int(m_call->receivedUui.size()) : 0;
}

QByteArray CallSession::sentUserUserInfo() const
{
    return m_call ? m_call->sentUui : QByteArray();
}

QDateTime CallSession::offeredAt() const
{
    return toDateTime(m_call ? m_call->offeredAt : -1);
}

QDateTime CallSession::connectedAt() const
{
    return toDateTime(m_call ? m_call->connectedAt : -1);
}

QDateTime CallSession::droppedAt() const
{
    return toDateTime(m_call ? m_call->droppedAt : -1);
}

QDateTime CallSession::idleAt() const
{
    return toDateTime(m_call ? m_call->idleAt : -1);
}

qint64 CallSession::duration() const
{
    if (!m_call || m_call->connectedAt < 0)
        return 0;
    qint64 end = m_call->droppedAt >= 0 ? m_call->droppedAt
                                        : (m_call->idleAt >= 0 ? m_call->idleAt : m_engine->nowMs());
    return qMax<qint64>(0, end - m_call->connectedAt);
}

int CallSession::drop(const QByteArray &uui)
{
    return m_engine->drop(this, uui);
}

int CallSession::drop(const QVariant &uui)
{
    return m_engine->drop(this, Tapi::uuiFromVariant(uui));
}

int CallSession::reject()
{
    return m_engine->reject(this);
}

int CallSession::answer(const QByteArray &uui)
{
    return m_engine->answer(this, uui);
}

int CallSession::answer(const QVariant &uui)
{
    return m_engine->answer(this, Tapi::uuiFromVariant(uui));
}

int CallSession::terminate()
{
    return m_engine->terminate(this);
}

int CallSession::hold()
{
    return m_engine->hold(this);
}

int CallSession::unhold()
{
    return m_engine->unhold(this);
}

int CallSession::dial(const QString &digits)
{
    return m_engine->dial(this, digits);
}

int CallSession::setupConference()
{
    return m_engine->setupConference(this);
}

int CallSession::prepareAddToConference()
{
    return m_engine->prepareAddToConference(this);
}

int CallSession::addToConference(CallSession *consult)
{
    return m_engine->addToConference(this, consult);
}

int CallSession::removeFromConference()
{
    return m_engine->removeFromConference(this);
}

int CallSession::setupTransfer()
{
    return m_engine->setupTransfer(this);
}

int CallSession::completeTransfer(CallSession *consult)
{
    return m_engine->completeTransfer(this, consult);
}

int CallSession::blindTransfer(const QString &destination)
{
    return m_engine->blindTransfer(this, destination);
}

int CallSession::sendUserUserInfo(const QVariant &uui)
{
    return m_engine->sendUserUserInfo(this, Tapi::uuiFromVariant(uui));
}

int CallSession::releaseUserUserInfo()
{
    return m_engine->releaseUserUserInfo(this);
}

CallSession *CallSession::openHandle(Tapi::CallPrivilege privilege)
{
    return m_engine->openHandle(this, privilege);
}

int CallSession::disconnect3(int code)
{
    return m_engine->disconnect3(this, code);
}

void CallSession::detach()
{
    m_call = nullptr;
    m_features = 0;
}

void CallSession::setPrivilegeValue(int privilege)
{
    if (m_privilege == privilege)
        return;
    m_privilege = privilege;
    Q_EMIT privilegeChanged();
}

bool CallSession::updateFeatures(int features)
{
    if (m_features == features)
        return false;
    m_features = features;
    Q_EMIT featuresChanged();
    return true;
}

bool CallSession::notifyState(int state, int mode, int *privilegeParam)
{
    if (m_privilegeReported && state == m_lastState && mode == m_lastMode)
        return false;
    m_lastState = state;
    m_lastMode = mode;
    *privilegeParam = m_privilegeReported ? 0 : m_privilege;
    m_privilegeReported = true;
    Q_EMIT stateChanged(Tapi::CallState(state), mode, Tapi::CallPrivilege(*privilegeParam));
    return true;
}

void CallSession::setWrapUp(const QString &disposition, const QString &notes)
{
    if (m_disposition == disposition && m_notes == notes)
        return;
    m_disposition = disposition;
    m_notes = notes;
    Q_EMIT wrapUpChanged();
}

void CallSession::setRecordingPath(const QString &path)
{
    if (m_recordingPath == path)
        return;
    m_recordingPath = path;
    Q_EMIT recordingPathChanged();
}

void CallSession::setRecording(RecordingState state, const QString &path)
{
    setRecordingPath(path);
    if (m_recordingState == state)
        return;
    m_recordingState = state;
    Q_EMIT recordingStateChanged();
}
