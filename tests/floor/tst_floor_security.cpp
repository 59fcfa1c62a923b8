// The floor's security (issue 16) against a nats-server whose users and permissions are those
// docs/architecture.md gives for a floor: each agent writes only its own keys and serves only its own
// requests, each supervisor watches the bucket and sends requests on subjects that name it, an outsider
// reads nothing; credentials never reach the log.
#include "FloorTestConsoles.h"
#include "FloorTestPermissions.h"
#include "FloorTestSecrets.h"
#include "NatsServer.h"

#include "session/CallSession.h"

#include <QtCore/qfile.h>
#include <QtCore/qtemporarydir.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

#include <optional>

#include <nats/nats.h>

using namespace FloorTest;

namespace {
const QString Bucket = QStringLiteral("hookline_floor");

// live: the live path's subjects (an older configuration has none).
QString agentUser(const QString &id, bool live = true)
{
    return QStringLiteral(R"(    { user: "%1", password: "%1-secret", permissions: {
        publish: { allow: ["$KV.%2.agent.%1", "$KV.%2.call.%1.>", "hookline.audit.%1",%3
                           "$JS.API.STREAM.INFO.KV_%2", "$JS.API.STREAM.INFO.hookline_audit"] }
        subscribe: { allow: ["hookline.agent.%1.request.*", "_INBOX.%1.>"] }
        allow_responses: true } }
)")
        .arg(id, Bucket, live ? QStringLiteral(" \"hookline.live.%1.>\",").arg(id) : QString());
}

QString supervisorUser(const QString &id, bool live = true)
{
    return QStringLiteral(R"(    { user: "%1", password: "%1-secret", permissions: {
        publish: { allow: ["hookline.agent.*.request.%1", "$JS.API.STREAM.INFO.KV_%2",
                           "$JS.API.STREAM.INFO.hookline_audit", "$JS.API.STREAM.NAMES", "$JS.API.CONSUMER.CREATE.KV_%2",
                           "$JS.API.CONSUMER.CREATE.KV_%2.>", "$JS.API.CONSUMER.DELETE.KV_%2.>",
                           "$JS.FC.KV_%2.>", "$JS.API.CONSUMER.INFO.KV_%2.>"] }
        subscribe: { allow: ["_INBOX.%1.>"%3] } } }
)")
        .arg(id, Bucket, live ? QStringLiteral(", \"hookline.live.>\"") : QString());
}

// The floor's users: an administrator (creates the bucket and the audit stream), agents a1 and a2,
// supervisors sup1 and sup2, an agent a3 and a supervisor sup3 as an older configuration wrote them (without
// the live path's subjects), and an outsider with a subject space of its own.
QByteArray floorConfig()
{
    QString users = QStringLiteral("    { user: admin, password: admin-secret }\n");
    users += agentUser(QStringLiteral("a1")) + agentUser(QStringLiteral("a2"));
    users += supervisorUser(QStringLiteral("sup1")) + supervisorUser(QStringLiteral("sup2"));
    users += agentUser(QStringLiteral("a3"), false) + supervisorUser(QStringLiteral("sup3"), false);
    users += QStringLiteral(R"(    { user: outsider, password: outsider-secret, permissions: {
        publish: { allow: ["public.>"] }
        subscribe: { allow: ["public.>", "_INBOX.outsider.>"] } } }
)");
    return QStringLiteral("authorization {\n  users = [\n%1  ]\n}\n").arg(users).toUtf8();
}

FloorSettings userSettings(const QString &url, const QString &id)
{
    FloorSettings settings = settingsFor({url}, id);
    settings.user = id;
    settings.password = id + QStringLiteral("-secret");
    return settings;
}

