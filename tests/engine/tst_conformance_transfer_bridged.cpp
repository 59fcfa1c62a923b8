// docs/tapi-semantics.md section 10.E (transfer consult, cases 62-64) and 10.F (bridged and party-line
// addresses, cases 65-71).
#include "SimFixture.h"

#include "core/Tapi.h"
#include "lines/Line.h"
#include "session/CallSession.h"

#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

using namespace Tapi;

namespace {
// A (alice) CONNECTED, then setupTransfer(A): A ONHOLDPENDTRANSFER, consult K.
struct Transfer
{
    CallSession *a = nullptr;
    CallSession *k = nullptr;
    int requestId = 0;
};

Transfer setupTransfer(SimFixture &fx)
{
    Transfer t;
    t.a = fx.stage(SimFixture::StageConnected);
    if (!t.a)
        return {};
    const int mark = fx.addedMark();
    t.requestId = t.a->setupTransfer();
    if (t.requestId <= 0)
        return {};
    fx.settle();
    t.k = fx.sessionsAddedSince(mark).value(0);
    fx.recorder().name(t.k, QStringLiteral("K"));
    return t;
}

// Two stations X (primary, line sim/x) and Y (line sim/y) on one bridged address.
struct Bridged
{
    Line *x = nullptr;
    Line *y = nullptr;
};

Bridged bridgedLines(SimFixture &fx, int sharing)
{
    LineCapabilities caps;
    caps.addressSharing = Tapi::AddressSharing(sharing);
    Bridged b;
    b.x = fx.addLine(QStringLiteral("sim/x"), caps, QStringLiteral("300"), true);
    b.y = fx.addLine(QStringLiteral("sim/y"), caps, QStringLiteral("300"), false);
    return b;
}

// alice calls the bridged address: one appearance per station, X alerting, Y not.
bool offerBridged(SimFixture &fx, const Bridged &b, CallSession **x, CallSession **y)
{
    const int mark = fx.addedMark();
    if (fx.sim().offerCall(b.x->lineId(), QStringLiteral("alice")).size() != 2)
        return false;
    fx.settle();
    *x = *y = nullptr;
    for (CallSession *s : fx.sessionsAddedSince(mark)) {
        if (s->line() == b.x)
            *x = s;
        else if (s->line() == b.y)
            *y = s;
    }
    fx.recorder().name(*x, QStringLiteral("X"));
    fx.recorder().name(*y, QStringLiteral("Y"));
    return *x && *y;
}

// Case 65's start: X and Y both CONNECTED/ACTIVE on a BRIDGEDSHARED address.
bool bothActive(SimFixture &fx, CallSession **x, CallSession **y)
{
    const Bridged b = bridgedLines(fx, SharingBridgedShared);
    if (!b.x || !b.y || !offerBridged(fx, b, x, y))
        return false;
    if (fx.completionOf((*x)->answer()) != Success || fx.completionOf((*y)->answer()) != Success)
        return false;
    fx.recorder().clear();
    return (*x)->state() == Connected && (*x)->mode() == ConnectedActive && (*y)->state() == Connected
        && (*y)->mode() == ConnectedActive;
}

// Cases 66 and 67 start from case 65's result: X dropped and went CONNECTED/INACTIVE, Y still on.
bool xInactiveYActive(SimFixture &fx, CallSession **x, CallSession **y)
{
    if (!bothActive(fx, x, y) || fx.completionOf((*x)->drop(QByteArray())) != Success)
        return false;
    fx.recorder().clear();
    return (*x)->state() == Connected && (*x)->mode() == ConnectedInactive;
}
} // namespace

