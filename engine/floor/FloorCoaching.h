#pragma once

#include <QtCore/qhash.h>
#include <QtCore/qjsonobject.h>
#include <QtCore/qobject.h>
#include <QtCore/qstringlist.h>

class CallEngine;
class ConsoleSettings;

// Supervisors coaching the agent on a call (issue 16): listen (hears the agent and the far end, heard by
// nobody), whisper (heard by the agent only) and barge (a full conference party). A supervisor asks
// through the floor's request subject ({"action": "listen" | "whisper" | "barge", "sessionId": n});
// the agent's console decides with its own policy (settings coaching/most: the most a supervisor may
// do, "off" by default; coaching/supervisors: who may, empty: every supervisor the floor lets send
// requests) and grants a coaching leg: the reply names the line address the supervisor's console calls
// (a number, or a SIP URI such as sip:agent7@pbx.example; a line address that is neither is refused)
// and the user-to-user information its call carries (a token), so the console can tell that incoming
// call from any other, answer it at once and join it to the call with the granted mode
// (FloorCoachingLegs). A further request of
// the same supervisor on the same call changes the mode of the grant (and of its leg, once joined);
// "endCoaching" withdraws it, and so does the end of its leg (the supervisor stopped or hung up:
// FloorCoachingLegs) or of its call.
class FloorCoaching : public QObject
{
    Q_OBJECT

public:
    enum Mode { None, Listen, Whisper, Barge };
    Q_ENUM(Mode)

    // The user-to-user information the supervisor's call carries (a SIP User-to-User header), and the
    // token in such a text (empty when it is not one).
    static QString userUserInfoOf(const QString &token);
    static QString tokenOfUserUserInfo(const QString &text);
    // Its length in octets (a line that carries a leg sends at least this much with a call's set-up).
    static constexpr int UserUserInfoOctets = 15 + 16; // "hookline-coach:" and 64 bits in hex

    struct Grant
    {
        QString token;
        QString supervisorId;
        int sessionId = 0;
        Mode mode = None;
        // The name the supervisor's console sent with its latest request (FloorRequestHandler::
        // supervisorNameOf), for the agent to read; empty when it sent none.
        QString supervisorName;
        // Who the agent reads: the name, else the id.
        QString shownName() const { return supervisorName.isEmpty() ? supervisorId : supervisorName; }
    };

    FloorCoaching(CallEngine *engine, ConsoleSettings *settings, QObject *parent = nullptr);

    static bool isCoachingAction(const QString &action);
    // The mode an action or a coaching/most value names (None for anything else).
    static Mode modeOf(const QString &name);
    static QString nameOf(Mode mode);

    // The policy as the settings hold it now.
    Mode most() const;
    QStringList coaches() const;

    // Carries out a coaching request of supervisor `by` (already known to be allowed on the floor):
    // the reply as FloorRequestHandler sends it ({"ok", "result", "error", "message"} and, when
    // granted, "mode", "address", "token", "userUserInfo").
    QJsonObject request(const QString &by, const QJsonObject &request);

    // The grant an incoming call's token matches (none: sessionId 0).
    Grant grantFor(const QString &token) const;
    QList<Grant> grants() const { return m_grants.values(); }
    // Withdraws a grant (grantChanged with None); nothing when no grant has that token.
    void withdraw(const QString &token);

Q_SIGNALS:
    // A grant was made, changed mode, or was withdrawn (mode None).
    void grantChanged(const QString &token, int sessionId, const QString &supervisorId,
                      FloorCoaching::Mode mode);

private:
    QString tokenOf(const QString &supervisorId, int sessionId) const;

    CallEngine *m_engine;
    ConsoleSettings *m_settings;
    QHash<QString, Grant> m_grants; // token -> grant
};
