// AgentState: requests applied or deferred while busy, wrap-up after a talked call (timer, extension,
// finish), and which offered calls may alert. Driven by the real engine on the simulated switch.
#include "SimFixture.h"

#include "agent/AgentState.h"
#include "core/Tapi.h"
#include "lines/Line.h"
#include "session/CallSession.h"

#include <QtCore/qfile.h>
#include <QtCore/qsettings.h>
#include <QtCore/qtemporarydir.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

using namespace Tapi;

namespace {
QString stateTag(AgentState::State state)
{
    return QString::fromLatin1(QMetaEnum::fromType<AgentState::State>().valueToKey(state));
}

// "WrapUp<-Ready" for every stateChanged the spy saw, in order.
QStringList transitions(const QSignalSpy &spy)
{
    QStringList result;
    for (const QList<QVariant> &args : spy)
        result << stateTag(args.at(0).value<AgentState::State>()) + QStringLiteral("<-")
                + stateTag(args.at(1).value<AgentState::State>());
    return result;
}
} // namespace

class TestAgentState : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requestWhileFree_data();
    void requestWhileFree();
    void requestWhileOnCall_data();
    void requestWhileOnCall();
    void wrapUpAfterTalkedCall();
    void noWrapUpWithoutTalk();
    void noWrapUpAfterSupervisionLeg_data();
    void noWrapUpAfterSupervisionLeg();
    void wrapUpTimerExpiresAndExtends();
    void newCallDuringWrapUpKeepsNextState();
    void alerting_data();
    void alerting();
    void alertingMovesToNextOffer();
    void ringingSessionsChangeWithTheSetOnly();
    void persistedStateSurvivesRestart_data();
    void persistedStateSurvivesRestart();
    void storedStateThatCannotBeRestored_data();
    void storedStateThatCannotBeRestored();
    void stateFromEarlierSettingsFileIsKeptThere();
    void onCallAndTimeInState();
};

void TestAgentState::requestWhileFree_data()
{
    QTest::addColumn<int>("requested");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<int>("result");
    QTest::addColumn<int>("state");
    QTest::addColumn<QString>("reasonAfter");
    QTest::addColumn<bool>("canTake");
    QTest::newRow("ready") << int(AgentState::Ready) << QString() << int(AgentState::Applied)
                           << int(AgentState::Ready) << QString() << true;
    QTest::newRow("not ready with reason")
        << int(AgentState::NotReady) << QStringLiteral(" break ") << int(AgentState::Applied)
        << int(AgentState::NotReady) << QStringLiteral("break") << false;
    QTest::newRow("not ready without reason")
        << int(AgentState::NotReady) << QStringLiteral("  ") << int(AgentState::Refused)
        << int(AgentState::Offline) << QString() << false;
    QTest::newRow("wrap-up is not requested")
        << int(AgentState::WrapUp) << QString() << int(AgentState::Refused) << int(AgentState::Offline)
        << QString() << false;
    QTest::newRow("offline") << int(AgentState::Offline) << QString() << int(AgentState::Applied)
                             << int(AgentState::Offline) << QString() << false;
}

void TestAgentState::requestWhileFree()
{
    QFETCH(int, result);
    QFETCH(int, state);
    QFETCH(QString, reasonAfter);
    QFETCH(bool, canTake);
    QFETCH(int, requested);
    QFETCH(QString, reason);
    SimFixture fx;
    AgentState agent(nullptr);
    agent.attach(&fx.engine());
    QCOMPARE(agent.state(), AgentState::Offline);
    QCOMPARE(int(agent.requestState(AgentState::State(requested), reason)), result);
    QCOMPARE(int(agent.state()), state);
    QCOMPARE(agent.reasonCode(), reasonAfter);
    QCOMPARE(agent.canTakeCalls(), canTake);
    QVERIFY(!agent.hasNextState());
    QVERIFY(!agent.isBusy());
}

