#pragma once

#include "Scenario.h"
#include "providers/ScenarioPlayer.h"
#include "session/CallSession.h"

#include <QtCore/qelapsedtimer.h>
#include <QtCore/qhash.h>
#include <QtCore/qobject.h>
#include <QtCore/qpointer.h>
#include <QtCore/qtimer.h>

#include <memory>

class CallEngine;
class CallSession;
class SimAgentAudio;
class SimSwitch;

// Plays a scenario's steps on the simulated switch in virtual time: far-end events, agent actions
// (through the same session methods the UI calls) and expectations.
class ScenarioRunner : public QObject
{
    Q_OBJECT

public:
    ScenarioRunner(const Scenario &scenario, SimSwitch *sim, QObject *parent = nullptr);
    ~ScenarioRunner() override;

    // Adds the scenario's lines and far ends to the switch (before the engine attaches it).
    void configureSwitch();
    void play(CallEngine *engine, bool realTime,
              std::function<void(const ScenarioPlayer::Result &)> finished);
    CallSession *session(const QString &label) const { return m_labels.value(label); }
    // The agent's side of a headless run (null with the wall clock: the console has real devices).
    SimAgentAudio *agentAudio() const { return m_agentAudio.get(); }

private:
    void run(const ScenarioStep &step);
    void runAgent(const ScenarioStep &step);
    void runRemote(const ScenarioStep &step);
    bool check(const ScenarioStep &step, QString *mismatch);
    bool checkHeard(const QJsonObject &heard, QString *mismatch);
    bool checkPlayed(const QJsonObject &played, QString *mismatch);
    void pump();
    void pumpRealTime();
    // Scenarios with SIP lines, headless: the steps on the wall clock, scripted (a mismatch ends the run).
    void pumpWallClock();
    void waitForRegistration();
    void scheduleSteps();
    bool claimIncoming();
    void finish(int exitCode, const QString &message);
    void error(const ScenarioStep &step, const QString &message);

    Scenario m_scenario;
    SimSwitch *m_sim;
    CallEngine *m_engine = nullptr;
    bool m_realTime = false; // the console: a person acts, expectations are notes in the log
    bool m_wallClock = false; // the console, or a scenario with SIP lines
    // An `incoming` step waiting for a call on a SIP line: the scenario's clock stands still meanwhile.
    struct Awaited
    {
        ScenarioStep step;
        qint64 sinceMs = -1; // wall time the wait began; -1: not waiting
    };
    Awaited m_awaited;
    qint64 m_pausedMs = 0; // wall time the scenario's clock stood still, in total
    QHash<QString, QList<QPointer<CallSession>>> m_unclaimed; // calls offered on SIP lines, not yet named
    QTimer m_agentAudioTimer; // steps the agent's side on the wall clock
    bool m_finished = false;
    QElapsedTimer m_wall;
    std::function<void(const ScenarioPlayer::Result &)> m_done;
    QHash<QString, QPointer<CallSession>> m_labels;
    QHash<int, QStringList> m_labelsForRequest; // labels for the session makeCall creates
    struct ConsultLabels
    {
        QPointer<CallSession> issuer;
        QString verb;
        QStringList labels;
    };
    // Labels for the calls a consultation request creates, found through the issuer's relations when
    // the request completes (the engine has made them by then).
    QHash<int, ConsultLabels> m_consultLabels;
    void labelConsultCalls(int requestId);
    int m_completingRequest = 0;
    int m_stepsLeft = 0;
    QTimer m_realTimePump; // the console's clock: virtual time follows the wall clock
    std::unique_ptr<SimAgentAudio> m_agentAudio;
};
