// docs/tapi-semantics.md section 10.A: basic drop / reject (cases 1-25).
#include "SimFixture.h"

#include "core/Tapi.h"
#include "lines/Line.h"
#include "session/CallSession.h"

#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

using namespace Tapi;

class TestConformanceDrop : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dropFromEachState_data();
    void dropFromEachState();
    void dropOnIdle_data() { caseRow("case 11: drop on idle"); }
    void dropOnIdle();
    void rejectOffered_data();
    void rejectOffered();
    void rejectUnavailable_data();
    void rejectUnavailable();
    void rejectAfterOffer_data();
    void rejectAfterOffer();
    void monitorIsNotOwner_data();
    void monitorIsNotOwner();
    void dropTerminatedHandle_data() { caseRow("case 20: drop on a terminated handle"); }
    void dropTerminatedHandle();
    void doubleDrop_data() { caseRow("case 21: drop twice before completion (D-6)"); }
    void doubleDrop();
    void dropFeatureMissing_data() { caseRow("case 22: address caps without LINECALLFEATURE_DROP"); }
    void dropFeatureMissing();
    void providerFailure_data() { caseRow("case 23: provider fails the drop"); }
    void providerFailure();
    void idleIgnoresProviderEvents_data() { caseRow("case 24: provider event on an idle call"); }
    void idleIgnoresProviderEvents();
    void unchangedStateSignalledOnce_data() { caseRow("case 25: unchanged state re-reported"); }
    void unchangedStateSignalledOnce();
    void checkOrder_data();
    void checkOrder();
};

void TestConformanceDrop::dropFromEachState_data()
{
    QTest::addColumn<int>("stage");
    QTest::addColumn<bool>("apiLegacy");
    QTest::addColumn<int>("modeBefore");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<int>("peerCause3"); // T3 cause the far end sees, or -1 when it sees nothing

    const QString reply = QStringLiteral("reply({id},0)");
    const QString idle = QStringLiteral("S(A)=IDLE");
    QTest::newRow("case 1: connected")
        << int(SimFixture::StageConnected) << false << int(ConnectedActive)
        << QStringList {reply, idle, QStringLiteral("peer(alice)=DISCONNECTED/NORMAL")}
        << int(CecDisconnectNormal);
    QTest::newRow("case 2: dialtone")
        << int(SimFixture::StageDialTone) << false << int(DialToneNormal) << QStringList {reply, idle} << -1;
    QTest::newRow("case 3: dialing") << int(SimFixture::StageDialing) << false << 0
                                     << QStringList {reply, idle} << -1;
    QTest::newRow("case 4: proceeding, far end not yet alerted")
        << int(SimFixture::StageProceeding) << false << 0 << QStringList {reply, idle} << -1;
    QTest::newRow("case 4: proceeding, far end offering")
        << int(SimFixture::StageProceedingAlerting) << false << 0
        << QStringList {reply, idle, QStringLiteral("peer(bob)=DISCONNECTED/CANCELLED")}
        << int(CecDisconnectCancelled);
    QTest::newRow("case 5: ringback")
        << int(SimFixture::StageRingback) << false << 0
        << QStringList {reply, idle, QStringLiteral("peer(bob)=DISCONNECTED/CANCELLED")}
        << int(CecDisconnectCancelled);
    // [D-14]: a negotiated API below 2.0 has no CANCELLED; the far end sees NORMAL.
    QTest::newRow("case 5: ringback, apiLegacy (D-14)")
        << int(SimFixture::StageRingback) << true << 0
        << QStringList {reply, idle, QStringLiteral("peer(bob)=DISCONNECTED/NORMAL")}
        << int(CecDisconnectNormal);
    QTest::newRow("case 6: busy/station")
        << int(SimFixture::StageBusy) << false << int(BusyStation) << QStringList {reply, idle} << -1;
    QTest::newRow("case 7: specialinfo") << int(SimFixture::StageSpecialInfo) << false
                                         << int(SpecialInfoNoCircuit) << QStringList {reply, idle} << -1;
    QTest::newRow("case 8: onhold") << int(SimFixture::StageOnHold) << false << 0
                                    << QStringList {reply, idle,
                                                    QStringLiteral("peer(alice)=DISCONNECTED/NORMAL")}
                                    << int(CecDisconnectNormal);
    QTest::newRow("case 9: disconnected/busy") << int(SimFixture::StageDisconnectedBusy) << false
                                               << int(DisconnectBusy) << QStringList {reply, idle} << -1;
    QTest::newRow("case 10: unknown (D-3)")
        << int(SimFixture::StageUnknown) << false << 0
        << QStringList {reply, idle, QStringLiteral("peer(alice)=DISCONNECTED/NORMAL")}
        << int(CecDisconnectNormal);
}

