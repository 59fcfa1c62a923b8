// docs/tapi-semantics.md section 10.C: terminate (lineDeallocateCall) and resources (cases 34-44).
#include "SimFixture.h"

#include "core/Tapi.h"
#include "lines/Line.h"
#include "session/CallSession.h"

#include <QtCore/qpointer.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

using namespace Tapi;

namespace {
// A connected call "A" with a second handle of the given privilege on it, both named for the
// recorder, which then records replies, states, peers and call-info changes from a clean start.
bool connectedWithSecondHandle(SimFixture &fx, int privilege, const QString &firstName,
                               const QString &secondName, CallSession **first, CallSession **second)
{
    fx.recorder().setCategories(EventRecorder::Default | EventRecorder::Info);
    *first = fx.stage(SimFixture::StageConnected);
    if (!*first)
        return false;
    fx.recorder().name(*first, firstName);
    *second = (*first)->openHandle(Tapi::CallPrivilege(privilege));
    if (!*second)
        return false;
    fx.recorder().name(*second, secondName);
    fx.settle();
    fx.recorder().clear();
    return true;
}
} // namespace

class TestConformanceTerminate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void terminateIdle_data() { caseRow("case 34: terminate after drop"); }
    void terminateIdle();
    void legacySoleOwner_data() { caseRow("case 35: sole owner, apiLegacy, connected"); }
    void legacySoleOwner();
    void soleOwnerCloseDrop_data();
    void soleOwnerCloseDrop();
    void terminateMonitor_data() { caseRow("case 38: terminate a monitor handle"); }
    void terminateMonitor();
    void terminateOneOfTwoOwners_data() { caseRow("case 39: terminate one of two owners"); }
    void terminateOneOfTwoOwners();
    void terminateWhileDropPending_data() { caseRow("case 40: terminate before the drop's reply"); }
    void terminateWhileDropPending();
    void idleHandleStaysQueryable_data() { caseRow("case 41: call info and status after drop"); }
    void idleHandleStaysQueryable();
    void hundredSessions_data() { caseRow("case 42: 100 sessions dropped, then terminated"); }
    void hundredSessions();
    void terminateTwice_data() { caseRow("case 43: terminate twice"); }
    void terminateTwice();
    void lineClose_data();
    void lineClose();
    void pendingReplyAfterTerminate_data();
    void pendingReplyAfterTerminate();
    void abandonedBeforeAnswer_data();
    void abandonedBeforeAnswer();
};

void TestConformanceTerminate::terminateIdle()
{
    SimFixture fx;
    fx.recorder().setCategories(EventRecorder::All);
    CallSession *a = fx.stage(SimFixture::StageIdle);
    QVERIFY(a);
    const int sessionId = a->sessionId();
    const CallId call = fx.engine().callIdOf(a);
    QSignalSpy sessionSignals(a, &CallSession::stateChanged);

    QCOMPARE(a->terminate(), int(Success)); // synchronous: no request id
    QCOMPARE(fx.events(), QStringList {QStringLiteral("term(A)")});
    QVERIFY(!a->isValid());
    QCOMPARE(fx.engine().session(sessionId), nullptr);
    QCOMPARE(a->drop(QByteArray()), int(InvalCallHandle));
    QCOMPARE(a->reject(), int(InvalCallHandle));
    QCOMPARE(a->answer(), int(InvalCallHandle));
    QCOMPARE(a->hold(), int(InvalCallHandle));
    QCOMPARE(a->releaseUserUserInfo(), int(InvalCallHandle));
    QCOMPARE(a->terminate(), int(InvalCallHandle));
    QCOMPARE(a->openHandle(PrivilegeMonitor), nullptr);

    // Whatever the switch still says about the call reaches nobody.
    fx.sim().reportState(call, Connected, ConnectedActive);
    fx.settle();
    QCOMPARE(fx.events(), QStringList {QStringLiteral("term(A)")});
    QCOMPARE(sessionSignals.size(), 0);
}

