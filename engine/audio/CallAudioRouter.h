#pragma once

#include "audio/CallAudioMixer.h"
#include "audio/MusicOnHoldCache.h"
#include "audio/Recorder.h"
#include "session/CallSession.h"

#include "audio/AudioThread.h"
#include <QtCore/qhash.h>
#include <QtCore/qobject.h>
#include <QtCore/qpointer.h>
#include <QtCore/qset.h>
#include <QtQml/qqmlregistration.h>

#include <memory>

class AudioDevices;
class CallEngine;
class CallSession;
class LineAudioEndpoint;
class QJSEngine;
class QQmlEngine;
class ConsoleSettings;

// Where every call's audio goes: the only audio object the console talks to. Watches the engine: a call
// whose voice path exists and whose state is CONNECTED (and not inactive at this station) is bridged to
// the agent's microphone and earpiece; several such calls are mixed to the earpiece and all hear the
// microphone; the parties of a conference (CONFERENCED while it is connected) also hear each other
// (ConferenceMix); a held call hears music on hold (setting audio/musicOnHold) or nothing. An outbound
// call whose provider gives a voice path before the answer (dial tone, ringback, busy, special information)
// plays it to the earpiece only: nothing reaches the far end before CONNECTED. A voice path the provider
// replaces mid-call keeps the call's bridge and its recording. Follows the engine's one mute, moves the
// audio when AudioDevices moves a role (a device lost mid-call, within a second), and records calls on
// demand or automatically (settings recording/*). The audio itself runs on one audio thread for all
// calls (CallAudioMixer); this object lives on the GUI thread and only sends it orders. A stepped router
// (a scenario's virtual time) runs the mixer on this thread instead, one cycle at a time in
// advanceAudioTo().
class CallAudioRouter : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(AudioDevices *devices READ devices CONSTANT FINAL)
    Q_PROPERTY(QString captureDeviceName READ captureDeviceName NOTIFY devicesInUseChanged FINAL)
    Q_PROPERTY(QString playbackDeviceName READ playbackDeviceName NOTIFY devicesInUseChanged FINAL)
    Q_PROPERTY(QString fallbackReason READ fallbackReason NOTIFY devicesInUseChanged FINAL)
    Q_PROPERTY(int bridgedCalls READ bridgedCalls NOTIFY bridgedCallsChanged FINAL)
    Q_PROPERTY(double farEndPeakDbfs READ farEndPeakDbfs NOTIFY levelsChanged FINAL)
    Q_PROPERTY(double farEndRmsDbfs READ farEndRmsDbfs NOTIFY levelsChanged FINAL)
    Q_PROPERTY(double agentPeakDbfs READ agentPeakDbfs NOTIFY levelsChanged FINAL)
    Q_PROPERTY(double agentRmsDbfs READ agentRmsDbfs NOTIFY levelsChanged FINAL)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged FINAL)

public:
    // No default arguments: Qt 6.4 would construct a default-constructible QML singleton itself.
    // `devices` and `settings` outlive the router; `devices` may be null when the io needs no device
    // choice (the buffer twin). A recording's state and file go onto its sessions (the call log follows
    // them there). `ioFactory` makes
    // the agent's devices on the audio thread; null means QtMultimedia. `drive`: the mixer's own thread
    // and timer (the console), or stepped by advanceAudioTo() on this thread.
    CallAudioRouter(CallEngine *engine, AudioDevices *devices, ConsoleSettings *settings,
                    CallAudioMixer::IoFactory ioFactory, CallAudioMixer::Drive drive, QObject *parent);
    ~CallAudioRouter() override;

    static void setQmlInstance(CallAudioRouter *router);
    static CallAudioRouter *create(QQmlEngine *, QJSEngine *);
    // <AppDataLocation>/recordings
    static QString defaultRecordingFolder();

    AudioDevices *devices() const { return m_devices; }
    QString captureDeviceName() const { return m_captureName; }
    QString playbackDeviceName() const { return m_playbackName; }
    QString fallbackReason() const { return m_fallbackReason; }
    int bridgedCalls() const { return m_activeBridges; }
    double farEndPeakDbfs() const { return m_farEndPeak; }
    double farEndRmsDbfs() const { return m_farEndRms; }
    double agentPeakDbfs() const { return m_agentPeak; }
    double agentRmsDbfs() const { return m_agentRms; }
    QString message() const { return m_message; }

    // Recording of the session's call. Start refuses (false, message) a call without audio or one that
    // is already recording. The recording's state and file are the session's alone
    // (CallSession.recordingState, recordingPath): the router sets them on every handle of the call as
    // the recorder reports (Recording or Failed after a start, Finished when it stops or the call's
    // audio goes).
    Q_INVOKABLE bool startRecording(CallSession *session);
    // A supervisor's coaching leg (issue 16, FloorCoaching): `leg`'s far end joins `coached`'s audio as a
    // party of its conference (of a conference made for the two when `coached` is a plain call): it hears
    // the agent and the far ends, and is heard by the agent (byAgent) and the far ends (byParties) or not
    // (listen: neither; whisper: the agent only; barge: both). Called again with other flags, the mode
    // changes; with a null `coached`, the leg is an ordinary call again. The leg follows the coached
    // call: while that call is not talking here (held, or a conference being added to), the leg's
    // bridge is held too (it hears the music on hold or nothing, never the agent, and nobody hears it).
    // Implemented in CallAudioRouterCoaching.cpp and refreshMode().
    Q_INVOKABLE void setCoachingLeg(CallSession *leg, CallSession *coached, bool byAgent, bool byParties);
    // A joined leg (setCoachingLeg) or a supervisor's leg (CallSession::isSupervisionLeg: answered here
    // for a supervisor, or placed here to coach): the recording policy (recording/auto) leaves it alone.
    // A manual start still records.
    bool isCoachingLeg(const CallSession *session) const;
    Q_INVOKABLE void pauseRecording(CallSession *session);
    Q_INVOKABLE void resumeRecording(CallSession *session);
    Q_INVOKABLE void stopRecording(CallSession *session);

    // The audio thread's mixer, for tests that look inside (use it on its thread only).
    CallAudioMixer *mixer() const { return m_mixer; }
    // Stepped drive: runs every call's audio up to `nowNs` of the driving clock.
    void advanceAudioTo(qint64 nowNs);