void TestConformanceDrop::dropFromEachState()
{
    QFETCH(int, stage);
    QFETCH(bool, apiLegacy);
    QFETCH(int, modeBefore);
    QFETCH(QStringList, expected);
    QFETCH(int, peerCause3);

    LineCapabilities caps;
    caps.apiLegacy = apiLegacy;
    SimFixture fx(caps);
    QString peer;
    CallSession *a = fx.stage(SimFixture::Stage(stage), &peer);
    QVERIFY(a);
    // Case 9: the remote reason is readable before the drop.
    QCOMPARE(a->mode(), modeBefore);
    if (stage == SimFixture::StageDisconnectedBusy)
        QCOMPARE(a->disconnectMode(), int(DisconnectBusy));
    const QString peerBefore = fx.peerState(peer);
    QSignalSpy sessionSignals(a, &CallSession::stateChanged);

    const int id = a->drop(QByteArray());
    QVERIFY2(id > 0, qPrintable(errorName(id)));
    QVERIFY(fx.events().isEmpty()); // nothing happens inside the call itself
    fx.settle();

    // [D-7] reply first, then the state; [D-11] never DISCONNECTED on the dropping session.
    QCOMPARE(fx.events(), withIds(expected, {id}));
    QCOMPARE(a->state(), int(Idle));
    QCOMPARE(sessionSignals.size(), 1);
    QCOMPARE(sessionSignals.first().at(0).toInt(), int(Idle));
    if (peerCause3 < 0) {
        QCOMPARE(fx.peerState(peer), peerBefore);
    } else {
        const SimFarEnd *far = fx.peer(peer);
        QCOMPARE(callState3For(far->state), CsDisconnected);
        QCOMPARE(int(eventCause3For(far->state, far->mode)), peerCause3);
    }
}

void TestConformanceDrop::dropOnIdle()
{
    // case 11: drop on IDLE is refused synchronously: no reply, no signal.
    SimFixture fx;
    CallSession *a = fx.stage(SimFixture::StageIdle);
    QVERIFY(a);
    QSignalSpy replies(&fx.engine(), &CallEngine::requestCompleted);
    QCOMPARE(a->drop(QByteArray()), int(InvalCallState));
    fx.settle();
    QCOMPARE(replies.size(), 0);
    QCOMPARE(fx.events(), QStringList());
    QCOMPARE(a->state(), int(Idle));
}

void TestConformanceDrop::rejectOffered_data()
{
    QTest::addColumn<int>("stage");
    QTest::addColumn<bool>("useReject");

    QTest::newRow("case 12: offering reject") << int(SimFixture::StageOffering) << true;
    QTest::newRow("case 13: offering drop with canReject") << int(SimFixture::StageOffering) << false;
    QTest::newRow("case 15: accepted reject (D-2)") << int(SimFixture::StageAccepted) << true;
}

