// The floor over TLS (issue 16, security): a nats-server that requires TLS, its certificates made here with
// openssl in a temporary folder (a CA, a server certificate for 127.0.0.1 and localhost, a client
// certificate, and a second CA nobody uses), on loopback and a free port. A console that trusts the CA joins
// the floor; one that does not says which certificate is wrong and works on alone; a server that wants client
// certificates takes a console that has one and refuses one that has none; a password sent over TLS never
// reaches the log.
#include "FloorTestConsoles.h"
#include "FloorTestPermissions.h"
#include "FloorTestSecrets.h"
#include "NatsServer.h"

#include "session/CallSession.h"

#include <QtCore/qdir.h>
#include <QtCore/qelapsedtimer.h>
#include <QtCore/qfile.h>
#include <QtCore/qprocess.h>
#include <QtCore/qstandardpaths.h>
#include <QtCore/qtemporarydir.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

#include <optional>

using namespace FloorTest;

namespace {
// Runs openssl in `dir`; false (and its output in *error) when it fails.
bool openssl(const QString &dir, const QStringList &arguments, QString *error)
{
    QProcess process;
    process.setWorkingDirectory(dir);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        *error =
            QStringLiteral("openssl %1: %2").arg(arguments.join(u' '), QString::fromUtf8(process.readAll()));
        return false;
    }
    return true;
}

bool writeFile(const QString &path, const QByteArray &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
}

// A CA (name.pem, name.key) that signs itself.
bool makeCa(const QString &dir, const QString &name, QString *error)
{
    return openssl(dir,
                   {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                    QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                    QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                    QStringLiteral("-keyout"), name + QStringLiteral(".key"), QStringLiteral("-out"),
                    name + QStringLiteral(".pem"), QStringLiteral("-days"), QStringLiteral("2"),
                    QStringLiteral("-subj"), QStringLiteral("/CN=Hookline test ") + name,
                    QStringLiteral("-addext"), QStringLiteral("basicConstraints=critical,CA:TRUE"),
                    QStringLiteral("-addext"), QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")},
                   error);
}

// A certificate (name.pem, name.key) the CA `ca` signs, with the extensions given.
bool makeLeaf(const QString &dir, const QString &ca, const QString &name, const QString &commonName,
              const QByteArray &extensions, QString *error)
{
    const QString ext = name + QStringLiteral(".ext");
    return writeFile(QDir(dir).filePath(ext), extensions)
        && openssl(dir,
                   {QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                    QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"),
                    QStringLiteral("-nodes"), QStringLiteral("-keyout"), name + QStringLiteral(".key"),
                    QStringLiteral("-out"), name + QStringLiteral(".csr"), QStringLiteral("-subj"),
                    QStringLiteral("/CN=") + commonName},
                   error)
        && openssl(dir,
                   {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                    name + QStringLiteral(".csr"), QStringLiteral("-CA"), ca + QStringLiteral(".pem"),
                    QStringLiteral("-CAkey"), ca + QStringLiteral(".key"), QStringLiteral("-set_serial"),
                    QString::number(QDateTime::currentMSecsSinceEpoch()), QStringLiteral("-days"),
                    QStringLiteral("2"), QStringLiteral("-extfile"), ext, QStringLiteral("-out"),
                    name + QStringLiteral(".pem")},
                   error);
}

} // namespace

class TestFloorTls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void trustedServerJoinsTheFloor_data();
    void trustedServerJoinsTheFloor();
    void untrustedServerIsNamed_data();
    void untrustedServerIsNamed();
    void tlsNotOffered();
    void clientCertificateRequired_data();
    void clientCertificateRequired();
    void credentialsOverTlsNeverLogged();

private:
    QString pki(const QString &file) const { return m_pki.filePath(file); }
    // A nats-server that requires TLS; verify: it also requires a client certificate its CA signed.
    bool startServer(bool verify, const QByteArray &authorization = {},
                     const QString &certificate = QStringLiteral("server"));
    FloorSettings tlsSettings(const QString &id, bool tlsUrl = false) const;

    QTemporaryDir m_pki;
    std::unique_ptr<QTemporaryDir> m_store;
    std::unique_ptr<NatsServer> m_server;
};

