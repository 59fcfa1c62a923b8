// FloorFilterModel over FloorModel, fed the bucket's entries directly through an unstarted FloorLink's
// entryChanged (no server): filters by team, agent state and line, each sort key both ways, and the view
// following the floor as agents change, come and go.
#include "floor/FloorFilterModel.h"
#include "floor/FloorLink.h"
#include "floor/FloorModel.h"

#include <QtCore/qjsonarray.h>
#include <QtCore/qjsondocument.h>
#include <QtCore/qjsonobject.h>
#include <QtTest/qabstractitemmodeltester.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

namespace {
struct AgentRow
{
    QString id;
    QString name;
    QString team;
    QString state;
    qint64 sinceMs;
    QStringList callLines; // one call per entry
};

// Arrival order: a3, a1, a5, a2, a4 (not the ids' nor the names' order).
const QList<AgentRow> floorAgents {
    {QStringLiteral("a3"),
     QStringLiteral("Cy"),
     QStringLiteral("north"),
     QStringLiteral("WrapUp"),
     2000,
     {QStringLiteral("sim/desk"), QStringLiteral("sip/1")}},
    {QStringLiteral("a1"),
     QStringLiteral("Ana"),
     QStringLiteral("north"),
     QStringLiteral("Ready"),
     1000,
     {QStringLiteral("sim/desk")}},
    {QStringLiteral("a5"), QStringLiteral("Eve"), QString(), QStringLiteral("Offline"), 4000, {}},
    {QStringLiteral("a2"),
     QStringLiteral("Bo"),
     QStringLiteral("south"),
     QStringLiteral("NotReady"),
     3000,
     {}},
    {QStringLiteral("a4"),
     QStringLiteral("Dee"),
     QStringLiteral("south"),
     QStringLiteral("Ready"),
     500,
     {QStringLiteral("sip/1")}},
};

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

void publishAgent(FloorLink &link, const AgentRow &agent)
{
    Q_EMIT link.entryChanged(QStringLiteral("agent.") + agent.id,
                             json({{QStringLiteral("id"), agent.id},
                                   {QStringLiteral("name"), agent.name},
                                   {QStringLiteral("team"), agent.team},
                                   {QStringLiteral("state"), agent.state},
                                   {QStringLiteral("reason"), QString()},
                                   {QStringLiteral("stateSinceMs"), agent.sinceMs},
                                   {QStringLiteral("onCall"), !agent.callLines.isEmpty()}}),
                             false);
}

void publishCall(FloorLink &link, const QString &agentId, int sessionId, const QString &line)
{
    Q_EMIT link.entryChanged(QStringLiteral("call.%1.%2").arg(agentId).arg(sessionId),
                             json({{QStringLiteral("agentId"), agentId},
                                   {QStringLiteral("sessionId"), sessionId},
                                   {QStringLiteral("line"), line},
                                   {QStringLiteral("state"), QStringLiteral("CONNECTED")},
                                   {QStringLiteral("stateCode"), 0x100},
                                   {QStringLiteral("conference"), 0},
                                   {QStringLiteral("members"), QJsonArray()}}),
                             false);
}

QStringList idsOf(const FloorFilterModel &view)
{
    QStringList ids;
    for (int row = 0; row < view.rowCount(); ++row)
        ids << view.agentIdAt(row);
    return ids;
}
} // namespace

class TestFloorFilter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void view_data();
    void view();
    void followsTheFloor();
    void filtersFromTheFloor();
    void figuresFollowEachChange_data();
    void figuresFollowEachChange();

private:
    std::unique_ptr<FloorLink> m_link;
    std::unique_ptr<FloorModel> m_model;
    std::unique_ptr<FloorFilterModel> m_view;
    std::unique_ptr<QAbstractItemModelTester> m_modelTester;
    std::unique_ptr<QAbstractItemModelTester> m_viewTester;
};

