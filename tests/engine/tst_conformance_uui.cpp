// docs/tapi-semantics.md section 10.B: user-user information (cases 26-33, 82-83).
#include "SimFixture.h"

#include "core/Tapi.h"
#include "session/CallSession.h"

#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

using namespace Tapi;

class TestConformanceUui : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dropWithUui_data();
    void dropWithUui();
    void remoteUuiSurvivesDrop_data() { caseRow("case 32: UUI from the remote hang-up stays readable"); }
    void remoteUuiSurvivesDrop();
    void uuiQueueRelease_data() { caseRow("case 33: two UUI messages, release shows the next"); }
    void uuiQueueRelease();
    void answerWithUui_data();
    void answerWithUui();
    void makeCallWithUui_data();
    void makeCallWithUui();
};

namespace {
// The limit rows cases 82 and 83 share: what the far end gets for UUI against a verb's size limit.
void uuiLimitRows()
{
    QTest::addColumn<int>("limit");
    QTest::addColumn<bool>("zeroLimitCompat");
    QTest::addColumn<QByteArray>("uui");
    QTest::addColumn<int>("error"); // 0: the verb is issued
    QTest::addColumn<QByteArray>("delivered"); // what the far end receives; empty: nothing

    const QByteArray sixteen = QByteArray(1, '\x04') + QByteArray("ABCDEFGHIJKLMNO");
    QTest::newRow("10 bytes") << 16 << false << QByteArray("0123456789") << 0 << QByteArray("0123456789");
    QTest::newRow("exactly the limit") << 16 << false << sixteen << 0 << sixteen;
    QTest::newRow("one over the limit")
        << 16 << false << sixteen + 'P' << int(UserUserInfoTooBig) << QByteArray();
    QTest::newRow("no UUI") << 16 << false << QByteArray() << 0 << QByteArray();
    QTest::newRow("limit 0, strict (D-10)")
        << 0 << false << QByteArray("x") << int(UserUserInfoTooBig) << QByteArray();
    QTest::newRow("limit 0, compat mode (D-10)") << 0 << true << QByteArray("x") << 0 << QByteArray();
}
} // namespace

void TestConformanceUui::dropWithUui_data()
{
    QTest::addColumn<int>("stage");
    QTest::addColumn<int>("uuiDropSize");
    QTest::addColumn<bool>("zeroLimitCompat");
    QTest::addColumn<QByteArray>("uui");
    QTest::addColumn<int>("error"); // 0: the drop is issued
    QTest::addColumn<QByteArray>("delivered"); // what the far end receives; empty: nothing

    const QByteArray ten("0123456789");
    // A protocol discriminator (0x04, IA5 characters) is the first byte and counts toward the size [LD].
    const QByteArray sixteen = QByteArray(1, '\x04') + QByteArray("ABCDEFGHIJKLMNO");
    const QByteArray seventeen = sixteen + 'P';
    const int connected = SimFixture::StageConnected;
    QTest::newRow("case 26: 10 bytes") << connected << 16 << false << ten << 0 << ten;
    QTest::newRow("case 27: exactly 16 bytes with protocol discriminator")
        << connected << 16 << false << sixteen << 0 << sixteen;
    QTest::newRow("case 28: 17 bytes")
        << connected << 16 << false << seventeen << int(UserUserInfoTooBig) << QByteArray();
    // Case 29: lineDrop(hCall, NULL, 999). Our drop() takes a QByteArray, which carries its own size:
    // the closest faithful call is a null QByteArray, which must mean "no UUI" however it was built.
    QTest::newRow("case 29: null UUI, size ignored")
        << connected << 16 << false << QByteArray() << 0 << QByteArray();
    QTest::newRow("case 30: limit 0, 1 byte, strict (D-10)")
        << connected << 0 << false << QByteArray("x") << int(UserUserInfoTooBig) << QByteArray();
    QTest::newRow("case 30: limit 0, 1 byte, compat mode (D-10)")
        << connected << 0 << true << QByteArray("x") << 0 << QByteArray();
    QTest::newRow("case 31: idle with oversize UUI, state checked first (D-5)")
        << int(SimFixture::StageIdle) << 16 << false << seventeen << int(InvalCallState) << QByteArray();
}

