#pragma once

#include <QtCore/qstringlist.h>
#include <QtCore/qvariant.h>

#include <optional>

// Every settings key of the console, declared once: its name in the settings file, type, default, the
// values or range it allows and whether it is secret (never logged). ConsoleSettings reads and writes
// through this table; nothing else spells a key or a default. Two kinds: single keys (Key: preferences and
// the floor/ group) and arrays of entries (Array: soundLines, sipAccounts), whose entries' keys are
// declared the same way (Spec with key KeyCount) with a bound on the array's size. The agent's state file
// is the console's state, not a setting, and is not listed here.
class SettingsSchema
{
public:
    enum Key {
        RecordingAuto,
        RecordingFolder,
        RecordingFormat,
        RecordingLayout,
        MusicOnHold,
        Ringtone,
        CaptureDeviceId,
        CaptureDeviceDescription,
        PlaybackDeviceId,
        PlaybackDeviceDescription,
        RingerDeviceId,
        RingerDeviceDescription,
        ShortcutAnswer,
        ShortcutReject,
        ShortcutDrop,
        ShortcutHold,
        ShortcutMute,
        ShortcutCloseWrapUp,
        ShortcutReady,
        ShortcutStateMenu,
        Theme,
        WrapUpSeconds,
        Language,
        ActiveHeadset,
        FloorServers,
        FloorAgentId,
        FloorAgentName,
        FloorTeam,
        FloorCredentialsFile,
        FloorUser,
        FloorPassword,
        FloorTls,
        FloorCaFile,
        FloorCertFile,
        FloorKeyFile,
        FloorBucket,
        FloorAuditStream,
        FloorTtlSeconds,
        FloorReplicas,
        FloorSupervisors,
        CoachingMost, // FloorCoaching: the most a supervisor may do (off, listen, whisper, barge)
        CoachingSupervisors, // FloorCoaching: who may, comma-separated ids (empty: every floor supervisor)
        KeyCount
    };

    // List: several strings, written as an INI list or one comma-separated string (allowed applies to each).
    enum class Type { Bool, Int, String, List };

    struct Spec
    {
        Key key;
        QString name; // "recording/format"
        Type type;
        QVariant defaultValue;
        QStringList allowed; // String: the only values (matched ignoring case, stored as spelled here)
        int minimum = 0; // Int: the range
        int maximum = 0;
        bool secret = false; // its value never appears in a log line
        bool required = false; // an array entry: a write without it is refused
    };

    // An array of entries ([sipAccounts] 1\\user=..., size=N): each entry's keys, the largest size allowed
    // (a larger or non-numeric size refuses the whole array, naming <name>/size) and the key naming an
    // entry (an administrator's entry pins that name: the user's entry of the same name is not used).
    enum Array { SoundLines, SipAccounts, ArrayCount };
    struct ArraySpec
    {
        Array array;
        QString name; // "sipAccounts"
        int maxSize;
        QString idKey; // "id"
        QString idFallbackKey; // the entry's name when it has no id ("user"); empty: the id's default
        QList<Spec> entry; // each with key KeyCount
    };

    static const Spec &spec(Key key);
    static const ArraySpec &array(Array array);
    // The spec of `name` in an entry of `array`; nullptr when an entry has no such key.
    static const Spec *entrySpec(Array array, const QString &name);
    // The name of `entry` (its id, its fallback, or the id's default).
    static QString entryId(Array array, const QVariantMap &entry);
    // Whether `name` ("floor/password", "sipAccounts/password") is a secret.
    static bool isSecret(const QString &name);
    static std::optional<Key> find(const QString &name);
    static QList<Key> keys();

    // The typed value of `raw` (as read from a file or given by the UI), or nothing with the reason.
    static std::optional<QVariant> validated(Key key, const QVariant &raw, QString *problem = nullptr);
    static std::optional<QVariant> validated(const Spec &spec, const QVariant &raw,
                                             QString *problem = nullptr);
    // `value` as a log line may show it: secret values are masked.
    static QString loggable(Key key, const QVariant &value);
    static QString loggable(const Spec &spec, const QVariant &value);
};