void TestConformanceTerminate::legacySoleOwner()
{
    LineCapabilities caps;
    caps.apiLegacy = true;
    SimFixture fx(caps);
    CallSession *a = fx.stage(SimFixture::StageConnected);
    QVERIFY(a);
    QCOMPARE(a->numOwners(), 1);
    QCOMPARE(a->terminate(), int(InvalCallState)); // [DEA]: API < 2.0, drop first
    fx.settle();
    QCOMPARE(fx.events(), QStringList());
    QVERIFY(a->isValid());
    QCOMPARE(a->state(), int(Connected));
    QCOMPARE(fx.peerState(QStringLiteral("alice")), QStringLiteral("CONNECTED/ACTIVE"));
}

void TestConformanceTerminate::soleOwnerCloseDrop_data()
{
    QTest::addColumn<bool>("closeDrop");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("case 36: sole owner, connected, closeDrop=true")
        << true << QStringList {QStringLiteral("peer(alice)=DISCONNECTED/NORMAL")};
    QTest::newRow("case 37: sole owner, connected, closeDrop=false") << false << QStringList();
}

void TestConformanceTerminate::soleOwnerCloseDrop()
{
    QFETCH(bool, closeDrop);
    QFETCH(QStringList, expected);

    LineCapabilities caps;
    caps.closeDrop = closeDrop;
    SimFixture fx(caps);
    CallSession *a = fx.stage(SimFixture::StageConnected);
    QVERIFY(a);
    QCOMPARE(a->numOwners(), 1);
    QSignalSpy sessionSignals(a, &CallSession::stateChanged);
    QSignalSpy replies(&fx.engine(), &CallEngine::requestCompleted);

    QCOMPARE(a->terminate(), int(Success)); // API >= 2.0: even the sole owner may deallocate
    QVERIFY(!a->isValid());
    fx.settle();
    // TSPI_lineCloseCall: with CLOSEDROP the provider drops the call; without it the call goes on
    // under external control. Either way the freed handle hears nothing and no request was made.
    QCOMPARE(fx.events(), expected);
    QCOMPARE(sessionSignals.size(), 0);
    QCOMPARE(replies.size(), 0);
    QCOMPARE(fx.engine().sessionCount(), 0);
    QCOMPARE(fx.engine().callRecordCount(), 0);
    if (!closeDrop)
        QCOMPARE(fx.peerState(QStringLiteral("alice")), QStringLiteral("CONNECTED/ACTIVE"));
}

void TestConformanceTerminate::terminateMonitor()
{
    SimFixture fx;
    CallSession *o = nullptr;
    CallSession *m = nullptr;
    QVERIFY(
        connectedWithSecondHandle(fx, PrivilegeMonitor, QStringLiteral("O"), QStringLiteral("M"), &o, &m));
    QCOMPARE(o->numMonitors(), 1);

    QCOMPARE(m->terminate(), int(Success));
    fx.settle();
    QCOMPARE(fx.events(), QStringList {QStringLiteral("info(O)=NUMMONITORS")});
    QCOMPARE(o->numMonitors(), 0);
    QCOMPARE(o->state(), int(Connected));
    QCOMPARE(fx.peerState(QStringLiteral("alice")), QStringLiteral("CONNECTED/ACTIVE"));

    // O still gets signals; M does not.
    fx.recorder().clear();
    QVERIFY(fx.sim().remoteHangup(QStringLiteral("alice"), DisconnectNormal));
    fx.settle();
    QCOMPARE(fx.events(),
             (QStringList {QStringLiteral("peer(alice)=IDLE"), QStringLiteral("S(O)=DISCONNECTED/NORMAL")}));
}

