// bench_floor (issue 16): the supervisor's floor under load. See docs/benchmarks.md.
#include "../../floor/NatsServer.h"
#include "FloorLoadGenerator.h"
#include "FloorSupervisorBench.h"

#include <QtCore/qcommandlineparser.h>
#include <QtCore/qtemporarydir.h>
#include <QtGui/qguiapplication.h>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickControls2/qquickstyle.h>

#include <cstdio>

Q_IMPORT_QML_PLUGIN(Hookline_UiPlugin)

int main(int argc, char **argv)
{
    QCommandLineParser parser;
    const QCommandLineOption agents(QStringLiteral("agents"), QStringLiteral("Agents on the floor."),
                                    QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption rate(QStringLiteral("rate"), QStringLiteral("Changes per second, in all."),
                                  QStringLiteral("PER_SECOND"), QStringLiteral("200"));
    const QCommandLineOption seconds(QStringLiteral("seconds"), QStringLiteral("Length of the run."),
                                     QStringLiteral("S"), QStringLiteral("10"));
    const QCommandLineOption ttl(QStringLiteral("ttl"), QStringLiteral("The bucket's TTL."),
                                 QStringLiteral("S"), QStringLiteral("300"));
    const QCommandLineOption noGui(QStringLiteral("no-gui"),
                                   QStringLiteral("No window: the model and a filter model only."));
    const QCommandLineOption generate(QStringLiteral("generate"),
                                      QStringLiteral("Internal: be the load generator for this server."),
                                      QStringLiteral("URL"));
    parser.addOptions({agents, rate, seconds, ttl, noGui, generate});
    parser.addHelpOption();

    if (QByteArrayView(argc > 1 ? argv[1] : "") == "--generate") {
        QCoreApplication app(argc, argv);
        parser.process(app);
        FloorLoadGenerator generator(parser.value(generate), parser.value(agents).toInt(),
                                     parser.value(rate).toInt(), parser.value(seconds).toInt(),
                                     parser.value(ttl).toInt());
        generator.start();
        return app.exec();
    }

    if (qEnvironmentVariableIsEmpty("QT_QUICK_BACKEND"))
        qputenv("QT_QUICK_BACKEND", "software");
    QGuiApplication app(argc, argv);
    parser.process(app);
    QQuickStyle::setStyle(QStringLiteral("Fusion"));
    QTemporaryDir store;
    NatsServer server;
    if (!server.start(store.path())) {
        std::fprintf(stderr, "bench_floor: nats-server did not start: %s\n", qPrintable(server.log()));
        return 1;
    }
    int code = 0;
    {
        FloorSupervisorBench::Options options;
        options.url = server.url();
        options.agents = parser.value(agents).toInt();
        options.rate = parser.value(rate).toInt();
        options.seconds = parser.value(seconds).toInt();
        options.ttlSeconds = parser.value(ttl).toInt();
        options.gui = !parser.isSet(noGui);
        FloorSupervisorBench bench(options);
        code = bench.run();
    }
    server.stop(); // by its process id
    return code;
}
