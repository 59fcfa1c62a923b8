#include "floor/FloorSettings.h"

#include <QtCore/qcoreapplication.h>
#include <QtCore/qsettings.h>

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

FloorSettings FloorSettings::read(QSettings &settings)
{
    FloorSettings s;
    settings.beginGroup(QStringLiteral("floor"));
    // A list or one comma-separated string, as people write it in the INI file.
    const QVariant servers = settings.value(QStringLiteral("servers"));
    const QStringList raw = servers.typeId() == QMetaType::QStringList
        ? servers.toStringList()
        : servers.toString().split(u',', Qt::SkipEmptyParts);
    for (const QString &server : raw) {
        if (!server.trimmed().isEmpty())
            s.servers << server.trimmed();
    }
    s.agentId = settings.value(QStringLiteral("agentId")).toString().trimmed();
    s.agentName = settings.value(QStringLiteral("agentName")).toString().trimmed();
    s.team = settings.value(QStringLiteral("team")).toString().trimmed();
    s.credentialsFile = settings.value(QStringLiteral("credentialsFile")).toString();
    s.user = settings.value(QStringLiteral("user")).toString();
    s.password = settings.value(QStringLiteral("password")).toString();
    s.tls = settings.value(QStringLiteral("tls"), false).toBool();
    s.caFile = settings.value(QStringLiteral("caFile")).toString();
    s.certFile = settings.value(QStringLiteral("certFile")).toString();
    s.keyFile = settings.value(QStringLiteral("keyFile")).toString();
    s.bucket = settings.value(QStringLiteral("bucket"), s.bucket).toString();
    s.auditStream = settings.value(QStringLiteral("auditStream"), s.auditStream).toString();
    s.ttlSeconds = settings.value(QStringLiteral("ttlSeconds"), s.ttlSeconds).toInt();
    s.replicas = settings.value(QStringLiteral("replicas"), s.replicas).toInt();
    const QVariant supervisors = settings.value(QStringLiteral("supervisors"));
    s.supervisors = supervisors.typeId() == QMetaType::QStringList
        ? supervisors.toStringList()
        : supervisors.toString().split(u',', Qt::SkipEmptyParts);
    for (QString &id : s.supervisors)
        id = id.trimmed();
    settings.endGroup();
    return s;
}