void TestConformanceUui::dropWithUui()
{
    QFETCH(int, stage);
    QFETCH(int, uuiDropSize);
    QFETCH(bool, zeroLimitCompat);
    QFETCH(QByteArray, uui);
    QFETCH(int, error);
    QFETCH(QByteArray, delivered);
    QCOMPARE(uui.isNull(), uui.isEmpty()); // case 29's row really is a null array

    LineCapabilities caps;
    caps.uuiDropSize = uuiDropSize;
    caps.uuiZeroLimitCompat = zeroLimitCompat;
    SimFixture fx(caps);
    fx.recorder().setCategories(EventRecorder::Default | EventRecorder::PeerUui);
    CallSession *a = fx.stage(SimFixture::Stage(stage));
    QVERIFY(a);
    const int stateBefore = a->state();
    const QString peerBefore = fx.peerState(QStringLiteral("alice"));
    const QString disconnected = QStringLiteral("peer(alice)=DISCONNECTED/NORMAL");

    const int result = a->drop(uui);
    if (error != 0) {
        // Refused synchronously, without side effects.
        QCOMPARE(result, error);
        fx.settle();
        QCOMPARE(fx.events(), QStringList());
        QCOMPARE(a->state(), stateBefore);
        QCOMPARE(fx.peerState(QStringLiteral("alice")), peerBefore);
        QVERIFY(fx.peer(QStringLiteral("alice"))->receivedUui.isEmpty());
        if (stateBefore == Idle)
            return;
        // Case 28: a following drop without UUI succeeds.
        const int id = a->drop(QByteArray());
        QVERIFY2(id > 0, qPrintable(errorName(id)));
        fx.settle();
        QCOMPARE(fx.events(),
                 withIds({QStringLiteral("reply({id},0)"), QStringLiteral("S(A)=IDLE"), disconnected}, {id}));
        QVERIFY(fx.peer(QStringLiteral("alice"))->receivedUui.isEmpty());
        return;
    }

    QVERIFY2(result > 0, qPrintable(errorName(result)));
    fx.settle();
    QStringList expected {QStringLiteral("reply({id},0)"), QStringLiteral("S(A)=IDLE")};
    if (!delivered.isEmpty())
        expected << QStringLiteral("peerUui(alice)=") + EventRecorder::formatPayload(delivered);
    expected << disconnected;
    QCOMPARE(fx.events(), withIds(expected, {result}));
    // The far end reads the UUI while it is DISCONNECTED [DM], whole, discriminator included.
    const SimFarEnd *far = fx.peer(QStringLiteral("alice"));
    QCOMPARE(far->state, int(Disconnected));
    QCOMPARE(far->receivedUui, delivered.isEmpty() ? QList<QByteArray>() : QList<QByteArray> {delivered});
    QCOMPARE(a->sentUserUserInfo(), delivered);
}

void TestConformanceUui::remoteUuiSurvivesDrop()
{
    SimFixture fx;
    fx.recorder().setCategories(EventRecorder::Default | EventRecorder::Info);
    CallSession *a = fx.stage(SimFixture::StageConnected);
    QVERIFY(a);
    const QByteArray bye("case-32 goodbye");
    QVERIFY(fx.sim().remoteHangup(QStringLiteral("alice"), DisconnectNormal, bye));
    fx.settle();
    // CALLINFO(USERUSERINFO) comes before DISCONNECTED, so the UUI is there when the state is seen.
    QCOMPARE(fx.events(),
             (QStringList {QStringLiteral("peer(alice)=IDLE"), QStringLiteral("info(A)=USERUSERINFO"),
                           QStringLiteral("S(A)=DISCONNECTED/NORMAL")}));
    QCOMPARE(a->userUserInfo(), bye);

    fx.recorder().clear();
    const int id = a->drop(QByteArray());
    QVERIFY2(id > 0, qPrintable(errorName(id)));
    fx.settle();
    QCOMPARE(fx.events(), withIds({QStringLiteral("reply({id},0)"), QStringLiteral("S(A)=IDLE")}, {id}));
    QCOMPARE(a->userUserInfo(), bye); // still readable at IDLE, until the handle is freed [HND]
    QVERIFY(a->hasFeature(FeatureReleaseUserUserInfo));

    QCOMPARE(a->terminate(), int(Success));
    // Reads of a freed handle have no error code in our API (properties, not lineGetCallInfo); the
    // handle reports itself invalid, shows nothing, and every call on it is INVALCALLHANDLE.
    QVERIFY(!a->isValid());
    QVERIFY(a->userUserInfo().isEmpty());
    QCOMPARE(a->releaseUserUserInfo(), int(InvalCallHandle));
    QCOMPARE(a->drop(QByteArray()), int(InvalCallHandle));
}

