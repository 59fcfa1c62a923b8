#include "ConsoleApp.h"
#include "FrameProbe.h"

#include <QtCore/qdir.h>
#include <QtCore/qfileinfo.h>

#include <QtCore/qstandardpaths.h>

#include "Accessibility.h"
#include "IncomingCallNotifier.h"
#include "SipAccountLines.h"
#include "UiLanguage.h"
#include "agent/AgentState.h"
#include "audio/CallAudioRouter.h"
#include "audio/ConsoleAudio.h"
#include "audio/RecordingRepair.h"
#include "core/Logging.h"
#include "devices/PhoneBinding.h"
#include "lines/Line.h"
#include "log/CallLog.h"
#include "log/EventLogModel.h"
#include "providers/LineProvider.h"
#include "providers/PhoneDevice.h"
#include "providers/ProviderRegistry.h"
#include "providers/ScenarioPlayer.h"
#include "session/CallEngine.h"
#include "settings/ConsoleSettings.h"
#include "trace/TraceWriter.h"

#include "floor/ConsoleFloor.h"

#include <QtCore/qcoreapplication.h>
#include <QtCore/qfile.h>
#include <QtCore/qloggingcategory.h>
#include <QtCore/qsettings.h>
#include <QtCore/qthread.h>
#include <QtCore/qthreadpool.h>
#include <QtGui/qguiapplication.h>
#include <QtGui/qicon.h>
#include <QtGui/qwindow.h>
#include <QtQml/qqmlapplicationengine.h>
#include <QtQuick/qquickwindow.h>

#include <cstdio>
#include <memory>
#include <sys/stat.h>

Q_LOGGING_CATEGORY(lcApp, "hookline.app", QtWarningMsg)

ConsoleApp::ConsoleApp(QObject *parent)
    : QObject(parent)
    , m_registry(new ProviderRegistry(this))
    , m_engine(new CallEngine(this))
    , m_agent(new AgentState(this))
    , m_callLog(new CallLog(this))
    , m_eventLog(new EventLogModel(this))
    , m_store(new QSettings(this))
    , m_settings(new ConsoleSettings(m_store, ConsoleSettings::systemAdminFile(), this))
{
    m_agent->attach(m_engine);
    m_eventLog->attach(m_engine); // the call log follows the engine in the console only (showConsole)
}

ConsoleApp::~ConsoleApp()
{
    delete m_qml; // QML first: nothing may bind to sessions while they go away
    m_qml = nullptr;
    delete m_floor; // this console's entries leave the floor while its sessions still exist
    m_floor = nullptr;
    delete m_audio; // recordings closed and devices released while the sessions still exist
    m_audio = nullptr;
    m_callLog->finishOpenCalls(); // handles never terminated: their rows complete, as at a terminate
    if (m_phoneBinding)
        m_phoneBinding->shutdown(); // headset lamps and ringer off before the device goes
    if (m_phone)
        m_phone->stop();
    delete m_phoneBinding;
    delete dynamic_cast<QObject *>(m_phone);
    m_engine->detachProviders();
    delete m_soundLines;
    delete m_sipLines;
    delete m_sipAccounts;
    qDeleteAll(m_scenarioProviders);
    delete m_providerObject;
    delete m_trace;
    if (m_traceFile)
        m_traceFile->flush();
}

bool ConsoleApp::startSimulation(const QString &scenarioPath, QString *error, int *exitCode)
{
    m_registry->scan(ProviderRegistry::defaultSearchPaths());
    QVariantMap config;
    config.insert(QStringLiteral("scenario"), scenarioPath);
    m_provider = m_registry->createLineProvider(QStringLiteral("sim"), config, nullptr, error);
    if (!m_provider) {
        // A scenario that does not load is bad input (2); a missing plugin is an installation problem (1).
        *exitCode = error->startsWith(scenarioPath) ? 2 : 1;
        return false;
    }
    m_providerObject = dynamic_cast<QObject *>(m_provider);
    m_engine->attachProvider(m_provider);
    if (auto *player = qobject_cast<ScenarioPlayer *>(m_providerObject))
        m_scenarioLines = player->otherProviders();
    return true;
}

