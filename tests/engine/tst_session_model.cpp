// SessionModel and ConferenceModel through call lifecycles and conferences, with
// QAbstractItemModelTester checking every change the engine drives.
#include "SimFixture.h"

#include "core/Tapi.h"
#include "lines/Line.h"
#include "session/CallSession.h"
#include "session/models/ConferenceModel.h"
#include "session/models/SessionModel.h"

#include <QtTest/qabstractitemmodeltester.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

#include <memory>

using namespace Tapi;

namespace {
// Attaches testers for the lifetime of a test, reporting through QtTest.
struct Testers
{
    explicit Testers(CallEngine &engine)
        : sessions(std::make_unique<QAbstractItemModelTester>(
            engine.sessions(), QAbstractItemModelTester::FailureReportingMode::QtTest))
        , conferences(std::make_unique<QAbstractItemModelTester>(
              engine.conferences(), QAbstractItemModelTester::FailureReportingMode::QtTest))
    { }
    std::unique_ptr<QAbstractItemModelTester> sessions;
    std::unique_ptr<QAbstractItemModelTester> conferences;
};

QVariant sessionData(SessionModel *model, CallSession *session, int role)
{
    return model->data(model->index(model->rowOf(session)), role);
}

// dataChanged emissions for one row that include a role.
int changesFor(const QSignalSpy &spy, int row, int role)
{
    int count = 0;
    for (const QList<QVariant> &args : spy) {
        const QModelIndex topLeft = args.at(0).toModelIndex();
        const QModelIndex bottomRight = args.at(1).toModelIndex();
        const QList<int> roles = args.at(2).value<QList<int>>();
        if (topLeft.row() <= row && row <= bottomRight.row() && (roles.isEmpty() || roles.contains(role)))
            ++count;
    }
    return count;
}
} // namespace

class TestSessionModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lifecycle();
    void handles();
    void conference();
    void conferenceCollapse();
    void lineClose();
};

void TestSessionModel::lifecycle()
{
    SimFixture fx;
    Testers testers(fx.engine());
    SessionModel *model = fx.engine().sessions();
    QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(model, &QAbstractItemModel::dataChanged);
    QSignalSpy count(model, &SessionModel::countChanged);

    CallSession *a = fx.offer(QStringLiteral("alice"));
    QVERIFY(a);
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(count.size(), 1);
    QCOMPARE(model->sessionAt(0), a);
    QCOMPARE(model->rowOf(a), 0);
    QCOMPARE(sessionData(model, a, SessionModel::SessionRole).value<CallSession *>(), a);
    QCOMPARE(sessionData(model, a, SessionModel::SessionIdRole).toInt(), a->sessionId());
    QCOMPARE(sessionData(model, a, SessionModel::StateRole).toInt(), int(Offering));
    QCOMPARE(sessionData(model, a, SessionModel::StateNameRole).toString(), QStringLiteral("OFFERING"));
    QCOMPARE(sessionData(model, a, SessionModel::ModeNameRole).toString(), QStringLiteral("ACTIVE"));
    QCOMPARE(sessionData(model, a, SessionModel::RemoteNumberRole).toString(), QStringLiteral("2001"));
    QCOMPARE(sessionData(model, a, SessionModel::RemoteNameRole).toString(), QStringLiteral("Alice Archer"));
    QCOMPARE(sessionData(model, a, SessionModel::LineIdRole).toString(),
             QString::fromLatin1(SimFixture::DefaultLineId));
    QCOMPARE(sessionData(model, a, SessionModel::DirectionRole).toInt(), int(Inbound));
    QCOMPARE(sessionData(model, a, SessionModel::PrivilegeRole).toInt(), int(PrivilegeOwner));
    QVERIFY(sessionData(model, a, SessionModel::FeaturesRole).toInt() & FeatureAnswer);
    QVERIFY(model->roleNames().contains(SessionModel::StateNameRole));

    changed.clear();
    QCOMPARE(fx.completionOf(a->answer()), int(Success));
    QVERIFY(changesFor(changed, 0, SessionModel::StateRole) >= 1);
    QCOMPARE(sessionData(model, a, SessionModel::StateRole).toInt(), int(Connected));
    QVERIFY(sessionData(model, a, SessionModel::ConnectedAtRole).toDateTime().isValid());

    QVERIFY(fx.sim().remoteUserUserInfo(QStringLiteral("alice"), "queue 7"));
    fx.settle();
    QCOMPARE(sessionData(model, a, SessionModel::UserUserInfoTextRole).toString(), QStringLiteral("queue 7"));

    QVERIFY(fx.sim().remoteHangup(QStringLiteral("alice"), DisconnectBusy));
    fx.settle();
    QCOMPARE(sessionData(model, a, SessionModel::StateRole).toInt(), int(Disconnected));
    QCOMPARE(sessionData(model, a, SessionModel::DisconnectModeRole).toInt(), int(DisconnectBusy));

    changed.clear();
    QCOMPARE(fx.completionOf(a->drop(QByteArray())), int(Success));
    QCOMPARE(changesFor(changed, 0, SessionModel::StateRole), 1);
    QCOMPARE(sessionData(model, a, SessionModel::StateRole).toInt(), int(Idle));
    QCOMPARE(model->rowCount(), 1); // a dropped session stays until it is terminated

    // A second session goes after the first; terminating the first shifts it up.
    CallSession *b = fx.dialOut(fx.peerNumber(QStringLiteral("bob")));
    QVERIFY(b);
    QCOMPARE(model->rowOf(b), 1);
    QCOMPARE(sessionData(model, b, SessionModel::DirectionRole).toInt(), int(Outbound));
    QCOMPARE(a->terminate(), int(Success));
    QCOMPARE(removed.size(), 1);
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->rowOf(a), -1);
    QCOMPARE(model->rowOf(b), 0);
    QCOMPARE(model->sessionAt(1), nullptr);

    // Changes to a freed session reach no row.
    fx.settle();
    changed.clear();
    QCOMPARE(fx.completionOf(b->drop(QByteArray())), int(Success));
    QCOMPARE(changesFor(changed, 0, SessionModel::StateRole), 1);
    QCOMPARE(b->terminate(), int(Success));
    QCOMPARE(model->rowCount(), 0);
    QCOMPARE(count.size(), 4);
}

