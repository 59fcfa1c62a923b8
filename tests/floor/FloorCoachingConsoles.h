#pragma once

// The consoles the coaching tests share (tst_floor_coaching, tst_floor_coaching_stop): the agent's console
// with its coaching policy, a supervisor's console reduced to its link, a supervisor's console with its own
// switch, line, publisher, coaching and view of the floor, and the agent's desk line his switch reaches.
#include "FloorTestConsoles.h"
#include "NatsServer.h"

#include "floor/FloorCoaching.h"
#include "floor/FloorCoachingCaller.h"
#include "lines/Line.h"
#include "settings/ConsoleSettings.h"

#include <QtCore/qjsonobject.h>
#include <QtCore/qsettings.h>
#include <QtCore/qtemporarydir.h>
#include <QtTest/qsignalspy.h>

#include <algorithm>
#include <memory>

namespace FloorTest {

// The nats-server a coaching test case runs against, with its store folder (the consoles' settings files
// go there too). Members in this order: the server stops before its folder goes.
struct CoachingServer
{
    bool start() { return server.start(store.path()); }
    QString url() const { return server.url(); }
    QTemporaryDir store;
    NatsServer server;
};

// The agent's console with its coaching policy, its own settings store in `dir`.
struct CoachedConsole
{
    CoachedConsole(const FloorSettings &floor, const QTemporaryDir &dir, const QString &most,
                   const QString &coaches)
        : store(dir.filePath(floor.agentId + QStringLiteral(".ini")), QSettings::IniFormat)
        , settings(&store, QString(), nullptr)
        , console(floor)
        , coaching(&console.fx.engine(), &settings)
    {
        store.clear();
        settings.setValue(SettingsSchema::CoachingMost, most);
        settings.setValue(SettingsSchema::CoachingSupervisors, coaches);
        console.handler->setCoaching(&coaching);
    }

    QSettings store;
    ConsoleSettings settings;
    AgentConsole console;
    FloorCoaching coaching;
};

// A supervisor's console reduced to its link: sends a request, returns the reply.
struct Sender
{
    explicit Sender(const FloorSettings &settings) { link.start(settings); }
    ~Sender() { link.stop(); }

    QJsonObject ask(const QString &agentId, const QString &supervisorId, const QJsonObject &request)
    {
        QSignalSpy replies(&link, &FloorLink::replyReceived);
        link.request(FloorRequestHandler::requestSubject(agentId, supervisorId),
                     QJsonDocument(request).toJson(QJsonDocument::Compact));
        if (!replies.wait(WaitMs))
            return {};
        return QJsonDocument::fromJson(replies.at(0).at(1).toByteArray()).object();
    }

    FloorLink link {nullptr};
};

// A supervisor's console: its own switch with a line that can carry the token, its agent, and on one
// link what it publishes (FloorPublisher, knowing its legs), its coaching (FloorCoachingCaller) and its
// view of the floor (FloorModel), as ConsoleFloor composes them.
struct SupervisorConsole
{
    explicit SupervisorConsole(const FloorSettings &settings)
        : agent(nullptr)
        , caller(&link, &fx.engine(), {QStringLiteral("sim")})
        , model(&link)
        , tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest)
    {
        fx.sim().clock().advance(QDateTime::currentMSecsSinceEpoch() - fx.sim().clock().nowMs());
        agent.attach(&fx.engine());
        LineCapabilities caps;
        caps.uuiMakeCallSize = 128;
        fx.addLine(QStringLiteral("sup-line"), caps);
        publisher = std::make_unique<FloorPublisher>(&link, &fx.engine(), &agent);
        publisher->setCoachingCaller(&caller);
        model.watch();
        link.start(settings);
    }
    ~SupervisorConsole()
    {
        link.stop();
        publisher.reset();
    }

    SimFixture fx;
    AgentState agent;
    FloorLink link {nullptr};
    FloorCoachingCaller caller;
    FloorModel model;
    QAbstractItemModelTester tester;
    std::unique_ptr<FloorPublisher> publisher;
};

// The agent's desk line, whose address the supervisor's switch reaches as its far end carol (so the
// supervisor's leg arrives there). Null when the switch has no such line.
inline Line *addDeskFor(SimFixture &agentFx, SimFixture &supervisorFx)
{
    SimSwitch::LineSetup setup;
    setup.descriptor.id = QStringLiteral("desk");
    setup.descriptor.name = QStringLiteral("desk");
    setup.descriptor.address = supervisorFx.peerNumber(QStringLiteral("carol"));
    agentFx.sim().addLine(setup);
    return agentFx.engine().line(QStringLiteral("desk"));
}

// Every call key of these agents a link was handed a value for (not removals).
inline QStringList callKeysSeen(const QSignalSpy &entries, const QStringList &agentIds)
{
    QStringList keys;
    for (const QList<QVariant> &entry : entries) {
        const QString key = entry.at(0).toString();
        const bool ours = std::any_of(agentIds.cbegin(), agentIds.cend(), [&key](const QString &id) {
            return key.startsWith(QStringLiteral("call.%1.").arg(id));
        });
        if (!entry.at(2).toBool() && ours)
            keys.append(entry.at(0).toString());
    }
    keys.removeDuplicates();
    keys.sort();
    return keys;
}

inline QVariantList coachingOfRow(const FloorModel &model, const QString &agentId)
{
    const int row = model.rowOf(agentId);
    return row < 0 ? QVariantList() : model.data(model.index(row), FloorModel::CoachingRole).toList();
}

inline QJsonObject coachRequest(const QString &action, int sessionId)
{
    return {{QStringLiteral("action"), action}, {QStringLiteral("sessionId"), sessionId}};
}

} // namespace FloorTest
