#include "floor/FloorCoachingLegs.h"

#include "audio/CallAudioRouter.h"
#include "core/QmlInstance.h"
#include "core/Tapi.h"
#include "floor/FloorLogging.h"
#include "session/CallEngine.h"
#include "session/CallSession.h"

#include <QtCore/qtimer.h>

#include <algorithm>

FloorCoachingLegs::FloorCoachingLegs(FloorCoaching *coaching, CallEngine *engine, CallAudioRouter *router,
                                     QObject *parent)
    : QObject(parent)
    , m_coaching(coaching)
    , m_engine(engine)
    , m_router(router)
{
    connect(coaching, &FloorCoaching::grantChanged, this, &FloorCoachingLegs::grantChanged);
    connect(engine, &CallEngine::sessionStateChanged, this,
            [this](CallSession *session, Tapi::CallState, Tapi::CallState state) {
                consider(session);
                follow(session, state);
            });
    connect(engine, &CallEngine::sessionAdded, this, [this](CallSession *session) {
        // The token may arrive with the offer or just after it.
        connect(session, &CallSession::userUserInfoChanged, this, [this, session] { consider(session); });
        consider(session);
    });
}

void FloorCoachingLegs::setQmlInstance(FloorCoachingLegs *legs)
{
    QmlInstance<FloorCoachingLegs>::set(legs);
}

FloorCoachingLegs *FloorCoachingLegs::create(QQmlEngine *, QJSEngine *)
{
    return QmlInstance<FloorCoachingLegs>::get();
}

FloorCoaching::Grant FloorCoachingLegs::legGrant(const CallSession *session) const
{
    for (auto it = m_legs.cbegin(); it != m_legs.cend(); ++it) {
        if (it.value() && it.value() == session)
            return m_coaching->grantFor(it.key());
    }
    return {};
}

QList<FloorCoaching::Grant> FloorCoachingLegs::joinedTo(int sessionId) const
{
    QList<FloorCoaching::Grant> joined;
    for (auto it = m_legs.cbegin(); it != m_legs.cend(); ++it) {
        const FloorCoaching::Grant grant = m_coaching->grantFor(it.key());
        if (it.value() && grant.sessionId == sessionId && grant.mode != FloorCoaching::None)
            joined.append(grant);
    }
    std::sort(joined.begin(), joined.end(), [](const FloorCoaching::Grant &a, const FloorCoaching::Grant &b) {
        return a.supervisorId < b.supervisorId;
    });
    return joined;
}

void FloorCoachingLegs::consider(CallSession *session)
{
    if (!session || !session->isValid() || session->state() != Tapi::Offering)
        return;
    const QString token = FloorCoaching::tokenOfUserUserInfo(session->userUserInfoText());
    if (token.isEmpty())
        return;
    const FloorCoaching::Grant grant = m_coaching->grantFor(token);
    if (grant.sessionId == 0) {
        qCWarning(lcFloor) << "floor: a call carries a coaching token no grant holds; it rings as any call";
        return;
    }
    if (m_legs.value(token))
        return; // one leg per grant
    m_legs.insert(token, session);
    session->markSupervisionLeg(); // closed without a wrap-up when it ends
    qCInfo(lcFloor) << "floor: answering the coaching leg of" << grant.supervisorId << "for session"
                    << grant.sessionId;
    // Joined before it is answered: its audio is never heard more widely than the grant says. Answered
    // once the offer is complete (a SIP offer is still being set up while its session is announced:
    // an answer from inside that signal is refused as INVALCALLSTATE).
    join(session, grant);
    QTimer::singleShot(0, this, [leg = QPointer<CallSession>(session)] {
        if (!leg || !leg->isValid() || leg->state() != Tapi::Offering)
            return;
        const int request = leg->answer();
        if (request < 0)
            qCWarning(lcFloor) << "floor: the coaching leg could not be answered:"
                               << Tapi::errorName(request);
    });
}

