// A console in a process of its own: the real engine on the simulated switch with its agent, published to
// the floor until it dies. The floor's tests kill it (SIGKILL); the end-to-end tests put it beside a real
// supervisor console.
//   floor_agent_console <server url> <agent id> <ttl seconds> [--name NAME] [--team TEAM]
//                       [--conference FAR,FAR[,FAR...]] [--supervisors ID,ID...] [--replicas N]
// The agent is Ready with one answered call from alice, or with a conference over the far ends given
// (alice, bob, carol, dave, erin). Prints "ready" once the server acknowledged the agent and its calls,
// then one JSON line per change of a call's state ({"session", "state", "remoteNumber"}) and per
// supervisor's request ({"supervisor", "action", "result", "ok"}) and its audit record's append
// ({"audited": ok}), and runs until killed. --supervisors: the only supervisors it takes requests from;
// --replicas: the bucket's replicas when it creates it (a cluster's test). The switch's
// clock follows the wall clock, so supervisors' requests complete as on a console.
#include "FloorTestConsoles.h"

#include "core/Tapi.h"
#include "session/CallSession.h"

#include <QtCore/qcommandlineparser.h>
#include <QtCore/qcoreapplication.h>
#include <QtCore/qelapsedtimer.h>
#include <QtCore/qjsondocument.h>
#include <QtCore/qjsonobject.h>
#include <QtCore/qset.h>
#include <QtCore/qtimer.h>

#include <cstdio>

namespace {
void printLine(const QJsonObject &object)
{
    std::printf("%s\n", QJsonDocument(object).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("url"), QStringLiteral("the NATS server"));
    parser.addPositionalArgument(QStringLiteral("id"), QStringLiteral("the agent id"));
    parser.addPositionalArgument(QStringLiteral("ttl"), QStringLiteral("entry expiry, seconds"));
    const QCommandLineOption nameOption(QStringLiteral("name"), QStringLiteral("agent name"),
                                        QStringLiteral("name"));
    const QCommandLineOption teamOption(QStringLiteral("team"), QStringLiteral("team"),
                                        QStringLiteral("team"));
    const QCommandLineOption conferenceOption(QStringLiteral("conference"),
                                              QStringLiteral("a conference over these far ends"),
                                              QStringLiteral("far ends"));
    const QCommandLineOption supervisorsOption(QStringLiteral("supervisors"),
                                               QStringLiteral("the supervisors it takes requests from"),
                                               QStringLiteral("ids"));
    const QCommandLineOption replicasOption(QStringLiteral("replicas"),
                                            QStringLiteral("the bucket's replicas"), QStringLiteral("n"));
    parser.addOptions({nameOption, teamOption, conferenceOption, supervisorsOption, replicasOption});
    parser.process(app);
    const QStringList args = parser.positionalArguments();
    if (args.size() != 3) {
        std::fprintf(stderr,
                     "usage: floor_agent_console <server url> <agent id> <ttl seconds> [--name NAME] "
                     "[--team TEAM] [--conference FAR,FAR...] [--supervisors ID,ID...] [--replicas N]\n");
        return 2;
    }
    FloorSettings settings = FloorTest::settingsFor({args.at(0)}, args.at(1));
    settings.ttlSeconds = args.at(2).toInt();
    if (parser.isSet(nameOption))
        settings.agentName = parser.value(nameOption);
    if (parser.isSet(teamOption))
        settings.team = parser.value(teamOption);
    if (parser.isSet(supervisorsOption))
        settings.supervisors = parser.value(supervisorsOption).split(u',', Qt::SkipEmptyParts);
    if (parser.isSet(replicasOption))
        settings.replicas = parser.value(replicasOption).toInt();
    FloorTest::AgentConsole console(settings);
    if (console.agent.requestState(AgentState::Ready) != AgentState::Applied)
        return 1;
    QList<CallSession *> calls;
    if (parser.isSet(conferenceOption)) {
        const SimFixture::Conference conference =
            console.fx.conference(parser.value(conferenceOption).split(u',', Qt::SkipEmptyParts));
        if (!conference.parent)
            return 1;
        calls << conference.parent << conference.members;
    } else if (CallSession *call = console.fx.answered(QStringLiteral("alice"))) {
        calls << call;
    } else {
        return 1;
    }

    QSet<QString> wanted {FloorPublisher::agentKey(settings.agentId)};
    for (CallSession *call : std::as_const(calls))
        wanted << FloorPublisher::callKey(settings.agentId, call->sessionId());
    QSet<QString> written;
    QObject::connect(&console.link, &FloorLink::entryWritten, &app,
                     [&](const QString &key, quint64 revision) {
                         if (revision == 0 || !wanted.contains(key) || written.contains(key))
                             return;
                         written.insert(key);
                         if (written == wanted) {
                             std::printf("ready\n");
                             std::fflush(stdout);
                         }
                     });
    QObject::connect(&console.fx.engine(), &CallEngine::sessionStateChanged, &app,
                     [](CallSession *session, int, int state, int) {
                         printLine({{QStringLiteral("session"), session->sessionId()},
                                    {QStringLiteral("state"), Tapi::stateName(state)},
                                    {QStringLiteral("remoteNumber"), session->remoteNumber()}});
                     });
    QObject::connect(console.handler.get(), &FloorRequestHandler::supervisorActed, &app,
                     [](const QString &supervisor, const QString &action, const QString &result, bool ok,
                        const QVariantMap &) {
                         printLine({{QStringLiteral("supervisor"), supervisor},
                                    {QStringLiteral("action"), action},
                                    {QStringLiteral("result"), result},
                                    {QStringLiteral("ok"), ok}});
                     });
    QObject::connect(&console.link, &FloorLink::auditAppended, &app, [](bool ok, const QString &) {
        printLine({{QStringLiteral("audited"), ok}});
    });
    // The switch's virtual clock follows the wall clock from here on, as in the console.
    QElapsedTimer wall;
    wall.start();
    qint64 last = 0;
    QTimer pump;
    QObject::connect(&pump, &QTimer::timeout, &app, [&] {
        const qint64 now = wall.elapsed();
        console.fx.sim().clock().advance(now - last);
        last = now;
    });
    pump.start(5);
    return app.exec();
}
