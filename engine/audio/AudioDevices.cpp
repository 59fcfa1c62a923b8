#include "AudioDevices.h"

#include "Logging.h"

#include "settings/ConsoleSettings.h"
#include <QtCore/qcoreapplication.h>
#include <QtCore/qcoreevent.h>
#include <QtCore/qscopedvaluerollback.h>
#include <QtMultimedia/qmediadevices.h>
#include <QtQml/qjsengine.h>

#include <algorithm>

namespace {

// Half the one-second budget for moving a call's audio off a vanished device.
constexpr int defaultRescanIntervalMs = 500;

const char *roleName(AudioDevices::Role role)
{
    switch (role) {
    case AudioDevices::Capture:
        return "capture";
    case AudioDevices::Playback:
        return "playback";
    case AudioDevices::Ringer:
        return "ringer";
    }
    return "unknown";
}

QList<QByteArray> idsOf(const QList<QAudioDevice> &devices)
{
    QList<QByteArray> ids;
    ids.reserve(devices.size());
    for (const QAudioDevice &device : devices)
        ids.append(device.id());
    return ids;
}

QAudioDevice findById(const QList<QAudioDevice> &devices, const QByteArray &id)
{
    const auto found =
        std::find_if(devices.begin(), devices.end(), [&](const QAudioDevice &d) { return d.id() == id; });
    return found == devices.end() ? QAudioDevice() : *found;
}

} // namespace

AudioDevices::AudioDevices(ConsoleSettings *settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_mediaDevices(new QMediaDevices(this))
{
    connect(m_mediaDevices, &QMediaDevices::audioInputsChanged, this, &AudioDevices::rescan);
    connect(m_mediaDevices, &QMediaDevices::audioOutputsChanged, this, &AudioDevices::rescan);
    m_rescanTimer.setInterval(defaultRescanIntervalMs);
    connect(&m_rescanTimer, &QTimer::timeout, this, &AudioDevices::rescan);
    m_rescanTimer.start();

    m_inputs = QMediaDevices::audioInputs();
    m_outputs = QMediaDevices::audioOutputs();
    m_defaultInput = QMediaDevices::defaultAudioInput();
    m_defaultOutput = QMediaDevices::defaultAudioOutput();
    for (Role role : {Capture, Playback, Ringer}) {
        resolve(role);
        // A choice changed elsewhere (the administrator's file pinned or unpinned it, the file re-read).
        for (SettingsSchema::Key key : {idKey(role), descriptionKey(role)}) {
            connect(m_settings->setting(key), &Setting::valueChanged, this, [this, role] {
                if (m_choosing)
                    return;
                resolve(role);
                Q_EMIT choiceChanged(role);
            });
        }
    }
    // The names and reasons are built with tr(): a language chosen while running must reach them too.
    if (QCoreApplication *app = QCoreApplication::instance())
        app->installEventFilter(this);
}

AudioDevices::~AudioDevices() = default;

bool AudioDevices::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::LanguageChange && watched == QCoreApplication::instance())
        retranslate();
    return QObject::eventFilter(watched, event);
}

void AudioDevices::retranslate()
{
    // Only the words change: the devices in use stay, so nothing is reopened (no deviceChanged).
    for (Role role : {Capture, Playback, Ringer})
        m_roles[role].fallbackReason = resolved(role).fallbackReason;
    Q_EMIT textsChanged();
}

SettingsSchema::Key AudioDevices::idKey(Role role)
{
    switch (role) {
    case Capture:
        return SettingsSchema::CaptureDeviceId;
    case Playback:
        return SettingsSchema::PlaybackDeviceId;
    case Ringer:
        break;
    }
    return SettingsSchema::RingerDeviceId;
}

SettingsSchema::Key AudioDevices::descriptionKey(Role role)
{
    switch (role) {
    case Capture:
        return SettingsSchema::CaptureDeviceDescription;
    case Playback:
        return SettingsSchema::PlaybackDeviceDescription;
    case Ringer:
        break;
    }
    return SettingsSchema::RingerDeviceDescription;
}

Setting *AudioDevices::setting(Role role) const
{
    Setting *s = m_settings->setting(idKey(role));
    QJSEngine::setObjectOwnership(s, QJSEngine::CppOwnership); // the settings' own
    return s;
}

QByteArray AudioDevices::chosenId(Role role) const
{
    return m_settings->value(idKey(role)).toString().toUtf8();
}

