#pragma once

// What the floor's tests share: an agent's console (the real engine on the simulated switch, AgentState,
// FloorPublisher, FloorRequestHandler) and a supervisor (FloorModel), each with its own FloorLink, and
// reading the audit stream straight from the server.
#include "SimFixture.h"

#include "agent/AgentState.h"
#include "floor/FloorLink.h"
#include "floor/FloorModel.h"
#include "floor/FloorPublisher.h"
#include "floor/FloorRequestHandler.h"

#include <QtCore/qdatetime.h>
#include <QtCore/qjsondocument.h>
#include <QtCore/qjsonobject.h>
#include <QtTest/qabstractitemmodeltester.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

#include <nats/nats.h>

#include <memory>

namespace FloorTest {
constexpr int WaitMs = 8000;

inline FloorSettings settingsFor(const QStringList &servers, const QString &id,
                                 const QString &team = QStringLiteral("north"))
{
    FloorSettings settings;
    settings.servers = servers;
    settings.agentId = id;
    settings.agentName = id.toUpper();
    settings.team = team;
    settings.ttlSeconds = 4;
    settings.reconnectWaitMs = 100;
    return settings;
}

// One agent's console on the floor.
struct AgentConsole
{
    explicit AgentConsole(const FloorSettings &settings)
        : agent(nullptr)
    {
        // The switch's clock starts at the wall clock's now: the call times published are today's, as a
        // supervisor's figures (read against the wall clock) expect.
        fx.sim().clock().advance(QDateTime::currentMSecsSinceEpoch() - fx.sim().clock().nowMs());
        agent.attach(&fx.engine());
        publisher = std::make_unique<FloorPublisher>(&link, &fx.engine(), &agent);
        handler = std::make_unique<FloorRequestHandler>(&link, &fx.engine(), &agent);
        link.start(settings);
    }
    ~AgentConsole()
    {
        link.stop();
        handler.reset();
        publisher.reset();
    }

    SimFixture fx;
    AgentState agent;
    FloorLink link {nullptr};
    std::unique_ptr<FloorPublisher> publisher;
    std::unique_ptr<FloorRequestHandler> handler;
};

struct Supervisor
{
    explicit Supervisor(const FloorSettings &settings)
        : model(&link)
        , tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest)
    {
        model.watch();
        link.start(settings);
    }

    FloorLink link {nullptr};
    FloorModel model;
    QAbstractItemModelTester tester;
};

inline int callCountOf(const FloorModel &model, const QString &agentId)
{
    const int row = model.rowOf(agentId);
    return row < 0 ? -1 : model.data(model.index(row), FloorModel::CallCountRole).toInt();
}

// A call's state as the model has it ("CONNECTED", ...), empty when it has no such call.
inline QString callStateOf(const FloorModel &model, const QString &agentId, int sessionId)
{
    return model.call(agentId, sessionId).value(QStringLiteral("state")).toString();
}

inline QString stateOf(const FloorModel &model, const QString &agentId)
{
    const int row = model.rowOf(agentId);
    return row < 0 ? QString() : model.data(model.index(row), FloorModel::StateRole).toString();
}

// Whether `done` became true within WaitMs; else false with `why` set to `what`.
template<typename Done>
bool waitFor(Done done, const char *what, QString *why)
{
    if (QTest::qWaitFor(done, WaitMs))
        return true;
    if (why)
        *why = QString::fromLatin1(what);
    return false;
}

// Both joined and the agent Ready, as the supervisor sees it; false with `why` on the step that failed.
inline bool readySeen(AgentConsole &console, Supervisor &supervisor, const QString &agentId, QString *why)
{
    if (!waitFor([&] { return console.link.status() == FloorLink::Connected; },
                 "the agent's console did not connect", why)
        || !waitFor([&] { return supervisor.model.synced(); }, "the supervisor's view did not sync", why))
        return false;
    if (console.agent.requestState(AgentState::Ready) != AgentState::Applied) {
        if (why)
            *why = QStringLiteral("Ready was refused");
        return false;
    }
    return waitFor([&] { return stateOf(supervisor.model, agentId) == QLatin1String("Ready"); },
                   "the supervisor did not see the agent Ready", why);
}