bool ConsoleApp::startScenarioLines(QString *error)
{
    for (auto it = m_scenarioLines.cbegin(); it != m_scenarioLines.cend(); ++it) {
        QString problem;
        LineProvider *provider = m_registry->createLineProvider(it.key(), it.value(), nullptr, &problem);
        if (!provider) {
            *error = QStringLiteral("the scenario's %1 lines: %2").arg(it.key(), problem);
            return false;
        }
        m_scenarioProviders.append(dynamic_cast<QObject *>(provider));
        m_engine->attachProvider(provider);
    }
    // A run on the wall clock says when its lines are in service: a far end outside may call them then.
    for (Line *line : m_engine->lines()) {
        if (line->lineId().startsWith(QLatin1String("sim/")))
            continue;
        auto announced = std::make_shared<bool>(false);
        auto announce = [line, announced] {
            if (*announced || !line->inService())
                return;
            *announced = true;
            std::fprintf(stdout, "hookline: line %s is in service\n", qPrintable(line->lineId()));
            std::fflush(stdout);
        };
        announce();
        connect(line, &Line::serviceChanged, this, announce);
    }
    return true;
}

bool ConsoleApp::openTrace(const QString &path, const QString &scenarioPath, QString *error)
{
    // Opening the trace truncates it: naming the scenario (by any path, link or hard link) would empty
    // the file about to be read.
    struct stat trace
    {
    }, scenario {};
    if (path != QLatin1String("-") && ::stat(QFile::encodeName(path).constData(), &trace) == 0
        && ::stat(QFile::encodeName(scenarioPath).constData(), &scenario) == 0
        && trace.st_dev == scenario.st_dev && trace.st_ino == scenario.st_ino) {
        *error = QStringLiteral("--trace %1 names the scenario file %2; write the trace to another file")
                     .arg(path, scenarioPath);
        return false;
    }
    m_traceFile = new QFile(path, this);
    if (path == QLatin1String("-") ? !m_traceFile->open(stdout, QIODevice::WriteOnly)
                                   : !m_traceFile->open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = QStringLiteral("cannot write the trace %1: %2").arg(path, m_traceFile->errorString());
        return false;
    }
    m_trace = new TraceWriter(m_engine, m_traceFile);
    return true;
}

void ConsoleApp::playHeadless()
{
    auto *player = qobject_cast<ScenarioPlayer *>(m_providerObject);
    if (!player) {
        std::fprintf(stderr, "hookline: the provider cannot play scenarios\n");
        QCoreApplication::exit(1);
        return;
    }
    if (QString error; !startScenarioLines(&error)) {
        std::fprintf(stderr, "hookline: %s\n", qPrintable(error));
        QCoreApplication::exit(1);
        return;
    }
    player->play(m_engine, false, [this](const ScenarioPlayer::Result &result) {
        if (m_traceFile)
            m_traceFile->flush();
        std::fprintf(result.exitCode ? stderr : stdout, "%s\n", qPrintable(result.message));
        QCoreApplication::exit(result.exitCode);
    });
    if (m_trace)
        m_trace->setStartMs(m_engine->nowMs()); // play() switched the engine to the scenario's clock
}

void ConsoleApp::startPhones()
{
    QString error;
    m_phone = m_registry->createPhoneDevice(QStringLiteral("hidheadset"), {}, nullptr, &error);
    if (!m_phone) {
        qCWarning(lcProviders).noquote() << "no headset support:" << error;
        return;
    }
    m_phoneBinding = new PhoneBinding(m_engine);
    // The headset rings only when the agent can take the call, like the console's banner.
    m_phoneBinding->setAvailable(m_agent->canTakeCalls());
    connect(m_agent, &AgentState::canTakeCallsChanged, m_phoneBinding,
            [this] { m_phoneBinding->setAvailable(m_agent->canTakeCalls()); });
    m_phoneBinding->useSettings(m_settings);
    m_phoneBinding->attach(m_phone);
}

