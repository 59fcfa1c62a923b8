#include "SoundLinePlugin.h"

#include "SoundLineProvider.h"

LineProvider *SoundLinePlugin::createLineProvider(const QVariantMap &config, QObject *parent, QString *error)
{
    QList<QVariantMap> maps;
    if (config.contains(QLatin1String("lines"))) {
        for (const QVariant &entry : config.value(QLatin1String("lines")).toList())
            maps.append(entry.toMap());
    } else {
        maps.append(config);
    }
    if (maps.isEmpty()) {
        *error = QStringLiteral("lines: no line configured");
        return nullptr;
    }
    QList<SoundLineConfig> lines;
    for (qsizetype i = 0; i < maps.size(); ++i) {
        SoundLineConfig line;
        QString lineError;
        if (!SoundLineConfig::fromVariantMap(maps.at(i), &line, &lineError)) {
            *error = maps.size() > 1 ? QStringLiteral("lines[%1].%2").arg(i).arg(lineError) : lineError;
            return nullptr;
        }
        for (const SoundLineConfig &other : std::as_const(lines)) {
            if (other.id == line.id) {
                *error = QStringLiteral("lines[%1].id: '%2' is used twice").arg(i).arg(line.id);
                return nullptr;
            }
        }
        lines.append(line);
    }
    return new SoundLineProvider(lines, SoundLineProvider::defaultPorts(), parent);
}
