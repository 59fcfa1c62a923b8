#include "settings/ConsoleSettings.h"

#include "core/QmlInstance.h"

#include <QtCore/qcoreapplication.h>
#include <QtCore/qdir.h>
#include <QtCore/qfileinfo.h>
#include <QtCore/qloggingcategory.h>
#include <QtCore/qsettings.h>

Q_LOGGING_CATEGORY(lcSettings, "hookline.settings", QtInfoMsg)

ConsoleSettings::ConsoleSettings(QSettings *user, const QString &adminFile, QObject *parent)
    : QObject(parent)
    , m_user(user)
    , m_adminFile(adminFile)
{
    // The user's layer is the user's file alone: QSettings would otherwise fall back to the system file
    // (the administrator's, read here as its own layer), and an array's entry would mix both files' keys.
    m_user->setFallbacksEnabled(false);
    for (SettingsSchema::Key key : SettingsSchema::keys())
        m_settings << new Setting(key, this);
    for (int a = 0; a < SettingsSchema::ArrayCount; ++a)
        m_arrays << new SettingsArray(SettingsSchema::Array(a), this);
    readAdmin();
    reload();
}

ConsoleSettings::~ConsoleSettings() = default;

QString ConsoleSettings::systemAdminFile()
{
    QString dirs = qEnvironmentVariable("XDG_CONFIG_DIRS");
    if (dirs.isEmpty())
        dirs = QStringLiteral("/etc/xdg");
    const QString relative =
        QStringLiteral("%1/%2.conf")
            .arg(QCoreApplication::organizationName(), QCoreApplication::applicationName());
    for (const QString &dir : dirs.split(u':', Qt::SkipEmptyParts)) {
        const QString path = QDir(dir).filePath(relative);
        if (QFileInfo(path).isFile())
            return path;
    }
    return {};
}

void ConsoleSettings::setQmlInstance(ConsoleSettings *settings)
{
    QmlInstance<ConsoleSettings>::set(settings);
}

ConsoleSettings *ConsoleSettings::create(QQmlEngine *, QJSEngine *)
{
    return QmlInstance<ConsoleSettings>::get();
}

QString ConsoleSettings::userFile() const
{
    return m_user->fileName();
}

void ConsoleSettings::setAdminFile(const QString &path)
{
    const bool changed = path != m_adminFile;
    m_adminFile = path;
    readAdmin();
    reload();
    if (changed)
        Q_EMIT adminFileChanged();
}

void ConsoleSettings::readAdmin()
{
    m_admin.clear();
    if (m_adminFile.isEmpty())
        return;
    if (!QFileInfo(m_adminFile).isReadable()) {
        qCWarning(lcSettings).noquote() << "the administrator's settings" << m_adminFile << "cannot be read";
        return;
    }
    // Read only: this object never writes it (the file is the administrator's, often not writable anyway).
    const QSettings admin(m_adminFile, QSettings::IniFormat);
    for (const QString &name : admin.allKeys()) {
        const bool inArray = [&] {
            for (int a = 0; a < SettingsSchema::ArrayCount; ++a) {
                if (name.startsWith(SettingsSchema::array(SettingsSchema::Array(a)).name + u'/'))
                    return true;
            }
            return false;
        }();
        if (const auto key = SettingsSchema::find(name))
            m_admin.insert(name, admin.value(name));
        else if (!inArray) // arrays are read when used (entries())
            qCInfo(lcSettings).noquote() << "the administrator's settings" << m_adminFile << "set" << name
                                         << ", which is not a console setting; ignored";
    }
    qCInfo(lcSettings).noquote() << "the administrator's settings" << m_adminFile << "pin" << m_admin.size()
                                 << "settings";
}

