#include "SipLoopbackPeers.h"

#include <QtCore/qregularexpression.h>

#include <QtCore/qdir.h>
#include <QtCore/qfile.h>
#include <QtCore/qstandardpaths.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

// Binds a socket of `type` to 127.0.0.1:port (0: any); returns the bound port, 0 on failure. Plain
// sockets: QtNetwork would ask the system proxy configuration first, which can block.
quint16 bindLoopback(int type, quint16 port)
{
    const int fd = ::socket(AF_INET, type, 0);
    if (fd < 0)
        return 0;
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(port);
    socklen_t length = sizeof address;
    quint16 bound = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&address), length) == 0
        && ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
        bound = ntohs(address.sin_port);
    ::close(fd);
    return bound;
}

} // namespace

SipLoopbackPeers::SipLoopbackPeers()
{
    m_kamailioPort = freePort();
    do {
        m_farEndPort = freePort();
    } while (m_farEndPort == m_kamailioPort);
}

SipLoopbackPeers::~SipLoopbackPeers()
{
    end(m_sipp.get());
    stopKamailio();
}

quint16 SipLoopbackPeers::freePort()
{
    for (int attempt = 0; attempt < 50; ++attempt) {
        const quint16 port = bindLoopback(SOCK_STREAM, 0);
        if (!port)
            continue;
        // sipp and libre also take the ports above a SIP port (TLS, media): keep one spare.
        if (port > 65000 || udpPortInUse(port) || udpPortInUse(port + 1))
            continue;
        return port;
    }
    return 0;
}

bool SipLoopbackPeers::udpPortInUse(quint16 port)
{
    return bindLoopback(SOCK_DGRAM, port) == 0;
}

quint16 SipLoopbackPeers::freeRtpPortPair()
{
    for (int attempt = 0; attempt < 50; ++attempt) {
        const quint16 candidate = freePort() & ~1;
        if (candidate && candidate < 64000 && !udpPortInUse(candidate) && !udpPortInUse(candidate + 1))
            return candidate;
    }
    return 0;
}

bool SipLoopbackPeers::prepareKamailio(const QList<Subscriber> &subscribers, QString *error)
{
    const QString db = m_dir.filePath(QStringLiteral("kamailio.db"));
    QByteArray sql;
    for (const char *schema : {"standard", "auth_db", "presence"}) { // presence: dialog-info
        QFile file(QStringLiteral("/usr/share/kamailio/db_sqlite/%1-create.sql").arg(QLatin1String(schema)));
        if (!file.open(QIODevice::ReadOnly)) {
            *error = file.fileName() + QStringLiteral(": ") + file.errorString()
                + QStringLiteral(" (scripts/install-deps.sh installs kamailio-sqlite-modules)");
            return false;
        }
        sql += file.readAll() + '\n';
    }
    for (const Subscriber &subscriber : subscribers) {
        sql += QStringLiteral(
                   "INSERT INTO subscriber (username, domain, password) VALUES ('%1', '127.0.0.1', '%2');\n")
                   .arg(subscriber.user, subscriber.password)
                   .toUtf8();
    }
    QProcess sqlite;
    sqlite.start(QStringLiteral("sqlite3"), {db});
    if (!sqlite.waitForStarted(5000)) {
        *error = QStringLiteral("sqlite3 did not start: ") + sqlite.errorString();
        return false;
    }
    sqlite.write(sql);
    sqlite.closeWriteChannel();
    if (!sqlite.waitForFinished(10000) || sqlite.exitCode() != 0) {
        *error = QStringLiteral("sqlite3 failed: ") + QString::fromLocal8Bit(sqlite.readAllStandardError());
        end(&sqlite);
        return false;
    }

    QFile in(QStringLiteral(SIP_TEST_DIR "/kamailio.cfg.in"));
    QFile out(m_dir.filePath(QStringLiteral("kamailio.cfg")));
    if (!in.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write the Kamailio configuration");
        return false;
    }
    QByteArray config = in.readAll();
    if (!m_tlsListeners.isEmpty()) {
        // One "server" domain per port with its certificate; Kamailio checks no client certificate.
        QByteArray listen, domains;
        for (const TlsListener &listener : std::as_const(m_tlsListeners)) {
            listen += "listen=tls:127.0.0.1:" + QByteArray::number(listener.port) + '\n';
            domains += "[server:127.0.0.1:" + QByteArray::number(listener.port) + "]\nmethod = TLSv1.2+\n"
                + "certificate = " + listener.certificate.toUtf8()
                + "\nprivate_key = " + listener.privateKey.toUtf8()
                + (listener.clientCa.isEmpty()
                       ? QByteArray("\nverify_certificate = no\nrequire_certificate = no\n\n")
                       : "\nverify_certificate = yes\nrequire_certificate = yes\nca_list = "
                           + listener.clientCa.toUtf8() + "\n\n");
        }
        // The default server domain must have a certificate too: the first listener's.
        domains += "[server:default]\ncertificate = " + m_tlsListeners.front().certificate.toUtf8()
            + "\nprivate_key = " + m_tlsListeners.front().privateKey.toUtf8() + "\n\n";
        domains += "[client:default]\nverify_certificate = no\nrequire_certificate = no\n";
        QFile tlsIn(QStringLiteral(SIP_TEST_DIR "/kamailio-tls.cfg.in"));
        QFile tlsOut(m_dir.filePath(QStringLiteral("kamailio-tls.cfg")));
        QFile domainsOut(m_dir.filePath(QStringLiteral("tls.cfg")));
        if (!tlsIn.open(QIODevice::ReadOnly) || !tlsOut.open(QIODevice::WriteOnly)
            || !domainsOut.open(QIODevice::WriteOnly)) {
            *error = QStringLiteral("cannot write Kamailio's TLS configuration");
            return false;
        }
        QByteArray tls = tlsIn.readAll();
        tls.replace("@TLS_LISTEN@", listen);
        tls.replace("@TLS_DOMAINS@", domainsOut.fileName().toUtf8());
        tlsOut.write(tls);
        domainsOut.write(domains);
        config.replace("@TLS_CFG@", tlsOut.fileName().toUtf8());
    }
    config.replace("@SIP_PORT@", QByteArray::number(m_kamailioPort));
    config.replace("@FAREND_PORT@", QByteArray::number(m_farEndPort));
    config.replace("@DB@", db.toUtf8());
    config.replace("@MAX_EXPIRES@", QByteArray::number(m_maxExpires));
    config.replace("@CTL@", controlSocket().toUtf8());
    out.write(config);
    return true;
}

