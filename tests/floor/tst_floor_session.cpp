// The supervisor's handles onto other agents' calls (FloorSession, from FloorModel), fed the bucket's entries
// through an unstarted FloorLink's entryChanged (no server): each is a MONITOR handle whatever the agent's
// own privilege, follows the published call, and keeps TAPI's rule: its own drop and reject are NOTOWNER
// (INVALCALLHANDLE once the call left the floor) and send nothing, while its supervisor actions are
// requests whose outcome comes back on the handle first, then on the model. tst_floor runs the same
// requests against a real server and an agent's console.
#include "core/Tapi.h"
#include "floor/FloorLink.h"
#include "floor/FloorModel.h"
#include "floor/FloorSession.h"

#include <QtCore/qjsonarray.h>
#include <QtCore/qjsondocument.h>
#include <QtCore/qjsonobject.h>
#include <QtCore/qpointer.h>
#include <QtTest/qabstractitemmodeltester.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

#include <memory>

using namespace Tapi;

namespace {
QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject callEntry(int sessionId, int state, const QString &privilege, int conference = 0,
                      const QList<int> &members = {})
{
    QJsonArray memberIds;
    for (int member : members)
        memberIds.append(member);
    return {{QStringLiteral("agentId"), QStringLiteral("a1")},
            {QStringLiteral("sessionId"), sessionId},
            {QStringLiteral("line"), QStringLiteral("sim/desk")},
            {QStringLiteral("state"), Tapi::stateName(state)},
            {QStringLiteral("stateCode"), state},
            {QStringLiteral("privilege"), privilege},
            {QStringLiteral("remoteNumber"), QStringLiteral("200%1").arg(sessionId)},
            {QStringLiteral("remoteName"), QString()},
            {QStringLiteral("offeredMs"), 1000},
            {QStringLiteral("connectedMs"), state == Connected ? 2000 : 0},
            {QStringLiteral("isConference"), !members.isEmpty()},
            {QStringLiteral("conference"), conference},
            {QStringLiteral("members"), memberIds}};
}
} // namespace

class TestFloorSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void monitorHandle_data();
    void monitorHandle();
    void ownVerbsAreNotOwner_data();
    void ownVerbsAreNotOwner();
    void requestsComeBack_data();
    void requestsComeBack();
    void followsThePublishedCall();
    void conferencesHoldTheHandles();

private:
    void publishAgent(const QString &name);
    void publishCall(const QJsonObject &call);
    void removeCall(int sessionId);

    std::unique_ptr<FloorLink> m_link;
    std::unique_ptr<FloorModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestFloorSession::init()
{
    m_link = std::make_unique<FloorLink>(nullptr); // unstarted: requests answer "not connected"
    m_model = std::make_unique<FloorModel>(m_link.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    publishAgent(QStringLiteral("Ana"));
}

void TestFloorSession::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_link.reset();
}

void TestFloorSession::publishAgent(const QString &name)
{
    Q_EMIT m_link->entryChanged(QStringLiteral("agent.a1"),
                                json({{QStringLiteral("id"), QStringLiteral("a1")},
                                      {QStringLiteral("name"), name},
                                      {QStringLiteral("state"), QStringLiteral("Ready")},
                                      {QStringLiteral("stateSinceMs"), 1000}}),
                                false);
}

void TestFloorSession::publishCall(const QJsonObject &call)
{
    Q_EMIT m_link->entryChanged(
        QStringLiteral("call.a1.%1").arg(call.value(QStringLiteral("sessionId")).toInt()), json(call), false);
}

void TestFloorSession::removeCall(int sessionId)
{
    Q_EMIT m_link->entryChanged(QStringLiteral("call.a1.%1").arg(sessionId), {}, true);
}

void TestFloorSession::monitorHandle_data()
{
    QTest::addColumn<QString>("published"); // the agent's own handle's privilege
    QTest::addColumn<int>("ownerPrivilege");
    QTest::newRow("the agent owns the call") << QStringLiteral("OWNER") << int(PrivilegeOwner);
    QTest::newRow("the agent only monitors it") << QStringLiteral("MONITOR") << int(PrivilegeMonitor);
}

