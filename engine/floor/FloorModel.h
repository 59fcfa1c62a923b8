#pragma once

#include "floor/FloorSession.h"

#include <QtCore/qabstractitemmodel.h>
#include <QtCore/qelapsedtimer.h>
#include <QtCore/qhash.h>
#include <QtCore/qjsonobject.h>
#include <QtCore/qmap.h>
#include <QtCore/qpointer.h>
#include <QtCore/qtimer.h>
#include <QtCore/qvariant.h>
#include <QtQml/qqmlregistration.h>

#include "floor/FloorCoachingCaller.h"

#include <functional>
#include <set>

class FloorLink;
class QQmlEngine;
class QJSEngine;

// The supervisor's floor: one row per agent on the floor (from the bucket's agent.<id> entries, watched
// through the link), each with its calls (call.<agentId>.<sessionId>), and the figures a supervisor reads
// at a glance. An entry that is neither refreshed nor deleted within the expiry (its console died) is
// dropped. Each call is also a FloorSession: a monitor handle onto the agent's call (TAPI's MONITOR
// privilege: its own drop is NOTOWNER), whose supervisor actions are requests to the agent's console.
// Actions are requests to the agent's console; actionFinished reports each result.
// Nothing is watched until watch() is called: an agent's console has no permission to watch the floor,
// so the console watches only once its floor page is opened. A QML singleton (the console's instance).
class FloorModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool watching READ watching NOTIFY watchingChanged FINAL)
    // Listen, whisper and barge from this console (FloorCoachingCaller; null: this console cannot coach).
    Q_PROPERTY(FloorCoachingCaller *coaching READ coaching NOTIFY coachingChanged FINAL)
    Q_PROPERTY(bool synced READ synced NOTIFY syncedChanged FINAL)
    Q_PROPERTY(int count READ count NOTIFY countChanged FINAL)
    // The teams and lines on the floor now (sorted, no empty names), for the view's filters.
    Q_PROPERTY(QStringList teams READ teams NOTIFY figuresChanged FINAL)
    Q_PROPERTY(QStringList lines READ lines NOTIFY figuresChanged FINAL)
    // Every conference on the floor, agent by agent: {agentId, agentName, conference (its call), parties
    // (their calls, as they are now), session (the conference's FloorSession), partySessions (the
    // parties' FloorSessions)}.
    Q_PROPERTY(QVariantList conferences READ conferences NOTIFY conferencesChanged FINAL)
    Q_PROPERTY(QVariantMap agentsPerState READ agentsPerState NOTIFY figuresChanged FINAL)
    Q_PROPERTY(int callsInProgress READ callsInProgress NOTIFY figuresChanged FINAL)
    Q_PROPERTY(qint64 longestCallMs READ longestCallMs NOTIFY figuresChanged FINAL)
    Q_PROPERTY(qint64 longestWaitMs READ longestWaitMs NOTIFY figuresChanged FINAL)

