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
