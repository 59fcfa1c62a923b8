#pragma once

#include "audio/AgentAudioIo.h"
#include "audio/CallAudioBridge.h"
#include "audio/ConferenceMix.h"
#include "audio/CycleClock.h"
#include "audio/PlaybackMix.h"
#include "audio/Recorder.h"

#include <QtCore/qelapsedtimer.h>
#include <QtCore/qobject.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <vector>

class LineAudioEndpoint;

// The audio thread's side of CallAudioRouter: owns the agent's devices (one AgentAudioIo for all calls)
// and every call's CallAudioBridge, and runs the cycle every few milliseconds: capture to every line,
// every active line mixed to playback, recordings fed. The router calls the slots queued; results come
// back as queued signals. Devices are open only while some call is Active (or, for the earpiece only,
// while a call plays early media).
//
// Driven by its own timer on the wall clock (the console), or stepped by its owner on another clock
// (a scenario's virtual time): then it lives on the owner's thread and every cycle runs inside
// advanceTo(), so a run is the same every time.
//
// The own clock (CycleClock; on the console's AudioThread it is polled by the thread's own loop) runs
// while a call is bridged, every cycleMs(): half the open devices' buffers (so a real earpiece is served
// twice per buffer), MinCycleMs to MaxCycleMs. A provider that announces its far end's frames
// (LineAudioEndpoint::notifyFromLine, e.g. SIP's 20 ms RTP clock) gets each frame heard without waiting
// for the period, and the cycles then follow a frame phase: the fewest evenly spaced cycles, none further
// apart than a device buffer less RephaseLeadMs, up to RephaseLeadMs before the provider's next frame
// (the agent's freshest audio is on the line when the provider takes its frame). With one such call the
// mixer takes each frame on its own timer FrameLagUs after it is due and nothing wakes it from the
// provider's thread (a late frame arms the waker); with several, every frame wakes it (one wake-up
// pending at a time). Wake-ups, not the cycle's work, are most of the console's CPU per call, and one
// from another thread (often another CPU) costs more than the thread's own timer: with one SIP call,
// 100 timer wake-ups a second with 20 ms device buffers, 200 with 10 ms ones.
//
// A provider that hands over its packet clock (LinePacketClock, SIP's RTP) is driven instead: its packet
// times are cycles of the mixer's own clock, the far end's packets received at the start of the cycle
// and the agent's frame sent at its end, with evenly spaced device cycles between (no further apart than
// cycleMs()); its thread then does not wake per packet at all. A stepped mixer never takes the clock.

class CallAudioMixer : public QObject
{
    Q_OBJECT

public:
    using IoFactory = std::function<std::unique_ptr<AgentAudioIo>()>;
    enum class Drive { OwnTimer, Stepped };
    // The timer's period before devices are open (and with both closed); then cycleMs().
    static constexpr int CycleMs = 5;
    static constexpr int MinCycleMs = 2;
    static constexpr int MaxCycleMs = 10;
    // The frame phase after a frame woke the mixer: its last cycle comes this long before the next frame
    // is due (room for a late timer on a loaded machine), the frames coming every FramePhaseMs (SIP's
    // 20 ms packets; with longer ones the timer's own period covers the rest).
    static constexpr int RephaseLeadMs = 2;
    static constexpr int FramePhaseMs = 20;
    // With one call announcing frames, the mixer takes each on its own timer this long after the next is
    // due (its announcement a packet time after the last's), not woken from the provider's thread: a
    // wake-up across threads (often across CPUs) cost the console more than a local timer
    // (docs/benchmarks.md, "One call's frames on the mixer's own clock"). A call whose last frame is older
    // than FrameRecentMs does not count (on hold, silent); with several, every frame wakes the mixer.
    static constexpr int FrameLagUs = 500;
    static constexpr int FrameRecentMs = 100;
    // A stepped mixer's cycle: one per 20 ms block of simulated line audio. Nothing real waits on it,
    // and ten times fewer cycles keep long virtual-time runs fast.
    static constexpr int SteppedCycleMs = 20;
    // Mixed far-end audio kept for the earpiece at most; older audio is dropped.
    static constexpr int MaxPendingPlaybackMs = 30;
    // How far the mix waits for a call that is behind the others (providers deliver in bursts).
    static constexpr int MixAlignMs = 20;
    static constexpr int LevelIntervalMs = 50;
    // A stepped clock that jumps further than this skips the time between (nothing to hear there).
    static constexpr int MaxSteppedCatchUpMs = 1000;
    // The earpiece's standing delay: the audio already queued ahead of the earpiece (its device buffer
    // and the mix's ready part) before each cycle's new audio is added, at its lowest over ShedWindowMs.
    // Moments with nothing queued are left out (a silent far end, an earpiece run dry). The lowest of
    // those windows since the devices opened is the device's own level (about 0 for a device that plays
    // what it gets, more for one that waits for a start level). A late cycle leaves more queued for the rest
    // of the call (the earpiece plays at the far end's pace): when a window's lowest is more than ShedAboveMs
    // above the device's level, the mix drops the excess down to ShedKeepMs above it, cross-faded
    // (ShedFadeMs), and the delay is back to what it was.
    static constexpr int ShedWindowMs = 500;
    static constexpr int ShedAboveMs = 10;
    static constexpr int ShedKeepMs = 5;
    static constexpr int ShedFadeMs = 2;