std::optional<QVariant> ConsoleSettings::checked(SettingsSchema::Key key, const QVariant &raw,
                                                 const QString &file)
{
    QString problem;
    const auto value = SettingsSchema::validated(key, raw, &problem);
    if (!value) {
        const QString shown = SettingsSchema::loggable(key, raw);
        const QString name = SettingsSchema::spec(key).name;
        const QString once = file + u'\n' + name + u'\n' + SettingsSchema::loggable(key, raw);
        if (!m_warned.contains(once)) {
            m_warned.insert(once);
            qCWarning(lcSettings).noquote() << QStringLiteral("%1 in %2 is \"%3\": %4; the default is used")
                                                   .arg(name, file, shown, problem);
        }
    }
    return value;
}

void ConsoleSettings::refresh(SettingsSchema::Key key)
{
    const QString name = SettingsSchema::spec(key).name;
    const bool pinned = m_admin.contains(name);
    QVariant value = SettingsSchema::spec(key).defaultValue;
    if (pinned) {
        if (const auto admin = checked(key, m_admin.value(name), m_adminFile))
            value = *admin;
    } else if (m_user->contains(name)) {
        if (const auto user = checked(key, m_user->value(name), m_user->fileName()))
            value = *user;
    }
    Setting *s = setting(key);
    const QVariant before = s->value();
    s->update(value, pinned);
    if (before != value) {
        Q_EMIT changed(key);
        if (name.startsWith(QLatin1String("shortcuts/")))
            Q_EMIT shortcutSequencesChanged();
    }
}

void ConsoleSettings::reload()
{
    for (SettingsSchema::Key key : SettingsSchema::keys())
        refresh(key);
    // The arrays are read when asked for: whoever shows them reads them again.
    for (int a = 0; a < SettingsSchema::ArrayCount; ++a)
        Q_EMIT entriesChanged(SettingsSchema::Array(a));
}

bool ConsoleSettings::setValue(SettingsSchema::Key key, const QVariant &value)
{
    const QString name = SettingsSchema::spec(key).name;
    if (isPinned(key)) {
        qCWarning(lcSettings).noquote()
            << "refused to change" << name << ": set by the administrator in" << m_adminFile;
        refresh(key); // a control that showed the refused value shows the pinned one again
        return false;
    }
    QString problem;
    const auto valid = SettingsSchema::validated(key, value, &problem);
    if (!valid) {
        qCWarning(lcSettings).noquote()
            << "refused" << name << "=" << SettingsSchema::loggable(key, value) << ":" << problem;
        return false;
    }
    // Unchanged: the file is left alone (a start-up or a re-bind writes nothing).
    if (setting(key)->value() == *valid)
        return true;
    m_user->setValue(name, *valid);
    refresh(key);
    return true;
}

bool ConsoleSettings::reset(SettingsSchema::Key key)
{
    const QString name = SettingsSchema::spec(key).name;
    if (isPinned(key)) {
        qCWarning(lcSettings).noquote()
            << "refused to reset" << name << ": set by the administrator in" << m_adminFile;
        return false;
    }
    if (m_user->contains(name))
        m_user->remove(name);
    refresh(key);
    return true;
}

QVariantMap ConsoleSettings::shortcutSequences() const
{
    QVariantMap map;
    const QVariantMap settings = shortcuts();
    for (auto it = settings.begin(); it != settings.end(); ++it)
        map.insert(it.key(), it.value().value<Setting *>()->value());
    return map;
}

QVariantMap ConsoleSettings::shortcuts() const
{
    QVariantMap map;
    for (Setting *s : m_settings) {
        const QString name = s->key();
        if (name.startsWith(QLatin1String("shortcuts/")))
            map.insert(name.mid(int(qstrlen("shortcuts/"))), QVariant::fromValue(s));
    }
    return map;
}