void ConsoleApp::startAudio()
{
    if (m_audio)
        return;
    m_audio = new ConsoleAudio(m_engine, m_agent, m_settings);
}

void ConsoleApp::startFloor()
{
    if (m_floor)
        return;
    m_floor = new ConsoleFloor(m_engine, m_agent, this);
    m_floor->enableCoaching(m_settings, m_audio ? m_audio->router() : nullptr);
    m_floor->start(FloorSettings::read(*m_settings));
}

void ConsoleApp::startSoundLines()
{
    auto refuse = [&](const QString &why) {
        const QString message = tr("The sound-card lines in the settings (soundLines, %1) are not used: %2")
                                    .arg(m_settings->userFile(), why);
        qCWarning(lcProviders).noquote() << message;
        Q_EMIT m_engine->errorEvent(message);
    };
    QString refusal;
    const std::optional<QVariantList> lines = m_settings->entries(SettingsSchema::SoundLines, &refusal);
    if (!lines) {
        refuse(refusal);
        return;
    }
    if (lines->isEmpty())
        return;
    QString error;
    LineProvider *provider = m_registry->createLineProvider(
        QStringLiteral("soundline"), {{QStringLiteral("lines"), *lines}}, nullptr, &error);
    if (!provider) {
        refuse(error);
        return;
    }
    m_soundLines = dynamic_cast<QObject *>(provider);
    m_engine->attachProvider(provider);
}

void ConsoleApp::startSipLines()
{
    // The scenario's SIP lines (hookline --scenario) run on a provider of their own for the whole run.
    const QVariantList scenarioAccounts =
        m_scenarioLines.value(QStringLiteral("sip")).value(QStringLiteral("accounts")).toList();
    if (!scenarioAccounts.isEmpty()) {
        QString error;
        LineProvider *provider = m_registry->createLineProvider(
            QStringLiteral("sip"), {{QStringLiteral("accounts"), scenarioAccounts}}, nullptr, &error);
        if (provider) {
            m_sipLines = dynamic_cast<QObject *>(provider);
            m_engine->attachProvider(provider);
        } else {
            const QString message = tr("The scenario's SIP lines are not used: %1").arg(error);
            qCWarning(lcProviders).noquote() << message;
            Q_EMIT m_engine->errorEvent(message);
        }
    }
    // The settings' accounts, one provider each, follow the settings while the console runs.
    m_sipAccounts = new SipAccountLines(
        m_engine, m_settings,
        [this](const QVariantMap &account, QString *error) {
            return m_registry->createLineProvider(QStringLiteral("sip"),
                                                  {{QStringLiteral("accounts"), QVariantList {account}}},
                                                  nullptr, error);
        },
        this);
    m_sipAccounts->start();
}

