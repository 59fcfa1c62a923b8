#pragma once

#include <QtCore/qbytearray.h>
#include <QtCore/qlist.h>
#include <QtCore/qobject.h>
#include <QtCore/qtimer.h>
#include <QtCore/qvariant.h>
#include <QtMultimedia/qaudiodevice.h>
#include <QtQml/qqmlregistration.h>

#include "settings/Setting.h"
#include "settings/SettingsSchema.h"

#include <array>

class QMediaDevices;
class ConsoleSettings;

// The agent's three audio roles (microphone, earpiece, ringer), each remembered by QAudioDevice id in the
// settings. A remembered device that is missing falls back to the system default and says why; when it
// comes back the role returns to it. Qt 6.4 may not signal device changes on Linux, so the device lists
// are re-read on a timer as well as on QMediaDevices' signals and on demand (rescan()).
class AudioDevices : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The console owns the audio devices")
    Q_PROPERTY(QList<QAudioDevice> inputs READ inputs NOTIFY devicesChanged FINAL)
    Q_PROPERTY(QList<QAudioDevice> outputs READ outputs NOTIFY devicesChanged FINAL)
    Q_PROPERTY(int rescanIntervalMs READ rescanIntervalMs WRITE setRescanIntervalMs NOTIFY
                   rescanIntervalMsChanged FINAL)

public:
    enum Role { Capture, Playback, Ringer };
    Q_ENUM(Role)

    // `settings` outlives this object; the choices are read from and written to it.
    explicit AudioDevices(ConsoleSettings *settings, QObject *parent = nullptr);
    ~AudioDevices() override;

    QList<QAudioDevice> inputs() const { return m_inputs; }
    QList<QAudioDevice> outputs() const { return m_outputs; }

    // The device the role uses now: the chosen one when present, else the system default (null when the
    // machine has no device of that kind at all).
    Q_INVOKABLE QAudioDevice device(AudioDevices::Role role) const { return m_roles[role].device; }
    // The remembered choice; empty means "follow the system default".
    Q_INVOKABLE QByteArray chosenId(AudioDevices::Role role) const;
    // Empty while the role uses what was chosen; otherwise says which device is missing and what is used.
    Q_INVOKABLE QString fallbackReason(AudioDevices::Role role) const { return m_roles[role].fallbackReason; }

    // Remembers `id` for the role (empty: follow the default). Refuses (false, nothing stored) an id that
    // is not a present device of the role's kind.
    Q_INVOKABLE bool choose(AudioDevices::Role role, const QByteArray &id);
    // For the settings page: the role's choices as {id, name} maps, "System default" (id "") first, then
    // the present devices, then a remembered choice that is not connected (named so). Ids are the
    // QAudioDevice ids as text.
    Q_INVOKABLE QVariantList choices(AudioDevices::Role role) const;
    Q_INVOKABLE QString chosenDeviceId(AudioDevices::Role role) const
    {
        return QString::fromUtf8(chosenId(role));
    }
    Q_INVOKABLE bool chooseDevice(AudioDevices::Role role, const QString &id)
    {
        return choose(role, id.toUtf8());
    }
    // The setting that holds the role's choice (audio/<capture|playback|ringer>/id): the settings page shows
    // the picker locked when the administrator pins it.
    Q_INVOKABLE Setting *setting(AudioDevices::Role role) const;
    // Re-reads the device lists now and moves roles whose device appeared or vanished.
    Q_INVOKABLE void rescan();

    int rescanIntervalMs() const { return m_rescanTimer.interval(); }
    void setRescanIntervalMs(int ms);

Q_SIGNALS:
    void devicesChanged();
    // The role's device changed (chosen, vanished, came back); `fallbackReason` as fallbackReason(role).
    void deviceChanged(AudioDevices::Role role, const QAudioDevice &device, const QString &fallbackReason);
    void rescanIntervalMsChanged();
    // The remembered choice for the role was changed by choose() (even when the device in use stays).
    void choiceChanged(AudioDevices::Role role);
    // The language changed: choices() names and fallback reasons read anew (the devices did not change).
    void textsChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct RoleState
    {
        QAudioDevice device;
        QString fallbackReason;
    };

    static bool isInputRole(Role role) { return role == Capture; }
    static SettingsSchema::Key idKey(Role role);
    static SettingsSchema::Key descriptionKey(Role role);
    RoleState resolved(Role role) const;
    void resolve(Role role);
    void retranslate();

    ConsoleSettings *m_settings;
    QMediaDevices *m_mediaDevices;
    QTimer m_rescanTimer;
    QList<QAudioDevice> m_inputs;
    QList<QAudioDevice> m_outputs;
    QAudioDevice m_defaultInput;
    QAudioDevice m_defaultOutput;
    std::array<RoleState, 3> m_roles;
    bool m_choosing = false; // in choose(): it resolves and signals itself
};