void TestSessionModel::handles()
{
    SimFixture fx;
    Testers testers(fx.engine());
    SessionModel *model = fx.engine().sessions();
    CallSession *a = fx.stage(SimFixture::StageConnected);
    QVERIFY(a);
    CallSession *m = a->openHandle(PrivilegeMonitor);
    QVERIFY(m);
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(sessionData(model, m, SessionModel::PrivilegeRole).toInt(), int(PrivilegeMonitor));
    QCOMPARE(sessionData(model, m, SessionModel::StateRole).toInt(), int(Connected));
    QCOMPARE(sessionData(model, m, SessionModel::FeaturesRole).toInt(), 0); // a monitor can do nothing
    QCOMPARE(m->terminate(), int(Success));
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->sessionAt(0), a);
}

void TestSessionModel::conference()
{
    SimFixture fx;
    Testers testers(fx.engine());
    SessionModel *sessions = fx.engine().sessions();
    ConferenceModel *conferences = fx.engine().conferences();
    QSignalSpy conferenceChanged(conferences, &QAbstractItemModel::dataChanged);

    const SimFixture::Conference conf = fx.conference({QStringLiteral("alice"), QStringLiteral("bob")});
    QVERIFY(conf.parent);
    QCOMPARE(sessions->rowCount(), 3); // A, C, K (now B)
    QCOMPARE(conferences->rowCount(), 1);
    QCOMPARE(conferences->conferenceAt(0), conf.parent);
    const QModelIndex row = conferences->index(0);
    QCOMPARE(conferences->data(row, ConferenceModel::SessionIdRole).toInt(), conf.parent->sessionId());
    QCOMPARE(conferences->data(row, ConferenceModel::StateRole).toInt(), int(Connected));
    QCOMPARE(conferences->data(row, ConferenceModel::MemberCountRole).toInt(), 2);
    QCOMPARE(conferences->data(row, ConferenceModel::MembersRole).value<QList<CallSession *>>(),
             conf.members);
    QVERIFY(conferenceChanged.size() >= 1);
    QVERIFY(sessionData(sessions, conf.parent, SessionModel::IsConferenceRole).toBool());
    for (CallSession *member : conf.members) {
        QCOMPARE(sessionData(sessions, member, SessionModel::ConferenceParentIdRole).toInt(),
                 conf.parent->sessionId());
        QVERIFY(!sessionData(sessions, member, SessionModel::IsConferenceRole).toBool());
    }

    // A third party: prepare, dial, add.
    const int mark = fx.addedMark();
    QCOMPARE(fx.completionOf(conf.parent->prepareAddToConference()), int(Success));
    QCOMPARE(conferences->data(row, ConferenceModel::StateRole).toInt(), int(OnHoldPendConf));
    CallSession *k = fx.sessionsAddedSince(mark).value(0);
    QVERIFY(k);
    QVERIFY(fx.dialAndConnect(k, QStringLiteral("carol")));
    conferenceChanged.clear();
    QCOMPARE(fx.completionOf(conf.parent->addToConference(k)), int(Success));
    QCOMPARE(conferences->data(row, ConferenceModel::MemberCountRole).toInt(), 3);
    QVERIFY(changesFor(conferenceChanged, 0, ConferenceModel::MemberCountRole) >= 1);

    // Drop the whole conference: parties and parent IDLE, rows stay until terminated.
    QCOMPARE(fx.completionOf(conf.parent->drop(QByteArray())), int(Success));
    QCOMPARE(conferences->data(row, ConferenceModel::StateRole).toInt(), int(Idle));
    QCOMPARE(conferences->data(row, ConferenceModel::MemberCountRole).toInt(), 0);
    QCOMPARE(sessions->rowCount(), 4);
    QCOMPARE(conf.parent->terminate(), int(Success));
    QCOMPARE(conferences->rowCount(), 0);
    const QList<CallSession *> rest = fx.engine().sessionList();
    for (CallSession *session : rest)
        QCOMPARE(session->terminate(), int(Success));
    QCOMPARE(sessions->rowCount(), 0);
}

