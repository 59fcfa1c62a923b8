// docs/tapi-semantics.md section 10.D: conferences (cases 45-61).
#include "SimFixture.h"

#include "core/Tapi.h"
#include "session/CallSession.h"

#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

using namespace Tapi;

namespace {
// Case 45's set-up: A (alice) CONNECTED, then setupConference(A): parent C, consult K.
struct Setup
{
    CallSession *a = nullptr;
    CallSession *c = nullptr;
    CallSession *k = nullptr;
    int requestId = 0;
};

Setup setupConference(SimFixture &fx)
{
    Setup setup;
    setup.a = fx.stage(SimFixture::StageConnected);
    if (!setup.a)
        return {};
    const int mark = fx.addedMark();
    setup.requestId = setup.a->setupConference();
    if (setup.requestId <= 0)
        return {};
    fx.settle();
    setup.c = setup.a->conferenceParent();
    for (CallSession *added : fx.sessionsAddedSince(mark)) {
        if (added != setup.c)
            setup.k = added;
    }
    fx.recorder().name(setup.c, QStringLiteral("C"));
    fx.recorder().name(setup.k, QStringLiteral("K"));
    return setup;
}

// A conference C over alice (A), bob (B) and, for three parties, carol (D), D added last.
SimFixture::Conference conference(SimFixture &fx, int parties)
{
    QStringList farEnds {QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol")};
    const SimFixture::Conference conf = fx.conference(farEnds.mid(0, parties));
    if (!conf.parent)
        return conf;
    fx.recorder().name(conf.parent, QStringLiteral("C"));
    const QStringList names {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("D")};
    for (qsizetype i = 0; i < conf.members.size(); ++i)
        fx.recorder().name(conf.members.at(i), names.at(i));
    return conf;
}
} // namespace

class TestConformanceConference : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void setup_data() { caseRow("case 45: setupConference"); }
    void setup();
    void dropConsultCollapses_data() { caseRow("case 46: drop the consult during set-up"); }
    void dropConsultCollapses();
    void unholdDuringSetup_data() { caseRow("case 47: unhold the original during set-up"); }
    void unholdDuringSetup();
    void addConsult_data() { caseRow("case 48: addToConference"); }
    void addConsult();
    void addInWrongState_data();
    void addInWrongState();
    void dropParent_data();
    void dropParent();
    void dropMemberOfThree_data() { caseRow("case 52: drop one of three members"); }
    void dropMemberOfThree();
    void dropMemberOfTwo_data() { caseRow("case 53: drop one of two members, collapse"); }
    void dropMemberOfTwo();
    void removeFromConferenceCaps_data();
    void removeFromConferenceCaps();
    void removeToConnected_data() { caseRow("case 55: removeFromConference, removeFromConfState=CONNECTED"); }
    void removeToConnected();
    void removeNonMember_data() { caseRow("case 56: removeFromConference on a non-member"); }
    void removeNonMember();
    void relatedMonitorHandle_data() { caseRow("case 57: drop through a conf-related monitor handle"); }
    void relatedMonitorHandle();
    void prepareAddThenDropConsult_data() { caseRow("case 58: prepareAddToConference, drop the consult"); }
    void prepareAddThenDropConsult();
    void dropParentWithPendingConsult_data() { caseRow("case 59: drop the parent with a pending consult"); }
    void dropParentWithPendingConsult();
    void terminateParentNotSoleOwner_data() { caseRow("case 60: terminate the parent, not sole owner"); }
    void terminateParentNotSoleOwner();
    void conferenceFull_data();
    void conferenceFull();
};