void TestFloorFilter::init()
{
    m_link = std::make_unique<FloorLink>(nullptr);
    m_model = std::make_unique<FloorModel>(m_link.get());
    m_model->setClock([] { return qint64(5000); });
    m_modelTester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_view = std::make_unique<FloorFilterModel>();
    m_view->setSourceModel(m_model.get());
    m_viewTester = std::make_unique<QAbstractItemModelTester>(
        m_view.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    int sessionId = 1;
    for (const AgentRow &agent : floorAgents) {
        publishAgent(*m_link, agent);
        for (const QString &line : agent.callLines)
            publishCall(*m_link, agent.id, sessionId++, line);
    }
    QCOMPARE(m_model->rowCount(), int(floorAgents.size()));
}

void TestFloorFilter::cleanup()
{
    m_viewTester.reset();
    m_view.reset();
    m_modelTester.reset();
    m_model.reset();
    m_link.reset();
}

void TestFloorFilter::view_data()
{
    QTest::addColumn<QString>("team");
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("line");
    QTest::addColumn<FloorFilterModel::SortKey>("key");
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::addColumn<QStringList>("expected");

    const auto ids = [](const char *list) {
        return QString::fromLatin1(list).split(u' ', Qt::SkipEmptyParts);
    };
    const QString all;
    const auto up = Qt::AscendingOrder;
    const auto down = Qt::DescendingOrder;
    QTest::newRow("everyone by arrival")
        << all << all << all << FloorFilterModel::ByArrival << up << ids("a3 a1 a5 a2 a4");
    QTest::newRow("by arrival, newest first")
        << all << all << all << FloorFilterModel::ByArrival << down << ids("a4 a2 a5 a1 a3");
    QTest::newRow("by name") << all << all << all << FloorFilterModel::ByName << up << ids("a1 a2 a3 a4 a5");
    QTest::newRow("by name, Z to A") << all << all << all << FloorFilterModel::ByName << down
                                     << ids("a5 a4 a3 a2 a1");
    QTest::newRow("by state (Ready, Not ready, Wrap-up, Offline; ties by arrival)")
        << all << all << all << FloorFilterModel::ByState << up << ids("a1 a4 a2 a3 a5");
    QTest::newRow("by time in state, shortest first")
        << all << all << all << FloorFilterModel::ByTimeInState << up << ids("a5 a2 a3 a1 a4");
    QTest::newRow("by time in state, longest first")
        << all << all << all << FloorFilterModel::ByTimeInState << down << ids("a4 a1 a3 a2 a5");
    QTest::newRow("by call count (ties by arrival)")
        << all << all << all << FloorFilterModel::ByCallCount << up << ids("a5 a2 a1 a4 a3");
    QTest::newRow("team north") << QStringLiteral("north") << all << all << FloorFilterModel::ByArrival << up
                                << ids("a3 a1");
    QTest::newRow("team south by name")
        << QStringLiteral("south") << all << all << FloorFilterModel::ByName << up << ids("a2 a4");
    QTest::newRow("no such team") << QStringLiteral("west") << all << all << FloorFilterModel::ByArrival << up
                                  << QStringList();
    QTest::newRow("Ready") << all << QStringLiteral("Ready") << all << FloorFilterModel::ByArrival << up
                           << ids("a1 a4");
    QTest::newRow("Ready in team south") << QStringLiteral("south") << QStringLiteral("Ready") << all
                                         << FloorFilterModel::ByArrival << up << ids("a4");
    QTest::newRow("on line sim/desk")
        << all << all << QStringLiteral("sim/desk") << FloorFilterModel::ByArrival << up << ids("a3 a1");
    QTest::newRow("on line sip/1 by name, Z to A")
        << all << all << QStringLiteral("sip/1") << FloorFilterModel::ByName << down << ids("a4 a3");
    QTest::newRow("team, state and line")
        << QStringLiteral("north") << QStringLiteral("WrapUp") << QStringLiteral("sip/1")
        << FloorFilterModel::ByArrival << up << ids("a3");
}

void TestFloorFilter::view()
{
    QFETCH(QString, team);
    QFETCH(QString, state);
    QFETCH(QString, line);
    QFETCH(FloorFilterModel::SortKey, key);
    QFETCH(Qt::SortOrder, order);
    QFETCH(QStringList, expected);

    QSignalSpy filter(m_view.get(), &FloorFilterModel::filterChanged);
    QSignalSpy sort(m_view.get(), &FloorFilterModel::sortChanged);
    m_view->setTeam(team);
    m_view->setState(state);
    m_view->setLine(line);
    m_view->setSortKey(key);
    m_view->setSortOrder(order);
    QCOMPARE(filter.count(), int(!team.isEmpty()) + int(!state.isEmpty()) + int(!line.isEmpty()));
    QCOMPARE(sort.count(), int(key != FloorFilterModel::ByArrival) + int(order != Qt::AscendingOrder));
    QCOMPARE(idsOf(*m_view), expected);
    QCOMPARE(m_view->count(), expected.size());

    // Cleared, every agent is back (in the chosen order).
    m_view->setTeam({});
    m_view->setState({});
    m_view->setLine({});
    QCOMPARE(m_view->rowCount(), int(floorAgents.size()));
}

void TestFloorFilter::followsTheFloor()
{
    m_view->setState(QStringLiteral("Ready"));
    m_view->setSortKey(FloorFilterModel::ByName);
    QCOMPARE(idsOf(*m_view), (QStringList {QStringLiteral("a1"), QStringLiteral("a4")}));
    QSignalSpy count(m_view.get(), &FloorFilterModel::countChanged);

    // Bo becomes Ready: in, in name order.
    AgentRow bo = floorAgents.at(3);
    bo.state = QStringLiteral("Ready");
    publishAgent(*m_link, bo);
    QCOMPARE(idsOf(*m_view),
             (QStringList {QStringLiteral("a1"), QStringLiteral("a2"), QStringLiteral("a4")}));
    QCOMPARE(count.count(), 1);

    // Ana renamed Zoe: moves to the end.
    AgentRow ana = floorAgents.at(1);
    ana.name = QStringLiteral("Zoe");
    publishAgent(*m_link, ana);
    QCOMPARE(idsOf(*m_view),
             (QStringList {QStringLiteral("a2"), QStringLiteral("a4"), QStringLiteral("a1")}));

    // Dee leaves the floor; a new Ready agent arrives.
    Q_EMIT m_link->entryChanged(QStringLiteral("agent.a4"), {}, true);
    publishAgent(*m_link,
                 {QStringLiteral("a6"),
                  QStringLiteral("Ben"),
                  QStringLiteral("south"),
                  QStringLiteral("Ready"),
                  4500,
                  {}});
    QCOMPARE(idsOf(*m_view),
             (QStringList {QStringLiteral("a6"), QStringLiteral("a2"), QStringLiteral("a1")}));
    QCOMPARE(count.count(), 3);

    // A line filter follows the calls: a call on sip/1 brings Bo in, its end takes him out.
    m_view->setState({});
    m_view->setLine(QStringLiteral("sip/1"));
    QCOMPARE(idsOf(*m_view), (QStringList {QStringLiteral("a3")}));
    publishCall(*m_link, QStringLiteral("a2"), 40, QStringLiteral("sip/1"));
    QCOMPARE(idsOf(*m_view), (QStringList {QStringLiteral("a2"), QStringLiteral("a3")}));
    Q_EMIT m_link->entryChanged(QStringLiteral("call.a2.40"), {}, true);
    QCOMPARE(idsOf(*m_view), (QStringList {QStringLiteral("a3")}));
}

void TestFloorFilter::filtersFromTheFloor()
{
    // What the view offers to filter on: the floor's teams and lines, sorted, without empty names.
    QCOMPARE(m_model->teams(), (QStringList {QStringLiteral("north"), QStringLiteral("south")}));
    QCOMPARE(m_model->lines(), (QStringList {QStringLiteral("sim/desk"), QStringLiteral("sip/1")}));
    QSignalSpy figures(m_model.get(), &FloorModel::figuresChanged);
    publishAgent(*m_link,
                 {QStringLiteral("a7"),
                  QStringLiteral("Gus"),
                  QStringLiteral("east"),
                  QStringLiteral("Ready"),
                  100,
                  {}});
    QCOMPARE(figures.count(), 1);
    QCOMPARE(m_model->teams(),
             (QStringList {QStringLiteral("east"), QStringLiteral("north"), QStringLiteral("south")}));
    const int row = m_model->rowOf(QStringLiteral("a3"));
    QCOMPARE(m_model->data(m_model->index(row), FloorModel::LinesRole).toStringList(),
             (QStringList {QStringLiteral("sim/desk"), QStringLiteral("sip/1")}));
    QCOMPARE(m_model->data(m_model->index(row), FloorModel::TeamRole).toString(), QStringLiteral("north"));
}

void TestFloorFilter::figuresFollowEachChange_data()
{
    // The figures are kept per agent and updated by each entry: every kind of change must take the old
    // share out and put the new one in (the floor of init: 4 calls, a3 on sim/desk and sip/1, a1 on
    // sim/desk, a4 on sip/1).
    QTest::addColumn<QString>("step");
    QTest::addColumn<QVariantMap>("perState");
    QTest::addColumn<QStringList>("teams");
    QTest::addColumn<QStringList>("lines");
    QTest::addColumn<int>("calls");
    const QString north = QStringLiteral("north"), south = QStringLiteral("south");
    const QString desk = QStringLiteral("sim/desk"), sip = QStringLiteral("sip/1");
    const auto states = [](int ready, int notReady, int wrapUp, int offline) {
        QVariantMap map;
        const QList<QPair<QString, int>> counts {{QStringLiteral("Ready"), ready},
                                                 {QStringLiteral("NotReady"), notReady},
                                                 {QStringLiteral("WrapUp"), wrapUp},
                                                 {QStringLiteral("Offline"), offline}};
        for (const auto &[state, count] : counts) {
            if (count > 0)
                map.insert(state, count);
        }
        return map;
    };
    QTest::newRow("agent changes state")
        << "state" << states(1, 2, 1, 1) << QStringList {north, south} << QStringList {desk, sip} << 4;
    QTest::newRow("agent changes team")
        << "team" << states(2, 1, 1, 1) << QStringList {QStringLiteral("east"), north, south}
        << QStringList {desk, sip} << 4;
    QTest::newRow("call ends") << "callEnds" << states(2, 1, 1, 1) << QStringList {north, south}
                               << QStringList {desk, sip} << 3;
    QTest::newRow("last call on a line ends")
        << "lineEnds" << states(2, 1, 1, 1) << QStringList {north, south} << QStringList {desk} << 2;
    QTest::newRow("first agent leaves")
        << "firstLeaves" << states(2, 1, 0, 1) << QStringList {north, south} << QStringList {desk, sip} << 2;
    QTest::newRow("last of a team leaves")
        << "teamLeaves" << states(1, 0, 1, 1) << QStringList {north} << QStringList {desk, sip} << 3;
    QTest::newRow("agent known by a call arrives")
        << "callFirst" << states(3, 1, 1, 1) << QStringList {north, south, QStringLiteral("west")}
        << QStringList {desk, sip, QStringLiteral("sip/9")} << 5;
}

void TestFloorFilter::figuresFollowEachChange()
{
    QFETCH(QString, step);
    QFETCH(QVariantMap, perState);
    QFETCH(QStringList, teams);
    QFETCH(QStringList, lines);
    QFETCH(int, calls);
    const auto remove = [this](const QString &key) {
        Q_EMIT m_link->entryChanged(key, {}, true);
    };
    if (step == QLatin1String("state")) {
        publishAgent(*m_link,
                     {QStringLiteral("a1"),
                      QStringLiteral("Ana"),
                      QStringLiteral("north"),
                      QStringLiteral("NotReady"),
                      1000,
                      {}});
    } else if (step == QLatin1String("team")) {
        publishAgent(*m_link,
                     {QStringLiteral("a2"),
                      QStringLiteral("Bo"),
                      QStringLiteral("east"),
                      QStringLiteral("NotReady"),
                      3000,
                      {}});
    } else if (step == QLatin1String("callEnds")) {
        remove(QStringLiteral("call.a1.3"));
    } else if (step == QLatin1String("lineEnds")) {
        remove(QStringLiteral("call.a3.2"));
        remove(QStringLiteral("call.a4.4"));
    } else if (step == QLatin1String("firstLeaves")) {
        remove(QStringLiteral("agent.a3")); // row 0, with two calls
    } else if (step == QLatin1String("teamLeaves")) {
        remove(QStringLiteral("agent.a2"));
        remove(QStringLiteral("agent.a4"));
    } else if (step == QLatin1String("callFirst")) {
        publishCall(*m_link, QStringLiteral("a6"), 9, QStringLiteral("sip/9"));
        QCOMPARE(m_model->callsInProgress(), 4); // no agent entry yet: not on the floor
        publishAgent(*m_link,
                     {QStringLiteral("a6"),
                      QStringLiteral("Fay"),
                      QStringLiteral("west"),
                      QStringLiteral("Ready"),
                      100,
                      {}});
    }
    QCOMPARE(m_model->agentsPerState(), perState);
    QCOMPARE(m_model->teams(), teams);
    QCOMPARE(m_model->lines(), lines);
    QCOMPARE(m_model->callsInProgress(), calls);
    for (int row = 0; row < m_model->rowCount(); ++row)
        QCOMPARE(m_model->rowOf(m_model->data(m_model->index(row), FloorModel::AgentIdRole).toString()), row);
}

QTEST_GUILESS_MAIN(TestFloorFilter)
#include "tst_floor_filter.moc"
