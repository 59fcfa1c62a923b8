#include "floor/FloorSettings.h"

#include "settings/ConsoleSettings.h"

#include <QtCore/qcoreapplication.h>

bool FloorSettings::isToken(const QString &text)
{
    if (text.isEmpty() || text.size() > 64)
        return false;
    for (QChar c : text) {
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
            || c == u'-' || c == u'_';
        if (!ok)
            return false;
    }
    return true;
}

QString FloorSettings::problem() const
{
    if (!isToken(agentId))
        return QCoreApplication::translate("FloorSettings",
                                           "The agent id must be 1 to 64 letters, digits, '-' or '_'.");
    if (!isToken(bucket) || !isToken(auditStream))
        return QCoreApplication::translate(
            "FloorSettings", "The bucket and audit stream names must be letters, digits, '-' or '_'.");
    if (ttlSeconds < 3)
        return QCoreApplication::translate("FloorSettings", "The entry expiry must be at least 3 seconds.");
    if (replicas < 1 || replicas > 5)
        return QCoreApplication::translate("FloorSettings", "Replicas must be 1 to 5.");
    return {};
}

FloorSettings FloorSettings::read(const ConsoleSettings &settings)
{
    using K = SettingsSchema;
    FloorSettings s;
    s.servers = settings.value(K::FloorServers).toStringList();
    s.agentId = settings.value(K::FloorAgentId).toString().trimmed();
    s.agentName = settings.value(K::FloorAgentName).toString().trimmed();
    s.team = settings.value(K::FloorTeam).toString().trimmed();
    s.credentialsFile = settings.value(K::FloorCredentialsFile).toString();
    s.user = settings.value(K::FloorUser).toString();
    s.password = settings.value(K::FloorPassword).toString();
    s.tls = settings.value(K::FloorTls).toBool();
    s.caFile = settings.value(K::FloorCaFile).toString();
    s.certFile = settings.value(K::FloorCertFile).toString();
    s.keyFile = settings.value(K::FloorKeyFile).toString();
    s.bucket = settings.value(K::FloorBucket).toString();
    s.auditStream = settings.value(K::FloorAuditStream).toString();
    s.ttlSeconds = settings.value(K::FloorTtlSeconds).toInt();
    s.replicas = settings.value(K::FloorReplicas).toInt();
    s.supervisors = settings.value(K::FloorSupervisors).toStringList();
    return s;
}