void TestConformanceDrop::rejectOffered()
{
    QFETCH(int, stage);
    QFETCH(bool, useReject);

    SimFixture fx;
    CallSession *a = fx.stage(SimFixture::Stage(stage));
    QVERIFY(a);
    QCOMPARE(fx.peerState(QStringLiteral("alice")), QStringLiteral("RINGBACK"));
    QVERIFY(a->hasFeature(FeatureReject));

    const int id = useReject ? a->reject() : a->drop(QByteArray());
    QVERIFY2(id > 0, qPrintable(errorName(id)));
    fx.settle();
    // Cases 12, 13 and 15 must look exactly alike.
    QCOMPARE(fx.events(),
             withIds({QStringLiteral("reply({id},0)"), QStringLiteral("S(A)=IDLE"),
                      QStringLiteral("peer(alice)=DISCONNECTED/REJECT")},
                     {id}));
    const SimFarEnd *caller = fx.peer(QStringLiteral("alice"));
    QCOMPARE(callState3For(caller->state), CsDisconnected);
    QCOMPARE(eventCause3For(caller->state, caller->mode), CecDisconnectRejected);
}

void TestConformanceDrop::rejectUnavailable_data()
{
    QTest::addColumn<bool>("useReject");
    QTest::newRow("case 14: canReject=false, drop") << false;
    QTest::newRow("case 14: canReject=false, reject") << true;
}

void TestConformanceDrop::rejectUnavailable()
{
    QFETCH(bool, useReject);

    LineCapabilities caps;
    caps.canReject = false;
    SimFixture fx(caps);
    CallSession *a = fx.stage(SimFixture::StageOffering);
    QVERIFY(a);
    QVERIFY(!a->hasFeature(FeatureReject));
    QVERIFY(!a->hasFeature(FeatureDrop));
    QCOMPARE(useReject ? a->reject() : a->drop(QByteArray()), int(OperationUnavail));
    fx.settle();
    QCOMPARE(fx.events(), QStringList());
    QCOMPARE(a->state(), int(Offering));
    QCOMPARE(fx.peerState(QStringLiteral("alice")), QStringLiteral("RINGBACK"));
}

void TestConformanceDrop::rejectAfterOffer_data()
{
    QTest::addColumn<int>("stage");
    QTest::newRow("case 16: connected reject (D-12)") << int(SimFixture::StageConnected);
    QTest::newRow("case 17: idle reject") << int(SimFixture::StageIdle);
}

void TestConformanceDrop::rejectAfterOffer()
{
    QFETCH(int, stage);

    SimFixture fx;
    CallSession *a = fx.stage(SimFixture::Stage(stage));
    QVERIFY(a);
    const int stateBefore = a->state();
    const QString peerBefore = fx.peerState(QStringLiteral("alice"));
    QCOMPARE(a->reject(), int(InvalCallState));
    fx.settle();
    QCOMPARE(fx.events(), QStringList());
    QCOMPARE(a->state(), stateBefore);
    QCOMPARE(fx.peerState(QStringLiteral("alice")), peerBefore);
}

void TestConformanceDrop::monitorIsNotOwner_data()
{
    QTest::addColumn<int>("stage");
    QTest::addColumn<bool>("useReject");
    QTest::newRow("case 18: monitor drop on connected") << int(SimFixture::StageConnected) << false;
    QTest::newRow("case 19: monitor reject on offering") << int(SimFixture::StageOffering) << true;
}

void TestConformanceDrop::monitorIsNotOwner()
{
    QFETCH(int, stage);
    QFETCH(bool, useReject);

    SimFixture fx;
    CallSession *a = fx.stage(SimFixture::Stage(stage));
    QVERIFY(a);
    CallSession *m = a->openHandle(PrivilegeMonitor);
    QVERIFY(m);
    QCOMPARE(m->privilege(), int(PrivilegeMonitor));
    fx.settle();
    fx.recorder().name(m, QStringLiteral("M"));
    fx.recorder().clear();
    const int stateBefore = a->state();
    const QString peerBefore = fx.peerState(QStringLiteral("alice"));

    QCOMPARE(useReject ? m->reject() : m->drop(QByteArray()), int(NotOwner));
    fx.settle();
    QCOMPARE(fx.events(), QStringList());
    QCOMPARE(a->state(), stateBefore);
    QCOMPARE(m->state(), stateBefore);
    QCOMPARE(fx.peerState(QStringLiteral("alice")), peerBefore);
}

