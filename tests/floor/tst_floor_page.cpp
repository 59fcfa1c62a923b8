// The supervisor's floor page (ui/pages/FloorPage.qml) and the agent's notice (SupervisorNotice.qml), the
// compiled Hookline.Ui components offscreen, against a real nats-server: two agents' consoles (the real
// engine on the simulated switch; one holds a conference) and the supervisor's FloorLink and FloorModel as
// the QML singletons. The page shows the agents, their calls, the figures and the link's status in words;
// its filters and order act on the floor; a party dropped from the page leaves the agent's conference,
// the outcome shows on the page and the agent's console says what the supervisor did; a refused request
// shows why.
#include "FloorTestConsoles.h"
#include "NatsServer.h"
#include "floor/FloorCoaching.h"
#include "floor/FloorCoachingCaller.h"
#include "floor/FloorCoachingLegs.h"
#include "lines/Line.h"

#include "Accessibility.h"
#include "core/Tapi.h"
#include "core/UntrustedText.h"
#include "floor/FloorFilterModel.h"
#include "session/CallSession.h"
#include "settings/ConsoleSettings.h"

#include <QtCore/qjsonarray.h>
#include <QtCore/qset.h>
#include <QtCore/qsettings.h>
#include <QtCore/qtemporarydir.h>
#include <QtGui/qaccessible.h>
#include <QtQml/qqmlcomponent.h>
#include <QtQml/qqmlengine.h>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuick/qquickitem.h>
#include <QtQuick/qquickwindow.h>
#include <QtQuickControls2/qquickstyle.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

#include <memory>

Q_IMPORT_QML_PLUGIN(Hookline_UiPlugin)

using namespace FloorTest;

namespace {
const QByteArray pageQml = R"(
import QtQuick
import QtQuick.Controls
import Hookline.Ui
ApplicationWindow {
    width: 1280
    height: 800
    visible: true
    FloorPage { objectName: "page"; anchors.fill: parent }
    SupervisorNotice { objectName: "notice"; x: 20; y: 20 }
}
)";

// Visible items with this object name under root, in the visual tree (a view's delegates are not QObject
// children of the view), in tree order.
void collect(QQuickItem *item, const QString &name, QList<QQuickItem *> *found)
{
    if (!item->isVisible())
        return;
    if (item->objectName() == name)
        *found << item;
    for (QQuickItem *child : item->childItems())
        collect(child, name, found);
}

QList<QQuickItem *> itemsNamed(QObject *root, const QString &name)
{
    QList<QQuickItem *> found;
    auto *item = qobject_cast<QQuickItem *>(root);
    if (!item) {
        if (auto *window = qobject_cast<QQuickWindow *>(root))
            item = window->contentItem();
    }
    if (item)
        collect(item, name, &found);
    return found;
}

QString textOf(QObject *item)
{
    return item ? item->property("text").toString() : QString();
}
} // namespace

class TestFloorPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void showsTheFloor();
    void filtersAndOrder();
    void dropPartyFromThePage();
    void dropConferenceFromTheConferences();
    void refusedRequestSaysWhy();
    void noticeNamesTheSupervisor_data();
    void noticeNamesTheSupervisor();
    void statusInWords();
    void coachingActions();
    void coachingNotice_data();
    void coachingNotice();
    void coachingOnTheCards();
    void coachingModesAndStop();
    void noticeWhenTheSupervisorLeaves_data();
    void noticeWhenTheSupervisorLeaves();

private:
    // The page's row of a call: the FloorCallRow whose party reads `party`, in the agents' list.
    QQuickItem *callRow(const QString &party, const QString &agent = QStringLiteral("Ana")) const;
    QString parties() const;
    QObject *page() const { return m_window->findChild<QObject *>(QStringLiteral("page")); }
    FloorFilterModel *view() const
    {
        return m_window->findChild<FloorFilterModel *>(QStringLiteral("floorView"));
    }
    bool press(QQuickItem *control) const;
    void settleAgents();

    // The settings the pages read (the theme): defaults, in a file of the test's own.
    QTemporaryDir m_settingsDir;
    std::unique_ptr<QSettings> m_userSettings;
    std::unique_ptr<ConsoleSettings> m_settings;
    std::unique_ptr<QTemporaryDir> m_store;
    std::unique_ptr<NatsServer> m_server;
    std::unique_ptr<AgentConsole> m_ana; // a conference of alice, bob and carol; team north
    std::unique_ptr<AgentConsole> m_bo; // one call from alice; team south; takes requests from "boss" only
    std::unique_ptr<Supervisor> m_supervisor;
    // Bo's console takes coaching (up to barge, by the test's settings) and answers the legs; the notice
    // reads these legs (FloorCoachingLegs' QML instance).
    std::unique_ptr<FloorCoaching> m_boCoaching;
    std::unique_ptr<FloorCoachingLegs> m_boLegs;
    SimFixture::Conference m_conference;
    std::unique_ptr<QQmlEngine> m_qml;
    std::unique_ptr<QObject> m_window;
};

void TestFloorPage::initTestCase()
{
    QQuickStyle::setStyle(QStringLiteral("Fusion"));
    hookline::ui::installAccessibility();
    m_userSettings = std::make_unique<QSettings>(m_settingsDir.filePath(QStringLiteral("hookline.conf")),
                                                 QSettings::IniFormat);
    m_settings = std::make_unique<ConsoleSettings>(m_userSettings.get(), QString(), nullptr);
    ConsoleSettings::setQmlInstance(m_settings.get());
}

