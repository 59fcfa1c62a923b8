#include "SipAccountConfig.h"

#include "SipDialogInfo.h"
#include "lines/DialString.h"
#include "settings/SettingsSchema.h"

#include <QtCore/qregularexpression.h>

namespace {

// host, host:port or [v6]:port; no scheme, no user, no parameters.
bool isHostPort(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral(R"(^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(:([0-9]{1,5}))?$)"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return false;
    return match.captured(3).isEmpty() || match.captured(3).toInt() <= 65535;
}

bool isUserPart(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral(R"(^[A-Za-z0-9._~!$&'()*+,;=%-]+$)"));
    return pattern.match(text).hasMatch();
}

// `monitor` (users at the registrar or sip: URIs, each user once) and `sharedLine` (true/false).
bool readDialogInfoKeys(const QVariantMap &map, SipAccountConfig *c, QString *error)
{
    static const QRegularExpression sipUri(
        QStringLiteral(R"(^sips?:[A-Za-z0-9._~!$&'()*+,;=%-]+@[A-Za-z0-9.:\[\]-]+$)"));
    if (map.contains(QStringLiteral("monitor"))) {
        QStringList entries = map.value(QStringLiteral("monitor")).toStringList();
        if (entries.size() == 1)
            entries = entries.front().split(QLatin1Char(','), Qt::SkipEmptyParts);
        QStringList users;
        for (QString entry : std::as_const(entries)) {
            entry = entry.trimmed();
            if (entry.isEmpty())
                continue;
            const QString uri =
                isUserPart(entry) ? QStringLiteral("sip:%1@%2").arg(entry, c->registrar) : entry;
            const QString user = SipDialogInfo::userOf(uri);
            if (!isUserPart(entry) && !sipUri.match(entry).hasMatch()) {
                *error = QStringLiteral("monitor: '%1' is not a SIP user name or sip: URI").arg(entry);
                return false;
            }
            if (users.contains(user)) {
                *error = QStringLiteral("monitor: '%1' is listed twice").arg(user);
                return false;
            }
            users.append(user);
            c->monitor.append(uri);
        }
    }
    if (map.contains(QStringLiteral("sharedLine"))) {
        const QString value = map.value(QStringLiteral("sharedLine")).toString().trimmed().toLower();
        if (value != QLatin1String("true") && value != QLatin1String("false")) {
            *error = QStringLiteral("sharedLine: '%1' is not true or false")
                         .arg(map.value(QStringLiteral("sharedLine")).toString());
            return false;
        }
        c->sharedLine = value == QLatin1String("true");
    }
    return true;
}

} // namespace

QString SipAccountConfig::registrarHost() const
{
    return registrar;
}

QString SipAccountConfig::lineAddress() const
{
    if (DialString::normalized(user) == user)
        return user;
    const QString parameter = transport == Transport::Tls ? QStringLiteral(";transport=tls")
        : transport == Transport::Tcp                     ? QStringLiteral(";transport=tcp")
                                                          : QString();
    return aor() + parameter;
}

QString SipAccountConfig::monitorLineId(qsizetype index) const
{
    return lineId() + QStringLiteral("/monitor/") + SipDialogInfo::userOf(monitor.value(index));
}

QStringList SipAccountConfig::dialogSubscriptions() const
{
    QStringList uris = monitor;
    if (sharedLine)
        uris.append(aor());
    return uris;
}

QVariant SipAccountConfig::schemaDefault(const char *name)
{
    const SettingsSchema::Spec *spec =
        SettingsSchema::entrySpec(SettingsSchema::SipAccounts, QLatin1String(name));
    Q_ASSERT(spec);
    return spec ? spec->defaultValue : QVariant();
}

std::optional<SipAccountConfig::Transport> SipAccountConfig::transportOf(const QString &name)
{
    const QString lower = name.trimmed().toLower();
    if (lower == QLatin1String("udp"))
        return Transport::Udp;
    if (lower == QLatin1String("tcp"))
        return Transport::Tcp;
    if (lower == QLatin1String("tls"))
        return Transport::Tls;
    return std::nullopt;
}

QList<SipSdp::Codec> SipAccountConfig::defaultCodecs()
{
    QList<SipSdp::Codec> codecs;
    for (const QString &name : schemaDefault("codecs").toStringList()) {
        if (const std::optional<SipSdp::Codec> codec = SipSdp::codecFromName(name.toLatin1()))
            codecs.append(*codec);
    }
    return codecs;
}