void TestConformanceDrop::dropTerminatedHandle()
{
    // case 20: the handle is gone; every action reports INVALCALLHANDLE.
    SimFixture fx;
    CallSession *a = fx.stage(SimFixture::StageIdle);
    QVERIFY(a);
    QCOMPARE(a->terminate(), int(Success));
    QVERIFY(!a->isValid());
    QCOMPARE(a->drop(QByteArray()), int(InvalCallHandle));
    QCOMPARE(a->drop(QByteArray("bye")), int(InvalCallHandle));
    QCOMPARE(a->reject(), int(InvalCallHandle));
    fx.settle();
    QCOMPARE(fx.events(), QStringList());
}

void TestConformanceDrop::doubleDrop()
{
    // case 21 [D-6]: a second drop while the first is pending succeeds and adds no new signals.
    SimFixture fx;
    CallSession *a = fx.stage(SimFixture::StageConnected);
    QVERIFY(a);
    const int first = a->drop(QByteArray());
    const int second = a->drop(QByteArray());
    QVERIFY2(first > 0, qPrintable(errorName(first)));
    QVERIFY2(second > 0, qPrintable(errorName(second)));
    QVERIFY(first != second);
    fx.settle();
    QCOMPARE(fx.events(),
             withIds({QStringLiteral("reply({id},0)"), QStringLiteral("reply({id2},0)"),
                      QStringLiteral("S(A)=IDLE"), QStringLiteral("peer(alice)=DISCONNECTED/NORMAL")},
                     {first, second}));
    QCOMPARE(a->drop(QByteArray()), int(InvalCallState));
    fx.settle();
    QCOMPARE(fx.events().size(), 4);
}

void TestConformanceDrop::dropFeatureMissing()
{
    // case 22: LINECALLFEATURE_DROP absent from the address caps.
    LineCapabilities caps;
    caps.callFeatures = LineCapabilities::AllCallFeatures & ~FeatureDrop;
    SimFixture fx(caps);
    CallSession *a = fx.stage(SimFixture::StageConnected);
    QVERIFY(a);
    QVERIFY(!a->hasFeature(FeatureDrop));
    QCOMPARE(a->drop(QByteArray()), int(OperationUnavail));
    fx.settle();
    QCOMPARE(fx.events(), QStringList());
    QCOMPARE(a->state(), int(Connected));
}

void TestConformanceDrop::providerFailure()
{
    // case 23: an execution failure comes back in the reply and changes nothing.
    SimFixture fx;
    CallSession *a = fx.stage(SimFixture::StageConnected);
    QVERIFY(a);
    fx.sim().failNextCommand(OperationFailed);
    const int id = a->drop(QByteArray());
    QVERIFY2(id > 0, qPrintable(errorName(id)));
    fx.settle();
    QCOMPARE(fx.events(), withIds({QStringLiteral("reply({id},OPERATIONFAILED)")}, {id}));
    QCOMPARE(a->state(), int(Connected));
    QCOMPARE(fx.peerState(QStringLiteral("alice")), QStringLiteral("CONNECTED/ACTIVE"));

    // The failed drop is not still "pending": a new drop is a new request that really drops.
    fx.recorder().clear();
    const int retry = a->drop(QByteArray());
    QVERIFY(retry > 0 && retry != id);
    fx.settle();
    QCOMPARE(fx.events(),
             withIds({QStringLiteral("reply({id},0)"), QStringLiteral("S(A)=IDLE"),
                      QStringLiteral("peer(alice)=DISCONNECTED/NORMAL")},
                     {retry}));
}

void TestConformanceDrop::idleIgnoresProviderEvents()
{
    // case 24: rule 1, nothing leaves IDLE.
    SimFixture fx;
    CallSession *a = fx.stage(SimFixture::StageIdle);
    QVERIFY(a);
    fx.sim().reportState(fx.engine().callIdOf(a), Connected, ConnectedActive);
    fx.settle();
    QCOMPARE(fx.events(), QStringList());
    QCOMPARE(a->state(), int(Idle));
}

