#include "audio/CallAudioRouter.h"
#include "core/QmlInstance.h"

#include "audio/AudioDevices.h"
#include "audio/QtAgentAudioIo.h"
#include "core/Logging.h"
#include "core/Tapi.h"
#include "providers/LineAudioEndpoint.h"
#include "session/CallEngine.h"
#include "session/CallSession.h"
#include "settings/ConsoleSettings.h"

#include <QtCore/qdatetime.h>
#include <QtCore/qdir.h>
#include <QtCore/qfileinfo.h>
#include <QtCore/qstandardpaths.h>
#include <QtQml/qjsengine.h>

namespace {

// The schema's recording/format values, in its order (wav, flac, opus).
Recorder::Format formatFromSetting(const QString &value)
{
    const QStringList allowed = SettingsSchema::spec(SettingsSchema::RecordingFormat).allowed;
    const Recorder::Format formats[] = {Recorder::Wav, Recorder::Flac, Recorder::OggOpus};
    const qsizetype index = allowed.indexOf(value);
    return index >= 0 && index < qsizetype(std::size(formats)) ? formats[index] : Recorder::Wav;
}

// The schema's recording/layout values, in its order (stereo, mono).
Recorder::Layout layoutFromSetting(const QString &value)
{
    return SettingsSchema::spec(SettingsSchema::RecordingLayout).allowed.indexOf(value) == 1
        ? Recorder::MonoMix
        : Recorder::CallerLeftAgentRight;
}

// The file extension is the format's name in the schema (wav, flac, opus).
QString extensionOf(Recorder::Format format)
{
    const QStringList allowed = SettingsSchema::spec(SettingsSchema::RecordingFormat).allowed;
    switch (format) {
    case Recorder::Flac:
        return allowed.at(1);
    case Recorder::OggOpus:
        return allowed.at(2);
    case Recorder::Wav:
        break;
    }
    return allowed.at(0);
}

// Active while connected here, Held while on hold, EarlyMedia while an outbound call progresses,
// otherwise nothing flows. A conference's party follows its conference: talking while the conference
// is connected, held while it is held (a party being added), silent otherwise.
CallAudioBridge::Mode modeOf(const CallSession *session)
{
    int state = session->state();
    if (state == Tapi::Conferenced) {
        const CallSession *parent = session->conferenceParent();
        if (!parent)
            return CallAudioBridge::Active; // the conference's handle was freed; the call talks on
        session = parent;
        state = parent->state();
    }
    if (state == Tapi::Connected
        && !(session->mode() & (Tapi::ConnectedInactive | Tapi::ConnectedInactiveHeld)))
        return CallAudioBridge::Active;
    if (state == Tapi::OnHold || state == Tapi::OnHoldPendConf || state == Tapi::OnHoldPendTransfer)
        return CallAudioBridge::Held;
    if (state == Tapi::DialTone || state == Tapi::Dialing || state == Tapi::Proceeding
        || state == Tapi::Ringback || state == Tapi::Busy || state == Tapi::SpecialInfo)
        return CallAudioBridge::EarlyMedia;
    return CallAudioBridge::Inactive;
}

// Which of a call's handles decides what its one bridge does: talking beats held beats early media.
int rankOf(int mode)
{
    switch (mode) {
    case CallAudioBridge::Active:
        return 3;
    case CallAudioBridge::Held:
        return 2;
    case CallAudioBridge::EarlyMedia:
        return 1;
    default:
        return 0;
    }
}

} // namespace