class TestConformanceTransferBridged : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dropTransferConsult_data();
    void dropTransferConsult();
    void dropHeldOriginal_data() { caseRow("case 64: drop the original awaiting transfer"); }
    void dropHeldOriginal();
    void bridgedDropGoesInactive_data()
    {
        caseRow("case 65: bridged-shared drop while another station is on");
    }
    void bridgedDropGoesInactive();
    void bridgedRejoin_data() { caseRow("case 66: answer re-joins an inactive bridged call"); }
    void bridgedRejoin();
    void bridgedLastStationClears_data() { caseRow("case 67: the last active station drops"); }
    void bridgedLastStationClears();
    void farEndHangsUpOnInactiveStation();
    void inactiveSuspendsMonitoring_data() { caseRow("case 68: inactive station, digit monitoring"); }
    void inactiveSuspendsMonitoring();
    void rejectAtSecondaryStation_data() { caseRow("case 69: reject at the non-alerting station (D-9)"); }
    void rejectAtSecondaryStation();
    void monitoredAddress_data() { caseRow("case 70: monitored address yields no session (D-13)"); }
    void monitoredAddress();
    void partyLineTerminate_data() { caseRow("case 71: party line, closeDrop=false, sole owner terminate"); }
    void partyLineTerminate();
    void bridgedHoldWhileOthersTakePart_data();
    void bridgedHoldWhileOthersTakePart();
    void otherStationAnswers_data();
    void otherStationAnswers();
};

void TestConformanceTransferBridged::dropTransferConsult_data()
{
    QTest::addColumn<bool>("autoReconnect");
    QTest::newRow("case 62: drop the transfer consult, autoReconnect=true") << true;
    QTest::newRow("case 63: drop the transfer consult, autoReconnect=false") << false;
}

void TestConformanceTransferBridged::dropTransferConsult()
{
    QFETCH(bool, autoReconnect);

    LineCapabilities caps;
    caps.autoReconnect = autoReconnect;
    SimFixture fx(caps);
    const Transfer t = setupTransfer(fx);
    QVERIFY(t.a && t.k);
    QCOMPARE(fx.events(),
             withIds({QStringLiteral("reply({id},0)"), QStringLiteral("S(A)=ONHOLDPENDTRANSFER"),
                      QStringLiteral("S(K)=DIALTONE/NORMAL")},
                     {t.requestId}));
    fx.recorder().clear();
    const int id = t.k->drop(QByteArray());
    QVERIFY2(id > 0, qPrintable(errorName(id)));
    fx.settle();
    if (autoReconnect) {
        QCOMPARE(fx.events(),
                 withIds({QStringLiteral("reply({id},0)"), QStringLiteral("S(K)=IDLE"),
                          QStringLiteral("S(A)=CONNECTED/ACTIVE")},
                         {id}));
        return;
    }
    QCOMPARE(fx.events(), withIds({QStringLiteral("reply({id},0)"), QStringLiteral("S(K)=IDLE")}, {id}));
    QCOMPARE(t.a->state(), int(OnHoldPendTransfer));
    QVERIFY(t.a->hasFeature(FeatureUnhold));
    // [XFER]: lineUnhold recovers an original left ONHOLDPENDTRANSFER.
    fx.recorder().clear();
    const int unhold = t.a->unhold();
    QVERIFY2(unhold > 0, qPrintable(errorName(unhold)));
    fx.settle();
    QCOMPARE(fx.events(),
             withIds({QStringLiteral("reply({id},0)"), QStringLiteral("S(A)=CONNECTED/ACTIVE")}, {unhold}));
    QCOMPARE(fx.peerState(QStringLiteral("alice")), QStringLiteral("CONNECTED/ACTIVE"));
}

