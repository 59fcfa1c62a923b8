// Prints the console's figures (issue 3): cold start to first frame and resident memory of the real
// app under the current display (Xvfb) with the software renderer, and the supervisor view with many
// live sessions changing state: frame times, CPU and how many list delegates exist.
//
//   bench_ui [--app PATH] [--starts N] [--sessions N] [--conferences N] [--rate PER_SECOND] [--seconds S]
//            [--skip-startup] [--skip-supervisor]

#include "StartupBench.h"
#include "SupervisorLoadBench.h"

#include <QtCore/qcommandlineparser.h>
#include <QtCore/qtemporarydir.h>
#include <QtGui/qguiapplication.h>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickControls2/qquickstyle.h>

#include <cstdio>

Q_IMPORT_QML_PLUGIN(Hookline_UiPlugin)

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QUICK_BACKEND"))
        qputenv("QT_QUICK_BACKEND", "software"); // the renderer the figures are defined for
    // The console's settings and call log go to a throw-away home, not the user's.
    QTemporaryDir home;
    qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toLocal8Bit());
    qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("data")).toLocal8Bit());
    QGuiApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Hookline")); // the console's Settings need both
    QCoreApplication::setApplicationName(QStringLiteral("hookline-bench-ui"));
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption appOption(QStringLiteral("app"), QStringLiteral("The console executable."),
                                       QStringLiteral("PATH"), QStringLiteral(HOOKLINE_APP_PATH));
    const QCommandLineOption startsOption(QStringLiteral("starts"), QStringLiteral("Console starts to time."),
                                          QStringLiteral("N"), QStringLiteral("10"));
    const QCommandLineOption sessionsOption(QStringLiteral("sessions"), QStringLiteral("Live sessions."),
                                            QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption conferencesOption(QStringLiteral("conferences"),
                                               QStringLiteral("Three-party conferences besides the calls."),
                                               QStringLiteral("N"), QStringLiteral("50"));
    const QCommandLineOption rateOption(QStringLiteral("rate"), QStringLiteral("State changes per second."),
                                        QStringLiteral("N"), QStringLiteral("200"));
    const QCommandLineOption secondsOption(QStringLiteral("seconds"), QStringLiteral("Length of the load."),
                                           QStringLiteral("S"), QStringLiteral("10"));
    const QCommandLineOption skipStartupOption(QStringLiteral("skip-startup"),
                                               QStringLiteral("No start-up runs."));
    const QCommandLineOption skipSupervisorOption(QStringLiteral("skip-supervisor"),
                                                  QStringLiteral("No supervisor load."));
    parser.addOptions({appOption, startsOption, sessionsOption, conferencesOption, rateOption, secondsOption,
                       skipStartupOption, skipSupervisorOption});
    parser.process(app);

    if (!parser.isSet(skipStartupOption)
        && !runStartupBench(parser.value(appOption), qMax(1, parser.value(startsOption).toInt())))
        return 1;
    if (parser.isSet(skipSupervisorOption))
        return 0;
    QQuickStyle::setStyle(QStringLiteral("Fusion")); // as the console
    SupervisorLoadBench load(
        qMax(1, parser.value(sessionsOption).toInt()), qMax(0, parser.value(conferencesOption).toInt()),
        qMax(1, parser.value(rateOption).toInt()), qMax(1, parser.value(secondsOption).toInt()));
    QObject::connect(&load, &SupervisorLoadBench::finished, &app, &QCoreApplication::quit);
    if (!load.start()) {
        std::fprintf(stderr, "bench_ui: the supervisor scene could not be set up\n");
        return 1;
    }
    return app.exec();
}
