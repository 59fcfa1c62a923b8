#pragma once

#include "agent/AgentState.h"
#include "floor/FloorLink.h"
#include "floor/FloorModel.h"
#include "settings/ConsoleSettings.h"

#include <QtCore/qelapsedtimer.h>
#include <QtCore/qhash.h>
#include <QtCore/qobject.h>
#include <QtCore/qprocess.h>
#include <QtCore/qsettings.h>
#include <QtCore/qtemporarydir.h>
#include <QtCore/qtimer.h>

#include <memory>
#include <vector>

class FloorFilterModel;
class QQmlEngine;
class QQuickWindow;

// The supervisor's side of bench_floor: the link and FloorModel as the console has them, watching the
// bucket, with the floor page (ui/pages/FloorPage.qml through the Hookline.Ui module, which puts its own
// FloorFilterModel over the model) in a window, or a bare FloorFilterModel with --no-gui. It starts the
// load generator (this executable with --generate), and measures each change's latency from its send
// time (the agent's stateSinceMs) to the model's dataChanged, its resident memory, the window's frame
// intervals and the GUI thread's lateness (a 1 ms timer).
class FloorSupervisorBench : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString url;
        int agents = 1000;
        int rate = 200;
        int seconds = 10;
        int ttlSeconds = 300;
        bool gui = true;
    };

    explicit FloorSupervisorBench(const Options &options);
    ~FloorSupervisorBench() override;
    // Runs to the end (the event loop) and returns the exit code: 0 when the run completed.
    int run();

private:
    bool showPage();
    void onGeneratorOutput();
    void onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight);
    void checkLoaded();
    void finish(const char *why);
    qint64 sinceOf(int row) const;

    Options m_options;
    FloorLink m_link {nullptr};
    FloorModel m_model {&m_link};
    AgentState m_agent {nullptr};
    // The settings the page reads (the theme): defaults, in a file of the benchmark's own.
    QTemporaryDir m_settingsDir;
    QSettings m_userSettings {m_settingsDir.filePath(QStringLiteral("hookline.conf")), QSettings::IniFormat};
    ConsoleSettings m_settings {&m_userSettings, QString(), nullptr};
    std::unique_ptr<FloorFilterModel> m_filter;
    std::unique_ptr<QQmlEngine> m_qml;
    std::unique_ptr<QObject> m_window;
    QProcess m_generator;
    QByteArray m_generatorOutput;
    QElapsedTimer m_clock;
    qint64 m_startMs = 0;
    bool m_generatorLoaded = false;
    bool m_loaded = false;
    bool m_measuring = false;
    bool m_done = false;
    qint64 m_sent = -1;
    qint64 m_loadMs = 0;
    double m_rssLoadedMb = 0;
    std::vector<qint64> m_since; // per model row: the stateSinceMs seen last
    std::vector<double> m_latencies; // ms
    std::vector<double> m_frameIntervals;
    std::vector<double> m_timerLateness;
    qint64 m_lastFrameNs = -1;
    qint64 m_lastTickNs = -1;
    QTimer m_tick;
    QTimer m_deadline;
    int m_exitCode = 0;
};
