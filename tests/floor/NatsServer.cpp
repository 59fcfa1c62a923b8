#include "NatsServer.h"

#include <QtCore/qdeadlinetimer.h>
#include <QtCore/qregularexpression.h>
#include <QtCore/qstandardpaths.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

NatsServer::~NatsServer()
{
    stop();
}

int NatsServer::freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof(address);
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) == 0
        && ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}

bool NatsServer::start(const QString &storeDir, int port, const QStringList &extraArguments)
{
    QString program = QStandardPaths::findExecutable(QStringLiteral("nats-server"));
    if (program.isEmpty())
        program =
            QStandardPaths::findExecutable(QStringLiteral("nats-server"), {QStringLiteral("/usr/sbin")});
    if (program.isEmpty())
        return false;
    m_log.clear();
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.start(program,
                    QStringList {QStringLiteral("-a"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                                 QString::number(port == 0 ? -1 : port), QStringLiteral("-js"),
                                 QStringLiteral("-sd"), storeDir}
                        + extraArguments);
    if (!m_process.waitForStarted(5000))
        return false;
    static const QRegularExpression listening(
        QStringLiteral("Listening for client connections on [^:]+:(\\d+)"));
    const QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired()) {
        if (!m_process.waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime()))))
            break;
        m_log += m_process.readAll();
        const QString text = QString::fromUtf8(m_log);
        const QRegularExpressionMatch match = listening.match(text);
        if (match.hasMatch())
            m_port = match.captured(1).toInt();
        if (m_port > 0 && text.contains(QLatin1String("Server is ready")))
            return true;
    }
    return false;
}

bool NatsServer::startClusterNode(const QString &name, const QString &storeDir, int port, int clusterPort,
                                  const QList<int> &routePorts)
{
    QStringList routes;
    for (int route : routePorts)
        routes << QStringLiteral("nats://127.0.0.1:%1").arg(route);
    return start(storeDir, port,
                 {QStringLiteral("-n"), name, QStringLiteral("--cluster_name"),
                  QStringLiteral("hookline-test"), QStringLiteral("--cluster"),
                  QStringLiteral("nats://127.0.0.1:%1").arg(clusterPort), QStringLiteral("--routes"),
                  routes.join(u',')});
}

QString NatsServer::readLog()
{
    m_log += m_process.readAll();
    return log();
}

void NatsServer::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    ::kill(pid_t(m_process.processId()), SIGTERM);
    if (!m_process.waitForFinished(5000)) {
        ::kill(pid_t(m_process.processId()), SIGKILL);
        m_process.waitForFinished(2000);
    }
}

void NatsServer::kill()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    ::kill(pid_t(m_process.processId()), SIGKILL);
    m_process.waitForFinished(5000);
}
