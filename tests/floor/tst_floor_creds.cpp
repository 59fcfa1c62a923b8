// The floor with NATS credentials files (issue 16, security): a nats-server in operator mode (decentralised
// JWT: an operator, a system account and the floor's account preloaded in a memory resolver), whose users are
// the same as tst_floor_security's but written into user JWTs that NatsJwt makes and signs here. Consoles
// join with a .creds file; the JWT's permissions hold; an expired or revoked JWT, a seed of another key or an
// account the server does not trust is refused with the reason in the status; the seed and JWT never reach
// the log.
#include "FloorTestConsoles.h"
#include "FloorTestPermissions.h"
#include "FloorTestSecrets.h"
#include "NatsJwt.h"
#include "NatsServer.h"

#include "floor/FloorCredentials.h"
#include "session/CallSession.h"

#include <QtCore/qdatetime.h>
#include <QtCore/qfile.h>
#include <QtCore/qtemporarydir.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

#include <optional>

using namespace FloorTest;

namespace {
const QString Bucket = QStringLiteral("hookline_floor");

// docs/architecture.md's floor users, as JWT permissions (allow_responses: "resp").
NatsJwt::UserClaims agentClaims(const QString &id)
{
    NatsJwt::UserClaims claims;
    claims.name = id;
    claims.publishAllow = {QStringLiteral("$KV.%1.agent.%2").arg(Bucket, id),
                           QStringLiteral("$KV.%1.call.%2.>").arg(Bucket, id),
                           QStringLiteral("hookline.audit.%1").arg(id),
                           QStringLiteral("hookline.live.%1.>").arg(id),
                           QStringLiteral("$JS.API.STREAM.INFO.KV_%1").arg(Bucket),
                           QStringLiteral("$JS.API.STREAM.INFO.hookline_audit")};
    claims.subscribeAllow = {QStringLiteral("hookline.agent.%1.request.*").arg(id),
                             QStringLiteral("_INBOX.%1.>").arg(id)};
    claims.allowResponses = true;
    return claims;
}

NatsJwt::UserClaims supervisorClaims(const QString &id)
{
    NatsJwt::UserClaims claims;
    claims.name = id;
    claims.publishAllow = {QStringLiteral("hookline.agent.*.request.%1").arg(id),
                           QStringLiteral("$JS.API.STREAM.INFO.KV_%1").arg(Bucket),
                           QStringLiteral("$JS.API.STREAM.INFO.hookline_audit"),
                           QStringLiteral("$JS.API.STREAM.NAMES"),
                           QStringLiteral("$JS.API.CONSUMER.CREATE.KV_%1").arg(Bucket),
                           QStringLiteral("$JS.API.CONSUMER.CREATE.KV_%1.>").arg(Bucket),
                           QStringLiteral("$JS.API.CONSUMER.DELETE.KV_%1.>").arg(Bucket),
                           QStringLiteral("$JS.FC.KV_%1.>").arg(Bucket),
                           QStringLiteral("$JS.API.CONSUMER.INFO.KV_%1.>").arg(Bucket)};
    claims.subscribeAllow = {QStringLiteral("_INBOX.%1.>").arg(id), QStringLiteral("hookline.live.>")};
    return claims;
}

QByteArray secretsOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
} // namespace

class TestFloorCreds : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void joinsTheFloorWithCredentialsFile();
    void jwtPermissionsAreEnforced();
    void refusedWithReason_data();
    void refusedWithReason();
    void fileFaults_data();
    void fileFaults();
    void seedAndJwtNeverLogged();
    void expiresWhileConnected();

private:
    // A user of the floor's account (or of another account): its .creds file, by name.
    QString addUser(const QString &file, const NatsNKey &key, const NatsJwt::UserClaims &claims,
                    const NatsNKey *account = nullptr, const QByteArray &seed = {});
    FloorSettings credsSettings(const QString &id, const QString &file) const;

    QTemporaryDir m_dir;
    NatsNKey m_operator;
    NatsNKey m_system;
    NatsNKey m_account;
    NatsNKey m_revoked; // a user the account revoked
    QString m_config;
    std::unique_ptr<QTemporaryDir> m_store;
    std::unique_ptr<NatsServer> m_server;
    std::unique_ptr<FloorLink> m_admin;
};

QString TestFloorCreds::addUser(const QString &file, const NatsNKey &key, const NatsJwt::UserClaims &claims,
                                const NatsNKey *account, const QByteArray &seed)
{
    const QString path = m_dir.filePath(file + QStringLiteral(".creds"));
    const QByteArray jwt = NatsJwt::userJwt(account ? *account : m_account, key, claims);
    return writeCreds(path, jwt, seed.isEmpty() ? key.seed() : seed) ? path : QString();
}

