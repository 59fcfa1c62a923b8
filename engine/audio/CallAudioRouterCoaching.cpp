// CallAudioRouter: a supervisor's coaching leg joined to the agent's call (listen, whisper, barge).
#include "audio/CallAudioRouter.h"

void CallAudioRouter::setCoachingLeg(CallSession *leg, CallSession *coached, bool byAgent, bool byParties)
{
    if (!leg || leg == coached)
        return;
    const QPointer<CallSession> previous = m_coachingLegs.value(leg).coached;
    if (coached) {
        if (!m_coachingLegs.contains(leg))
            connect(leg, &QObject::destroyed, this, [this, leg] { m_coachingLegs.remove(leg); });
        m_coachingLegs.insert(leg, CoachingLeg {coached, byAgent, byParties});
    } else {
        m_coachingLegs.remove(leg);
    }
    for (CallSession *session : {leg, previous.data(), coached}) {
        if (const int id = session ? bridgeIdOf(session) : 0)
            refreshMode(id);
    }
}

int CallAudioRouter::coachingConferenceOf(const CallSession *session) const
{
    // The coached call's session id: a conference's own id for a conference, unused by any party
    // otherwise.
    const auto found = m_coachingLegs.constFind(session);
    if (found != m_coachingLegs.cend())
        return found->coached ? found->coached->sessionId() : 0;
    for (const CoachingLeg &leg : m_coachingLegs) {
        if (leg.coached == session)
            return session->sessionId();
    }
    return 0;
}

void CallAudioRouter::applyCoachingHearing(int bridgeId)
{
    bool byAgent = true;
    bool byParties = true;
    for (const QPointer<CallSession> &session : std::as_const(m_bridges[bridgeId].sessions)) {
        const auto found = m_coachingLegs.constFind(session.data());
        if (session && found != m_coachingLegs.cend() && found->coached) {
            byAgent = found->byAgent;
            byParties = found->byParties;
        }
    }
    // Ordered before the bridge's mode and conference: a leg is never heard before it should be.
    toMixer([bridgeId, byAgent, byParties](CallAudioMixer *m) {
        m->setBridgeHeard(bridgeId, byAgent, byParties);
    });
}

bool CallAudioRouter::isCoachingLeg(const CallSession *session) const
{
    const auto joined = m_coachingLegs.constFind(session);
    return (joined != m_coachingLegs.cend() && joined->coached) || session->isSupervisionLeg();
}