void TestFloorSession::monitorHandle()
{
    QFETCH(QString, published);
    QFETCH(int, ownerPrivilege);
    publishCall(callEntry(7, Connected, published));
    FloorSession *session = m_model->session(QStringLiteral("a1"), 7);
    QVERIFY(session);
    QCOMPARE(session->privilege(), PrivilegeMonitor);
    QCOMPARE(int(session->ownerPrivilege()), ownerPrivilege);
    QCOMPARE(int(session->features()), 0); // no call features: a monitor may not act on the call itself
    QVERIFY(session->isValid());
    QCOMPARE(session->agentId(), QStringLiteral("a1"));
    QCOMPARE(session->agentName(), QStringLiteral("Ana"));
    QCOMPARE(session->sessionId(), 7);
    QCOMPARE(session->state(), Connected);
    QCOMPARE(session->remoteNumber(), QStringLiteral("2007"));
    // The row's sessions role holds the same handle.
    const QVariantList sessions =
        m_model->data(m_model->index(m_model->rowOf(QStringLiteral("a1"))), FloorModel::SessionsRole)
            .toList();
    QCOMPARE(sessions.size(), 1);
    QCOMPARE(sessions.at(0).value<FloorSession *>(), session);
    QVERIFY(!m_model->session(QStringLiteral("a1"), 8));
    QVERIFY(!m_model->session(QStringLiteral("a2"), 7));
}

void TestFloorSession::ownVerbsAreNotOwner_data()
{
    QTest::addColumn<QString>("verb");
    QTest::addColumn<int>("state");
    QTest::addColumn<bool>("gone"); // the call left the floor first
    QTest::addColumn<int>("result");
    QTest::newRow("drop a connected call")
        << QStringLiteral("drop") << int(Connected) << false << int(NotOwner);
    QTest::newRow("reject an offered call")
        << QStringLiteral("reject") << int(Offering) << false << int(NotOwner);
    QTest::newRow("drop a held call") << QStringLiteral("drop") << int(OnHold) << false << int(NotOwner);
    QTest::newRow("drop a call gone from the floor")
        << QStringLiteral("drop") << int(Connected) << true << int(InvalCallHandle);
    QTest::newRow("reject a call gone from the floor")
        << QStringLiteral("reject") << int(Offering) << true << int(InvalCallHandle);
}

void TestFloorSession::ownVerbsAreNotOwner()
{
    QFETCH(QString, verb);
    QFETCH(int, state);
    QFETCH(bool, gone);
    QFETCH(int, result);
    publishCall(callEntry(3, state, QStringLiteral("OWNER")));
    QPointer<FloorSession> session = m_model->session(QStringLiteral("a1"), 3);
    QVERIFY(session);
    QSignalSpy changed(session.data(), &FloorSession::changed);
    QSignalSpy valid(session.data(), &FloorSession::validChanged);
    QSignalSpy finished(session.data(), &FloorSession::requestFinished);
    QSignalSpy modelFinished(m_model.get(), &FloorModel::actionFinished);
    if (gone) {
        removeCall(3);
        QCOMPARE(valid.count(), 1);
        QVERIFY(!session->isValid());
        QVERIFY(!m_model->session(QStringLiteral("a1"), 3)); // the model let go of it
    }
    const int answer = verb == QLatin1String("drop") ? session->drop() : session->reject();
    QCOMPARE(answer, result);
    // Nothing was sent: a request sent now is the first and only one to come back (an unstarted link
    // answers each on the next turn, in order).
    publishCall(callEntry(4, Connected, QStringLiteral("OWNER")));
    FloorSession *other = m_model->session(QStringLiteral("a1"), 4);
    const qint64 token = other->requestEndCall();
    QVERIFY(modelFinished.wait(2000));
    QCOMPARE(modelFinished.count(), 1);
    QCOMPARE(modelFinished.at(0).at(0).toLongLong(), token);
    QCOMPARE(finished.count(), 0);
    QCOMPARE(changed.count(), 0);
    if (gone)
        QTRY_VERIFY(session.isNull()); // released once the event loop ran
}

void TestFloorSession::requestsComeBack_data()
{
    QTest::addColumn<QString>("action");
    QTest::newRow("drop party") << QStringLiteral("dropParty");
    QTest::newRow("drop conference") << QStringLiteral("dropConference");
    QTest::newRow("end call") << QStringLiteral("endCall");
}

