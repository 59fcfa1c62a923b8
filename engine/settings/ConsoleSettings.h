#pragma once

#include "settings/Setting.h"
#include "settings/SettingsArray.h"
#include "settings/SettingsSchema.h"

#include <QtCore/qlist.h>
#include <QtCore/qobject.h>
#include <QtCore/qset.h>
#include <QtCore/qvariant.h>
#include <QtQml/qqmlregistration.h>

class QJSEngine;
class QQmlEngine;
class QSettings;

// The console's settings, typed, in two layers: the user's settings file (read and written; a value
// that is not allowed is ignored with one warning naming the key and the file, the default applies and
// the file is left as it is) and the administrator's read-only file (systemAdminFile()): a key set there
// is pinned: its value comes from there and writes to it are refused. Every key, type and default is in
// SettingsSchema. C++ reads the typed accessors; QML binds to the Setting objects (one per key).
// Arrays (soundLines, sipAccounts) are read as a whole: the administrator's entries first, pinned (the
// user cannot change or remove them, and a user's entry with the same id is not used), then the user's.
// An array with a bad size or a bad entry value is refused as a whole, naming the key.
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
    // Each action's key sequence as text ({ answer: "Ctrl+Shift+A", ... }), for the shortcuts themselves.
    Q_PROPERTY(QVariantMap shortcutSequences READ shortcutSequences NOTIFY shortcutSequencesChanged FINAL)
    // The SIP accounts and the sound-card lines (arrays of entries; secrets never shown).
    Q_PROPERTY(SettingsArray *sipAccounts READ sipAccounts CONSTANT FINAL)
    Q_PROPERTY(SettingsArray *soundLines READ soundLines CONSTANT FINAL)
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

    // The entries of `array` (each a map of the keys its file sets, typed), the administrator's first;
    // nothing (with *refusal naming the key, e.g. "soundLines/size=abc: expected a number of lines from 0
    // to 32") when either file's array cannot be used.
    std::optional<QVariantList> entries(SettingsSchema::Array array, QString *refusal) const;
    // The ids of the administrator's entries of `array` (their ids pinned).
    QStringList pinnedEntries(SettingsSchema::Array array) const;
    // Adds `entry` to the user's array, or replaces the user's entry with the same id; false (with
    // *problem, nothing written) when the id is pinned, a value is not allowed or the array is full.
    bool setEntry(SettingsSchema::Array array, const QVariantMap &entry, QString *problem = nullptr);
    // Removes the user's entry `id`; false when it is pinned or there is none.
    bool removeEntry(SettingsSchema::Array array, const QString &id, QString *problem = nullptr);

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
    SettingsArray *sipAccounts() const { return m_arrays.at(SettingsSchema::SipAccounts); }
    SettingsArray *soundLines() const { return m_arrays.at(SettingsSchema::SoundLines); }
    QVariantMap shortcutSequences() const;

Q_SIGNALS:
    // A key's value changed (stored, reset or re-read).
    void changed(SettingsSchema::Key key);
    // An entry of the user's array was stored or removed.
    void entriesChanged(SettingsSchema::Array array);
    void adminFileChanged();
    void shortcutSequencesChanged();

private:
    void readAdmin();
    // The value of `key` from `raw` (read from `file`), or nothing (with one warning) when not allowed.
    std::optional<QVariant> checked(SettingsSchema::Key key, const QVariant &raw, const QString &file);
    void refresh(SettingsSchema::Key key);
    // `settings`' array (from `file`); false with *refusal naming the key.
    static bool readEntries(QSettings &settings, SettingsSchema::Array array, const QString &file,
                            QVariantList *entries, QString *refusal);
    QVariantList adminEntries(SettingsSchema::Array array, QString *refusal) const;
    void writeEntries(SettingsSchema::Array array, const QVariantList &entries);

    QSettings *m_user;
    QString m_adminFile;
    QVariantMap m_admin;
    QList<Setting *> m_settings;
    QList<SettingsArray *> m_arrays;
    mutable QSet<QString> m_warned; // "file\nkey\nvalue": each bad value is reported once
};