// A plain libnats connection as user/password (the tests' own look at the server).
natsConnection *connectAs(const QString &url, const char *user, const char *password)
{
    natsOptions *opts = nullptr;
    natsConnection *nc = nullptr;
    natsOptions_Create(&opts);
    natsOptions_SetURL(opts, url.toUtf8().constData());
    natsOptions_SetUserInfo(opts, user, password);
    natsOptions_SetCustomInboxPrefix(opts, "_INBOX.outsider");
    if (natsConnection_Connect(&nc, opts) != NATS_OK)
        nc = nullptr;
    natsOptions_Destroy(opts);
    return nc;
}
} // namespace

class TestFloorSecurity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void supervisorRequestIsAuditedAsItsUser();
    void supervisorCannotPoseAsAnother();
    void agentCannotPublishAnothersKey();
    void outsiderReadsNothing();
    void credentialsNeverLogged();
    void withoutLivePermissionsTheBucketCarries();
    void startsAgainWhenTheConnectionGaveUp();

private:
    std::unique_ptr<QTemporaryDir> m_store;
    std::unique_ptr<NatsServer> m_server;
    std::unique_ptr<FloorLink> m_admin;
};

void TestFloorSecurity::init()
{
    m_store = std::make_unique<QTemporaryDir>();
    const QString config = m_store->filePath(QStringLiteral("floor.conf"));
    QFile file(config);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(floorConfig());
    file.close();
    m_server = std::make_unique<NatsServer>();
    QVERIFY2(m_server->start(m_store->filePath(QStringLiteral("store")), 0, {QStringLiteral("-c"), config}),
             qPrintable(m_server->log()));
    // The administrator's console creates the bucket and the audit stream; nobody else may.
    m_admin = std::make_unique<FloorLink>(nullptr);
    m_admin->start(userSettings(m_server->url(), QStringLiteral("admin")));
    QTRY_COMPARE_WITH_TIMEOUT(m_admin->status(), FloorLink::Connected, WaitMs);
}

void TestFloorSecurity::cleanup()
{
    m_admin.reset();
    m_server.reset();
    m_store.reset();
}

void TestFloorSecurity::supervisorRequestIsAuditedAsItsUser()
{
    AgentConsole console(userSettings(m_server->url(), QStringLiteral("a1")));
    Supervisor supervisor(userSettings(m_server->url(), QStringLiteral("sup1")));
    QString why;
    QVERIFY2(readyCallSeen(console, supervisor, QStringLiteral("a1"), &why), qPrintable(why));
    QVERIFY2(forceStateDeferred(console, supervisor, QStringLiteral("a1"), QStringLiteral("sup1"), &why),
             qPrintable(why));
    QJsonObject audit;
    QTRY_VERIFY_WITH_TIMEOUT(
        !(audit = lastAudit(m_server->url(), QStringLiteral("a1"), "admin", "admin-secret")).isEmpty(),
        WaitMs);
    QCOMPARE(audit.value(QStringLiteral("by")).toString(), QStringLiteral("sup1"));
    QCOMPARE(audit.value(QStringLiteral("action")).toString(), QStringLiteral("forceState"));
    QCOMPARE(audit.value(QStringLiteral("result")).toString(), QStringLiteral("Deferred"));
}