void TestAgentState::requestWhileOnCall_data()
{
    QTest::addColumn<int>("requested");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QStringList>("expected"); // stateChanged after the call ends and wrap-up finishes
    QTest::addColumn<QString>("finalReason");
    QTest::newRow("not ready next") << int(AgentState::NotReady) << QStringLiteral("lunch")
                                    << QStringList {QStringLiteral("WrapUp<-Ready"),
                                                    QStringLiteral("NotReady<-WrapUp")}
                                    << QStringLiteral("lunch");
    QTest::newRow("offline next") << int(AgentState::Offline) << QString()
                                  << QStringList {QStringLiteral("WrapUp<-Ready"),
                                                  QStringLiteral("Offline<-WrapUp")}
                                  << QString();
    QTest::newRow("ready next") << int(AgentState::Ready) << QString()
                                << QStringList {QStringLiteral("WrapUp<-Ready"),
                                                QStringLiteral("Ready<-WrapUp")}
                                << QString();
}

void TestAgentState::requestWhileOnCall()
{
    QFETCH(QStringList, expected);
    QFETCH(QString, finalReason);
    QFETCH(int, requested);
    QFETCH(QString, reason);
    SimFixture fx;
    AgentState agent(nullptr);
    agent.setWrapUpSeconds(0); // untimed: the test finishes it
    agent.attach(&fx.engine());
    QCOMPARE(agent.requestState(AgentState::Ready), AgentState::Applied);
    CallSession *a = fx.answered(QStringLiteral("alice"));
    QVERIFY(a);
    QVERIFY(agent.isBusy());
    QVERIFY(!agent.canTakeCalls());

    QSignalSpy changes(&agent, &AgentState::stateChanged);
    QSignalSpy next(&agent, &AgentState::nextStateChanged);
    QCOMPARE(agent.requestState(AgentState::State(requested), reason), AgentState::Deferred);
    QCOMPARE(agent.state(), AgentState::Ready); // nothing changes during the call
    QVERIFY(agent.hasNextState());
    QCOMPARE(int(agent.nextState()), requested);
    QCOMPARE(agent.nextReasonCode(), reason);
    QCOMPARE(next.size(), 1);

    QCOMPARE(fx.completionOf(a->drop(QByteArray())), int(Success));
    QCOMPARE(agent.state(), AgentState::WrapUp);
    QVERIFY(agent.isBusy());
    QVERIFY(!agent.wrapUpTimed());
    QCOMPARE(agent.wrapUpRemainingMs(), qint64(-1));
    QVERIFY(agent.finishWrapUp());
    QCOMPARE(transitions(changes), expected);
    QCOMPARE(agent.reasonCode(), finalReason);
    QVERIFY(!agent.hasNextState());
    QVERIFY(!agent.isBusy());
    QVERIFY(!agent.finishWrapUp());
}

void TestAgentState::wrapUpAfterTalkedCall()
{
    SimFixture fx;
    AgentState agent(nullptr);
    agent.setWrapUpSeconds(120);
    agent.attach(&fx.engine());
    agent.requestState(AgentState::NotReady, QStringLiteral("training"));
    CallSession *a = fx.dialOut(fx.peerNumber(QStringLiteral("bob")));
    QVERIFY(a);
    QVERIFY(fx.connectOutbound(a, QStringLiteral("bob")));
    QSignalSpy busy(&agent, &AgentState::busyChanged);
    QVERIFY(fx.sim().remoteHangup(QStringLiteral("bob"), DisconnectNormal));
    fx.settle();
    // The far end hung up: DISCONNECTED is no call in progress, so wrap-up starts now.
    QCOMPARE(a->state(), int(Disconnected));
    QCOMPARE(agent.state(), AgentState::WrapUp);
    QVERIFY(agent.wrapUpTimed());
    QVERIFY(agent.wrapUpRemainingMs() > 100000 && agent.wrapUpRemainingMs() <= 120000);
    QCOMPARE(busy.size(), 0); // busy throughout: the call, then wrap-up
    QVERIFY(agent.finishWrapUp());
    QCOMPARE(agent.state(), AgentState::NotReady);
    QCOMPARE(agent.reasonCode(), QStringLiteral("training")); // back to where the agent was
    QCOMPARE(busy.size(), 1);
}

