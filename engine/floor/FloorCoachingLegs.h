#pragma once

#include "floor/FloorCoaching.h"

#include <QtCore/qhash.h>
#include <QtCore/qobject.h>
#include <QtCore/qpointer.h>

class CallAudioRouter;
class CallEngine;
class CallSession;

// The agent's console's side of a granted coaching leg (issue 16): the supervisor's console calls the
// address of the grant with the grant's token as user-to-user information (FloorCoaching::
// userUserInfoOf); that incoming call is answered at once, without ringing the agent, and joined to the
// coached call on the console's mixer with the grant's hearing (CallAudioRouter::setCoachingLeg). A
// mode change of the grant changes the leg's hearing; a withdrawn grant (endCoaching, the coached call
// ended) drops the leg. A call carrying no token, or one no grant holds, is an ordinary call.
class FloorCoachingLegs : public QObject
{
    Q_OBJECT

public:
    FloorCoachingLegs(FloorCoaching *coaching, CallEngine *engine, CallAudioRouter *router,
                      QObject *parent = nullptr);

    // The coaching leg a session is (for the agent's session list), or a grant with sessionId 0.
    FloorCoaching::Grant legGrant(const CallSession *session) const;
    bool isCoachingLeg(const CallSession *session) const { return legGrant(session).sessionId != 0; }

Q_SIGNALS:
    // A leg was answered and joined, its mode changed, or it ended (mode None).
    void legChanged(CallSession *leg, int coachedSessionId, const QString &supervisorId,
                    FloorCoaching::Mode mode);

private:
    void consider(CallSession *session);
    void grantChanged(const QString &token, int sessionId, const QString &supervisorId,
                      FloorCoaching::Mode mode);
    void join(CallSession *leg, const FloorCoaching::Grant &grant);

    FloorCoaching *m_coaching;
    CallEngine *m_engine;
    CallAudioRouter *m_router;
    QHash<QString, QPointer<CallSession>> m_legs; // token -> the answered leg
};
