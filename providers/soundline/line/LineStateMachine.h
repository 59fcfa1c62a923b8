#pragma once

#include "DetectorSet.h"
#include "SoundLineConfig.h"

#include <QtCore/qobject.h>

#include <functional>
#include <memory>

// One analogue line's call logic, driven by audio time (every timeout counts captured samples, so
// tests run as fast as audio is fed and a stalled sound card cannot fake a timeout). It reports
// TAPI primitives by signal; the provider turns them into engine calls with the call id.
//
//   inbound:  IDLE --ring (+caller ID: Bell 202 between rings 1 and 2, ETSI/DTMF before ring 1)-->
//             ALERTING (offered) --answer: relay off-hook--> CONNECTED
//   outbound: makeCall: relay off-hook --> WAIT_DIALTONE --dial tone (or blind dial)--> DIALING
//             (spandsp dtmf_tx) --> PROCEEDING --ringback--> RINGBACK --voice or timeout--> CONNECTED;
//             busy / reorder --> BUSY, SIT --> SPECIALINFO
//   in call:  DTMF --> digits; busy/reorder/unobtainable for N cycles, loop current drop or silence
//             timeout --> DISCONNECTED (BUSY, CONGESTION, NORMAL); release = on-hook --> IDLE
//   voice:    outbound from off-hook (WAIT_DIALTONE .. SPECIALINFO, CONNECTED: the agent hears dial
//             tone, the digits, ringback, busy, SIT and announcements), inbound from the answer; one
//             path for the whole call. The agent's audio reaches the line only while CONNECTED.
class LineStateMachine : public QObject
{
    Q_OBJECT

public:
    enum class Phase {
        Idle,
        Alerting,
        WaitDialTone,
        Dialing,
        Proceeding,
        Ringback,
        Busy,
        SpecialInfo,
        Connected,
        Disconnected
    };
    Q_ENUM(Phase)

    using HookRelay = std::function<bool(bool offHook)>;

    explicit LineStateMachine(const SoundLineConfig &config, QObject *parent = nullptr);
    ~LineStateMachine() override;

    // Audio in; *playback receives what to play to the line for the same stretch (dialling).
    void processAudio(const int16_t *samples, int count, QList<int16_t> *playback);
    void ringPinChanged(bool ringing);
    void loopCurrentChanged(bool present);
    void setHookRelay(HookRelay relay) { m_relay = std::move(relay); }

    // Commands (LineError codes in commandDone; 0 = success).
    void answer(int requestId);
    void makeCall(int requestId, const QString &digits);
    void dial(int requestId, const QString &digits);
    void release(int requestId);
    // The line went out of service: a call in progress is lost.
    void reset();

    Phase phase() const { return m_phase; }
    // The line carries the call's audio in this phase (see the voice row above).
    static bool hasVoicePath(Phase phase);
    // The agent's side may speak to the line: CONNECTED only. Before the answer the line hears only
    // its own DTMF dialling (a microphone would corrupt the digits the exchange decodes).
    bool agentAudioToLine() const { return m_phase == Phase::Connected; }
    qint64 nowMs() const { return m_detectors.timeMs(); }

Q_SIGNALS:
    void offered(const CallerIdMessage &callerId);
    void callState(int state, int mode);
    void remoteDisconnected(int disconnectMode);
    void digitReceived(QChar digit);
    void commandDone(int requestId, int error);
    void lineEvent(const LineEvent &event); // every detector event, for diagnostics and tests
    // The call's voice path came (present) or went: off-hook in an outbound call from the relay
    // closing (early media), in an inbound one from the answer, until IDLE or DISCONNECTED. It does
    // not change at the answer of an outbound call: the same path carries on (agentAudioToLine()).
    void voicePathChanged(bool present);

private:
    void onEvent(const LineEvent &event);
    void onRingStart();
    void offer();
    void enter(Phase phase);
    void startDialing();
    void checkTimeouts();
    void farEndGone(int disconnectMode);
    bool relay(bool offHook);

    SoundLineConfig m_config;
    DetectorSet m_detectors;
    std::unique_ptr<dtmf_tx_state_t, int (*)(dtmf_tx_state_t *)> m_dtmfTx;
    HookRelay m_relay;
    Phase m_phase = Phase::Idle;
    bool m_offHook = false;
    bool m_voicePath = false;
    qint64 m_phaseSinceMs = 0;
    // Inbound
    CallerIdMessage m_callerId;
    bool m_hasCallerId = false;
    qint64 m_callerIdAtMs = 0;
    bool m_offered = false;
    int m_rings = 0;
    qint64 m_lastRingMs = 0;
    qint64 m_ringPinFellMs = -1000000;
    // Outbound
    QString m_digits;
    bool m_dialToneHeard = false;
    bool m_reportDialing = false;
    qint64 m_localDtmfUntilMs = 0;
};
