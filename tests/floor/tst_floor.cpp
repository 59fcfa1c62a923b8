// The floor (issue 16) against a real nats-server with JetStream started on loopback: an agent's console
// (the real engine on the simulated switch, AgentState, FloorPublisher, FloorRequestHandler) and a
// supervisor (FloorModel), each with its own FloorLink.
#include "FloorCluster.h"
#include "FloorTestConsoles.h"
#include "NatsServer.h"

#include "agent/AgentState.h"
#include "core/Tapi.h"
#include "floor/FloorLink.h"
#include "floor/FloorModel.h"
#include "floor/FloorPublisher.h"
#include "floor/FloorRequestHandler.h"
#include "floor/FloorSession.h"
#include "session/CallSession.h"

#include <QtCore/qjsondocument.h>
#include <QtCore/qjsonobject.h>
#include <QtCore/qpointer.h>
#include <QtCore/qprocess.h>
#include <QtCore/qtemporarydir.h>
#include <QtTest/qabstractitemmodeltester.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

#include <nats/nats.h>

#include <memory>

#include <signal.h>

using namespace Tapi;
using namespace FloorTest;

namespace {
// The node the newest watcher of a console lives on (its consumer delivers to the console's inboxes), -1
// when there is none.
int watcherNode(const QString &url, const QString &consoleId)
{
    int node = -1;
    natsConnection *nc = nullptr;
    jsCtx *js = nullptr;
    jsConsumerInfoList *list = nullptr;
    const QByteArray inboxes = "_INBOX." + consoleId.toUtf8() + '.';
    if (natsConnection_ConnectTo(&nc, url.toUtf8().constData()) == NATS_OK
        && natsConnection_JetStream(&js, nc, nullptr) == NATS_OK
        && js_Consumers(&list, js, "KV_hookline_floor", nullptr, nullptr) == NATS_OK) {
        int64_t newest = 0;
        for (int i = 0; i < list->Count; ++i) {
            const jsConsumerInfo *info = list->List[i];
            if (info->Config->DeliverSubject && QByteArray(info->Config->DeliverSubject).startsWith(inboxes)
                && info->Created >= newest && info->Cluster && info->Cluster->Leader) {
                newest = info->Created;
                node = QByteArray(info->Cluster->Leader).mid(1).toInt(); // n<i>
            }
        }
    }
    jsConsumerInfoList_Destroy(list);
    jsCtx_Destroy(js);
    natsConnection_Destroy(nc);
    return node;
}
} // namespace

class TestFloor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void unconfiguredIsOff();
    void unusableSettingsFail();
    void publishingRoundTrip();
    void dropPartyRequest();
    void monitorSessions_data();
    void monitorSessions();
    void forceStateRequest_data();
    void forceStateRequest();
    void refusedRequestIsAudited_data();
    void refusedRequestIsAudited();
    void deadConsoleExpires();
    void killedConsoleGoesOffline();
    void figures();
    void serverRestartKeepsState();
    void liveChangesWithoutTheBucket();
    void clusterNodeKilled();

private:
    std::unique_ptr<QTemporaryDir> m_store;
    std::unique_ptr<NatsServer> m_server;
};

void TestFloor::init()
{
    m_store = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<NatsServer>();
    QVERIFY2(m_server->start(m_store->path()), qPrintable(m_server->log()));
}

void TestFloor::cleanup()
{
    m_server.reset(); // stops it by its process id
    m_store.reset();
}

void TestFloor::unconfiguredIsOff()
{
    FloorLink link {nullptr};
    QSignalSpy status(&link, &FloorLink::statusChanged);
    link.start(FloorSettings());
    QCOMPARE(link.status(), FloorLink::Off);
    QCOMPARE(status.count(), 0);
    // A console without a floor works alone: its publisher hands nothing over and requests fail at once.
    AgentConsole console(FloorSettings {});
    QVERIFY(console.fx.answered(QStringLiteral("alice")));
    QCOMPARE(console.link.status(), FloorLink::Off);
    QSignalSpy replies(&link, &FloorLink::replyReceived);
    link.request(QStringLiteral("hookline.agent.x.request"), "{}");
    QVERIFY(replies.wait(WaitMs));
    QCOMPARE(replies.at(0).at(2).toString(), QStringLiteral("Not connected to the floor"));
}

void TestFloor::unusableSettingsFail()
{
    FloorLink link {nullptr};
    link.start(settingsFor({m_server->url()}, QStringLiteral("bad id")));
    QCOMPARE(link.status(), FloorLink::Failed);
    QVERIFY(link.statusReason().contains(QLatin1String("agent id")));

    // Nothing listens on this port: the link keeps trying and says so; it never claims to be connected.
    FloorLink away {nullptr};
    QSignalSpy status(&away, &FloorLink::statusChanged);
    away.start(settingsFor({QStringLiteral("nats://127.0.0.1:%1").arg(NatsServer::freePort())},
                           QStringLiteral("a9")));
    QCOMPARE(away.status(), FloorLink::Connecting);
    QTest::qWait(300); // nothing to wait for: the point is that no Connected comes
    QCOMPARE(away.status(), FloorLink::Connecting);
}

