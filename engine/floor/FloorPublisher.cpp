#include "floor/FloorPublisher.h"

#include "agent/AgentState.h"
#include "core/Tapi.h"
#include "floor/FloorCoachingCaller.h"
#include "floor/FloorCoachingLegs.h"
#include "floor/FloorLink.h"
#include "session/CallEngine.h"
#include "session/CallSession.h"

#include <QtCore/qdatetime.h>
#include <QtCore/qjsonarray.h>
#include <QtCore/qjsondocument.h>
#include <QtCore/qmetaobject.h>

namespace {
qint64 msOf(const QDateTime &time)
{
    return time.isValid() ? time.toMSecsSinceEpoch() : 0;
}

QString stateKey(AgentState::State state)
{
    return QString::fromLatin1(QMetaEnum::fromType<AgentState::State>().valueToKey(state));
}
} // namespace

FloorPublisher::FloorPublisher(FloorLink *link, CallEngine *engine, AgentState *agent, QObject *parent)
    : QObject(parent)
    , m_link(link)
    , m_engine(engine)
    , m_agent(agent)
{
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(CoalesceMs);
    connect(&m_coalesce, &QTimer::timeout, this, &FloorPublisher::publishDirty);

    connect(agent, &AgentState::stateChanged, this, &FloorPublisher::markAgent);
    connect(agent, &AgentState::nextStateChanged, this, &FloorPublisher::markAgent);
    connect(agent, &AgentState::onCallChanged, this, &FloorPublisher::markAgent);
    connect(agent, &AgentState::wrapUpDeadlineChanged, this, &FloorPublisher::markAgent);

    connect(engine, &CallEngine::sessionAdded, this, &FloorPublisher::watchSession);
    connect(engine, &CallEngine::sessionTerminated, this, [this](int sessionId) {
        m_dirtySessions.remove(sessionId);
        m_legSessions.remove(sessionId);
        m_link->removeEntry(callKey(m_link->agentId(), sessionId));
    });
    for (CallSession *session : engine->sessionList())
        watchSession(session);

    // A link that (re)starts has nothing of ours yet: everything is handed to it again.
    connect(link, &FloorLink::statusChanged, this, [this] {
        if (m_link->status() == FloorLink::Connecting)
            publishAll();
    });
    if (link->status() != FloorLink::Off)
        publishAll();
}

void FloorPublisher::setCoachingLegs(FloorCoachingLegs *legs)
{
    m_legs = legs;
    connect(legs, &FloorCoachingLegs::legChanged, this,
            [this](CallSession *leg, int coachedSessionId, const QString &, FloorCoaching::Mode) {
                // The leg leaves the calls; the coached call's entry says who coaches it.
                if (leg)
                    unpublishLeg(leg->sessionId());
                markSession(coachedSessionId);
            });
}

void FloorPublisher::setCoachingCaller(FloorCoachingCaller *caller)
{
    m_caller = caller;
    connect(caller, &FloorCoachingCaller::coachingChanged, this, [this] {
        for (CallSession *session : m_engine->sessionList()) {
            if (m_caller->isLeg(session))
                unpublishLeg(session->sessionId());
        }
        markAgent();
    });
}

void FloorPublisher::unpublishLeg(int sessionId)
{
    if (m_legSessions.contains(sessionId))
        return;
    m_legSessions.insert(sessionId);
    m_dirtySessions.remove(sessionId);
    // A leg published before it was known as one (its token came after its offer): its key goes.
    if (m_link->status() != FloorLink::Off)
        m_link->removeEntry(callKey(m_link->agentId(), sessionId));
}

bool FloorPublisher::isCoachingLeg(const CallSession *session) const
{
    return session
        && (m_legSessions.contains(session->sessionId()) || (m_legs && m_legs->isCoachingLeg(session))
            || (m_caller && m_caller->isLeg(session)));
}

QString FloorPublisher::agentKey(const QString &agentId)
{
    return QStringLiteral("agent.") + agentId;
}

QString FloorPublisher::callKey(const QString &agentId, int sessionId)
{
    return QStringLiteral("call.%1.%2").arg(agentId).arg(sessionId);
}

QJsonObject FloorPublisher::agentValue() const
{
    QJsonObject value = agentValue(m_link->settings(), *m_agent);
    // The calls this console coaches (a supervisor listening to an agent is not on a call of its own).
    if (m_caller) {
        const QVariantList now = m_caller->coachingNow();
        if (!now.isEmpty())
            value.insert(QStringLiteral("coaching"), QJsonArray::fromVariantList(now));
    }
    return value;
}

QJsonObject FloorPublisher::agentValue(const FloorSettings &identity, const AgentState &agent)
{
    QJsonObject value {
        {QStringLiteral("id"), identity.agentId},
        {QStringLiteral("name"), identity.agentName},
        {QStringLiteral("team"), identity.team},
        {QStringLiteral("state"), stateKey(agent.state())},
        {QStringLiteral("reason"), agent.reasonCode()},
        {QStringLiteral("stateSinceMs"), agent.stateSinceMs()},
        {QStringLiteral("onCall"), agent.onCall()},
    };
    if (agent.hasNextState()) {
        value.insert(QStringLiteral("nextState"), stateKey(agent.nextState()));
        value.insert(QStringLiteral("nextReason"), agent.nextReasonCode());
    }
    if (agent.wrapUpTimed())
        value.insert(QStringLiteral("wrapUpEndsMs"),
                     QDateTime::currentMSecsSinceEpoch() + agent.wrapUpRemainingMs());
    return value;
}