void TestConformanceDrop::unchangedStateSignalledOnce()
{
    // case 25: rule 8, no LINE_CALLSTATE when state and mode are unchanged.
    SimFixture fx;
    CallSession *a = fx.stage(SimFixture::StageRingback);
    QVERIFY(a);
    QSignalSpy sessionSignals(a, &CallSession::stateChanged);
    const CallId call = fx.engine().callIdOf(a);
    fx.sim().reportState(call, Connected, ConnectedActive);
    fx.settle();
    fx.sim().reportState(call, Connected, ConnectedActive);
    fx.settle();
    QCOMPARE(fx.events(), QStringList {QStringLiteral("S(A)=CONNECTED/ACTIVE")});
    QCOMPARE(sessionSignals.size(), 1);
    // A changed mode is a change: it is signalled.
    fx.sim().reportState(call, Connected, ConnectedConfirmed);
    fx.settle();
    QCOMPARE(fx.events().constLast(), QStringLiteral("S(A)=CONNECTED/CONFIRMED"));
    QCOMPARE(sessionSignals.size(), 2);
}

void TestConformanceDrop::checkOrder_data()
{
    QTest::addColumn<int>("stage");
    QTest::addColumn<bool>("monitor");
    QTest::addColumn<int>("withoutFeature");
    QTest::addColumn<QByteArray>("uui");
    QTest::addColumn<int>("expected");
    const QByteArray tooBig(17, 'x');
    // Each row has two faults; [D-5] says which one is reported.
    QTest::newRow("D-5: NOTOWNER before INVALCALLSTATE (monitor, idle)")
        << int(SimFixture::StageIdle) << true << 0 << QByteArray() << int(NotOwner);
    // drop: no DROP feature; answer (uui empty): no ANSWER feature.
    QTest::newRow("D-5: INVALCALLSTATE before OPERATIONUNAVAIL (answer: connected, no ANSWER)")
        << int(SimFixture::StageConnected) << false << int(FeatureAnswer) << QByteArray()
        << int(InvalCallState);
    QTest::newRow("D-5: INVALCALLSTATE before OPERATIONUNAVAIL (drop: idle, no DROP)")
        << int(SimFixture::StageIdle) << false << int(FeatureDrop) << QByteArray("idle")
        << int(InvalCallState);
    QTest::newRow("D-5: OPERATIONUNAVAIL before USERUSERINFOTOOBIG (no DROP, 17 bytes)")
        << int(SimFixture::StageConnected) << false << int(FeatureDrop) << tooBig << int(OperationUnavail);
    QTest::newRow("D-5: NOTOWNER before USERUSERINFOTOOBIG (monitor, 17 bytes)")
        << int(SimFixture::StageConnected) << true << 0 << tooBig << int(NotOwner);
}

// The check order of [D-5], implemented once for every verb (CallEngine::checkGate).
void TestConformanceDrop::checkOrder()
{
    QFETCH(int, stage);
    QFETCH(bool, monitor);
    QFETCH(int, withoutFeature);
    QFETCH(QByteArray, uui);
    QFETCH(int, expected);
    SimFixture fx;
    CallSession *a = fx.stage(SimFixture::Stage(stage));
    QVERIFY(a);
    // The address loses the feature once the call is where the row wants it (reaching IDLE needs DROP).
    if (withoutFeature) {
        LineCapabilities caps = fx.line()->capabilities();
        caps.callFeatures &= ~withoutFeature;
        fx.line()->setCapabilities(caps);
    }
    CallSession *handle = monitor ? a->openHandle(PrivilegeMonitor) : a;
    QVERIFY(handle);
    fx.settle();
    fx.recorder().clear();
    const int result = withoutFeature == FeatureAnswer ? handle->answer() : handle->drop(uui);
    QCOMPARE(errorName(result), errorName(expected));
    fx.settle();
    QCOMPARE(fx.events(), QStringList());
}

QTEST_GUILESS_MAIN(TestConformanceDrop)
#include "tst_conformance_drop.moc"