void TestFloorSecurity::supervisorCannotPoseAsAnother()
{
    AgentConsole console(userSettings(m_server->url(), QStringLiteral("a1")));
    QCOMPARE(console.agent.requestState(AgentState::Ready), AgentState::Applied);
    FloorLink sup1 {nullptr};
    sup1.start(userSettings(m_server->url(), QStringLiteral("sup1")));
    QTRY_COMPARE_WITH_TIMEOUT(console.link.status(), FloorLink::Connected, WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(sup1.status(), FloorLink::Connected, WaitMs);
    QSignalSpy acted(console.handler.get(), &FloorRequestHandler::supervisorActed);
    QSignalSpy replies(&sup1, &FloorLink::replyReceived);

    // sup1 on sup2's subject: the server drops it, the agent never sees it.
    const QByteArray offline = R"({"action":"forceState","state":"Offline"})";
    sup1.request(FloorRequestHandler::requestSubject(QStringLiteral("a1"), QStringLiteral("sup2")), offline);
    QVERIFY(replies.wait(FloorLink::RequestTimeoutMs + WaitMs));
    QCOMPARE(replies.at(0).at(2).toString(), QStringLiteral("No answer in time"));
    QCOMPARE(acted.count(), 0);
    QCOMPARE(console.agent.state(), AgentState::Ready);

    // sup1 on its own subject with a body claiming sup2: refused, and audited as sup1.
    sup1.request(FloorRequestHandler::requestSubject(QStringLiteral("a1"), QStringLiteral("sup1")),
                 R"({"by":"sup2","action":"forceState","state":"Offline"})");
    QTRY_COMPARE_WITH_TIMEOUT(replies.count(), 2, WaitMs);
    const QJsonObject reply = QJsonDocument::fromJson(replies.at(1).at(1).toByteArray()).object();
    QCOMPARE(reply.value(QStringLiteral("result")).toString(), QStringLiteral("forbidden"));
    QCOMPARE(acted.count(), 1);
    QCOMPARE(acted.at(0).at(0).toString(), QStringLiteral("sup1"));
    QCOMPARE(console.agent.state(), AgentState::Ready);
    QJsonObject audit;
    QTRY_VERIFY_WITH_TIMEOUT(
        !(audit = lastAudit(m_server->url(), QStringLiteral("a1"), "admin", "admin-secret")).isEmpty(),
        WaitMs);
    QCOMPARE(audit.value(QStringLiteral("by")).toString(), QStringLiteral("sup1"));
    QCOMPARE(audit.value(QStringLiteral("result")).toString(), QStringLiteral("forbidden"));
}

void TestFloorSecurity::agentCannotPublishAnothersKey()
{
    AgentConsole console(userSettings(m_server->url(), QStringLiteral("a1")));
    Supervisor supervisor(userSettings(m_server->url(), QStringLiteral("sup1")));
    QSignalSpy refused(&console.link, &FloorLink::entryRefused);
    // The console writes a2's agent and its own change in the same turn: the server refuses the first,
    // the second still arrives.
    QString why;
    QVERIFY2(othersKeyRefused(console, supervisor, QStringLiteral("a1"), QStringLiteral("a2"), &why),
             qPrintable(why));
    // Later changes go on as before; the refused key is not written again.
    CallSession *call = console.fx.answered(QStringLiteral("alice"));
    QVERIFY(call);
    QTRY_COMPARE_WITH_TIMEOUT(callStateOf(supervisor.model, QStringLiteral("a1"), call->sessionId()),
                              QStringLiteral("CONNECTED"), WaitMs);
    QCOMPARE(refused.count(), 1);
    QCOMPARE(supervisor.model.rowOf(QStringLiteral("a2")), -1);
}

void TestFloorSecurity::outsiderReadsNothing()
{
    AgentConsole console(userSettings(m_server->url(), QStringLiteral("a1")));
    Supervisor supervisor(userSettings(m_server->url(), QStringLiteral("sup1")));
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(supervisor.model, QStringLiteral("a1")), QStringLiteral("Offline"),
                              WaitMs);

    // The outsider's own console: the bucket is not to be had, and its status says why.
    Supervisor outsider(userSettings(m_server->url(), QStringLiteral("outsider")));
    QTRY_COMPARE_WITH_TIMEOUT(outsider.link.status(), FloorLink::Failed, WaitMs);
    QVERIFY2(outsider.link.statusReason().contains(QLatin1String("ermission")),
             qPrintable(outsider.link.statusReason()));

    // The outsider listening where call data travels: the bucket's subjects, everybody's inboxes (the
    // supervisors' watchers deliver there) and the requests.
    natsConnection *nc = connectAs(m_server->url(), "outsider", "outsider-secret");
    QVERIFY(nc);
    natsSubscription *sub = nullptr;
    QCOMPARE(natsConnection_SubscribeSync(&sub, nc, ">"), NATS_OK);
    QCOMPARE(natsConnection_Flush(nc), NATS_OK);
    jsCtx *js = nullptr;
    kvStore *kv = nullptr;
    QCOMPARE(natsConnection_JetStream(&js, nc, nullptr), NATS_OK);
    QVERIFY(js_KeyValue(&kv, js, Bucket.toUtf8().constData()) != NATS_OK);

    QCOMPARE(console.agent.requestState(AgentState::Ready), AgentState::Applied);
    CallSession *call = console.fx.answered(QStringLiteral("alice"));
    QVERIFY(call);
    QTRY_COMPARE_WITH_TIMEOUT(callStateOf(supervisor.model, QStringLiteral("a1"), call->sessionId()),
                              QStringLiteral("CONNECTED"), WaitMs);
    // The supervisor has it; whatever the outsider could have had is in its queue by now, or soon.
    natsMsg *msg = nullptr;
    const natsStatus next = natsSubscription_NextMsg(&msg, sub, 500);
    QVERIFY2(next != NATS_OK, msg ? natsMsg_GetSubject(msg) : "");
    natsMsg_Destroy(msg);
    kvStore_Destroy(kv);
    jsCtx_Destroy(js);
    natsSubscription_Destroy(sub);
    natsConnection_Destroy(nc);
    QCOMPARE(outsider.model.rowCount(), 0);
}

