#include "SupervisorLoadBench.h"

#include "Figures.h"
#include "SimSwitch.h"
#include "agent/AgentState.h"
#include "audio/ConsoleAudio.h"
#include "core/Tapi.h"
#include "floor/ConsoleFloor.h"
#include "log/CallLog.h"
#include "log/EventLogModel.h"
#include "session/CallEngine.h"
#include "session/CallSession.h"
#include "settings/ConsoleSettings.h"

#include <QtCore/qcoreapplication.h>
#include <QtCore/qsettings.h>
#include <QtCore/qtemporarydir.h>
#include <QtQml/qqmlapplicationengine.h>
#include <QtQuick/qquickitem.h>
#include <QtQuick/qquickwindow.h>

#include <sys/resource.h>

#include <cstdio>

namespace {
double cpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec
        + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// Delegates a ListView holds (visible ones and those parked in its reuse pool).
QString delegateCount(QObject *root, const char *objectName)
{
    auto *view = root->findChild<QQuickItem *>(QLatin1String(objectName));
    if (!view)
        return QStringLiteral("%1: not found").arg(QLatin1String(objectName));
    auto *content = view->property("contentItem").value<QQuickItem *>();
    int visible = 0, total = 0;
    for (QQuickItem *item : content ? content->childItems() : QList<QQuickItem *>()) {
        ++total;
        visible += item->isVisible() ? 1 : 0;
    }
    return QStringLiteral("%1: %2 rows, %3 delegates (%4 visible)")
        .arg(QLatin1String(objectName))
        .arg(view->property("count").toInt())
        .arg(total)
        .arg(visible);
}
} // namespace

SupervisorLoadBench::SupervisorLoadBench(int sessions, int conferences, int rate, int seconds)
    : m_sessionCount(sessions)
    , m_conferenceCount(conferences)
    , m_rate(rate)
    , m_seconds(seconds)
{
    m_pump.setInterval(1);
    // Virtual time follows the wall clock, so the switch completes commands as in the console.
    connect(&m_pump, &QTimer::timeout, this, [this] {
        const qint64 now = m_wall.elapsed();
        m_sim->clock().advance(now - m_lastPumpMs);
        m_lastPumpMs = now;
        if (m_measuring)
            changeStates();
    });
}

SupervisorLoadBench::~SupervisorLoadBench()
{
    m_pump.stop();
    m_qml.reset(); // QML first, then the sessions it binds to
    m_audio.reset(); // before the engine it watches
    m_floor.reset();
    if (m_engine)
        m_engine->detachProviders();
}