void TestFloorTls::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
        QFAIL("openssl is needed to make the test's certificates (scripts/install-deps.sh)");
    QVERIFY(m_pki.isValid());
    const QString dir = m_pki.path();
    QString error;
    QVERIFY2(makeCa(dir, QStringLiteral("ca"), &error), qPrintable(error));
    QVERIFY2(makeCa(dir, QStringLiteral("otherca"), &error), qPrintable(error));
    QVERIFY2(makeLeaf(dir, QStringLiteral("ca"), QStringLiteral("server"), QStringLiteral("localhost"),
                      "basicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n"
                      "subjectAltName=DNS:localhost,IP:127.0.0.1\n",
                      &error),
             qPrintable(error));
    QVERIFY2(makeLeaf(dir, QStringLiteral("ca"), QStringLiteral("client"), QStringLiteral("a1"),
                      "basicConstraints=CA:FALSE\nextendedKeyUsage=clientAuth\n", &error),
             qPrintable(error));
    // A server certificate the CA signed for another host.
    QVERIFY2(makeLeaf(dir, QStringLiteral("ca"), QStringLiteral("elsewhere"),
                      QStringLiteral("elsewhere.example"),
                      "basicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n"
                      "subjectAltName=DNS:elsewhere.example\n",
                      &error),
             qPrintable(error));
    // A client certificate from the CA nobody trusts.
    QVERIFY2(makeLeaf(dir, QStringLiteral("otherca"), QStringLiteral("stranger"), QStringLiteral("a1"),
                      "basicConstraints=CA:FALSE\nextendedKeyUsage=clientAuth\n", &error),
             qPrintable(error));
}

bool TestFloorTls::startServer(bool verify, const QByteArray &authorization, const QString &certificate)
{
    m_store = std::make_unique<QTemporaryDir>();
    QByteArray config = "tls {\n  cert_file: \"" + pki(certificate + QStringLiteral(".pem")).toUtf8()
        + "\"\n  key_file: \"" + pki(certificate + QStringLiteral(".key")).toUtf8() + "\"\n  timeout: 2\n";
    if (verify)
        config += "  ca_file: \"" + pki(QStringLiteral("ca.pem")).toUtf8() + "\"\n  verify: true\n";
    config += "}\n" + authorization;
    const QString file = m_store->filePath(QStringLiteral("tls.conf"));
    if (!writeFile(file, config))
        return false;
    m_server = std::make_unique<NatsServer>();
    // -D: the server logs each client's TLS handshake.
    return m_server->start(m_store->filePath(QStringLiteral("store")), 0,
                           {QStringLiteral("-c"), file, QStringLiteral("-D")});
}

FloorSettings TestFloorTls::tlsSettings(const QString &id, bool tlsUrl) const
{
    FloorSettings settings = settingsFor(
        {tlsUrl ? QStringLiteral("tls://127.0.0.1:%1").arg(m_server->port()) : m_server->url()}, id);
    settings.tls = !tlsUrl; // a tls:// server turns TLS on by itself
    settings.caFile = pki(QStringLiteral("ca.pem"));
    return settings;
}

void TestFloorTls::cleanup()
{
    m_server.reset();
    m_store.reset();
}

void TestFloorTls::trustedServerJoinsTheFloor_data()
{
    QTest::addColumn<bool>("tlsUrl");
    QTest::newRow("floor/tls on") << false;
    QTest::newRow("tls:// server") << true;
}

// (a) The console trusts the CA: it publishes, a supervisor over TLS too sees its agent and call.
void TestFloorTls::trustedServerJoinsTheFloor()
{
    QFETCH(bool, tlsUrl);
    QVERIFY2(startServer(false), qPrintable(m_server->log()));
    AgentConsole console(tlsSettings(QStringLiteral("a1"), tlsUrl));
    Supervisor supervisor(tlsSettings(QStringLiteral("sup1"), tlsUrl));
    QString why;
    QVERIFY2(readyCallSeen(console, supervisor, QStringLiteral("a1"), &why), qPrintable(why));
    QCOMPARE(console.link.statusReason(), QString());
    // Both spoke TLS (the server takes nothing else, and says so for each client).
    QTRY_VERIFY_WITH_TIMEOUT(m_server->readLog().count(QLatin1String("TLS handshake complete")) >= 2, WaitMs);
}

