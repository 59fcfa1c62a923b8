#include "floor/FloorCoachingLegs.h"

#include "audio/CallAudioRouter.h"
#include "core/Tapi.h"
#include "floor/FloorLogging.h"
#include "session/CallEngine.h"
#include "session/CallSession.h"

FloorCoachingLegs::FloorCoachingLegs(FloorCoaching *coaching, CallEngine *engine, CallAudioRouter *router,
                                     QObject *parent)
    : QObject(parent)
    , m_coaching(coaching)
    , m_engine(engine)
    , m_router(router)
{
    connect(coaching, &FloorCoaching::grantChanged, this, &FloorCoachingLegs::grantChanged);
    connect(engine, &CallEngine::sessionStateChanged, this, &FloorCoachingLegs::consider);
    connect(engine, &CallEngine::sessionAdded, this, [this](CallSession *session) {
        // The token may arrive with the offer or just after it.
        connect(session, &CallSession::userUserInfoChanged, this, [this, session] { consider(session); });
        consider(session);
    });
}

FloorCoaching::Grant FloorCoachingLegs::legGrant(const CallSession *session) const
{
    for (auto it = m_legs.cbegin(); it != m_legs.cend(); ++it) {
        if (it.value() && it.value() == session)
            return m_coaching->grantFor(it.key());
    }
    return {};
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
    qCInfo(lcFloor) << "floor: answering the coaching leg of" << grant.supervisorId << "for session"
                    << grant.sessionId;
    // Joined before it is answered: its audio is never heard more widely than the grant says.
    join(session, grant);
    session->answer();
}

void FloorCoachingLegs::join(CallSession *leg, const FloorCoaching::Grant &grant)
{
    CallSession *coached = m_engine->session(grant.sessionId);
    const bool byAgent = grant.mode != FloorCoaching::Listen;
    const bool byParties = grant.mode == FloorCoaching::Barge;
    if (m_router)
        m_router->setCoachingLeg(leg, coached, byAgent, byParties);
    Q_EMIT legChanged(leg, grant.sessionId, grant.supervisorId, grant.mode);
}

void FloorCoachingLegs::grantChanged(const QString &token, int sessionId, const QString &supervisorId,
                                     FloorCoaching::Mode mode)
{
    const QPointer<CallSession> leg = m_legs.value(token);
    if (!leg)
        return;
    if (mode != FloorCoaching::None) {
        join(leg, FloorCoaching::Grant {token, supervisorId, sessionId, mode});
        return;
    }
    m_legs.remove(token);
    if (m_router)
        m_router->setCoachingLeg(leg, nullptr, true, true);
    Q_EMIT legChanged(leg, sessionId, supervisorId, FloorCoaching::None);
    if (leg->isValid() && leg->state() != Tapi::Idle && leg->state() != Tapi::Disconnected)
        leg->drop(QByteArray());
}