void TestAgentState::noWrapUpWithoutTalk()
{
    SimFixture fx;
    AgentState agent(nullptr);
    agent.attach(&fx.engine());
    agent.requestState(AgentState::Ready);
    CallSession *a = fx.dialOut(fx.peerNumber(QStringLiteral("busy")));
    QVERIFY(a);
    QCOMPARE(agent.requestState(AgentState::NotReady, QStringLiteral("break")), AgentState::Deferred);
    QVERIFY(fx.runUntil([a] { return a->state() == Busy; }));
    QCOMPARE(agent.state(), AgentState::Ready); // BUSY still holds the line
    QCOMPARE(fx.completionOf(a->drop(QByteArray())), int(Success));
    // A busy signal was never a conversation: the deferred state applies at once, no wrap-up.
    QCOMPARE(agent.state(), AgentState::NotReady);
    QCOMPARE(agent.reasonCode(), QStringLiteral("break"));
    QVERIFY(!agent.hasNextState());
}

void TestAgentState::noWrapUpAfterSupervisionLeg_data()
{
    QTest::addColumn<bool>("supervisionLeg"); // the call marked as a supervisor's coaching leg
    QTest::addColumn<int>("state"); // the agent's, once the far end hung up and after the drop
    QTest::addColumn<QStringList>("expected"); // stateChanged throughout
    QTest::newRow("supervision leg") << true << int(AgentState::Ready) << QStringList();
    // The contrast (as wrapUpAfterTalkedCall): the same call unmarked is wrapped up.
    QTest::newRow("the same call unmarked")
        << false << int(AgentState::WrapUp) << QStringList {QStringLiteral("WrapUp<-Ready")};
}

void TestAgentState::noWrapUpAfterSupervisionLeg()
{
    // A supervisor's coaching leg (issue 16) talks, but it is no customer's call: when it ends the
    // supervisor stays Ready, and the ended leg needs no wrap-up (the console closes it at once).
    QFETCH(bool, supervisionLeg);
    QFETCH(int, state);
    QFETCH(QStringList, expected);
    SimFixture fx;
    AgentState agent(nullptr);
    agent.setWrapUpSeconds(120);
    agent.attach(&fx.engine());
    agent.requestState(AgentState::Ready);
    CallSession *leg = fx.dialOut(fx.peerNumber(QStringLiteral("bob")));
    QVERIFY(leg);
    QVERIFY(!leg->isSupervisionLeg());
    if (supervisionLeg) {
        leg->markSupervisionLeg();
        QVERIFY(leg->isSupervisionLeg());
    }
    QSignalSpy changed(&agent, &AgentState::stateChanged);
    QVERIFY(fx.connectOutbound(leg, QStringLiteral("bob")));
    QVERIFY(agent.onCall());
    QVERIFY(fx.sim().remoteHangup(QStringLiteral("bob"), DisconnectNormal));
    fx.settle();
    QCOMPARE(leg->state(), int(Disconnected));
    QCOMPARE(leg->needsWrapUp(), !supervisionLeg);
    QCOMPARE(int(agent.state()), state);
    QCOMPARE(agent.isBusy(), !supervisionLeg); // wrap-up keeps the agent busy
    QCOMPARE(fx.completionOf(leg->drop(QByteArray())), int(Success));
    QCOMPARE(int(agent.state()), state);
    QCOMPARE(transitions(changed), expected);
}