CallAudioRouter::CallAudioRouter(CallEngine *engine, AudioDevices *devices, ConsoleSettings *settings,
                                 CallAudioMixer::IoFactory ioFactory, CallAudioMixer::Drive drive,
                                 QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_devices(devices)
    , m_settings(settings)
    , m_drive(drive)
{
    if (!ioFactory)
        ioFactory = [] {
            return std::make_unique<QtAgentAudioIo>();
        };
    m_mixer = new CallAudioMixer(std::move(ioFactory), drive);
    // Virtual time (Stepped) decodes inline so a headless run hears the music at the same moment every time.
    m_music =
        new MusicOnHoldCache(drive == CallAudioMixer::Drive::Stepped ? MusicOnHoldCache::Decoding::Inline
                                                                     : MusicOnHoldCache::Decoding::OnWorker,
                             this);
    connect(m_music, &MusicOnHoldCache::ready, this,
            [this](const QString &, int lineRate, MusicOnHoldCache::Samples samples) {
                musicReady(lineRate, std::move(samples));
            });
    connect(m_music, &MusicOnHoldCache::failed, this, [this](const QString &path, int, const QString &error) {
        setMessage(tr("Cannot play the music on hold %1: %2").arg(path, error));
    });
    connect(m_mixer, &CallAudioMixer::devicesOpened, this, &CallAudioRouter::mixerOpened);
    connect(m_mixer, &CallAudioMixer::deviceError, this, &CallAudioRouter::mixerDeviceError);
    connect(m_mixer, &CallAudioMixer::levels, this, &CallAudioRouter::mixerLevels);
    connect(m_mixer, &CallAudioMixer::recordingStateChanged, this, &CallAudioRouter::mixerRecordingState);
    if (drive == CallAudioMixer::Drive::OwnTimer) {
        m_mixer->moveToThread(&m_thread);
        m_thread.setObjectName(QStringLiteral("hookline-audio"));
        m_thread.start(QThread::TimeCriticalPriority);
    }
    toMixer(&CallAudioMixer::start);

    connect(engine, &CallEngine::callAudioChanged, this, &CallAudioRouter::audioChanged);
    connect(engine, &CallEngine::sessionStateChanged, this, [this](CallSession *session) {
        if (const int id = bridgeIdOf(session))
            refreshMode(id);
        refreshParties(session);
        // A coaching leg follows its coached call (or the conference the call is a party of).
        for (auto it = m_coachingLegs.cbegin(); it != m_coachingLegs.cend(); ++it) {
            const CallSession *coached = it->coached;
            if (!coached || (coached != session && coached != session->conferenceParent()))
                continue;
            if (const int leg = m_bridgeOf.value(const_cast<CallSession *>(it.key()), 0))
                refreshMode(leg);
        }
        if (session->state() == Tapi::Idle || session->state() == Tapi::Disconnected)
            callEnded(session);
    });
    connect(engine, &CallEngine::conferenceMembershipChanged, this, &CallAudioRouter::refreshParties);
    connect(engine, &CallEngine::sessionRemoved, this, &CallAudioRouter::callEnded);
    connect(engine, &CallEngine::sessionRemoved, this, &CallAudioRouter::detach);
    connect(engine->mute(), &MuteState::mutedChanged, this,
            [this](bool muted) { toMixer([muted](CallAudioMixer *m) { m->setMuted(muted); }); });
    const bool muted = engine->mute()->isMuted();
    toMixer([muted](CallAudioMixer *m) { m->setMuted(muted); });
    if (devices)
        connect(devices, &AudioDevices::deviceChanged, this, [this](AudioDevices::Role role) {
            if (role != AudioDevices::Ringer)
                devicesMoved();
        });
    if (devices)
        connect(devices, &AudioDevices::textsChanged, this, &CallAudioRouter::updateDevicesInUse);
    devicesMoved();
    for (CallSession *session : engine->sessionList())
        audioChanged(session);
}

CallAudioRouter::~CallAudioRouter()
{
    // At shutdown only: recordings are closed and devices released before the thread ends.
    if (m_drive == CallAudioMixer::Drive::OwnTimer) {
        QMetaObject::invokeMethod(m_mixer, &CallAudioMixer::shutdown, Qt::BlockingQueuedConnection);
        m_thread.stop();
        m_thread.wait();
    } else {
        m_mixer->shutdown();
    }
    delete m_mixer;
}

void CallAudioRouter::toMixer(std::function<void(CallAudioMixer *)> order)
{
    if (m_drive == CallAudioMixer::Drive::Stepped) {
        order(m_mixer);
        return;
    }
    QMetaObject::invokeMethod(
        m_mixer, [m = m_mixer, order = std::move(order)] { order(m); }, Qt::QueuedConnection);
}

void CallAudioRouter::advanceAudioTo(qint64 nowNs)
{
    Q_ASSERT(m_drive == CallAudioMixer::Drive::Stepped);
    m_mixer->advanceTo(nowNs);
}

void CallAudioRouter::setQmlInstance(CallAudioRouter *router)
{
    QmlInstance<CallAudioRouter>::set(router);
}

CallAudioRouter *CallAudioRouter::create(QQmlEngine *, QJSEngine *)
{
    return QmlInstance<CallAudioRouter>::get();
}

QString CallAudioRouter::defaultRecordingFolder()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("recordings"));
}