bool ConsoleSettings::readEntries(QSettings &settings, SettingsSchema::Array array, const QString &file,
                                  QVariantList *entries, QString *refusal)
{
    entries->clear();
    const SettingsSchema::ArraySpec &spec = SettingsSchema::array(array);
    const QString sizeKey = spec.name + QStringLiteral("/size");
    const QVariant size = settings.value(sizeKey);
    if (!size.isValid())
        return true;
    // Checked before QSettings reads the array: a size of 100000000 once allocated gigabytes, and "abc"
    // or "-3" made the entries vanish without a word.
    bool isNumber = false;
    const int count = size.toString().trimmed().toInt(&isNumber);
    if (!isNumber || count < 0 || count > spec.maxSize) {
        const QString shown = size.toString().left(40);
        *refusal = array == SettingsSchema::SoundLines
            ? QCoreApplication::translate("ConsoleSettings", "%1=%2: expected a number of lines from 0 to %3")
                  .arg(sizeKey, shown)
                  .arg(spec.maxSize)
            : QCoreApplication::translate("ConsoleSettings",
                                          "%1=%2: expected a number of accounts from 0 to %3")
                  .arg(sizeKey, shown)
                  .arg(spec.maxSize);
        return false;
    }
    settings.beginReadArray(spec.name);
    bool ok = true;
    for (int i = 0; i < count && ok; ++i) {
        settings.setArrayIndex(i);
        QVariantMap entry;
        const QStringList keys = settings.childKeys();
        for (const QString &key : keys) {
            // The key as it stands in the file: sipAccounts/2/expires.
            const QString name = QStringLiteral("%1/%2/%3").arg(spec.name).arg(i + 1).arg(key);
            const SettingsSchema::Spec *field = SettingsSchema::entrySpec(array, key);
            if (!field) {
                *refusal = QStringLiteral("%1 in %2: not a key of %3").arg(name, file, spec.name);
                ok = false;
                break;
            }
            const QVariant raw = settings.value(key);
            QString problem;
            const auto value = SettingsSchema::validated(*field, raw, &problem);
            if (!value) {
                // A secret's value is never shown, only its key.
                *refusal = QStringLiteral("%1 in %2 is \"%3\": %4")
                               .arg(name, file, SettingsSchema::loggable(*field, raw), problem);
                ok = false;
                break;
            }
            entry.insert(key, *value);
        }
        if (ok)
            entries->append(entry);
    }
    settings.endArray();
    if (!ok)
        entries->clear();
    return ok;
}

QVariantList ConsoleSettings::adminEntries(SettingsSchema::Array array, QString *refusal) const
{
    QVariantList entries;
    if (m_adminFile.isEmpty() || !QFileInfo(m_adminFile).isReadable())
        return entries;
    QSettings admin(m_adminFile, QSettings::IniFormat);
    QString why;
    if (!readEntries(admin, array, m_adminFile, &entries, &why) && refusal)
        *refusal = why.isEmpty() ? QStringLiteral("?") : why;
    return entries;
}

std::optional<QVariantList> ConsoleSettings::entries(SettingsSchema::Array array, QString *refusal) const
{
    QString why;
    const QVariantList pinned = adminEntries(array, &why);
    if (!why.isEmpty()) {
        *refusal = why;
        return std::nullopt;
    }
    QVariantList own;
    if (!readEntries(*m_user, array, m_user->fileName(), &own, refusal))
        return std::nullopt;
    QVariantList all = pinned;
    QStringList ids;
    for (const QVariant &entry : pinned)
        ids << SettingsSchema::entryId(array, entry.toMap());
    const QString name = SettingsSchema::array(array).name;
    for (qsizetype i = 0; i < own.size(); ++i) {
        const QString id = SettingsSchema::entryId(array, own.at(i).toMap());
        if (ids.contains(id)) {
            const QString once = m_user->fileName() + u'\n' + name + u'\n' + id;
            if (!m_warned.contains(once)) {
                m_warned.insert(once);
                qCWarning(lcSettings).noquote()
                    << QStringLiteral("%1/%2 in %3 is \"%4\", which the administrator sets in %5; the "
                                      "administrator's is used")
                           .arg(name)
                           .arg(i + 1)
                           .arg(m_user->fileName(), id, m_adminFile);
            }
            continue;
        }
        all << own.at(i);
    }
    return all;
}

QStringList ConsoleSettings::pinnedEntries(SettingsSchema::Array array) const
{
    QStringList ids;
    for (const QVariant &entry : adminEntries(array, nullptr))
        ids << SettingsSchema::entryId(array, entry.toMap());
    return ids;
}

