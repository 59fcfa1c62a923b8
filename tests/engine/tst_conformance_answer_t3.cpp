// docs/tapi-semantics.md section 10.G: answer-induced drop, notifications and the TAPI 3 view (cases 72-78).
#include "SimFixture.h"

#include "core/Tapi.h"
#include "lines/Line.h"
#include "session/CallSession.h"

#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

using namespace Tapi;

class TestConformanceAnswerT3 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void answerMode_data();
    void answerMode();
    void remoteHangup_data() { caseRow("case 74: remote hang-up, T3 view, then drop"); }
    void remoteHangup();
    void privilegeOnFirstSignal_data() { caseRow("case 75: privilege on the first signal only"); }
    void privilegeOnFirstSignal();
    void disconnectNormal_data() { caseRow("case 76: T3 Disconnect(DC_NORMAL) on CS_CONNECTED"); }
    void disconnectNormal();
    void disconnectBeforeConnect_data();
    void disconnectBeforeConnect();
    void disconnectRejected_data() { caseRow("case 77: T3 Disconnect(DC_REJECTED) on CS_OFFERING"); }
    void disconnectRejected();
    void causeMapping_data();
    void causeMapping();
    void legacyDisconnectModes_data();
    void legacyDisconnectModes();
    void legacyConnectedModes_data();
    void legacyConnectedModes();
};

void TestConformanceAnswerT3::answerMode_data()
{
    QTest::addColumn<int>("answerMode");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<int>("stateOfA");

    const QString reply = QStringLiteral("reply({id},0)");
    const QString bConnected = QStringLiteral("S(B)=CONNECTED/ACTIVE");
    const QString bobConnected = QStringLiteral("peer(bob)=CONNECTED/ACTIVE");
    QTest::newRow("case 72: answerMode=DROP")
        << int(AnswerDrop)
        << QStringList {reply, QStringLiteral("S(A)=IDLE"), bConnected, bobConnected,
                        QStringLiteral("peer(alice)=DISCONNECTED/NORMAL")}
        << int(Idle);
    QTest::newRow("case 73: answerMode=HOLD")
        << int(AnswerHold) << QStringList {reply, QStringLiteral("S(A)=ONHOLD"), bConnected, bobConnected}
        << int(OnHold);
    // Control for both: with LINEANSWERMODE_NONE the active call is left alone [ANS].
    QTest::newRow("case 72/73 control: answerMode=NONE")
        << int(AnswerNone) << QStringList {reply, bConnected, bobConnected} << int(Connected);
}

void TestConformanceAnswerT3::answerMode()
{
    QFETCH(int, answerMode);
    QFETCH(QStringList, expected);
    QFETCH(int, stateOfA);

    LineCapabilities caps;
    caps.answerMode = Tapi::AnswerMode(answerMode);
    SimFixture fx(caps);
    CallSession *a = fx.stage(SimFixture::StageConnected);
    QVERIFY(a);
    CallSession *b = fx.offer(QStringLiteral("bob"));
    QVERIFY(b);
    fx.recorder().name(b, QStringLiteral("B"));
    fx.recorder().clear();

    const int id = b->answer();
    QVERIFY2(id > 0, qPrintable(errorName(id)));
    fx.settle();
    QCOMPARE(fx.events(), withIds(expected, {id}));
    QCOMPARE(a->state(), stateOfA);
    QCOMPARE(b->state(), int(Connected));
}