void CallAudioRouter::audioChanged(CallSession *session)
{
    const std::shared_ptr<LineAudioEndpoint> endpoint = m_engine ? m_engine->audioEndpoint(session) : nullptr;
    const int current = bridgeIdOf(session);
    if (current && m_bridges.value(current).endpoint == endpoint)
        return;
    if (current && endpoint) {
        // The provider replaced the call's voice path: the same bridge (and recording) carries on.
        m_bridges[current].endpoint = endpoint;
        auto music = musicOnHold(endpoint->sampleRate());
        toMixer(
            [current, endpoint, music](CallAudioMixer *m) { m->replaceEndpoint(current, endpoint, music); });
        return;
    }
    detach(session);
    if (!endpoint)
        return;
    // Handles of one call share its endpoint and its bridge.
    int id = 0;
    for (auto it = m_bridges.begin(); it != m_bridges.end() && !id; ++it)
        if (it->endpoint == endpoint)
            id = it.key();
    if (!id) {
        id = m_nextBridgeId++;
        Bridged &bridged = m_bridges[id];
        bridged.endpoint = endpoint;
        auto music = musicOnHold(endpoint->sampleRate());
        toMixer([id, endpoint, music](CallAudioMixer *m) {
            m->addBridge(id, endpoint, CallAudioBridge::Inactive, music);
        });
        bridged.mode = CallAudioBridge::Inactive;
    }
    m_bridges[id].sessions.append(session);
    m_bridgeOf.insert(session, id);
    refreshMode(id);
}

void CallAudioRouter::detach(CallSession *session)
{
    const int id = m_bridgeOf.take(session);
    if (!id)
        return;
    Bridged &bridged = m_bridges[id];
    bridged.sessions.removeAll(session);
    bridged.sessions.removeAll(nullptr);
    if (!bridged.sessions.isEmpty()) {
        refreshMode(id);
        return;
    }
    const bool wasActive = bridged.mode == CallAudioBridge::Active;
    m_bridges.remove(id);
    // The recording closes with the bridge: its last report (Finished) still reaches the session.
    const CallSession::RecordingState recording = session->recordingState();
    if (recording == CallSession::Recording || recording == CallSession::RecordingPaused)
        m_closingRecordings.insert(id, {session});
    toMixer([id](CallAudioMixer *m) { m->removeBridge(id); });
    if (wasActive) {
        --m_activeBridges;
        Q_EMIT bridgedCallsChanged();
    }
}