void TestConformanceTerminate::terminateOneOfTwoOwners()
{
    SimFixture fx;
    CallSession *o1 = nullptr;
    CallSession *o2 = nullptr;
    QVERIFY(
        connectedWithSecondHandle(fx, PrivilegeOwner, QStringLiteral("O1"), QStringLiteral("O2"), &o1, &o2));
    QCOMPARE(o2->numOwners(), 2);

    QCOMPARE(o1->terminate(), int(Success)); // not the sole owner
    fx.settle();
    QCOMPARE(fx.events(), QStringList {QStringLiteral("info(O2)=NUMOWNERDECR")});
    QCOMPARE(o2->numOwners(), 1);
    QCOMPARE(o2->state(), int(Connected));
    QCOMPARE(fx.peerState(QStringLiteral("alice")), QStringLiteral("CONNECTED/ACTIVE"));

    fx.recorder().clear();
    const int id = o2->drop(QByteArray());
    QVERIFY2(id > 0, qPrintable(errorName(id)));
    fx.settle();
    QCOMPARE(fx.events(),
             withIds({QStringLiteral("reply({id},0)"), QStringLiteral("S(O2)=IDLE"),
                      QStringLiteral("peer(alice)=DISCONNECTED/NORMAL")},
                     {id}));
}

void TestConformanceTerminate::terminateWhileDropPending()
{
    SimFixture fx;
    CallSession *a = fx.stage(SimFixture::StageConnected);
    QVERIFY(a);
    QSignalSpy sessionSignals(a, &CallSession::stateChanged);
    QSignalSpy sessionReplies(a, &CallSession::requestCompleted);
    const int id = a->drop(QByteArray());
    QVERIFY2(id > 0, qPrintable(errorName(id)));
    QCOMPARE(a->terminate(), int(Success));
    fx.settle();
    // [DEA] API >= 2.0: every issued request still gets its reply; no state signal after the terminate.
    QCOMPARE(
        fx.events(),
        withIds({QStringLiteral("reply({id},0)"), QStringLiteral("peer(alice)=DISCONNECTED/NORMAL")}, {id}));
    QCOMPARE(sessionSignals.size(), 0);
    QCOMPARE(sessionReplies.size(), 0); // the freed handle itself hears nothing
    QCOMPARE(fx.engine().callRecordCount(), 0);
    QCOMPARE(fx.engine().pendingRequestCount(), 0);
}

void TestConformanceTerminate::idleHandleStaysQueryable()
{
    SimFixture fx;
    CallSession *a = fx.offer(QStringLiteral("alice"), nullptr, "hello");
    QVERIFY(a);
    const CallId call = fx.engine().callIdOf(a);
    QVERIFY(call != 0);
    QCOMPARE(fx.completionOf(a->answer()), int(Success));
    QCOMPARE(fx.completionOf(a->drop(QByteArray())), int(Success));

    QCOMPARE(a->state(), int(Idle));
    QVERIFY(a->isValid());
    QCOMPARE(fx.engine().callIdOf(a), call);
    QCOMPARE(a->remoteNumber(), QStringLiteral("2001"));
    QCOMPARE(a->remoteName(), QStringLiteral("Alice Archer"));
    QCOMPARE(a->userUserInfo(), QByteArray("hello"));
    QCOMPARE(a->callState3(), int(CsDisconnected));
    QVERIFY(a->offeredAt().isValid());
    QVERIFY(a->connectedAt().isValid());
    QVERIFY(a->idleAt().isValid());
    QVERIFY(a->duration() >= 0);

    QCOMPARE(a->terminate(), int(Success));
    QVERIFY(!a->isValid());
    QCOMPARE(fx.engine().callIdOf(a), CallId(0));
    QVERIFY(a->remoteNumber().isEmpty());
}

