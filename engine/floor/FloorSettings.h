#pragma once

#include "settings/SettingsSchema.h"

#include <QtCore/qstring.h>
#include <QtCore/qstringlist.h>

class ConsoleSettings;

// How a console joins the floor (issue 16), from the settings group "floor/" (its keys, types, bounds and
// defaults are SettingsSchema's; the administrator's file can pin each). No servers: the floor is off and
// the console works alone. Credentials are settings or a credentials file and are never logged
// (floor/password is a secret of the schema).
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
    QString bucket = defaultOf(SettingsSchema::FloorBucket).toString();
    QString auditStream = defaultOf(SettingsSchema::FloorAuditStream).toString();
    // A console that stops refreshing its entries disappears after this.
    int ttlSeconds = defaultOf(SettingsSchema::FloorTtlSeconds).toInt();
    // Of the bucket and the audit stream when this console creates them.
    int replicas = defaultOf(SettingsSchema::FloorReplicas).toInt();
    QStringList supervisors; // ids allowed to send requests; empty: any supervisor on the floor
    int reconnectWaitMs = 500;
    int connectTimeoutMs = 2000;

    bool configured() const { return !servers.isEmpty(); }
    // Why the settings cannot be used (empty when they can): a bad agent id, bucket name or TTL.
    QString problem() const;
    // The floor/ keys as `settings` has them (the administrator's where pinned).
    static FloorSettings read(const ConsoleSettings &settings);
    // An id usable in keys and subjects.
    static bool isToken(const QString &text);

private:
    static QVariant defaultOf(SettingsSchema::Key key) { return SettingsSchema::spec(key).defaultValue; }
};