void CallAudioRouter::refreshMode(int bridgeId)
{
    auto it = m_bridges.find(bridgeId);
    if (it == m_bridges.end())
        return;
    int mode = CallAudioBridge::Inactive;
    int conference = 0;
    bool legHeld = false;
    applyCoachingHearing(bridgeId);
    for (const QPointer<CallSession> &session : std::as_const(it->sessions)) {
        if (!session)
            continue;
        const int sessionMode = modeOf(session);
        if (rankOf(sessionMode) > rankOf(mode))
            mode = sessionMode;
        if (session->state() == Tapi::Conferenced && session->conferenceParent())
            conference = session->conferenceParent()->sessionId();
        else if (const int coaching = coachingConferenceOf(session))
            conference = coaching;
        // A coaching leg talks only while its coached call does: held with it, the supervisor hears
        // the music on hold (or nothing), not the agent, and nobody hears the supervisor.
        const auto leg = m_coachingLegs.constFind(session.data());
        if (leg != m_coachingLegs.cend() && leg->coached && modeOf(leg->coached) != CallAudioBridge::Active
            && sessionMode == CallAudioBridge::Active)
            legHeld = true;
    }
    if (legHeld && mode == CallAudioBridge::Active)
        mode = CallAudioBridge::Held;
    if (conference != it->conference) {
        it->conference = conference;
        toMixer([bridgeId, conference](CallAudioMixer *m) { m->setBridgeConference(bridgeId, conference); });
    }
    if (mode == it->mode)
        return;
    const bool wasActive = it->mode == CallAudioBridge::Active;
    it->mode = mode;
    toMixer([bridgeId, mode](CallAudioMixer *m) { m->setBridgeMode(bridgeId, mode); });
    if (wasActive != (mode == CallAudioBridge::Active)) {
        m_activeBridges += wasActive ? -1 : 1;
        Q_EMIT bridgedCallsChanged();
    }
    if (mode == CallAudioBridge::Active && !it->autoRecorded) {
        // The recording policy decides once, when the call first talks: a coaching leg (the agent's
        // side: joined to a call; the supervisor's: marked by the floor) is never recorded on its own,
        // the coached call's recording holds what it says.
        it->autoRecorded = true;
        bool coachingLeg = false;
        for (const QPointer<CallSession> &session : std::as_const(it->sessions))
            coachingLeg = coachingLeg || (session && isCoachingLeg(session));
        for (const QPointer<CallSession> &session : std::as_const(it->sessions)) {
            if (session && m_settings->autoRecord() && !coachingLeg) {
                startRecording(session);
                break;
            }
        }
    }
}

void CallAudioRouter::refreshParties(CallSession *conference)
{
    // A conference's state and membership decide its parties' audio.
    if (!conference || !conference->isConference())
        return;
    for (CallSession *member : conference->members()) {
        if (const int id = bridgeIdOf(member))
            refreshMode(id);
    }
}

std::shared_ptr<const std::vector<int16_t>> CallAudioRouter::musicOnHold(int lineRate)
{
    // Nothing until decoded (on a worker in the console): musicReady() hands it to the bridges then.
    return m_music->samples(m_settings->musicOnHold(), lineRate);
}

void CallAudioRouter::musicReady(int lineRate, MusicOnHoldCache::Samples samples)
{
    for (auto it = m_bridges.cbegin(); it != m_bridges.cend(); ++it) {
        if (it->endpoint && it->endpoint->sampleRate() == lineRate) {
            const int id = it.key();
            toMixer([id, samples](CallAudioMixer *m) { m->setMusicOnHold(id, samples); });
        }
    }
}

void CallAudioRouter::devicesMoved()
{
    const QAudioDevice capture = m_devices ? m_devices->device(AudioDevices::Capture) : QAudioDevice();
    const QAudioDevice playback = m_devices ? m_devices->device(AudioDevices::Playback) : QAudioDevice();
    toMixer([capture, playback](CallAudioMixer *m) { m->setDevices(capture, playback); });
    updateDevicesInUse();
}

void CallAudioRouter::mixerOpened(const QString &captureName, const QString &playbackName,
                                  const QString &error)
{
    m_openCaptureName = captureName;
    m_openPlaybackName = playbackName;
    m_openError = error;
    updateDevicesInUse();
}

