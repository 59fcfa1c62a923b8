// SIP over TLS against Kamailio's TLS module on 127.0.0.1. The test makes its certificates at run time
// with the openssl CLI (a few EC keys, well under a second): a test CA, a server certificate it signs for
// IP 127.0.0.1, one it signs for another name, and one from a CA the console does not trust. Made fresh
// each run, they cannot expire in the repository and no private key is committed. Kamailio listens for
// TLS on three ports, one certificate each; the console's accounts use transport tls with the test CA
// as tlsCaFile (they have no UDP or TCP socket at all, so whatever works here went over TLS):
// - the trusted port: the line registers, an outbound call is answered and hung up by a sipp far end,
//   and a call from sipp reaches the console over the TLS connection it registered on;
// - the other ports: the line stays out of service with the certificate's fault as the reason;
// - a CA file that does not exist: out of service, naming the file; in service once it is there;
// - a port that asks for the client's certificate: the account with tlsCertificateFile registers; one
//   without goes out of service at once (well before the REGISTER's 32 s timeout) with the server's
//   alert as the reason; one whose certificate the server does not accept too, and it comes into
//   service by itself once its tlsCertificateFile holds one the server takes.
#include "EventRecorder.h"
#include "SipLineProvider.h"
#include "SipLoopbackConsole.h"
#include "SipLoopbackPeers.h"
#include "core/Tapi.h"
#include "lines/Line.h"
#include "session/CallEngine.h"
#include "session/CallSession.h"

#include <QtCore/qdir.h>
#include <QtCore/qelapsedtimer.h>
#include <QtCore/qfile.h>
#include <QtCore/qhash.h>
#include <QtCore/qprocess.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

#include <memory>

using namespace Tapi;

namespace {

// Runs the openssl CLI in `dir`; false with *error on failure.
bool openssl(const QString &dir, const QStringList &args, QString *error)
{
    QProcess process;
    process.setWorkingDirectory(dir);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("openssl"), args);
    if (!process.waitForStarted(5000)) {
        *error = QStringLiteral("openssl did not start (scripts/install-deps.sh installs it): ")
            + process.errorString();
        return false;
    }
    if (!process.waitForFinished(30000) || process.exitCode() != 0) {
        *error = QStringLiteral("openssl %1 failed: %2")
                     .arg(args.join(QLatin1Char(' ')), QString::fromLocal8Bit(process.readAll()));
        process.kill();
        return false;
    }
    return true;
}

const QStringList EcKey = {QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                           QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes")};

// A self-signed CA `name`.pem / `name`.key, valid two days.
bool makeCa(const QString &dir, const QString &name, QString *error)
{
    return openssl(dir,
                   QStringList {QStringLiteral("req"), QStringLiteral("-x509")} + EcKey
                       + QStringList {QStringLiteral("-keyout"), name + QStringLiteral(".key"),
                                      QStringLiteral("-out"), name + QStringLiteral(".pem"),
                                      QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                                      QStringLiteral("/CN=Hookline test ") + name},
                   error);
}

// A certificate `name`.pem / `name`.key with subjectAltName `altName` for `usage` (serverAuth,
// clientAuth), signed by CA `ca`.
bool makeCertificate(const QString &dir, const QString &name, const QString &altName, const QString &ca,
                     const QString &usage, QString *error)
{
    QFile extensions(QDir(dir).filePath(name + QStringLiteral(".ext")));
    if (!extensions.open(QIODevice::WriteOnly)
        || extensions.write("subjectAltName=" + altName.toUtf8() + "\nextendedKeyUsage=" + usage.toUtf8()
                            + '\n')
            <= 0) {
        *error = QStringLiteral("cannot write ") + extensions.fileName();
        return false;
    }
    extensions.close();
    return openssl(dir,
                   QStringList {QStringLiteral("req")} + EcKey
                       + QStringList {QStringLiteral("-keyout"), name + QStringLiteral(".key"),
                                      QStringLiteral("-out"), name + QStringLiteral(".csr"),
                                      QStringLiteral("-subj"), QStringLiteral("/CN=") + name},
                   error)
        && openssl(dir,
                   {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                    name + QStringLiteral(".csr"), QStringLiteral("-CA"), ca + QStringLiteral(".pem"),
                    QStringLiteral("-CAkey"), ca + QStringLiteral(".key"), QStringLiteral("-CAcreateserial"),
                    QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-extfile"),
                    name + QStringLiteral(".ext"), QStringLiteral("-out"), name + QStringLiteral(".pem")},
                   error);
}

bool makeServer(const QString &dir, const QString &name, const QString &altName, const QString &ca,
                QString *error)
{
    return makeCertificate(dir, name, altName, ca, QStringLiteral("serverAuth"), error);
}

} // namespace

