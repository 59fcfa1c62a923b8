#pragma once

#include "floor/FloorCoaching.h"

#include <QtCore/qhash.h>
#include <QtCore/qobject.h>
#include <QtCore/qpointer.h>
#include <QtCore/qset.h>
#include <QtCore/qvariant.h>
#include <QtQml/qqmlregistration.h>

class CallAudioRouter;
class CallEngine;
class CallSession;
class QJSEngine;
class QQmlEngine;

// The agent's console's side of a granted coaching leg (issue 16): the supervisor's console calls the
// address of the grant with the grant's token as user-to-user information (FloorCoaching::
// userUserInfoOf); that incoming call is answered at once, without ringing the agent, and joined to the
// coached call on the console's mixer with the grant's hearing (CallAudioRouter::setCoachingLeg). A
// mode change of the grant changes the leg's hearing; a withdrawn grant (endCoaching, the coached call
// ended) drops the leg. A call carrying no token, or one no grant holds, is an ordinary call.
// The leg follows the coached call: held when the agent holds it (its supervisor no longer hears the
// agent), resumed when the agent resumes it, dropped when it ends. A leg that ends on the supervisor's
// side (he stopped coaching or hung up) withdraws its grant at once, and the agent is told
// (supervisorLeft). `marks` tells the agent's session list which calls a supervisor is on and which
// call is a supervisor's leg.
class FloorCoachingLegs : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    // Session id (as text) -> {"supervisorId", "supervisorName" (the name his console sent, empty when
    // none), "mode" ("listen", "whisper", "barge"), "leg" (true on the supervisor's own call, false on the
    // coached call)}, for every joined leg and its coached call.
    Q_PROPERTY(QVariantMap marks READ marks NOTIFY marksChanged FINAL)

public:
    FloorCoachingLegs(FloorCoaching *coaching, CallEngine *engine, CallAudioRouter *router,
                      QObject *parent = nullptr);

    static void setQmlInstance(FloorCoachingLegs *legs);
    static FloorCoachingLegs *create(QQmlEngine *, QJSEngine *);

    // The coaching leg a session is (for the agent's session list), or a grant with sessionId 0.
    FloorCoaching::Grant legGrant(const CallSession *session) const;
    bool isCoachingLeg(const CallSession *session) const { return legGrant(session).sessionId != 0; }
    QVariantMap marks() const { return m_marks; }
    // The grants whose legs are joined to the coached call `sessionId` now, by supervisor id.
    QList<FloorCoaching::Grant> joinedTo(int sessionId) const;

Q_SIGNALS:
    // A leg was answered and joined, its mode changed, or it ended (mode None).
    void legChanged(CallSession *leg, int coachedSessionId, const QString &supervisorId,
                    FloorCoaching::Mode mode);
    void marksChanged();
    // A joined leg ended on the supervisor's side (he stopped coaching or hung up) while its grant held:
    // the grant is withdrawn, and this tells the agent. mode as the grant had it ("listen", "whisper",
    // "barge"); details as FloorRequestHandler::supervisorActed's: sessionId (the coached call),
    // remoteName and remoteNumber of that call, supervisorName when his console sent one.
    void supervisorLeft(const QString &supervisorId, const QString &mode, const QVariantMap &details);

private:
    void consider(CallSession *session);
    // A state change of `session`: a coached call's legs are held or resumed with it; a leg that ended
    // (the supervisor hung up) leaves the call.
    void follow(CallSession *session, int state);
    void grantChanged(const QString &token, int sessionId, const QString &supervisorId,
                      FloorCoaching::Mode mode);
    void join(CallSession *leg, const FloorCoaching::Grant &grant);
    void mark(CallSession *leg, const FloorCoaching::Grant &grant);
    static QVariantMap markOf(const FloorCoaching::Grant &grant, bool leg);

    FloorCoaching *m_coaching;
    CallEngine *m_engine;
    CallAudioRouter *m_router;
    QHash<QString, QPointer<CallSession>> m_legs; // token -> the answered leg
    QSet<const CallSession *> m_heldWithCall; // legs this object held because their call was held
    QVariantMap m_marks;
};