    // `factory` runs on the audio thread (devices belong to the thread that uses them).
    CallAudioMixer(IoFactory factory, Drive drive, QObject *parent = nullptr);
    ~CallAudioMixer() override;

    // Everything below runs on the audio thread (invoked queued by the router).
    void start();
    void shutdown();
    void addBridge(int bridgeId, std::shared_ptr<LineAudioEndpoint> endpoint, int mode,
                   std::shared_ptr<const std::vector<int16_t>> musicOnHold);
    void removeBridge(int bridgeId);
    void setBridgeMode(int bridgeId, int mode);
    // The conference the call is a party of (0: none): while Active it hears the agent and the other
    // Active parties of that conference (ConferenceMix).
    void setBridgeConference(int bridgeId, int conference);
    // Who hears the call's far end (a supervisor coaching the agent): the agent's earpiece, and the other
    // parties of its conference. Both by default; listen: neither, whisper: the agent only.
    void setBridgeHeard(int bridgeId, bool byAgent, bool byParties);
    void setMuted(bool muted);
    void setDevices(const QAudioDevice &capture, const QAudioDevice &playback);
    void startRecording(int bridgeId, const QString &path, Recorder::Format format, Recorder::Layout layout,
                        const Recorder::Metadata &metadata);
    void pauseRecording(int bridgeId);
    void resumeRecording(int bridgeId);
    void stopRecording(int bridgeId);
    // The line's voice path changed under a bridged call: the bridge and its recording go on with it.
    // Music on hold that was still being decoded when the bridge was added.
    void setMusicOnHold(int bridgeId, std::shared_ptr<const std::vector<int16_t>> musicOnHold);
    void replaceEndpoint(int bridgeId, std::shared_ptr<LineAudioEndpoint> endpoint,
                         std::shared_ptr<const std::vector<int16_t>> musicOnHold);

    // Stepped drive only: runs the cycles (SteppedCycleMs apart) due up to `nowNs` of the owner's clock.
    void advanceTo(qint64 nowNs);
    // The mixer's time now (ns): the wall clock since start(), or the stepped clock.
    qint64 nowNs() const;