FloorSettings TestFloorCreds::credsSettings(const QString &id, const QString &file) const
{
    FloorSettings settings = settingsFor({m_server->url()}, id);
    settings.credentialsFile = m_dir.filePath(file + QStringLiteral(".creds"));
    return settings;
}

void TestFloorCreds::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_operator = NatsNKey::generate(NatsNKey::Operator);
    m_system = NatsNKey::generate(NatsNKey::Account);
    m_account = NatsNKey::generate(NatsNKey::Account);
    m_revoked = NatsNKey::generate(NatsNKey::User);
    QVERIFY(m_operator.isValid() && m_system.isValid() && m_account.isValid() && m_revoked.isValid());
    QCOMPARE(m_operator.publicKey().left(1), QByteArray("O"));
    QCOMPARE(m_account.publicKey().left(1), QByteArray("A"));
    QCOMPARE(m_revoked.publicKey().left(1), QByteArray("U"));
    QCOMPARE(m_revoked.seed().left(2), QByteArray("SU"));
    QCOMPARE(m_revoked.publicKey().size(), 56);
    QCOMPARE(m_revoked.seed().size(), 58);

    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QString operatorFile = m_dir.filePath(QStringLiteral("operator.jwt"));
    QFile op(operatorFile);
    QVERIFY(op.open(QIODevice::WriteOnly));
    op.write(NatsJwt::operatorJwt(m_operator, QStringLiteral("hookline-test")));
    op.close();
    // The account revokes every JWT of m_revoked issued up to an hour from now.
    const QByteArray accountJwt =
        NatsJwt::accountJwt(m_operator, m_account, QStringLiteral("floor"), true,
                            {{QString::fromLatin1(m_revoked.publicKey()), now + 3600}});
    QCOMPARE(NatsJwt::claimsOf(accountJwt).value(QStringLiteral("iss")).toString(),
             QString::fromLatin1(m_operator.publicKey()));
    m_config = m_dir.filePath(QStringLiteral("floor.conf"));
    QFile config(m_config);
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(
        QStringLiteral("operator: \"%1\"\nsystem_account: %2\nresolver: MEMORY\n"
                       "resolver_preload: {\n  %2: %3\n  %4: %5\n}\n")
            .arg(operatorFile, QString::fromLatin1(m_system.publicKey()),
                 QString::fromLatin1(NatsJwt::accountJwt(m_operator, m_system, QStringLiteral("SYS"), false)),
                 QString::fromLatin1(m_account.publicKey()), QString::fromLatin1(accountJwt))
            .toUtf8());
    config.close();

    NatsJwt::UserClaims admin;
    admin.name = QStringLiteral("admin");
    QVERIFY(!addUser(QStringLiteral("admin"), NatsNKey::generate(NatsNKey::User), admin).isEmpty());
    const NatsNKey a1 = NatsNKey::generate(NatsNKey::User);
    QVERIFY(!addUser(QStringLiteral("a1"), a1, agentClaims(QStringLiteral("a1"))).isEmpty());
    QVERIFY(!addUser(QStringLiteral("sup1"), NatsNKey::generate(NatsNKey::User),
                     supervisorClaims(QStringLiteral("sup1")))
                 .isEmpty());
    // Refused: a1's JWT expired a minute ago; a1's JWT with another user's seed; a revoked user; a user of an
    // account the operator never signed for this server.
    NatsJwt::UserClaims expired = agentClaims(QStringLiteral("a1"));
    expired.issuedAt = now - 3600;
    expired.expires = now - 60;
    QVERIFY(!addUser(QStringLiteral("expired"), a1, expired).isEmpty());
    QVERIFY(!addUser(QStringLiteral("wrongseed"), a1, agentClaims(QStringLiteral("a1")), nullptr,
                     NatsNKey::generate(NatsNKey::User).seed())
                 .isEmpty());
    QVERIFY(!addUser(QStringLiteral("revoked"), m_revoked, agentClaims(QStringLiteral("a2"))).isEmpty());
    const NatsNKey stranger = NatsNKey::generate(NatsNKey::Account);
    QVERIFY(!addUser(QStringLiteral("stranger"), NatsNKey::generate(NatsNKey::User),
                     agentClaims(QStringLiteral("a3")), &stranger)
                 .isEmpty());
}

