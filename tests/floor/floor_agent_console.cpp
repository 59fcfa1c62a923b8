// A console in a process of its own, for the floor's tests to kill (SIGKILL): the real engine on the
// simulated switch with its agent and one answered call, published to the floor until it dies.
//   floor_agent_console <server url> <agent id> <ttl seconds>
// Prints "ready" once the server acknowledged its agent and its call, then runs until killed.
#include "FloorTestConsoles.h"

#include "session/CallSession.h"

#include <QtCore/qcoreapplication.h>
#include <QtCore/qset.h>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 4) {
        std::fprintf(stderr, "usage: floor_agent_console <server url> <agent id> <ttl seconds>\n");
        return 2;
    }
    FloorSettings settings = FloorTest::settingsFor({args.at(1)}, args.at(2));
    settings.ttlSeconds = args.at(3).toInt();
    FloorTest::AgentConsole console(settings);
    if (console.agent.requestState(AgentState::Ready) != AgentState::Applied)
        return 1;
    CallSession *call = console.fx.answered(QStringLiteral("alice"));
    if (!call)
        return 1;
    const QSet<QString> wanted {FloorPublisher::agentKey(settings.agentId),
                                FloorPublisher::callKey(settings.agentId, call->sessionId())};
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
    return app.exec();
}