Q_SIGNALS:
    void devicesInUseChanged();
    void bridgedCallsChanged();
    void levelsChanged();
    void messageChanged();
    // Why a recording of the session's call was refused (no folder for it: nothing started) or broke
    // off (the session's recordingState is then RecordingFailed).
    void recordingFailed(CallSession *session, const QString &message);

private:
    struct CoachingLeg
    {
        QPointer<CallSession> coached;
        bool byAgent = true;
        bool byParties = true;
    };
    QHash<const CallSession *, CoachingLeg> m_coachingLegs;

    struct Bridged
    {
        std::shared_ptr<LineAudioEndpoint> endpoint;
        QList<QPointer<CallSession>> sessions;
        int mode = -1;
        int conference = 0; // the conference's session id while the call is a party of one
        bool autoRecorded = false;
    };

    void audioChanged(CallSession *session);
    void detach(CallSession *session);
    void refreshMode(int bridgeId);
    void refreshParties(CallSession *conference);
    // Coaching (CallAudioRouterCoaching.cpp): the conference a coaching leg or a coached call is mixed
    // in (0: none), and the mixer's order for the leg's hearing.
    int coachingConferenceOf(const CallSession *session) const;
    void applyCoachingHearing(int bridgeId);
    void devicesMoved();
    void mixerOpened(const QString &captureName, const QString &playbackName, const QString &error);
    void mixerDeviceError(int direction, const QString &reason);
    void mixerLevels(double fromPeak, double fromRms, double toPeak, double toRms);
    void mixerRecordingState(int bridgeId, Recorder::State state, const QString &path, const QString &error);
    void setMessage(const QString &message, bool logged = false);
    void setRecordingMessage(const CallSession *session, const QString &message, bool logged = false);
    void callEnded(const CallSession *session);
    // Runs `order` on the mixer: queued to the audio thread, or at once when stepped.
    void toMixer(std::function<void(CallAudioMixer *)> order);
    void updateDevicesInUse();
    int bridgeIdOf(CallSession *session) const { return m_bridgeOf.value(session, 0); }
    QString newRecordingPath(const CallSession *session, Recorder::Format format, QString *error);
    std::shared_ptr<const std::vector<int16_t>> musicOnHold(int lineRate);
    void musicReady(int lineRate, MusicOnHoldCache::Samples samples);

    QPointer<CallEngine> m_engine;
    AudioDevices *m_devices;
    ConsoleSettings *m_settings;
    const CallAudioMixer::Drive m_drive;
    AudioThread m_thread; // the mixer's (OwnTimer drive)
    CallAudioMixer *m_mixer;
    QHash<int, Bridged> m_bridges;
    QHash<CallSession *, int> m_bridgeOf;
    // Removed bridges whose recording was running: their handles get the recorder's last report.
    QHash<int, QList<QPointer<CallSession>>> m_closingRecordings;
    int m_nextBridgeId = 1;
    int m_activeBridges = 0;
    QString m_openCaptureName;
    QString m_openPlaybackName;
    QString m_openError;
    QString m_captureName;
    QString m_playbackName;
    QString m_fallbackReason;
    double m_farEndPeak = -120.0;
    double m_farEndRms = -120.0;
    double m_agentPeak = -120.0;
    double m_agentRms = -120.0;
    QString m_message;
    int m_messageSession = 0; // the call a recording message is about: it goes when that call ends
    QSet<QString> m_issuedPaths;
    MusicOnHoldCache *m_music; // decoded per line rate, on a worker in the console
};
