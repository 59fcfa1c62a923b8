#include "settings/SettingsSchema.h"

namespace {

using Type = SettingsSchema::Type;
using Spec = SettingsSchema::Spec;

Spec text(SettingsSchema::Key key, const char *name, const char *defaultValue = "", QStringList allowed = {})
{
    return {key, QLatin1String(name), Type::String, QString::fromLatin1(defaultValue), std::move(allowed)};
}

Spec secret(SettingsSchema::Key key, const char *name)
{
    Spec s = text(key, name);
    s.secret = true;
    return s;
}

Spec number(SettingsSchema::Key key, const char *name, int defaultValue, int minimum, int maximum)
{
    return {key, QLatin1String(name), Type::Int, defaultValue, {}, minimum, maximum};
}

Spec flag(SettingsSchema::Key key, const char *name, bool defaultValue = false)
{
    return {key, QLatin1String(name), Type::Bool, defaultValue};
}

Spec list(SettingsSchema::Key key, const char *name, QStringList allowed = {}, QStringList defaultValue = {})
{
    return {key, QLatin1String(name), Type::List, defaultValue, std::move(allowed)};
}

// An entry's key: the same shapes, without a Key of its own.
constexpr SettingsSchema::Key Entry = SettingsSchema::KeyCount;

Spec required(Spec s)
{
    s.required = true;
    return s;
}

const QList<Spec> &table()
{
    using K = SettingsSchema;
    static const QList<Spec> specs = {
        {K::RecordingAuto, QStringLiteral("recording/auto"), Type::Bool, false},
        text(K::RecordingFolder, "recording/folder"), // empty: <AppDataLocation>/recordings
        text(K::RecordingFormat, "recording/format", "wav",
             {QStringLiteral("wav"), QStringLiteral("flac"), QStringLiteral("opus")}),
        text(K::RecordingLayout, "recording/layout", "stereo",
             {QStringLiteral("stereo"), QStringLiteral("mono")}),
        text(K::MusicOnHold, "audio/musicOnHold"), // empty: silence
        text(K::Ringtone, "audio/ringtone"), // empty: the shipped tone
        text(K::CaptureDeviceId, "audio/capture/id"), // empty: the system default
        text(K::CaptureDeviceDescription, "audio/capture/description"),
        text(K::PlaybackDeviceId, "audio/playback/id"),
        text(K::PlaybackDeviceDescription, "audio/playback/description"),
        text(K::RingerDeviceId, "audio/ringer/id"),
        text(K::RingerDeviceDescription, "audio/ringer/description"),
        text(K::ShortcutAnswer, "shortcuts/answer", "Ctrl+Shift+A"),
        text(K::ShortcutReject, "shortcuts/reject", "Ctrl+Shift+R"),
        text(K::ShortcutDrop, "shortcuts/drop", "Ctrl+Shift+D"),
        text(K::ShortcutHold, "shortcuts/hold", "Ctrl+Shift+H"),
        text(K::ShortcutMute, "shortcuts/mute", "Ctrl+Shift+M"),
        text(K::ShortcutCloseWrapUp, "shortcuts/closeWrapUp", "Ctrl+Shift+S"),
        text(K::ShortcutReady, "shortcuts/ready", "Ctrl+Shift+Y"),
        text(K::ShortcutStateMenu, "shortcuts/stateMenu", "Ctrl+Shift+N"),
        text(K::Theme, "appearance/theme", "system",
             {QStringLiteral("system"), QStringLiteral("light"), QStringLiteral("dark")}),
        {K::WrapUpSeconds, QStringLiteral("appearance/wrapUpSeconds"), Type::Int, 60, {}, 0, 3600},
        text(K::Language, "ui/language", "", {QString(), QStringLiteral("en"), QStringLiteral("zh_TW")}),
        text(K::ActiveHeadset, "devices/activeHeadset"), // empty: the first usable headset
        // How the console joins the floor (FloorSettings); no servers: the floor is off.
        list(K::FloorServers, "floor/servers"), // nats://host:port or tls://host:port
        text(K::FloorAgentId, "floor/agentId"),
        text(K::FloorAgentName, "floor/agentName"),
        text(K::FloorTeam, "floor/team"),
        text(K::FloorCredentialsFile, "floor/credentialsFile"), // a NATS .creds file
        text(K::FloorUser, "floor/user"),
        secret(K::FloorPassword, "floor/password"),
        flag(K::FloorTls, "floor/tls"),
        text(K::FloorCaFile, "floor/caFile"),
        text(K::FloorCertFile, "floor/certFile"),
        text(K::FloorKeyFile, "floor/keyFile"),
        text(K::FloorBucket, "floor/bucket", "hookline_floor"),
        text(K::FloorAuditStream, "floor/auditStream", "hookline_audit"),
        number(K::FloorTtlSeconds, "floor/ttlSeconds", 30, 3, 86400),
        number(K::FloorReplicas, "floor/replicas", 1, 1, 5),
        list(K::FloorSupervisors, "floor/supervisors"), // empty: any supervisor on the floor
        text(K::CoachingMost, "coaching/most", "off",
             {QStringLiteral("off"), QStringLiteral("listen"), QStringLiteral("whisper"),
              QStringLiteral("barge")}),
        text(K::CoachingSupervisors, "coaching/supervisors"),
    };
    return specs;
}

const QList<SettingsSchema::ArraySpec> &arrays()
{
    // The entries' keys as the providers take them (docs/provider-guide.md); the provider checks what
    // depends on more than one key (pins need a serial port, 486 or 603, a codec listed twice).
    static const QList<SettingsSchema::ArraySpec> specs = {
        {SettingsSchema::SoundLines,
         QStringLiteral("soundLines"),
         32,
         QStringLiteral("id"),
         QString(),
         {
             text(Entry, "id", "line1"),
             text(Entry, "name"), // empty: "Phone line <id>"
             text(Entry, "number"),
             text(Entry, "captureDevice"), // a QAudioDevice id or description
             text(Entry, "playbackDevice"),
             text(Entry, "captureFile"),
             text(Entry, "serialPort"), // empty: no control lines
             text(Entry, "ringPin", "", {QString(), QStringLiteral("ri"), QStringLiteral("none")}),
             text(Entry, "loopCurrentPin", "",
                  {QString(), QStringLiteral("dcd"), QStringLiteral("dsr"), QStringLiteral("cts"),
                   QStringLiteral("none")}),
             text(Entry, "hookRelayPin", "",
                  {QString(), QStringLiteral("dtr"), QStringLiteral("rts"), QStringLiteral("none")}),
             flag(Entry, "relayActiveLow"),
             text(Entry, "profile", "us"),
             text(Entry, "callerId", "",
                  {QString(), QStringLiteral("class"), QStringLiteral("clip"), QStringLiteral("dtmf")}),
             number(Entry, "hangupCycles", 3, 1, 20),
             number(Entry, "silenceTimeoutMs", 0, 0, 3600000),
             number(Entry, "dialToneTimeoutMs", 3000, 500, 60000),
             number(Entry, "answerTimeoutMs", 0, 0, 600000),
             number(Entry, "ringTimeoutMs", 0, 0, 60000),
             number(Entry, "dtmfOnMs", 80, 40, 500),
             number(Entry, "dtmfOffMs", 80, 40, 500),
             number(Entry, "dtmfLevelDbm0", -10, -40, 0),
             number(Entry, "replugPollMs", 1000, 10, 60000),
             flag(Entry, "blindDial"),
         }},
        {SettingsSchema::SipAccounts,
         QStringLiteral("sipAccounts"),
         32,
         QStringLiteral("id"),
         QStringLiteral("user"),
         {
             text(Entry, "id"), // empty: the user
             required(text(Entry, "registrar")), // host[:port]
             text(Entry, "proxy"),
             required(text(Entry, "user")),
             text(Entry, "authUser"), // empty: the user
             secret(Entry, "password"),
             text(Entry, "displayName"),
             text(Entry, "transport", "udp",
                  {QStringLiteral("udp"), QStringLiteral("tcp"), QStringLiteral("tls")}),
             text(Entry, "tlsCaFile"), // PEM CAs the server's certificate must chain to; empty: the system's
             text(Entry, "tlsCertificateFile"), // PEM chain and key shown to a server that asks
             list(Entry, "monitor"), // users or sip: URIs whose dialog-info the account subscribes to
             flag(Entry, "sharedLine"), // the address-of-record rings other phones too (bridged appearances)
             number(Entry, "expires", 600, 60, 86400),
             number(Entry, "rejectStatus", 603, 400, 699),
             number(Entry, "localPort", 0, 0, 65535),
             number(Entry, "rtpTimeout", 30, 0, 3600),
             list(Entry, "codecs",
                  {QStringLiteral("opus"), QStringLiteral("G722"), QStringLiteral("PCMU"),
                   QStringLiteral("PCMA")},
                  {QStringLiteral("opus"), QStringLiteral("G722"), QStringLiteral("PCMU"),
                   QStringLiteral("PCMA")}),
         }},
    };
    return specs;
}

} // namespace