bool AudioDevices::choose(Role role, const QByteArray &id)
{
    QAudioDevice device;
    if (!id.isEmpty()) {
        device = findById(isInputRole(role) ? m_inputs : m_outputs, id);
        if (device.isNull()) {
            qCWarning(lcAudio) << "refused" << roleName(role) << "device" << id
                               << ": not a present device of that kind";
            return false;
        }
    }
    const QScopedValueRollback<bool> choosing(m_choosing, true);
    if (id.isEmpty()) {
        if (!m_settings->reset(idKey(role)))
            return false; // pinned by the administrator
        m_settings->reset(descriptionKey(role));
    } else {
        if (!m_settings->setValue(idKey(role), QString::fromUtf8(id)))
            return false; // pinned by the administrator
        // Kept so a fallback can name the missing device.
        m_settings->setValue(descriptionKey(role), device.description());
    }
    resolve(role);
    Q_EMIT choiceChanged(role);
    return true;
}

void AudioDevices::rescan()
{
    const QList<QAudioDevice> inputs = QMediaDevices::audioInputs();
    const QList<QAudioDevice> outputs = QMediaDevices::audioOutputs();
    const QAudioDevice defaultInput = QMediaDevices::defaultAudioInput();
    const QAudioDevice defaultOutput = QMediaDevices::defaultAudioOutput();
    const bool listsChanged = idsOf(inputs) != idsOf(m_inputs) || idsOf(outputs) != idsOf(m_outputs);
    if (!listsChanged && defaultInput.id() == m_defaultInput.id()
        && defaultOutput.id() == m_defaultOutput.id())
        return;
    m_inputs = inputs;
    m_outputs = outputs;
    m_defaultInput = defaultInput;
    m_defaultOutput = defaultOutput;
    if (listsChanged) {
        qCInfo(lcAudio) << "devices changed:" << m_inputs.size() << "inputs," << m_outputs.size()
                        << "outputs";
        Q_EMIT devicesChanged();
    }
    for (Role role : {Capture, Playback, Ringer})
        resolve(role);
}

QVariantList AudioDevices::choices(Role role) const
{
    const QList<QAudioDevice> &present = isInputRole(role) ? m_inputs : m_outputs;
    const QAudioDevice &systemDefault = isInputRole(role) ? m_defaultInput : m_defaultOutput;
    QVariantList result;
    const auto add = [&result](const QString &id, const QString &name) {
        result.append(QVariantMap {{QStringLiteral("id"), id}, {QStringLiteral("name"), name}});
    };
    add(QString(),
        systemDefault.isNull() ? tr("System default (none available)")
                               : tr("System default (%1)").arg(systemDefault.description()));
    for (const QAudioDevice &device : present)
        add(QString::fromUtf8(device.id()), device.description());
    const QByteArray chosen = chosenId(role);
    if (!chosen.isEmpty() && findById(present, chosen).isNull())
        add(QString::fromUtf8(chosen),
            tr("%1 (not connected)").arg(m_settings->value(descriptionKey(role)).toString()));
    return result;
}

void AudioDevices::setRescanIntervalMs(int ms)
{
    if (ms == m_rescanTimer.interval() || ms <= 0)
        return;
    m_rescanTimer.setInterval(ms);
    Q_EMIT rescanIntervalMsChanged();
}

AudioDevices::RoleState AudioDevices::resolved(Role role) const
{
    const QList<QAudioDevice> &present = isInputRole(role) ? m_inputs : m_outputs;
    const QAudioDevice &systemDefault = isInputRole(role) ? m_defaultInput : m_defaultOutput;
    const QByteArray id = chosenId(role);

    RoleState next;
    next.device = id.isEmpty() ? systemDefault : findById(present, id);
    if (next.device.isNull()) {
        next.device = systemDefault;
        const QString kind = isInputRole(role) ? tr("microphone") : tr("output");
        if (!id.isEmpty() && !systemDefault.isNull()) {
            next.fallbackReason =
                tr("The chosen %1 \"%2\" is not connected; using the system default \"%3\".")
                    .arg(kind, m_settings->value(descriptionKey(role)).toString(),
                         systemDefault.description());
        } else if (systemDefault.isNull()) {
            next.fallbackReason = tr("No %1 is available.").arg(kind);
        }
    }
    return next;
}

void AudioDevices::resolve(Role role)
{
    const RoleState next = resolved(role);
    RoleState &current = m_roles[role];
    if (current.device.id() == next.device.id() && current.fallbackReason == next.fallbackReason)
        return;
    current = next;
    if (!current.fallbackReason.isEmpty())
        qCWarning(lcAudio).noquote() << roleName(role) << ":" << current.fallbackReason;
    Q_EMIT deviceChanged(role, current.device, current.fallbackReason);
}