void TestFloor::publishingRoundTrip()
{
    AgentConsole console(settingsFor({m_server->url()}, QStringLiteral("a1")));
    Supervisor supervisor(settingsFor({m_server->url()}, QStringLiteral("sup1")));
    QTRY_COMPARE_WITH_TIMEOUT(console.link.status(), FloorLink::Connected, WaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(supervisor.model.synced(), WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(supervisor.model, QStringLiteral("a1")), QStringLiteral("Offline"),
                              WaitMs);
    const int row = supervisor.model.rowOf(QStringLiteral("a1"));
    QCOMPARE(supervisor.model.data(supervisor.model.index(row), FloorModel::NameRole).toString(),
             QStringLiteral("A1"));
    QCOMPARE(supervisor.model.data(supervisor.model.index(row), FloorModel::TeamRole).toString(),
             QStringLiteral("north"));
    QCOMPARE(supervisor.model.teams(), QStringList {QStringLiteral("north")});

    QCOMPARE(console.agent.requestState(AgentState::Ready), AgentState::Applied);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(supervisor.model, QStringLiteral("a1")), QStringLiteral("Ready"),
                              WaitMs);

    CallSession *call = console.fx.answered(QStringLiteral("alice"));
    QVERIFY(call);
    const int sessionId = call->sessionId();
    QTRY_COMPARE_WITH_TIMEOUT(callStateOf(supervisor.model, QStringLiteral("a1"), sessionId),
                              QStringLiteral("CONNECTED"), WaitMs);
    const QJsonObject published = supervisor.model.call(QStringLiteral("a1"), sessionId);
    QCOMPARE(published.value(QStringLiteral("remoteNumber")).toString(), QStringLiteral("2001"));
    QCOMPARE(published.value(QStringLiteral("direction")).toString(), QStringLiteral("inbound"));
    QCOMPARE(published.value(QStringLiteral("line")).toString(), QStringLiteral("sim/desk"));
    QCOMPARE(supervisor.model.data(supervisor.model.index(row), FloorModel::LinesRole).toStringList(),
             QStringList {QStringLiteral("sim/desk")});
    QTRY_COMPARE_WITH_TIMEOUT(supervisor.model.callsInProgress(), 1, WaitMs);
    QCOMPARE(supervisor.model.agentsPerState().value(QStringLiteral("Ready")).toInt(), 1);

    // The recording is the session's: what is published follows its recordingStateChanged.
    const auto recording = [&] {
        return supervisor.model.call(QStringLiteral("a1"), sessionId).value(QStringLiteral("recording"));
    };
    QCOMPARE(recording(), QJsonValue(false));
    call->setRecording(CallSession::Recording, QStringLiteral("/recordings/a1.wav"));
    QTRY_COMPARE_WITH_TIMEOUT(recording(), QJsonValue(true), WaitMs);
    call->setRecording(CallSession::RecordingPaused, QStringLiteral("/recordings/a1.wav"));
    call->setRecording(CallSession::RecordingFinished, QStringLiteral("/recordings/a1.wav"));
    QTRY_COMPARE_WITH_TIMEOUT(recording(), QJsonValue(false), WaitMs);

    // Dropped: the entry says so; terminated: the entry is gone.
    QVERIFY(call->drop(QByteArray()) > 0);
    console.fx.settle();
    QTRY_COMPARE_WITH_TIMEOUT(callStateOf(supervisor.model, QStringLiteral("a1"), sessionId),
                              QStringLiteral("IDLE"), WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(supervisor.model.callsInProgress(), 0, WaitMs);
    QCOMPARE(call->terminate(), 0);
    console.fx.settle();
    QTRY_VERIFY_WITH_TIMEOUT(supervisor.model.call(QStringLiteral("a1"), sessionId).isEmpty(), WaitMs);

    // Leaving the floor deletes the agent at once (no wait for the expiry).
    console.link.stop();
    QTRY_COMPARE_WITH_TIMEOUT(supervisor.model.rowOf(QStringLiteral("a1")), -1, WaitMs);
}

void TestFloor::dropPartyRequest()
{
    AgentConsole console(settingsFor({m_server->url()}, QStringLiteral("a2")));
    Supervisor supervisor(settingsFor({m_server->url()}, QStringLiteral("sup1")));
    const SimFixture::Conference conference =
        console.fx.conference({QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol")});
    QVERIFY(conference.parent);
    QCOMPARE(conference.members.size(), 3);
    CallSession *bob = conference.members.at(1);
    QTRY_COMPARE_WITH_TIMEOUT(callCountOf(supervisor.model, QStringLiteral("a2")), 4, WaitMs);
    QCOMPARE(supervisor.model.call(QStringLiteral("a2"), bob->sessionId())
                 .value(QStringLiteral("conference"))
                 .toInt(),
             conference.parent->sessionId());

    QSignalSpy finished(&supervisor.model, &FloorModel::actionFinished);
    QSignalSpy acted(console.handler.get(), &FloorRequestHandler::supervisorActed);
    const qint64 token = supervisor.model.dropParty(QStringLiteral("a2"), bob->sessionId());
    // The agent's console completes the drop on the simulated switch's clock.
    QTRY_VERIFY_WITH_TIMEOUT((console.fx.settle(), finished.count() == 1), WaitMs);
    const QList<QVariant> result = finished.takeFirst();
    QCOMPARE(result.at(0).toLongLong(), token);
    QCOMPARE(result.at(1).toString(), QStringLiteral("a2"));
    QCOMPARE(result.at(2).toString(), QStringLiteral("dropParty"));
    QCOMPARE(result.at(4).toString(), QStringLiteral("OK"));
    QCOMPARE(result.at(3).toBool(), true);
    QCOMPARE(result.at(6).toInt(), 0); // no TAPI error
    // The agent's console says who did what to which party (as it was when the request came).
    QCOMPARE(acted.count(), 1);
    QCOMPARE(acted.at(0).at(0).toString(), QStringLiteral("sup1"));
    QCOMPARE(acted.at(0).at(1).toString(), QStringLiteral("dropParty"));
    QCOMPARE(acted.at(0).at(2).toString(), QStringLiteral("OK"));
    QCOMPARE(acted.at(0).at(3).toBool(), true);
    const QVariantMap details = acted.at(0).at(4).toMap();
    QCOMPARE(details.value(QStringLiteral("sessionId")).toInt(), bob->sessionId());
    QCOMPARE(details.value(QStringLiteral("remoteNumber")).toString(), QStringLiteral("2002"));
    QCOMPARE(details.value(QStringLiteral("supervisorName")).toString(), QStringLiteral("SUP1")); // its name
    // TAPI's cascade at the agent: the party is idle, the conference goes on with the others.
    QCOMPARE(bob->state(), int(Idle));
    QCOMPARE(conference.members.at(0)->state(), int(Conferenced));
    QCOMPARE(console.fx.peerState(QStringLiteral("bob")), QStringLiteral("DISCONNECTED/NORMAL"));
    QTRY_COMPARE_WITH_TIMEOUT(callStateOf(supervisor.model, QStringLiteral("a2"), bob->sessionId()),
                              QStringLiteral("IDLE"), WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(
        lastAudit(m_server->url(), QStringLiteral("a2")).value(QStringLiteral("result")).toString(),
        QStringLiteral("OK"), WaitMs);
    const QJsonObject audit = lastAudit(m_server->url(), QStringLiteral("a2"));
    QCOMPARE(audit.value(QStringLiteral("by")).toString(), QStringLiteral("sup1"));
    QCOMPARE(audit.value(QStringLiteral("action")).toString(), QStringLiteral("dropParty"));
    QVERIFY(audit.value(QStringLiteral("atMs")).toInteger() > 0);

    // The dropped party is no party any more: the console refuses a second drop itself.
    supervisor.model.dropParty(QStringLiteral("a2"), bob->sessionId());
    QTRY_VERIFY_WITH_TIMEOUT((console.fx.settle(), finished.count() == 1), WaitMs);
    QCOMPARE(finished.at(0).at(3).toBool(), false);
    QCOMPARE(finished.at(0).at(4).toString(), QStringLiteral("invalid"));
    finished.clear();

    // TAPI's rules are the engine's: ending the call through a monitor's handle is NOTOWNER.
    CallSession *monitor = conference.members.at(0)->openHandle(PrivilegeMonitor);
    QVERIFY(monitor);
    supervisor.model.endCall(QStringLiteral("a2"), monitor->sessionId());
    QTRY_VERIFY_WITH_TIMEOUT((console.fx.settle(), finished.count() == 1), WaitMs);
    QCOMPARE(finished.at(0).at(3).toBool(), false);
    QCOMPARE(finished.at(0).at(4).toString(), Tapi::errorName(NotOwner));
    QCOMPARE(finished.at(0).at(6).toInt(), int(NotOwner)); // for the console's own words
    QCOMPARE(conference.members.at(0)->state(), int(Conferenced));
}

// The supervisor's handles onto an agent's conference are MONITOR handles: their own drop is NOTOWNER and
// reaches nobody, while each supervisor action is a request the owning console carries out through its own
// sessions (TAPI's cascade there), its answer coming back on the handle before the call's new state.
void TestFloor::monitorSessions_data()
{
    QTest::addColumn<int>("target"); // 0: the conference, 1..3: its parties in the order they joined
    QTest::addColumn<QString>("action"); // "drop": the handle's own drop
    QTest::addColumn<QString>("result"); // the answer on the handle (empty: none, nothing was sent)
    QTest::addColumn<QList<int>>("after"); // the states at the agent's console: conference, parties
    const int on = int(Connected); // the conference call itself
    const int conf = int(Conferenced); // its parties
    const int idle = int(Idle);
    QTest::newRow("the handle's own drop: NOTOWNER, nothing sent")
        << 2 << QStringLiteral("drop") << QString() << QList<int>({on, conf, conf, conf});
    QTest::newRow("drop a party: it leaves, the others stay")
        << 2 << QStringLiteral("dropParty") << QStringLiteral("OK") << QList<int>({on, conf, idle, conf});
    QTest::newRow("end a party's call: dropped at the owner")
        << 3 << QStringLiteral("endCall") << QStringLiteral("OK") << QList<int>({on, conf, conf, idle});
    QTest::newRow("drop the conference: every party goes")
        << 0 << QStringLiteral("dropConference") << QStringLiteral("OK")
        << QList<int>({idle, idle, idle, idle});
    QTest::newRow("drop party on the conference itself: the owner refuses")
        << 0 << QStringLiteral("dropParty") << QStringLiteral("invalid")
        << QList<int>({on, conf, conf, conf});
}

void TestFloor::monitorSessions()
{
    QFETCH(int, target);
    QFETCH(QString, action);
    QFETCH(QString, result);
    QFETCH(QList<int>, after);
    AgentConsole console(settingsFor({m_server->url()}, QStringLiteral("a8")));
    Supervisor supervisor(settingsFor({m_server->url()}, QStringLiteral("sup1")));
    const SimFixture::Conference conference =
        console.fx.conference({QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol")});
    QVERIFY(conference.parent);
    const QList<CallSession *> calls = QList<CallSession *> {conference.parent} + conference.members;
    QTRY_COMPARE_WITH_TIMEOUT(callCountOf(supervisor.model, QStringLiteral("a8")), 4, WaitMs);
    QList<QPointer<FloorSession>> handles;
    for (CallSession *call : calls) {
        FloorSession *handle = supervisor.model.session(QStringLiteral("a8"), call->sessionId());
        QVERIFY(handle);
        QCOMPARE(handle->privilege(), PrivilegeMonitor);
        QCOMPARE(handle->ownerPrivilege(), PrivilegeOwner);
        QTRY_COMPARE_WITH_TIMEOUT(int(handle->state()), call->state(), WaitMs);
        handles << handle;
    }
    QCOMPARE(handles.at(0)->members().size(), 3);
    FloorSession *handle = handles.at(target);
    const QPointer<FloorSession> acting = handle;

    // What the acting handle reports, in order.
    QStringList order;
    connect(handle, &FloorSession::requestFinished, this,
            [&](qint64, const QString &what, bool ok, const QString &answer) {
                order << QStringLiteral("finished %1 %2 %3").arg(what).arg(ok).arg(answer);
            });
    connect(handle, &FloorSession::changed, this,
            [&] { order << QStringLiteral("state ") + Tapi::stateName(acting->state()); });
    QSignalSpy acted(console.handler.get(), &FloorRequestHandler::supervisorActed);
    QSignalSpy modelFinished(&supervisor.model, &FloorModel::actionFinished);
    if (action == QLatin1String("drop")) {
        QCOMPARE(handle->drop(), int(NotOwner));
        QCOMPARE(handle->reject(), int(NotOwner));
        // Nothing reached the agent's console: the next request is the first one it hears of.
        const qint64 token = supervisor.model.forceState(QStringLiteral("a8"), QStringLiteral("Ready"));
        QTRY_VERIFY_WITH_TIMEOUT((console.fx.settle(), modelFinished.count() == 1), WaitMs);
        QCOMPARE(modelFinished.at(0).at(0).toLongLong(), token);
        QCOMPARE(acted.count(), 1);
        QCOMPARE(acted.at(0).at(1).toString(), QStringLiteral("forceState"));
        QCOMPARE(order, QStringList());
    } else {
        const qint64 token = action == QLatin1String("dropParty") ? handle->requestDropParty()
            : action == QLatin1String("endCall")                  ? handle->requestEndCall()
                                                                  : handle->requestDropConference();
        QTRY_VERIFY_WITH_TIMEOUT((console.fx.settle(), modelFinished.count() == 1), WaitMs);
        QCOMPARE(modelFinished.at(0).at(0).toLongLong(), token);
        QCOMPARE(acted.count(), 1);
        QCOMPARE(acted.at(0).at(1).toString(), action);
        QCOMPARE(acted.at(0).at(2).toString(), result);
    }
    console.fx.settle();
    QList<int> states;
    for (CallSession *call : calls)
        states << call->state();
    QCOMPARE(states, after);
    // The supervisor's handles follow the owner's cascade (an ended call may also leave the floor).
    for (int i = 0; i < calls.size(); ++i) {
        QTRY_VERIFY_WITH_TIMEOUT(handles.at(i) && handles.at(i)->isValid()
                                     ? int(handles.at(i)->state()) == after.at(i)
                                     : after.at(i) == int(Idle),
                                 WaitMs);
    }
    if (!result.isEmpty()) {
        // The answer came back on the handle first, then its call's new state (when it changed).
        QVERIFY(!order.isEmpty());
        QCOMPARE(
            order.first(),
            QStringLiteral("finished %1 %2 %3").arg(action).arg(result == QLatin1String("OK")).arg(result));
        if (after.at(target) == int(Idle))
            QCOMPARE(order.last(), QStringLiteral("state IDLE"));
        else
            QCOMPARE(order.size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(
            lastAudit(m_server->url(), QStringLiteral("a8")).value(QStringLiteral("action")).toString(),
            action, WaitMs);
    }
}

void TestFloor::forceStateRequest_data()
{
    QTest::addColumn<bool>("onCall");
    QTest::addColumn<QString>("result");
    QTest::addColumn<QString>("stateAfter");
    QTest::newRow("free: applied") << false << QStringLiteral("Applied") << QStringLiteral("NotReady");
    QTest::newRow("on a call: deferred") << true << QStringLiteral("Deferred") << QStringLiteral("Ready");
}

void TestFloor::forceStateRequest()
{
    QFETCH(bool, onCall);
    QFETCH(QString, result);
    QFETCH(QString, stateAfter);
    AgentConsole console(settingsFor({m_server->url()}, QStringLiteral("a3")));
    Supervisor supervisor(settingsFor({m_server->url()}, QStringLiteral("sup1")));
    QCOMPARE(console.agent.requestState(AgentState::Ready), AgentState::Applied);
    if (onCall)
        QVERIFY(console.fx.answered(QStringLiteral("alice")));
    QTRY_COMPARE_WITH_TIMEOUT(console.link.status(), FloorLink::Connected, WaitMs);
    QSignalSpy finished(&supervisor.model, &FloorModel::actionFinished);
    supervisor.model.forceState(QStringLiteral("a3"), QStringLiteral("NotReady"), QStringLiteral("coaching"));
    QVERIFY(finished.wait(WaitMs));
    QCOMPARE(finished.at(0).at(4).toString(), result);
    QCOMPARE(finished.at(0).at(3).toBool(), true);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(supervisor.model, QStringLiteral("a3")), stateAfter, WaitMs);
    QCOMPARE(console.agent.hasNextState(), onCall);
}

void TestFloor::refusedRequestIsAudited_data()
{
    // The supervisor is the one the request's subject names (the server's permissions vouch for it).
    QTest::addColumn<QString>("supervisor");
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QString>("result");
    QTest::newRow("not an allowed supervisor")
        << QStringLiteral("intruder") << QByteArray(R"({"action":"forceState","state":"Offline"})")
        << QStringLiteral("forbidden");
    QTest::newRow("a body naming another supervisor")
        << QStringLiteral("intruder")
        << QByteArray(R"({"by":"sup1","action":"forceState","state":"Offline"})")
        << QStringLiteral("forbidden");
    QTest::newRow("unknown action") << QStringLiteral("sup1")
                                    << QByteArray(R"({"by":"sup1","action":"format","sessionId":1})")
                                    << QStringLiteral("invalid");
    QTest::newRow("wrap-up is not forced")
        << QStringLiteral("sup1") << QByteArray(R"({"action":"forceState","state":"WrapUp"})")
        << QStringLiteral("invalid");
    QTest::newRow("drop party on a call that is no party")
        << QStringLiteral("sup1") << QByteArray(R"({"action":"dropParty","sessionId":1})")
        << QStringLiteral("invalid");
    QTest::newRow("no such session") << QStringLiteral("sup1")
                                     << QByteArray(R"({"action":"endCall","sessionId":99})")
                                     << Tapi::errorName(InvalCallHandle);
    QTest::newRow("not JSON") << QStringLiteral("sup1") << QByteArray("drop everything")
                              << QStringLiteral("invalid");
}

void TestFloor::refusedRequestIsAudited()
{
    QFETCH(QString, supervisor);
    QFETCH(QByteArray, request);
    QFETCH(QString, result);
    FloorSettings settings = settingsFor({m_server->url()}, QStringLiteral("a4"));
    settings.supervisors = {QStringLiteral("sup1")};
    AgentConsole console(settings);
    QCOMPARE(console.agent.requestState(AgentState::Ready), AgentState::Applied);
    CallSession *call = console.fx.answered(QStringLiteral("alice"));
    QVERIFY(call);
    QCOMPARE(call->sessionId(), 1);
    FloorLink sender {nullptr};
    sender.start(settingsFor({m_server->url()}, supervisor));
    QTRY_COMPARE_WITH_TIMEOUT(console.link.status(), FloorLink::Connected, WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(sender.status(), FloorLink::Connected, WaitMs);

    QSignalSpy replies(&sender, &FloorLink::replyReceived);
    QSignalSpy acted(console.handler.get(), &FloorRequestHandler::supervisorActed);
    sender.request(FloorRequestHandler::requestSubject(QStringLiteral("a4"), supervisor), request);
    QVERIFY(replies.wait(WaitMs));
    QCOMPARE(replies.at(0).at(2).toString(), QString());
    const QJsonObject reply = QJsonDocument::fromJson(replies.at(0).at(1).toByteArray()).object();
    QCOMPARE(reply.value(QStringLiteral("ok")).toBool(), false);
    QCOMPARE(reply.value(QStringLiteral("result")).toString(), result);
    QCOMPARE(acted.count(), 1);
    QCOMPARE(acted.at(0).at(0).toString(), supervisor);
    // Nothing changed at the agent.
    console.fx.settle();
    QCOMPARE(console.agent.state(), AgentState::Ready);
    QCOMPARE(call->state(), int(Connected));
    QTRY_COMPARE_WITH_TIMEOUT(
        lastAudit(m_server->url(), QStringLiteral("a4")).value(QStringLiteral("result")).toString(), result,
        WaitMs);
    const QJsonObject audit = lastAudit(m_server->url(), QStringLiteral("a4"));
    QCOMPARE(audit.value(QStringLiteral("ok")).toBool(), false);
    QCOMPARE(audit.value(QStringLiteral("by")).toString(), supervisor); // the subject's, not the body's
}

void TestFloor::deadConsoleExpires()
{
    Supervisor supervisor(settingsFor({m_server->url()}, QStringLiteral("sup1")));
    QTRY_VERIFY_WITH_TIMEOUT(supervisor.model.synced(), WaitMs);
    // A console that wrote its agent once and died: nobody deletes or refreshes the entry.
    natsConnection *nc = nullptr;
    jsCtx *js = nullptr;
    kvStore *kv = nullptr;
    QCOMPARE(natsConnection_ConnectTo(&nc, m_server->url().toUtf8().constData()), NATS_OK);
    QCOMPARE(natsConnection_JetStream(&js, nc, nullptr), NATS_OK);
    QCOMPARE(js_KeyValue(&kv, js, "hookline_floor"), NATS_OK);
    QCOMPARE(kvStore_PutString(nullptr, kv, "agent.ghost", R"({"id":"ghost","state":"Ready"})"), NATS_OK);
    kvStore_Destroy(kv);
    jsCtx_Destroy(js);
    natsConnection_Destroy(nc);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(supervisor.model, QStringLiteral("ghost")), QStringLiteral("Ready"),
                              WaitMs);
    QElapsedTimer gone;
    gone.start();
    QTRY_COMPARE_WITH_TIMEOUT(supervisor.model.rowOf(QStringLiteral("ghost")), -1, 4000 + 3000);
    QVERIFY(gone.elapsed() > 2000); // not at once: after the 4 s expiry

    // A live console refreshes its entry within the expiry and stays.
    AgentConsole console(settingsFor({m_server->url()}, QStringLiteral("a5")));
    QTRY_VERIFY_WITH_TIMEOUT(supervisor.model.rowOf(QStringLiteral("a5")) >= 0, WaitMs);
    QTest::qWait(5000);
    QVERIFY(supervisor.model.rowOf(QStringLiteral("a5")) >= 0);
}

void TestFloor::killedConsoleGoesOffline()
{
    constexpr int TtlSeconds = 3;
    FloorSettings settings = settingsFor({m_server->url()}, QStringLiteral("sup1"));
    settings.ttlSeconds = TtlSeconds; // the bucket is made with it, and the model expires with it
    Supervisor supervisor(settings);
    QTRY_VERIFY_WITH_TIMEOUT(supervisor.model.synced(), WaitMs);

    // A console in a process of its own: its agent and one call on the floor.
    QProcess console;
    console.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    console.start(QStringLiteral(FLOOR_AGENT_CONSOLE),
                  {m_server->url(), QStringLiteral("k1"), QString::number(TtlSeconds)});
    QVERIFY2(console.waitForStarted(WaitMs), qPrintable(console.errorString()));
    QByteArray output; // QTRY evaluates more than once: what was read is kept
    QTRY_VERIFY_WITH_TIMEOUT((output += console.readAllStandardOutput()).contains("ready")
                                 || console.state() == QProcess::NotRunning,
                             WaitMs);
    QCOMPARE(console.state(), QProcess::Running);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(supervisor.model, QStringLiteral("k1")), QStringLiteral("Ready"),
                              WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(callCountOf(supervisor.model, QStringLiteral("k1")), 1, WaitMs);
    // Alive, it stays past the expiry: it refreshes its entries.
    QTest::qWait(TtlSeconds * 1000 + 500);
    QCOMPARE(callCountOf(supervisor.model, QStringLiteral("k1")), 1);

    // Killed: nobody deletes its entries; they expire.
    QElapsedTimer gone;
    gone.start();
    ::kill(pid_t(console.processId()), SIGKILL);
    QVERIFY(console.waitForFinished(WaitMs));
    QTRY_COMPARE_WITH_TIMEOUT(supervisor.model.rowOf(QStringLiteral("k1")), -1, TtlSeconds * 1000 + 2500);
    qInfo("the killed console's agent left the floor %lld ms after the kill (expiry %d s)", gone.elapsed(),
          TtlSeconds);
    QCOMPARE(supervisor.model.callsInProgress(), 0);
}

void TestFloor::figures()
{
    Supervisor supervisor(settingsFor({m_server->url()}, QStringLiteral("sup1")));
    supervisor.model.setClock([] { return qint64(1'000'000); });
    QTRY_VERIFY_WITH_TIMEOUT(supervisor.model.synced(), WaitMs);
    QSignalSpy figures(&supervisor.model, &FloorModel::figuresChanged);
    // Entries as consoles write them: two agents, a conference (parent and two parties), a talked
    // call, a ringing call and an ended one.
    const QList<QPair<QByteArray, QByteArray>> entries {
        {"agent.b1", R"({"id":"b1","state":"Ready"})"},
        {"agent.b2", R"({"id":"b2","state":"NotReady","reason":"break"})"},
        {"call.b1.1", R"({"stateCode":256,"connectedMs":940000,"conference":0})"}, // 60 s talking
        {"call.b1.2", R"({"stateCode":2,"offeredMs":988000,"conference":0})"}, // ringing 12 s
        {"call.b2.5", R"({"stateCode":256,"connectedMs":700000,"isConference":true,"conference":0})"},
        {"call.b2.6", R"({"stateCode":2048,"connectedMs":500000,"conference":5})"}, // a party: in 5
        {"call.b2.7", R"({"stateCode":2048,"connectedMs":600000,"conference":5})"},
        {"call.b2.8", R"({"stateCode":1,"connectedMs":100000,"conference":0})"}, // ended
    };
    natsConnection *nc = nullptr;
    jsCtx *js = nullptr;
    kvStore *kv = nullptr;
    QCOMPARE(natsConnection_ConnectTo(&nc, m_server->url().toUtf8().constData()), NATS_OK);
    QCOMPARE(natsConnection_JetStream(&js, nc, nullptr), NATS_OK);
    QCOMPARE(js_KeyValue(&kv, js, "hookline_floor"), NATS_OK);
    for (const auto &[key, value] : entries)
        QCOMPARE(kvStore_PutString(nullptr, kv, key.constData(), value.constData()), NATS_OK);
    kvStore_Destroy(kv);
    jsCtx_Destroy(js);
    natsConnection_Destroy(nc);

    QTRY_COMPARE_WITH_TIMEOUT(callCountOf(supervisor.model, QStringLiteral("b2")), 4, WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(callCountOf(supervisor.model, QStringLiteral("b1")), 2, WaitMs);
    QVERIFY(figures.count() > 0);
    const QVariantMap perState {{QStringLiteral("Ready"), 1}, {QStringLiteral("NotReady"), 1}};
    QCOMPARE(supervisor.model.agentsPerState(), perState);
    QCOMPARE(supervisor.model.callsInProgress(), 2); // the talked call and the conference, once
    QCOMPARE(supervisor.model.longestCallMs(), qint64(300000)); // the conference, since 700000
    QCOMPARE(supervisor.model.longestWaitMs(), qint64(12000));
}

void TestFloor::serverRestartKeepsState()
{
    AgentConsole console(settingsFor({m_server->url()}, QStringLiteral("a6")));
    Supervisor supervisor(settingsFor({m_server->url()}, QStringLiteral("sup1")));
    QCOMPARE(console.agent.requestState(AgentState::Ready), AgentState::Applied);
    CallSession *call = console.fx.answered(QStringLiteral("alice"));
    QVERIFY(call);
    QTRY_COMPARE_WITH_TIMEOUT(callStateOf(supervisor.model, QStringLiteral("a6"), call->sessionId()),
                              QStringLiteral("CONNECTED"), WaitMs);

    const int port = m_server->port();
    QSignalSpy consoleStatus(&console.link, &FloorLink::statusChanged);
    m_server->kill();
    QTRY_COMPARE_WITH_TIMEOUT(console.link.status(), FloorLink::Reconnecting, WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(supervisor.link.status(), FloorLink::Reconnecting, WaitMs);
    // A change while the server is away is published once it is back.
    QVERIFY(call->hold() > 0);
    console.fx.settle();
    QCOMPARE(call->state(), int(OnHold));

    QVERIFY2(m_server->start(m_store->path(), port), qPrintable(m_server->log()));
    QTRY_COMPARE_WITH_TIMEOUT(console.link.status(), FloorLink::Connected, WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(supervisor.link.status(), FloorLink::Connected, WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(callStateOf(supervisor.model, QStringLiteral("a6"), call->sessionId()),
                              QStringLiteral("ONHOLD"), WaitMs);
    QCOMPARE(stateOf(supervisor.model, QStringLiteral("a6")), QStringLiteral("Ready"));
    // The restarted server lost the memory bucket: a supervisor arriving now sees the whole floor again.
    Supervisor late(settingsFor({m_server->url()}, QStringLiteral("sup2")));
    QTRY_VERIFY_WITH_TIMEOUT(late.model.synced(), WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(late.model, QStringLiteral("a6")), QStringLiteral("Ready"), WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(callStateOf(late.model, QStringLiteral("a6"), call->sessionId()),
                              QStringLiteral("ONHOLD"), WaitMs);
}

// Each change also travels at once on core NATS (the live subjects): the supervisor follows it while the
// bucket takes no writes (here: deleted under the consoles; in a cluster: while it elects a new leader).
void TestFloor::liveChangesWithoutTheBucket()
{
    AgentConsole console(settingsFor({m_server->url()}, QStringLiteral("a9")));
    Supervisor supervisor(settingsFor({m_server->url()}, QStringLiteral("sup1")));
    QCOMPARE(console.agent.requestState(AgentState::Ready), AgentState::Applied);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(supervisor.model, QStringLiteral("a9")), QStringLiteral("Ready"),
                              WaitMs);
    natsConnection *nc = nullptr;
    jsCtx *js = nullptr;
    QCOMPARE(natsConnection_ConnectTo(&nc, m_server->url().toUtf8().constData()), NATS_OK);
    QCOMPARE(natsConnection_JetStream(&js, nc, nullptr), NATS_OK);
    QCOMPARE(js_DeleteKeyValue(js, "hookline_floor"), NATS_OK);
    jsCtx_Destroy(js);
    natsConnection_Destroy(nc);

    QCOMPARE(console.agent.requestState(AgentState::NotReady, QStringLiteral("lunch")), AgentState::Applied);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(supervisor.model, QStringLiteral("a9")), QStringLiteral("NotReady"),
                              WaitMs);
    CallSession *call = console.fx.answered(QStringLiteral("alice"));
    QVERIFY(call);
    QTRY_VERIFY_WITH_TIMEOUT(supervisor.model.session(QStringLiteral("a9"), call->sessionId())
                                 && supervisor.model.session(QStringLiteral("a9"), call->sessionId())->state()
                                     == Connected,
                             WaitMs);
    // The rewrites on the live path keep the agent on the floor past the expiry (4 s here).
    QTest::qWait(5000);
    QCOMPARE(stateOf(supervisor.model, QStringLiteral("a9")), QStringLiteral("NotReady"));
    // The console's put found no bucket: it made the bucket again and wrote what it has.
    QTRY_COMPARE_WITH_TIMEOUT(
        QJsonDocument::fromJson(FloorCluster::bucketValue(m_server->url(), QStringLiteral("hookline_floor"),
                                                          FloorPublisher::agentKey(QStringLiteral("a9"))))
            .object()
            .value(QStringLiteral("state"))
            .toString(),
        QStringLiteral("NotReady"), WaitMs);
    QCOMPARE(console.link.status(), FloorLink::Connected);
}

// Its own ctest (tst_floor_cluster, label floor_cluster): the cluster's elections make it take 10-20 s, which
// would double the floor label. It prints how long after the kill the supervisor saw the next change.
void TestFloor::clusterNodeKilled()
{
    if (qEnvironmentVariableIsEmpty("HOOKLINE_FLOOR_CLUSTER"))
        QSKIP("run by the ctest tst_floor_cluster (HOOKLINE_FLOOR_CLUSTER=1)");
    m_server.reset(); // this test runs its own three nodes
    QTemporaryDir stores;
    std::vector<std::unique_ptr<NatsServer>> nodes;
    QStringList urls;
    QString log;
    QVERIFY2(FloorCluster::start(nodes, urls, stores.path(), &log), qPrintable(log));
    FloorSettings agentSettings = settingsFor(urls, QStringLiteral("a7"));
    agentSettings.replicas = 3;
    AgentConsole console(agentSettings);
    // The cluster elects its JetStream leaders first; the links try again until it has.
    QTRY_COMPARE_WITH_TIMEOUT(console.link.status(), FloorLink::Connected, 15000);

    // The worst case is set up: the node that dies hosts the supervisor's watcher (an ephemeral consumer,
    // placed by the cluster) while the supervisor's own connection, to another node, does not die; the
    // agent's console is connected to the dying node.
    FloorSettings supervisorSettings = settingsFor(urls, QStringLiteral("sup1"));
    supervisorSettings.replicas = 3;
    Supervisor supervisor(supervisorSettings);
    const auto connectedTo = [&](const FloorLink &link, int node) {
        return link.server().endsWith(QStringLiteral(":%1").arg(nodes.at(node)->port()));
    };
    int victim = -1;
    for (int attempt = 0; attempt < 6 && victim < 0; ++attempt) {
        if (attempt > 0) { // the watcher came to the supervisor's own node: once more, elsewhere
            supervisorSettings.servers = {urls.at(attempt % 3)};
            supervisor.link.start(supervisorSettings);
        }
        QTRY_VERIFY_WITH_TIMEOUT(
            supervisor.model.synced() && supervisor.link.status() == FloorLink::Connected, 15000);
        int node = -1;
        QTRY_VERIFY_WITH_TIMEOUT((node = watcherNode(urls.at(0), QStringLiteral("sup1"))) >= 0, WaitMs);
        if (!connectedTo(supervisor.link, node))
            victim = node;
    }
    QVERIFY2(victim >= 0, "the cluster put the watcher on the supervisor's node six times");
    agentSettings.servers = {urls.at(victim)}; // the others are learnt from the cluster
    console.link.start(agentSettings);
    QTRY_COMPARE_WITH_TIMEOUT(console.link.status(), FloorLink::Connected, 15000);
    QCOMPARE(console.agent.requestState(AgentState::Ready), AgentState::Applied);
    CallSession *call = console.fx.answered(QStringLiteral("alice"));
    QVERIFY(call);
    QTRY_COMPARE_WITH_TIMEOUT(callStateOf(supervisor.model, QStringLiteral("a7"), call->sessionId()),
                              QStringLiteral("CONNECTED"), WaitMs);
    const QString server = console.link.server();
    QVERIFY2(connectedTo(console.link, victim), qPrintable(server));
    QVERIFY(!connectedTo(supervisor.link, victim));
    QCOMPARE(watcherNode(urls.at((victim + 1) % 3), QStringLiteral("sup1")), victim);
    // The worst case for the bucket: the node that dies also leads the bucket's stream, so no write is
    // taken until the others elect a new leader (4-9 s in nats-server 2.9, not configurable).
    const QString other = urls.at((victim + 1) % 3);
    QVERIFY(FloorCluster::moveLeader(other, "KV_hookline_floor", victim));
    QTRY_COMPARE_WITH_TIMEOUT(console.link.status(), FloorLink::Connected, 15000);

    QList<FloorLink::Status> statuses;
    QObject statusGuard; // goes before the list: the console's last status changes come after this test
    connect(&console.link, &FloorLink::statusChanged, &statusGuard,
            [&] { statuses << console.link.status(); });
    // Every state the supervisor's handle onto the call shows from now on.
    QPointer<FloorSession> watched = supervisor.model.session(QStringLiteral("a7"), call->sessionId());
    QVERIFY(watched);
    QStringList shown;
    connect(watched.data(), &FloorSession::changed, &statusGuard, [&] { shown << watched->stateName(); });
    const int auditLeader = FloorCluster::streamLeaderNode(other, "hookline_audit");
    QElapsedTimer failover;
    qint64 writtenMs = -1; // the first write the bucket acknowledged after the kill
    connect(&console.link, &FloorLink::entryWritten, &statusGuard, [&] {
        if (writtenMs < 0)
            writtenMs = failover.elapsed();
    });
    failover.start();
    nodes.at(victim)->kill();
    const FloorCluster::LeaderWatch bucketElection(other, "KV_hookline_floor", victim, failover);
    const FloorCluster::LeaderWatch auditElection(other, "hookline_audit", victim, failover);
    // The agent works on: a change right after the node died reaches the supervisor on the live path as
    // soon as the console is connected to another node, while the cluster still elects the leaders the
    // dead node held (4-9 s in nats-server 2.9) before the bucket takes writes again.
    QVERIFY(call->hold() > 0);
    console.fx.settle();
    CallSession *second = console.fx.answered(QStringLiteral("bob")); // and a new call during the outage
    QVERIFY(second);
    QTRY_COMPARE_WITH_TIMEOUT(callStateOf(supervisor.model, QStringLiteral("a7"), call->sessionId()),
                              QStringLiteral("ONHOLD"), 15000);
    const qint64 seenMs = failover.elapsed();
    qInfo("failover: the supervisor saw the agent's change %lld ms after the node died", seenMs);
    // 0.1-0.16 s measured (reconnect wait 100 ms here), the bucket back 5-9.5 s after the kill; before the
    // live path the supervisor waited for the bucket (2.8-11.5 s). The goal is under 5 s.
    QVERIFY2(seenMs < 5000, qPrintable(QString::number(seenMs)));
    QTRY_VERIFY_WITH_TIMEOUT(statuses.contains(FloorLink::Reconnecting), WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(console.link.status(), FloorLink::Connected, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(writtenMs >= 0 && bucketElection.electedMs() >= 0, 15000);
    qInfo("failover: the bucket's stream elected a leader %lld ms after the node died (the audit stream %s); "
          "the console's bucket took writes again at %lld ms, %lld ms after the election",
          bucketElection.electedMs(),
          auditLeader == victim ? qPrintable(QStringLiteral("at %1 ms").arg(auditElection.electedMs()))
                                : "kept its leader",
          writtenMs, writtenMs - bucketElection.electedMs());
    // Every change made during the outage is in the bucket (read from a node that survived).
    const auto inBucket = [&](const QString &key) {
        return QJsonDocument::fromJson(
                   FloorCluster::bucketValue(other, QStringLiteral("hookline_floor"), key))
            .object()
            .value(QStringLiteral("state"))
            .toString();
    };
    QTRY_COMPARE_WITH_TIMEOUT(inBucket(FloorPublisher::callKey(QStringLiteral("a7"), call->sessionId())),
                              QStringLiteral("ONHOLD"), 15000);
    QTRY_COMPARE_WITH_TIMEOUT(inBucket(FloorPublisher::callKey(QStringLiteral("a7"), second->sessionId())),
                              QStringLiteral("CONNECTED"), 15000);
    // While the cluster elected, the console was reconnecting, not refused.
    QVERIFY(!statuses.contains(FloorLink::Failed));
    QVERIFY(console.link.server() != server);
    QCOMPARE(supervisor.link.status(), FloorLink::Connected);
    // Nothing was lost with the node: a supervisor arriving now reads the whole floor from the others.
    Supervisor late(supervisorSettings);
    QTRY_VERIFY_WITH_TIMEOUT(late.model.synced(), 15000);
    QCOMPARE(stateOf(late.model, QStringLiteral("a7")), QStringLiteral("Ready"));
    QCOMPARE(callStateOf(late.model, QStringLiteral("a7"), call->sessionId()), QStringLiteral("ONHOLD"));
    // A request still reaches the agent's console and is carried out.
    QSignalSpy finished(&late.model, &FloorModel::actionFinished);
    late.model.forceState(QStringLiteral("a7"), QStringLiteral("NotReady"), QStringLiteral("coaching"));
    QVERIFY(finished.wait(WaitMs));
    QCOMPARE(finished.at(0).at(4).toString(), QStringLiteral("Deferred"));
    // Meanwhile the supervisor's watcher was made again and read the bucket: the view never went back to
    // the value the bucket held before the election.
    QVERIFY(watched);
    QCOMPARE(shown, QStringList({QStringLiteral("ONHOLD")}));
}

QTEST_GUILESS_MAIN(TestFloor)
#include "tst_floor.moc"