class tst_SipTls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void untrustedServerIsOutOfService_data();
    void untrustedServerIsOutOfService();
    void lineRecoversOnceTheCaFileIsThere();
    void registersOverTls();
    void outboundCallOverTls();
    void inboundCallOverTls();
    void clientCertificateWhenTheServerAsks();
    void refusedForWantOfAClientCertificate_data();
    void refusedForWantOfAClientCertificate();
    void lineRecoversOnceTheCertificateIsAccepted();

private:
    std::unique_ptr<SipLoopbackPeers> m_peers;
    std::unique_ptr<SipLoopbackConsole> m_console;
    QHash<QString, quint16> m_ports; // Kamailio's TLS port per listener name
    QElapsedTimer m_started; // since the console started
};

void tst_SipTls::initTestCase()
{
    m_peers = std::make_unique<SipLoopbackPeers>();
    QVERIFY(m_peers->isValid());
    const QString dir = m_peers->directory();
    QString error;
    QVERIFY2(makeCa(dir, QStringLiteral("ca"), &error), qPrintable(error));
    QVERIFY2(makeCa(dir, QStringLiteral("rogue-ca"), &error), qPrintable(error));
    QVERIFY2(makeServer(dir, QStringLiteral("trusted"), QStringLiteral("IP:127.0.0.1"), QStringLiteral("ca"),
                        &error),
             qPrintable(error));
    QVERIFY2(makeServer(dir, QStringLiteral("wrong-name"), QStringLiteral("DNS:pbx.example.com"),
                        QStringLiteral("ca"), &error),
             qPrintable(error));
    QVERIFY2(makeServer(dir, QStringLiteral("untrusted"), QStringLiteral("IP:127.0.0.1"),
                        QStringLiteral("rogue-ca"), &error),
             qPrintable(error));
    // The console's own certificate, with its key in the same file (what tlsCertificateFile takes).
    QVERIFY2(makeCertificate(dir, QStringLiteral("agent5"), QStringLiteral("DNS:agent5.example.com"),
                             QStringLiteral("ca"), QStringLiteral("clientAuth"), &error),
             qPrintable(error));
    QFile bundle(QDir(dir).filePath(QStringLiteral("agent5-bundle.pem")));
    QFile certificate(QDir(dir).filePath(QStringLiteral("agent5.pem")));
    QFile key(QDir(dir).filePath(QStringLiteral("agent5.key")));
    QVERIFY(bundle.open(QIODevice::WriteOnly) && certificate.open(QIODevice::ReadOnly)
            && key.open(QIODevice::ReadOnly));
    bundle.write(certificate.readAll() + key.readAll());
    bundle.close();
    // agent7's first certificate comes from a CA the server does not know.
    QVERIFY2(makeCertificate(dir, QStringLiteral("stranger"), QStringLiteral("DNS:agent7.example.com"),
                             QStringLiteral("rogue-ca"), QStringLiteral("clientAuth"), &error),
             qPrintable(error));
    QFile strangerBundle(QDir(dir).filePath(QStringLiteral("agent7-bundle.pem")));
    QFile strangerCertificate(QDir(dir).filePath(QStringLiteral("stranger.pem")));
    QFile strangerKey(QDir(dir).filePath(QStringLiteral("stranger.key")));
    QVERIFY(strangerBundle.open(QIODevice::WriteOnly) && strangerCertificate.open(QIODevice::ReadOnly)
            && strangerKey.open(QIODevice::ReadOnly));
    strangerBundle.write(strangerCertificate.readAll() + strangerKey.readAll());
    strangerBundle.close();
    // One port per certificate; "clients" shows the trusted one and asks clients for theirs.
    QList<SipLoopbackPeers::TlsListener> listeners;
    for (const QString &name : {QStringLiteral("trusted"), QStringLiteral("wrong-name"),
                                QStringLiteral("untrusted"), QStringLiteral("clients")}) {
        quint16 port = 0;
        do {
            port = SipLoopbackPeers::freePort();
        } while (port == m_peers->kamailioPort() || port == m_peers->farEndPort()
                 || m_ports.values().contains(port));
        m_ports.insert(name, port);
        const QString base =
            QDir(dir).filePath(name == QLatin1String("clients") ? QStringLiteral("trusted") : name);
        listeners.append(
            {port, base + QStringLiteral(".pem"), base + QStringLiteral(".key"),
             name == QLatin1String("clients") ? QDir(dir).filePath(QStringLiteral("ca.pem")) : QString()});
    }
    m_peers->setTlsListeners(listeners);
    QVERIFY2(m_peers->prepareKamailio({{"agent1", "secret1"},
                                       {"agent2", "secret2"},
                                       {"agent3", "secret3"},
                                       {"agent4", "secret4"},
                                       {"agent5", "secret5"},
                                       {"agent6", "secret6"},
                                       {"agent7", "secret7"}},
                                      &error),
             qPrintable(error));
    QVERIFY2(m_peers->startKamailio(&error), qPrintable(error));
    // The console starts at once: its registrations are tried again every second until Kamailio answers.
    const QString ca = QDir(dir).filePath(QStringLiteral("ca.pem"));
    auto account = [&](const char *user, const char *password, quint16 port, const QString &caFile) {
        return QVariantMap {{"user", user},
                            {"password", password},
                            {"transport", "tls"},
                            {"registrar", QStringLiteral("127.0.0.1:%1").arg(port)},
                            {"tlsCaFile", caFile}};
    };
    m_console = std::make_unique<SipLoopbackConsole>(m_peers.get());
    QVariantMap withCertificate = account("agent5", "secret5", m_ports.value("clients"), ca);
    withCertificate.insert(QStringLiteral("tlsCertificateFile"), bundle.fileName());
    QVariantMap withStrangerCertificate = account("agent7", "secret7", m_ports.value("clients"), ca);
    withStrangerCertificate.insert(QStringLiteral("tlsCertificateFile"), strangerBundle.fileName());
    m_started.start();
    QVERIFY2(m_console->start(
                 {account("agent1", "secret1", m_ports.value("trusted"), ca),
                  account("agent2", "secret2", m_ports.value("wrong-name"), ca),
                  account("agent3", "secret3", m_ports.value("untrusted"), ca),
                  account("agent4", "secret4", m_ports.value("trusted"), QDir(dir).filePath("none.pem")),
                  withCertificate, account("agent6", "secret6", m_ports.value("clients"), ca),
                  withStrangerCertificate},
                 &error),
             qPrintable(error));
}