void TestFloorPage::init()
{
    m_store = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<NatsServer>();
    QVERIFY2(m_server->start(m_store->path()), qPrintable(m_server->log()));
    FloorSettings ana = settingsFor({m_server->url()}, QStringLiteral("a1"), QStringLiteral("north"));
    ana.agentName = QStringLiteral("Ana");
    FloorSettings bo = settingsFor({m_server->url()}, QStringLiteral("a2"), QStringLiteral("south"));
    bo.agentName = QStringLiteral("Bo");
    bo.supervisors = {QStringLiteral("boss")};
    m_ana = std::make_unique<AgentConsole>(ana);
    m_bo = std::make_unique<AgentConsole>(bo);
    QCOMPARE(m_ana->agent.requestState(AgentState::Ready), AgentState::Applied);
    QCOMPARE(m_bo->agent.requestState(AgentState::Ready), AgentState::Applied);
    m_conference =
        m_ana->fx.conference({QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol")});
    QVERIFY(m_conference.parent);
    QVERIFY(m_bo->fx.answered(QStringLiteral("alice")));
    FloorSettings supervisor = settingsFor({m_server->url()}, QStringLiteral("sup1"));
    supervisor.agentName = QStringLiteral("Sam Lee");
    m_supervisor = std::make_unique<Supervisor>(supervisor);

    QVERIFY(m_settings->setValue(SettingsSchema::CoachingMost, QStringLiteral("barge")));
    m_boCoaching = std::make_unique<FloorCoaching>(&m_bo->fx.engine(), m_settings.get());
    m_boLegs = std::make_unique<FloorCoachingLegs>(m_boCoaching.get(), &m_bo->fx.engine(), nullptr);
    m_bo->handler->setCoaching(m_boCoaching.get());
    m_bo->publisher->setCoachingLegs(m_boLegs.get());
    FloorCoachingLegs::setQmlInstance(m_boLegs.get());

    // As the console's composition root: the supervisor's link and model, Ana's console's requests.
    FloorLink::setQmlInstance(&m_supervisor->link);
    FloorModel::setQmlInstance(&m_supervisor->model);
    FloorRequestHandler::setQmlInstance(m_ana->handler.get());
    CallEngine::setQmlInstance(&m_ana->fx.engine());
    AgentState::setQmlInstance(&m_ana->agent);
    m_qml = std::make_unique<QQmlEngine>();
    m_qml->addImportPath(QStringLiteral("qrc:/qt/qml"));
    QQmlComponent component(m_qml.get());
    component.setData(pageQml, QUrl(QStringLiteral("qrc:/tst_floor_page/Window.qml")));
    m_window.reset(component.create());
    QVERIFY2(m_window, qPrintable(component.errorString()));
    QVERIFY(QTest::qWaitForWindowExposed(qobject_cast<QWindow *>(m_window.get())));
    // Both agents and all five calls are on the page.
    QTRY_COMPARE_WITH_TIMEOUT(view()->count(), 2, WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_supervisor->model.callsInProgress(), 2, WaitMs);
}

void TestFloorPage::cleanup()
{
    m_window.reset();
    m_qml.reset();
    m_supervisor.reset();
    m_bo->handler->setCoaching(nullptr);
    m_boLegs.reset();
    m_boCoaching.reset();
    m_bo.reset();
    m_ana.reset();
    m_conference = {};
    m_server.reset();
    m_store.reset();
}

QQuickItem *TestFloorPage::callRow(const QString &party, const QString &agent) const
{
    auto *agents = m_window->findChild<QQuickItem *>(QStringLiteral("floorAgentList"));
    for (QQuickItem *row : itemsNamed(agents, QStringLiteral("floorCall"))) {
        if (row->property("party").toString() == party && row->property("agentName").toString() == agent)
            return row;
    }
    return nullptr;
}

QString TestFloorPage::parties() const
{
    QStringList shown;
    for (QQuickItem *row : itemsNamed(m_window.get(), QStringLiteral("floorCall")))
        shown << row->property("agentName").toString() + u'/' + row->property("party").toString();
    return shown.join(QStringLiteral(", "));
}

bool TestFloorPage::press(QQuickItem *control) const
{
    // What a screen reader does (AT-SPI Press), through the console's accessibility layer.
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(control);
    if (!iface || !iface->actionInterface()
        || !iface->actionInterface()->actionNames().contains(QAccessibleActionInterface::pressAction()))
        return false;
    iface->actionInterface()->doAction(QAccessibleActionInterface::pressAction());
    return true;
}

void TestFloorPage::settleAgents()
{
    m_ana->fx.settle();
    m_bo->fx.settle();
}

void TestFloorPage::showsTheFloor()
{
    QObject *status = m_window->findChild<QObject *>(QStringLiteral("floorStatusText"));
    QTRY_COMPARE_WITH_TIMEOUT(textOf(status), QStringLiteral("Connected to %1").arg(m_server->url()), WaitMs);
    QVERIFY(!m_window->findChild<QQuickItem *>(QStringLiteral("floorNotConfigured"))->isVisible());

    // Agents with their state, team and calls; Ana's conference with its three parties under it.
    QList<QQuickItem *> names;
    QTRY_COMPARE_WITH_TIMEOUT((names = itemsNamed(m_window.get(), QStringLiteral("floorAgentName"))).size(),
                              2, WaitMs);
    // (In the order they came onto the floor, which is the server's.)
    QCOMPARE((QSet<QString> {textOf(names.at(0)), textOf(names.at(1))}),
             (QSet<QString> {QStringLiteral("Ana"), QStringLiteral("Bo")}));
    QCOMPARE(textOf(itemsNamed(m_window.get(), QStringLiteral("floorAgentState")).at(0)),
             QStringLiteral("Ready"));
    for (const QString &party :
         {QStringLiteral("Alice Archer (2001)"), QStringLiteral("2002"), QStringLiteral("2003")}) {
        QTRY_VERIFY2_WITH_TIMEOUT(callRow(party), qPrintable(party), WaitMs);
        QCOMPARE(callRow(party)->property("isParty").toBool(), true);
    }
    const QString conference = QStringLiteral("Conference %1").arg(m_conference.parent->sessionId());
    QVERIFY(callRow(conference));
    QCOMPARE(textOf(callRow(conference)->findChild<QObject *>(QStringLiteral("floorCallState"))),
             QStringLiteral("Connected"));

    // The figures: a conference counts once.
    QCOMPARE(textOf(m_window->findChild<QObject *>(QStringLiteral("callsInProgress"))),
             QStringLiteral("Calls in progress: 2"));
    QCOMPARE(textOf(itemsNamed(m_window.get(), QStringLiteral("agentsInReady")).value(0)),
             QStringLiteral("Ready: 2"));
    const QString longest = textOf(m_window->findChild<QObject *>(QStringLiteral("longestCall")));
    QVERIFY2(longest.startsWith(u"Longest call: 0:"), qPrintable(longest));
    // Conferences across agents: Ana's, with its parties.
    auto *conferences = m_window->findChild<QQuickItem *>(QStringLiteral("floorConferences"));
    QCOMPARE(itemsNamed(conferences, QStringLiteral("floorCall")).size(), 4);

    // The time in state ticks.
    QObject *time = itemsNamed(m_window.get(), QStringLiteral("floorTimeInState")).at(0);
    const QString before = textOf(time);
    QVERIFY(!before.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(textOf(time) != before, 3000);
}

void TestFloorPage::filtersAndOrder()
{
    FloorFilterModel *floorView = view();
    QTRY_COMPARE_WITH_TIMEOUT(m_supervisor->model.teams(),
                              (QStringList {QStringLiteral("north"), QStringLiteral("south")}), WaitMs);
    // The team filter offers the floor's teams; choosing one narrows the list.
    auto *team = m_window->findChild<QQuickItem *>(QStringLiteral("teamFilter"));
    QCOMPARE(team->property("codes").toStringList(),
             (QStringList {QString(), QStringLiteral("north"), QStringLiteral("south")}));
    QMetaObject::invokeMethod(team, "chosen", Q_ARG(QString, QStringLiteral("south")));
    QCOMPARE(floorView->team(), QStringLiteral("south"));
    QTRY_COMPARE(itemsNamed(m_window.get(), QStringLiteral("floorAgentName")).size(), 1);
    QCOMPARE(textOf(itemsNamed(m_window.get(), QStringLiteral("floorAgentName")).at(0)),
             QStringLiteral("Bo"));
    QMetaObject::invokeMethod(team, "chosen", Q_ARG(QString, QString()));

    // Line and state filters.
    auto *line = m_window->findChild<QQuickItem *>(QStringLiteral("lineFilter"));
    QCOMPARE(line->property("codes").toStringList(), (QStringList {QString(), QStringLiteral("sim/desk")}));
    auto *state = m_window->findChild<QQuickItem *>(QStringLiteral("stateFilter"));
    QMetaObject::invokeMethod(state, "chosen", Q_ARG(QString, QStringLiteral("NotReady")));
    QCOMPARE(floorView->count(), 0);
    QTRY_VERIFY(itemsNamed(m_window.get(), QStringLiteral("floorAgentName")).isEmpty());
    QMetaObject::invokeMethod(state, "chosen", Q_ARG(QString, QString()));
    QCOMPARE(floorView->count(), 2);

    // Sorted by name, then the order button (pressed as a screen reader does) reverses it.
    auto *sort = m_window->findChild<QQuickItem *>(QStringLiteral("sortKey"));
    QMetaObject::invokeMethod(sort, "chosen", Q_ARG(QString, QString::number(FloorFilterModel::ByName)));
    QCOMPARE(floorView->sortKey(), FloorFilterModel::ByName);
    QCOMPARE(floorView->agentIdAt(0), QStringLiteral("a1"));
    auto *order = m_window->findChild<QQuickItem *>(QStringLiteral("sortOrder"));
    QVERIFY(press(order));
    QCOMPARE(floorView->sortOrder(), Qt::DescendingOrder);
    QCOMPARE(floorView->agentIdAt(0), QStringLiteral("a2"));
    QTRY_COMPARE(textOf(itemsNamed(m_window.get(), QStringLiteral("floorAgentName")).at(0)),
                 QStringLiteral("Bo"));
    QCOMPARE(textOf(order), QStringLiteral("Descending"));
}

void TestFloorPage::dropPartyFromThePage()
{
    CallSession *bob = m_conference.members.at(1);
    QQuickItem *row = nullptr;
    QTRY_VERIFY2_WITH_TIMEOUT((row = callRow(QStringLiteral("2002"))), qPrintable(parties()), WaitMs);
    auto *drop = row->findChild<QQuickItem *>(QStringLiteral("floorDropParty"));
    QVERIFY(drop && drop->isVisible());
    QCOMPARE(drop->property("text").toString(), QStringLiteral("Drop party"));
    QVERIFY(press(drop));

    // The request goes to Ana's console, which drops Bob through the party's own drop: he goes IDLE
    // there, the others stay in the conference.
    QTRY_VERIFY_WITH_TIMEOUT((settleAgents(), bob->state() == Tapi::Idle), WaitMs);
    QCOMPARE(m_conference.members.at(0)->state(), int(Tapi::Conferenced));
    QCOMPARE(m_conference.members.at(2)->state(), int(Tapi::Conferenced));
    // The page says it was done, and shows Bob's call ended.
    auto *outcome = m_window->findChild<QQuickItem *>(QStringLiteral("floorLastOutcome"));
    QTRY_COMPARE_WITH_TIMEOUT(textOf(outcome), QStringLiteral("Drop 2002 from Ana's conference: done"),
                              WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(
        textOf(callRow(QStringLiteral("2002"))->findChild<QObject *>(QStringLiteral("floorCallState"))),
        QStringLiteral("Ended"), WaitMs);
    // Ana's console tells her, as an alert.
    auto *notice = m_window->findChild<QQuickItem *>(QStringLiteral("notice"));
    QVERIFY(notice->isVisible());
    QCOMPARE(notice->property("text").toString(),
             QStringLiteral("Supervisor Sam Lee dropped 2002 from your conference."));
    QVERIFY(press(notice->findChild<QQuickItem *>(QStringLiteral("dismissSupervisorNotice"))));
    QVERIFY(!notice->isVisible());
}

void TestFloorPage::dropConferenceFromTheConferences()
{
    // From the conferences across agents: Ana's whole conference goes, every party with it.
    auto *conferences = m_window->findChild<QQuickItem *>(QStringLiteral("floorConferences"));
    QQuickItem *drop = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(!(itemsNamed(conferences, QStringLiteral("floorDropConference")).isEmpty()),
                             WaitMs);
    drop = itemsNamed(conferences, QStringLiteral("floorDropConference")).constFirst();
    QCOMPARE(drop->property("text").toString(), QStringLiteral("Drop conference"));
    QVERIFY(press(drop));
    QTRY_VERIFY_WITH_TIMEOUT((settleAgents(), m_conference.parent->state() == Tapi::Idle), WaitMs);
    for (CallSession *member : std::as_const(m_conference.members))
        QCOMPARE(member->state(), int(Tapi::Idle));
    QTRY_COMPARE_WITH_TIMEOUT(textOf(m_window->findChild<QQuickItem *>(QStringLiteral("floorLastOutcome"))),
                              QStringLiteral("Drop Ana's conference: done"), WaitMs);
    QCOMPARE(m_window->findChild<QQuickItem *>(QStringLiteral("notice"))->property("text").toString(),
             QStringLiteral("Supervisor Sam Lee dropped your conference."));
    // The figures follow: only Bo's call is left in progress.
    QTRY_COMPARE_WITH_TIMEOUT(textOf(m_window->findChild<QObject *>(QStringLiteral("callsInProgress"))),
                              QStringLiteral("Calls in progress: 1"), WaitMs);
}

void TestFloorPage::refusedRequestSaysWhy()
{
    // Bo's console takes requests from "boss" only: ending his call is refused, and the page says why.
    QQuickItem *row = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((row = callRow(QStringLiteral("Alice Archer (2001)"), QStringLiteral("Bo"))),
                             WaitMs);
    QVERIFY(press(row->findChild<QQuickItem *>(QStringLiteral("floorEndCall"))));
    auto *outcome = m_window->findChild<QQuickItem *>(QStringLiteral("floorLastOutcome"));
    QTRY_COMPARE_WITH_TIMEOUT(
        textOf(outcome),
        QStringLiteral(
            "End Bo's call with Alice Archer (2001): refused: this supervisor may not act on this agent"),
        WaitMs);
    settleAgents();
    QCOMPARE(m_bo->fx.engine().sessionList().constFirst()->state(), int(Tapi::Connected));
}

// The agent reads the supervisor's name as the supervisor's console sent it (floor/agentName), the id
// only when it sent none; a name is someone else's text, so bidi controls in it are neutralised.
void TestFloorPage::noticeNamesTheSupervisor_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("shown");
    QTest::newRow("a name") << QStringLiteral("Sam Lee") << QStringLiteral("Sam Lee");
    QTest::newRow("no name: the id") << QString() << QStringLiteral("sup1");
    QTest::newRow("blanks only: the id") << QStringLiteral("   ") << QStringLiteral("sup1");
    QTest::newRow("a name with a bidi override")
        << QStringLiteral("Sam\u202Eeel") << UntrustedText::forDisplay(QStringLiteral("Sam\u202Eeel"));
}

void TestFloorPage::noticeNamesTheSupervisor()
{
    QFETCH(QString, name);
    QFETCH(QString, shown);
    FloorSettings settings = settingsFor({m_server->url()}, QStringLiteral("sup1"));
    settings.agentName = name;
    m_supervisor->link.start(settings);
    QTRY_COMPARE_WITH_TIMEOUT(m_supervisor->link.status(), FloorLink::Connected, WaitMs);
    QSignalSpy finished(&m_supervisor->model, &FloorModel::actionFinished);
    // Ana is in her conference: the state waits for the call's end.
    m_supervisor->model.forceState(QStringLiteral("a1"), QStringLiteral("Ready"));
    QTRY_VERIFY_WITH_TIMEOUT((settleAgents(), finished.count() == 1), WaitMs);
    QCOMPARE(finished.at(0).at(4).toString(), QStringLiteral("Deferred"));
    QCOMPARE(m_window->findChild<QQuickItem *>(QStringLiteral("notice"))->property("text").toString(),
             QStringLiteral("Supervisor %1 will set your state to Ready after this call.").arg(shown));
}

void TestFloorPage::coachingActions()
{
    QQuickItem *row = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((row = callRow(QStringLiteral("Alice Archer (2001)"), QStringLiteral("Bo"))),
                             WaitMs);
    // Repeater delegates: in the visual tree, not QObject children of the row.
    QList<QQuickItem *> buttons;
    for (const char *mode : {"listen", "whisper", "barge"})
        collect(row, QStringLiteral("floorCoach_") + QLatin1String(mode), &buttons);
    QCOMPARE(buttons.size(), 3);
    QQuickItem *listen = buttons.first();
    // No coaching on this console: the actions are there, unavailable (focusable, to read why), and say
    // why.
    QVERIFY(!listen->property("actionable").toBool());
    QCOMPARE(listen->property("disabledReason").toString(),
             QStringLiteral("This console cannot join calls."));
    QCOMPARE(row->property("coachingReason").toString(), QStringLiteral("This console cannot join calls."));
    // A console with no SIP line.
    FloorCoachingCaller noSip(&m_supervisor->link, &m_ana->fx.engine());
    m_supervisor->model.setCoaching(&noSip);
    QVERIFY(!listen->property("actionable").toBool());
    QCOMPARE(row->property("coachingReason").toString(),
             QStringLiteral("This console has no SIP line to join calls with."));
    // A line that can carry the leg (a sim line standing in for SIP): enabled; Bo's console takes
    // requests from "boss" only, and the page says it refused.
    LineCapabilities caps;
    caps.uuiMakeCallSize = 128;
    QVERIFY(m_ana->fx.addLine(QStringLiteral("sup-line"), caps));
    FloorCoachingCaller caller(&m_supervisor->link, &m_ana->fx.engine(), {QStringLiteral("sim")});
    m_supervisor->model.setCoaching(&caller);
    QVERIFY(listen->property("actionable").toBool());
    QVERIFY(press(listen));
    auto *outcome = m_window->findChild<QQuickItem *>(QStringLiteral("floorLastOutcome"));
    QTRY_COMPARE_WITH_TIMEOUT(
        textOf(outcome),
        QStringLiteral(
            "Listen to Bo's call with Alice Archer (2001): refused: this supervisor may not act on "
            "this agent"),
        WaitMs);
    m_supervisor->model.setCoaching(nullptr);
}

void TestFloorPage::coachingNotice_data()
{
    // What the agent reads when a supervisor coaches (FloorRequestHandler::supervisorActed's arguments).
    QTest::addColumn<QString>("action");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("result");
    QTest::addColumn<QString>("text");
    QTest::newRow("listen") << "listen" << true << "OK"
                            << "Supervisor sup1 is listening to your call with Alice Archer (2001).";
    QTest::newRow("whisper") << "whisper" << true << "OK"
                             << "Supervisor sup1 is coaching you (heard by you only) on your call with "
                                "Alice Archer (2001).";
    QTest::newRow("barge") << "barge" << true << "OK"
                           << "Supervisor sup1 is joining your call with Alice Archer (2001).";
    QTest::newRow("end") << "endCoaching" << true << "OK"
                         << "Supervisor sup1 stopped coaching your call with Alice Archer (2001).";
    QTest::newRow("refused")
        << "barge" << false << "forbidden"
        << "Supervisor sup1 asked to join your call with Alice Archer (2001); it was not "
           "done (forbidden).";
}

void TestFloorPage::coachingNotice()
{
    QFETCH(QString, action);
    QFETCH(bool, ok);
    QFETCH(QString, result);
    QFETCH(QString, text);
    auto *notice = m_window->findChild<QQuickItem *>(QStringLiteral("notice"));
    QVERIFY(notice);
    const QVariantMap details {{QStringLiteral("sessionId"), 1},
                               {QStringLiteral("remoteName"), QStringLiteral("Alice Archer")},
                               {QStringLiteral("remoteNumber"), QStringLiteral("2001")}};
    QVariant described;
    QVERIFY(QMetaObject::invokeMethod(
        notice, "describe", Q_RETURN_ARG(QVariant, described), Q_ARG(QVariant, QStringLiteral("sup1")),
        Q_ARG(QVariant, action), Q_ARG(QVariant, result), Q_ARG(QVariant, ok), Q_ARG(QVariant, details)));
    QCOMPARE(described.toString(), text);
}

void TestFloorPage::statusInWords()
{
    QObject *status = m_window->findChild<QObject *>(QStringLiteral("floorStatusText"));
    auto *notConfigured = m_window->findChild<QQuickItem *>(QStringLiteral("floorNotConfigured"));
    QTRY_COMPARE_WITH_TIMEOUT(textOf(status), QStringLiteral("Connected to %1").arg(m_server->url()), WaitMs);

    // No floor: said plainly, and the page shows nothing else.
    m_supervisor->link.start(FloorSettings {});
    QCOMPARE(textOf(status), QStringLiteral("Not connected: no floor is configured"));
    QVERIFY(notConfigured->isVisible());
    QVERIFY(!m_window->findChild<QQuickItem *>(QStringLiteral("floorFigures"))->isVisible());

    // Nobody listens: connecting, for as long as that lasts.
    m_supervisor->link.start(settingsFor({QStringLiteral("nats://127.0.0.1:%1").arg(NatsServer::freePort())},
                                         QStringLiteral("sup1")));
    QCOMPARE(textOf(status), QStringLiteral("Connecting to the floor…"));
    QVERIFY(!notConfigured->isVisible());

    // Settings the console cannot use, and credentials the server refuses: refused, with the reason.
    m_supervisor->link.start(settingsFor({m_server->url()}, QStringLiteral("bad id")));
    QCOMPARE(textOf(status),
             QStringLiteral("Refused: The agent id must be 1 to 64 letters, digits, '-' or '_'."));
    NatsServer guarded;
    QTemporaryDir guardedStore;
    QVERIFY2(guarded.start(guardedStore.path(), 0,
                           {QStringLiteral("--user"), QStringLiteral("sup1"), QStringLiteral("--pass"),
                            QStringLiteral("right")}),
             qPrintable(guarded.log()));
    FloorSettings wrong = settingsFor({guarded.url()}, QStringLiteral("sup1"));
    wrong.user = QStringLiteral("sup1");
    wrong.password = QStringLiteral("wrong");
    m_supervisor->link.start(wrong);
    QTRY_COMPARE_WITH_TIMEOUT(m_supervisor->link.status(), FloorLink::Failed, WaitMs);
    QCOMPARE(
        textOf(status),
        QStringLiteral("Refused: The server refused this console's credentials (Authorization Violation)"));

    // Back on the floor.
    m_supervisor->link.start(settingsFor({m_server->url()}, QStringLiteral("sup1")));
    QTRY_COMPARE_WITH_TIMEOUT(textOf(status), QStringLiteral("Connected to %1").arg(m_server->url()), WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(view()->count(), 2, WaitMs);
}

void TestFloorPage::coachingOnTheCards()
{
    // What the consoles publish while a supervisor coaches (FloorPublisher, tst_floor_coaching): the
    // supervisor's agent entry names the call it coaches, the coached call names its supervisor. Written
    // here as they are, by two more consoles' links.
    const int boCall = m_bo->fx.engine().sessionList().constFirst()->sessionId();
    FloorLink supervisorLink(nullptr);
    FloorSettings sup2 = settingsFor({m_server->url()}, QStringLiteral("sup2"));
    supervisorLink.start(sup2);
    FloorLink cyLink(nullptr);
    cyLink.start(settingsFor({m_server->url()}, QStringLiteral("a3")));
    QTRY_COMPARE_WITH_TIMEOUT(supervisorLink.status(), FloorLink::Connected, WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(cyLink.status(), FloorLink::Connected, WaitMs);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    auto json = [](const QJsonObject &object) {
        return QJsonDocument(object).toJson(QJsonDocument::Compact);
    };
    supervisorLink.setEntry(
        FloorPublisher::agentKey(QStringLiteral("sup2")),
        json({{QStringLiteral("id"), QStringLiteral("sup2")},
              {QStringLiteral("name"), QStringLiteral("Sue")},
              {QStringLiteral("state"), QStringLiteral("Ready")},
              {QStringLiteral("stateSinceMs"), now},
              {QStringLiteral("coaching"),
               QJsonArray {QJsonObject {{QStringLiteral("agentId"), QStringLiteral("a2")},
                                        {QStringLiteral("sessionId"), boCall},
                                        {QStringLiteral("mode"), QStringLiteral("listen")}}}}}));
    cyLink.setEntry(FloorPublisher::agentKey(QStringLiteral("a3")),
                    json({{QStringLiteral("id"), QStringLiteral("a3")},
                          {QStringLiteral("name"), QStringLiteral("Cy")},
                          {QStringLiteral("state"), QStringLiteral("Ready")},
                          {QStringLiteral("stateSinceMs"), now}}));
    cyLink.setEntry(FloorPublisher::callKey(QStringLiteral("a3"), 7),
                    json({{QStringLiteral("agentId"), QStringLiteral("a3")},
                          {QStringLiteral("sessionId"), 7},
                          {QStringLiteral("state"), QStringLiteral("CONNECTED")},
                          {QStringLiteral("stateCode"), 0x100},
                          {QStringLiteral("remoteNumber"), QStringLiteral("2009")},
                          {QStringLiteral("offeredMs"), now},
                          {QStringLiteral("connectedMs"), now},
                          {QStringLiteral("coaching"),
                           QJsonArray {QJsonObject {{QStringLiteral("supervisorId"), QStringLiteral("sup2")},
                                                    {QStringLiteral("mode"), QStringLiteral("whisper")}},
                                       QJsonObject {{QStringLiteral("supervisorId"), QStringLiteral("sup3")},
                                                    {QStringLiteral("supervisorName"), QStringLiteral("Tom")},
                                                    {QStringLiteral("mode"), QStringLiteral("listen")}},
                                       QJsonObject {{QStringLiteral("supervisorId"), QStringLiteral("sup4")},
                                                    {QStringLiteral("mode"), QStringLiteral("listen")}}}}}));
    auto coachingOf = [this](const QString &agentId) -> QString {
        for (QQuickItem *card : itemsNamed(m_window.get(), QStringLiteral("floorAgent"))) {
            if (card->property("agentId").toString() == agentId) {
                QObject *label = card->findChild<QObject *>(QStringLiteral("floorAgentCoaching"));
                return label && label->property("visible").toBool() ? textOf(label)
                                                                    : QStringLiteral("(none)");
            }
        }
        return QString();
    };
    // Sue's card says whom she listens to (by the coached agent's name), Cy's who coaches Cy's call, each
    // by name: Sue by her own entry's, Tom by the one the agent's console published; sup4, whose name
    // nobody knows, by id. The others say nothing of coaching.
    QTRY_COMPARE_WITH_TIMEOUT(coachingOf(QStringLiteral("sup2")), QStringLiteral("Listening to Bo"), WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(coachingOf(QStringLiteral("a3")),
                              QStringLiteral("Supervisor Sue is whispering · Supervisor Tom is listening · "
                                             "Supervisor sup4 is listening"),
                              WaitMs);
    QCOMPARE(coachingOf(QStringLiteral("a2")), QStringLiteral("(none)"));
    // Sue has no calls, and her card does not say "No calls" while she coaches.
    for (QQuickItem *card : itemsNamed(m_window.get(), QStringLiteral("floorAgent"))) {
        if (card->property("agentId").toString() == QLatin1String("sup2"))
            QCOMPARE(itemsNamed(card, QStringLiteral("floorCall")).size(), 0);
    }
    supervisorLink.stop();
    cyLink.stop();
}

void TestFloorPage::coachingModesAndStop()
{
    // The supervisor (here "boss", whom Bo's console takes requests from, named Sam Lee) coaches Bo's call
    // from his own switch: a line that carries the token, calling Bo's desk (his far end carol there).
    FloorSettings boss = settingsFor({m_server->url()}, QStringLiteral("boss"));
    boss.agentName = QStringLiteral("Sam Lee");
    m_supervisor->link.start(boss);
    SimFixture supervisorFx;
    LineCapabilities caps;
    caps.uuiMakeCallSize = 128;
    QVERIFY(supervisorFx.addLine(QStringLiteral("sup-line"), caps));
    FloorCoachingCaller caller(&m_supervisor->link, &supervisorFx.engine(), {QStringLiteral("sim")});
    m_supervisor->model.setCoaching(&caller);
    SimSwitch::LineSetup setup;
    setup.descriptor.id = QStringLiteral("desk");
    setup.descriptor.name = QStringLiteral("desk");
    setup.descriptor.address = supervisorFx.peerNumber(QStringLiteral("carol"));
    m_bo->fx.sim().addLine(setup);
    Line *desk = m_bo->fx.engine().line(QStringLiteral("desk"));
    QVERIFY(desk);
    CallSession *call = m_bo->fx.answered(QStringLiteral("dave"), desk);
    QVERIFY(call);
    const QString party = QStringLiteral("%1 (%2)").arg(call->remoteName(), call->remoteNumber());
    QQuickItem *row = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((row = callRow(party, QStringLiteral("Bo"))), WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_supervisor->link.status(), FloorLink::Connected, WaitMs);
    auto button = [row](const QString &name) -> QQuickItem * {
        QList<QQuickItem *> found;
        collect(row, name, &found);
        return found.value(0);
    };
    auto stateOf = [](QQuickItem *item) {
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(item);
        return iface ? iface->state() : QAccessible::State();
    };
    auto descriptionOf = [](QQuickItem *item) {
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(item);
        return iface ? iface->text(QAccessible::Description) : QString();
    };
    QQuickItem *listen = button(QStringLiteral("floorCoach_listen"));
    QQuickItem *whisper = button(QStringLiteral("floorCoach_whisper"));
    QQuickItem *barge = button(QStringLiteral("floorCoach_barge"));
    QVERIFY(listen && whisper && barge);
    // Not coaching: every mode offered, none checked, no Stop.
    QCOMPARE(row->property("coachingMode").toString(), QString());
    QVERIFY(!button(QStringLiteral("floorStopCoaching")));
    for (QQuickItem *mode : {listen, whisper, barge}) {
        QVERIFY(mode->property("actionable").toBool());
        QVERIFY(!mode->property("checked").toBool());
        QVERIFY(!stateOf(mode).checked);
    }

    // Listen: granted, his leg placed; the row shows the mode in use and offers the others and Stop.
    QSignalSpy finished(&caller, &FloorCoachingCaller::finished);
    QVERIFY(press(listen));
    QTRY_COMPARE_WITH_TIMEOUT((settleAgents(), finished.count()), 1, WaitMs);
    QCOMPARE(finished.at(0).at(4).toString(), QStringLiteral("OK"));
    supervisorFx.settle();
    CallSession *leg = caller.leg(QStringLiteral("a2"), call->sessionId());
    QVERIFY(leg);
    QVERIFY(supervisorFx.connectOutbound(leg, QStringLiteral("carol")));
    QTRY_COMPARE(row->property("coachingMode").toString(), QStringLiteral("listen"));
    QVERIFY(listen->property("checked").toBool());
    QVERIFY(!listen->property("actionable").toBool());
    QVERIFY(stateOf(listen).checked);
    QVERIFY(stateOf(listen).disabled); // unavailable: it is what he does now
    QCOMPARE(descriptionOf(listen), QStringLiteral("Listening now"));
    QVERIFY(whisper->property("actionable").toBool() && barge->property("actionable").toBool());
    QCOMPARE(descriptionOf(barge), QString());
    QQuickItem *stop = button(QStringLiteral("floorStopCoaching"));
    QVERIFY(stop);
    QVERIFY(stop->property("actionable").toBool());
    QCOMPARE(QAccessible::queryAccessibleInterface(stop)->text(QAccessible::Name),
             QStringLiteral("Stop coaching Bo's call with %1").arg(party));
    // The mode in use, reached from the keyboard, says why it does not act.
    listen->forceActiveFocus(Qt::TabFocusReason);
    QObject *tip = listen->findChild<QObject *>(QStringLiteral("focusReasonToolTip"));
    QVERIFY(tip);
    QTRY_VERIFY(tip->property("visible").toBool());
    QCOMPARE(tip->property("text").toString(), QStringLiteral("Listening now"));

    // Listen -> Barge: the same leg, the mode follows.
    QVERIFY(press(barge));
    QTRY_COMPARE_WITH_TIMEOUT((settleAgents(), finished.count()), 2, WaitMs);
    QCOMPARE(finished.at(1).at(3).toBool(), true);
    QTRY_COMPARE(row->property("coachingMode").toString(), QStringLiteral("barge"));
    QCOMPARE(caller.leg(QStringLiteral("a2"), call->sessionId()), leg);
    QVERIFY(barge->property("checked").toBool() && !barge->property("actionable").toBool());
    QCOMPARE(descriptionOf(barge), QStringLiteral("In the call now"));
    QVERIFY(!listen->property("checked").toBool() && listen->property("actionable").toBool());

    // Stop: his line is dropped (no request to the agent's console); the row is back to every mode.
    QVERIFY(press(stop));
    QTRY_VERIFY((supervisorFx.settle(), leg->state() == Tapi::Idle || leg->state() == Tapi::Disconnected));
    QTRY_COMPARE(row->property("coachingMode").toString(), QString());
    QCOMPARE(finished.count(), 2);
    QVERIFY(!button(QStringLiteral("floorStopCoaching")));
    for (QQuickItem *mode : {listen, whisper, barge}) {
        QVERIFY(mode->property("actionable").toBool());
        QVERIFY(!stateOf(mode).checked);
    }
    m_supervisor->model.setCoaching(nullptr);
}

// The agent's notice when a supervisor's line leaves the call he coached (he stopped, or hung up): what he
// did has ended, said in the past, by his name.
void TestFloorPage::noticeWhenTheSupervisorLeaves_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QString>("byName");
    QTest::addColumn<QString>("text");
    QTest::newRow("listen") << "listen"
                            << "Sam Lee"
                            << "Supervisor Sam Lee stopped listening to your call with Alice Archer (2001).";
    QTest::newRow("whisper")
        << "whisper"
        << "Sam Lee"
        << "Supervisor Sam Lee stopped coaching you on your call with Alice Archer (2001).";
    QTest::newRow("barge") << "barge"
                           << "Sam Lee"
                           << "Supervisor Sam Lee left your call with Alice Archer (2001).";
    QTest::newRow("no name: the id")
        << "listen"
        << ""
        << "Supervisor sup1 stopped listening to your call with Alice Archer (2001).";
}

void TestFloorPage::noticeWhenTheSupervisorLeaves()
{
    QFETCH(QString, mode);
    QFETCH(QString, byName);
    QFETCH(QString, text);
    SimFixture &fx = m_bo->fx;
    CallSession *call = fx.engine().sessionList().constFirst();
    // As his request reaches Bo's console, then his line calling with the grant's token.
    QJsonObject request {{QStringLiteral("action"), mode}, {QStringLiteral("sessionId"), call->sessionId()}};
    if (!byName.isEmpty())
        request.insert(QStringLiteral("byName"), byName);
    const QJsonObject reply = m_boCoaching->request(QStringLiteral("sup1"), request);
    QCOMPARE(reply.value(QStringLiteral("result")).toString(), QStringLiteral("OK"));
    QString why;
    CallSession *leg = grantedLegConnected(fx, reply, &why);
    QVERIFY2(leg, qPrintable(why));
    auto *notice = m_window->findChild<QQuickItem *>(QStringLiteral("notice"));
    QVERIFY(notice);
    QVERIFY(!notice->property("shown").toBool());

    QVERIFY(fx.sim().remoteHangup(QStringLiteral("carol"), Tapi::DisconnectNormal));
    fx.settle();
    QTRY_COMPARE(notice->property("text").toString(), text);
    QVERIFY(notice->property("shown").toBool());
    QVERIFY(m_boCoaching->grants().isEmpty());
}

QTEST_MAIN(TestFloorPage)
#include "tst_floor_page.moc"