void TestConformanceTransferBridged::dropHeldOriginal()
{
    SimFixture fx;
    const Transfer t = setupTransfer(fx);
    QVERIFY(t.a && t.k);
    QVERIFY(fx.dialAndConnect(t.k, QStringLiteral("bob")));
    // While it is a consult, K cannot start a transfer or conference of its own.
    QVERIFY(!t.k->hasFeature(FeatureSetupTransfer));
    QVERIFY(!t.k->hasFeature(FeatureSetupConf));
    QSignalSpy consultFeatures(t.k, &CallSession::featuresChanged);
    fx.recorder().clear();

    const int id = t.a->drop(QByteArray());
    QVERIFY2(id > 0, qPrintable(errorName(id)));
    fx.settle();
    QCOMPARE(fx.events(),
             withIds({QStringLiteral("reply({id},0)"), QStringLiteral("S(A)=IDLE"),
                      QStringLiteral("peer(alice)=DISCONNECTED/NORMAL")},
                     {id}));
    // [TSP++ OnRelatedCallStateChange]: K goes on as an ordinary call, its features recomputed.
    QCOMPARE(t.k->state(), int(Connected));
    QVERIFY(consultFeatures.size() >= 1);
    QVERIFY(t.k->hasFeature(FeatureSetupTransfer));
    QVERIFY(t.k->hasFeature(FeatureSetupConf));
    QVERIFY(t.k->hasFeature(FeatureDrop));

    fx.recorder().clear();
    const int dropK = t.k->drop(QByteArray());
    QVERIFY2(dropK > 0, qPrintable(errorName(dropK)));
    fx.settle();
    QCOMPARE(fx.events(),
             withIds({QStringLiteral("reply({id},0)"), QStringLiteral("S(K)=IDLE"),
                      QStringLiteral("peer(bob)=DISCONNECTED/NORMAL")},
                     {dropK}));
    QCOMPARE(t.a->state(), int(Idle));
}

void TestConformanceTransferBridged::bridgedDropGoesInactive()
{
    SimFixture fx;
    CallSession *x = nullptr;
    CallSession *y = nullptr;
    QVERIFY(bothActive(fx, &x, &y));
    const int id = x->drop(QByteArray());
    QVERIFY2(id > 0, qPrintable(errorName(id)));
    fx.settle();
    // [LD][CM]: the call stays up at Y; X becomes CONNECTED/INACTIVE instead of IDLE.
    QCOMPARE(fx.events(),
             withIds({QStringLiteral("reply({id},0)"), QStringLiteral("S(X)=CONNECTED/INACTIVE")}, {id}));
    QCOMPARE(y->state(), int(Connected));
    QCOMPARE(y->mode(), int(ConnectedActive));
    QCOMPARE(fx.peerState(QStringLiteral("alice")), QStringLiteral("CONNECTED/ACTIVE"));
}

void TestConformanceTransferBridged::bridgedRejoin()
{
    SimFixture fx;
    CallSession *x = nullptr;
    CallSession *y = nullptr;
    QVERIFY(xInactiveYActive(fx, &x, &y));
    QVERIFY(x->hasFeature(FeatureAnswer));

    const int id = x->answer();
    QVERIFY2(id > 0, qPrintable(errorName(id)));
    fx.settle();
    QCOMPARE(fx.events(),
             withIds({QStringLiteral("reply({id},0)"), QStringLiteral("S(X)=CONNECTED/ACTIVE")}, {id}));
    QCOMPARE(y->mode(), int(ConnectedActive));
    QCOMPARE(fx.peerState(QStringLiteral("alice")), QStringLiteral("CONNECTED/ACTIVE"));
}

void TestConformanceTransferBridged::bridgedLastStationClears()
{
    SimFixture fx;
    CallSession *x = nullptr;
    CallSession *y = nullptr;
    QVERIFY(xInactiveYActive(fx, &x, &y));

    const int id = y->drop(QByteArray());
    QVERIFY2(id > 0, qPrintable(errorName(id)));
    fx.settle();
    QCOMPARE(fx.events(),
             withIds({QStringLiteral("reply({id},0)"), QStringLiteral("S(Y)=IDLE"),
                      QStringLiteral("S(X)=IDLE"), QStringLiteral("peer(alice)=DISCONNECTED/NORMAL")},
                     {id}));
}

