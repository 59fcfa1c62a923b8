#pragma once

#include <QtCore/qstringlist.h>
#include <QtCore/qvariant.h>

#include <optional>

// Every preference key of the console, declared once: its name in the settings file, type, default, the
// values or range it allows and whether it is secret (never logged). ConsoleSettings reads and writes
// through this table; nothing else spells a key or a default. Structured groups with their own readers
// (soundLines, sipAccounts, floor) and the agent's state file are not preferences and are not listed here.
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
        CoachingMost, // FloorCoaching: the most a supervisor may do (off, listen, whisper, barge)
        CoachingSupervisors, // FloorCoaching: who may, comma-separated ids (empty: every floor supervisor)
        KeyCount
    };

    enum class Type { Bool, Int, String };

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
    };

    static const Spec &spec(Key key);
    static std::optional<Key> find(const QString &name);
    static QList<Key> keys();

    // The typed value of `raw` (as read from a file or given by the UI), or nothing with the reason.
    static std::optional<QVariant> validated(Key key, const QVariant &raw, QString *problem = nullptr);
    // `value` as a log line may show it: secret values are masked.
    static QString loggable(Key key, const QVariant &value);
};
