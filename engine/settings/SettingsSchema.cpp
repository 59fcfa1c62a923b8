#include "settings/SettingsSchema.h"

namespace {

using Type = SettingsSchema::Type;
using Spec = SettingsSchema::Spec;

Spec text(SettingsSchema::Key key, const char *name, const char *defaultValue = "", QStringList allowed = {})
{
    return {key, QLatin1String(name), Type::String, QString::fromLatin1(defaultValue), std::move(allowed)};
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
        text(K::CoachingMost, "coaching/most", "off",
             {QStringLiteral("off"), QStringLiteral("listen"), QStringLiteral("whisper"),
              QStringLiteral("barge")}),
        text(K::CoachingSupervisors, "coaching/supervisors"),
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
    const Spec &s = spec(key);
    auto refuse = [&](const QString &why) -> std::optional<QVariant> {
        if (problem)
            *problem = why;
        return std::nullopt;
    };
    // An INI value with an unquoted comma reads as a list: no key here takes one.
    const int typeId = raw.typeId();
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
        for (const QString &allowed : s.allowed) {
            if (allowed.compare(text.trimmed(), Qt::CaseInsensitive) == 0)
                return QVariant(allowed);
        }
        QStringList shown;
        for (const QString &allowed : s.allowed)
            shown << (allowed.isEmpty() ? QStringLiteral("\"\"") : allowed);
        return refuse(QStringLiteral("expected one of %1").arg(shown.join(u", ")));
    }
    }
    return refuse(QString());
}

QString SettingsSchema::loggable(Key key, const QVariant &value)
{
    if (spec(key).secret)
        return QStringLiteral("(secret)");
    if (value.typeId() == QMetaType::QStringList || value.typeId() == QMetaType::QVariantList)
        return value.toStringList().join(QLatin1String(", ")).left(80);
    return value.toString().left(80);
}