// Not a numbered case: the far end hangs up while X is only an inactive appearance. Y, the
// participant, sees DISCONNECTED with the far end's mode; X was not in the call here, so its
// appearance simply goes IDLE, keeping the far end's reason readable until it is terminated.
void TestConformanceTransferBridged::farEndHangsUpOnInactiveStation()
{
    SimFixture fx;
    CallSession *x = nullptr;
    CallSession *y = nullptr;
    QVERIFY(xInactiveYActive(fx, &x, &y));

    QVERIFY(fx.sim().remoteHangup(QStringLiteral("alice"), DisconnectBusy));
    fx.settle();
    // The switch reports the stations in the order it holds them: X (inactive) first.
    QCOMPARE(fx.events(),
             (QStringList {QStringLiteral("peer(alice)=IDLE"), QStringLiteral("S(X)=IDLE"),
                           QStringLiteral("S(Y)=DISCONNECTED/BUSY")}));
    QCOMPARE(x->disconnectMode(), int(DisconnectBusy));
    QCOMPARE(x->callState3(), int(CsDisconnected));
    QVERIFY(x->isValid());
    QCOMPARE(x->features(), 0);
    QVERIFY(y->hasFeature(FeatureDrop));
}

void TestConformanceTransferBridged::inactiveSuspendsMonitoring()
{
    // Our API has no lineMonitorDigits/lineGatherDigits call. The engine's equivalents: the
    // MONITORDIGITS/GENERATEDIGITS features (what the UI offers) and the delivery of detected digits
    // (CallSession::digitReceived). Digits are injected through the engine's provider interface for X's
    // call, since the simulated switch sends far-end digits to the active appearance only.
    SimFixture fx;
    CallSession *x = nullptr;
    CallSession *y = nullptr;
    QVERIFY(bothActive(fx, &x, &y));
    QVERIFY(x->hasFeature(FeatureMonitorDigits));
    QSignalSpy digits(x, &CallSession::digitReceived);
    const CallId xCall = fx.engine().callIdOf(x);
    fx.engine().digitReceived(xCall, QLatin1Char('1'));
    QCOMPARE(digits.size(), 1);

    QCOMPARE(fx.completionOf(x->drop(QByteArray())), int(Success));
    QCOMPARE(x->mode(), int(ConnectedInactive));
    QVERIFY(!x->hasFeature(FeatureMonitorDigits));
    QVERIFY(!x->hasFeature(FeatureGenerateDigits));
    QCOMPARE(x->hold(), int(OperationUnavail)); // lineHold: no hold while others participate [LD]
    fx.engine().digitReceived(xCall, QLatin1Char('2'));
    QCOMPARE(digits.size(), 1); // suspended

    // Suspended, not cancelled: re-joining resumes delivery without setting anything up again.
    QCOMPARE(fx.completionOf(x->answer()), int(Success));
    QVERIFY(x->hasFeature(FeatureMonitorDigits));
    fx.engine().digitReceived(xCall, QLatin1Char('3'));
    QCOMPARE(digits.size(), 2);
    QCOMPARE(digits.last().at(0).toString(), QStringLiteral("3"));
}

void TestConformanceTransferBridged::rejectAtSecondaryStation()
{
    SimFixture fx;
    const Bridged b = bridgedLines(fx, SharingBridgedShared);
    QVERIFY(b.x && b.y);
    CallSession *p = nullptr;
    CallSession *q = nullptr;
    QVERIFY(offerBridged(fx, b, &p, &q));
    fx.recorder().name(p, QStringLiteral("P"));
    fx.recorder().name(q, QStringLiteral("Q"));
    QCOMPARE(p->state(), int(Offering));
    QCOMPARE(p->mode(), int(OfferingActive));
    QCOMPARE(q->state(), int(Offering));
    // [OM]: OFFERING/INACTIVE is the engine's whole auto-answer input: the primary has the
    // prerogative. The engine itself never answers; running the switch's clock changes nothing.
    QCOMPARE(q->mode(), int(OfferingInactive));
    fx.recorder().clear();
    fx.runUntil([] { return false; }, 30000);
    QCOMPARE(fx.events(), QStringList());
    QCOMPARE(q->state(), int(Offering));

    const int id = q->reject();
    QVERIFY2(id > 0, qPrintable(errorName(id)));
    fx.settle();
    // [D-9]: Q releases only its own appearance; the caller is not told REJECT.
    QCOMPARE(fx.events(), withIds({QStringLiteral("reply({id},0)"), QStringLiteral("S(Q)=IDLE")}, {id}));
    QCOMPARE(p->state(), int(Offering));
    QCOMPARE(fx.peerState(QStringLiteral("alice")), QStringLiteral("RINGBACK"));

    // The call is still offered at P and can be answered there.
    fx.recorder().clear();
    const int answer = p->answer();
    QVERIFY(answer > 0);
    fx.settle();
    QCOMPARE(fx.events(),
             withIds({QStringLiteral("reply({id},0)"), QStringLiteral("S(P)=CONNECTED/ACTIVE"),
                      QStringLiteral("peer(alice)=CONNECTED/ACTIVE")},
                     {answer}));
}