void TestConformanceAnswerT3::remoteHangup()
{
    SimFixture fx;
    CallSession *a = fx.stage(SimFixture::StageConnected);
    QVERIFY(a);
    QCOMPARE(a->callState3(), int(CsConnected));
    QVERIFY(fx.sim().remoteHangup(QStringLiteral("alice"), DisconnectNormal));
    fx.settle();
    QCOMPARE(fx.events(),
             (QStringList {QStringLiteral("peer(alice)=IDLE"), QStringLiteral("S(A)=DISCONNECTED/NORMAL")}));
    QCOMPARE(a->callState3(), int(CsDisconnected));
    QCOMPARE(a->eventCause3(), int(CecDisconnectNormal));
    QVERIFY(a->hasFeature(FeatureDrop)); // DISCONNECTED: DROP only [TSP++]

    fx.recorder().clear();
    const int id = a->drop(QByteArray());
    QVERIFY2(id > 0, qPrintable(errorName(id)));
    fx.settle();
    QCOMPARE(fx.events(), withIds({QStringLiteral("reply({id},0)"), QStringLiteral("S(A)=IDLE")}, {id}));
}

void TestConformanceAnswerT3::privilegeOnFirstSignal()
{
    SimFixture fx;
    QSignalSpy engineSignals(&fx.engine(), &CallEngine::sessionStateChanged);
    CallSession *a = fx.offer(QStringLiteral("alice"));
    QVERIFY(a);
    QSignalSpy sessionSignals(a, &CallSession::stateChanged);
    QCOMPARE(engineSignals.size(), 1);
    QCOMPARE(engineSignals.at(0).at(2).toInt(), int(Offering));
    QCOMPARE(engineSignals.at(0).at(4).toInt(), int(PrivilegeOwner)); // dwParam3 on the first LINE_CALLSTATE

    QCOMPARE(fx.completionOf(a->answer()), int(Success));
    QVERIFY(fx.sim().remoteHangup(QStringLiteral("alice"), DisconnectNormal));
    fx.settle();
    QCOMPARE(fx.completionOf(a->drop(QByteArray())), int(Success));
    QCOMPARE(engineSignals.size(), 4); // OFFERING, CONNECTED, DISCONNECTED, IDLE
    for (int i = 1; i < engineSignals.size(); ++i)
        QCOMPARE(engineSignals.at(i).at(4).toInt(), int(PrivilegeUnchanged));
    QCOMPARE(sessionSignals.size(), 3);
    for (const QList<QVariant> &signal : std::as_const(sessionSignals))
        QCOMPARE(signal.at(2).toInt(), int(PrivilegeUnchanged));

    // A handle the app gets later announces its own privilege on its own first signal.
    CallSession *b = fx.offer(QStringLiteral("bob"));
    QVERIFY(b);
    engineSignals.clear();
    CallSession *m = b->openHandle(PrivilegeMonitor);
    QVERIFY(m);
    QCOMPARE(engineSignals.size(), 1);
    QCOMPARE(engineSignals.at(0).at(0).value<CallSession *>(), m);
    QCOMPARE(engineSignals.at(0).at(4).toInt(), int(PrivilegeMonitor));
}

void TestConformanceAnswerT3::disconnectNormal()
{
    SimFixture fx;
    fx.recorder().setCategories(EventRecorder::States | EventRecorder::Peers); // Disconnect has no request id
    CallSession *a = fx.stage(SimFixture::StageConnected);
    QVERIFY(a);
    QCOMPARE(a->callState3(), int(CsConnected));
    QCOMPARE(a->disconnect3(DcNormal), int(SOk));
    fx.settle();
    QCOMPARE(fx.events(),
             (QStringList {QStringLiteral("S(A)=IDLE"), QStringLiteral("peer(alice)=DISCONNECTED/NORMAL")}));
    QCOMPARE(a->callState3(), int(CsDisconnected));
    QCOMPARE(a->eventCause3(), int(CecDisconnectNormal));
}

void TestConformanceAnswerT3::disconnectBeforeConnect_data()
{
    QTest::addColumn<bool>("freedHandle");
    QTest::newRow("case 76: Disconnect on CS_IDLE (created, never connected)") << false;
    QTest::newRow("case 76: Disconnect without a handle") << true;
}

