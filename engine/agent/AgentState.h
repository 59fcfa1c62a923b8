#pragma once

#include <QtCore/qdeadlinetimer.h>
#include <QtCore/qobject.h>
#include <QtCore/qpointer.h>
#include <QtCore/qtimer.h>
#include <QtQml/qqmlregistration.h>

#include "session/CallSession.h"

class CallEngine;
class QQmlEngine;
class QSettings;
class SettingsWriter;
class QJSEngine;

// The agent's availability: Ready, Not ready (with a reason code), Wrap-up (a timer the agent can
// extend) and Offline. While the agent is busy (a call in progress or wrap-up) a requested state
// becomes the next state, applied when the work ends. Offered calls alert only when the agent can
// take them; alertingSession is the one the console's banner, ringer and notification show.
class AgentState : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(State state READ state NOTIFY stateChanged FINAL)
    Q_PROPERTY(QString reasonCode READ reasonCode NOTIFY stateChanged FINAL)
    Q_PROPERTY(bool hasNextState READ hasNextState NOTIFY nextStateChanged FINAL)
    Q_PROPERTY(State nextState READ nextState NOTIFY nextStateChanged FINAL)
    Q_PROPERTY(QString nextReasonCode READ nextReasonCode NOTIFY nextStateChanged FINAL)
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged FINAL)
    Q_PROPERTY(bool canTakeCalls READ canTakeCalls NOTIFY canTakeCallsChanged FINAL)
    Q_PROPERTY(CallSession *alertingSession READ alertingSession NOTIFY alertingSessionChanged FINAL)
    // Every offered session that may alert now (mayAlert), the longest waiting first; alertingSession
    // is one of them. Changes only when that set or its order does, not at every state change of a
    // call: the banner's "also ringing" rows follow it without looking at every session in QML.
    Q_PROPERTY(QList<CallSession *> ringingSessions READ ringingSessions NOTIFY ringingSessionsChanged FINAL)
    Q_PROPERTY(bool autoWrapUp READ autoWrapUp WRITE setAutoWrapUp NOTIFY autoWrapUpChanged FINAL)
    Q_PROPERTY(int wrapUpSeconds READ wrapUpSeconds WRITE setWrapUpSeconds NOTIFY wrapUpSecondsChanged FINAL)
    Q_PROPERTY(qint64 wrapUpRemainingMs READ wrapUpRemainingMs NOTIFY wrapUpDeadlineChanged FINAL)
    Q_PROPERTY(bool wrapUpTimed READ wrapUpTimed NOTIFY wrapUpDeadlineChanged FINAL)
    Q_PROPERTY(bool onCall READ onCall NOTIFY onCallChanged FINAL)
    // Wall-clock ms since the epoch when the state (or the current stretch on calls) began.
    Q_PROPERTY(qint64 stateSinceMs READ stateSinceMs NOTIFY stateChanged FINAL)
    Q_PROPERTY(qint64 onCallSinceMs READ onCallSinceMs NOTIFY onCallChanged FINAL)

public:
    enum State { Offline, Ready, NotReady, WrapUp };
    Q_ENUM(State)
    enum RequestResult { Applied, Deferred, Refused };
    Q_ENUM(RequestResult)

    // No default argument: Qt 6.4 constructs a default-constructible QML singleton itself instead of
    // calling create(), and the UI would bind to an empty agent state.
    explicit AgentState(QObject *parent);
    ~AgentState() override;

    // QML singleton: the composition root creates the object and hands it to QML.
    static void setQmlInstance(AgentState *agent);
    static AgentState *create(QQmlEngine *, QJSEngine *);

    // Follows the engine's calls: busy while calls are in progress, wrap-up after a talked call.
    void attach(CallEngine *engine);

    State state() const { return m_state; }
    QString reasonCode() const { return m_reason; }
    bool hasNextState() const { return m_hasNext; }
    State nextState() const { return m_nextState; }
    QString nextReasonCode() const { return m_nextReason; }
    bool isBusy() const;
    bool canTakeCalls() const;
    CallSession *alertingSession() const { return m_alerting; }
    QList<CallSession *> ringingSessions() const { return m_ringing; }
    bool autoWrapUp() const { return m_autoWrapUp; }
    void setAutoWrapUp(bool on);
    int wrapUpSeconds() const { return m_wrapUpSeconds; }
    void setWrapUpSeconds(int seconds); // 0: wrap-up lasts until the agent finishes it
    qint64 wrapUpRemainingMs() const;
    bool wrapUpTimed() const { return m_state == WrapUp && m_wrapUpTimer.isActive(); }
    bool onCall() const { return callsInProgress() > 0; }
    qint64 stateSinceMs() const { return m_stateSince; }
    qint64 onCallSinceMs() const { return m_onCallSince; }

    // The state the agent comes back to after a restart: restores the one stored in `stateFile` (an INI
    // file, keys "agent/state", "agent/reason"; when it holds none, the one `earlier` holds: the console's
    // settings, where earlier versions kept it; Ready when neither does) and from then on stores every
    // change in `stateFile`, written on a thread of its own (SettingsWriter): a state change never waits for
    // the disk, and the console's settings file is never rewritten for it.
    void persistIn(const QString &stateFile, QSettings *earlier = nullptr);
    // The state worth keeping: wrap-up and calls end with a restart, so what follows them is stored.
    State lastingState() const;
    QString lastingReasonCode() const;

    // Ready, NotReady (reason code required) or Offline: applied now when the agent is free,
    // otherwise kept as the next state. WrapUp is entered with startWrapUp() only.
    Q_INVOKABLE AgentState::RequestResult requestState(AgentState::State state,
                                                       const QString &reasonCode = {});
    Q_INVOKABLE void clearNextState();
    Q_INVOKABLE bool startWrapUp();
    Q_INVOKABLE bool extendWrapUp(int seconds);
    // Ends wrap-up: the next state if one was chosen, otherwise the state before wrap-up.
    Q_INVOKABLE bool finishWrapUp();
    // Whether an offered session may alert (banner, ringer, notification) given the agent's state.
    Q_INVOKABLE bool mayAlert(CallSession *session) const;

Q_SIGNALS:
    void stateChanged(AgentState::State state, AgentState::State previous);
    void nextStateChanged();
    void busyChanged();
    void onCallChanged();
    void canTakeCallsChanged();
    void alertingSessionChanged();
    void ringingSessionsChanged();
    void autoWrapUpChanged();
    void wrapUpSecondsChanged();
    void wrapUpDeadlineChanged();

private:
    void setState(State state, const QString &reason);
    void store();
    void callsInProgressChanged();
    void updateAlerting();
    void updateDerived();
    int callsInProgress() const;

    QPointer<CallEngine> m_engine;
    State m_state = Offline;
    QString m_reason;
    bool m_hasNext = false;
    State m_nextState = Ready;
    QString m_nextReason;
    State m_beforeWrapUp = Ready;
    QString m_reasonBeforeWrapUp;
    bool m_autoWrapUp = true;
    int m_wrapUpSeconds = 60;
    bool m_talked = false; // a call was connected since the agent was last free
    QTimer m_wrapUpTimer;
    QDeadlineTimer m_wrapUpDeadline;
    QPointer<CallSession> m_alerting;
    QList<CallSession *> m_ringing; // ringingSessions(), recomputed with m_alerting
    bool m_lastBusy = false;
    bool m_lastCanTake = false;
    qint64 m_stateSince = 0;
    qint64 m_onCallSince = 0;
    SettingsWriter *m_settingsWriter = nullptr;
    // What the file holds: only a lasting state that differs is written.
    QString m_storedState;
    QString m_storedReason;
};