void TestConformanceTransferBridged::monitoredAddress()
{
    SimFixture fx;
    LineCapabilities caps;
    caps.addressSharing = SharingMonitored;
    Line *monitored = fx.addLine(QStringLiteral("sim/monitored"), caps);
    QVERIFY(monitored);
    QSignalSpy added(&fx.engine(), &CallEngine::sessionAdded);
    QSignalSpy status(monitored, &Line::addressStatusChanged);
    QVERIFY(!monitored->addressInUse());

    const QList<CallId> calls = fx.sim().offerCall(monitored->lineId(), QStringLiteral("alice"));
    fx.settle();
    QVERIFY(calls.isEmpty());
    QCOMPARE(added.size(), 0);
    QCOMPARE(fx.engine().sessionCount(), 0);
    QVERIFY(monitored->addressInUse());
    QCOMPARE(status.size(), 1);
    QCOMPARE(monitored->makeCall(fx.peerNumber(QStringLiteral("bob"))), int(OperationUnavail));

    // The simulated switch reports no address status when such a call ends; the engine's provider
    // interface is driven directly for the idle half of the busy/idle status.
    fx.engine().addressStatusChanged(monitored->lineId(), false);
    QVERIFY(!monitored->addressInUse());
    QCOMPARE(status.size(), 2);
    QCOMPARE(added.size(), 0);
}

void TestConformanceTransferBridged::partyLineTerminate()
{
    // A party line shares the call with another handset; TAPI has no sharing value for it, it is the
    // CLOSEDROP = FALSE case [TCC][DCF]: deallocating passes control to the other agent.
    LineCapabilities caps;
    caps.closeDrop = false;
    SimFixture fx(caps);
    CallSession *a = fx.stage(SimFixture::StageConnected);
    QVERIFY(a);
    QCOMPARE(a->numOwners(), 1);
    QSignalSpy sessionSignals(a, &CallSession::stateChanged);
    QCOMPARE(a->terminate(), int(Success));
    fx.settle();
    QCOMPARE(fx.events(), QStringList());
    QCOMPARE(fx.peerState(QStringLiteral("alice")), QStringLiteral("CONNECTED/ACTIVE"));
    QCOMPARE(fx.engine().callRecordCount(), 0);

    // The call goes on at the switch until the other agent or the far end ends it; we hear nothing.
    QVERIFY(fx.sim().remoteHangup(QStringLiteral("alice"), DisconnectNormal));
    fx.settle();
    QCOMPARE(fx.events(), QStringList {QStringLiteral("peer(alice)=IDLE")});
    QCOMPARE(sessionSignals.size(), 0);
}

void TestConformanceTransferBridged::bridgedHoldWhileOthersTakePart_data()
{
    QTest::addColumn<bool>("reportsParticipants");
    QTest::newRow("case 79 (D-15): hold while another station takes part, refused at once") << true;
    QTest::newRow("case 79 (D-15): the same, a switch that does not report participants") << false;
}