void TestConformanceAnswerT3::disconnectBeforeConnect()
{
    QFETCH(bool, freedHandle);

    SimFixture fx;
    if (freedHandle) {
        CallSession *a = fx.stage(SimFixture::StageIdle);
        QVERIFY(a);
        QCOMPARE(a->terminate(), int(Success));
        QCOMPARE(a->disconnect3(DcNormal), int(SFalse));
        return;
    }
    // The engine announces a new call object (sessionAdded) before its first state: that is T3's
    // CS_IDLE, a call created but not yet connected. Disconnect there is S_FALSE and does nothing.
    int callState3AtCreation = -2;
    int result = -2;
    QObject::connect(&fx.engine(), &CallEngine::sessionAdded, &fx.engine(), [&](CallSession *session) {
        callState3AtCreation = session->callState3();
        result = session->disconnect3(DcNormal);
    });
    CallSession *a = fx.dialOut(fx.peerNumber(QStringLiteral("bob")));
    QVERIFY(a);
    QCOMPARE(callState3AtCreation, int(CsIdle));
    QCOMPARE(result, int(SFalse));
    QCOMPARE(a->state(), int(Dialing)); // the S_FALSE Disconnect did not touch the call
}

void TestConformanceAnswerT3::disconnectRejected()
{
    SimFixture fx;
    fx.recorder().setCategories(EventRecorder::States | EventRecorder::Peers);
    CallSession *a = fx.stage(SimFixture::StageOffering);
    QVERIFY(a);
    QCOMPARE(a->callState3(), int(CsOffering));
    QCOMPARE(a->disconnect3(DcRejected), int(SOk));
    fx.settle();
    QCOMPARE(fx.events(),
             (QStringList {QStringLiteral("S(A)=IDLE"), QStringLiteral("peer(alice)=DISCONNECTED/REJECT")}));
    QCOMPARE(a->callState3(), int(CsDisconnected));
    const SimFarEnd *caller = fx.peer(QStringLiteral("alice"));
    QCOMPARE(callState3For(caller->state), CsDisconnected);
    QCOMPARE(eventCause3For(caller->state, caller->mode), CecDisconnectRejected);
}

void TestConformanceAnswerT3::causeMapping_data()
{
    QTest::addColumn<int>("disconnectMode"); // 0: the BUSY state itself
    QTest::addColumn<int>("cause");
    QTest::newRow("case 78: BADADDRESS -> CEC_DISCONNECT_BADADDRESS")
        << int(DisconnectBadAddress) << int(CecDisconnectBadAddress);
    QTest::newRow("case 78: UNREACHABLE -> CEC_DISCONNECT_BADADDRESS")
        << int(DisconnectUnreachable) << int(CecDisconnectBadAddress);
    QTest::newRow("case 78: CONGESTION -> CEC_DISCONNECT_FAILED")
        << int(DisconnectCongestion) << int(CecDisconnectFailed);
    QTest::newRow("case 78: BUSY state -> CS_DISCONNECTED + CEC_DISCONNECT_BUSY")
        << 0 << int(CecDisconnectBusy);
}

void TestConformanceAnswerT3::causeMapping()
{
    QFETCH(int, disconnectMode);
    QFETCH(int, cause);

    // [D-1] as a mapping and as what a session in that state reports.
    if (disconnectMode == 0) {
        QCOMPARE(callState3For(Busy), CsDisconnected);
        QCOMPARE(int(eventCause3For(Busy, BusyStation)), cause);
    } else {
        QCOMPARE(int(eventCauseForDisconnectMode(disconnectMode)), cause);
        QCOMPARE(int(eventCause3For(Disconnected, disconnectMode)), cause);
    }

    SimFixture fx;
    CallSession *a = nullptr;
    if (disconnectMode == 0) {
        a = fx.stage(SimFixture::StageBusy);
        QVERIFY(a);
    } else {
        // The network gives up on an outbound call while it rings.
        a = fx.stage(SimFixture::StageRingback);
        QVERIFY(a);
        QVERIFY(fx.sim().remoteHangup(QStringLiteral("bob"), disconnectMode));
        fx.settle();
        QCOMPARE(a->state(), int(Disconnected));
        QCOMPARE(a->mode(), disconnectMode);
    }
    QCOMPARE(a->callState3(), int(CsDisconnected));
    QCOMPARE(a->eventCause3(), cause);
    // The cause stays readable after the local drop clears the call.
    QCOMPARE(fx.completionOf(a->drop(QByteArray())), int(Success));
    QCOMPARE(a->callState3(), int(CsDisconnected));
    if (disconnectMode != 0)
        QCOMPARE(a->eventCause3(), cause);
}