void TestFloorCreds::init()
{
    m_store = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<NatsServer>();
    QVERIFY2(m_server->start(m_store->filePath(QStringLiteral("store")), 0, {QStringLiteral("-c"), m_config}),
             qPrintable(m_server->log()));
    // The administrator's console (a user without limits) creates the bucket and the audit stream.
    m_admin = std::make_unique<FloorLink>(nullptr);
    m_admin->start(credsSettings(QStringLiteral("admin"), QStringLiteral("admin")));
    QTRY_COMPARE_WITH_TIMEOUT(m_admin->status(), FloorLink::Connected, WaitMs);
}

void TestFloorCreds::cleanup()
{
    m_admin.reset();
    m_server.reset();
    m_store.reset();
}

void TestFloorCreds::joinsTheFloorWithCredentialsFile()
{
    AgentConsole console(credsSettings(QStringLiteral("a1"), QStringLiteral("a1")));
    Supervisor supervisor(credsSettings(QStringLiteral("sup1"), QStringLiteral("sup1")));
    QString why;
    QVERIFY2(readyCallSeen(console, supervisor, QStringLiteral("a1"), &why), qPrintable(why));
    // The supervisor's request and the agent's reply pass the JWTs' permissions; the agent knows who asked
    // by the subject the server let the supervisor's user publish on.
    QVERIFY2(forceStateDeferred(console, supervisor, QStringLiteral("a1"), QStringLiteral("sup1"), &why),
             qPrintable(why));
    QCOMPARE(console.link.status(), FloorLink::Connected);
}

void TestFloorCreds::jwtPermissionsAreEnforced()
{
    AgentConsole console(credsSettings(QStringLiteral("a1"), QStringLiteral("a1")));
    Supervisor supervisor(credsSettings(QStringLiteral("sup1"), QStringLiteral("sup1")));
    // a1's JWT lets it publish its own keys only: a2's agent is refused, its own change arrives.
    QString why;
    QVERIFY2(othersKeyRefused(console, supervisor, QStringLiteral("a1"), QStringLiteral("a2"), &why),
             qPrintable(why));

    // The supervisor's JWT allows no writes to the bucket: its console, posing as an agent, is refused too.
    QSignalSpy supervisorRefused(&supervisor.link, &FloorLink::entryRefused);
    supervisor.link.setEntry(FloorPublisher::agentKey(QStringLiteral("sup1")),
                             R"({"id":"sup1","name":"SUP1","state":"Ready"})");
    QVERIFY(supervisorRefused.wait(WaitMs));
    QCOMPARE(supervisorRefused.at(0).at(0).toString(), QStringLiteral("agent.sup1"));
    QCOMPARE(supervisor.model.rowOf(QStringLiteral("sup1")), -1);
}

void TestFloorCreds::refusedWithReason_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("reason");
    QTest::newRow("expired") << QStringLiteral("expired") << QStringLiteral("a1")
                             << QStringLiteral("the credentials file's JWT (user a1) expired at ");
    QTest::newRow("wrong seed") << QStringLiteral("wrongseed") << QStringLiteral("a1")
                                << QStringLiteral("the seed in the credentials file is not the key of its "
                                                  "JWT's user a1");
    QTest::newRow("revoked") << QStringLiteral("revoked") << QStringLiteral("a2")
                             << QStringLiteral("has a current JWT and its own seed: the account may have "
                                               "revoked it");
    QTest::newRow("untrusted account") << QStringLiteral("stranger") << QStringLiteral("a3")
                                       << QStringLiteral("or the server does not trust the account");
}

void TestFloorCreds::refusedWithReason()
{
    QFETCH(QString, file);
    QFETCH(QString, id);
    QFETCH(QString, reason);
    FloorLink link {nullptr};
    link.start(credsSettings(id, file));
    QTRY_COMPARE_WITH_TIMEOUT(link.status(), FloorLink::Failed, WaitMs);
    const QString status = link.statusReason();
    QVERIFY2(status.startsWith(QLatin1String("The server refused this console's credentials (Authorization "
                                             "Violation): ")),
             qPrintable(status));
    QVERIFY2(status.contains(reason), qPrintable(status));
}

// What the file says when it is not what libnats expects (no server needed).
void TestFloorCreds::fileFaults_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("problem");
    const QByteArray jwt = secretsOf(m_dir.filePath(QStringLiteral("a1.creds")));
    const QByteArray accountSeed = m_account.seed();
    QTest::newRow("no file") << QByteArray() << QStringLiteral("the credentials file cannot be read: ");
    QTest::newRow("empty") << QByteArray("\n") << QStringLiteral("the credentials file holds no user JWT");
    QTest::newRow("not a JWT") << QByteArray("-----BEGIN NATS USER JWT-----\nnot.a.jwt\n------END NATS USER "
                                             "JWT------\n")
                               << QStringLiteral("the credentials file's JWT is not a NATS user's JWT");
    QTest::newRow("no seed") << jwt.left(jwt.indexOf("-----BEGIN USER NKEY SEED"))
                             << QStringLiteral("the credentials file holds no user seed");
    QTest::newRow("an account's seed")
        << jwt.left(jwt.indexOf("-----BEGIN USER NKEY SEED")) + "-----BEGIN USER NKEY SEED-----\n"
            + accountSeed + "\n------END USER NKEY SEED------\n"
        << QStringLiteral("the credentials file's seed is not a NATS user's seed");
    QTest::newRow("good") << jwt << QString();
}