void TestConformanceTerminate::hundredSessions()
{
    SimFixture fx;
    QList<QPointer<CallSession>> sessions;
    for (int i = 0; i < 100; ++i) {
        // Half inbound (rejected while offered), half outbound (dropped while dialing).
        CallSession *s =
            (i % 2) ? fx.dialOut(fx.peerNumber(QStringLiteral("bob"))) : fx.offer(QStringLiteral("alice"));
        QVERIFY(s);
        QCOMPARE(fx.completionOf(s->drop(QByteArray())), int(Success));
        QCOMPARE(s->state(), int(Idle));
        sessions.append(s);
    }
    // Nothing is freed by a drop alone [TERM][DROP]: the registry holds every IDLE session.
    QCOMPARE(fx.engine().sessionCount(), 100);
    QCOMPARE(fx.engine().callRecordCount(), 100);
    QCOMPARE(fx.engine().sessions()->rowCount(), 100);
    for (CallSession *s : fx.engine().sessionList())
        QCOMPARE(s->state(), int(Idle));

    for (const QPointer<CallSession> &s : std::as_const(sessions))
        QCOMPARE(s->terminate(), int(Success));
    fx.settle();
    QCOMPARE(fx.engine().sessionCount(), 0);
    QCOMPARE(fx.engine().callRecordCount(), 0);
    QCOMPARE(fx.engine().pendingRequestCount(), 0);
    QCOMPARE(fx.engine().sessions()->rowCount(), 0);
}

void TestConformanceTerminate::terminateTwice()
{
    SimFixture fx;
    CallSession *a = fx.stage(SimFixture::StageIdle);
    QVERIFY(a);
    QCOMPARE(a->terminate(), int(Success));
    QCOMPARE(a->terminate(), int(InvalCallHandle));
}

void TestConformanceTerminate::lineClose_data()
{
    QTest::addColumn<bool>("closeDrop");
    QTest::addColumn<bool>("fromProvider");
    QTest::addColumn<QStringList>("expected");
    const QStringList cleared {QStringLiteral("peer(bob)=DISCONNECTED/NORMAL")};
    QTest::newRow("case 44: lineClose, closeDrop=true") << true << false << cleared;
    QTest::newRow("case 44: LINE_CLOSE from the provider, closeDrop=true") << true << true << cleared;
    // [DCF]: without CLOSEDROP the call survives under external control.
    QTest::newRow("case 44: lineClose, closeDrop=false") << false << false << QStringList();
}

void TestConformanceTerminate::lineClose()
{
    QFETCH(bool, closeDrop);
    QFETCH(bool, fromProvider);
    QFETCH(QStringList, expected);

    LineCapabilities caps;
    caps.closeDrop = closeDrop;
    SimFixture fx(caps);
    CallSession *idle = fx.stage(SimFixture::StageIdle);
    QVERIFY(idle);
    fx.recorder().name(idle, QStringLiteral("I"));
    CallSession *a = fx.answered(QStringLiteral("bob"));
    QVERIFY(a);
    fx.recorder().name(a, QStringLiteral("A"));
    fx.recorder().clear();
    QSignalSpy idleSignals(idle, &CallSession::stateChanged);
    QSignalSpy activeSignals(a, &CallSession::stateChanged);

    if (fromProvider)
        fx.sim().closeLine(fx.line()->lineId());
    else
        fx.line()->close();
    // [HND]: every handle on the line is invalid at once.
    QVERIFY(!idle->isValid());
    QVERIFY(!a->isValid());
    QCOMPARE(idle->drop(QByteArray()), int(InvalCallHandle));
    QCOMPARE(idle->terminate(), int(InvalCallHandle));
    QCOMPARE(a->drop(QByteArray()), int(InvalCallHandle));
    QCOMPARE(a->terminate(), int(InvalCallHandle));
    QVERIFY(!fx.line()->isOpen());
    QCOMPARE(fx.line()->makeCall(fx.peerNumber(QStringLiteral("carol"))), int(InvalLineHandle));

    fx.settle();
    QCOMPARE(fx.events(), expected);
    QCOMPARE(idleSignals.size(), 0);
    QCOMPARE(activeSignals.size(), 0);
    QCOMPARE(fx.engine().sessionCount(), 0);
    QCOMPARE(fx.engine().callRecordCount(), 0);
    if (!closeDrop)
        QCOMPARE(fx.peerState(QStringLiteral("bob")), QStringLiteral("CONNECTED/ACTIVE"));
}