void TestConformanceUui::uuiQueueRelease()
{
    SimFixture fx;
    fx.recorder().setCategories(EventRecorder::Default | EventRecorder::Info);
    CallSession *a = fx.stage(SimFixture::StageConnected);
    QVERIFY(a);
    QSignalSpy delivered(&fx.engine(), &CallEngine::userUserInfoDelivered);
    QVERIFY(fx.sim().remoteUserUserInfo(QStringLiteral("alice"), "first"));
    QVERIFY(fx.sim().remoteUserUserInfo(QStringLiteral("alice"), "second"));
    fx.settle();
    // The second message is buffered: no overwrite and no second CALLINFO until the owner releases [RUUI].
    QCOMPARE(fx.events(), QStringList {QStringLiteral("info(A)=USERUSERINFO")});
    QCOMPARE(a->userUserInfo(), QByteArray("first"));
    QCOMPARE(a->pendingUserUserInfo(), 2);
    QVERIFY(a->hasFeature(FeatureReleaseUserUserInfo));
    QCOMPARE(delivered.size(), 1);
    QCOMPARE(delivered.at(0).at(1).toByteArray(), QByteArray("first"));

    fx.recorder().clear();
    QSignalSpy replies(&fx.engine(), &CallEngine::requestCompleted);
    const int id = a->releaseUserUserInfo();
    QVERIFY2(id > 0, qPrintable(errorName(id)));
    QCOMPARE(replies.size(), 0); // asynchronous: the reply comes on a later turn of the event loop
    fx.settle();
    QCOMPARE(fx.events(),
             withIds({QStringLiteral("reply({id},0)"), QStringLiteral("info(A)=USERUSERINFO")}, {id}));
    QCOMPARE(a->userUserInfo(), QByteArray("second"));
    QCOMPARE(delivered.size(), 2);
    QCOMPARE(delivered.at(1).at(1).toByteArray(), QByteArray("second"));

    // Releasing the last one empties the queue: no CALLINFO, and the feature goes away [TSP++].
    fx.recorder().clear();
    const int last = a->releaseUserUserInfo();
    QVERIFY(last > 0);
    fx.settle();
    QCOMPARE(fx.events(), withIds({QStringLiteral("reply({id},0)")}, {last}));
    QVERIFY(a->userUserInfo().isEmpty());
    QVERIFY(!a->hasFeature(FeatureReleaseUserUserInfo));
    QCOMPARE(a->releaseUserUserInfo(), int(OperationUnavail));
}

void TestConformanceUui::answerWithUui_data()
{
    uuiLimitRows();
}