void TestFloorCreds::fileFaults()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, problem);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("console.creds"));
    if (!content.isEmpty()) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    const FloorCredentials credentials = FloorCredentials::read(path);
    const QString found = credentials.problem(QDateTime::currentSecsSinceEpoch());
    if (problem.isEmpty()) {
        QCOMPARE(found, QString());
        QCOMPARE(credentials.userName(), QStringLiteral("a1"));
        QVERIFY(credentials.seedMatches());
        QCOMPARE(credentials.accountKey(), QString::fromLatin1(m_account.publicKey()));
        QCOMPARE(credentials.expires(), 0);
    } else {
        QVERIFY2(found.startsWith(problem), qPrintable(found));
    }
}

void TestFloorCreds::seedAndJwtNeverLogged()
{
    std::optional<LogCapture> capture(std::in_place);
    {
        AgentConsole console(credsSettings(QStringLiteral("a1"), QStringLiteral("a1")));
        FloorLink expired {nullptr};
        expired.start(credsSettings(QStringLiteral("a1"), QStringLiteral("expired")));
        FloorLink wrongSeed {nullptr};
        wrongSeed.start(credsSettings(QStringLiteral("a1"), QStringLiteral("wrongseed")));
        QTRY_COMPARE_WITH_TIMEOUT(console.link.status(), FloorLink::Connected, WaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(
            expired.status() == FloorLink::Failed && wrongSeed.status() == FloorLink::Failed, WaitMs);
        QCOMPARE(console.agent.requestState(AgentState::Ready), AgentState::Applied);
        qInfo() << "expired:" << expired.statusReason() << "| wrong seed:" << wrongSeed.statusReason();
    }
    const QString log = capture->text();
    capture.reset();
    QVERIFY(log.contains(QLatin1String("hookline.floor: "))); // the floor's category was captured
    QVERIFY(log.contains(QLatin1String("Authorization Violation")));
    for (const char *name : {"admin", "a1", "expired", "wrongseed"}) {
        const QByteArray creds = secretsOf(m_dir.filePath(QLatin1String(name) + QStringLiteral(".creds")));
        const QList<QByteArray> lines = creds.split('\n');
        QVERIFY(lines.size() > 5);
        const QByteArray jwt = lines.at(1);
        const QByteArray seed = lines.at(5);
        QVERIFY(jwt.count('.') == 2 && seed.startsWith("SU"));
        // The JWT, each of its parts, and the seed or any 16 characters of it.
        QList<QByteArray> secrets {jwt, seed};
        secrets += jwt.split('.');
        for (qsizetype at = 0; at + 16 <= seed.size(); at += 8)
            secrets << seed.mid(at, 16);
        for (const QByteArray &secret : std::as_const(secrets))
            QVERIFY2(!log.contains(QString::fromLatin1(secret)), name);
    }
}

// A JWT that expires while the console is on the floor: the server closes the connection, the console
// is refused when it reconnects and says why.
void TestFloorCreds::expiresWhileConnected()
{
    NatsJwt::UserClaims soon = agentClaims(QStringLiteral("a1"));
    soon.expires = QDateTime::currentSecsSinceEpoch() + 4; // time enough to connect on a loaded machine
    QVERIFY(!addUser(QStringLiteral("soon"), NatsNKey::generate(NatsNKey::User), soon).isEmpty());
    AgentConsole console(credsSettings(QStringLiteral("a1"), QStringLiteral("soon")));
    QTRY_COMPARE_WITH_TIMEOUT(console.link.status(), FloorLink::Connected, WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(console.link.status(), FloorLink::Failed, WaitMs);
    const QString reason = console.link.statusReason();
    QVERIFY2(reason.startsWith(QLatin1String("The server closed the connection (")), qPrintable(reason));
    QVERIFY2(reason.contains(QLatin1String("the credentials file's JWT (user a1) expired at ")),
             qPrintable(reason));
}

QTEST_GUILESS_MAIN(TestFloorCreds)
#include "tst_floor_creds.moc"
