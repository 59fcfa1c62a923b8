#include "SoundLineWorker.h"

#include "SoundlineLogging.h"
#include "core/Tapi.h"
#include "providers/LineAudioEndpoint.h"

#include <QtCore/qtimer.h>

SoundLineWorker::SoundLineWorker(const SoundLineConfig &config, LineAudioPort *audio,
                                 SerialControlPort *control, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_audio(audio)
    , m_control(control)
    , m_machine(new LineStateMachine(config, this))
    , m_replug(new QTimer(this))
{
    if (m_audio) {
        m_audio->setParent(this);
        connect(m_audio, &LineAudioPort::captured, this, &SoundLineWorker::onCaptured);
        connect(m_audio, &LineAudioPort::lost, this, &SoundLineWorker::goOutOfService);
    }
    if (m_control) {
        m_control->setParent(this);
        connect(m_control, &SerialControlPort::lost, this, &SoundLineWorker::goOutOfService);
        connect(m_control, &SerialControlPort::ringChanged, m_machine, &LineStateMachine::ringPinChanged);
        connect(m_control, &SerialControlPort::loopCurrentChanged, m_machine,
                &LineStateMachine::loopCurrentChanged);
        m_machine->setHookRelay(
            [this](bool offHook) { return m_control->isOpen() && m_control->setOffHook(offHook); });
    }
    m_replug->setInterval(config.replugPollMs);
    connect(m_replug, &QTimer::timeout, this, &SoundLineWorker::bringUp);
    connect(m_machine, &LineStateMachine::offered, this, &SoundLineWorker::offered);
    connect(m_machine, &LineStateMachine::callState, this, &SoundLineWorker::callState);
    connect(m_machine, &LineStateMachine::remoteDisconnected, this, &SoundLineWorker::remoteDisconnected);
    connect(m_machine, &LineStateMachine::digitReceived, this, &SoundLineWorker::digitReceived);
    connect(m_machine, &LineStateMachine::commandDone, this, &SoundLineWorker::commandDone);
    connect(m_machine, &LineStateMachine::lineEvent, this, &SoundLineWorker::lineEvent);
    connect(m_machine, &LineStateMachine::voicePathChanged, this, &SoundLineWorker::setVoicePath);
}

void SoundLineWorker::setVoicePath(bool present)
{
    if (present == bool(m_voice))
        return;
    if (present) {
        m_voice = std::make_shared<LineAudioEndpoint>(
            8000,
            QStringLiteral("sound-card line %1 (%2)")
                .arg(m_config.id,
                     m_config.captureFile.isEmpty() ? m_config.captureDevice : m_config.captureFile));
        Q_EMIT voiceAttached(m_voice);
    } else {
        m_voice.reset();
        Q_EMIT voiceDetached();
    }
}

void SoundLineWorker::start()
{
    bringUp();
}

void SoundLineWorker::bringUp()
{
    if (m_stopped)
        return;
    QString error;
    if (!m_audio) {
        error = tr("no line audio is configured: set captureDevice (and playbackDevice) to the "
                   "line interface's sound card, or captureFile to use a file");
    } else if (!m_audioRunning && !m_audio->start(&error)) {
        // error says which card and why
    } else {
        m_audioRunning = true;
        if (m_control && !m_control->isOpen())
            m_control->open(&error);
    }
    if (!error.isEmpty()) {
        if (m_inService || m_reason != error || !m_reported) {
            m_inService = false;
            m_reported = true;
            m_reason = error;
            qCWarning(lcSoundline).noquote() << "line" << m_config.id << "out of service:" << error;
            Q_EMIT statusChanged(false, error);
        }
        if (m_audio)
            m_replug->start();
        return;
    }
    m_replug->stop();
    if (!m_inService || !m_reported) {
        m_inService = true;
        m_reported = true;
        m_reason.clear();
        qCInfo(lcSoundline) << "line" << m_config.id << "in service";
        Q_EMIT statusChanged(true, QString());
    }
}

void SoundLineWorker::goOutOfService(const QString &reason)
{
    if (m_stopped)
        return;
    if (sender() == m_audio) {
        m_audioRunning = false;
    } else if (m_control) {
        m_control->close();
    }
    const bool callInProgress = m_machine->phase() != LineStateMachine::Phase::Idle;
    m_machine->reset();
    if (callInProgress)
        Q_EMIT remoteDisconnected(Tapi::DisconnectOutOfOrder);
    m_inService = false;
    m_reason = reason;
    qCWarning(lcSoundline).noquote() << "line" << m_config.id << "out of service:" << reason;
    Q_EMIT statusChanged(false, reason);
    m_replug->start();
}

void SoundLineWorker::onCaptured(const QList<int16_t> &samples)
{
    if (!m_inService)
        return; // no calls while a device is missing
    QList<int16_t> playback;
    // Taken before this frame moves the call on: what the agent's side wrote before the answer is
    // never played, even in the frame in which the answer is detected.
    const bool agentWasHeard = m_machine->agentAudioToLine();
    // The detectors hear the line first (the far end may hang up or send digits mid-sentence).
    m_machine->processAudio(samples.constData(), int(samples.size()), &playback);
    if (std::shared_ptr<LineAudioEndpoint> voice = m_voice) {
        const std::size_t count = std::size_t(samples.size());
        if (voice->fromLine.write(std::span<const int16_t>(samples.constData(), count)) < count)
            ++voice->overruns;
        if (agentWasHeard && m_machine->agentAudioToLine()) {
            // The agent's voice, paced by the line's capture clock; DTMF sent in the call is mixed in.
            m_agent.assign(count, 0);
            if (voice->toLine.read(m_agent) < count)
                ++voice->underruns;
            for (qsizetype i = 0; i < playback.size() && std::size_t(i) < count; ++i)
                m_agent[std::size_t(i)] =
                    int16_t(qBound(-32768, int(m_agent[std::size_t(i)]) + playback[i], 32767));
            m_audio->play(m_agent.data(), int(count));
            return;
        }
        // Early media: the agent hears the call progress, the line hears only its own dialling.
        voice->toLine.discard();
    }
    // Playback stays continuous (silence when there is nothing to say): a PulseAudio stream that runs
    // dry waits for a full pre-buffer before it plays again, which would swallow the first digits dialled.
    if (playback.isEmpty())
        playback.resize(samples.size(), 0);
    m_audio->play(playback.constData(), int(playback.size()));
}

void SoundLineWorker::execute(const LineCommand &command)
{
    if (!m_inService && command.kind != LineCommand::Release && command.kind != LineCommand::CloseCall) {
        if (command.requestId)
            Q_EMIT commandDone(command.requestId, Tapi::ResourceUnavail);
        return;
    }
    switch (command.kind) {
    case LineCommand::Answer:
        m_machine->answer(command.requestId);
        break;
    case LineCommand::MakeCall:
        m_machine->makeCall(command.requestId, command.digits);
        break;
    case LineCommand::Dial:
        m_machine->dial(command.requestId, command.digits);
        break;
    case LineCommand::Release:
        m_machine->release(command.requestId);
        break;
    case LineCommand::CloseCall:
        if (command.dropCall)
            m_machine->release(0);
        break;
    default:
        // Hold, conference, transfer and UUI do not exist on an analogue loop-start line; the
        // capabilities already hide them, this only answers a request that came anyway.
        if (command.requestId)
            Q_EMIT commandDone(command.requestId, Tapi::OperationUnavail);
        break;
    }
}

void SoundLineWorker::shutdown()
{
    m_stopped = true;
    m_replug->stop();
    m_machine->reset();
    if (m_control)
        m_control->close();
    if (m_audio)
        m_audio->stop();
}