    // For tests and benchmarks on the audio thread.
    AgentAudioIo *io() const { return m_io.get(); }
    // Cycles run since start(), and how many of them a far end's frame woke (the rest: the timer, orders).
    // Any thread may read them.
    quint64 cyclesRun() const { return m_cycles.load(std::memory_order_relaxed); }
    // How many timer cycles a frame phase has with devices whose period is `cycleMs` (the wake's cycle
    // not counted), and their spacing (ms).
    static int framePhaseCycles(int cycleMs);
    static int framePhaseStepMs(int cycleMs);
    // The timer's period now (ms): CycleMs, or half the smaller open device buffer within
    // [MinCycleMs, MaxCycleMs].
    int cycleMs() const { return m_cycleMs; }
    quint64 wakeCycles() const { return m_wakeCycles.load(std::memory_order_relaxed); }
    // Frames taken by a cycle of the mixer's own clock after their announcement (one call's; no wake-up).
    quint64 clockedFrameCycles() const { return m_clockedFrameCycles.load(std::memory_order_relaxed); }
    // One call's frames taken (by its wake-up or the clock), and how long after their announcement the
    // taking cycle began, in all (ns): the delay following frames on the own clock adds.
    quint64 framesTaken() const { return m_framesTaken.load(std::memory_order_relaxed); }
    quint64 frameWaitNs() const { return m_frameWaitNs.load(std::memory_order_relaxed); }
    // Packet times of the providers' packet clocks (LinePacketClock) run inside the mixer's cycles.
    quint64 packetTimesDriven() const { return m_packetTimes.load(std::memory_order_relaxed); }
    // Whether the cycles are polled by an AudioThread's own loop (the console's), else by Qt's event loop.
    // Any thread, once start() has run.
    bool cyclesPolledByAudioThread() const { return m_cycleClock && m_cycleClock->polledByAudioThread(); }
    // Earpiece samples dropped since start() to shed a standing delay (ShedAboveMs).
    quint64 shedSamples() const { return m_shedSamples.load(std::memory_order_relaxed); }
    CallAudioBridge *bridge(int bridgeId) const;

Q_SIGNALS:
    // The devices in use now ("" for a closed side) and, when a side failed to open, why.
    void devicesOpened(const QString &captureName, const QString &playbackName, const QString &error);
    void deviceError(int direction, const QString &reason);
    // Loudest call each way over the last interval, in dBFS.
    void levels(double fromLinePeak, double fromLineRms, double toLinePeak, double toLineRms);
    // A bridge's recorder changed state (also its last report, Finished, when the bridge is removed).
    void recordingStateChanged(int bridgeId, Recorder::State state, const QString &path,
                               const QString &error);

private:
    void cycle();
    void onTimer();
    void onWake();
    // A cycle on the wall clock (woken by a frame, or the timer), then the next one planned.
    void clockedCycle(bool woken);
    qint64 soleFrameStamp(qint64 nowNs) const;
    // The earliest packet time of the packet clocks the mixer drives (steady clock ns; 0: none).
    qint64 nextPacketNs() const;
    void scheduleForPackets(qint64 nowNs, qint64 dueNs);
    void followWakes(bool woken);
    void scheduleAfterFrame(qint64 nowNs);
    qint64 m_frameTakenNs = 0; // the announcement (steady clock) of the last frame a cycle took
    bool m_followingFrame = false; // the clock runs on absolute deadlines after one call's frames
    // Cycles of the frame phase still to come, and the timer's interval meanwhile.
    int m_phaseCycles = 0;
    int m_phaseStepMs = 0;
    void listenTo(LineAudioEndpoint *endpoint);
    void openDevices();
    void closeDevices();
    bool wantsDevices() const;
    void reportLevels();
    void mixToPlayback(qint64 nowNs);
    // Notes the audio queued ahead of the earpiece before this cycle's arrives; sheds a standing excess.
    void watchPlaybackDelay(qint64 nowNs, std::size_t queuedSamples, int rate);

    IoFactory m_factory;
    const Drive m_drive;
    qint64 m_steppedNs = 0;
    bool m_inCycle = false;
    std::unique_ptr<AgentAudioIo> m_io;
    std::unique_ptr<CycleClock> m_cycleClock; // OwnTimer drive only
    QElapsedTimer m_clock;
    std::map<int, std::unique_ptr<CallAudioBridge>> m_bridges;
    QAudioDevice m_captureDevice;
    QAudioDevice m_playbackDevice;
    bool m_devicesOpen = false;
    bool m_reopen = false;
    bool m_muted = false;
    std::vector<int16_t> m_captured;
    PlaybackMix m_mix;
    ConferenceMix m_conference;
    std::set<int> m_unheardByAgent; // bridges whose far end stays out of the earpiece
    std::set<int> m_unheardByParties; // bridges whose far end stays out of their conference's mix
    std::vector<int16_t> m_mixOut;
    qint64 m_lastLevelsNs = 0;
    bool m_levelsIdle = true;
    std::shared_ptr<CycleClock::Waker> m_waker;
    int m_cycleMs = CycleMs;
    std::atomic<quint64> m_cycles {0};
    std::atomic<quint64> m_wakeCycles {0};
    std::atomic<quint64> m_clockedFrameCycles {0};
    std::atomic<quint64> m_framesTaken {0};
    std::atomic<quint64> m_frameWaitNs {0};
    std::atomic<quint64> m_packetTimes {0};
    qint64 m_shedWindowSinceNs = -1;
    std::size_t m_lowestQueued = SIZE_MAX; // this window's lowest (above nothing)
    std::size_t m_deviceLevel = SIZE_MAX; // the lowest window's lowest since the devices opened
    std::atomic<quint64> m_shedSamples {0};
};
