#include "SoundLineConfig.h"

#include "settings/SettingsSchema.h"

namespace {
bool parsePin(const QVariantMap &map, const char *key, std::initializer_list<SoundLineConfig::Pin> allowed,
              SoundLineConfig::Pin *pin, QString *error)
{
    const QString value = map.value(QLatin1String(key)).toString().toLower();
    if (value.isEmpty())
        return true; // keep the default
    QStringList names;
    for (SoundLineConfig::Pin candidate : allowed) {
        names.append(SoundLineConfig::pinName(candidate));
        if (SoundLineConfig::pinName(candidate) == value) {
            *pin = candidate;
            return true;
        }
    }
    *error = QStringLiteral("%1: '%2' is not one of %3")
                 .arg(QLatin1String(key), value, names.join(QStringLiteral(", ")));
    return false;
}

// A number in the schema's range; the member keeps the schema's default when the key is absent.
bool parseInt(const QVariantMap &map, const char *key, int *out, QString *error)
{
    const QVariant value = map.value(QLatin1String(key));
    if (!value.isValid())
        return true;
    const SettingsSchema::Spec *spec =
        SettingsSchema::entrySpec(SettingsSchema::SoundLines, QLatin1String(key));
    Q_ASSERT(spec);
    const int min = spec->minimum;
    const int max = spec->maximum;
    bool ok = false;
    const int number = value.toInt(&ok);
    if (!ok || number < min || number > max) {
        *error = QStringLiteral("%1: '%2' is not a number from %3 to %4")
                     .arg(QLatin1String(key), value.toString())
                     .arg(min)
                     .arg(max);
        return false;
    }
    *out = number;
    return true;
}
} // namespace

QVariant SoundLineConfig::schemaDefault(const char *name)
{
    const SettingsSchema::Spec *spec =
        SettingsSchema::entrySpec(SettingsSchema::SoundLines, QLatin1String(name));
    Q_ASSERT(spec);
    return spec ? spec->defaultValue : QVariant();
}

QString SoundLineConfig::pinName(Pin pin)
{
    switch (pin) {
    case Pin::None:
        return QStringLiteral("none");
    case Pin::Ri:
        return QStringLiteral("ri");
    case Pin::Dcd:
        return QStringLiteral("dcd");
    case Pin::Dsr:
        return QStringLiteral("dsr");
    case Pin::Cts:
        return QStringLiteral("cts");
    case Pin::Dtr:
        return QStringLiteral("dtr");
    case Pin::Rts:
        return QStringLiteral("rts");
    }
    return {};
}

bool SoundLineConfig::fromVariantMap(const QVariantMap &map, SoundLineConfig *config, QString *error)
{
    SoundLineConfig c;
    if (map.contains(QLatin1String("id")))
        c.id = map.value(QLatin1String("id")).toString();
    if (c.id.isEmpty() || c.id.contains(u'/')) {
        *error = QStringLiteral("id: '%1' must be a non-empty name without '/'").arg(c.id);
        return false;
    }
    c.name = map.value(QLatin1String("name"), QStringLiteral("Phone line %1").arg(c.id)).toString();
    c.number = map.value(QLatin1String("number")).toString();
    c.captureDevice = map.value(QLatin1String("captureDevice")).toString();
    c.playbackDevice = map.value(QLatin1String("playbackDevice")).toString();
    c.captureFile = map.value(QLatin1String("captureFile")).toString();
    c.serialPort = map.value(QLatin1String("serialPort")).toString();
    if (c.hasControlLines()) {
        // The usual wiring of a serial line interface (docs/device-facts.md 4).
        c.ringPin = Pin::Ri;
        c.loopCurrentPin = Pin::Dcd;
        c.hookRelayPin = Pin::Dtr;
    }
    if (!parsePin(map, "ringPin", {Pin::Ri, Pin::None}, &c.ringPin, error)
        || !parsePin(map, "loopCurrentPin", {Pin::Dcd, Pin::Dsr, Pin::Cts, Pin::None}, &c.loopCurrentPin,
                     error)
        || !parsePin(map, "hookRelayPin", {Pin::Dtr, Pin::Rts, Pin::None}, &c.hookRelayPin, error))
        return false;
    if (!c.hasControlLines()
        && (c.ringPin != Pin::None || c.loopCurrentPin != Pin::None || c.hookRelayPin != Pin::None)) {
        *error = QStringLiteral("serialPort: pins are mapped but no serial port is configured");
        return false;
    }
    c.relayActiveLow = map.value(QLatin1String("relayActiveLow"), c.relayActiveLow).toBool();
    const QString profileId = map.value(QLatin1String("profile"), schemaDefault("profile")).toString();
    c.profile = CountryProfile::find(profileId);
    if (!c.profile) {
        *error = QStringLiteral("profile: '%1' is not one of %2")
                     .arg(profileId, CountryProfile::ids().join(QStringLiteral(", ")));
        return false;
    }
    c.callerId = c.profile->callerId;
    const QString cid = map.value(QLatin1String("callerId")).toString();
    if (!cid.isEmpty() && !parseCallerIdStandard(cid, &c.callerId)) {
        *error = QStringLiteral("callerId: '%1' is not one of class, clip, dtmf").arg(cid);
        return false;
    }
    if (!parseInt(map, "hangupCycles", &c.hangupCycles, error)
        || !parseInt(map, "silenceTimeoutMs", &c.silenceTimeoutMs, error)
        || !parseInt(map, "dialToneTimeoutMs", &c.dialToneTimeoutMs, error)
        || !parseInt(map, "answerTimeoutMs", &c.answerTimeoutMs, error)
        || !parseInt(map, "ringTimeoutMs", &c.ringTimeoutMs, error)
        || !parseInt(map, "dtmfOnMs", &c.dtmfOnMs, error) || !parseInt(map, "dtmfOffMs", &c.dtmfOffMs, error)
        || !parseInt(map, "dtmfLevelDbm0", &c.dtmfLevelDbm0, error)
        || !parseInt(map, "replugPollMs", &c.replugPollMs, error))
        return false;
    c.blindDial = map.value(QLatin1String("blindDial"), c.blindDial).toBool();
    if (c.answerTimeoutMs == 0)
        c.answerTimeoutMs = c.profile->answerTimeoutMs;
    if (c.ringTimeoutMs == 0)
        c.ringTimeoutMs = c.profile->ringTimeoutMs;
    *config = c;
    return true;
}