void TestAgentState::wrapUpTimerExpiresAndExtends()
{
    SimFixture fx;
    AgentState agent(nullptr);
    agent.setWrapUpSeconds(1);
    agent.attach(&fx.engine());
    agent.requestState(AgentState::Ready);
    CallSession *a = fx.answered(QStringLiteral("alice"));
    QVERIFY(a);
    QCOMPARE(fx.completionOf(a->drop(QByteArray())), int(Success));
    QCOMPARE(agent.state(), AgentState::WrapUp);
    QVERIFY(!agent.extendWrapUp(0));
    QSignalSpy deadline(&agent, &AgentState::wrapUpDeadlineChanged);
    QVERIFY(agent.extendWrapUp(1));
    QCOMPARE(deadline.size(), 1);
    QVERIFY(agent.wrapUpRemainingMs() > 1000);
    QSignalSpy changes(&agent, &AgentState::stateChanged);
    QVERIFY(changes.wait(5000));
    QCOMPARE(transitions(changes), QStringList {QStringLiteral("Ready<-WrapUp")});
    QVERIFY(!agent.wrapUpTimed());
    QVERIFY(agent.canTakeCalls());
}

void TestAgentState::newCallDuringWrapUpKeepsNextState()
{
    SimFixture fx;
    AgentState agent(nullptr);
    agent.setWrapUpSeconds(0);
    agent.attach(&fx.engine());
    agent.requestState(AgentState::Ready);
    CallSession *a = fx.answered(QStringLiteral("alice"));
    QVERIFY(a);
    QCOMPARE(fx.completionOf(a->drop(QByteArray())), int(Success));
    QCOMPARE(agent.requestState(AgentState::Offline), AgentState::Deferred);
    CallSession *b = fx.dialOut(fx.peerNumber(QStringLiteral("bob"))); // a callback during wrap-up
    QVERIFY(b);
    QVERIFY(agent.finishWrapUp());
    QCOMPARE(agent.state(), AgentState::Ready); // still on the callback
    QVERIFY(agent.hasNextState());
    QVERIFY(!agent.canTakeCalls());
    QCOMPARE(fx.completionOf(b->drop(QByteArray())), int(Success));
    QCOMPARE(agent.state(), AgentState::Offline); // never talked: no second wrap-up
}

void TestAgentState::alerting_data()
{
    QTest::addColumn<int>("agentState");
    QTest::addColumn<bool>("onCall");
    QTest::addColumn<bool>("alerts");
    QTest::newRow("ready, free") << int(AgentState::Ready) << false << true;
    QTest::newRow("ready, on a call") << int(AgentState::Ready) << true << false;
    QTest::newRow("not ready") << int(AgentState::NotReady) << false << false;
    QTest::newRow("offline") << int(AgentState::Offline) << false << false;
}

void TestAgentState::alerting()
{
    QFETCH(int, agentState);
    QFETCH(bool, onCall);
    SimFixture fx;
    AgentState agent(nullptr);
    agent.attach(&fx.engine());
    agent.requestState(AgentState::State(agentState), QStringLiteral("meeting"));
    if (onCall)
        QVERIFY(fx.answered(QStringLiteral("bob")));
    QSignalSpy alerting(&agent, &AgentState::alertingSessionChanged);
    CallSession *a = fx.offer(QStringLiteral("alice"));
    QVERIFY(a);
    QFETCH(bool, alerts);
    QCOMPARE(agent.mayAlert(a), alerts);
    QCOMPARE(agent.alertingSession(), alerts ? a : nullptr);
    QCOMPARE(alerting.size(), alerts ? 1 : 0);
    QCOMPARE(fx.completionOf(a->reject()), int(Success));
    QCOMPARE(agent.alertingSession(), nullptr);
    QCOMPARE(alerting.size(), alerts ? 2 : 0);
}