void TestConformanceTerminate::abandonedBeforeAnswer_data()
{
    QTest::addColumn<QString>("how");
    QTest::addColumn<bool>("apiLegacy");
    QTest::addColumn<QString>("expected");
    const QString cancelled = QStringLiteral("peer(bob)=DISCONNECTED/CANCELLED");
    QTest::newRow("case 36 (D-14): sole owner terminates while ringing out")
        << "terminate" << false << cancelled;
    QTest::newRow("case 44 (D-14): lineClose while ringing out") << "close" << false << cancelled;
    QTest::newRow("case 44 (D-14): LINE_CLOSE from the provider while ringing out")
        << "providerClose" << false << cancelled;
    // CANCELLED is a TAPI 2.0 mode: an older application's far end is told NORMAL [D-14].
    QTest::newRow("case 44 (D-14): lineClose while ringing out, apiLegacy")
        << "close" << true << QStringLiteral("peer(bob)=DISCONNECTED/NORMAL");
}

// [D-14]: however a call is abandoned before the far end answered, the far end hears CANCELLED.
void TestConformanceTerminate::abandonedBeforeAnswer()
{
    QFETCH(QString, how);
    QFETCH(bool, apiLegacy);
    QFETCH(QString, expected);

    LineCapabilities caps;
    caps.apiLegacy = apiLegacy;
    SimFixture fx(caps);
    QString party;
    CallSession *a = fx.stage(SimFixture::StageRingback, &party);
    QVERIFY(a);
    QCOMPARE(party, QStringLiteral("bob"));
    QCOMPARE(fx.peerState(party), QStringLiteral("OFFERING/ACTIVE"));

    if (how == QLatin1String("terminate"))
        QCOMPARE(a->terminate(), int(Success));
    else if (how == QLatin1String("close"))
        fx.line()->close();
    else
        fx.sim().closeLine(fx.line()->lineId());
    QVERIFY(!a->isValid());
    fx.settle();
    QCOMPARE(fx.events(), QStringList {expected});
}

QTEST_GUILESS_MAIN(TestConformanceTerminate)
#include "tst_conformance_terminate.moc"

void TestConformanceTerminate::pendingReplyAfterTerminate_data()
{
    QTest::addColumn<bool>("legacy");
    QTest::newRow("API 2.0: the reply still comes") << false;
    QTest::newRow("API < 2.0: the reply is suppressed") << true;
}

// Section 5 [DEA]: a request issued on a handle that is then deallocated. The physical call is not
// touched either way: the hold goes through and the other owner sees it.
void TestConformanceTerminate::pendingReplyAfterTerminate()
{
    QFETCH(bool, legacy);
    LineCapabilities caps;
    caps.apiLegacy = legacy;
    SimFixture fx(caps);
    CallSession *o1 = nullptr;
    CallSession *o2 = nullptr;
    QVERIFY(
        connectedWithSecondHandle(fx, PrivilegeOwner, QStringLiteral("O1"), QStringLiteral("O2"), &o1, &o2));
    QSignalSpy engineReplies(&fx.engine(), &CallEngine::requestCompleted);

    const int id = o1->hold();
    QVERIFY2(id > 0, qPrintable(errorName(id)));
    QCOMPARE(o1->terminate(), int(Success)); // not the sole owner, so allowed under both rules
    fx.settle();
    // The terminate itself is seen at once (O2 is now the sole owner); the reply, if any, comes before
    // the state change it caused [D-7].
    QStringList expected {QStringLiteral("info(O2)=NUMOWNERDECR"), QStringLiteral("S(O2)=ONHOLD")};
    if (!legacy)
        expected.insert(1, QStringLiteral("reply({id},0)"));
    QCOMPARE(fx.events(), withIds(expected, {id}));
    QCOMPARE(engineReplies.size(), legacy ? 0 : 1);
    QCOMPARE(o2->state(), int(OnHold));
    QCOMPARE(fx.engine().pendingRequestCount(), 0);
}
