#pragma once

#include <QtCore/qelapsedtimer.h>
#include <QtCore/qlist.h>
#include <QtCore/qobject.h>
#include <QtCore/qtimer.h>

#include <memory>
#include <vector>

class AgentState;
class ConsoleAudio;
class ConsoleFloor;
class ConsoleSettings;
class QSettings;
class QTemporaryDir;
class CallEngine;
class CallLog;
class CallSession;
class EventLogModel;
class QQmlApplicationEngine;
class QQuickWindow;
class SimSwitch;

// The real console window on the supervisor view, bound to an engine on the simulated switch with
// `sessions` connected calls and `conferences` three-party conferences; the plain calls' states change
// (hold, unhold, round-robin) at `rate` per second for `seconds`. Prints the frame times (interval between
// frameSwapped, and the frame's own work from afterAnimating to frameSwapped), the process CPU (getrusage)
// and how many list delegates exist.
class SupervisorLoadBench : public QObject
{
    Q_OBJECT

public:
    SupervisorLoadBench(int sessions, int conferences, int rate, int seconds);
    ~SupervisorLoadBench() override;

    // Sets up the sessions and the window; the load starts at the first frame and finished() follows
    // the report. Returns false when the scene could not be set up (QML error, sessions not connected).
    bool start();

Q_SIGNALS:
    void finished();

private:
    void startLoad();
    bool createSessions();
    bool createConference(int index);
    // Runs the switch's due events and the engine's completions until nothing is left.
    void settle();
    bool showWindow();
    void changeStates();
    void report(double wallSeconds, double cpuSeconds);

    int m_sessionCount;
    int m_conferenceCount;
    int m_rate;
    int m_seconds;
    std::unique_ptr<SimSwitch> m_sim;
    std::unique_ptr<CallEngine> m_engine;
    std::unique_ptr<AgentState> m_agent;
    std::unique_ptr<CallLog> m_log;
    std::unique_ptr<EventLogModel> m_events;
    // The console's audio objects, as the app composes them (the view binds to them); settings in a
    // temporary folder.
    std::unique_ptr<QTemporaryDir> m_settingsDir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ConsoleSettings> m_consoleSettings;
    std::unique_ptr<ConsoleAudio> m_audio;
    std::unique_ptr<ConsoleFloor> m_floor; // unconfigured: the floor page says so
    std::unique_ptr<QQmlApplicationEngine> m_qml;
    QQuickWindow *m_window = nullptr;
    QList<CallSession *> m_toggled; // the plain calls the load holds and unholds
    QElapsedTimer m_wall;
    qint64 m_lastPumpMs = 0;
    qint64 m_loadStartMs = 0;
    double m_cpuAtStart = 0;
    QTimer m_pump;
    int m_issued = 0;
    int m_failed = 0;
    int m_stateChanges = 0;
    bool m_measuring = false;
    qint64 m_frameStartNs = -1;
    std::vector<qint64> m_swapNs;
    std::vector<double> m_frameWorkMs;
};