void TestFloorSecurity::credentialsNeverLogged()
{
    const QByteArray seed = userSeed();
    const QByteArray jwt = fakeJwt("hookline-jwt-");
    QTemporaryDir dir;
    const QString creds = dir.filePath(QStringLiteral("console.creds"));
    QVERIFY(writeCreds(creds, jwt, seed));

    std::optional<LogCapture> capture(std::in_place);
    {
        // With a password: connected.
        AgentConsole console(userSettings(m_server->url(), QStringLiteral("a1")));
        QTRY_COMPARE_WITH_TIMEOUT(console.link.status(), FloorLink::Connected, WaitMs);
        // A wrong password: the server refuses it, the console says so.
        FloorSettings wrong = userSettings(m_server->url(), QStringLiteral("a2"));
        wrong.password = QStringLiteral("wrong-") + QString::fromLatin1(seed.left(12));
        FloorLink refused {nullptr};
        refused.start(wrong);
        // A credentials file (this server knows no such user).
        FloorSettings fromFile = settingsFor({m_server->url()}, QStringLiteral("a2"));
        fromFile.credentialsFile = creds;
        FloorLink withFile {nullptr};
        withFile.start(fromFile);
        QTRY_VERIFY_WITH_TIMEOUT(
            refused.status() == FloorLink::Failed && withFile.status() == FloorLink::Failed, WaitMs);
        qInfo() << "refused:" << refused.statusReason() << "| credentials file:" << withFile.statusReason();
    }
    const QString log = capture->text();
    capture.reset();
    QVERIFY(log.contains(QLatin1String("floor:"))); // the attempts were logged
    for (const QByteArray &secret : {QByteArray("a1-secret"), QByteArray("wrong-") + seed.left(12), seed,
                                     seed.left(20), jwt, QByteArray("hookline-jwt-")})
        QVERIFY2(!log.contains(QString::fromLatin1(secret)), secret.constData());
}

