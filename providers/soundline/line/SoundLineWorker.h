#pragma once

#include "LineAudioPort.h"
#include "LineStateMachine.h"
#include "SerialControlPort.h"
#include "SoundLineConfig.h"
#include "providers/LineCommand.h"

#include <QtCore/qobject.h>

#include <memory>
#include <vector>

class LineAudioEndpoint;
class QTimer;

// Runs one line on its own thread: owns the audio and serial ports and the state machine, keeps
// the devices open (a missing or unplugged one puts the line out of service with the reason and is
// looked for again every replugPollMs), and reports to the provider by queued signals. While a call
// has a voice path (LineStateMachine::hasVoicePath: outbound from off-hook, inbound from the answer)
// captured line audio (after the detectors) goes to the endpoint's fromLine ring. Once CONNECTED the
// agent's audio from toLine is played to the line with any DTMF; before that toLine is discarded and
// only the line's own dialling is played.
class SoundLineWorker : public QObject
{
    Q_OBJECT

public:
    // The ports become children of the worker (and move to its thread with it). audio may be null:
    // no line audio configured (the line stays out of service, saying why).
    SoundLineWorker(const SoundLineConfig &config, LineAudioPort *audio, SerialControlPort *control,
                    QObject *parent = nullptr);

    LineStateMachine *stateMachine() const { return m_machine; }

public Q_SLOTS:
    void start();
    void execute(const LineCommand &command);
    void shutdown(); // releases the devices (relay on-hook); blocking-queued by the provider

Q_SIGNALS:
    void statusChanged(bool inService, const QString &reason);
    void offered(const CallerIdMessage &callerId);
    void callState(int state, int mode);
    void remoteDisconnected(int disconnectMode);
    void digitReceived(QChar digit);
    void commandDone(int requestId, int error);
    void lineEvent(const LineEvent &event);
    void voiceAttached(const std::shared_ptr<LineAudioEndpoint> &endpoint);
    void voiceDetached();

private:
    void bringUp();
    void goOutOfService(const QString &reason);
    void onCaptured(const QList<int16_t> &samples);
    void setVoicePath(bool present);

    SoundLineConfig m_config;
    LineAudioPort *m_audio;
    SerialControlPort *m_control;
    LineStateMachine *m_machine;
    QTimer *m_replug;
    std::shared_ptr<LineAudioEndpoint> m_voice; // while the call has a voice path
    std::vector<int16_t> m_agent; // scratch: one frame of the agent's audio
    bool m_audioRunning = false;
    bool m_inService = false;
    bool m_reported = false; // the provider has heard the status at least once
    QString m_reason;
    bool m_stopped = false;
};
