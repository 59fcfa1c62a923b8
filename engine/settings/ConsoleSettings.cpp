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
    for (SettingsSchema::Key key : SettingsSchema::keys())
        m_settings << new Setting(key, this);
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
        if (const auto key = SettingsSchema::find(name))
            m_admin.insert(name, admin.value(name));
        else
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
    if (before != value)
        Q_EMIT changed(key);
}

void ConsoleSettings::reload()
{
    for (SettingsSchema::Key key : SettingsSchema::keys())
        refresh(key);
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