void tst_SipTls::cleanupTestCase()
{
    m_console.reset();
    m_peers.reset();
}

void tst_SipTls::untrustedServerIsOutOfService_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("reason"); // the line's out-of-service reason holds this
    QTest::newRow("certificate for another name")
        << QStringLiteral("agent2")
        << QStringLiteral("is not trusted: IP address mismatch, certificate /CN=wrong-name");
    QTest::newRow("certificate of an unknown CA")
        << QStringLiteral("agent3")
        << QStringLiteral(
               "is not trusted: unable to get local issuer certificate, certificate /CN=untrusted");
    QTest::newRow("CA file missing") << QStringLiteral("agent4") << QStringLiteral("TLS: tlsCaFile ");
}

void tst_SipTls::untrustedServerIsOutOfService()
{
    QFETCH(QString, user);
    QFETCH(QString, reason);
    Line *line = m_console->line(user);
    QVERIFY(line);
    QTRY_VERIFY2_WITH_TIMEOUT(line->outOfServiceReason().contains(reason),
                              qPrintable(line->outOfServiceReason()), 10000);
    QVERIFY(!line->inService());
    if (user == QLatin1String("agent2")) {
        QCOMPARE(line->outOfServiceReason(),
                 QStringLiteral("the TLS certificate of registrar 127.0.0.1:%1 is not trusted: IP address "
                                "mismatch, certificate /CN=wrong-name")
                     .arg(m_ports.value("wrong-name")));
    } else if (user == QLatin1String("agent4")) {
        QCOMPARE(line->outOfServiceReason(),
                 QStringLiteral("TLS: tlsCaFile %1 does not exist")
                     .arg(QDir(m_peers->directory()).filePath("none.pem")));
    }
}

