// Stopping coaching (issue 16) against a real nats-server on loopback: the supervisor's leg ends on his
// side, by Stop on the Floor page (FloorCoachingCaller::stop, the leg's drop) or by hanging up his line.
// The agent's console withdraws the grant at once (not at the call's end), in an exact order, and tells the
// agent (FloorCoachingLegs::supervisorLeft, with his name); the coached call's entry no longer names him;
// his console forgets the leg, so coaching again is a new grant and a new leg.
#include "FloorCoachingConsoles.h"
#include "FloorTestConsoles.h"
#include "NatsServer.h"

#include "core/Tapi.h"
#include "floor/FloorCoaching.h"
#include "floor/FloorCoachingCaller.h"
#include "floor/FloorCoachingLegs.h"
#include "lines/Line.h"
#include "session/CallEngine.h"
#include "session/CallSession.h"

#include <QtCore/qjsonarray.h>
#include <QtCore/qtemporarydir.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

using namespace Tapi;
using namespace FloorTest;

class TestFloorCoachingStop : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void supervisorHangsUp();
    void supervisorStops();

private:
    std::unique_ptr<CoachingServer> m_nats;
    int m_agents = 0;
};

void TestFloorCoachingStop::initTestCase()
{
    m_nats = std::make_unique<CoachingServer>();
    QVERIFY2(m_nats->start(), qPrintable(m_nats->server.log()));
}

void TestFloorCoachingStop::cleanupTestCase()
{
    m_nats.reset(); // the server stopped by its process id, then its folder
}

void TestFloorCoachingStop::supervisorHangsUp()
{
    const QString agentId = QStringLiteral("c%1").arg(++m_agents);
    CoachedConsole agent(settingsFor({m_nats->url()}, agentId), m_nats->store, QStringLiteral("barge"),
                         QString());
    FloorCoachingLegs legs(&agent.coaching, &agent.console.fx.engine(), nullptr);
    SimFixture &fx = agent.console.fx;
    QCOMPARE(agent.console.agent.requestState(AgentState::Ready), AgentState::Applied);
    CallSession *call = fx.answered(QStringLiteral("alice"));
    QVERIFY(call);
    Sender sender(settingsFor({m_nats->url()}, QStringLiteral("sup1")));
    QTRY_COMPARE_WITH_TIMEOUT(agent.console.link.status(), FloorLink::Connected, WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(sender.link.status(), FloorLink::Connected, WaitMs);
    // The supervisor's console sends his name with the request: the marks carry it for the agent.
    QJsonObject barge = coachRequest(QStringLiteral("barge"), call->sessionId());
    barge.insert(QStringLiteral("byName"), QStringLiteral("Sam Lee"));
    const QJsonObject reply = sender.ask(agentId, QStringLiteral("sup1"), barge);
    QCOMPARE(reply.value(QStringLiteral("result")).toString(), QStringLiteral("OK"));
    const QString token = reply.value(QStringLiteral("token")).toString();
    QString why;
    CallSession *leg = grantedLegConnected(fx, reply, &why);
    QVERIFY2(leg, qPrintable(why));
    QCOMPARE(legs.marks().size(), 2);
    for (const QVariant &marked : legs.marks())
        QCOMPARE(marked.toMap().value(QStringLiteral("supervisorName")).toString(),
                 QStringLiteral("Sam Lee"));
    QSignalSpy changed(&legs, &FloorCoachingLegs::legChanged);
    QSignalSpy left(&legs, &FloorCoachingLegs::supervisorLeft);
    QStringList order;
    connect(&legs, &FloorCoachingLegs::marksChanged, this,
            [&order] { order.append(QStringLiteral("marks")); });
    connect(&legs, &FloorCoachingLegs::legChanged, this,
            [&order](CallSession *, int, const QString &who, FloorCoaching::Mode mode) {
                order.append(QStringLiteral("leg %1 %2").arg(who, FloorCoaching::nameOf(mode)));
            });
    connect(&agent.coaching, &FloorCoaching::grantChanged, this,
            [&order](const QString &, int, const QString &who, FloorCoaching::Mode mode) {
                order.append(QStringLiteral("grant %1 %2").arg(who, FloorCoaching::nameOf(mode)));
            });
    connect(&legs, &FloorCoachingLegs::supervisorLeft, this,
            [&order](const QString &who, const QString &mode) {
                order.append(QStringLiteral("left %1 %2").arg(who, mode));
            });

    // The supervisor's console hangs up (he stopped coaching, or dropped his line): the leg leaves the call
    // and the marks, the grant is withdrawn at once (not at the call's end), and the agent is told, in
    // that order; the call talks on.
    QVERIFY(fx.sim().remoteHangup(QStringLiteral("carol"), DisconnectNormal));
    fx.settle();
    QTRY_COMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<CallSession *>(), leg);
    QCOMPARE(changed.at(0).at(3).value<FloorCoaching::Mode>(), FloorCoaching::None);
    QCOMPARE(order,
             (QStringList {QStringLiteral("marks"), QStringLiteral("leg sup1 off"),
                           QStringLiteral("grant sup1 off"), QStringLiteral("left sup1 barge")}));
    QVERIFY(legs.marks().isEmpty());
    QVERIFY(!legs.isCoachingLeg(leg));
    QCOMPARE(call->state(), int(Connected));
    QVERIFY(agent.coaching.grants().isEmpty());
    QCOMPARE(agent.coaching.grantFor(token).sessionId, 0);
    QCOMPARE(left.count(), 1);
    const QVariantMap details = left.at(0).at(2).toMap();
    QCOMPARE(details.value(QStringLiteral("sessionId")).toInt(), call->sessionId());
    QCOMPARE(details.value(QStringLiteral("supervisorName")).toString(), QStringLiteral("Sam Lee"));
    QCOMPARE(details.value(QStringLiteral("remoteName")).toString(), call->remoteName());
    QCOMPARE(details.value(QStringLiteral("remoteNumber")).toString(), call->remoteNumber());
    // Coaching again is a new grant: a new token, for a new leg.
    const QJsonObject again = sender.ask(agentId, QStringLiteral("sup1"), barge);
    QCOMPARE(again.value(QStringLiteral("result")).toString(), QStringLiteral("OK"));
    QVERIFY(again.value(QStringLiteral("token")).toString() != token);
    QCOMPARE(left.count(), 1); // told once
    // The ended leg was no customer's call of this agent: the console closes it without a wrap-up.
    QVERIFY(leg->isSupervisionLeg());
    QCOMPARE(leg->state(), int(Disconnected));
    QVERIFY(!leg->needsWrapUp());
    QVERIFY(!call->isSupervisionLeg());
}