// Permissions without the live subjects (written before the live path): the console's first live publish is
// refused, it says so once and publishes there no more; the supervisor follows through the bucket alone.
void TestFloorSecurity::withoutLivePermissionsTheBucketCarries()
{
    std::optional<LogCapture> capture(std::in_place);
    {
        AgentConsole console(userSettings(m_server->url(), QStringLiteral("a3")));
        Supervisor supervisor(userSettings(m_server->url(), QStringLiteral("sup3")));
        QTRY_COMPARE_WITH_TIMEOUT(console.link.status(), FloorLink::Connected, WaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(supervisor.model.synced(), WaitMs);
        QCOMPARE(console.agent.requestState(AgentState::Ready), AgentState::Applied);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(supervisor.model, QStringLiteral("a3")), QStringLiteral("Ready"),
                                  WaitMs);
        QCOMPARE(console.agent.requestState(AgentState::NotReady, QStringLiteral("lunch")),
                 AgentState::Applied);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(supervisor.model, QStringLiteral("a3")), QStringLiteral("NotReady"),
                                  WaitMs);
        CallSession *call = console.fx.answered(QStringLiteral("alice"));
        QVERIFY(call);
        QTRY_COMPARE_WITH_TIMEOUT(callStateOf(supervisor.model, QStringLiteral("a3"), call->sessionId()),
                                  QStringLiteral("CONNECTED"), WaitMs);
        QCOMPARE(console.link.status(), FloorLink::Connected);
    }
    const QStringList log = capture->messages();
    capture.reset();
    const QString notice = QStringLiteral("does not permit live changes");
    QCOMPARE(log.filter(notice).size(), 1);
}

// The server restarts with a configuration that refuses a1 (a password changed on the server): libnats hears
// "Authorization Violation" twice in a row on its reconnects and gives the connection up. The console does
// not stay alone for good: it says so, starts its link again (refused: it says why and tries again later),
// and is back on the floor, publishing, when the server takes a1 again.
void TestFloorSecurity::startsAgainWhenTheConnectionGaveUp()
{
    AgentConsole console(userSettings(m_server->url(), QStringLiteral("a1")));
    Supervisor supervisor(userSettings(m_server->url(), QStringLiteral("sup1")));
    QString why;
    QVERIFY2(readySeen(console, supervisor, QStringLiteral("a1"), &why), qPrintable(why));
    const int port = m_server->port();
    const QString config = m_store->filePath(QStringLiteral("floor.conf"));
    const QString refusing = m_store->filePath(QStringLiteral("refusing.conf"));
    QFile file(refusing);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(floorConfig().replace("{ user: \"a1\", password: \"a1-secret\"",
                                     "{ user: \"a1\", password: \"changed\""));
    file.close();
    QSignalSpy statuses(&console.link, &FloorLink::statusChanged);

    m_server->stop();
    QVERIFY2(
        m_server->start(m_store->filePath(QStringLiteral("store")), port, {QStringLiteral("-c"), refusing}),
        qPrintable(m_server->log()));
    // Given up: the link says why and that it tries again (not Failed, which would be for good).
    QTRY_VERIFY_WITH_TIMEOUT(console.link.statusReason().contains(QLatin1String("Connection closed")),
                             WaitMs);
    QCOMPARE(console.link.status(), FloorLink::Reconnecting);
    QVERIFY2(console.link.statusReason().contains(QLatin1String("connecting again")),
             qPrintable(console.link.statusReason()));
    // Started again while the server still refuses a1: the refusal is in view until the next try.
    QTRY_COMPARE_WITH_TIMEOUT(console.link.status(), FloorLink::Failed, WaitMs);
    QVERIFY2(console.link.statusReason().contains(QLatin1String("refused this console's credentials")),
             qPrintable(console.link.statusReason()));

    m_server->stop();
    QVERIFY2(
        m_server->start(m_store->filePath(QStringLiteral("store")), port, {QStringLiteral("-c"), config}),
        qPrintable(m_server->log()));
    QTRY_COMPARE_WITH_TIMEOUT(console.link.status(), FloorLink::Connected, WaitMs);
    QCOMPARE(console.agent.requestState(AgentState::NotReady, QStringLiteral("lunch")), AgentState::Applied);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(supervisor.model, QStringLiteral("a1")), QStringLiteral("NotReady"),
                              WaitMs);
    QVERIFY(statuses.count() > 0);
}

QTEST_GUILESS_MAIN(TestFloorSecurity)
#include "tst_floor_security.moc"