bool ConsoleApp::showConsole(bool supervisor, QString *error)
{
    startPhones();
    // Headless runs keep no call log: attached there, every ended call would warn that it is not open.
    m_callLog->attach(m_engine);
    m_callLog->setRecordingFolders(
        {m_settings->recordingFolder(), CallAudioRouter::defaultRecordingFolder()});
    if (!m_callLog->open())
        qCWarning(lcEngine).noquote() << "call history unavailable:" << m_callLog->errorString();
    // Recordings of calls a kill cut short get the length they hold, off the GUI thread (a FLAC file is
    // decoded to count its frames).
    if (const QStringList cutShort = m_callLog->interruptedRecordings(); !cutShort.isEmpty()) {
        QThreadPool::globalInstance()->start([cutShort] {
            for (const QString &path : cutShort)
                RecordingRepair::repair(path);
        });
    }
    startAudio(); // before the sound-card lines: QtMultimedia's device list is first read on this thread
    startSoundLines();
    startSipLines();
    startFloor();
    // The state the agent left the console in, Ready the first time: kept in a file of its own beside the
    // settings (its writes are the engine's, on a thread of their own, and never rewrite the user's
    // settings file), read from the settings where earlier versions kept it.
    const QString configFolder = QFileInfo(m_store->fileName()).absolutePath();
    QDir().mkpath(configFolder);
    m_agent->persistIn(QDir(configFolder).filePath(QStringLiteral("agent-state.ini")), m_store);
    ConsoleSettings::setQmlInstance(m_settings);
    CallEngine::setQmlInstance(m_engine);
    AgentState::setQmlInstance(m_agent);
    CallLog::setQmlInstance(m_callLog);
    EventLogModel::setQmlInstance(m_eventLog);
    m_audio->registerForQml();
    m_floor->registerForQml();
    QGuiApplication::setWindowIcon(QIcon(QStringLiteral(":/hookline/icons/hookline.svg")));
    hookline::ui::installAccessibility();
    m_qml = new QQmlApplicationEngine;
    UiLanguage::instance()->attachEngine(m_qml); // a language chosen in Settings retranslates the window
    m_qml->setInitialProperties({{QStringLiteral("supervisorMode"), supervisor},
                                 {QStringLiteral("phoneBinding"), QVariant::fromValue(m_phoneBinding)}});
    // Hookline.Ui and Hookline.Engine come from the executable's and the engine library's resources, never
    // from a folder: Qt 6.4 does not search qrc:/qt/qml (their RESOURCE_PREFIX) by itself.
    m_qml->addImportPath(QStringLiteral("qrc:/qt/qml"));
    m_qml->load(QUrl(QStringLiteral("qrc:/qt/qml/Hookline/Ui/Main.qml")));
    if (m_qml->rootObjects().isEmpty()) {
        *error = QStringLiteral("the console's QML failed to load");
        return false;
    }
    if (auto *window = qobject_cast<QWindow *>(m_qml->rootObjects().constFirst()))
        qCInfo(lcApp) << "window loaded:" << window->title();
    if (qEnvironmentVariableIsSet("HOOKLINE_BENCH_FIRST_FRAME"))
        reportFirstFrame(qobject_cast<QQuickWindow *>(m_qml->rootObjects().constFirst()));
    if (const QString probe = qEnvironmentVariable("HOOKLINE_FRAME_PROBE"); !probe.isEmpty()) {
        auto *frames =
            new FrameProbe(qobject_cast<QQuickWindow *>(m_qml->rootObjects().constFirst()), probe, this);
        if (!frames->isOpen())
            qCWarning(lcApp).noquote() << "HOOKLINE_FRAME_PROBE: cannot write" << probe;
        // The probe's self-check (console_no_stall_detects): a GUI thread blocked this long whenever a call
        // is answered, as a blocking call would; the no-stall test must then fail. Only with the probe.
        if (const int blockMs = qEnvironmentVariableIntValue("HOOKLINE_FRAME_PROBE_BLOCK_AT_ANSWER_MS");
            blockMs > 0) {
            connect(m_engine, &CallEngine::sessionStateChanged, this,
                    [blockMs](CallSession *, Tapi::CallState, Tapi::CallState state) {
                        if (state == Tapi::Connected)
                            QThread::msleep(unsigned(blockMs));
                    });
        }
    }
    m_notifier = new IncomingCallNotifier(m_agent, this);
    m_notifier->setWindow(qobject_cast<QWindow *>(m_qml->rootObjects().constFirst()));
    if (auto *player = qobject_cast<ScenarioPlayer *>(m_providerObject)) {
        player->play(m_engine, true, [](const ScenarioPlayer::Result &result) {
            qCInfo(lcScenario).noquote() << result.message;
        });
    }
    return true;
}

void ConsoleApp::reportFirstFrame(QQuickWindow *window)
{
    if (!window)
        return;
    // For bench_ui: one line on stdout when the first frame is on screen; the benchmark times it
    // from the process start and reads the resident memory at that moment.
    connect(
        window, &QQuickWindow::frameSwapped, this,
        [] {
            std::fputs("hookline: first frame\n", stdout);
            std::fflush(stdout);
        },
        Qt::SingleShotConnection);
}
