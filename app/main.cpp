#include "ConsoleApp.h"
#include "LineAudioAnalyzerCommand.h"
#include "ProbeDescriptorFile.h"
#include "UiLanguage.h"
#include "audio/AudioProcessExit.h"
#include "core/PreservingIniFormat.h"
#include "diagnostics/HeadsetDiagnostics.h"

#include <QtCore/qcommandlineparser.h>
#include <QtCore/qdir.h>
#include <QtCore/qsocketnotifier.h>
#include <QtCore/qtextstream.h>
#include <QtGui/qguiapplication.h>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickControls2/qquickstyle.h>

#include <csignal>
#include <cstdio>
#include <cstring>
#include <memory>
#include <sys/socket.h>
#include <unistd.h>

Q_IMPORT_QML_PLUGIN(Hookline_UiPlugin)

namespace {
bool hasDisplay()
{
    return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        || !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

bool wantsHeadless(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--headless") || !std::strcmp(argv[i], "--help")
            || !std::strcmp(argv[i], "-h") || !std::strcmp(argv[i], "--version")
            || !std::strcmp(argv[i], "-v") || !std::strcmp(argv[i], "--list-headsets")
            || !std::strncmp(argv[i], "--probe-hid-descriptor", 22))
            return true;
    }
    return false;
}
int quitSignalPipe[2] = {-1, -1};

// SIGTERM and SIGINT quit through the event loop, so the console closes as when its window closes (settings,
// recordings and the call log are closed normally; exit 0); the handler only writes the signal's number. A
// headless run that was interrupted did not finish its scenario: it exits 128 + the signal, as if killed.
void quitOnSignals(QCoreApplication *app, bool headless)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, quitSignalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(quitSignalPipe[1], QSocketNotifier::Read, app);
    QObject::connect(notifier, &QSocketNotifier::activated, app, [notifier, headless] {
        char signal = 0;
        [[maybe_unused]] const auto n = ::read(quitSignalPipe[1], &signal, 1);
        notifier->setEnabled(false);
        QCoreApplication::exit(headless ? 128 + signal : 0);
    });
    struct sigaction action
    {
    };
    action.sa_handler = [](int signal) {
        const char number = char(signal);
        [[maybe_unused]] const auto n = ::write(quitSignalPipe[0], &number, 1);
    };
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGTERM, &action, nullptr);
    ::sigaction(SIGINT, &action, nullptr);
}

