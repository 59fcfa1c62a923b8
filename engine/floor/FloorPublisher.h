#pragma once

#include "floor/FloorCoachingCaller.h"
#include "floor/FloorCoachingLegs.h"

#include <QtCore/qjsonobject.h>
#include <QtCore/qobject.h>
#include <QtCore/qpointer.h>
#include <QtCore/qset.h>
#include <QtCore/qtimer.h>

class AgentState;
struct FloorSettings;
class CallEngine;
class CallSession;
class FloorLink;

// What this console shows the floor: its agent (key agent.<id>) and each of its sessions (key
// call.<agentId>.<sessionId>) as JSON values in the bucket. Changes are coalesced (one write per key per
// CoalesceMs); a terminated session's key is deleted. The link keeps the bucket in step across
// reconnects and refreshes the entries so they expire when this console dies.
// A supervisor's coaching leg is not a call of the floor: on the agent's console (FloorCoachingLegs) the
// coached call's entry names who coaches it and how (`coaching`), and the leg has no entry; on the
// supervisor's console (FloorCoachingCaller) the agent entry names the calls it coaches (`coaching`),
// and its legs have no entry either.
class FloorPublisher : public QObject
{
    Q_OBJECT

public:
    static constexpr int CoalesceMs = 50;

    FloorPublisher(FloorLink *link, CallEngine *engine, AgentState *agent, QObject *parent = nullptr);

    static QString agentKey(const QString &agentId);
    static QString callKey(const QString &agentId, int sessionId);
    QJsonObject agentValue() const;
    // The agent entry of this identity (id, name, team) in this state: what agentValue() publishes, also
    // for the floor benchmark's load generator, which publishes as many agents over one link.
    static QJsonObject agentValue(const FloorSettings &identity, const AgentState &agent);
    QJsonObject callValue(CallSession *session) const;

    // The legs this console answers as the agent's console (coaching enabled) and places as a
    // supervisor's: both are kept out of the calls published, and shown as coaching instead.
    void setCoachingLegs(FloorCoachingLegs *legs);
    void setCoachingCaller(FloorCoachingCaller *caller);
    // Whether `session` is a coaching leg (answered or placed here), which the floor does not show as a call.
    bool isCoachingLeg(const CallSession *session) const;

private:
    void watchSession(CallSession *session);
    void markAgent();
    void markSession(int sessionId);
    // `sessionId` is a coaching leg: never published from now on (until it is terminated).
    void unpublishLeg(int sessionId);
    void publishAll();
    void publishDirty();

    FloorLink *m_link;
    CallEngine *m_engine;
    AgentState *m_agent;
    QTimer m_coalesce;
    bool m_agentDirty = false;
    QSet<int> m_dirtySessions;
    QPointer<FloorCoachingLegs> m_legs;
    QPointer<FloorCoachingCaller> m_caller;
    QSet<int> m_legSessions; // sessions that were coaching legs here: never published, even once over
};
