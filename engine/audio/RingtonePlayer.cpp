#include "audio/RingtonePlayer.h"
#include "core/QmlInstance.h"
#include "settings/ConsoleSettings.h"

#include "agent/AgentState.h"
#include "audio/AudioDevices.h"
#include "audio/PcmOutput.h"
#include "audio/SoundFileDecoder.h"
#include "core/Logging.h"

#include <QtCore/qfile.h>
#include <QtQml/qjsengine.h>

namespace {

// A ringtone is a few seconds; larger files are refused so checking one never stalls the console.
constexpr qint64 MaxToneBytes = 4 * 1024 * 1024;

// Decodes the tone file once per device rate, on the ringer's thread.
PcmOutput::Render decoder(std::shared_ptr<const QByteArray> bytes, const QString &name)
{
    auto cache = std::make_shared<QHash<int, QByteArray>>();
    return [bytes, name, cache](int rate, QString *error) {
        auto it = cache->constFind(rate);
        if (it != cache->constEnd())
            return it.value();
        std::vector<int16_t> samples;
        if (!SoundFileDecoder::decode(*bytes, name, rate, &samples, error))
            return QByteArray();
        QByteArray pcm(reinterpret_cast<const char *>(samples.data()),
                       qsizetype(samples.size() * sizeof(int16_t)));
        cache->insert(rate, pcm);
        return pcm;
    };
}

// The file's bytes if it decodes, else null with *error.
std::shared_ptr<const QByteArray> readTone(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot read: %2").arg(path, file.errorString());
        return nullptr;
    }
    if (file.isSequential() || file.size() > MaxToneBytes) {
        *error = QStringLiteral("%1: not a sound file of at most %2 MB").arg(path).arg(MaxToneBytes >> 20);
        return nullptr;
    }
    auto bytes = std::make_shared<const QByteArray>(file.readAll());
    std::vector<int16_t> probe;
    // Checked once here (a short file, at the file's own pace) so a bad choice is known before a call rings.
    if (!SoundFileDecoder::decode(*bytes, path, 8000, &probe, error))
        return nullptr;
    if (probe.empty()) {
        *error = QStringLiteral("%1: holds no sound").arg(path);
        return nullptr;
    }
    return bytes;
}
} // namespace

RingtonePlayer::RingtonePlayer(AudioDevices *devices, ConsoleSettings *settings, QObject *parent)
    : QObject(parent)
    , m_devices(devices)
    , m_settings(settings)
    , m_output(new PcmOutput(QStringLiteral("ringer"), this))
{
    connect(m_output, &PcmOutput::started, this, [this] {
        setError({});
        setRinging(m_wanted);
    });
    connect(m_output, &PcmOutput::stopped, this, [this] { setRinging(false); });
    connect(m_output, &PcmOutput::failed, this, [this](const QString &message) {
        qCWarning(lcAudio).noquote() << "ringtone:" << message;
        setError(message);
        setRinging(false);
    });
    // The ringer moved (chosen, unplugged, back): an alert in progress moves with it.
    connect(m_devices, &AudioDevices::deviceChanged, this, [this](AudioDevices::Role role) {
        if (role == AudioDevices::Ringer && m_wanted)
            m_output->play(m_devices->device(AudioDevices::Ringer), decoder(m_tone, m_toneName), true);
    });
    connect(m_settings->setting(SettingsSchema::Ringtone), &Setting::valueChanged, this,
            &RingtonePlayer::reloadTone);
    reloadTone();
}

RingtonePlayer::~RingtonePlayer() = default;

void RingtonePlayer::setQmlInstance(RingtonePlayer *player)
{
    QmlInstance<RingtonePlayer>::set(player);
}

RingtonePlayer *RingtonePlayer::create(QQmlEngine *, QJSEngine *)
{
    return QmlInstance<RingtonePlayer>::get();
}

void RingtonePlayer::attach(AgentState *agent)
{
    m_agent = agent;
    connect(agent, &AgentState::alertingSessionChanged, this, &RingtonePlayer::update);
    connect(agent, &AgentState::canTakeCallsChanged, this, &RingtonePlayer::update);
    update();
}

void RingtonePlayer::reloadTone()
{
    const QString chosen = m_settings->ringtone();
    QString error;
    std::shared_ptr<const QByteArray> tone;
    if (!chosen.isEmpty()) {
        tone = readTone(chosen, &error);
        if (!tone)
            qCWarning(lcAudio).noquote()
                << "ringtone" << chosen << "is not used, the shipped tone rings instead:" << error;
    }
    QString name = chosen;
    if (!tone) {
        name = QString::fromLatin1(ShippedTone);
        QString shippedError;
        tone = readTone(name, &shippedError);
        if (!tone) {
            // Only a broken build gets here; the console runs on without a ringtone.
            qCCritical(lcAudio).noquote() << "the shipped ringtone does not load:" << shippedError;
            tone = std::make_shared<const QByteArray>();
        }
    }
    const bool changed = name != m_toneName || error != m_toneError || tone != m_tone;
    m_tone = tone;
    m_toneName = name;
    m_toneError = error;
    if (changed)
        Q_EMIT toneChanged();
    if (m_wanted)
        m_output->play(m_devices->device(AudioDevices::Ringer), decoder(m_tone, m_toneName), true);
}

void RingtonePlayer::update()
{
    const bool wanted = m_agent && m_agent->alertingSession() && m_agent->canTakeCalls();
    if (wanted == m_wanted)
        return;
    m_wanted = wanted;
    if (wanted) {
        m_output->play(m_devices->device(AudioDevices::Ringer), decoder(m_tone, m_toneName), true);
    } else {
        m_output->stop();
        setRinging(false);
    }
}

void RingtonePlayer::setRinging(bool ringing)
{
    if (ringing == m_ringing)
        return;
    m_ringing = ringing;
    Q_EMIT ringingChanged();
}

void RingtonePlayer::setError(const QString &error)
{
    if (error == m_error)
        return;
    m_error = error;
    Q_EMIT errorStringChanged();
}