int runHookline(int argc, char *argv[])
{
    if (isLineAudioAnalyzerCommand(argc, argv)) // diagnostics: no application object, no display
        return runLineAudioAnalyzerCommand(argc, argv);
    // Pick the application type before Qt parses anything: headless runs need no display.
    const bool headlessRequested = wantsHeadless(argc, argv);
    const bool headless = headlessRequested || !hasDisplay();
    std::unique_ptr<QCoreApplication> app(headless ? new QCoreApplication(argc, argv)
                                                   : new QGuiApplication(argc, argv));
    QCoreApplication::setApplicationName(QStringLiteral("hookline"));
    QCoreApplication::setOrganizationName(QStringLiteral("Hookline"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HOOKLINE_VERSION));
    // Every QSettings() (ConsoleSettings and the other readers) keeps the user's file as written but for
    // changed keys.
    QSettings::setDefaultFormat(PreservingIniFormat::format());
    if (!headless) // the window belongs to share/applications/<id>.desktop
        QGuiApplication::setDesktopFileName(QStringLiteral(HOOKLINE_APP_ID));
    // Installed in share/hookline/scenarios beside bin/ (the build tree has the same layout).
    const QDir executableDir(QCoreApplication::applicationDirPath());
    const QString defaultScenario =
        QDir::cleanPath(executableDir.filePath(QStringLiteral(HOOKLINE_DEFAULT_SCENARIO_RELATIVE)));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Hookline: a call-center agent and supervisor console."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption headlessOption(
        QStringLiteral("headless"),
        QStringLiteral("Run the scenario without a user interface and exit with 0 when "
                       "every expectation held, 1 on the first mismatch, 2 on a bad scenario."));
    QCommandLineOption scenarioOption(QStringLiteral("scenario"),
                                      QStringLiteral("Scenario file for the simulated provider."),
                                      QStringLiteral("FILE"), defaultScenario);
    QCommandLineOption traceOption(
        QStringLiteral("trace"),
        QStringLiteral("Write one JSON line per engine event to OUT (- for stdout)."), QStringLiteral("OUT"));
    QCommandLineOption supervisorOption(
        QStringLiteral("supervisor"), QStringLiteral("Open the console on the supervisor conference view."));
    QCommandLineOption langOption(
        QStringLiteral("lang"),
        QStringLiteral("User interface language for this run (en, zh_TW); default: the choice in Settings, "
                       "else the system's."),
        QStringLiteral("LANG"));
    QCommandLineOption listHeadsetsOption(
        QStringLiteral("list-headsets"),
        QStringLiteral("List attached USB telephony headsets: path, names, permission, controls."));
    QCommandLineOption probeHidOption(
        QStringLiteral("probe-hid-descriptor"),
        QStringLiteral(
            "Print a raw HID report descriptor's telephony controls as JSON; exit 0 usable, 3 none, "
            "2 malformed."),
        QStringLiteral("FILE"));
    // Handled before the application object exists (runLineAudioAnalyzerCommand); listed here so
    // --help shows it.
    QCommandLineOption analyzeLineAudioOption(
        QStringLiteral("analyze-line-audio"),
        QStringLiteral(
            "Print what the sound-card line's detectors hear in a sound file, one JSON line per event "
            "(with --profile us|eu|uk [--cid class|clip|dtmf]); exit 2 on an unreadable file."),
        QStringLiteral("FILE"));
    parser.addOptions({headlessOption, scenarioOption, traceOption, supervisorOption, langOption,
                       listHeadsetsOption, probeHidOption, analyzeLineAudioOption});
    parser.process(*app);

    QTextStream out(stdout), err(stderr);
    if (parser.isSet(listHeadsetsOption))
        return hookline::hid::listHeadsets(out);
    if (parser.isSet(probeHidOption))
        return hookline::hid::probeDescriptorFile(parser.value(probeHidOption), out, err);

    // The catalogues compiled into the executable: --lang for this run, else the choice stored in Settings,
    // else the system's language.
    ConsoleApp console; // its settings are read before the language: the stored choice is one of them
    UiLanguage::instance()->useSettings(console.settings());
    UiLanguage::instance()->start(parser.value(langOption));

    if (!headlessRequested && headless)
        std::fprintf(
            stderr,
            "hookline: no display found (DISPLAY/WAYLAND_DISPLAY unset); running the scenario headless\n");

    QString error;
    int exitCode = 1;
    if (parser.isSet(traceOption)
        && !console.openTrace(parser.value(traceOption), parser.value(scenarioOption), &error)) {
        std::fprintf(stderr, "hookline: %s\n", qPrintable(error));
        return 2;
    }
    if (!console.startSimulation(parser.value(scenarioOption), &error, &exitCode)) {
        std::fprintf(stderr, "hookline: %s\n", qPrintable(error));
        return exitCode;
    }
    if (!headless)
        QQuickStyle::setStyle(QStringLiteral("Fusion")); // follows the palette the theme sets
    if (headless) {
        console.playHeadless();
    } else if (!console.showConsole(parser.isSet(supervisorOption), &error)) {
        std::fprintf(stderr, "hookline: %s\n", qPrintable(error));
        return 1;
    }
    quitOnSignals(app.get(), headless);
    return app->exec();
}
} // namespace

int main(int argc, char *argv[])
{
    // Everything of ours is closed when runHookline returns; Qt's PulseAudio teardown can still crash.
    exitPastQtAudioTeardown(runHookline(argc, argv));
}