void TestConformanceUui::answerWithUui()
{
    // Case 82: UUI on lineAnswer, up to uuiAnswerSize; the caller has it with the answer.
    QFETCH(int, limit);
    QFETCH(bool, zeroLimitCompat);
    QFETCH(QByteArray, uui);
    QFETCH(int, error);
    QFETCH(QByteArray, delivered);

    LineCapabilities caps;
    caps.uuiAnswerSize = limit;
    caps.uuiDropSize = 0; // each verb has its own limit: the drop's does not count here
    caps.uuiZeroLimitCompat = zeroLimitCompat;
    SimFixture fx(caps);
    fx.recorder().setCategories(EventRecorder::Default | EventRecorder::PeerUui);
    CallSession *a = fx.stage(SimFixture::StageOffering);
    QVERIFY(a);

    const int result = a->answer(uui);
    if (error != 0) {
        QCOMPARE(result, error);
        fx.settle();
        QCOMPARE(fx.events(), QStringList());
        QCOMPARE(a->state(), int(Offering));
        QVERIFY(fx.peer(QStringLiteral("alice"))->receivedUui.isEmpty());
        return;
    }
    QVERIFY2(result > 0, qPrintable(errorName(result)));
    fx.settle();
    QStringList expected {QStringLiteral("reply({id},0)"), QStringLiteral("S(A)=CONNECTED/ACTIVE")};
    if (!delivered.isEmpty())
        expected << QStringLiteral("peerUui(alice)=") + EventRecorder::formatPayload(delivered);
    expected << QStringLiteral("peer(alice)=CONNECTED/ACTIVE");
    QCOMPARE(fx.events(), withIds(expected, {result}));
    QCOMPARE(fx.peer(QStringLiteral("alice"))->receivedUui,
             delivered.isEmpty() ? QList<QByteArray>() : QList<QByteArray> {delivered});
    QCOMPARE(a->sentUserUserInfo(), delivered);
}

void TestConformanceUui::makeCallWithUui_data()
{
    uuiLimitRows();
}

void TestConformanceUui::makeCallWithUui()
{
    // Case 83: UUI in lineMakeCall's call parameters, up to uuiMakeCallSize; the called party has it when
    // the call is offered there. From dial tone it goes with the set-up that dial() starts.
    QFETCH(int, limit);
    QFETCH(bool, zeroLimitCompat);
    QFETCH(QByteArray, uui);
    QFETCH(int, error);
    QFETCH(QByteArray, delivered);

    for (const bool fromDialTone : {false, true}) {
        LineCapabilities caps;
        caps.uuiMakeCallSize = limit;
        caps.uuiAnswerSize = 0;
        caps.uuiZeroLimitCompat = zeroLimitCompat;
        SimFixture fx(caps);
        fx.recorder().setCategories(EventRecorder::Default | EventRecorder::PeerUui);
        const QString bob = fx.peerNumber(QStringLiteral("bob"));
        const int mark = fx.addedMark();
        const int result = fx.line()->makeCall(fromDialTone ? QString() : bob, uui);
        if (error != 0) {
            QCOMPARE(result, error);
            fx.settle();
            QCOMPARE(fx.events(), QStringList());
            QVERIFY(fx.sessionsAddedSince(mark).isEmpty());
            continue;
        }
        QVERIFY2(result > 0, qPrintable(errorName(result)));
        QCOMPARE(fx.completionOf(result), int(Success));
        const QList<CallSession *> added = fx.sessionsAddedSince(mark);
        QCOMPARE(added.size(), 1);
        CallSession *a = added.first();
        fx.recorder().name(a, QStringLiteral("A"));
        QCOMPARE(a->sentUserUserInfo(), delivered);
        if (fromDialTone) {
            QCOMPARE(a->state(), int(DialTone));
            QVERIFY(fx.peer(QStringLiteral("bob"))->receivedUui.isEmpty()); // nothing sent yet
            QVERIFY(a->dial(bob) > 0);
        }
        fx.recorder().clear();
        QVERIFY(fx.runUntil([a] { return a->state() == Ringback; }));
        QStringList expected;
        if (!delivered.isEmpty())
            expected << QStringLiteral("peerUui(bob)=") + EventRecorder::formatPayload(delivered);
        expected << QStringLiteral("peer(bob)=OFFERING/ACTIVE") << QStringLiteral("S(A)=RINGBACK");
        QCOMPARE(fx.events().mid(fx.events().size() - expected.size()), expected);
        QCOMPARE(fx.peer(QStringLiteral("bob"))->receivedUui,
                 delivered.isEmpty() ? QList<QByteArray>() : QList<QByteArray> {delivered});
    }
}

QTEST_GUILESS_MAIN(TestConformanceUui)
#include "tst_conformance_uui.moc"
