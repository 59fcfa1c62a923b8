#pragma once

#include "settings/Setting.h"
#include "settings/SettingsSchema.h"

#include <QtCore/qlist.h>
#include <QtCore/qobject.h>
#include <QtCore/qset.h>
#include <QtCore/qvariant.h>
#include <QtQml/qqmlregistration.h>

class QJSEngine;
class QQmlEngine;
class QSettings;

// The console's preferences, typed, in two layers: the user's settings file (read and written; a value
// that is not allowed is ignored with one warning naming the key and the file, the default applies and
// the file is left as it is) and the administrator's read-only file (systemAdminFile()): a key set there
// is pinned: its value comes from there and writes to it are refused. Every key, type and default is in
// SettingsSchema. C++ reads the typed accessors; QML binds to the Setting objects (one per key).
class ConsoleSettings : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(Setting *recordingAuto READ recordingAutoSetting CONSTANT FINAL)
    Q_PROPERTY(Setting *recordingFolder READ recordingFolderSetting CONSTANT FINAL)
    Q_PROPERTY(Setting *recordingFormat READ recordingFormatSetting CONSTANT FINAL)
    Q_PROPERTY(Setting *recordingLayout READ recordingLayoutSetting CONSTANT FINAL)
    Q_PROPERTY(Setting *musicOnHold READ musicOnHoldSetting CONSTANT FINAL)
    Q_PROPERTY(Setting *ringtone READ ringtoneSetting CONSTANT FINAL)
    Q_PROPERTY(Setting *theme READ themeSetting CONSTANT FINAL)
    Q_PROPERTY(Setting *wrapUpSeconds READ wrapUpSecondsSetting CONSTANT FINAL)
    Q_PROPERTY(Setting *language READ languageSetting CONSTANT FINAL)
    Q_PROPERTY(Setting *activeHeadset READ activeHeadsetSetting CONSTANT FINAL)
    // The shortcut of each console action: { answer: Setting, reject: Setting, ... } (the key's last part).
    Q_PROPERTY(QVariantMap shortcuts READ shortcuts CONSTANT FINAL)
    // The administrator's file in use ("" when there is none).
    Q_PROPERTY(QString adminFile READ adminFile NOTIFY adminFileChanged FINAL)

public:
    // `user` (the user's settings store) outlives this object. `adminFile` may be "" or missing.
    // No default arguments: Qt 6.4 would construct a default-constructible QML singleton itself.
    ConsoleSettings(QSettings *user, const QString &adminFile, QObject *parent);
    ~ConsoleSettings() override;

    // The first <dir>/<organisation>/<application>.conf that exists, over the folders in XDG_CONFIG_DIRS
    // (/etc/xdg when unset), e.g. /etc/xdg/Hookline/hookline.conf; "" when none does.
    static QString systemAdminFile();

    static void setQmlInstance(ConsoleSettings *settings);
    static ConsoleSettings *create(QQmlEngine *, QJSEngine *);

    Setting *setting(SettingsSchema::Key key) const { return m_settings.at(key); }
    QVariant value(SettingsSchema::Key key) const { return setting(key)->value(); }
    bool isPinned(SettingsSchema::Key key) const { return setting(key)->pinned(); }
    // Stores a valid value of an unpinned key in the user's file; false (with a warning) otherwise.
    bool setValue(SettingsSchema::Key key, const QVariant &value);
    // Removes the user's value of an unpinned key.
    bool reset(SettingsSchema::Key key);

    QString userFile() const;
    QString adminFile() const { return m_adminFile; }
    // Reads the administrator's file again (the tests point it elsewhere).
    void setAdminFile(const QString &path);
    // Reads both files again (after the user's file was changed behind this object's back).
    void reload();
    QSettings *store() const { return m_user; }

    // Typed reads for C++.
    bool autoRecord() const { return value(SettingsSchema::RecordingAuto).toBool(); }
    QString recordingFolder() const { return value(SettingsSchema::RecordingFolder).toString(); }
    QString recordingFormat() const { return value(SettingsSchema::RecordingFormat).toString(); }
    QString recordingLayout() const { return value(SettingsSchema::RecordingLayout).toString(); }
    QString musicOnHold() const { return value(SettingsSchema::MusicOnHold).toString(); }
    QString ringtone() const { return value(SettingsSchema::Ringtone).toString(); }
    QString theme() const { return value(SettingsSchema::Theme).toString(); }
    int wrapUpSeconds() const { return value(SettingsSchema::WrapUpSeconds).toInt(); }
    QString language() const { return value(SettingsSchema::Language).toString(); }
    QString activeHeadset() const { return value(SettingsSchema::ActiveHeadset).toString(); }

    Setting *recordingAutoSetting() const { return setting(SettingsSchema::RecordingAuto); }
    Setting *recordingFolderSetting() const { return setting(SettingsSchema::RecordingFolder); }
    Setting *recordingFormatSetting() const { return setting(SettingsSchema::RecordingFormat); }
    Setting *recordingLayoutSetting() const { return setting(SettingsSchema::RecordingLayout); }
    Setting *musicOnHoldSetting() const { return setting(SettingsSchema::MusicOnHold); }
    Setting *ringtoneSetting() const { return setting(SettingsSchema::Ringtone); }
    Setting *themeSetting() const { return setting(SettingsSchema::Theme); }
    Setting *wrapUpSecondsSetting() const { return setting(SettingsSchema::WrapUpSeconds); }
    Setting *languageSetting() const { return setting(SettingsSchema::Language); }
    Setting *activeHeadsetSetting() const { return setting(SettingsSchema::ActiveHeadset); }
    QVariantMap shortcuts() const;

Q_SIGNALS:
    // A key's value changed (stored, reset or re-read).
    void changed(SettingsSchema::Key key);
    void adminFileChanged();

private:
    void readAdmin();
    // The value of `key` from `raw` (read from `file`), or nothing (with one warning) when not allowed.
    std::optional<QVariant> checked(SettingsSchema::Key key, const QVariant &raw, const QString &file);
    void refresh(SettingsSchema::Key key);

    QSettings *m_user;
    QString m_adminFile;
    QVariantMap m_admin;
    QList<Setting *> m_settings;
    QSet<QString> m_warned; // "file\nkey\nvalue": each bad value is reported once
};
