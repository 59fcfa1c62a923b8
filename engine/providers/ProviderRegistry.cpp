#include "providers/ProviderRegistry.h"

#include "core/Logging.h"
#include "providers/LineProvider.h"
#include "providers/LineProviderPlugin.h"
#include "providers/PhoneDevice.h"

#include <QtCore/qcoreapplication.h>
#include <QtCore/qdir.h>
#include <QtCore/qjsonarray.h>
#include <QtCore/qlibrary.h>
#include <QtCore/qpluginloader.h>

#ifndef HOOKLINE_PLUGIN_RELATIVE_DIR
#define HOOKLINE_PLUGIN_RELATIVE_DIR "../lib/hookline/plugins"
#endif

ProviderRegistry::ProviderRegistry(QObject *parent)
    : QObject(parent)
{
}

QStringList ProviderRegistry::defaultSearchPaths()
{
    QStringList paths;
    const QString env = qEnvironmentVariable("HOOKLINE_PLUGIN_PATH");
    if (!env.isEmpty())
        paths += env.split(QDir::listSeparator(), Qt::SkipEmptyParts);
    // Beside the executable's folder, installed or in the build tree (which has the install layout). No build
    // path is compiled in: test executables elsewhere in the build tree set HOOKLINE_PLUGIN_PATH.
    const QDir executableDir(QCoreApplication::applicationDirPath());
    paths << executableDir.filePath(QStringLiteral(HOOKLINE_PLUGIN_RELATIVE_DIR));
    QStringList existing;
    for (const QString &path : std::as_const(paths)) {
        const QString clean = QDir::cleanPath(path);
        if (QDir(clean).exists() && !existing.contains(clean))
            existing << clean;
    }
    return existing;
}

ProviderRegistry::Entry ProviderRegistry::inspect(const QString &path) const
{
    Entry entry;
    entry.path = path;
    QPluginLoader loader(path);
    const QJsonObject meta = loader.metaData();
    if (meta.isEmpty()) {
        entry.error = QStringLiteral("not a Qt plugin (no metadata): %1").arg(loader.errorString());
        return entry;
    }
    entry.iid = meta.value(QLatin1String("IID")).toString();
    // Read what the plugin says it is first, so even a refusal can name it.
    const QJsonValue data = meta.value(QLatin1String("MetaData"));
    const QJsonObject object = data.toObject();
    entry.id = object.value(QLatin1String("id")).toString();
    entry.name = object.value(QLatin1String("name")).toString();
    entry.kind = object.value(QLatin1String("kind")).toString();
    entry.version = object.value(QLatin1String("version")).toInt(-1);
    const bool lineIid = entry.iid == QLatin1String(HOOKLINE_LINE_PROVIDER_IID);
    const bool phoneIid = entry.iid == QLatin1String(HOOKLINE_PHONE_PROVIDER_IID);
    if (!entry.iid.startsWith(QLatin1String("org.hookline."))) {
        entry.error = QStringLiteral("not a Hookline plugin (IID '%1')").arg(entry.iid);
        return entry;
    }
    if (!lineIid && !phoneIid) {
        entry.error = QStringLiteral("unsupported interface version: IID '%1', expected '%2' or '%3'")
                          .arg(entry.iid, QLatin1String(HOOKLINE_LINE_PROVIDER_IID),
                               QLatin1String(HOOKLINE_PHONE_PROVIDER_IID));
        return entry;
    }
    if (!data.isObject()) {
        entry.error = QStringLiteral("plugin metadata is missing or not a JSON object");
        return entry;
    }
    if (entry.id.isEmpty() || entry.name.isEmpty()) {
        entry.error = QStringLiteral("plugin metadata lacks a string 'id' and 'name'");
        return entry;
    }
    if ((lineIid && entry.kind != QLatin1String("line")) || (phoneIid && entry.kind != QLatin1String("phone"))) {
        entry.error = QStringLiteral("plugin metadata 'kind' is '%1', which does not match its IID").arg(entry.kind);
        return entry;
    }
    if (entry.version < 1) {
        entry.error = QStringLiteral("plugin metadata lacks a positive integer 'version'");
        return entry;
    }
    return entry;
}

QList<ProviderRegistry::Entry> ProviderRegistry::scan(const QStringList &folders)
{
    m_entries.clear();
    QStringList seenIds;
    for (const QString &folder : folders) {
        const QDir dir(folder);
        const QStringList files = dir.entryList(QDir::Files | QDir::Readable, QDir::Name);
        for (const QString &file : files) {
            const QString path = dir.filePath(file);
            if (!QLibrary::isLibrary(path))
                continue;
            Entry entry = inspect(path);
            if (entry.error.isEmpty() && seenIds.contains(entry.id))
                entry.error = QStringLiteral("provider id '%1' already loaded from an earlier folder").arg(entry.id);
            if (entry.error.isEmpty()) {
                seenIds << entry.id;
                qCInfo(lcProviders) << "found provider" << entry.id << "at" << path;
            } else {
                qCWarning(lcProviders).noquote() << "refusing plugin" << path << "-" << entry.error;
            }
            m_entries << entry;
        }
    }
    return m_entries;
}

QStringList ProviderRegistry::rejections() const
{
    QStringList result;
    for (const Entry &entry : m_entries) {
        if (!entry.error.isEmpty())
            result << QStringLiteral("%1: %2").arg(entry.path, entry.error);
    }
    return result;
}

QObject *ProviderRegistry::instance(const QString &id, const QString &kind, QString *error)
{
    for (const Entry &entry : std::as_const(m_entries)) {
        if (entry.id != id || !entry.error.isEmpty() || entry.kind != kind)
            continue;
        QPluginLoader loader(entry.path);
        QObject *object = loader.instance();
        if (!object) {
            *error = QStringLiteral("cannot load %1: %2").arg(entry.path, loader.errorString());
            qCWarning(lcProviders).noquote() << *error;
            return nullptr;
        }
        return object;
    }
    *error = QStringLiteral("no usable %1 provider named '%2'").arg(kind, id);
    return nullptr;
}

LineProvider *ProviderRegistry::createLineProvider(const QString &id, const QVariantMap &config, QObject *parent,
                                                   QString *error)
{
    QObject *object = instance(id, QStringLiteral("line"), error);
    auto *plugin = qobject_cast<LineProviderPlugin *>(object);
    if (!plugin) {
        if (object)
            *error = QStringLiteral("plugin '%1' does not implement %2").arg(id, QLatin1String(HOOKLINE_LINE_PROVIDER_IID));
        return nullptr;
    }
    return plugin->createLineProvider(config, parent, error);
}

PhoneDevice *ProviderRegistry::createPhoneDevice(const QString &id, const QVariantMap &config, QObject *parent,
                                                 QString *error)
{
    QObject *object = instance(id, QStringLiteral("phone"), error);
    auto *plugin = qobject_cast<PhoneProviderPlugin *>(object);
    if (!plugin) {
        if (object)
            *error = QStringLiteral("plugin '%1' does not implement %2").arg(id, QLatin1String(HOOKLINE_PHONE_PROVIDER_IID));
        return nullptr;
    }
    return plugin->createPhoneDevice(config, parent, error);
}