void ConsoleSettings::writeEntries(SettingsSchema::Array array, const QVariantList &entries)
{
    const QString name = SettingsSchema::array(array).name;
    m_user->remove(name);
    m_user->beginWriteArray(name, int(entries.size()));
    for (qsizetype i = 0; i < entries.size(); ++i) {
        m_user->setArrayIndex(int(i));
        const QVariantMap entry = entries.at(i).toMap();
        for (auto it = entry.begin(); it != entry.end(); ++it)
            m_user->setValue(it.key(), it.value());
    }
    m_user->endArray();
    Q_EMIT entriesChanged(array);
}

bool ConsoleSettings::setEntry(SettingsSchema::Array array, const QVariantMap &entry, QString *problem)
{
    const QString name = SettingsSchema::array(array).name;
    auto refuse = [&](const QString &why) {
        qCWarning(lcSettings).noquote() << "refused to store an entry of" << name << ":" << why;
        if (problem)
            *problem = why;
        return false;
    };
    QVariantMap typed;
    for (auto it = entry.begin(); it != entry.end(); ++it) {
        const SettingsSchema::Spec *field = SettingsSchema::entrySpec(array, it.key());
        if (!field)
            return refuse(QStringLiteral("%1/%2: not a key of %1").arg(name, it.key()));
        QString why;
        const auto value = SettingsSchema::validated(*field, it.value(), &why);
        if (!value)
            return refuse(QStringLiteral("%1/%2 is \"%3\": %4")
                              .arg(name, it.key(), SettingsSchema::loggable(*field, it.value()), why));
        // An empty value is the default: not written.
        if (!(value->typeId() == QMetaType::QString && value->toString().isEmpty()))
            typed.insert(it.key(), *value);
    }
    for (const SettingsSchema::Spec &field : SettingsSchema::array(array).entry) {
        if (field.required && !typed.contains(field.name))
            return refuse(QStringLiteral("%1/%2: missing").arg(name, field.name));
    }
    const QString id = SettingsSchema::entryId(array, typed);
    if (pinnedEntries(array).contains(id))
        return refuse(
            QStringLiteral("%1 \"%2\" is set by the administrator in %3").arg(name, id, m_adminFile));
    QVariantList own;
    QString why;
    if (!readEntries(*m_user, array, m_user->fileName(), &own, &why))
        return refuse(why);
    qsizetype at = own.size();
    for (qsizetype i = 0; i < own.size(); ++i) {
        if (SettingsSchema::entryId(array, own.at(i).toMap()) == id)
            at = i;
    }
    if (at == own.size()) {
        if (own.size() >= SettingsSchema::array(array).maxSize)
            return refuse(QStringLiteral("%1 holds %2 entries already").arg(name).arg(own.size()));
        own.append(typed);
    } else if (own.at(at).toMap() == typed) {
        return true; // unchanged: nothing written
    } else {
        own[at] = typed;
    }
    writeEntries(array, own);
    return true;
}

bool ConsoleSettings::removeEntry(SettingsSchema::Array array, const QString &id, QString *problem)
{
    const QString name = SettingsSchema::array(array).name;
    auto refuse = [&](const QString &why) {
        qCWarning(lcSettings).noquote() << "refused to remove an entry of" << name << ":" << why;
        if (problem)
            *problem = why;
        return false;
    };
    if (pinnedEntries(array).contains(id))
        return refuse(
            QStringLiteral("%1 \"%2\" is set by the administrator in %3").arg(name, id, m_adminFile));
    QVariantList own;
    QString why;
    if (!readEntries(*m_user, array, m_user->fileName(), &own, &why))
        return refuse(why);
    for (qsizetype i = 0; i < own.size(); ++i) {
        if (SettingsSchema::entryId(array, own.at(i).toMap()) == id) {
            own.removeAt(i);
            writeEntries(array, own);
            return true;
        }
    }
    return refuse(QStringLiteral("%1 has no entry \"%2\"").arg(name, id));
}