void CallAudioRouter::mixerDeviceError(int, const QString &reason)
{
    m_openError = reason;
    updateDevicesInUse();
    // The device may be gone: look now rather than at the next rescan tick.
    if (m_devices)
        m_devices->rescan();
}

void CallAudioRouter::updateDevicesInUse()
{
    // While a call is bridged, the devices actually open; otherwise the ones the next call will use.
    auto chosen = [this](AudioDevices::Role role) {
        return m_devices ? m_devices->device(role).description() : QString();
    };
    auto fallback = [this](AudioDevices::Role role) {
        return m_devices ? m_devices->fallbackReason(role) : QString();
    };
    const QString capture = m_openCaptureName.isEmpty() ? chosen(AudioDevices::Capture) : m_openCaptureName;
    const QString playback =
        m_openPlaybackName.isEmpty() ? chosen(AudioDevices::Playback) : m_openPlaybackName;
    QStringList reasons;
    for (const QString &reason :
         {fallback(AudioDevices::Capture), fallback(AudioDevices::Playback), m_openError})
        if (!reason.isEmpty() && !reasons.contains(reason))
            reasons.append(reason);
    const QString reason = reasons.join(u'\n');
    if (capture == m_captureName && playback == m_playbackName && reason == m_fallbackReason)
        return;
    m_captureName = capture;
    m_playbackName = playback;
    m_fallbackReason = reason;
    qCInfo(lcAudio).noquote() << "audio now: microphone" << capture << ", earpiece" << playback
                              << (reason.isEmpty() ? QString() : QStringLiteral("(%1)").arg(reason));
    Q_EMIT devicesInUseChanged();
}

void CallAudioRouter::mixerLevels(double fromPeak, double fromRms, double toPeak, double toRms)
{
    m_farEndPeak = fromPeak;
    m_farEndRms = fromRms;
    m_agentPeak = toPeak;
    m_agentRms = toRms;
    Q_EMIT levelsChanged();
}

void CallAudioRouter::setRecordingMessage(const CallSession *session, const QString &message, bool logged)
{
    setMessage(message, logged);
    m_messageSession = session ? session->sessionId() : 0;
}

void CallAudioRouter::callEnded(const CallSession *session)
{
    if (m_messageSession && session && session->sessionId() == m_messageSession)
        setMessage({});
}

void CallAudioRouter::setMessage(const QString &message, bool logged)
{
    m_messageSession = 0;
    if (!message.isEmpty() && !logged)
        qCWarning(lcAudio).noquote() << message;
    if (message == m_message)
        return;
    m_message = message;
    Q_EMIT messageChanged();
}

QString CallAudioRouter::newRecordingPath(const CallSession *session, Recorder::Format format, QString *error)
{
    QString folder = m_settings->recordingFolder();
    if (folder.isEmpty())
        folder = defaultRecordingFolder();
    const bool created = !QFileInfo::exists(folder);
    if (!QDir().mkpath(folder)) {
        *error = tr("Cannot record: the folder %1 cannot be created.").arg(folder);
        return {};
    }
    // A folder Hookline makes, and the default one however it was made, is the agent's alone; one the
    // agent chose keeps its permissions (the files in it are 0600 either way).
    if (created || QFileInfo(folder) == QFileInfo(defaultRecordingFolder()))
        QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    // Only what Hookline made up goes into the name: caller text never becomes part of a path.
    const QString stem = QStringLiteral("call-%1-s%2")
                             .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")))
                             .arg(session->sessionId());
    const QDir dir(folder);
    QString path = dir.filePath(stem + u'.' + extensionOf(format));
    // Also unique among names handed out whose files the audio thread has not created yet.
    for (int n = 2; QFileInfo::exists(path) || m_issuedPaths.contains(path); ++n)
        path = dir.filePath(QStringLiteral("%1-%2.%3").arg(stem).arg(n).arg(extensionOf(format)));
    return path;
}

