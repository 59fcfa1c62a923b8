#pragma once

#include "agent/AgentState.h"
#include "floor/FloorLink.h"
#include "floor/FloorSettings.h"

#include <QtCore/qelapsedtimer.h>
#include <QtCore/qhash.h>
#include <QtCore/qobject.h>
#include <QtCore/qsocketnotifier.h>
#include <QtCore/qtimer.h>

#include <memory>
#include <vector>

// The load generator (a process of its own, so the supervisor's memory and CPU are its own): N agents,
// each an AgentState whose entry is encoded by FloorPublisher::agentValue and written through one
// FloorLink (one connection, as a gateway would). It publishes every agent, prints "loaded <ms>" once
// the server acknowledged them all, waits for "go" on stdin, then changes agents round-robin
// (Ready <-> NotReady) at the rate for the duration and prints "sent <changes>". Each change carries its
// send time: the agent's stateSinceMs, the wall clock when the state changed, just before the write.
class FloorLoadGenerator : public QObject
{
    Q_OBJECT

public:
    FloorLoadGenerator(const QString &url, int agents, int rate, int seconds, int ttlSeconds);
    void start();

private:
    void publish(int index);
    void go();
    void tick();

    FloorLink m_link {nullptr};
    std::vector<FloorSettings> m_identities;
    std::vector<std::unique_ptr<AgentState>> m_agents;
    int m_rate;
    int m_seconds;
    int m_acknowledged = 0;
    bool m_loaded = false;
    qint64 m_sent = 0;
    QElapsedTimer m_clock;
    QTimer m_pump;
    std::unique_ptr<QSocketNotifier> m_stdin;
    QHash<QString, qint64> m_writtenAt; // key -> when the change was handed to the link (run only)
    std::vector<double> m_ackMs; // from the hand-over to the server's acknowledgement
};
