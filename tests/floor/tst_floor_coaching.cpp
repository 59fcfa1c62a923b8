// Supervisors' coaching requests (issue 16: listen, whisper, barge) against a real nats-server on
// loopback: the agent's console (the real engine on the simulated switch, FloorRequestHandler with
// FloorCoaching) grants or refuses them by its own policy (settings coaching/most and
// coaching/supervisors), answers with the line address (a number or a SIP URI) and token of the grant,
// audits every request and tells the agent; the answered leg is marked for the agent's session list,
// follows the call's hold and ends with it. A coaching leg is no call of the floor: neither console
// publishes it (the coached call names its supervisors, the supervisor's agent entry the calls it
// coaches; the figures count the customer's call only), and neither records it automatically.
#include "FloorCoachingConsoles.h"
#include "FloorTestConsoles.h"
#include "NatsServer.h"
#include "ToneFarEnd.h"
#include "ToneHeadset.h"

#include "audio/CallAudioRouter.h"
#include "floor/ConsoleFloor.h"
#include "log/CallLog.h"
#include "providers/LineAudioEndpoint.h"

#include "core/Tapi.h"
#include "floor/FloorCoaching.h"
#include "floor/FloorCoachingCaller.h"
#include "floor/FloorCoachingLegs.h"
#include "lines/Line.h"
#include "session/CallEngine.h"
#include "session/CallSession.h"
#include "settings/ConsoleSettings.h"

#include <QtCore/qdir.h>
#include <QtCore/qjsonarray.h>
#include <QtCore/qsettings.h>
#include <QtCore/qtemporarydir.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

#include <algorithm>

using namespace Tapi;
using namespace FloorTest;

class TestFloorCoaching : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void policyDecides_data();
    void policyDecides();
    void modeChangesAndEnds();
    void grantedLegIsAnswered();
    void supervisorPlacesTheLeg();
    void legFollowsTheCall();
    void supervisorDialsTheAddress_data();
    void supervisorDialsTheAddress();
    void coachingIsNoCallOfTheFloor();
    void legsAreNotRecorded();
    void callLogTypesTheLegs();

private:
    std::unique_ptr<CoachingServer> m_nats;
    int m_agents = 0;
};

void TestFloorCoaching::initTestCase()
{
    m_nats = std::make_unique<CoachingServer>();
    QVERIFY2(m_nats->start(), qPrintable(m_nats->server.log()));
}

void TestFloorCoaching::cleanupTestCase()
{
    m_nats.reset(); // the server stopped by its process id, then its folder
}

void TestFloorCoaching::policyDecides_data()
{
    QTest::addColumn<QString>("most");
    QTest::addColumn<QString>("coaches");
    QTest::addColumn<QString>("action");
    QTest::addColumn<bool>("onTheCall"); // false: the request names a session that does not exist
    QTest::addColumn<QString>("result");
    QTest::newRow("off: nobody listens") << "off"
                                         << ""
                                         << "listen" << true << "forbidden";
    QTest::newRow("listen allowed") << "listen"
                                    << ""
                                    << "listen" << true << "OK";
    QTest::newRow("whisper beyond listen") << "listen"
                                           << ""
                                           << "whisper" << true << "forbidden";
    QTest::newRow("barge beyond whisper") << "whisper"
                                          << ""
                                          << "barge" << true << "forbidden";
    QTest::newRow("whisper allowed") << "whisper"
                                     << ""
                                     << "whisper" << true << "OK";
    QTest::newRow("barge allowed") << "barge"
                                   << ""
                                   << "barge" << true << "OK";
    QTest::newRow("not a coach of the agent") << "barge"
                                              << "sup2"
                                              << "listen" << true << "forbidden";
    QTest::newRow("one of the coaches") << "barge"
                                        << "sup2, sup1"
                                        << "listen" << true << "OK";
    QTest::newRow("no such call") << "barge"
                                  << ""
                                  << "listen" << false << Tapi::errorName(InvalCallHandle);
}