bool CallAudioRouter::startRecording(CallSession *session)
{
    const int id = bridgeIdOf(session);
    if (!id) {
        setRecordingMessage(session, tr("Cannot record: the call has no audio."));
        return false;
    }
    // The call's handles carry its recording: one that says it runs is enough.
    for (const QPointer<CallSession> &handle : std::as_const(m_bridges[id].sessions)) {
        if (handle
            && (handle->recordingState() == CallSession::Recording
                || handle->recordingState() == CallSession::RecordingPaused)) {
            setRecordingMessage(
                session, tr("The call is already being recorded into %1.").arg(handle->recordingPath()));
            return false;
        }
    }
    const Recorder::Format format = formatFromSetting(m_settings->recordingFormat());
    const Recorder::Layout layout = layoutFromSetting(m_settings->recordingLayout());
    QString error;
    const QString path = newRecordingPath(session, format, &error);
    m_issuedPaths.insert(path);
    if (path.isEmpty()) {
        setRecordingMessage(session, error);
        Q_EMIT recordingFailed(session, error);
        return false;
    }
    Recorder::Metadata metadata;
    metadata.title = tr("Hookline call %1").arg(session->sessionId());
    metadata.date = QDateTime::currentDateTime();
    const bool inbound = session->direction() == Tapi::Inbound;
    metadata.callerNumber = inbound ? session->remoteNumber() : session->address();
    metadata.calledNumber = inbound ? session->calledNumber() : session->remoteNumber();
    toMixer([id, path, format, layout, metadata](CallAudioMixer *m) {
        m->startRecording(id, path, format, layout, metadata);
    });
    return true;
}

void CallAudioRouter::pauseRecording(CallSession *session)
{
    if (const int id = bridgeIdOf(session))
        toMixer([id](CallAudioMixer *m) { m->pauseRecording(id); });
}

void CallAudioRouter::resumeRecording(CallSession *session)
{
    if (const int id = bridgeIdOf(session))
        toMixer([id](CallAudioMixer *m) { m->resumeRecording(id); });
}

void CallAudioRouter::stopRecording(CallSession *session)
{
    if (const int id = bridgeIdOf(session))
        toMixer([id](CallAudioMixer *m) { m->stopRecording(id); });
}

static_assert(int(CallSession::NotRecorded) == Recorder::Idle
                  && int(CallSession::Recording) == Recorder::Recording
                  && int(CallSession::RecordingPaused) == Recorder::Paused
                  && int(CallSession::RecordingFinished) == Recorder::Finished
                  && int(CallSession::RecordingFailed) == Recorder::Failed,
              "CallSession::RecordingState follows Recorder::State");

void CallAudioRouter::mixerRecordingState(int bridgeId, Recorder::State state, const QString &path,
                                          const QString &error)
{
    QList<QPointer<CallSession>> sessions;
    const auto it = m_bridges.constFind(bridgeId);
    if (it != m_bridges.cend()) {
        sessions = it->sessions;
    } else {
        // The call's audio went and its recording closed with it: this is the recorder's last word.
        sessions = m_closingRecordings.value(bridgeId);
        if (state == Recorder::Finished || state == Recorder::Failed)
            m_closingRecordings.remove(bridgeId);
    }
    for (const QPointer<CallSession> &session : std::as_const(sessions)) {
        if (!session)
            continue;
        // The session is the one place the recording's state lives (the call log links the file from the
        // call's row as soon as it starts, the floor and the console bind to it).
        session->setRecording(CallSession::RecordingState(state), path);
        if (state == Recorder::Failed)
            Q_EMIT recordingFailed(session, error);
    }
    if (state == Recorder::Failed && !sessions.isEmpty())
        setRecordingMessage(sessions.value(0).data(), error, true); // the recorder logged it
}