void TestAgentState::alertingMovesToNextOffer()
{
    SimFixture fx;
    LineCapabilities bridged;
    bridged.addressSharing = SharingBridgedShared;
    Line *x = fx.addLine(QStringLiteral("sim/x"), bridged, QStringLiteral("300"), true);
    fx.addLine(QStringLiteral("sim/y"), bridged, QStringLiteral("300"), false);
    AgentState agent(nullptr);
    agent.attach(&fx.engine());
    agent.requestState(AgentState::Ready);
    CallSession *a = fx.offer(QStringLiteral("alice"));
    QVERIFY(a);
    const int mark = fx.addedMark();
    QCOMPARE(fx.sim().offerCall(x->lineId(), QStringLiteral("bob")).size(), 2);
    fx.settle();
    CallSession *atY = nullptr;
    for (CallSession *s : fx.sessionsAddedSince(mark)) {
        if (s->lineId() == QLatin1String("sim/y"))
            atY = s;
    }
    QVERIFY(atY);
    QCOMPARE(atY->mode(), int(OfferingInactive));
    QVERIFY(!agent.mayAlert(atY)); // the inactive station of a bridged address does not ring
    QCOMPARE(agent.alertingSession(), a); // the banner stays on the first call
    QVERIFY(fx.sim().remoteHangup(QStringLiteral("alice"), DisconnectNoAnswer));
    fx.settle();
    QCOMPARE(agent.alertingSession()->lineId(), QStringLiteral("sim/x"));
    QCOMPARE(agent.alertingSession()->remoteName(), QStringLiteral("Bob Baker"));
}

// ringingSessions is every call that may alert, the longest waiting first, and says so only when that
// set changes: the banner re-reads it then, not at every state change of every call (200 SIP calls).
void TestAgentState::ringingSessionsChangeWithTheSetOnly()
{
    SimFixture fx;
    AgentState agent(nullptr);
    agent.attach(&fx.engine());
    agent.requestState(AgentState::Ready);
    QStringList heard;
    const auto names = [&agent] {
        QStringList result;
        for (CallSession *s : agent.ringingSessions())
            result << s->remoteName().section(QLatin1Char(' '), 0, 0);
        return result;
    };
    connect(&agent, &AgentState::alertingSessionChanged, this, [&] {
        heard << QStringLiteral("alerting ")
                + (agent.alertingSession()
                       ? agent.alertingSession()->remoteName().section(QLatin1Char(' '), 0, 0)
                       : QStringLiteral("none"));
    });
    connect(&agent, &AgentState::ringingSessionsChanged, this,
            [&] { heard << QStringLiteral("ringing ") + names().join(QLatin1Char(',')); });
    CallSession *a = fx.offer(QStringLiteral("alice"));
    CallSession *b = fx.offer(QStringLiteral("bob"));
    CallSession *c = fx.offer(QStringLiteral("carol"));
    QVERIFY(a && b && c);
    QCOMPARE(heard,
             QStringList({QStringLiteral("alerting Alice"), QStringLiteral("ringing Alice"),
                          QStringLiteral("ringing Alice,Bob"), QStringLiteral("ringing Alice,Bob,Carol")}));
    heard.clear();
    // Bob gives up: one change. Closing his ended call changes nothing that rings: nothing is said.
    QVERIFY(fx.sim().remoteHangup(QStringLiteral("bob"), DisconnectNormal));
    fx.settle();
    QCOMPARE(heard, QStringList({QStringLiteral("ringing Alice,Carol")}));
    QCOMPARE(b->state(), int(Disconnected));
    heard.clear();
    QSignalSpy terminated(&fx.engine(), &CallEngine::sessionTerminated);
    QCOMPARE(b->terminate(), int(Success));
    fx.settle();
    QCOMPARE(terminated.size(), 1);
    QCOMPARE(heard, QStringList());
    // The banner's call goes: the next one waiting alerts.
    QVERIFY(fx.sim().remoteHangup(QStringLiteral("alice"), DisconnectNormal));
    fx.settle();
    QCOMPARE(heard, QStringList({QStringLiteral("alerting Carol"), QStringLiteral("ringing Carol")}));
    heard.clear();
    // The agent cannot take calls: nothing rings.
    QCOMPARE(agent.requestState(AgentState::NotReady, QStringLiteral("lunch")), AgentState::Applied);
    QCOMPARE(heard, QStringList({QStringLiteral("alerting none"), QStringLiteral("ringing ")}));
    QVERIFY(agent.ringingSessions().isEmpty());
}