void FloorCoachingLegs::follow(CallSession *session, int state)
{
    // The leg is held with its call and resumed with it (only when this object held it); a leg never
    // hears the agent of a held call.
    const bool held =
        state == Tapi::OnHold || state == Tapi::OnHoldPendConf || state == Tapi::OnHoldPendTransfer;
    if (state == Tapi::Idle || state == Tapi::Disconnected) {
        // The supervisor stopped or hung up: the leg leaves the call's audio and the agent's marks, its
        // grant is withdrawn (coaching again is a new request, a new grant and a new leg), and the agent
        // is told. A leg this console dropped itself (grant withdrawn, call ended) is no longer here.
        for (auto it = m_legs.begin(); it != m_legs.end(); ++it) {
            if (it.value() != session)
                continue;
            const FloorCoaching::Grant grant = m_coaching->grantFor(it.key());
            m_legs.erase(it);
            m_heldWithCall.remove(session);
            if (m_router)
                m_router->setCoachingLeg(session, nullptr, true, true);
            FloorCoaching::Grant ended = grant;
            ended.mode = FloorCoaching::None;
            mark(session, ended);
            Q_EMIT legChanged(session, grant.sessionId, grant.supervisorId, FloorCoaching::None);
            m_coaching->withdraw(grant.token);
            QVariantMap details {{QStringLiteral("sessionId"), grant.sessionId}};
            if (!grant.supervisorName.isEmpty())
                details.insert(QStringLiteral("supervisorName"), grant.supervisorName);
            if (CallSession *coached = m_engine->session(grant.sessionId); coached && coached->isValid()) {
                details.insert(QStringLiteral("remoteName"), coached->remoteName());
                details.insert(QStringLiteral("remoteNumber"), coached->remoteNumber());
            }
            qCInfo(lcFloor) << "floor: the coaching leg of" << grant.supervisorId << "on session"
                            << grant.sessionId << "ended on the supervisor's side; the grant is withdrawn";
            Q_EMIT supervisorLeft(grant.supervisorId, FloorCoaching::nameOf(grant.mode), details);
            return;
        }
    }
    for (auto it = m_legs.cbegin(); it != m_legs.cend(); ++it) {
        CallSession *leg = it.value();
        if (!leg || m_coaching->grantFor(it.key()).sessionId != session->sessionId())
            continue;
        if (held && leg->state() == Tapi::Connected) {
            const int request = leg->hold();
            qCInfo(lcFloor) << "floor: the coaching leg on session" << session->sessionId()
                            << "is held with its call:" << request;
            if (request > 0)
                m_heldWithCall.insert(leg);
        } else if (state == Tapi::Connected && m_heldWithCall.remove(leg)) {
            const int request = leg->unhold();
            qCInfo(lcFloor) << "floor: the coaching leg on session" << session->sessionId()
                            << "is resumed with its call:" << request;
        }
    }
}

QVariantMap FloorCoachingLegs::markOf(const FloorCoaching::Grant &grant, bool leg)
{
    return QVariantMap {{QStringLiteral("supervisorId"), grant.supervisorId},
                        {QStringLiteral("supervisorName"), grant.supervisorName},
                        {QStringLiteral("mode"), FloorCoaching::nameOf(grant.mode)},
                        {QStringLiteral("leg"), leg}};
}

void FloorCoachingLegs::mark(CallSession *leg, const FloorCoaching::Grant &grant)
{
    const QString legKey = QString::number(leg->sessionId());
    const QString coachedKey = QString::number(grant.sessionId);
    if (grant.mode == FloorCoaching::None) {
        m_marks.remove(legKey);
        // The coached call keeps the mark of another supervisor's leg, if one is still joined.
        m_marks.remove(coachedKey);
        for (auto it = m_legs.cbegin(); it != m_legs.cend(); ++it) {
            const FloorCoaching::Grant other = m_coaching->grantFor(it.key());
            if (it.value() && other.sessionId == grant.sessionId)
                m_marks.insert(coachedKey, markOf(other, false));
        }
    } else {
        m_marks.insert(legKey, markOf(grant, true));
        m_marks.insert(coachedKey, markOf(grant, false));
    }
    Q_EMIT marksChanged();
}

void FloorCoachingLegs::join(CallSession *leg, const FloorCoaching::Grant &grant)
{
    CallSession *coached = m_engine->session(grant.sessionId);
    const bool byAgent = grant.mode != FloorCoaching::Listen;
    const bool byParties = grant.mode == FloorCoaching::Barge;
    if (m_router)
        m_router->setCoachingLeg(leg, coached, byAgent, byParties);
    mark(leg, grant);
    Q_EMIT legChanged(leg, grant.sessionId, grant.supervisorId, grant.mode);
}

void FloorCoachingLegs::grantChanged(const QString &token, int sessionId, const QString &supervisorId,
                                     FloorCoaching::Mode mode)
{
    const QPointer<CallSession> leg = m_legs.value(token);
    if (!leg)
        return;
    if (mode != FloorCoaching::None) {
        join(leg, m_coaching->grantFor(token)); // with the name the latest request carried
        return;
    }
    m_legs.remove(token);
    m_heldWithCall.remove(leg);
    if (m_router)
        m_router->setCoachingLeg(leg, nullptr, true, true);
    mark(leg, FloorCoaching::Grant {token, supervisorId, sessionId, FloorCoaching::None});
    Q_EMIT legChanged(leg, sessionId, supervisorId, FloorCoaching::None);
    if (leg->isValid() && leg->state() != Tapi::Idle && leg->state() != Tapi::Disconnected)
        leg->drop(QByteArray());
}