void TestConformanceTransferBridged::bridgedHoldWhileOthersTakePart()
{
    QFETCH(bool, reportsParticipants);

    SimFixture fx;
    fx.sim().setReportsParticipants(reportsParticipants);
    CallSession *x = nullptr;
    CallSession *y = nullptr;
    QVERIFY(bothActive(fx, &x, &y));
    QCOMPARE(x->features().testFlag(FeatureHold), !reportsParticipants);
    QCOMPARE(y->features().testFlag(FeatureHold), !reportsParticipants);

    // [D-15]: refused; nobody's call changes. Told who takes part, the engine refuses before the switch.
    QSignalSpy xFeatures(x, &CallSession::featuresChanged);
    const int id = x->hold();
    fx.settle();
    if (reportsParticipants) {
        QCOMPARE(id, int(OperationUnavail));
        QCOMPARE(fx.events(), QStringList());
    } else {
        QVERIFY2(id > 0, qPrintable(errorName(id)));
        QCOMPARE(fx.events(), withIds({QStringLiteral("reply({id},OPERATIONUNAVAIL)")}, {id}));
    }
    QCOMPARE(x->state(), int(Connected));
    QCOMPARE(x->mode(), int(ConnectedActive));
    QCOMPARE(y->state(), int(Connected));
    QCOMPARE(y->mode(), int(ConnectedActive));
    QCOMPARE(fx.peerState(QStringLiteral("alice")), QStringLiteral("CONNECTED/ACTIVE"));

    // Once Y has left (inactive), X is the only participant and holds the call.
    QCOMPARE(fx.completionOf(y->drop(QByteArray())), int(Success));
    QCOMPARE(y->mode(), int(ConnectedInactive));
    QVERIFY(x->features().testFlag(FeatureHold));
    QCOMPARE(xFeatures.size(), reportsParticipants ? 1 : 0);
    fx.recorder().clear();
    const int held = x->hold();
    QVERIFY2(held > 0, qPrintable(errorName(held)));
    fx.settle();
    QCOMPARE(fx.events(), withIds({QStringLiteral("reply({id},0)"), QStringLiteral("S(X)=ONHOLD")}, {held}));
}

void TestConformanceTransferBridged::otherStationAnswers_data()
{
    QTest::addColumn<int>("sharing");
    QTest::addColumn<QString>("secondary");
    QTest::newRow("case 80 (D-16): bridged-shared")
        << int(SharingBridgedShared) << QStringLiteral("S(Y)=CONNECTED/INACTIVE");
    QTest::newRow("case 80 (D-16): bridged-new") << int(SharingBridgedNew) << QStringLiteral("S(Y)=IDLE");
    QTest::newRow("case 80 (D-16): bridged-exclusive")
        << int(SharingBridgedExclusive) << QStringLiteral("S(Y)=IDLE");
}

// [D-16]: a station's appearance follows when another station answers; it does not stay OFFERING.
void TestConformanceTransferBridged::otherStationAnswers()
{
    QFETCH(int, sharing);
    QFETCH(QString, secondary);

    SimFixture fx;
    const Bridged b = bridgedLines(fx, sharing);
    CallSession *x = nullptr;
    CallSession *y = nullptr;
    QVERIFY(offerBridged(fx, b, &x, &y));
    QCOMPARE(y->state(), int(Offering));
    QCOMPARE(y->mode(), int(OfferingInactive));
    fx.recorder().clear();

    const int id = x->answer();
    QVERIFY2(id > 0, qPrintable(errorName(id)));
    fx.settle();
    QCOMPARE(fx.events(),
             withIds({QStringLiteral("reply({id},0)"), QStringLiteral("S(X)=CONNECTED/ACTIVE"), secondary,
                      QStringLiteral("peer(alice)=CONNECTED/ACTIVE")},
                     {id}));
    if (sharing != SharingBridgedShared)
        return;
    // A shared address lets Y join the call it watched inactive.
    QVERIFY(y->hasFeature(FeatureAnswer));
    fx.recorder().clear();
    const int joined = y->answer();
    QVERIFY2(joined > 0, qPrintable(errorName(joined)));
    fx.settle();
    QCOMPARE(fx.events(),
             withIds({QStringLiteral("reply({id},0)"), QStringLiteral("S(Y)=CONNECTED/ACTIVE")}, {joined}));
}

QTEST_GUILESS_MAIN(TestConformanceTransferBridged)
#include "tst_conformance_transfer_bridged.moc"
