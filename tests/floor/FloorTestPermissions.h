#pragma once

// Steps the floor's permission tests share (users and passwords, credentials files, TLS): the opening of
// a console and a supervisor that work, and an agent's console the server stops at its own keys. Each is
// false (null) with `why` on the step that failed, as FloorTestConsoles.h's steps are.
#include "FloorTestConsoles.h"

#include "session/CallSession.h"

namespace FloorTest {
// Both joined, the agent Ready and a call from alice answered, as the supervisor sees them.
inline CallSession *readyCallSeen(AgentConsole &console, Supervisor &supervisor, const QString &agentId,
                                  QString *why)
{
    return readySeen(console, supervisor, agentId, why) ? callSeen(console, supervisor, agentId, why)
                                                        : nullptr;
}

// The agent's console writes `otherId`'s agent key (a console set up with the wrong agent id, or a
// tampered one) and its own Ready in the same turn: the server refuses the first (once, by name; the link
// stays connected and its reason names the key), the second still reaches the supervisor, who has no row
// for `otherId`.
inline bool othersKeyRefused(AgentConsole &console, Supervisor &supervisor, const QString &agentId,
                             const QString &otherId, QString *why)
{
    if (!waitFor([&] { return console.link.status() == FloorLink::Connected; },
                 "the agent's console did not connect", why)
        || !waitFor([&] { return stateOf(supervisor.model, agentId) == QLatin1String("Offline"); },
                    "the supervisor did not see the agent Offline", why))
        return false;
    QSignalSpy refused(&console.link, &FloorLink::entryRefused);
    console.link.setEntry(FloorPublisher::agentKey(otherId),
                          QStringLiteral(R"({"id":"%1","name":"%2","state":"Ready"})")
                              .arg(otherId, otherId.toUpper())
                              .toUtf8());
    const QString key = QStringLiteral("agent.") + otherId;
    if (console.agent.requestState(AgentState::Ready) != AgentState::Applied) {
        *why = QStringLiteral("Ready was refused");
        return false;
    }
    if (!refused.wait(WaitMs) || refused.count() != 1 || refused.at(0).at(0).toString() != key) {
        *why = QStringLiteral("%1 refusals, not one of %2").arg(refused.count()).arg(key);
        return false;
    }
    if (console.link.status() != FloorLink::Connected || !console.link.statusReason().contains(key)) {
        *why = QStringLiteral("the link says: ") + console.link.statusReason();
        return false;
    }
    if (!waitFor([&] { return stateOf(supervisor.model, agentId) == QLatin1String("Ready"); },
                 "the supervisor did not see the agent Ready", why))
        return false;
    if (supervisor.model.rowOf(otherId) != -1) {
        *why = QStringLiteral("the supervisor has a row for ") + otherId;
        return false;
    }
    return true;
}
} // namespace FloorTest