void TestFloorCoaching::policyDecides()
{
    QFETCH(QString, most);
    QFETCH(QString, coaches);
    QFETCH(QString, action);
    QFETCH(bool, onTheCall);
    QFETCH(QString, result);
    const QString agentId = QStringLiteral("c%1").arg(++m_agents);
    CoachedConsole agent(settingsFor({m_nats->url()}, agentId), m_nats->store, most, coaches);
    QCOMPARE(agent.coaching.most(), FloorCoaching::modeOf(most));
    QCOMPARE(agent.console.agent.requestState(AgentState::Ready), AgentState::Applied);
    CallSession *call = agent.console.fx.answered(QStringLiteral("alice"));
    QVERIFY(call);
    Sender sender(settingsFor({m_nats->url()}, QStringLiteral("sup1")));
    QTRY_COMPARE_WITH_TIMEOUT(agent.console.link.status(), FloorLink::Connected, WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(sender.link.status(), FloorLink::Connected, WaitMs);

    // The exact order at the agent's console: the grant, then what the agent is told.
    QStringList order;
    connect(&agent.coaching, &FloorCoaching::grantChanged, this,
            [&order](const QString &, int, const QString &who, FloorCoaching::Mode mode) {
                order.append(QStringLiteral("grant %1 %2").arg(who, FloorCoaching::nameOf(mode)));
            });
    QSignalSpy acted(agent.console.handler.get(), &FloorRequestHandler::supervisorActed);
    connect(agent.console.handler.get(), &FloorRequestHandler::supervisorActed, this,
            [&order](const QString &who, const QString &what, const QString &how) {
                order.append(QStringLiteral("acted %1 %2 %3").arg(who, what, how));
            });

    const QJsonObject reply =
        sender.ask(agentId, QStringLiteral("sup1"), coachRequest(action, onTheCall ? call->sessionId() : 99));
    QVERIFY(!reply.isEmpty());
    const bool granted = result == QLatin1String("OK");
    QCOMPARE(reply.value(QStringLiteral("ok")).toBool(), granted);
    QCOMPARE(reply.value(QStringLiteral("result")).toString(), result);
    QStringList expected;
    if (granted) {
        QCOMPARE(reply.value(QStringLiteral("mode")).toString(), action);
        QCOMPARE(reply.value(QStringLiteral("address")).toString(), call->address());
        const QString token = reply.value(QStringLiteral("token")).toString();
        QVERIFY(!token.isEmpty());
        QCOMPARE(FloorCoaching::tokenOfUserUserInfo(reply.value(QStringLiteral("userUserInfo")).toString()),
                 token);
        const FloorCoaching::Grant grant = agent.coaching.grantFor(token);
        QCOMPARE(grant.sessionId, call->sessionId());
        QCOMPARE(grant.supervisorId, QStringLiteral("sup1"));
        QCOMPARE(grant.mode, FloorCoaching::modeOf(action));
        expected.append(QStringLiteral("grant sup1 %1").arg(action));
    } else {
        QVERIFY(!reply.contains(QStringLiteral("token")));
        QVERIFY(agent.coaching.grants().isEmpty());
    }
    expected.append(QStringLiteral("acted sup1 %1 %2").arg(action, result));
    QCOMPARE(order, expected);
    QCOMPARE(acted.count(), 1);
    QCOMPARE(acted.at(0).at(3).toBool(), granted);
    if (onTheCall)
        QCOMPARE(acted.at(0).at(4).toMap().value(QStringLiteral("sessionId")).toInt(), call->sessionId());
    // The call itself is untouched, and the request is audited either way.
    QCOMPARE(call->state(), int(Connected));
    QTRY_COMPARE_WITH_TIMEOUT(lastAudit(m_nats->url(), agentId).value(QStringLiteral("result")).toString(),
                              result, WaitMs);
    const QJsonObject audit = lastAudit(m_nats->url(), agentId);
    QCOMPARE(audit.value(QStringLiteral("action")).toString(), action);
    QCOMPARE(audit.value(QStringLiteral("by")).toString(), QStringLiteral("sup1"));
    QCOMPARE(audit.value(QStringLiteral("ok")).toBool(), granted);
}

void TestFloorCoaching::modeChangesAndEnds()
{
    const QString agentId = QStringLiteral("c%1").arg(++m_agents);
    CoachedConsole agent(settingsFor({m_nats->url()}, agentId), m_nats->store, QStringLiteral("barge"),
                         QString());
    QCOMPARE(agent.console.agent.requestState(AgentState::Ready), AgentState::Applied);
    CallSession *call = agent.console.fx.answered(QStringLiteral("alice"));
    QVERIFY(call);
    Sender sender(settingsFor({m_nats->url()}, QStringLiteral("sup1")));
    QTRY_COMPARE_WITH_TIMEOUT(agent.console.link.status(), FloorLink::Connected, WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(sender.link.status(), FloorLink::Connected, WaitMs);
    QSignalSpy changed(&agent.coaching, &FloorCoaching::grantChanged);

    // listen -> whisper -> barge: one grant (one token, one leg) whose mode changes.
    QString token;
    for (const char *mode : {"listen", "whisper", "barge"}) {
        const QJsonObject reply =
            sender.ask(agentId, QStringLiteral("sup1"), coachRequest(QLatin1String(mode), call->sessionId()));
        QCOMPARE(reply.value(QStringLiteral("result")).toString(), QStringLiteral("OK"));
        if (token.isEmpty())
            token = reply.value(QStringLiteral("token")).toString();
        QCOMPARE(reply.value(QStringLiteral("token")).toString(), token);
    }
    QCOMPARE(agent.coaching.grants().size(), 1);
    QCOMPARE(changed.count(), 3);
    const FloorCoaching::Mode modes[] = {FloorCoaching::Listen, FloorCoaching::Whisper, FloorCoaching::Barge};
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(changed.at(i).at(0).toString(), token);
        QCOMPARE(changed.at(i).at(3).value<FloorCoaching::Mode>(), modes[i]);
    }
    changed.clear();

    // endCoaching withdraws it; a second one has nothing to end.
    QCOMPARE(sender
                 .ask(agentId, QStringLiteral("sup1"),
                      coachRequest(QStringLiteral("endCoaching"), call->sessionId()))
                 .value(QStringLiteral("result"))
                 .toString(),
             QStringLiteral("OK"));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(3).value<FloorCoaching::Mode>(), FloorCoaching::None);
    QCOMPARE(agent.coaching.grantFor(token).sessionId, 0);
    QCOMPARE(sender
                 .ask(agentId, QStringLiteral("sup1"),
                      coachRequest(QStringLiteral("endCoaching"), call->sessionId()))
                 .value(QStringLiteral("result"))
                 .toString(),
             QStringLiteral("invalid"));
    changed.clear();

    // A grant ends with its call.
    const QJsonObject again = sender.ask(agentId, QStringLiteral("sup1"),
                                         coachRequest(QStringLiteral("listen"), call->sessionId()));
    QCOMPARE(again.value(QStringLiteral("result")).toString(), QStringLiteral("OK"));
    QVERIFY(again.value(QStringLiteral("token")).toString() != token);
    QCOMPARE(agent.console.fx.completionOf(call->drop(QByteArray())), int(Success));
    QTRY_COMPARE(changed.count(), 2);
    QCOMPARE(changed.at(1).at(3).value<FloorCoaching::Mode>(), FloorCoaching::None);
    QVERIFY(agent.coaching.grants().isEmpty());
}

