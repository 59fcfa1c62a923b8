#pragma once

#include <QtCore/qstring.h>
#include <QtCore/qstringlist.h>

class QSettings;

// How a console joins the floor (issue 16), from the settings group "floor/". No servers: the floor is
// off and the console works alone. Credentials are settings or a credentials file and are never logged.
struct FloorSettings
{
    QStringList servers; // nats://host:port or tls://host:port
    QString agentId; // subject token: letters, digits, '-' and '_'
    QString agentName;
    QString team; // shown and filtered on in supervisors' floor view; empty: no team
    QString credentialsFile; // a NATS .creds file (JWT + NKey seed)
    QString user;
    QString password;
    bool tls = false; // also on for tls:// servers
    QString caFile;
    QString certFile;
    QString keyFile;
    QString bucket = QStringLiteral("hookline_floor");
    QString auditStream = QStringLiteral("hookline_audit");
    int ttlSeconds = 30; // a console that stops refreshing its entries disappears after this
    int replicas = 1; // of the bucket and the audit stream when this console creates them
    QStringList supervisors; // ids allowed to send requests; empty: any supervisor on the floor
    int reconnectWaitMs = 500;
    int connectTimeoutMs = 2000;

    bool configured() const { return !servers.isEmpty(); }
    // Why the settings cannot be used (empty when they can): a bad agent id, bucket name or TTL.
    QString problem() const;
    static FloorSettings read(QSettings &settings);
    // An id usable in keys and subjects.
    static bool isToken(const QString &text);
};