void TestFloorTls::untrustedServerIsNamed_data()
{
    QTest::addColumn<QString>("caFile");
    QTest::addColumn<QString>("certificate"); // the server's
    QTest::addColumn<QString>("reason");
    const QString server = QStringLiteral("server");
    const QString untrusted = QStringLiteral("The server's certificate is not trusted");
    QTest::newRow("no CA: the system's") << QString() << server << untrusted;
    QTest::newRow("another CA") << QStringLiteral("otherca.pem") << server << untrusted;
    QTest::newRow("the CA's, for another host")
        << QStringLiteral("ca.pem") << QStringLiteral("elsewhere") << untrusted;
    QTest::newRow("a CA file that is not there")
        << QStringLiteral("missing.pem") << server << QStringLiteral("Floor settings refused");
}

// (b) The server's certificate is signed by a CA the console does not trust: the status says the server's
// certificate was not accepted (promptly, not an endless "connecting"), and the console works on alone.
void TestFloorTls::untrustedServerIsNamed()
{
    QFETCH(QString, caFile);
    QFETCH(QString, certificate);
    QFETCH(QString, reason);
    QVERIFY2(startServer(false, {}, certificate), qPrintable(m_server->log()));
    FloorSettings settings = tlsSettings(QStringLiteral("a1"));
    settings.caFile = caFile.isEmpty() ? QString() : pki(caFile);
    QElapsedTimer elapsed;
    elapsed.start();
    auto console = std::make_unique<AgentConsole>(settings);
    QTRY_COMPARE_WITH_TIMEOUT(console->link.status(), FloorLink::Failed, WaitMs);
    qInfo("refused after %lld ms: %s", elapsed.elapsed(), qPrintable(console->link.statusReason()));
    QVERIFY2(console->link.statusReason().startsWith(reason), qPrintable(console->link.statusReason()));
    // The console works on without the floor, and the status stays as it is (no retry turns it back).
    QCOMPARE(console->agent.requestState(AgentState::Ready), AgentState::Applied);
    CallSession *call = console->fx.answered(QStringLiteral("alice"));
    QVERIFY(call);
    QCOMPARE(call->state(), Tapi::Connected);
    QSignalSpy changed(&console->link, &FloorLink::statusChanged);
    QVERIFY(!changed.wait(settings.connectTimeoutMs)); // libnats would have retried 4 times
    QCOMPARE(console->link.status(), FloorLink::Failed);
    // Closing it does not wait for a server.
    elapsed.restart();
    console.reset();
    QVERIFY2(elapsed.elapsed() < 2 * settings.connectTimeoutMs,
             qPrintable(QString::number(elapsed.elapsed())));
}

// The console asks for TLS from a server that does not offer it: refused by name, not sent in the clear.
void TestFloorTls::tlsNotOffered()
{
    m_store = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<NatsServer>();
    QVERIFY2(m_server->start(m_store->path()), qPrintable(m_server->log()));
    AgentConsole console(tlsSettings(QStringLiteral("a1")));
    QTRY_COMPARE_WITH_TIMEOUT(console.link.status(), FloorLink::Failed, WaitMs);
    QVERIFY2(console.link.statusReason().startsWith(QLatin1String("The server does not offer TLS")),
             qPrintable(console.link.statusReason()));
    QCOMPARE(console.agent.requestState(AgentState::Ready), AgentState::Applied);
}

void TestFloorTls::clientCertificateRequired_data()
{
    QTest::addColumn<QString>("cert");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("the CA's client certificate") << QStringLiteral("client") << true;
    QTest::newRow("none") << QString() << false;
    QTest::newRow("another CA's") << QStringLiteral("stranger") << false;
}