bool SupervisorLoadBench::createSessions()
{
    m_sim = std::make_unique<SimSwitch>();
    m_engine = std::make_unique<CallEngine>(nullptr);
    m_agent = std::make_unique<AgentState>(nullptr);
    m_log = std::make_unique<CallLog>(nullptr); // not opened: no call ends during the run
    m_events = std::make_unique<EventLogModel>(nullptr);
    m_engine->setClock(&m_sim->clock());
    m_agent->attach(m_engine.get());
    m_log->attach(m_engine.get());
    m_events->attach(m_engine.get());
    for (int i = 0; i < m_sessionCount; ++i) {
        SimFarEnd farEnd;
        farEnd.id = QStringLiteral("caller%1").arg(i);
        farEnd.number = QStringLiteral("+1555%1").arg(i, 6, 10, QLatin1Char('0'));
        farEnd.name = QStringLiteral("Caller %1").arg(i);
        farEnd.answerAfterMs = -1;
        m_sim->addFarEnd(farEnd);
    }
    for (int i = 0; i < m_conferenceCount; ++i) {
        for (int party = 0; party < 3; ++party) {
            SimFarEnd farEnd;
            farEnd.id = QStringLiteral("conf%1-%2").arg(i).arg(party);
            farEnd.number = QStringLiteral("+1666%1%2").arg(i, 5, 10, QLatin1Char('0')).arg(party);
            farEnd.name = QStringLiteral("Party %1.%2").arg(i).arg(party);
            farEnd.answerAfterMs = 10; // consultation calls to it are answered
            m_sim->addFarEnd(farEnd);
        }
    }
    m_engine->attachProvider(m_sim.get());
    SimSwitch::LineSetup line;
    line.descriptor.id = QStringLiteral("sim/queue");
    line.descriptor.name = QStringLiteral("Queue");
    line.descriptor.address = line.descriptor.id;
    m_sim->addLine(line);
    CallEngine::setQmlInstance(m_engine.get());
    AgentState::setQmlInstance(m_agent.get());
    CallLog::setQmlInstance(m_log.get());
    EventLogModel::setQmlInstance(m_events.get());
    m_settingsDir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<QSettings>(m_settingsDir->filePath(QStringLiteral("hookline.ini")),
                                             QSettings::IniFormat);
    m_consoleSettings = std::make_unique<ConsoleSettings>(m_settings.get(), QString(), nullptr);
    ConsoleSettings::setQmlInstance(m_consoleSettings.get());
    m_audio = std::make_unique<ConsoleAudio>(m_engine.get(), m_agent.get(), m_consoleSettings.get());
    m_audio->registerForQml();
    m_floor = std::make_unique<ConsoleFloor>(m_engine.get(), m_agent.get());
    m_floor->enableCoaching(m_consoleSettings.get(), m_audio->router());
    m_floor->registerForQml();
    m_agent->requestState(AgentState::NotReady, QStringLiteral("supervising")); // no banner

    for (int i = 0; i < m_sessionCount; ++i)
        m_sim->offerCall(line.descriptor.id, QStringLiteral("caller%1").arg(i));
    settle();
    for (CallSession *session : m_engine->sessionList())
        session->answer();
    settle();
    m_toggled.clear();
    for (CallSession *session : m_engine->sessionList()) {
        if (session->state() == Tapi::Connected)
            m_toggled.append(session);
    }
    if (m_toggled.size() != m_sessionCount) {
        std::fprintf(stderr, "bench_ui: %lld of %d sessions connected\n", qlonglong(m_toggled.size()),
                     m_sessionCount);
        return false;
    }
    for (int i = 0; i < m_conferenceCount; ++i) {
        if (!createConference(i)) {
            std::fprintf(stderr, "bench_ui: conference %d could not be set up\n", i);
            return false;
        }
    }
    return true;
}

void SupervisorLoadBench::settle()
{
    for (int i = 0; i < 1000 && (m_sim->clock().runDue() > 0 || m_engine->pendingRequestCount() > 0); ++i)
        QCoreApplication::processEvents();
}

// As an agent does it: answer a call, set up a conference from it, dial and add two parties.
bool SupervisorLoadBench::createConference(int index)
{
    const QList<CallSession *> before = m_engine->sessionList();
    const QList<CallId> calls =
        m_sim->offerCall(QStringLiteral("sim/queue"), QStringLiteral("conf%1-0").arg(index));
    settle();
    CallSession *first = nullptr;
    for (CallSession *session : m_engine->sessionList()) {
        if (!before.contains(session) && session->state() == Tapi::Offering)
            first = session;
    }
    if (calls.isEmpty() || !first || first->answer() <= 0)
        return false;
    settle();
    if (first->setupConference() <= 0)
        return false;
    settle();
    CallSession *conference = first->conferenceParent();
    if (!conference)
        return false;
    for (int party = 1; party <= 2; ++party) {
        if (party == 2 && conference->prepareAddToConference() <= 0)
            return false;
        settle();
        CallSession *consult = nullptr;
        for (CallSession *session : m_engine->sessionList()) {
            if (session->state() == Tapi::DialTone)
                consult = session;
        }
        if (!consult
            || consult->dial(m_sim->farEnd(QStringLiteral("conf%1-%2").arg(index).arg(party))->number) <= 0)
            return false;
        for (int step = 0; step < 100 && consult->state() != Tapi::Connected; ++step) {
            m_sim->clock().advance(5);
            settle();
        }
        if (consult->state() != Tapi::Connected || conference->addToConference(consult) <= 0)
            return false;
        settle();
    }
    return conference->members().size() == 3;
}