bool SipLoopbackPeers::startKamailio(QString *error)
{
    if (m_kamailio)
        return true;
    const QString runDir = m_dir.filePath(QStringLiteral("run"));
    QDir().mkpath(runDir);
    m_kamailio = std::make_unique<QProcess>();
    m_kamailio->setProcessChannelMode(QProcess::MergedChannels);
    m_kamailio->setStandardOutputFile(m_dir.filePath(QStringLiteral("kamailio.log")));
    // Debian installs it in /usr/sbin, which is not on an ordinary user's PATH.
    QString program = QStandardPaths::findExecutable(QStringLiteral("kamailio"));
    if (program.isEmpty())
        program = QStandardPaths::findExecutable(QStringLiteral("kamailio"),
                                                 {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")});
    if (program.isEmpty()) {
        *error = QStringLiteral("kamailio not found (scripts/install-deps.sh installs it)");
        m_kamailio.reset();
        return false;
    }
    QStringList args {QStringLiteral("-DD"), QStringLiteral("-E"),
                      QStringLiteral("-f"),  m_dir.filePath(QStringLiteral("kamailio.cfg")),
                      QStringLiteral("-Y"),  runDir,
                      QStringLiteral("-w"),  m_dir.path()};
    if (!m_tlsListeners.isEmpty())
        args << QStringLiteral("-A") << QStringLiteral("WITH_TLS");
    m_kamailio->start(program, args);
    if (!m_kamailio->waitForStarted(5000)) {
        *error = QStringLiteral("kamailio did not start: ") + m_kamailio->errorString();
        m_kamailio.reset();
        return false;
    }
    return true;
}

void SipLoopbackPeers::stopKamailio()
{
    end(m_kamailio.get());
    m_kamailio.reset();
}

QString SipLoopbackPeers::kamailioLog() const
{
    QFile log(m_dir.filePath(QStringLiteral("kamailio.log")));
    return log.open(QIODevice::ReadOnly) ? QString::fromLocal8Bit(log.readAll().right(4000)) : QString();
}

QProcess *SipLoopbackPeers::startSipp(const QString &scenario, const QString &service, bool echo, int calls,
                                      const QList<std::pair<QString, QString>> &keys,
                                      const QList<std::pair<QString, QString>> &variables)
{
    end(m_sipp.get());
    m_sipp = std::make_unique<QProcess>();
    m_sipp->setProcessChannelMode(QProcess::MergedChannels);
    m_sipp->setWorkingDirectory(m_dir.path());
    // RTP wants an even port (Linux hands out odd ones for port 0), and sipp's echo takes port + 2 too.
    quint16 mediaPort = 0;
    for (int attempt = 0; attempt < 50 && !mediaPort; ++attempt) {
        const quint16 candidate = freePort() & ~1;
        if (candidate && !udpPortInUse(candidate) && !udpPortInUse(candidate + 2))
            mediaPort = candidate;
    }
    QStringList args {QStringLiteral("-sf"), QStringLiteral(SIP_TEST_DIR "/sipp/") + scenario,
                      QStringLiteral("-i"), QStringLiteral("127.0.0.1"), QStringLiteral("-mi"),
                      QStringLiteral("127.0.0.1"), QStringLiteral("-mp"), QString::number(mediaPort),
                      QStringLiteral("-m"), QString::number(calls), QStringLiteral("-timeout"),
                      QStringLiteral("15s"), QStringLiteral("-timeout_error"), QStringLiteral("-nostdin"),
                      QStringLiteral("-trace_err"), QStringLiteral("-nr"),
                      // [registrar] in a scenario: where Kamailio listens (a far end's Refer-To).
                      QStringLiteral("-key"), QStringLiteral("registrar"),
                      QStringLiteral("127.0.0.1:%1").arg(m_kamailioPort)};
    for (const auto &[name, value] : keys)
        args << QStringLiteral("-key") << name << value;
    for (const auto &[name, value] : variables)
        args << QStringLiteral("-set") << name << value;
    if (echo)
        args << QStringLiteral("-rtp_echo");
    if (service.isEmpty()) {
        args << QStringLiteral("-p") << QString::number(m_farEndPort);
    } else {
        args << QStringLiteral("-p") << QString::number(freePort()) << QStringLiteral("-s") << service
             << QStringLiteral("127.0.0.1:%1").arg(m_kamailioPort);
    }
    m_sipp->start(QStringLiteral("sipp"), args);
    return m_sipp->waitForStarted(5000) ? m_sipp.get() : nullptr;
}

int SipLoopbackPeers::finishSipp(QProcess *sipp, QString *output)
{
    if (!sipp)
        return -1;
    // waitForFinished() is false for a process that has already ended: ask the state first.
    const bool finished = sipp->state() == QProcess::NotRunning || sipp->waitForFinished(20000);
    if (!finished)
        end(sipp);
    *output = QStringLiteral("exit status %1 code %2\n").arg(int(sipp->exitStatus())).arg(sipp->exitCode())
        + QString::fromLocal8Bit(sipp->readAll().right(3000));
    for (const QString &name : QDir(m_dir.path()).entryList({QStringLiteral("*_errors.log")})) {
        QFile errors(m_dir.filePath(name));
        if (errors.open(QIODevice::ReadOnly))
            *output +=
                QStringLiteral("\n--- %1\n").arg(name) + QString::fromLocal8Bit(errors.readAll().right(3000));
        errors.remove();
    }
    return finished && sipp->exitStatus() == QProcess::NormalExit ? sipp->exitCode() : -1;
}

void SipLoopbackPeers::killSipp(QProcess *sipp)
{
    if (!sipp || sipp->state() == QProcess::NotRunning)
        return;
    sipp->kill();
    sipp->waitForFinished(2000);
}

void SipLoopbackPeers::end(QProcess *process)
{
    if (!process || process->state() == QProcess::NotRunning)
        return;
    process->terminate(); // SIGTERM to its PID
    if (!process->waitForFinished(5000)) {
        process->kill();
        process->waitForFinished(2000);
    }
}

QString SipLoopbackPeers::controlSocket() const
{
    return m_dir.filePath(QStringLiteral("kamailio.ctl"));
}

QStringList SipLoopbackPeers::registeredContacts(const QString &user, QString *error) const
{
    QString program = QStandardPaths::findExecutable(QStringLiteral("kamcmd"));
    if (program.isEmpty())
        program = QStandardPaths::findExecutable(QStringLiteral("kamcmd"), {QStringLiteral("/usr/sbin")});
    if (program.isEmpty()) {
        *error = QStringLiteral("kamcmd not found (package kamailio)");
        return {};
    }
    QProcess kamcmd;
    kamcmd.setProcessChannelMode(QProcess::MergedChannels);
    kamcmd.start(program,
                 {QStringLiteral("-s"), QStringLiteral("unix:") + controlSocket(),
                  QStringLiteral("ul.lookup"), QStringLiteral("location"), user});
    if (!kamcmd.waitForFinished(10000)) {
        kamcmd.kill();
        kamcmd.waitForFinished();
        *error = QStringLiteral("kamcmd did not answer");
        return {};
    }
    const QString output = QString::fromUtf8(kamcmd.readAll());
    // An unknown address-of-record: "error: 404 - AOR not found"; else one "Address: <uri>" per contact.
    if (output.contains(QLatin1String("AOR not found")))
        return {};
    QStringList contacts;
    static const QRegularExpression address(QStringLiteral("Address:\\s*(\\S+)"));
    for (auto it = address.globalMatch(output); it.hasNext();)
        contacts << it.next().captured(1);
    if (contacts.isEmpty())
        *error = QStringLiteral("kamcmd ul.lookup %1: %2").arg(user, output.trimmed());
    return contacts;
}