void TestSessionModel::conferenceCollapse()
{
    SimFixture fx;
    Testers testers(fx.engine());
    ConferenceModel *conferences = fx.engine().conferences();
    const SimFixture::Conference conf = fx.conference({QStringLiteral("alice"), QStringLiteral("bob")});
    QVERIFY(conf.parent);
    QSignalSpy changed(conferences, &QAbstractItemModel::dataChanged);
    QCOMPARE(fx.completionOf(conf.members.at(1)->drop(QByteArray())), int(Success));
    const QModelIndex row = conferences->index(0);
    QCOMPARE(conferences->data(row, ConferenceModel::StateRole).toInt(), int(Idle));
    QCOMPARE(conferences->data(row, ConferenceModel::MemberCountRole).toInt(), 0);
    QVERIFY(changesFor(changed, 0, ConferenceModel::StateRole) >= 1);
    QCOMPARE(conf.members.at(0)->state(), int(Connected));

    // A second handle onto the parent is a second conference row; freeing the original keeps it.
    CallSession *again = conf.parent->openHandle(PrivilegeOwner);
    QVERIFY(again);
    QCOMPARE(conferences->rowCount(), 2);
    QCOMPARE(conf.parent->terminate(), int(Success));
    QCOMPARE(conferences->rowCount(), 1);
    QCOMPARE(conferences->conferenceAt(0), again);
}

void TestSessionModel::lineClose()
{
    SimFixture fx;
    Testers testers(fx.engine());
    SessionModel *sessions = fx.engine().sessions();
    ConferenceModel *conferences = fx.engine().conferences();
    const SimFixture::Conference conf = fx.conference({QStringLiteral("alice"), QStringLiteral("bob")});
    QVERIFY(conf.parent);
    QVERIFY(fx.offer(QStringLiteral("carol")));
    QCOMPARE(sessions->rowCount(), 4);
    fx.line()->close();
    QCOMPARE(sessions->rowCount(), 0);
    QCOMPARE(conferences->rowCount(), 0);
    fx.settle();
}

QTEST_GUILESS_MAIN(TestSessionModel)
#include "tst_session_model.moc"