QJsonObject FloorPublisher::callValue(CallSession *session) const
{
    QJsonArray members;
    for (CallSession *member : session->members())
        members.append(member->sessionId());
    CallSession *parent = session->conferenceParent();
    // The session carries its call's recording (a console without audio never records: false).
    const CallSession::RecordingState recordingState = session->recordingState();
    const bool recording =
        recordingState == CallSession::Recording || recordingState == CallSession::RecordingPaused;
    QJsonObject value {
        {QStringLiteral("agentId"), m_link->agentId()},
        {QStringLiteral("sessionId"), session->sessionId()},
        {QStringLiteral("line"), session->lineId()},
        {QStringLiteral("address"), session->address()},
        {QStringLiteral("direction"),
         session->direction() == Tapi::Inbound ? QStringLiteral("inbound") : QStringLiteral("outbound")},
        {QStringLiteral("state"), session->stateName()},
        {QStringLiteral("stateCode"), session->state()},
        {QStringLiteral("mode"), session->modeName()},
        {QStringLiteral("privilege"), Tapi::privilegeName(session->privilege())},
        {QStringLiteral("remoteNumber"), session->remoteNumber()},
        {QStringLiteral("remoteName"), session->remoteName()},
        {QStringLiteral("calledNumber"), session->calledNumber()},
        {QStringLiteral("offeredMs"), msOf(session->offeredAt())},
        {QStringLiteral("connectedMs"), msOf(session->connectedAt())},
        {QStringLiteral("droppedMs"), msOf(session->droppedAt())},
        {QStringLiteral("isConference"), session->isConference()},
        {QStringLiteral("conference"), parent ? parent->sessionId() : 0},
        {QStringLiteral("members"), members},
        {QStringLiteral("recording"), recording},
    };
    // Supervisors coaching this call (their legs are no calls of the floor): {supervisorId, mode} and
    // supervisorName when the supervisor's console sent one.
    if (m_legs) {
        QJsonArray coaching;
        for (const FloorCoaching::Grant &grant : m_legs->joinedTo(session->sessionId())) {
            QJsonObject entry {{QStringLiteral("supervisorId"), grant.supervisorId},
                               {QStringLiteral("mode"), FloorCoaching::nameOf(grant.mode)}};
            if (!grant.supervisorName.isEmpty())
                entry.insert(QStringLiteral("supervisorName"), grant.supervisorName);
            coaching.append(entry);
        }
        if (!coaching.isEmpty())
            value.insert(QStringLiteral("coaching"), coaching);
    }
    return value;
}

void FloorPublisher::watchSession(CallSession *session)
{
    const int id = session->sessionId();
    const auto mark = [this, id] {
        markSession(id);
    };
    connect(session, &CallSession::stateChanged, this, mark);
    connect(session, &CallSession::callInfoChanged, this, mark);
    connect(session, &CallSession::conferenceChanged, this, mark);
    connect(session, &CallSession::timesChanged, this, mark);
    connect(session, &CallSession::privilegeChanged, this, mark);
    connect(session, &CallSession::recordingStateChanged, this, mark);
    markSession(id);
}

void FloorPublisher::markAgent()
{
    m_agentDirty = true;
    if (!m_coalesce.isActive())
        m_coalesce.start();
}

void FloorPublisher::markSession(int sessionId)
{
    if (m_legSessions.contains(sessionId))
        return;
    m_dirtySessions.insert(sessionId);
    if (!m_coalesce.isActive())
        m_coalesce.start();
}

void FloorPublisher::publishAll()
{
    m_agentDirty = true;
    for (CallSession *session : m_engine->sessionList()) {
        if (!isCoachingLeg(session))
            m_dirtySessions.insert(session->sessionId());
    }
    publishDirty();
}

void FloorPublisher::publishDirty()
{
    m_coalesce.stop();
    if (m_link->status() == FloorLink::Off) {
        m_dirtySessions.clear(); // publishAll hands everything over when the link starts
        m_agentDirty = false;
        return;
    }
    const QString agentId = m_link->agentId();
    if (m_agentDirty)
        m_link->setEntry(agentKey(agentId), QJsonDocument(agentValue()).toJson(QJsonDocument::Compact));
    m_agentDirty = false;
    for (int sessionId : std::as_const(m_dirtySessions)) {
        CallSession *session = m_engine->session(sessionId);
        if (session && session->isValid() && !isCoachingLeg(session))
            m_link->setEntry(callKey(agentId, sessionId),
                             QJsonDocument(callValue(session)).toJson(QJsonDocument::Compact));
    }
    m_dirtySessions.clear();
}