// The supervisor's line calling the agent's line from the far end carol with the grant's token (the
// coaching reply's userUserInfo): the one session it adds, once CONNECTED (the agent's console answers a
// granted leg itself); null with `why` otherwise.
inline CallSession *grantedLegConnected(SimFixture &fx, const QJsonObject &reply, QString *why)
{
    const int mark = fx.addedMark();
    QString error;
    fx.sim().offerCall(fx.line()->lineId(), QStringLiteral("carol"),
                       reply.value(QStringLiteral("userUserInfo")).toString().toUtf8(), &error);
    fx.settle();
    if (fx.sessionsAddedSince(mark).size() != 1) {
        *why = QStringLiteral("the leg added %1 sessions (%2)")
                   .arg(fx.sessionsAddedSince(mark).size())
                   .arg(error);
        return nullptr;
    }
    CallSession *leg = fx.sessionsAddedSince(mark).constFirst();
    return waitFor([&] { return (fx.settle(), leg->state() == Tapi::Connected); }, "the leg did not connect",
                   why)
        ? leg
        : nullptr;
}

// A call from alice answered at the agent's console, once the supervisor sees it CONNECTED; null with
// `why` otherwise.
inline CallSession *callSeen(AgentConsole &console, Supervisor &supervisor, const QString &agentId,
                             QString *why)
{
    CallSession *call = console.fx.answered(QStringLiteral("alice"));
    if (!call) {
        if (why)
            *why = QStringLiteral("no call was answered");
        return nullptr;
    }
    const int id = call->sessionId();
    return waitFor([&] { return callStateOf(supervisor.model, agentId, id) == QLatin1String("CONNECTED"); },
                   "the supervisor did not see the call connected", why)
        ? call
        : nullptr;
}

// The supervisor forces the agent NotReady (coaching) while on a call: deferred until the call ends, and
// the agent's console knows supervisorId asked. False with `why` otherwise.
inline bool forceStateDeferred(AgentConsole &console, Supervisor &supervisor, const QString &agentId,
                               const QString &supervisorId, QString *why)
{
    QSignalSpy acted(console.handler.get(), &FloorRequestHandler::supervisorActed);
    QSignalSpy finished(&supervisor.model, &FloorModel::actionFinished);
    supervisor.model.forceState(agentId, QStringLiteral("NotReady"), QStringLiteral("coaching"));
    if (!finished.wait(WaitMs)) {
        if (why)
            *why = QStringLiteral("no reply to the request");
        return false;
    }
    const QString result = finished.at(0).at(4).toString();
    if (result != QLatin1String("Deferred") || acted.count() != 1
        || acted.at(0).at(0).toString() != supervisorId) {
        if (why)
            *why = QStringLiteral("result %1, %2 acted signal(s)").arg(result).arg(acted.count());
        return false;
    }
    return true;
}

// The last audit record of an agent, read straight from the stream with libnats (as user/password when
// the server wants users).
inline QJsonObject lastAudit(const QString &url, const QString &agentId, const QByteArray &user = {},
                             const QByteArray &password = {})
{
    natsOptions *opts = nullptr;
    natsConnection *nc = nullptr;
    jsCtx *js = nullptr;
    natsMsg *msg = nullptr;
    QJsonObject result;
    const QByteArray server = url.toUtf8();
    natsStatus s = natsOptions_Create(&opts);
    if (s == NATS_OK)
        s = natsOptions_SetURL(opts, server.constData());
    if (s == NATS_OK && !user.isEmpty())
        s = natsOptions_SetUserInfo(opts, user.constData(), password.constData());
    if (s == NATS_OK && natsConnection_Connect(&nc, opts) == NATS_OK
        && natsConnection_JetStream(&js, nc, nullptr) == NATS_OK) {
        const QByteArray subject = FloorRequestHandler::auditSubject(agentId).toUtf8();
        if (js_GetLastMsg(&msg, js, "hookline_audit", subject.constData(), nullptr, nullptr) == NATS_OK)
            result = QJsonDocument::fromJson(QByteArray(natsMsg_GetData(msg), natsMsg_GetDataLength(msg)))
                         .object();
    }
    natsMsg_Destroy(msg);
    jsCtx_Destroy(js);
    natsConnection_Destroy(nc);
    natsOptions_Destroy(opts);
    return result;
}
} // namespace FloorTest