bool SupervisorLoadBench::showWindow()
{
    m_qml = std::make_unique<QQmlApplicationEngine>();
    m_qml->setInitialProperties({{QStringLiteral("supervisorMode"), true}});
    m_qml->addImportPath(QStringLiteral(HOOKLINE_QML_BUILD_DIR));
    m_qml->load(QUrl(QStringLiteral("qrc:/qt/qml/Hookline/Ui/Main.qml")));
    m_window =
        m_qml->rootObjects().isEmpty() ? nullptr : qobject_cast<QQuickWindow *>(m_qml->rootObjects().first());
    if (!m_window)
        return false;
    connect(m_window, &QQuickWindow::afterAnimating, this,
            [this] { m_frameStartNs = m_wall.nsecsElapsed(); });
    connect(m_window, &QQuickWindow::frameSwapped, this, [this] {
        if (!m_measuring)
            return;
        const qint64 now = m_wall.nsecsElapsed();
        m_swapNs.push_back(now);
        if (m_frameStartNs >= 0)
            m_frameWorkMs.push_back((now - m_frameStartNs) / 1e6);
        m_frameStartNs = -1;
    });
    // Loading is not measured: the load starts at the first frame.
    connect(m_window, &QQuickWindow::frameSwapped, this, &SupervisorLoadBench::startLoad,
            Qt::SingleShotConnection);
    return true;
}

void SupervisorLoadBench::changeStates()
{
    // Keep to the rate over the whole run, whatever the timer's jitter.
    const qint64 due = m_wall.elapsed() * m_rate / 1000 - m_loadStartMs * m_rate / 1000;
    while (m_issued < due) {
        CallSession *session = m_toggled.at(m_issued % m_toggled.size());
        const int id = session->state() == Tapi::OnHold ? session->unhold() : session->hold();
        m_failed += id > 0 ? 0 : 1;
        ++m_issued;
    }
}

bool SupervisorLoadBench::start()
{
    m_wall.start();
    if (!createSessions() || !showWindow())
        return false;
    m_lastPumpMs = m_wall.elapsed(); // from here virtual time follows the wall clock
    m_pump.start();
    connect(m_engine.get(), &CallEngine::sessionStateChanged, this, [this] {
        if (m_measuring)
            ++m_stateChanges;
    });
    return true;
}

void SupervisorLoadBench::startLoad()
{
    m_cpuAtStart = cpuSeconds();
    m_loadStartMs = m_wall.elapsed();
    m_measuring = true;
    QTimer::singleShot(m_seconds * 1000, this, [this] {
        m_measuring = false;
        report((m_wall.elapsed() - m_loadStartMs) / 1000.0, cpuSeconds() - m_cpuAtStart);
        Q_EMIT finished();
    });
}

void SupervisorLoadBench::report(double wallSeconds, double cpu)
{
    std::vector<double> intervals;
    for (size_t i = 1; i < m_swapNs.size(); ++i)
        intervals.push_back((m_swapNs[i] - m_swapNs[i - 1]) / 1e6);
    const Summary gaps = summarize(intervals);
    const Summary work = summarize(m_frameWorkMs);
    std::printf("supervisor: %lld live sessions (%d plain calls, %d three-party conferences)\n",
                qlonglong(m_engine->sessionList().size()), m_sessionCount, m_conferenceCount);
    std::printf("supervisor: %d plain calls, %d state changes requested (%d refused), %d seen in %.1f s "
                "(%.0f/s)\n",
                m_sessionCount, m_issued, m_failed, m_stateChanges, wallSeconds,
                m_stateChanges / wallSeconds);
    std::printf("supervisor: %zu frames; interval between frames median %.1f ms, p99 %.1f ms, max %.1f ms "
                "(goal: no frame > 50 ms)\n",
                m_swapNs.size(), gaps.median, gaps.p99, gaps.max);
    std::printf(
        "supervisor: frame work (afterAnimating to frameSwapped) median %.1f ms, p99 %.1f ms, max %.1f ms\n",
        work.median, work.p99, work.max);
    std::printf("supervisor: process CPU %.2f s in %.1f s = %.0f%% of one core\n", cpu, wallSeconds,
                100.0 * cpu / wallSeconds);
    QObject *root = m_window;
    for (const char *name : {"supervisorSessionList", "eventList", "conferenceList", "sessionList"})
        std::printf("supervisor: %s\n", qPrintable(delegateCount(root, name)));
}