const SettingsSchema::Spec &SettingsSchema::spec(Key key)
{
    const Spec &found = table().at(key);
    Q_ASSERT(found.key == key); // the table is in the enum's order
    return found;
}

const SettingsSchema::ArraySpec &SettingsSchema::array(Array array)
{
    const ArraySpec &found = arrays().at(array);
    Q_ASSERT(found.array == array);
    return found;
}

const SettingsSchema::Spec *SettingsSchema::entrySpec(Array array, const QString &name)
{
    for (const Spec &s : SettingsSchema::array(array).entry) {
        if (s.name == name)
            return &s;
    }
    return nullptr;
}

QString SettingsSchema::entryId(Array array, const QVariantMap &entry)
{
    const ArraySpec &a = SettingsSchema::array(array);
    QString id = entry.value(a.idKey).toString().trimmed();
    if (id.isEmpty() && !a.idFallbackKey.isEmpty())
        id = entry.value(a.idFallbackKey).toString().trimmed();
    if (id.isEmpty())
        id = entrySpec(array, a.idKey)->defaultValue.toString();
    return id;
}

bool SettingsSchema::isSecret(const QString &name)
{
    if (const auto key = find(name))
        return spec(*key).secret;
    const qsizetype slash = name.indexOf(u'/');
    if (slash < 0)
        return false;
    for (const ArraySpec &a : arrays()) {
        if (a.name == name.left(slash)) {
            const Spec *s = entrySpec(a.array, name.mid(slash + 1));
            return s && s->secret;
        }
    }
    return false;
}