void TestFloorCoaching::grantedLegIsAnswered()
{
    const QString agentId = QStringLiteral("c%1").arg(++m_agents);
    CoachedConsole agent(settingsFor({m_nats->url()}, agentId), m_nats->store, QStringLiteral("barge"),
                         QString());
    // No mixer here (tst_coaching_audio measures the audio of a joined leg): the legs' lifecycle only.
    FloorCoachingLegs legs(&agent.coaching, &agent.console.fx.engine(), nullptr);
    SimFixture &fx = agent.console.fx;
    QCOMPARE(agent.console.agent.requestState(AgentState::Ready), AgentState::Applied);
    CallSession *call = fx.answered(QStringLiteral("alice"));
    QVERIFY(call);
    Sender sender(settingsFor({m_nats->url()}, QStringLiteral("sup1")));
    QTRY_COMPARE_WITH_TIMEOUT(agent.console.link.status(), FloorLink::Connected, WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(sender.link.status(), FloorLink::Connected, WaitMs);
    QStringList order;
    connect(&legs, &FloorCoachingLegs::legChanged, this,
            [&order](CallSession *, int coached, const QString &who, FloorCoaching::Mode mode) {
                order.append(
                    QStringLiteral("%1 %2 %3").arg(who).arg(coached).arg(FloorCoaching::nameOf(mode)));
            });
    // A call whose token no grant holds rings as any call.
    auto offer = [&fx](const QString &from, const QString &uui) -> CallSession * {
        const int mark = fx.addedMark();
        QString error;
        fx.sim().offerCall(fx.line()->lineId(), from, uui.toUtf8(), &error);
        fx.settle();
        const QList<CallSession *> added = fx.sessionsAddedSince(mark);
        return added.isEmpty() ? nullptr : added.first();
    };
    CallSession *stranger =
        offer(QStringLiteral("bob"), FloorCoaching::userUserInfoOf(QStringLiteral("beef")));
    QVERIFY(stranger);
    QCOMPARE(stranger->state(), int(Offering));
    QVERIFY(!legs.isCoachingLeg(stranger));
    QCOMPARE(fx.completionOf(stranger->drop(QByteArray())), int(Success));

    const QJsonObject reply = sender.ask(agentId, QStringLiteral("sup1"),
                                         coachRequest(QStringLiteral("listen"), call->sessionId()));
    QCOMPARE(reply.value(QStringLiteral("result")).toString(), QStringLiteral("OK"));
    CallSession *leg = offer(QStringLiteral("carol"), reply.value(QStringLiteral("userUserInfo")).toString());
    QVERIFY(leg);
    QTRY_COMPARE((fx.settle(), leg->state()), int(Connected));
    QVERIFY(legs.isCoachingLeg(leg));
    QCOMPARE(legs.legGrant(leg).mode, FloorCoaching::Listen);
    QCOMPARE(call->state(), int(Connected));

    sender.ask(agentId, QStringLiteral("sup1"), coachRequest(QStringLiteral("whisper"), call->sessionId()));
    QCOMPARE(legs.legGrant(leg).mode, FloorCoaching::Whisper);
    sender.ask(agentId, QStringLiteral("sup1"),
               coachRequest(QStringLiteral("endCoaching"), call->sessionId()));
    QTRY_VERIFY((fx.settle(), leg->state() == Idle || leg->state() == Disconnected));
    QVERIFY(!legs.isCoachingLeg(leg));
    QCOMPARE(call->state(), int(Connected));
    const QString id = QString::number(call->sessionId());
    QCOMPARE(order,
             QStringList({QStringLiteral("sup1 %1 listen").arg(id), QStringLiteral("sup1 %1 whisper").arg(id),
                          QStringLiteral("sup1 %1 off").arg(id)}));
}

void TestFloorCoaching::supervisorPlacesTheLeg()
{
    const QString agentId = QStringLiteral("c%1").arg(++m_agents);
    CoachedConsole agent(settingsFor({m_nats->url()}, agentId), m_nats->store, QStringLiteral("whisper"),
                         QString());
    QCOMPARE(agent.console.agent.requestState(AgentState::Ready), AgentState::Applied);
    CallSession *call = agent.console.fx.answered(QStringLiteral("alice"));
    QVERIFY(call);
    // The supervisor's console: its own switch (the sim) and link.
    SimFixture supervisorFx;
    Sender sender(settingsFor({m_nats->url()}, QStringLiteral("sup1")));
    QTRY_COMPARE_WITH_TIMEOUT(agent.console.link.status(), FloorLink::Connected, WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(sender.link.status(), FloorLink::Connected, WaitMs);

    // A console without a SIP line cannot coach, and says why.
    FloorCoachingCaller sipOnly(&sender.link, &supervisorFx.engine());
    QVERIFY(!sipOnly.available());
    QCOMPARE(sipOnly.unavailableReason(), QStringLiteral("This console has no SIP line to join calls with."));
    QCOMPARE(sipOnly.coach(agentId, call->sessionId(), QStringLiteral("listen")), qint64(0));

    // A sim line that sends as much user-to-user information as a SIP line, standing in for it; the sim's
    // own line (16 octets with a set-up) cannot carry the token.
    FloorCoachingCaller simDefault(&sender.link, &supervisorFx.engine(), {QStringLiteral("sim")});
    QVERIFY(!simDefault.available());
    LineCapabilities caps;
    caps.uuiMakeCallSize = 128;
    QVERIFY(supervisorFx.addLine(QStringLiteral("sup-line"), caps));
    FloorCoachingCaller caller(&sender.link, &supervisorFx.engine(), {QStringLiteral("sim")});
    QVERIFY(caller.available());
    QCOMPARE(caller.unavailableReason(), QString());
    QSignalSpy finished(&caller, &FloorCoachingCaller::finished);
    QSignalSpy acted(agent.console.handler.get(), &FloorRequestHandler::supervisorActed);
    const qint64 refused = caller.coach(agentId, call->sessionId(), QStringLiteral("barge"));
    QVERIFY(refused > 0);
    QVERIFY(finished.wait(WaitMs));
    QCOMPARE(finished.at(0).at(0).toLongLong(), refused);
    QCOMPARE(finished.at(0).at(3).toBool(), false);
    QCOMPARE(finished.at(0).at(4).toString(), QStringLiteral("forbidden"));
    QVERIFY(!caller.leg(agentId, call->sessionId()));

    const qint64 granted = caller.coach(agentId, call->sessionId(), QStringLiteral("listen"));
    QVERIFY(finished.wait(WaitMs));
    QCOMPARE(finished.at(1).at(0).toLongLong(), granted);
    QCOMPARE(finished.at(1).at(3).toBool(), true);
    supervisorFx.settle();
    CallSession *leg = caller.leg(agentId, call->sessionId());
    QVERIFY(leg);
    // The leg carries the grant's token to the agent's line address.
    const FloorCoaching::Grant grant = agent.coaching.grants().constFirst();
    QCOMPARE(leg->sentUserUserInfo(), FloorCoaching::userUserInfoOf(grant.token).toUtf8());
    QCOMPARE(grant.mode, FloorCoaching::Listen);
    // The supervisor's own leg is no customer's call either: no wrap-up when it ends.
    QVERIFY(leg->isSupervisionLeg());
    // The agent is told who by the supervisor's name (its floor/agentName), as for the Floor page's other
    // requests; the id stays what is checked.
    QCOMPARE(acted.size(), 2);
    for (const QList<QVariant> &told : std::as_const(acted)) {
        QCOMPARE(told.at(0).toString(), QStringLiteral("sup1"));
        QCOMPARE(told.at(4).toMap().value(QStringLiteral("supervisorName")).toString(),
                 QStringLiteral("SUP1"));
    }
    QCOMPARE(acted.at(0).at(1).toString(), QStringLiteral("barge"));
    QCOMPARE(acted.at(1).at(1).toString(), QStringLiteral("listen"));

    // A mode change is a request only: the same leg.
    caller.coach(agentId, call->sessionId(), QStringLiteral("whisper"));
    QVERIFY(finished.wait(WaitMs));
    QCOMPARE(finished.at(2).at(3).toBool(), true);
    QCOMPARE(caller.leg(agentId, call->sessionId()), leg);
    QCOMPARE(agent.coaching.grants().constFirst().mode, FloorCoaching::Whisper);
    QCOMPARE(supervisorFx.engine().sessionList().size(), 1);
    QCOMPARE(leg->line()->lineId(), QStringLiteral("sup-line"));
}

void TestFloorCoaching::legFollowsTheCall()
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
    QVERIFY(legs.marks().isEmpty());
    QSignalSpy marksChanged(&legs, &FloorCoachingLegs::marksChanged);

    const QJsonObject reply = sender.ask(agentId, QStringLiteral("sup1"),
                                         coachRequest(QStringLiteral("whisper"), call->sessionId()));
    QCOMPARE(reply.value(QStringLiteral("result")).toString(), QStringLiteral("OK"));
    QString why;
    CallSession *leg = grantedLegConnected(fx, reply, &why);
    QVERIFY2(leg, qPrintable(why));

    // The agent's session list marks both calls: who, how, and which one is the supervisor's.
    QCOMPARE(marksChanged.count(), 1);
    const QString callKey = QString::number(call->sessionId());
    const QString legKey = QString::number(leg->sessionId());
    QCOMPARE(legs.marks().keys(), (QStringList {callKey, legKey}));
    const QVariantMap onCall = legs.marks().value(callKey).toMap();
    QCOMPARE(onCall.value(QStringLiteral("supervisorId")).toString(), QStringLiteral("sup1"));
    QCOMPARE(onCall.value(QStringLiteral("mode")).toString(), QStringLiteral("whisper"));
    QCOMPARE(onCall.value(QStringLiteral("leg")).toBool(), false);
    QCOMPARE(legs.marks().value(legKey).toMap().value(QStringLiteral("leg")).toBool(), true);
    sender.ask(agentId, QStringLiteral("sup1"), coachRequest(QStringLiteral("barge"), call->sessionId()));
    QCOMPARE(legs.marks().value(callKey).toMap().value(QStringLiteral("mode")).toString(),
             QStringLiteral("barge"));
    QCOMPARE(marksChanged.count(), 2);

    // Held with the call and resumed with it, in that order; the call's end ends the leg.
    QStringList order;
    connect(&fx.engine(), &CallEngine::sessionStateChanged, this,
            [&](CallSession *session, Tapi::CallState, Tapi::CallState state) {
                if (session == call || session == leg)
                    order.append(QStringLiteral("%1 %2").arg(session == call ? "call" : "leg",
                                                             Tapi::stateName(state)));
            });
    QCOMPARE(fx.completionOf(call->hold()), int(Success));
    QTRY_COMPARE((fx.settle(), leg->state()), int(OnHold));
    QCOMPARE(fx.completionOf(call->unhold()), int(Success));
    QTRY_COMPARE((fx.settle(), leg->state()), int(Connected));
    QCOMPARE(order,
             (QStringList {QStringLiteral("call ONHOLD"), QStringLiteral("leg ONHOLD"),
                           QStringLiteral("call CONNECTED"), QStringLiteral("leg CONNECTED")}));
    QCOMPARE(legs.legGrant(leg).mode, FloorCoaching::Barge);

    order.clear();
    QCOMPARE(fx.completionOf(call->drop(QByteArray())), int(Success));
    QTRY_VERIFY((fx.settle(), leg->state() == Idle));
    QCOMPARE(order.first(), QStringLiteral("call IDLE"));
    QCOMPARE(order.last(), QStringLiteral("leg IDLE"));
    QVERIFY(legs.marks().isEmpty());
    QVERIFY(!legs.isCoachingLeg(leg));
}

void TestFloorCoaching::supervisorDialsTheAddress_data()
{
    QTest::addColumn<QString>("address"); // the agent's line address
    QTest::addColumn<QString>("dialled"); // what the supervisor's console calls; empty: refused
    QTest::newRow("a number") << "2001"
                              << "2001";
    QTest::newRow("a formatted number") << "+1 555 0103"
                                        << "+15550103";
    QTest::newRow("a SIP URI") << "sip:agent7@floor.example"
                               << "sip:agent7@floor.example";
    // A SIP account whose user is a name publishes its address-of-record (SipAccountConfig::lineAddress).
    QTest::newRow("a SIP user's address-of-record") << "sip:alice@127.0.0.1:5060"
                                                    << "sip:alice@127.0.0.1:5060";
    QTest::newRow("a SIP URI with port and transport") << "SIP:agent7@Floor.Example:5070;transport=tcp"
                                                       << "sip:agent7@floor.example:5070;transport=tcp";
    QTest::newRow("a user name alone") << "agent7"
                                       << "";
    QTest::newRow("a broken URI") << "sip:agent7@"
                                  << "";
}

void TestFloorCoaching::supervisorDialsTheAddress()
{
    QFETCH(QString, address);
    QFETCH(QString, dialled);
    const QString agentId = QStringLiteral("c%1").arg(++m_agents);
    CoachedConsole agent(settingsFor({m_nats->url()}, agentId), m_nats->store, QStringLiteral("barge"),
                         QString());
    SimFixture &fx = agent.console.fx;
    SimSwitch::LineSetup setup;
    setup.descriptor.id = QStringLiteral("desk-uri");
    setup.descriptor.name = QStringLiteral("desk-uri");
    setup.descriptor.address = address;
    fx.sim().addLine(setup);
    Line *deskLine = fx.engine().line(QStringLiteral("desk-uri"));
    QVERIFY(deskLine);
    QCOMPARE(agent.console.agent.requestState(AgentState::Ready), AgentState::Applied);
    CallSession *call = fx.answered(QStringLiteral("alice"), deskLine);
    QVERIFY(call);
    QCOMPARE(call->address(), address);
    SimFixture supervisorFx;
    Sender sender(settingsFor({m_nats->url()}, QStringLiteral("sup1")));
    QTRY_COMPARE_WITH_TIMEOUT(agent.console.link.status(), FloorLink::Connected, WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(sender.link.status(), FloorLink::Connected, WaitMs);
    LineCapabilities caps;
    caps.uuiMakeCallSize = 128;
    QVERIFY(supervisorFx.addLine(QStringLiteral("sup-line"), caps));
    FloorCoachingCaller caller(&sender.link, &supervisorFx.engine(), {QStringLiteral("sim")});
    QSignalSpy finished(&caller, &FloorCoachingCaller::finished);
    caller.coach(agentId, call->sessionId(), QStringLiteral("listen"));
    QVERIFY(finished.wait(WaitMs));
    supervisorFx.settle();
    CallSession *leg = caller.leg(agentId, call->sessionId());
    if (dialled.isEmpty()) {
        // Refused by the agent's console before any grant: no leg is placed.
        QCOMPARE(finished.at(0).at(3).toBool(), false);
        QCOMPARE(finished.at(0).at(4).toString(), QStringLiteral("invalid"));
        QVERIFY(agent.coaching.grants().isEmpty());
        QVERIFY(!leg);
        return;
    }
    QCOMPARE(finished.at(0).at(3).toBool(), true);
    QCOMPARE(finished.at(0).at(4).toString(), QStringLiteral("OK"));
    QVERIFY(leg);
    QCOMPARE(leg->calledNumber(), dialled);
    QCOMPARE(leg->sentUserUserInfo(),
             FloorCoaching::userUserInfoOf(agent.coaching.grants().constFirst().token).toUtf8());
}

void TestFloorCoaching::coachingIsNoCallOfTheFloor()
{
    const QString agentId = QStringLiteral("c%1").arg(++m_agents);
    // A bucket of their own: the figures are these two consoles' alone.
    auto floorOf = [this, &agentId](const QString &id) {
        FloorSettings settings = settingsFor({m_nats->url()}, id);
        settings.bucket = QStringLiteral("floor_") + agentId;
        return settings;
    };
    CoachedConsole agent(floorOf(agentId), m_nats->store, QStringLiteral("barge"), QString());
    FloorCoachingLegs legs(&agent.coaching, &agent.console.fx.engine(), nullptr);
    agent.console.publisher->setCoachingLegs(&legs);
    SimFixture &fx = agent.console.fx;
    SupervisorConsole sup(floorOf(QStringLiteral("sup1")));
    QSignalSpy supEntries(&sup.link, &FloorLink::entryChanged);
    Line *desk = addDeskFor(fx, sup.fx);
    QVERIFY(desk);
    QCOMPARE(agent.console.agent.requestState(AgentState::Ready), AgentState::Applied);
    CallSession *call = fx.answered(QStringLiteral("alice"), desk);
    QVERIFY(call);
    QTRY_COMPARE_WITH_TIMEOUT(agent.console.link.status(), FloorLink::Connected, WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(sup.link.status(), FloorLink::Connected, WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(callStateOf(sup.model, agentId, call->sessionId()), QStringLiteral("CONNECTED"),
                              WaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(sup.model.rowOf(QStringLiteral("sup1")) >= 0, WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(sup.model.callsInProgress(), 1, WaitMs);

    // Listen: the supervisor's console places its leg (carol answers it on its switch) and the agent's
    // console answers the leg that carries the token.
    QSignalSpy finished(&sup.caller, &FloorCoachingCaller::finished);
    QSignalSpy coachingChanged(&sup.caller, &FloorCoachingCaller::coachingChanged);
    sup.caller.coach(agentId, call->sessionId(), QStringLiteral("listen"));
    QVERIFY(finished.wait(WaitMs));
    QCOMPARE(finished.at(0).at(3).toBool(), true);
    sup.fx.settle();
    CallSession *supLeg = sup.caller.leg(agentId, call->sessionId());
    QVERIFY(supLeg);
    QVERIFY(sup.publisher->isCoachingLeg(supLeg));
    QVERIFY(sup.fx.connectOutbound(supLeg, QStringLiteral("carol")));
    QVERIFY(coachingChanged.count() >= 1);
    const int mark = fx.addedMark();
    QString error;
    QVERIFY2(!fx.sim()
                  .offerCall(desk->lineId(), QStringLiteral("carol"), supLeg->sentUserUserInfo(), &error)
                  .isEmpty(),
             qPrintable(error));
    fx.settle();
    QCOMPARE(fx.sessionsAddedSince(mark).size(), 1);
    CallSession *leg = fx.sessionsAddedSince(mark).constFirst();
    QTRY_COMPARE((fx.settle(), leg->state()), int(Connected));
    QVERIFY(agent.console.publisher->isCoachingLeg(leg));

    // The supervisor's view: the agent's call names who coaches it; the supervisor coaches that call.
    const QVariantList listening {QVariantMap {{QStringLiteral("supervisorId"), QStringLiteral("sup1")},
                                               {QStringLiteral("mode"), QStringLiteral("listen")},
                                               {QStringLiteral("supervisorName"), QStringLiteral("SUP1")}}};
    QTRY_COMPARE_WITH_TIMEOUT(sup.model.call(agentId, call->sessionId())
                                  .value(QStringLiteral("coaching"))
                                  .toArray()
                                  .toVariantList(),
                              listening, WaitMs);
    const QVariantList coachingNow {QVariantMap {{QStringLiteral("agentId"), agentId},
                                                 {QStringLiteral("agentName"), agentId.toUpper()},
                                                 {QStringLiteral("sessionId"), call->sessionId()},
                                                 {QStringLiteral("mode"), QStringLiteral("listen")}}};
    QTRY_COMPARE_WITH_TIMEOUT(coachingOfRow(sup.model, QStringLiteral("sup1")), coachingNow, WaitMs);
    // Neither leg is a call of the floor, nor in the figures.
    QCOMPARE(callCountOf(sup.model, agentId), 1);
    QCOMPARE(callCountOf(sup.model, QStringLiteral("sup1")), 0);
    QVERIFY(sup.model.call(agentId, leg->sessionId()).isEmpty());
    QCOMPARE(sup.model.callsInProgress(), 1);

    // Whisper: both entries follow.
    sup.caller.coach(agentId, call->sessionId(), QStringLiteral("whisper"));
    QVERIFY(finished.wait(WaitMs));
    QTRY_COMPARE_WITH_TIMEOUT(coachingOfRow(sup.model, QStringLiteral("sup1"))
                                  .value(0)
                                  .toMap()
                                  .value(QStringLiteral("mode"))
                                  .toString(),
                              QStringLiteral("whisper"), WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(sup.model.call(agentId, call->sessionId())
                                  .value(QStringLiteral("coaching"))
                                  .toArray()
                                  .at(0)
                                  .toObject()
                                  .value(QStringLiteral("mode"))
                                  .toString(),
                              QStringLiteral("whisper"), WaitMs);

    // endCoaching: the agent's console drops its leg, the supervisor's far end hangs up; the coaching
    // leaves both entries, and no leg was ever published, while it lasted or as it ended.
    sup.caller.coach(agentId, call->sessionId(), QStringLiteral("endCoaching"));
    QVERIFY(finished.wait(WaitMs));
    QTRY_VERIFY((fx.settle(), leg->state() == Idle || leg->state() == Disconnected));
    QVERIFY(sup.fx.sim().remoteHangup(QStringLiteral("carol"), DisconnectNormal));
    sup.fx.settle();
    QTRY_VERIFY_WITH_TIMEOUT(coachingOfRow(sup.model, QStringLiteral("sup1")).isEmpty(), WaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(!sup.model.call(agentId, call->sessionId()).contains(QStringLiteral("coaching")),
                             WaitMs);
    // The customer's call goes on being published (its hold reaches the supervisor): everything the
    // agent's console wrote before it has arrived.
    QCOMPARE(fx.completionOf(call->hold()), int(Success));
    QTRY_COMPARE_WITH_TIMEOUT(callStateOf(sup.model, agentId, call->sessionId()), QStringLiteral("ONHOLD"),
                              WaitMs);
    QCOMPARE(callKeysSeen(supEntries, {agentId, QStringLiteral("sup1")}),
             QStringList {FloorPublisher::callKey(agentId, call->sessionId())});
    QCOMPARE(sup.model.callsInProgress(), 1);
}

void TestFloorCoaching::legsAreNotRecorded()
{
    // recording/auto on both consoles: the customer's call is recorded, the coaching legs are not.
    QTemporaryDir agentDir;
    QTemporaryDir supervisorDir;
    QVERIFY(agentDir.isValid() && supervisorDir.isValid());
    const QString agentId = QStringLiteral("c%1").arg(++m_agents);
    CoachedConsole agent(settingsFor({m_nats->url()}, agentId), m_nats->store, QStringLiteral("barge"),
                         QString());
    SimFixture &fx = agent.console.fx;
    std::unique_ptr<ConsoleSettings> agentAudio = freshAudioSettings(agentDir);
    QVERIFY(agentAudio->setValue(SettingsSchema::RecordingAuto, true));
    CallAudioRouter agentRouter(&fx.engine(), nullptr, agentAudio.get(), toneHeadset(48000, 440.0, -12.0),
                                CallAudioMixer::Drive::OwnTimer, nullptr);
    FloorCoachingLegs legs(&agent.coaching, &fx.engine(), &agentRouter);
    SupervisorConsole sup(settingsFor({m_nats->url()}, QStringLiteral("sup1")));
    std::unique_ptr<ConsoleSettings> supervisorAudio = freshAudioSettings(supervisorDir);
    QVERIFY(supervisorAudio->setValue(SettingsSchema::RecordingAuto, true));
    CallAudioRouter supRouter(&sup.fx.engine(), nullptr, supervisorAudio.get(),
                              toneHeadset(48000, 600.0, -12.0), CallAudioMixer::Drive::OwnTimer, nullptr);
    Line *desk = addDeskFor(fx, sup.fx);
    QVERIFY(desk);
    QCOMPARE(agent.console.agent.requestState(AgentState::Ready), AgentState::Applied);
    CallSession *call = fx.answered(QStringLiteral("alice"), desk);
    QVERIFY(call);
    auto lineAudio = [](const QString &name) {
        return std::make_shared<LineAudioEndpoint>(8000, name);
    };
    fx.engine().callAudioAttached(fx.engine().callIdOf(call), lineAudio(QStringLiteral("customer")));
    QTRY_COMPARE_WITH_TIMEOUT(call->recordingState(), CallSession::Recording, WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(agent.console.link.status(), FloorLink::Connected, WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(sup.link.status(), FloorLink::Connected, WaitMs);

    // The supervisor's leg: placed, answered by carol, talking with audio.
    QSignalSpy finished(&sup.caller, &FloorCoachingCaller::finished);
    sup.caller.coach(agentId, call->sessionId(), QStringLiteral("listen"));
    QVERIFY(finished.wait(WaitMs));
    QCOMPARE(finished.at(0).at(3).toBool(), true);
    sup.fx.settle();
    CallSession *supLeg = sup.caller.leg(agentId, call->sessionId());
    QVERIFY(supLeg);
    QVERIFY(supRouter.isCoachingLeg(supLeg));
    QVERIFY(sup.fx.connectOutbound(supLeg, QStringLiteral("carol")));
    sup.fx.engine().callAudioAttached(sup.fx.engine().callIdOf(supLeg), lineAudio(QStringLiteral("agent")));
    QTRY_COMPARE_WITH_TIMEOUT(supRouter.bridgedCalls(), 1, WaitMs);
    // The agent's leg: answered and joined, talking with audio.
    const int mark = fx.addedMark();
    QString error;
    QVERIFY2(!fx.sim()
                  .offerCall(desk->lineId(), QStringLiteral("carol"), supLeg->sentUserUserInfo(), &error)
                  .isEmpty(),
             qPrintable(error));
    fx.settle();
    QCOMPARE(fx.sessionsAddedSince(mark).size(), 1);
    CallSession *leg = fx.sessionsAddedSince(mark).constFirst();
    QTRY_COMPARE((fx.settle(), leg->state()), int(Connected));
    QVERIFY(agentRouter.isCoachingLeg(leg));
    fx.engine().callAudioAttached(fx.engine().callIdOf(leg), lineAudio(QStringLiteral("supervisor")));
    QTRY_COMPARE_WITH_TIMEOUT(agentRouter.bridgedCalls(), 2, WaitMs);

    // The mixer takes orders in turn: a recording the policy had started for a leg would be reported
    // before what is asked after it. The agent's console: a pause of the customer's recording.
    agentRouter.pauseRecording(call);
    QTRY_COMPARE_WITH_TIMEOUT(call->recordingState(), CallSession::RecordingPaused, WaitMs);
    QCOMPARE(leg->recordingState(), CallSession::NotRecorded);
    // The supervisor's console: a call of its own that talks after the leg is recorded.
    CallSession *own = sup.fx.answered(QStringLiteral("dave"));
    QVERIFY(own);
    sup.fx.engine().callAudioAttached(sup.fx.engine().callIdOf(own), lineAudio(QStringLiteral("own")));
    QTRY_COMPARE_WITH_TIMEOUT(own->recordingState(), CallSession::Recording, WaitMs);
    QCOMPARE(supLeg->recordingState(), CallSession::NotRecorded);
    // One recording on each console: the customer's call and the supervisor's own call.
    QTRY_COMPARE_WITH_TIMEOUT(
        QDir(agentDir.filePath(QStringLiteral("recordings"))).entryList(QDir::Files).size(), qsizetype(1),
        WaitMs);
    QCOMPARE(QDir(supervisorDir.filePath(QStringLiteral("recordings"))).entryList(QDir::Files).size(),
             qsizetype(1));
}

void TestFloorCoaching::callLogTypesTheLegs()
{
    // The agent's console as the app composes it (ConsoleFloor with coaching and the call log): the legs'
    // rows in each history, and the supervisor's leaving in the agent's audit.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString agentId = QStringLiteral("c%1").arg(++m_agents);
    SimFixture fx;
    AgentState agentState(nullptr);
    agentState.attach(&fx.engine());
    QSettings store(dir.filePath(QStringLiteral("agent.ini")), QSettings::IniFormat);
    ConsoleSettings settings(&store, QString(), nullptr);
    QVERIFY(settings.setValue(SettingsSchema::CoachingMost, QStringLiteral("barge")));
    CallLog agentLog(nullptr);
    QVERIFY2(agentLog.open(dir.filePath(QStringLiteral("agent.sqlite"))), qPrintable(agentLog.errorString()));
    agentLog.attach(&fx.engine());
    ConsoleFloor floor(&fx.engine(), &agentState);
    floor.enableCoaching(&settings, nullptr);
    floor.start(settingsFor({m_nats->url()}, agentId));
    SupervisorConsole sup(settingsFor({m_nats->url()}, QStringLiteral("sup1")));
    CallLog supLog(nullptr);
    QVERIFY2(supLog.open(dir.filePath(QStringLiteral("sup.sqlite"))), qPrintable(supLog.errorString()));
    supLog.attach(&sup.fx.engine());
    Line *desk = addDeskFor(fx, sup.fx);
    QVERIFY(desk);
    QCOMPARE(agentState.requestState(AgentState::Ready), AgentState::Applied);
    CallSession *call = fx.answered(QStringLiteral("alice"), desk);
    QVERIFY(call);
    QTRY_COMPARE_WITH_TIMEOUT(floor.link()->status(), FloorLink::Connected, WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(sup.link.status(), FloorLink::Connected, WaitMs);

    QSignalSpy placed(&sup.caller, &FloorCoachingCaller::legPlaced);
    QSignalSpy finished(&sup.caller, &FloorCoachingCaller::finished);
    sup.caller.coach(agentId, call->sessionId(), QStringLiteral("listen"));
    QVERIFY(finished.wait(WaitMs));
    QCOMPARE(finished.at(0).at(3).toBool(), true);
    sup.fx.settle();
    CallSession *supLeg = sup.caller.leg(agentId, call->sessionId());
    QVERIFY(supLeg);
    QCOMPARE(placed.count(), 1);
    QCOMPARE(placed.at(0).at(0).value<CallSession *>(), supLeg);
    QVERIFY(sup.fx.connectOutbound(supLeg, QStringLiteral("carol")));
    const int mark = fx.addedMark();
    QString error;
    QVERIFY2(!fx.sim()
                  .offerCall(desk->lineId(), QStringLiteral("carol"), supLeg->sentUserUserInfo(), &error)
                  .isEmpty(),
             qPrintable(error));
    fx.settle();
    QCOMPARE(fx.sessionsAddedSince(mark).size(), 1);
    CallSession *leg = fx.sessionsAddedSince(mark).constFirst();
    QTRY_COMPARE((fx.settle(), leg->state()), int(Connected));

    // The supervisor hangs up, then the agent's call ends; every handle is closed.
    const int callId = call->sessionId();
    const int legId = leg->sessionId();
    const int supLegId = supLeg->sessionId();
    QVERIFY(sup.fx.sim().remoteHangup(QStringLiteral("carol"), DisconnectNormal));
    QVERIFY(fx.sim().remoteHangup(QStringLiteral("carol"), DisconnectNormal));
    QTRY_VERIFY((fx.settle(), leg->state() == Idle || leg->state() == Disconnected));
    QTRY_VERIFY((sup.fx.settle(), supLeg->state() == Idle || supLeg->state() == Disconnected));
    // His leaving is in the agent's audit, as the request that let him in is: no request came for it.
    QTRY_COMPARE_WITH_TIMEOUT(lastAudit(m_nats->url(), agentId).value(QStringLiteral("action")).toString(),
                              QStringLiteral("stopCoaching"), WaitMs);
    const QJsonObject left = lastAudit(m_nats->url(), agentId);
    QCOMPARE(left.value(QStringLiteral("by")).toString(), QStringLiteral("sup1"));
    QCOMPARE(left.value(QStringLiteral("ok")).toBool(), true);
    QCOMPARE(left.value(QStringLiteral("request")).toObject().value(QStringLiteral("mode")).toString(),
             QStringLiteral("listen"));
    QCOMPARE(left.value(QStringLiteral("request")).toObject().value(QStringLiteral("sessionId")).toInt(),
             callId);
    if (leg->state() == Disconnected)
        QCOMPARE(fx.completionOf(leg->drop(QByteArray())), int(Success));
    if (supLeg->state() == Disconnected)
        QCOMPARE(sup.fx.completionOf(supLeg->drop(QByteArray())), int(Success));
    QCOMPARE(fx.completionOf(call->drop(QByteArray())), int(Success));
    for (CallSession *session : {call, leg})
        session->terminate();
    supLeg->terminate();
    QTRY_VERIFY(fx.engine().sessionList().isEmpty());
    QTRY_VERIFY(sup.fx.engine().sessionList().isEmpty());
    agentLog.waitForWrites();
    supLog.waitForWrites();

    // Each console's history: the customer's call as a call, each leg as coaching.
    QHash<int, QString> agentRows;
    for (const CallRecord &record : agentLog.records())
        agentRows.insert(record.sessionId, record.outcome);
    QCOMPARE(agentRows.value(callId), QStringLiteral("answered"));
    QCOMPARE(agentRows.value(legId), QString::fromLatin1(CallLog::CoachingOutcome));
    QHash<int, QString> supRows;
    for (const CallRecord &record : supLog.records())
        supRows.insert(record.sessionId, record.outcome);
    QCOMPARE(supRows.value(supLegId), QString::fromLatin1(CallLog::CoachingOutcome));
    floor.stop();
}

QTEST_GUILESS_MAIN(TestFloorCoaching)
#include "tst_floor_coaching.moc"
