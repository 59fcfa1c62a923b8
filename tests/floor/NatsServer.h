#pragma once

#include <QtCore/qprocess.h>
#include <QtCore/qstringlist.h>

// A nats-server with JetStream that a test starts on loopback (store in a folder the test owns) and
// stops by its process id. Cluster nodes get a cluster port and routes to the others.
class NatsServer
{
public:
    NatsServer() = default;
    ~NatsServer();
    NatsServer(const NatsServer &) = delete;
    NatsServer &operator=(const NatsServer &) = delete;

    // A loopback port nothing listens on now.
    static int freePort();
    // Starts and waits (at most 10 s) until the server says it is ready. port 0: the server picks one.
    bool start(const QString &storeDir, int port = 0, const QStringList &extraArguments = {});
    // A cluster node: its cluster port and the other nodes' cluster ports.
    bool startClusterNode(const QString &name, const QString &storeDir, int port, int clusterPort,
                          const QList<int> &routePorts);
    void stop(); // SIGTERM, waits
    void kill(); // SIGKILL, waits: the node dies without a goodbye
    int port() const { return m_port; }
    QString url() const { return QStringLiteral("nats://127.0.0.1:%1").arg(m_port); }
    qint64 pid() const { return m_process.processId(); }
    QString log() const { return QString::fromUtf8(m_log); }
    // The log with what the server wrote since start() returned.
    QString readLog();

private:
    QProcess m_process;
    QByteArray m_log;
    int m_port = 0;
};