public:
    enum Role {
        AgentIdRole = Qt::UserRole + 1,
        NameRole,
        StateRole,
        ReasonRole,
        StateSinceMsRole,
        OnCallRole,
        // list of call objects (the published JSON), ordered by session id; each `coaching` entry has
        // supervisorName: the one the agent's console published, else the supervisor's agent entry's
        // name (empty when neither is known)
        CallsRole,
        CallCountRole,
        TeamRole, // the agent's team (floor/team), empty when none
        LinesRole, // the lines of the agent's calls (sorted, each once)
        SessionsRole, // the agent's calls as FloorSession objects (monitor handles), ordered by session id
        // The calls this agent's console coaches as a supervisor (its legs are no calls of the floor):
        // {agentId, agentName (the coached agent's, or its id), sessionId, mode}; empty when none.
        CoachingRole,
    };
    Q_ENUM(Role)

    explicit FloorModel(FloorLink *link, QObject *parent = nullptr);

    // QML singleton: the composition root creates the model and hands it to QML.
    static void setQmlInstance(FloorModel *model);
    static FloorModel *create(QQmlEngine *, QJSEngine *);

    FloorCoachingCaller *coaching() const { return m_coaching; }
    void setCoaching(FloorCoachingCaller *coaching);

    bool watching() const { return m_watching; }
    // Watches the bucket from now on, also across the link's restarts; calling it again does nothing.
    Q_INVOKABLE void watch();
    int count() const { return int(m_rows.size()); }
    QStringList teams() const { return m_teams; }
    QStringList lines() const { return m_lines; }
    QVariantList conferences() const { return m_conferences; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    bool synced() const { return m_synced; }
    QVariantMap agentsPerState() const { return m_perState; }
    int callsInProgress() const { return m_callsInProgress; }
    qint64 longestCallMs() const { return m_longestCallMs; }
    qint64 longestWaitMs() const { return m_longestWaitMs; }

    // Entries unseen for this long are dropped (the bucket's TTL; 0 keeps them).
    void setExpiryMs(qint64 ms) { m_expiryMs = ms; }
    // The wall clock figures are computed with (tests pin it).
    void setClock(std::function<qint64()> nowMs);
    Q_INVOKABLE int rowOf(const QString &agentId) const;
    QJsonObject call(const QString &agentId, int sessionId) const;
    // The supervisor's monitor handle onto an agent's call (null when the floor has no such call). Owned
    // by the model; it goes when the call leaves the floor (valid turns false first).
    Q_INVOKABLE FloorSession *session(const QString &agentId, int sessionId) const;

    // Requests to the agent's console. Each returns a token; actionFinished(token, ...) follows once.
    Q_INVOKABLE qint64 dropParty(const QString &agentId, int sessionId);
    Q_INVOKABLE qint64 dropConference(const QString &agentId, int sessionId);
    Q_INVOKABLE qint64 endCall(const QString &agentId, int sessionId);
    Q_INVOKABLE qint64 forceState(const QString &agentId, const QString &state, const QString &reason = {});

Q_SIGNALS:
    void coachingChanged();
    void watchingChanged();
    void countChanged();
    void syncedChanged();
    void figuresChanged();
    void conferencesChanged();
    // ok: the console carried it out; result: its TAPI result ("OK", LINEERR_...), AgentState's
    // Applied/Deferred/Refused, "forbidden"/"invalid"/"timeout", or why no console answered (message);
    // error: the TAPI error (Tapi::LineError, 0 when there is none).
    void actionFinished(qint64 token, const QString &agentId, const QString &action, bool ok,
                        const QString &result, const QString &message, int error);

private:
    QPointer<FloorCoachingCaller> m_coaching;
    // What one agent adds to the floor's figures. Kept per agent so that a change updates the figures by
    // taking the agent's old share out and its new one in, not by a pass over the whole floor (5,000
    // agents at 200 changes/s).
    struct Share
    {
        QString state;
        QString team;
        QStringList lines; // each once, no empty name
        int calls = 0; // in progress, a conference once
        qint64 firstConnectedMs = 0; // the earliest connect of those calls (0: none)
        qint64 firstOfferedMs = 0; // the earliest offer of its waiting calls (0: none)
        QVariantList conferences;
    };

    struct Agent
    {
        QJsonObject value;
        QMap<int, QJsonObject> calls;
        QMap<int, FloorSession *> sessions; // one per call, the same keys
        qint64 seenMs = 0;
        QHash<int, qint64> callSeenMs;
        Share share;
        bool counted = false; // its share is in the figures: exactly while it has a row
    };

    void onEntry(const QString &key, const QByteArray &value, bool removed);
    void sweep();
    void changedAgent(const QString &agentId);
    void recompute();
    static Share shareOf(const QString &agentId, const Agent &agent);
    void count(const QString &agentId, Agent &agent);
    void uncount(Agent &agent);
    void removeRow(int row);
    qint64 send(const QString &agentId, QJsonObject request);
    void updateSession(const QString &agentId, Agent &agent, int sessionId);
    static void releaseSession(Agent &agent, int sessionId);

    FloorLink *m_link;
    std::function<qint64()> m_now;
    QList<QString> m_rows; // agents with an agent entry, in arrival order
    QHash<QString, int> m_rowOf; // agent id -> its row in m_rows
    QHash<QString, Agent> m_agents; // also agents known only by their calls so far
    struct Action
    {
        QString agentId;
        QString action;
        int sessionId = 0; // the call it is about (0: the agent's state)
    };
    QHash<qint64, Action> m_actions; // token -> what was asked
    QTimer m_tick; // figures that grow with time, and expiry
    qint64 m_expiryMs = 0;
    bool m_watching = false;
    bool m_synced = false;
    QStringList m_teams;
    QStringList m_lines;
    QVariantList m_conferences;
    QVariantMap m_perState;
    int m_callsInProgress = 0;
    qint64 m_longestCallMs = 0;
    qint64 m_longestWaitMs = 0;
    // The counted agents' shares, summed.
    QHash<QString, int> m_stateCounts;
    QHash<QString, int> m_teamCounts;
    QHash<QString, int> m_lineCounts;
    int m_callCount = 0;
    std::multiset<qint64> m_connectedTimes;
    std::multiset<qint64> m_offeredTimes;
    bool m_conferencesDirty = false; // an agent with conferences changed: the list is built again
};