void TestConformanceAnswerT3::legacyDisconnectModes_data()
{
    QTest::addColumn<bool>("apiLegacy");
    QTest::addColumn<int>("reported");
    QTest::addColumn<QString>("expected");
    QTest::newRow("case 81 (D-17): BUSY, a 1.x mode, apiLegacy") << true << int(DisconnectBusy) << "BUSY";
    QTest::newRow("case 81 (D-17): NUMBERCHANGED, apiLegacy")
        << true << int(DisconnectNumberChanged) << "UNKNOWN";
    QTest::newRow("case 81 (D-17): DONOTDISTURB, apiLegacy")
        << true << int(DisconnectDoNotDisturb) << "UNKNOWN";
    QTest::newRow("case 81 (D-17): CANCELLED, apiLegacy") << true << int(DisconnectCancelled) << "NORMAL";
    QTest::newRow("case 81 (D-17): NUMBERCHANGED, API 2.0")
        << false << int(DisconnectNumberChanged) << "NUMBERCHANGED";
}

void TestConformanceAnswerT3::legacyDisconnectModes()
{
    QFETCH(bool, apiLegacy);
    QFETCH(int, reported);
    QFETCH(QString, expected);
    LineCapabilities caps;
    caps.apiLegacy = apiLegacy;
    SimFixture fx(caps);
    CallSession *a = fx.stage(SimFixture::StageConnected);
    QVERIFY(a);
    QVERIFY(fx.sim().remoteHangup(QStringLiteral("alice"), reported));
    fx.settle();
    QCOMPARE(
        fx.events(),
        (QStringList {QStringLiteral("peer(alice)=IDLE"), QStringLiteral("S(A)=DISCONNECTED/") + expected}));
    QCOMPARE(modeName(Disconnected, a->disconnectMode()), expected);
}

void TestConformanceAnswerT3::legacyConnectedModes_data()
{
    QTest::addColumn<bool>("apiLegacy");
    QTest::addColumn<int>("reported");
    QTest::addColumn<QStringList>("expected");
    // CONNECTED/ACTIVE already: the mapped report changes nothing and is not repeated (rule 8).
    QTest::newRow("case 81 (D-17): ACTIVEHELD, apiLegacy")
        << true << int(ConnectedActiveHeld) << QStringList();
    QTest::newRow("case 81 (D-17): CONFIRMED, apiLegacy") << true << int(ConnectedConfirmed) << QStringList();
    QTest::newRow("case 81 (D-17): INACTIVEHELD, apiLegacy")
        << true << int(ConnectedInactiveHeld) << QStringList {QStringLiteral("S(A)=CONNECTED/INACTIVE")};
    QTest::newRow("case 81 (D-17): ACTIVEHELD, API 2.0")
        << false << int(ConnectedActiveHeld) << QStringList {QStringLiteral("S(A)=CONNECTED/ACTIVEHELD")};
}

void TestConformanceAnswerT3::legacyConnectedModes()
{
    QFETCH(bool, apiLegacy);
    QFETCH(int, reported);
    QFETCH(QStringList, expected);
    LineCapabilities caps;
    caps.apiLegacy = apiLegacy;
    SimFixture fx(caps);
    CallSession *a = fx.stage(SimFixture::StageConnected);
    QVERIFY(a);
    fx.sim().reportState(fx.engine().callIdOf(a), Connected, reported);
    fx.settle();
    QCOMPARE(fx.events(), expected);
}

QTEST_GUILESS_MAIN(TestConformanceAnswerT3)
#include "tst_conformance_answer_t3.moc"