void TestAgentState::persistedStateSurvivesRestart_data()
{
    QTest::addColumn<int>("requested");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<bool>("duringCall"); // requested during a talked call, the restart comes in wrap-up
    QTest::addColumn<QString>("storedState");
    QTest::addColumn<int>("restored");
    // Ready from the start is no change: nothing is written (the settings file stays as the user left it).
    QTest::newRow("ready") << int(AgentState::Ready) << QString() << false << QString()
                           << int(AgentState::Ready);
    QTest::newRow("not ready: lunch") << int(AgentState::NotReady) << QStringLiteral("lunch") << false
                                      << QStringLiteral("NotReady") << int(AgentState::NotReady);
    QTest::newRow("offline") << int(AgentState::Offline) << QString() << false << QStringLiteral("Offline")
                             << int(AgentState::Offline);
    QTest::newRow("next state chosen during a call")
        << int(AgentState::NotReady) << QStringLiteral("break") << true << QStringLiteral("NotReady")
        << int(AgentState::NotReady);
    QTest::newRow("wrap-up without a next state")
        << -1 << QString() << true << QStringLiteral("Ready") << int(AgentState::Ready);
}

// The agent's state is stored at every change and the next start restores it (wrap-up and calls do
// not survive a restart: the state after them does).
void TestAgentState::persistedStateSurvivesRestart()
{
    QFETCH(int, requested);
    QFETCH(QString, reason);
    QFETCH(bool, duringCall);
    QFETCH(QString, storedState);
    QFETCH(int, restored);
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("agent-state.ini"));
    {
        SimFixture fx;
        QSettings settings(file, QSettings::IniFormat);
        AgentState agent(nullptr);
        agent.setWrapUpSeconds(0);
        agent.attach(&fx.engine());
        agent.persistIn(file);
        QCOMPARE(agent.state(), AgentState::Ready); // nothing stored yet
        CallSession *a = nullptr;
        if (duringCall) {
            a = fx.answered(QStringLiteral("alice"));
            QVERIFY(a);
        }
        if (requested >= 0)
            QVERIFY(agent.requestState(AgentState::State(requested), reason) != AgentState::Refused);
        if (a) {
            QCOMPARE(fx.completionOf(a->drop(QByteArray())), int(Success));
            QCOMPARE(agent.state(), AgentState::WrapUp); // the console is closed in wrap-up
        }
        // Written on the settings writer's thread.
        QTRY_COMPARE(settings.value(QStringLiteral("agent/state")).toString(), storedState);
    }
    SimFixture fx;
    AgentState agent(nullptr);
    agent.attach(&fx.engine());
    QSignalSpy changes(&agent, &AgentState::stateChanged);
    agent.persistIn(file);
    QCOMPARE(int(agent.state()), restored);
    QCOMPARE(agent.reasonCode(), restored == AgentState::NotReady ? reason : QString());
    QCOMPARE(changes.size(), restored == AgentState::Offline ? 0 : 1);
}

void TestAgentState::storedStateThatCannotBeRestored_data()
{
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("reason");
    QTest::newRow("unknown name") << QStringLiteral("Vacation") << QString();
    QTest::newRow("wrap-up") << QStringLiteral("WrapUp") << QString();
    QTest::newRow("not ready without reason") << QStringLiteral("NotReady") << QString();
}