void TestConformanceConference::setup()
{
    SimFixture fx;
    const Setup s = setupConference(fx);
    QVERIFY(s.a && s.c && s.k);
    QCOMPARE(fx.events(),
             withIds({QStringLiteral("reply({id},0)"), QStringLiteral("S(C)=ONHOLDPENDCONF"),
                      QStringLiteral("S(K)=DIALTONE/NORMAL"), QStringLiteral("S(A)=CONFERENCED(C)")},
                     {s.requestId}));
    QVERIFY(s.c->isConference());
    QCOMPARE(s.c->members(), QList<CallSession *> {s.a});
    QCOMPARE(s.a->mode(), s.c->sessionId()); // dwParam2 = hConfCall [LCS]
    QCOMPARE(s.c->privilege(), int(PrivilegeOwner)); // the app is sole initial owner of both [SUC]
    QCOMPARE(s.k->privilege(), int(PrivilegeOwner));
    QVERIFY(!s.c->hasFeature(FeatureAddToConf)); // nothing to add while K only has dial tone
    QCOMPARE(fx.peerState(QStringLiteral("alice")), QStringLiteral("CONNECTED/ACTIVE"));
}

void TestConformanceConference::dropConsultCollapses()
{
    SimFixture fx;
    const Setup s = setupConference(fx);
    QVERIFY(s.a && s.c && s.k);
    fx.recorder().clear();
    const int id = s.k->drop(QByteArray());
    QVERIFY2(id > 0, qPrintable(errorName(id)));
    fx.settle();
    // Only the original underneath: the parent goes IDLE and A is a plain call again. Each once.
    QCOMPARE(fx.events(),
             withIds({QStringLiteral("reply({id},0)"), QStringLiteral("S(K)=IDLE"),
                      QStringLiteral("S(C)=IDLE"), QStringLiteral("S(A)=CONNECTED/ACTIVE")},
                     {id}));
    QCOMPARE(s.a->conferenceParent(), nullptr);
    QCOMPARE(fx.peerState(QStringLiteral("alice")), QStringLiteral("CONNECTED/ACTIVE"));
}

void TestConformanceConference::unholdDuringSetup()
{
    SimFixture fx;
    const Setup s = setupConference(fx);
    QVERIFY(s.a && s.c && s.k);
    fx.recorder().clear();
    const int id = s.a->unhold();
    QVERIFY2(id > 0, qPrintable(errorName(id)));
    fx.settle();
    QCOMPARE(fx.events(),
             withIds({QStringLiteral("reply({id},0)"), QStringLiteral("S(C)=IDLE"),
                      QStringLiteral("S(K)=IDLE"), QStringLiteral("S(A)=CONNECTED/ACTIVE")},
                     {id}));
    QCOMPARE(s.a->conferenceParent(), nullptr);
}

void TestConformanceConference::addConsult()
{
    SimFixture fx;
    const Setup s = setupConference(fx);
    QVERIFY(s.a && s.c && s.k);
    QVERIFY(fx.dialAndConnect(s.k, QStringLiteral("bob")));
    QVERIFY(s.c->hasFeature(FeatureAddToConf));
    fx.recorder().clear();
    const int id = s.c->addToConference(s.k);
    QVERIFY2(id > 0, qPrintable(errorName(id)));
    fx.settle();
    QCOMPARE(fx.events(),
             withIds({QStringLiteral("reply({id},0)"), QStringLiteral("S(K)=CONFERENCED(C)"),
                      QStringLiteral("S(C)=CONNECTED/ACTIVE")},
                     {id}));
    QCOMPARE(s.c->members(), (QList<CallSession *> {s.a, s.k}));
    QCOMPARE(s.a->state(), int(Conferenced));
}

void TestConformanceConference::addInWrongState_data()
{
    QTest::addColumn<bool>("parentConnected");
    QTest::newRow("case 49: parent CONNECTED") << true;
    QTest::newRow("case 49: consult still DIALTONE") << false;
}