void TestFloorCoachingStop::supervisorStops()
{
    // Both consoles publishing; the supervisor's view of the floor (FloorModel) and his coaching.
    const QString agentId = QStringLiteral("c%1").arg(++m_agents);
    auto floorOf = [this, &agentId](const QString &id) {
        FloorSettings settings = settingsFor({m_nats->url()}, id);
        settings.bucket = QStringLiteral("floor_") + agentId;
        return settings;
    };
    CoachedConsole agent(floorOf(agentId), m_nats->store, QStringLiteral("barge"), QString());
    FloorCoachingLegs legs(&agent.coaching, &agent.console.fx.engine(), nullptr);
    agent.console.publisher->setCoachingLegs(&legs);
    SimFixture &fx = agent.console.fx;
    SupervisorConsole sup(floorOf(QStringLiteral("sup1"))); // his name: SUP1
    Line *desk = addDeskFor(fx, sup.fx);
    QVERIFY(desk);
    QCOMPARE(agent.console.agent.requestState(AgentState::Ready), AgentState::Applied);
    CallSession *call = fx.answered(QStringLiteral("alice"), desk);
    QVERIFY(call);
    const int id = call->sessionId();
    QTRY_COMPARE_WITH_TIMEOUT(callStateOf(sup.model, agentId, id), QStringLiteral("CONNECTED"), WaitMs);
    // Nothing to stop yet.
    QCOMPARE(sup.caller.stop(agentId, id), int(InvalCallHandle));

    // His leg, placed and answered on both sides (the agent's console answers the one with the token).
    QSignalSpy finished(&sup.caller, &FloorCoachingCaller::finished);
    auto coached = [&](CallSession **agentLeg) -> CallSession * {
        sup.caller.coach(agentId, id, QStringLiteral("listen"));
        if (!finished.wait(WaitMs) || !finished.constLast().at(3).toBool())
            return nullptr;
        sup.fx.settle();
        CallSession *supLeg = sup.caller.leg(agentId, id);
        if (!supLeg || !sup.fx.connectOutbound(supLeg, QStringLiteral("carol")))
            return nullptr;
        const int mark = fx.addedMark();
        QString error;
        fx.sim().offerCall(desk->lineId(), QStringLiteral("carol"), supLeg->sentUserUserInfo(), &error);
        fx.settle();
        if (fx.sessionsAddedSince(mark).size() != 1)
            return nullptr;
        *agentLeg = fx.sessionsAddedSince(mark).constFirst();
        return QTest::qWaitFor([&] { return (fx.settle(), (*agentLeg)->state() == Connected); }, WaitMs)
            ? supLeg
            : nullptr;
    };
    CallSession *leg = nullptr;
    CallSession *supLeg = coached(&leg);
    QVERIFY(supLeg);
    // The coached call names him by the name his console sent, and the row's mode is his.
    const QVariantList listening {QVariantMap {{QStringLiteral("supervisorId"), QStringLiteral("sup1")},
                                               {QStringLiteral("mode"), QStringLiteral("listen")},
                                               {QStringLiteral("supervisorName"), QStringLiteral("SUP1")}}};
    QTRY_COMPARE_WITH_TIMEOUT(
        sup.model.call(agentId, id).value(QStringLiteral("coaching")).toArray().toVariantList(), listening,
        WaitMs);
    QCOMPARE(sup.caller.property("coachingNow").toList().value(0).toMap().value(QStringLiteral("mode")),
             QVariant(QStringLiteral("listen")));

    // Listen -> Barge: a request only, the same leg.
    sup.caller.coach(agentId, id, QStringLiteral("barge"));
    QVERIFY(finished.wait(WaitMs));
    QCOMPARE(finished.constLast().at(3).toBool(), true);
    QCOMPARE(sup.caller.leg(agentId, id), supLeg);
    QCOMPARE(sup.caller.property("coachingNow").toList().value(0).toMap().value(QStringLiteral("mode")),
             QVariant(QStringLiteral("barge")));
    QCOMPARE(legs.legGrant(leg).mode, FloorCoaching::Barge);

    // Stop: his leg is dropped (the line's drop), he coaches nothing and forgets the leg.
    QSignalSpy coachingChanged(&sup.caller, &FloorCoachingCaller::coachingChanged);
    QSignalSpy left(&legs, &FloorCoachingLegs::supervisorLeft);
    const int dropped = sup.caller.stop(agentId, id);
    QVERIFY2(dropped > 0, qPrintable(Tapi::errorName(dropped)));
    QCOMPARE(sup.fx.completionOf(dropped), int(Success));
    QTRY_VERIFY((sup.fx.settle(), supLeg->state() == Idle));
    QVERIFY(coachingChanged.count() >= 1);
    QVERIFY(sup.caller.coachingNow().isEmpty());
    QVERIFY(!sup.caller.leg(agentId, id));
    // The agent's console sees its leg end (on SIP, his BYE): the grant goes at once, the agent is told,
    // and the coached call's entry no longer names him.
    QVERIFY(fx.sim().remoteHangup(QStringLiteral("carol"), DisconnectNormal));
    QTRY_COMPARE((fx.settle(), left.count()), 1);
    QCOMPARE(left.at(0).at(0).toString(), QStringLiteral("sup1"));
    QCOMPARE(left.at(0).at(1).toString(), QStringLiteral("barge"));
    QCOMPARE(left.at(0).at(2).toMap().value(QStringLiteral("supervisorName")).toString(),
             QStringLiteral("SUP1"));
    QVERIFY(agent.coaching.grants().isEmpty());
    QVERIFY(legs.marks().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(!sup.model.call(agentId, id).contains(QStringLiteral("coaching")), WaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(coachingOfRow(sup.model, QStringLiteral("sup1")).isEmpty(), WaitMs);
    QCOMPARE(call->state(), int(Connected));

    // Coaching again places a new leg, answered as the first.
    CallSession *legAgain = nullptr;
    CallSession *supLegAgain = coached(&legAgain);
    QVERIFY(supLegAgain);
    QVERIFY(supLegAgain->sessionId() != supLeg->sessionId());
    QVERIFY(legs.isCoachingLeg(legAgain));
    QCOMPARE(legs.legGrant(legAgain).mode, FloorCoaching::Listen);
}

QTEST_GUILESS_MAIN(TestFloorCoachingStop)
#include "tst_floor_coaching_stop.moc"
