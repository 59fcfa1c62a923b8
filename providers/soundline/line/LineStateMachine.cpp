#include "LineStateMachine.h"

#include "SoundlineLogging.h"
#include "SpandspHeaders.h"
#include "core/Tapi.h"

using namespace Tapi;

namespace {
constexpr qint64 CallerIdFreshMs = 15000; // a caller ID older than this belongs to no ring
constexpr qint64 LocalDtmfEchoMs = 100;
} // namespace

LineStateMachine::LineStateMachine(const SoundLineConfig &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_detectors(
          *config.profile, config.callerId,
          [&config] {
              DetectorOptions options;
              options.hangupCycles = config.hangupCycles;
              return options;
          }(),
          [this](const LineEvent &event) { onEvent(event); })
    , m_dtmfTx(dtmf_tx_init(nullptr), dtmf_tx_free)
{
    dtmf_tx_set_timing(m_dtmfTx.get(), config.dtmfOnMs, config.dtmfOffMs);
    dtmf_tx_set_level(m_dtmfTx.get(), config.dtmfLevelDbm0, 0);
    enter(Phase::Idle);
}

LineStateMachine::~LineStateMachine() = default;

bool LineStateMachine::relay(bool offHook)
{
    if (offHook == m_offHook)
        return true;
    if (!m_relay || !m_relay(offHook))
        return false;
    m_offHook = offHook;
    return true;
}

bool LineStateMachine::hasVoicePath(Phase phase)
{
    switch (phase) {
    case Phase::WaitDialTone:
    case Phase::Dialing:
    case Phase::Proceeding:
    case Phase::Ringback:
    case Phase::Busy:
    case Phase::SpecialInfo:
    case Phase::Connected:
        return true;
    case Phase::Idle:
    case Phase::Alerting: // on-hook while it rings
    case Phase::Disconnected:
        break;
    }
    return false;
}

void LineStateMachine::enter(Phase phase)
{
    m_phase = phase;
    m_phaseSinceMs = nowMs();
    if (const bool voice = hasVoicePath(phase); voice != m_voicePath) {
        m_voicePath = voice;
        Q_EMIT voicePathChanged(voice);
    }
    const bool onHook = phase == Phase::Idle || phase == Phase::Alerting;
    const bool outboundProgress = phase == Phase::WaitDialTone || phase == Phase::Dialing
        || phase == Phase::Proceeding || phase == Phase::Ringback || phase == Phase::Busy
        || phase == Phase::SpecialInfo;
    // Only what the phase needs runs (docs/device-facts.md 3.3: gate tone detection by line state).
    m_detectors.setRingEnabled(onHook);
    m_detectors.setCallerIdEnabled(onHook);
    m_detectors.setDtmfEnabled(phase == Phase::Connected);
    m_detectors.setProgressEnabled(outboundProgress || phase == Phase::Connected);
    const bool answerDetection = phase == Phase::Proceeding || phase == Phase::Ringback;
    m_detectors.setVoiceEnabled(answerDetection, true);
    m_detectors.setSilenceTimeoutMs(phase == Phase::Connected ? m_config.silenceTimeoutMs : 0);
    if (phase == Phase::Idle) {
        m_offered = false;
        m_rings = 0;
        m_detectors.resetRingCount();
        m_digits.clear();
        m_dialToneHeard = false;
    }
}

void LineStateMachine::processAudio(const int16_t *samples, int count, QList<int16_t> *playback)
{
    m_detectors.process(samples, count);
    // DTMF out, paced by the captured audio: dialling, or digits sent in a call.
    QList<int16_t> tones(count, 0);
    const int made = dtmf_tx(m_dtmfTx.get(), tones.data(), count);
    if (made > 0) {
        m_localDtmfUntilMs = nowMs() + LocalDtmfEchoMs;
        if (playback)
            playback->append(tones);
    }
    if (m_phase == Phase::Dialing && made < count) {
        enter(Phase::Proceeding);
        Q_EMIT callState(Proceeding, 0);
    }
    checkTimeouts();
}

void LineStateMachine::checkTimeouts()
{
    const qint64 now = nowMs();
    switch (m_phase) {
    case Phase::Alerting:
        if (now - m_lastRingMs > m_config.ringTimeoutMs) {
            // The caller gave up: the exchange simply stops ringing.
            if (m_offered) {
                enter(Phase::Disconnected);
                Q_EMIT remoteDisconnected(DisconnectNormal);
            } else {
                enter(Phase::Idle);
            }
        }
        break;
    case Phase::WaitDialTone:
        if (!m_dialToneHeard && now - m_phaseSinceMs > m_config.dialToneTimeoutMs) {
            if (m_config.blindDial) {
                m_dialToneHeard = true;
                if (!m_digits.isEmpty())
                    startDialing();
            } else {
                farEndGone(DisconnectNoDialTone);
            }
        }
        break;
    case Phase::Proceeding:
    case Phase::Ringback:
        // Some answers are silent: after the timeout the call is taken as answered.
        if (now - m_phaseSinceMs > m_config.answerTimeoutMs) {
            enter(Phase::Connected);
            Q_EMIT callState(Connected, ConnectedActive);
        }
        break;
    default:
        break;
    }
}

void LineStateMachine::onEvent(const LineEvent &event)
{
    Q_EMIT lineEvent(event);
    switch (event.kind) {
    case LineEvent::CallerId:
        if (m_phase == Phase::Idle || m_phase == Phase::Alerting) {
            m_callerId = event.callerId;
            m_hasCallerId = true;
            m_callerIdAtMs = event.timeMs;
            if (m_phase == Phase::Alerting && !m_offered)
                offer();
            else if (m_offered)
                qCInfo(lcSoundline) << "caller ID after the call was offered, not shown:"
                                    << event.callerId.number;
        }
        break;
    case LineEvent::Ring:
        onRingStart();
        break;
    case LineEvent::Digit:
        // Our own digits come back through the line interface's hybrid: not the far end's.
        if (m_phase == Phase::Connected && nowMs() >= m_localDtmfUntilMs)
            Q_EMIT digitReceived(event.digit);
        break;
    case LineEvent::Tone:
        switch (m_phase) {
        case Phase::WaitDialTone:
            if (event.tone == ProgressTone::Dial && !m_dialToneHeard) {
                m_dialToneHeard = true;
                if (!m_digits.isEmpty())
                    startDialing();
            }
            break;
        case Phase::Proceeding:
        case Phase::Ringback:
            if (event.tone == ProgressTone::Ringback && m_phase == Phase::Proceeding) {
                enter(Phase::Ringback);
                Q_EMIT callState(Ringback, 0);
            } else if (event.tone == ProgressTone::Busy || event.tone == ProgressTone::Reorder) {
                enter(Phase::Busy);
                Q_EMIT callState(Busy, event.tone == ProgressTone::Busy ? BusyUnknown : BusyTrunk);
            } else if (event.tone == ProgressTone::SpecialInfo || event.tone == ProgressTone::Unobtainable) {
                enter(Phase::SpecialInfo);
                Q_EMIT callState(SpecialInfo,
                                 event.tone == ProgressTone::SpecialInfo ? SpecialInfoUnknown
                                                                         : SpecialInfoNoCircuit);
            }
            break;
        default:
            break;
        }
        break;
    case LineEvent::Hangup:
        if (m_phase == Phase::Connected) {
            farEndGone(event.cause == HangupCause::Busy             ? DisconnectBusy
                           : event.cause == HangupCause::Congestion ? DisconnectCongestion
                                                                    : DisconnectNormal);
        }
        break;
    case LineEvent::Voice:
        if (m_phase == Phase::Proceeding || m_phase == Phase::Ringback) {
            enter(Phase::Connected);
            Q_EMIT callState(Connected, ConnectedActive);
        }
        break;
    case LineEvent::Silence:
        if (m_phase == Phase::Connected)
            farEndGone(DisconnectNormal);
        break;
    case LineEvent::ToneEnded:
    case LineEvent::RingBurst:
        break;
    }
}

void LineStateMachine::ringPinChanged(bool ringing)
{
    const qint64 now = nowMs();
    if (!ringing) {
        m_ringPinFellMs = now;
        return;
    }
    if (now - m_ringPinFellMs > m_config.profile->ring.groupGapMs)
        onRingStart();
}

void LineStateMachine::loopCurrentChanged(bool present)
{
    // Loop current drops when the exchange releases the line (where the interface reports it).
    if (!present && m_phase == Phase::Connected)
        farEndGone(DisconnectNormal);
}

void LineStateMachine::onRingStart()
{
    const qint64 now = nowMs();
    if (m_phase == Phase::Idle) {
        enter(Phase::Alerting);
        m_rings = 1;
        m_lastRingMs = now;
        const bool freshCallerId = m_hasCallerId && now - m_callerIdAtMs < CallerIdFreshMs;
        if (!freshCallerId)
            m_hasCallerId = false;
        // ETSI V.23 / DTMF caller ID precedes ring 1; Bell 202 follows it, so wait for it or ring 2.
        if (freshCallerId || m_config.profile->callerIdBeforeFirstRing
            || m_config.callerId != CallerIdStandard::Bell202)
            offer();
        return;
    }
    if (m_phase != Phase::Alerting)
        return;
    // With RI wired, the pin and the ring energy in the audio both report each burst; the second report
    // of the same ring must not count as ring 2 (it would offer a Bell 202 call before its caller ID).
    // No country's rings start less than a group gap apart.
    if (now - m_lastRingMs < m_config.profile->ring.groupGapMs)
        return;
    ++m_rings;
    m_lastRingMs = now;
    if (!m_offered && m_rings >= 2)
        offer(); // no caller ID came
}

void LineStateMachine::offer()
{
    m_offered = true;
    Q_EMIT offered(m_hasCallerId ? m_callerId : CallerIdMessage());
    m_hasCallerId = false;
}

void LineStateMachine::answer(int requestId)
{
    if (m_phase != Phase::Alerting || !m_offered) {
        Q_EMIT commandDone(requestId, InvalCallState);
        return;
    }
    if (!relay(true)) {
        Q_EMIT commandDone(requestId, OperationUnavail);
        return;
    }
    enter(Phase::Connected);
    Q_EMIT commandDone(requestId, Success);
}

void LineStateMachine::makeCall(int requestId, const QString &digits)
{
    if (m_phase != Phase::Idle) {
        Q_EMIT commandDone(requestId, ResourceUnavail);
        return;
    }
    if (!relay(true)) {
        Q_EMIT commandDone(requestId, OperationUnavail);
        return;
    }
    enter(Phase::WaitDialTone);
    m_digits = digits;
    m_reportDialing = !digits.isEmpty(); // the engine moves DIALTONE -> DIALING itself for lineDial
    Q_EMIT commandDone(requestId, Success);
}

void LineStateMachine::dial(int requestId, const QString &digits)
{
    if (m_phase == Phase::WaitDialTone && m_digits.isEmpty()) {
        m_digits = digits;
        m_reportDialing = false;
        Q_EMIT commandDone(requestId, Success);
        if (m_dialToneHeard)
            startDialing();
        return;
    }
    if (m_phase == Phase::Connected) {
        // Digits in a call (IVR menus): play them; the call stays CONNECTED.
        dtmf_tx_put(m_dtmfTx.get(), digits.toLatin1().constData(), -1);
        Q_EMIT commandDone(requestId, Success);
        return;
    }
    Q_EMIT commandDone(requestId, InvalCallState);
}

void LineStateMachine::startDialing()
{
    dtmf_tx_put(m_dtmfTx.get(), m_digits.toLatin1().constData(), -1);
    enter(Phase::Dialing);
    if (m_reportDialing)
        Q_EMIT callState(Dialing, 0);
}

void LineStateMachine::farEndGone(int disconnectMode)
{
    enter(Phase::Disconnected);
    Q_EMIT remoteDisconnected(disconnectMode);
}

void LineStateMachine::release(int requestId)
{
    relay(false);
    // Dropping an alerting call leaves the line on-hook: it rings until the caller gives up.
    enter(m_phase == Phase::Alerting ? Phase::Alerting : Phase::Idle);
    if (m_phase == Phase::Alerting)
        m_offered = true; // already handed to the engine; no second offer for this ringing
    Q_EMIT commandDone(requestId, Success);
}

void LineStateMachine::reset()
{
    relay(false);
    m_offHook = false; // a lost serial port cannot be told; it comes back on-hook
    enter(Phase::Idle);
    m_hasCallerId = false;
}