void tst_SipTls::lineRecoversOnceTheCaFileIsThere()
{
    // The files are read again at the retry interval: the missing CA file put in place brings agent4 up.
    Line *line = m_console->line(QStringLiteral("agent4"));
    QVERIFY(line && !line->inService());
    const QDir dir(m_peers->directory());
    QVERIFY(QFile::copy(dir.filePath(QStringLiteral("ca.pem")), dir.filePath(QStringLiteral("none.pem"))));
    QTRY_VERIFY2_WITH_TIMEOUT(line->inService(), qPrintable(line->outOfServiceReason()), 10000);
}

void tst_SipTls::registersOverTls()
{
    Line *line = m_console->line(QStringLiteral("agent1"));
    QVERIFY(line);
    QTRY_VERIFY2_WITH_TIMEOUT(
        line->inService(),
        qPrintable(line->outOfServiceReason() + QLatin1Char('\n') + m_peers->kamailioLog()), 10000);
}

void tst_SipTls::outboundCallOverTls()
{
    // The INVITE goes over the TLS connection, Kamailio relays it to sipp; sipp's BYE comes back through
    // Kamailio over the same connection (the ;alias of our Contact).
    QTRY_VERIFY_WITH_TIMEOUT(m_console->line(QStringLiteral("agent1"))->inService(), 10000);
    m_console->recorder()->clear();
    QProcess *sipp = nullptr;
    CallSession *a = m_console->callFarEnd(QStringLiteral("uas_answer_far_end_bye.xml"),
                                           QStringLiteral("9001"), &sipp, {.connected = false});
    QVERIFY(a);
    QTRY_COMPARE_WITH_TIMEOUT(a->state(), int(Disconnected), 10000);
    QCOMPARE(a->disconnectMode(), int(DisconnectNormal));
    QCOMPARE(a->receivedUserUserInfo(), QList<QByteArray> {"far-bye"});
    QVERIFY(m_console->recorder()->events().contains(QStringLiteral("S(A)=CONNECTED/ACTIVE")));
    m_console->finishSipp(sipp);
    a->drop(QByteArray());
    QTRY_COMPARE(a->state(), int(Idle));
}

void tst_SipTls::inboundCallOverTls()
{
    // sipp calls agent1 through Kamailio, which reaches the console over the connection it registered on.
    Line *line = m_console->line(QStringLiteral("agent1"));
    QTRY_VERIFY_WITH_TIMEOUT(line->inService(), 10000);
    m_console->recorder()->clear();
    QSignalSpy added(m_console->engine(), &CallEngine::sessionAdded);
    QProcess *sipp = m_peers->startSipp(QStringLiteral("uac_far_end_bye.xml"), QStringLiteral("agent1"));
    QVERIFY(sipp);
    CallSession *a = m_console->waitForOffer(added);
    QVERIFY2(a, qPrintable(m_peers->kamailioLog()));
    QCOMPARE(a->lineId(), line->lineId());
    QCOMPARE(a->remoteNumber(), QStringLiteral("5551234"));
    QVERIFY(a->answer() > 0);
    QTRY_COMPARE_WITH_TIMEOUT(a->state(), int(Disconnected), 10000);
    QCOMPARE(a->disconnectMode(), int(DisconnectBusy));
    QCOMPARE(m_console->recorder()->events(),
             (QStringList {"S(A)=OFFERING/ACTIVE", "S(A)=CONNECTED/ACTIVE", "S(A)=DISCONNECTED/BUSY"}));
    m_console->finishSipp(sipp);
    a->drop(QByteArray());
    QTRY_COMPARE(a->state(), int(Idle));
}

