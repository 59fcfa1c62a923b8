#pragma once

#include <QtCore/qhash.h>
#include <QtCore/qjsonobject.h>
#include <QtCore/qobject.h>
#include <QtCore/qvariant.h>
#include <QtQml/qqmlregistration.h>

class AgentState;
class CallEngine;
class FloorCoaching;
class FloorLink;
class QJSEngine;
class QQmlEngine;

// Supervisors' requests to this console (subject hookline.agent.<id>.request.<supervisor id>, JSON).
// The supervisor is the one the subject names: with the floor's permissions (docs/architecture.md) the
// server lets each supervisor user publish only on subjects ending in its own id, so it is authenticated
// there; a body naming someone else ("by") is refused. Each request is carried out through the same
// method the agent's button calls, so TAPI's rules and signals are the engine's:
//   {"action": "dropParty" | "dropConference" | "endCall", "sessionId": n}
//   {"action": "forceState", "state": "Ready" | "NotReady" | "Offline", "reason": "..."}
// Each may carry "byName": the supervisor's display name (FloorModel sends its floor/agentName), which the
// agent is shown; it proves nothing, so the id in the subject is what is checked and audited.
// The reply is {"ok", "result", "error", "message"}: result is the TAPI error name ("OK" or
// LINEERR_...) once the engine completed the request, AgentState's Applied/Deferred/Refused for a
// state, or "forbidden"/"invalid" when the console refuses the request itself. Every request, carried
// out or not, is appended to the audit stream (subject hookline.audit.<agentId>). A QML singleton (the
// console's handler), so the agent's console can show what a supervisor did.
class FloorRequestHandler : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

public:
    static constexpr int CompletionTimeoutMs = 10000;
    // A supervisor's name ("byName" in the request) is cut to this many characters.
    static constexpr int MaxSupervisorNameLength = 64;

    FloorRequestHandler(FloorLink *link, CallEngine *engine, AgentState *agent, QObject *parent = nullptr);

    // QML singleton: the composition root creates the handler and hands it to QML.
    static void setQmlInstance(FloorRequestHandler *handler);
    static FloorRequestHandler *create(QQmlEngine *, QJSEngine *);

    // Where supervisorId sends its requests for agentId.
    static QString requestSubject(const QString &agentId, const QString &supervisorId);
    // The supervisor a request subject names (empty when it names none).
    static QString supervisorOf(const QString &subject);
    static QString auditSubject(const QString &agentId);
    // The display name a request carries ("byName": simplified, cut to MaxSupervisorNameLength, bidi
    // controls neutralised), empty when it carries none. Shown to the agent, never checked.
    static QString supervisorNameOf(const QJsonObject &request);

    // Coaching requests (listen, whisper, barge, endCoaching) go to `coaching`; without one they are
    // refused as unknown actions.
    void setCoaching(FloorCoaching *coaching) { m_coaching = coaching; }

    // A supervisor's coaching leg ended on his side (he pressed Stop or hung up his line): no request
    // came, but the audit must say when his listening, whispering or barging ended, as it says when it
    // began. Appended as action "stopCoaching" by him, with the mode and the coached session; connected
    // to FloorCoachingLegs::supervisorLeft.
    void auditSupervisorLeft(const QString &supervisorId, const QString &mode, const QVariantMap &details);

Q_SIGNALS:
    // A supervisor acted on this console (for the agent to see): who, what, how it ended (result as in
    // the reply; ok when carried out) and on what: details holds the request's sessionId, state and
    // reason, the call's remoteName and remoteNumber as they were when the request arrived, and
    // supervisorName (the supervisor's display name) when the request carried one.
    void supervisorActed(const QString &supervisorId, const QString &action, const QString &result, bool ok,
                         const QVariantMap &details);

private:
    struct Pending
    {
        QString replySubject;
        QString by;
        QJsonObject request;
        QVariantMap details;
    };

    void handle(const QString &subject, const QString &replySubject, const QByteArray &body);
    // Runs the action of the supervisor by; returns the finished reply, or an empty object when the
    // engine's completion of *engineRequest is awaited.
    QJsonObject execute(const QString &by, const QJsonObject &request, int *engineRequest);
    void finish(const QString &replySubject, const QString &by, const QJsonObject &request,
                const QJsonObject &reply, const QVariantMap &details);
    void appendAudit(const QString &by, const QJsonObject &request, const QJsonObject &reply);
    // What the agent is told the request was about (see supervisorActed).
    QVariantMap detailsOf(const QJsonObject &request) const;
    void onEngineCompleted(int requestId, int error);

    FloorLink *m_link;
    CallEngine *m_engine;
    AgentState *m_agent;
    FloorCoaching *m_coaching = nullptr;
    QHash<int, Pending> m_waiting; // engine request id -> the request awaiting its completion
};