void TestConformanceConference::addInWrongState()
{
    QFETCH(bool, parentConnected);

    SimFixture fx;
    CallSession *parent = nullptr;
    CallSession *consult = nullptr;
    if (parentConnected) {
        const SimFixture::Conference conf = conference(fx, 2);
        QVERIFY(conf.parent);
        parent = conf.parent;
        consult = fx.answered(QStringLiteral("carol")); // a CONNECTED call that could be added
    } else {
        const Setup s = setupConference(fx);
        parent = s.c;
        consult = s.k;
    }
    QVERIFY(parent && consult);
    fx.recorder().clear();
    QCOMPARE(parent->addToConference(consult), int(InvalCallState));
    fx.settle();
    QCOMPARE(fx.events(), QStringList());
}

void TestConformanceConference::dropParent_data()
{
    QTest::addColumn<bool>("confDrop");
    QTest::addColumn<QStringList>("expected");
    const QStringList local {QStringLiteral("reply({id},0)"), QStringLiteral("S(A)=IDLE"),
                             QStringLiteral("S(B)=IDLE"), QStringLiteral("S(C)=IDLE")};
    QTest::newRow("case 50: drop the parent, confDrop=true")
        << true
        << (local
            + QStringList {QStringLiteral("peer(alice)=DISCONNECTED/NORMAL"),
                           QStringLiteral("peer(bob)=DISCONNECTED/NORMAL")});
    // [D-8]: locally every party goes IDLE (in the same members-then-parent order); the far ends stay
    // connected to each other and hear no DISCONNECTED.
    QTest::newRow("case 51: drop the parent, confDrop=false (D-8)") << false << local;
}

void TestConformanceConference::dropParent()
{
    QFETCH(bool, confDrop);
    QFETCH(QStringList, expected);

    LineCapabilities caps;
    caps.confDrop = confDrop;
    SimFixture fx(caps);
    const SimFixture::Conference conf = conference(fx, 2);
    QVERIFY(conf.parent);
    const int id = conf.parent->drop(QByteArray());
    QVERIFY2(id > 0, qPrintable(errorName(id)));
    fx.settle();
    QCOMPARE(fx.events(), withIds(expected, {id}));
    for (CallSession *member : conf.members)
        QCOMPARE(member->state(), int(Idle));
    QVERIFY(conf.parent->members().isEmpty());
    if (!confDrop) {
        QCOMPARE(fx.peerState(QStringLiteral("alice")), QStringLiteral("CONNECTED/ACTIVE"));
        QCOMPARE(fx.peerState(QStringLiteral("bob")), QStringLiteral("CONNECTED/ACTIVE"));
    }
}

void TestConformanceConference::dropMemberOfThree()
{
    SimFixture fx;
    const SimFixture::Conference conf = conference(fx, 3);
    QVERIFY(conf.parent);
    CallSession *a = conf.members.at(0);
    CallSession *b = conf.members.at(1);
    CallSession *d = conf.members.at(2);
    const int id = b->drop(QByteArray());
    QVERIFY2(id > 0, qPrintable(errorName(id)));
    fx.settle();
    QCOMPARE(fx.events(),
             withIds({QStringLiteral("reply({id},0)"), QStringLiteral("S(B)=IDLE"),
                      QStringLiteral("peer(bob)=DISCONNECTED/NORMAL")},
                     {id}));
    QCOMPARE(conf.parent->state(), int(Connected));
    QCOMPARE(a->state(), int(Conferenced));
    QCOMPARE(d->state(), int(Conferenced));
    QCOMPARE(conf.parent->members(), (QList<CallSession *> {a, d}));
}

void TestConformanceConference::dropMemberOfTwo()
{
    SimFixture fx;
    const SimFixture::Conference conf = conference(fx, 2);
    QVERIFY(conf.parent);
    // The survivor says it left the conference, so lists and accessible names follow (no "in conference").
    QSignalSpy survivorLeft(conf.members.at(0), &CallSession::conferenceChanged);
    const int id = conf.members.at(1)->drop(QByteArray());
    QVERIFY2(id > 0, qPrintable(errorName(id)));
    fx.settle();
    QCOMPARE(
        fx.events(),
        withIds({QStringLiteral("reply({id},0)"), QStringLiteral("S(B)=IDLE"), QStringLiteral("S(C)=IDLE"),
                 QStringLiteral("S(A)=CONNECTED/ACTIVE"), QStringLiteral("peer(bob)=DISCONNECTED/NORMAL")},
                {id}));
    QCOMPARE(conf.members.at(0)->conferenceParent(), nullptr);
    QCOMPARE(survivorLeft.count(), 1);
    QCOMPARE(fx.peerState(QStringLiteral("alice")), QStringLiteral("CONNECTED/ACTIVE"));
}