void TestFloorSession::requestsComeBack()
{
    QFETCH(QString, action);
    publishCall(callEntry(10, Conferenced, QStringLiteral("OWNER"), 0, {11}));
    publishCall(callEntry(11, Conferenced, QStringLiteral("OWNER"), 10));
    FloorSession *session = m_model->session(QStringLiteral("a1"), 11);
    FloorSession *parent = m_model->session(QStringLiteral("a1"), 10);
    // One list, both objects: the handle's answer comes before the model's.
    QStringList order;
    connect(session, &FloorSession::requestFinished, this,
            [&](qint64, const QString &what, bool ok, const QString &, const QString &message, int error) {
                order << QStringLiteral("session %1 %2 %3 %4").arg(what).arg(ok).arg(message).arg(error);
            });
    connect(parent, &FloorSession::requestFinished, this,
            [&](qint64, const QString &what) { order << QStringLiteral("parent ") + what; });
    connect(m_model.get(), &FloorModel::actionFinished, this,
            [&](qint64, const QString &agentId, const QString &what, bool ok) {
                order << QStringLiteral("model %1 %2 %3").arg(agentId, what).arg(ok);
            });
    QSignalSpy finished(session, &FloorSession::requestFinished);
    const qint64 token = action == QLatin1String("dropParty") ? session->requestDropParty()
        : action == QLatin1String("dropConference")           ? session->requestDropConference()
                                                              : session->requestEndCall();
    QVERIFY(token > 0);
    QVERIFY(finished.wait(2000));
    QCOMPARE(finished.at(0).at(0).toLongLong(), token);
    QCOMPARE(order,
             QStringList({QStringLiteral("session %1 0 Not connected to the floor 0").arg(action),
                          QStringLiteral("model a1 %1 0").arg(action)}));
}

void TestFloorSession::followsThePublishedCall()
{
    publishCall(callEntry(5, Offering, QStringLiteral("OWNER")));
    FloorSession *session = m_model->session(QStringLiteral("a1"), 5);
    QStringList order;
    connect(session, &FloorSession::changed, this,
            [&] { order << QStringLiteral("changed ") + session->stateName(); });
    connect(session, &FloorSession::agentNameChanged, this,
            [&] { order << QStringLiteral("name ") + session->agentName(); });
    connect(session, &FloorSession::validChanged, this,
            [&] { order << QStringLiteral("valid %1").arg(session->isValid()); });
    publishCall(callEntry(5, Offering, QStringLiteral("OWNER"))); // rewritten, unchanged: nothing
    publishCall(callEntry(5, Connected, QStringLiteral("OWNER")));
    publishAgent(QStringLiteral("Ana Lima"));
    publishAgent(QString()); // no name: the id
    publishCall(callEntry(5, Idle, QStringLiteral("OWNER")));
    removeCall(5);
    QCOMPARE(
        order,
        QStringList({QStringLiteral("changed CONNECTED"), QStringLiteral("name Ana Lima"),
                     QStringLiteral("name a1"), QStringLiteral("changed IDLE"), QStringLiteral("valid 0")}));
    QCOMPARE(session->drop(), int(InvalCallHandle));
}

void TestFloorSession::conferencesHoldTheHandles()
{
    publishCall(callEntry(20, Conferenced, QStringLiteral("OWNER"), 0, {21, 22}));
    publishCall(callEntry(21, Conferenced, QStringLiteral("OWNER"), 20));
    publishCall(callEntry(22, Conferenced, QStringLiteral("OWNER"), 20));
    QCOMPARE(m_model->conferences().size(), 1);
    const QVariantMap conference = m_model->conferences().at(0).toMap();
    QCOMPARE(conference.value(QStringLiteral("session")).value<FloorSession *>(),
             m_model->session(QStringLiteral("a1"), 20));
    const QVariantList parties = conference.value(QStringLiteral("partySessions")).toList();
    QCOMPARE(parties.size(), 2);
    for (int i = 0; i < 2; ++i) {
        auto *party = parties.at(i).value<FloorSession *>();
        QCOMPARE(party, m_model->session(QStringLiteral("a1"), 21 + i));
        QVERIFY(party->isParty());
        QCOMPARE(party->conference(), 20);
        QCOMPARE(party->privilege(), PrivilegeMonitor);
    }
    QCOMPARE(m_model->session(QStringLiteral("a1"), 20)->members(), QList<int>({21, 22}));
    // The agent leaves the floor: every handle goes invalid.
    QPointer<FloorSession> party = m_model->session(QStringLiteral("a1"), 21);
    QSignalSpy valid(party.data(), &FloorSession::validChanged);
    Q_EMIT m_link->entryChanged(QStringLiteral("agent.a1"), {}, true);
    QCOMPARE(valid.count(), 1);
    QCOMPARE(party->drop(), int(InvalCallHandle));
    QTRY_VERIFY(party.isNull());
}

QTEST_GUILESS_MAIN(TestFloorSession)
#include "tst_floor_session.moc"