bool SipAccountConfig::fromVariantMap(const QVariantMap &map, SipAccountConfig *config, QString *error)
{
    // The keys are the schema's (scenario files' SIP lines take the same ones).
    for (auto it = map.begin(); it != map.end(); ++it) {
        if (!SettingsSchema::entrySpec(SettingsSchema::SipAccounts, it.key())) {
            *error = QStringLiteral("%1: unknown key").arg(it.key());
            return false;
        }
    }
    auto text = [&](const char *key) {
        return map.value(QLatin1String(key)).toString().trimmed();
    };
    // A number in the schema's range; the member keeps the schema's default when the key is absent.
    auto integer = [&](const char *key, int *out) {
        if (!map.contains(QLatin1String(key)))
            return true;
        const SettingsSchema::Spec *spec =
            SettingsSchema::entrySpec(SettingsSchema::SipAccounts, QLatin1String(key));
        bool ok = false;
        const int value = map.value(QLatin1String(key)).toString().trimmed().toInt(&ok);
        if (!ok || value < spec->minimum || value > spec->maximum) {
            *error = QStringLiteral("%1: '%2' is not a number from %3 to %4")
                         .arg(QLatin1String(key), map.value(QLatin1String(key)).toString())
                         .arg(spec->minimum)
                         .arg(spec->maximum);
            return false;
        }
        *out = value;
        return true;
    };

    SipAccountConfig c;
    c.registrar = text("registrar");
    if (c.registrar.isEmpty()) {
        *error = QStringLiteral("registrar: missing (host or host:port of the registrar)");
        return false;
    }
    if (!isHostPort(c.registrar)) {
        *error = QStringLiteral("registrar: '%1' is not host or host:port").arg(c.registrar);
        return false;
    }
    c.proxy = text("proxy");
    if (!c.proxy.isEmpty() && !isHostPort(c.proxy)) {
        *error = QStringLiteral("proxy: '%1' is not host or host:port").arg(c.proxy);
        return false;
    }
    c.user = text("user");
    if (c.user.isEmpty() || !isUserPart(c.user)) {
        *error = c.user.isEmpty() ? QStringLiteral("user: missing")
                                  : QStringLiteral("user: '%1' is not a SIP user name").arg(c.user);
        return false;
    }
    c.authUser = text("authUser");
    if (c.authUser.isEmpty())
        c.authUser = c.user;
    c.password = map.value(QStringLiteral("password")).toString();
    c.displayName = text("displayName");
    if (c.displayName.contains(QLatin1Char('"')) || c.displayName.contains(QLatin1Char('\n'))
        || c.displayName.contains(QLatin1Char('\r'))) {
        *error = QStringLiteral("displayName: quotes and line breaks are not allowed");
        return false;
    }
    if (!text("transport").isEmpty()) {
        const std::optional<Transport> transport = transportOf(text("transport"));
        if (!transport) {
            *error = QStringLiteral("transport: '%1' is not udp, tcp or tls").arg(text("transport"));
            return false;
        }
        c.transport = *transport;
    }
    // The files are read when the account opens: one that cannot be read puts the line out of service.
    c.tlsCaFile = text("tlsCaFile");
    c.tlsCertificateFile = text("tlsCertificateFile");
    for (const char *key : {"tlsCaFile", "tlsCertificateFile"}) {
        if (!text(key).isEmpty() && c.transport != Transport::Tls) {
            *error = QStringLiteral("%1: only for transport tls").arg(QLatin1String(key));
            return false;
        }
    }
    if (!integer("expires", &c.expires) || !integer("localPort", &c.localPort)
        || !integer("rtpTimeout", &c.rtpTimeout) || !integer("rejectStatus", &c.rejectStatus))
        return false;
    if (c.rejectStatus != 486 && c.rejectStatus != 603) {
        *error = QStringLiteral("rejectStatus: '%1' is not 486 or 603").arg(c.rejectStatus);
        return false;
    }
    if (map.contains(QStringLiteral("codecs"))) {
        // A list (JSON, QSettings array) or one comma-separated string.
        const QVariant value = map.value(QStringLiteral("codecs"));
        QStringList names = value.toStringList();
        if (names.size() == 1)
            names = names.front().split(QLatin1Char(','));
        c.codecs.clear();
        for (const QString &name : names) {
            const std::optional<SipSdp::Codec> codec = SipSdp::codecFromName(name.trimmed().toLatin1());
            if (!codec || c.codecs.contains(*codec)) {
                *error = QStringLiteral("codecs: '%1' is %2")
                             .arg(name.trimmed(),
                                  codec ? QStringLiteral("listed twice")
                                        : QStringLiteral("not PCMU, PCMA, G722 or opus"));
                return false;
            }
            c.codecs.append(*codec);
        }
        if (c.codecs.isEmpty()) {
            *error = QStringLiteral("codecs: empty (at least one of PCMU, PCMA, G722, opus)");
            return false;
        }
    }
    if (!readDialogInfoKeys(map, &c, error))
        return false;
    c.id = text("id");
    if (c.id.isEmpty())
        c.id = c.user;
    if (!isUserPart(c.id) || c.id.contains(QLatin1Char('/'))) {
        *error = QStringLiteral("id: '%1' may only hold letters, digits and . _ -").arg(c.id);
        return false;
    }
    *config = c;
    return true;
}