void TestConformanceConference::removeFromConferenceCaps_data()
{
    QTest::addColumn<int>("removeCaps");
    QTest::addColumn<int>("target"); // index into A, B, D (D joined last)
    QTest::addColumn<int>("error"); // 0: the removal is issued

    QTest::newRow("case 54: caps NONE") << int(RemoveNone) << 1 << int(OperationUnavail);
    QTest::newRow("case 54: caps NONE, even the last-added party")
        << int(RemoveNone) << 2 << int(OperationUnavail);
    QTest::newRow("case 54: caps LAST, B not last-added") << int(RemoveLast) << 1 << int(OperationUnavail);
    QTest::newRow("case 54: caps LAST, the original party") << int(RemoveLast) << 0 << int(OperationUnavail);
    // Controls: the same conference with caps that allow the removal.
    QTest::newRow("case 54: caps LAST, last-added party is removable") << int(RemoveLast) << 2 << 0;
    QTest::newRow("case 54: caps ANY, B is removable") << int(RemoveAny) << 1 << 0;
}

void TestConformanceConference::removeFromConferenceCaps()
{
    QFETCH(int, removeCaps);
    QFETCH(int, target);
    QFETCH(int, error);

    LineCapabilities caps;
    caps.removeFromConfCaps = Tapi::RemoveFromConfCaps(removeCaps);
    SimFixture fx(caps);
    const SimFixture::Conference conf = conference(fx, 3);
    QVERIFY(conf.parent);
    CallSession *party = conf.members.at(target);
    QCOMPARE(party->hasFeature(FeatureRemoveFromConf), error == 0);

    const int result = party->removeFromConference();
    if (error != 0) {
        QCOMPARE(result, error);
        fx.settle();
        QCOMPARE(fx.events(), QStringList());
        QCOMPARE(conf.parent->members(), conf.members);
        return;
    }
    QVERIFY2(result > 0, qPrintable(errorName(result)));
    fx.settle();
    // removeFromConfState = IDLE (the default): the removed party's call ends.
    const QString name =
        QStringList {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("D")}.at(target);
    const QString farEnd =
        QStringList {QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol")}.at(target);
    QCOMPARE(fx.events(),
             withIds({QStringLiteral("reply({id},0)"), QStringLiteral("S(%1)=IDLE").arg(name),
                      QStringLiteral("peer(%1)=DISCONNECTED/NORMAL").arg(farEnd)},
                     {result}));
    QCOMPARE(conf.parent->members().size(), 2);
}

void TestConformanceConference::removeToConnected()
{
    LineCapabilities caps;
    caps.removeFromConfState = Connected;
    SimFixture fx(caps);
    const SimFixture::Conference conf = conference(fx, 3);
    QVERIFY(conf.parent);
    CallSession *a = conf.members.at(0);
    CallSession *b = conf.members.at(1);
    CallSession *d = conf.members.at(2);
    const int id = b->removeFromConference();
    QVERIFY2(id > 0, qPrintable(errorName(id)));
    fx.settle();
    QCOMPARE(fx.events(),
             withIds({QStringLiteral("reply({id},0)"), QStringLiteral("S(B)=CONNECTED/ACTIVE")}, {id}));
    QCOMPARE(b->conferenceParent(), nullptr);
    QCOMPARE(conf.parent->state(), int(Connected));
    QCOMPARE(a->state(), int(Conferenced));
    QCOMPARE(d->state(), int(Conferenced));
    QCOMPARE(conf.parent->members(), (QList<CallSession *> {a, d}));
    QCOMPARE(fx.peerState(QStringLiteral("bob")), QStringLiteral("CONNECTED/ACTIVE"));
}

void TestConformanceConference::removeNonMember()
{
    SimFixture fx;
    const SimFixture::Conference conf = conference(fx, 2);
    QVERIFY(conf.parent);
    CallSession *a = fx.answered(QStringLiteral("carol")); // CONNECTED, not a member of C
    QVERIFY(a);
    fx.recorder().clear();
    QCOMPARE(a->removeFromConference(), int(InvalCallState));
    QCOMPARE(conf.parent->removeFromConference(), int(InvalCallState)); // the parent is no member either
    fx.settle();
    QCOMPARE(fx.events(), QStringList());
}

void TestConformanceConference::relatedMonitorHandle()
{
    // lineGetConfRelatedCalls hands out monitor handles for members the app did not hold [ATC]. Our API
    // has no getConfRelatedCalls; openHandle(MONITOR) on a member is the same kind of handle.
    SimFixture fx;
    const SimFixture::Conference conf = conference(fx, 2);
    QVERIFY(conf.parent);
    CallSession *m = conf.members.at(1)->openHandle(PrivilegeMonitor);
    QVERIFY(m);
    fx.settle();
    QCOMPARE(m->state(), int(Conferenced));
    QCOMPARE(m->conferenceParent(), conf.parent);
    fx.recorder().clear();
    QCOMPARE(m->drop(QByteArray()), int(NotOwner));
    QCOMPARE(m->removeFromConference(), int(NotOwner));
    fx.settle();
    QCOMPARE(fx.events(), QStringList());
    QCOMPARE(conf.members.at(1)->state(), int(Conferenced));
}

void TestConformanceConference::prepareAddThenDropConsult()
{
    SimFixture fx;
    const SimFixture::Conference conf = conference(fx, 2);
    QVERIFY(conf.parent);
    const int mark = fx.addedMark();
    const int prepare = conf.parent->prepareAddToConference();
    QVERIFY2(prepare > 0, qPrintable(errorName(prepare)));
    fx.settle();
    const QList<CallSession *> added = fx.sessionsAddedSince(mark);
    QCOMPARE(added.size(), 1);
    CallSession *k = added.first();
    fx.recorder().name(k, QStringLiteral("K"));
    QCOMPARE(k->privilege(), int(PrivilegeOwner));
    QCOMPARE(fx.events(),
             withIds({QStringLiteral("reply({id},0)"), QStringLiteral("S(C)=ONHOLDPENDCONF"),
                      QStringLiteral("S(K)=DIALTONE/NORMAL")},
                     {prepare}));

    fx.recorder().clear();
    const int id = k->drop(QByteArray());
    QVERIFY2(id > 0, qPrintable(errorName(id)));
    fx.settle();
    QCOMPARE(fx.events(),
             withIds({QStringLiteral("reply({id},0)"), QStringLiteral("S(K)=IDLE"),
                      QStringLiteral("S(C)=CONNECTED/ACTIVE")},
                     {id}));
    QCOMPARE(conf.parent->members(), conf.members);
}

void TestConformanceConference::dropParentWithPendingConsult()
{
    SimFixture fx;
    const SimFixture::Conference conf = conference(fx, 2);
    QVERIFY(conf.parent);
    const int mark = fx.addedMark();
    QCOMPARE(fx.completionOf(conf.parent->prepareAddToConference()), int(Success));
    CallSession *k = fx.sessionsAddedSince(mark).value(0);
    QVERIFY(k);
    fx.recorder().name(k, QStringLiteral("K"));
    // The consult is ringing carol: she is the pending party.
    QCOMPARE(fx.completionOf(k->dial(fx.peerNumber(QStringLiteral("carol")))), int(Success));
    QVERIFY(fx.runUntil([k] { return k->state() == Ringback; }));
    QCOMPARE(conf.parent->state(), int(OnHoldPendConf));
    fx.recorder().clear();

    const int id = conf.parent->drop(QByteArray());
    QVERIFY2(id > 0, qPrintable(errorName(id)));
    fx.settle();
    // TSP++ ConfTest order: the pending consult, then every member, then the parent.
    QCOMPARE(fx.events(),
             withIds({QStringLiteral("reply({id},0)"), QStringLiteral("S(K)=IDLE"),
                      QStringLiteral("S(A)=IDLE"), QStringLiteral("S(B)=IDLE"), QStringLiteral("S(C)=IDLE"),
                      QStringLiteral("peer(carol)=DISCONNECTED/CANCELLED"),
                      QStringLiteral("peer(alice)=DISCONNECTED/NORMAL"),
                      QStringLiteral("peer(bob)=DISCONNECTED/NORMAL")},
                     {id}));
}

void TestConformanceConference::terminateParentNotSoleOwner()
{
    // Another application owns the calls too (externalOwners = 1), so we are not C's sole owner.
    SimFixture fx(LineCapabilities(), 1);
    const SimFixture::Conference conf = conference(fx, 2);
    QVERIFY(conf.parent);
    CallSession *a = conf.members.at(0);
    QCOMPARE(conf.parent->numOwners(), 2);
    QCOMPARE(a->mode(), conf.parent->sessionId());

    QCOMPARE(conf.parent->terminate(), int(Success));
    fx.settle();
    QCOMPARE(fx.events(), QStringList()); // the conference itself goes on
    QCOMPARE(a->conferenceParent(), nullptr);
    QCOMPARE(fx.peerState(QStringLiteral("alice")), QStringLiteral("CONNECTED/ACTIVE"));
    QCOMPARE(fx.peerState(QStringLiteral("bob")), QStringLiteral("CONNECTED/ACTIVE"));

    // [LCS]: after the app freed the parent, CONFERENCED reports for parties carry a NULL hConfCall.
    fx.sim().reportState(fx.engine().callIdOf(a), Conferenced, 0);
    fx.settle();
    QCOMPARE(fx.events(), QStringList {QStringLiteral("S(A)=CONFERENCED(null)")});
    QCOMPARE(a->mode(), 0);
}

void TestConformanceConference::conferenceFull_data()
{
    QTest::addColumn<bool>("prepare");
    QTest::newRow("case 61: addToConference beyond dwMaxNumConference") << false;
    QTest::newRow("case 61: prepareAddToConference beyond dwMaxNumConference") << true;
}

void TestConformanceConference::conferenceFull()
{
    QFETCH(bool, prepare);

    LineCapabilities caps;
    caps.maxConference = 2;
    SimFixture fx(caps);
    const SimFixture::Conference conf = conference(fx, 2);
    QVERIFY(conf.parent);
    if (prepare) {
        QVERIFY(!conf.parent->hasFeature(FeaturePrepareAddConf));
        QCOMPARE(conf.parent->prepareAddToConference(), int(ConferenceFull));
    } else {
        // With the parent ONHOLD (a valid state for lineAddToConference) and a CONNECTED call to add.
        QCOMPARE(fx.completionOf(conf.parent->hold()), int(Success));
        QCOMPARE(conf.parent->state(), int(OnHold));
        CallSession *extra = fx.answered(QStringLiteral("carol"));
        QVERIFY(extra);
        fx.recorder().clear();
        QCOMPARE(conf.parent->addToConference(extra), int(ConferenceFull));
        QCOMPARE(extra->state(), int(Connected));
    }
    fx.settle();
    QCOMPARE(fx.events(), QStringList());
    QCOMPARE(conf.parent->members(), conf.members);
}

QTEST_GUILESS_MAIN(TestConformanceConference)
#include "tst_conformance_conference.moc"