std::optional<SettingsSchema::Key> SettingsSchema::find(const QString &name)
{
    for (const Spec &s : table()) {
        if (s.name == name)
            return s.key;
    }
    return std::nullopt;
}

QList<SettingsSchema::Key> SettingsSchema::keys()
{
    QList<Key> all;
    for (const Spec &s : table())
        all << s.key;
    return all;
}

std::optional<QVariant> SettingsSchema::validated(Key key, const QVariant &raw, QString *problem)
{
    return validated(spec(key), raw, problem);
}

std::optional<QVariant> SettingsSchema::validated(const Spec &s, const QVariant &raw, QString *problem)
{
    auto refuse = [&](const QString &why) -> std::optional<QVariant> {
        if (problem)
            *problem = why;
        return std::nullopt;
    };
    auto oneOf = [&](const QString &text) -> std::optional<QString> {
        for (const QString &allowed : s.allowed) {
            if (allowed.compare(text.trimmed(), Qt::CaseInsensitive) == 0)
                return allowed;
        }
        return std::nullopt;
    };
    auto expected = [&] {
        QStringList shown;
        for (const QString &allowed : s.allowed)
            shown << (allowed.isEmpty() ? QStringLiteral("\"\"") : allowed);
        return QStringLiteral("expected one of %1").arg(shown.join(u", "));
    };
    const int typeId = raw.typeId();
    if (s.type == Type::List) {
        // An INI list (a,b) or one string with commas; items trimmed, empty ones dropped.
        QStringList items;
        const QStringList parts = typeId == QMetaType::QStringList || typeId == QMetaType::QVariantList
            ? raw.toStringList()
            : raw.toString().split(u',');
        if (typeId == QMetaType::QVariantMap)
            return refuse(QStringLiteral("a group where a list belongs"));
        for (const QString &part : parts) {
            const QString item = part.trimmed();
            if (item.isEmpty())
                continue;
            if (s.allowed.isEmpty()) {
                items << item;
            } else if (const auto known = oneOf(item)) {
                items << *known;
            } else {
                return refuse(expected());
            }
        }
        return QVariant(items);
    }
    // An INI value with an unquoted comma reads as a list: no other key takes one.
    if (typeId == QMetaType::QStringList || typeId == QMetaType::QVariantList
        || typeId == QMetaType::QVariantMap)
        return refuse(QStringLiteral("a list where one value belongs"));
    switch (s.type) {
    case Type::Bool: {
        if (typeId == QMetaType::Bool)
            return raw;
        const QString text = raw.toString().trimmed().toLower();
        if (text == QLatin1String("true") || text == QLatin1String("1"))
            return QVariant(true);
        if (text == QLatin1String("false") || text == QLatin1String("0"))
            return QVariant(false);
        return refuse(QStringLiteral("expected true or false"));
    }
    case Type::Int: {
        bool ok = false;
        const int number = typeId == QMetaType::Int ? raw.toInt(&ok) : raw.toString().trimmed().toInt(&ok);
        if (!ok || number < s.minimum || number > s.maximum)
            return refuse(
                QStringLiteral("expected a whole number from %1 to %2").arg(s.minimum).arg(s.maximum));
        return QVariant(number);
    }
    case Type::String: {
        const QString text =
            typeId == QMetaType::QByteArray ? QString::fromUtf8(raw.toByteArray()) : raw.toString();
        if (s.allowed.isEmpty())
            return QVariant(text);
        if (const auto known = oneOf(text))
            return QVariant(*known);
        return refuse(expected());
    }
    case Type::List:
        break; // above
    }
    return refuse(QString());
}

QString SettingsSchema::loggable(Key key, const QVariant &value)
{
    return loggable(spec(key), value);
}

QString SettingsSchema::loggable(const Spec &s, const QVariant &value)
{
    if (s.secret)
        return QStringLiteral("(secret)");
    if (value.typeId() == QMetaType::QStringList || value.typeId() == QMetaType::QVariantList)
        return value.toStringList().join(QLatin1String(", ")).left(80);
    return value.toString().left(80);
}