void tst_SipTls::clientCertificateWhenTheServerAsks()
{
    // A server that wants the client's certificate: agent5 shows its own (tlsCertificateFile, from the
    // test CA) and registers.
    Line *withCertificate = m_console->line(QStringLiteral("agent5"));
    QVERIFY(withCertificate);
    QTRY_VERIFY2_WITH_TIMEOUT(withCertificate->inService(), qPrintable(withCertificate->outOfServiceReason()),
                              10000);
}

void tst_SipTls::refusedForWantOfAClientCertificate_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("alert"); // the server's alert, when it reaches the console
    QTest::addColumn<QString>("note"); // what the reason ends with
    QTest::newRow("no certificate") << QStringLiteral("agent6") << QStringLiteral("certificate required")
                                    << QStringLiteral(
                                           "(no tlsCertificateFile: it may want the client's certificate)");
    QTest::newRow("certificate of an unknown CA")
        << QStringLiteral("agent7") << QStringLiteral("unknown CA")
        << QStringLiteral("(with the certificate of tlsCertificateFile %1)")
               .arg(QDir(m_peers->directory()).filePath(QStringLiteral("agent7-bundle.pem")));
}

void tst_SipTls::refusedForWantOfAClientCertificate()
{
    // TLS 1.3: the console's handshake is over when the server refuses it, on the connection the REGISTER
    // went out on. The line is out of service with the server's alert at once, or (the alert lost in the
    // connection's reset) a few seconds after the server asked for the certificate and answered nothing;
    // not when the REGISTER times out (32 s, "does not answer").
    QFETCH(QString, user);
    QFETCH(QString, alert);
    QFETCH(QString, note);
    Line *line = m_console->line(user);
    QVERIFY(line);
    const QString registrar = QStringLiteral("registrar 127.0.0.1:%1 ").arg(m_ports.value("clients"));
    QTRY_VERIFY2_WITH_TIMEOUT(line->outOfServiceReason().endsWith(note),
                              qPrintable(line->outOfServiceReason()), 15000);
    QVERIFY2(m_started.elapsed() < 20000, qPrintable(QString::number(m_started.elapsed())));
    QVERIFY(!line->inService());
    const QString reason = line->outOfServiceReason();
    QVERIFY2(
        reason == registrar + QStringLiteral("refused the TLS connection: ") + alert + QLatin1Char(' ') + note
            || reason
                == registrar + QStringLiteral("asked for the client's TLS certificate and did not answer ")
                    + note,
        qPrintable(reason));
}

void tst_SipTls::lineRecoversOnceTheCertificateIsAccepted()
{
    // Its files are read again at each retry after a refusal: a certificate the server accepts in
    // agent7's tlsCertificateFile brings it up by itself.
    Line *line = m_console->line(QStringLiteral("agent7"));
    QVERIFY(line);
    QTRY_VERIFY_WITH_TIMEOUT(line->outOfServiceReason().contains(QStringLiteral("agent7-bundle.pem")), 15000);
    const QDir dir(m_peers->directory());
    const QString file = dir.filePath(QStringLiteral("agent7-bundle.pem"));
    QVERIFY(QFile::remove(file));
    QVERIFY(QFile::copy(dir.filePath(QStringLiteral("agent5-bundle.pem")), file));
    QTRY_VERIFY2_WITH_TIMEOUT(line->inService(), qPrintable(line->outOfServiceReason()), 10000);
    // agent6, with no certificate at all, stays out (a setting only the user can change).
    QVERIFY(!m_console->line(QStringLiteral("agent6"))->inService());
}

QTEST_GUILESS_MAIN(tst_SipTls)
#include "tst_sip_tls.moc"