// A stored value the agent state cannot take (an old or edited file) starts the agent Ready; the file keeps
// what the user wrote until the agent changes the state.
void TestAgentState::storedStateThatCannotBeRestored()
{
    QFETCH(QString, state);
    QFETCH(QString, reason);
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("agent-state.ini"));
    QSettings settings(file, QSettings::IniFormat);
    settings.setValue(QStringLiteral("agent/state"), state);
    settings.setValue(QStringLiteral("agent/reason"), reason);
    settings.sync();
    SimFixture fx;
    AgentState agent(nullptr);
    agent.attach(&fx.engine());
    agent.persistIn(file);
    QCOMPARE(agent.state(), AgentState::Ready);
    QCOMPARE(settings.value(QStringLiteral("agent/state")).toString(), state);
    QVERIFY(agent.requestState(AgentState::Offline, QString()) != AgentState::Refused);
    QTRY_COMPARE(settings.value(QStringLiteral("agent/state")).toString(), QStringLiteral("Offline"));
}

// Earlier versions kept the state in the console's settings file: it is read from there while the state file
// holds none, and the settings file is never rewritten for it (QSettings would rewrite the whole file).
void TestAgentState::stateFromEarlierSettingsFileIsKeptThere()
{
    QTemporaryDir dir;
    const QString conf = dir.filePath(QStringLiteral("hookline.conf"));
    const QByteArray written = "[agent]\nstate=NotReady\nreason=lunch\n\n[audio]\nringer = speakers\n";
    {
        QFile out(conf);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(written);
    }
    const QString stateFile = dir.filePath(QStringLiteral("agent-state.ini"));
    {
        QSettings earlier(conf, QSettings::IniFormat);
        SimFixture fx;
        AgentState agent(nullptr);
        agent.attach(&fx.engine());
        agent.persistIn(stateFile, &earlier);
        QCOMPARE(agent.state(), AgentState::NotReady);
        QCOMPARE(agent.reasonCode(), QStringLiteral("lunch"));
        QCOMPARE(agent.requestState(AgentState::Offline), AgentState::Applied);
    }
    QFile in(conf);
    QVERIFY(in.open(QIODevice::ReadOnly));
    QCOMPARE(in.readAll(), written);
    QCOMPARE(QSettings(stateFile, QSettings::IniFormat).value(QStringLiteral("agent/state")).toString(),
             QStringLiteral("Offline"));
    // The state file wins from then on.
    QSettings earlier(conf, QSettings::IniFormat);
    SimFixture fx;
    AgentState agent(nullptr);
    agent.attach(&fx.engine());
    agent.persistIn(stateFile, &earlier);
    QCOMPARE(agent.state(), AgentState::Offline);
}

// onCall follows the calls in progress; the times say when the state and the calls began.
void TestAgentState::onCallAndTimeInState()
{
    SimFixture fx;
    AgentState agent(nullptr);
    agent.setWrapUpSeconds(0);
    agent.attach(&fx.engine());
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    QCOMPARE(agent.requestState(AgentState::Ready), AgentState::Applied);
    QVERIFY(agent.stateSinceMs() >= before);
    QVERIFY(!agent.onCall());
    QCOMPARE(agent.onCallSinceMs(), 0);
    QSignalSpy onCall(&agent, &AgentState::onCallChanged);
    CallSession *a = fx.answered(QStringLiteral("alice"));
    QVERIFY(a);
    QVERIFY(agent.onCall());
    QVERIFY(agent.onCallSinceMs() >= before);
    QCOMPARE(onCall.size(), 1);
    QCOMPARE(fx.completionOf(a->drop(QByteArray())), int(Success));
    QVERIFY(!agent.onCall());
    QCOMPARE(agent.onCallSinceMs(), 0);
    QCOMPARE(onCall.size(), 2);
    QCOMPARE(agent.state(), AgentState::WrapUp);
    QVERIFY(agent.stateSinceMs() >= agent.onCallSinceMs());
}

QTEST_GUILESS_MAIN(TestAgentState)
#include "tst_agent_state.moc"
