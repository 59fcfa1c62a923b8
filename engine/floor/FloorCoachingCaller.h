#pragma once

#include <QtCore/qhash.h>
#include <QtCore/qobject.h>
#include <QtCore/qpointer.h>
#include <QtCore/qstringlist.h>
#include <QtCore/qvariant.h>
#include <QtQml/qqmlregistration.h>

class CallEngine;
class CallSession;
class FloorLink;
class Line;

// The supervisor's side of coaching (issue 16): asks an agent's console for listen, whisper or barge on a
// call (FloorCoaching's request) and, once granted, calls the address of the grant on this console's own
// line with the grant's user-to-user information; the agent's console answers that call and joins it.
// A further mode on the same call is only a request (the leg stays). Stopping is hanging up the leg
// (stop(): the leg's drop, as the Drop button of the supervisor's line); the agent's console withdraws
// the grant when the leg ends, so coaching again is a new request and a new leg. Only lines of `providers`
// that send the token with a call's set-up carry legs (the console's SIP lines): a console without one cannot
// coach, and `unavailableReason` says why.
class FloorCoachingCaller : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The console's floor makes it (FloorModel.coaching).")
    Q_PROPERTY(bool available READ available NOTIFY availableChanged FINAL)
    Q_PROPERTY(QString unavailableReason READ unavailableReason NOTIFY availableChanged FINAL)
    // coachingNow(), for the Floor page's rows (the mode each coached call is in).
    Q_PROPERTY(QVariantList coachingNow READ coachingNow NOTIFY coachingChanged FINAL)

public:
    FloorCoachingCaller(FloorLink *link, CallEngine *engine, QStringList providers = {QStringLiteral("sip")},
                        QObject *parent = nullptr);

    bool available() const { return line() != nullptr; }
    QString unavailableReason() const;

    // Sends the request ("listen", "whisper", "barge" or "endCoaching"); returns its token, 0 when it
    // cannot be sent (no line for a leg). finished(token, ...) follows once.
    Q_INVOKABLE qint64 coach(const QString &agentId, int sessionId, const QString &mode);
    // Stops coaching that call: drops this console's leg (CallSession::drop, what hanging up the line
    // does). The drop's request id, or a TAPI error (INVALCALLHANDLE: no leg for that call).
    Q_INVOKABLE int stop(const QString &agentId, int sessionId);
    // The leg this console placed for that call (null when none).
    CallSession *leg(const QString &agentId, int sessionId) const;
    // Whether `session` is a leg this console placed (it is not a call of this console's own agent: the
    // floor shows it as this console coaching, and the recording policy leaves it alone).
    bool isLeg(const CallSession *session) const;
    // The calls this console coaches now, one per leg that is not over: {agentId, sessionId, mode}
    // ("listen", "whisper", "barge"), ordered by agent and session.
    QVariantList coachingNow() const;

Q_SIGNALS:
    void availableChanged();
    // coachingNow() changed: a leg placed, its mode changed, or it ended (it is then forgotten: leg()
    // is null for that call).
    void coachingChanged();
    // This console made `leg` for a granted request (before it talks).
    void legPlaced(CallSession *leg);
    // ok: granted and (for a new grant) the leg placed; result as in the reply, or "noLine" when the
    // leg could not be placed, with the line's TAPI error.
    void finished(qint64 token, const QString &agentId, const QString &mode, bool ok, const QString &result,
                  const QString &message);

private:
    struct Asked
    {
        QString agentId;
        int sessionId = 0;
        QString mode;
    };

    Line *line() const;
    void replied(quint64 token, const QByteArray &body, const QString &error);
    void legStateChanged(const QString &key, CallSession *leg);
    static QString keyOf(const QString &agentId, int sessionId);

    FloorLink *m_link;
    CallEngine *m_engine;
    QStringList m_providers;
    QHash<quint64, Asked> m_asked;
    QHash<QString, QPointer<CallSession>> m_legs; // agentId/sessionId -> this console's leg
    QHash<QString, QString> m_modes; // agentId/sessionId -> the granted mode
};