// (c) The server wants a client certificate its CA signed (tls { verify: true }).
void TestFloorTls::clientCertificateRequired()
{
    QFETCH(QString, cert);
    QFETCH(bool, accepted);
    QVERIFY2(startServer(true), qPrintable(m_server->log()));
    FloorSettings settings = tlsSettings(QStringLiteral("a1"));
    if (!cert.isEmpty()) {
        settings.certFile = pki(cert + QStringLiteral(".pem"));
        settings.keyFile = pki(cert + QStringLiteral(".key"));
    }
    AgentConsole console(settings);
    if (accepted) {
        FloorSettings supervisorSettings = tlsSettings(QStringLiteral("sup1"));
        supervisorSettings.certFile = pki(QStringLiteral("client.pem"));
        supervisorSettings.keyFile = pki(QStringLiteral("client.key"));
        Supervisor supervisor(supervisorSettings);
        QTRY_COMPARE_WITH_TIMEOUT(console.link.status(), FloorLink::Connected, WaitMs);
        QCOMPARE(console.agent.requestState(AgentState::Ready), AgentState::Applied);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(supervisor.model, QStringLiteral("a1")), QStringLiteral("Ready"),
                                  WaitMs);
        return;
    }
    QTRY_COMPARE_WITH_TIMEOUT(console.link.status(), FloorLink::Failed, WaitMs);
    qInfo("refused: %s", qPrintable(console.link.statusReason()));
    QVERIFY2(console.link.statusReason().contains(QLatin1String("client certificate")),
             qPrintable(console.link.statusReason()));
    QCOMPARE(console.agent.requestState(AgentState::Ready), AgentState::Applied);
}

// (d) Credentials over TLS: user and password connect, a wrong password and a credentials file this server
// does not know are refused by name; no password, seed or JWT reaches the log (every hookline category on).
void TestFloorTls::credentialsOverTlsNeverLogged()
{
    const QByteArray password = "pw-" + QByteArray::number(QRandomGenerator::global()->generate64(), 36);
    QVERIFY2(startServer(false,
                         "authorization {\n  users = [\n    { user: a1, password: \"" + password
                             + "\" }\n    { user: sup1, password: \"" + password + "-sup\" }\n  ]\n}\n"),
             qPrintable(m_server->log()));
    const QByteArray seed = userSeed();
    const QByteArray jwt = fakeJwt("tls-jwt-");
    const QString creds = m_store->filePath(QStringLiteral("console.creds"));
    QVERIFY(writeCreds(creds, jwt, seed));

    std::optional<LogCapture> capture(std::in_place);
    {
        FloorSettings settings = tlsSettings(QStringLiteral("a1"));
        settings.user = QStringLiteral("a1");
        settings.password = QString::fromLatin1(password);
        AgentConsole console(settings);
        FloorSettings supervisorSettings = tlsSettings(QStringLiteral("sup1"));
        supervisorSettings.user = QStringLiteral("sup1");
        supervisorSettings.password = QString::fromLatin1(password + "-sup");
        Supervisor supervisor(supervisorSettings);
        QTRY_COMPARE_WITH_TIMEOUT(console.link.status(), FloorLink::Connected, WaitMs);
        QCOMPARE(console.agent.requestState(AgentState::Ready), AgentState::Applied);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(supervisor.model, QStringLiteral("a1")), QStringLiteral("Ready"),
                                  WaitMs);
        FloorSettings wrong = settings;
        wrong.agentId = QStringLiteral("a2");
        wrong.password = QString::fromLatin1(password + "-wrong");
        FloorLink refused {nullptr};
        refused.start(wrong);
        FloorSettings fromFile = tlsSettings(QStringLiteral("a3"));
        fromFile.credentialsFile = creds;
        FloorLink withFile {nullptr};
        withFile.start(fromFile);
        QTRY_VERIFY_WITH_TIMEOUT(
            refused.status() == FloorLink::Failed && withFile.status() == FloorLink::Failed, WaitMs);
        QVERIFY2(refused.statusReason().contains(QLatin1String("credentials")),
                 qPrintable(refused.statusReason()));
        QVERIFY2(withFile.statusReason().contains(QLatin1String("credentials")),
                 qPrintable(withFile.statusReason()));
        // Over TLS indeed: the server logged each handshake (three consoles, a supervisor, the two refused).
        QTRY_VERIFY_WITH_TIMEOUT(m_server->readLog().count(QLatin1String("TLS handshake complete")) >= 3,
                                 WaitMs);
    }
    const QString log = capture->text();
    capture.reset();
    QVERIFY2(log.contains(QLatin1String("hookline.floor: floor:")),
             qPrintable(log)); // the attempts were logged
    for (const QByteArray &secret : {password, seed, seed.left(20), jwt, QByteArray("tls-jwt-")})
        QVERIFY2(!log.contains(QString::fromLatin1(secret)), secret.constData());
}

QTEST_GUILESS_MAIN(TestFloorTls)
#include "tst_floor_tls.moc"
