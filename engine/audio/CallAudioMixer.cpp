#include "audio/CallAudioMixer.h"

#include "core/Logging.h"
#include "providers/LineAudioEndpoint.h"

#include <QtCore/qscopedvaluerollback.h>
#include <QtCore/qthread.h>

#include <algorithm>
#include <chrono>

CallAudioMixer::CallAudioMixer(IoFactory factory, Drive drive, QObject *parent)
    : QObject(parent)
    , m_factory(std::move(factory))
    , m_drive(drive)
{ }

CallAudioMixer::~CallAudioMixer() = default;

void CallAudioMixer::start()
{
    m_io = m_factory();
    m_io->onDeviceError = [this](AgentAudioIo::Direction direction, const QString &reason) {
        qCWarning(lcAudio).noquote() << reason;
        // Try again on the next cycle; the router moves us to the fallback when the device is gone.
        m_reopen = true;
        Q_EMIT deviceError(int(direction), reason);
    };
    m_clock.start();
    if (m_drive == Drive::Stepped)
        return;
    m_cycleClock = std::make_unique<CycleClock>([this](CycleClock::Fired fired) {
        if (fired == CycleClock::Fired::Woken)
            onWake();
        else
            onTimer();
    });
    m_waker = m_cycleClock->waker();
}

void CallAudioMixer::listenTo(LineAudioEndpoint *endpoint)
{
    if (!m_waker)
        return; // stepped: every cycle is the owner's
    endpoint->setFromLineListener([waker = m_waker] { waker->wake(); });
}

int CallAudioMixer::framePhaseCycles(int cycleMs)
{
    const int span = FramePhaseMs - RephaseLeadMs;
    // The devices' buffer is twice the period; a cycle ends a gap before the buffer would run out.
    const int longestGap = std::max(1, 2 * cycleMs - RephaseLeadMs);
    return (span + longestGap - 1) / longestGap;
}

int CallAudioMixer::framePhaseStepMs(int cycleMs)
{
    return (FramePhaseMs - RephaseLeadMs) / framePhaseCycles(cycleMs);
}

namespace {
qint64 steadyNowNs()
{
    return std::chrono::steady_clock::now().time_since_epoch().count();
}
} // namespace

void CallAudioMixer::onWake()
{
    if (!m_cycleClock || !m_cycleClock->isActive())
        return;
    m_wakeCycles.fetch_add(1, std::memory_order_relaxed);
    clockedCycle(true);
}

void CallAudioMixer::onTimer()
{
    clockedCycle(false);
}

qint64 CallAudioMixer::soleFrameStamp(qint64 nowNs) const
{
    // The one bridge whose provider announced a frame lately (a SIP call's RTP clock); 0 with none or
    // several (their frames come at phases of their own: each wakes the mixer).
    qint64 stamp = 0;
    for (const auto &[id, b] : m_bridges) {
        const qint64 last = b->endpoint()->lastFromLineNs();
        if (last == 0 || nowNs - last > qint64(FrameRecentMs) * 1'000'000)
            continue;
        if (stamp != 0)
            return 0;
        stamp = last;
    }
    return stamp;
}

void CallAudioMixer::clockedCycle(bool woken)
{
    // A frame announced after this look waits for the next cycle (see scheduleAfterFrame).
    const qint64 lookNs = steadyNowNs();
    const qint64 stamp = soleFrameStamp(lookNs);
    cycle();
    if (!m_cycleClock || !m_cycleClock->isActive())
        return; // the cycle's last bridge went
    if (const qint64 packetDue = nextPacketNs()) {
        scheduleForPackets(steadyNowNs(), packetDue);
        return;
    }
    if (stamp == 0) {
        followWakes(woken);
        return;
    }
    if (stamp != m_frameTakenNs) {
        m_frameTakenNs = stamp;
        if (!woken)
            m_clockedFrameCycles.fetch_add(1, std::memory_order_relaxed);
        m_framesTaken.fetch_add(1, std::memory_order_relaxed);
        m_frameWaitNs.fetch_add(quint64(std::max<qint64>(0, lookNs - stamp)), std::memory_order_relaxed);
    }
    scheduleAfterFrame(steadyNowNs());
}

void CallAudioMixer::followWakes(bool woken)
{
    // Every frame wakes the mixer; after one, the frame phase: evenly spaced cycles up to RephaseLeadMs
    // before the next frame, then the timer's own period.
    m_waker->setArmed(true);
    m_frameTakenNs = 0;
    if (woken) {
        m_phaseCycles = framePhaseCycles(m_cycleMs);
        m_phaseStepMs = framePhaseStepMs(m_cycleMs);
        m_cycleClock->start(m_phaseStepMs);
        return;
    }
    if (m_phaseCycles > 0)
        --m_phaseCycles;
    const int interval = m_phaseCycles > 0 ? m_phaseStepMs : m_cycleMs;
    if (m_cycleClock->interval() != interval || m_followingFrame)
        m_cycleClock->start(interval);
    m_followingFrame = false;
}

void CallAudioMixer::scheduleAfterFrame(qint64 nowNs)
{
    // One call's frames, on the mixer's own clock: the frame phase's cycles counted from the last frame's
    // announcement, then a cycle FrameLagUs after the next frame is due. Nothing wakes the mixer from the
    // provider's thread while frames come on time; a late one is waited for by arming the waker.
    constexpr qint64 ms = 1'000'000;
    constexpr qint64 minAheadNs = 200'000;
    m_followingFrame = true;
    m_phaseCycles = 0;
    const qint64 due = m_frameTakenNs + qint64(FramePhaseMs) * ms;
    const qint64 frameCycle = due + qint64(FrameLagUs) * 1000;
    qint64 next = frameCycle;
    const int steps = framePhaseCycles(m_cycleMs);
    const int stepMs = framePhaseStepMs(m_cycleMs);
    for (int k = 1; k <= steps; ++k) {
        const qint64 at = m_frameTakenNs + qint64(k) * stepMs * ms;
        if (at > nowNs + minAheadNs) {
            next = at;
            break;
        }
    }
    if (next == frameCycle && nowNs + minAheadNs >= frameCycle) {
        // The frame is late (or lost, or the call went quiet): its announcement wakes the mixer, and the
        // devices are served on the period meanwhile. Armed first, then looked at again: a frame announced
        // in between is taken at once.
        m_waker->setArmed(true);
        next = soleFrameStamp(nowNs) != m_frameTakenNs ? nowNs : nowNs + qint64(m_cycleMs) * ms;
    } else {
        m_waker->setArmed(false);
    }
    m_cycleClock->startAt(next, m_cycleMs);
}

qint64 CallAudioMixer::nextPacketNs() const
{
    qint64 due = 0;
    for (const auto &[id, b] : m_bridges) {
        const qint64 next = b->endpoint()->nextPacketNs();
        if (next != 0 && (due == 0 || next < due))
            due = next;
    }
    return due;
}

void CallAudioMixer::scheduleForPackets(qint64 nowNs, qint64 dueNs)
{
    // The provider's packet times are the mixer's own cycles (LinePacketClock): the next one at the
    // packet time, with open devices evenly spaced cycles before it no further apart than cycleMs().
    // Providers that only announce their frames still wake the mixer.
    m_waker->setArmed(true);
    m_frameTakenNs = 0;
    m_followingFrame = false;
    m_phaseCycles = 0;
    qint64 next = dueNs;
    const qint64 gap = dueNs - nowNs;
    const qint64 step = qint64(m_cycleMs) * 1'000'000;
    if (m_devicesOpen && gap > step) {
        const qint64 cycles = (gap + step - 1) / step;
        next = nowNs + gap / cycles;
    }
    m_cycleClock->startAt(next, m_cycleMs);
}

void CallAudioMixer::shutdown()
{
    // A provider's thread may still hold the waker: its wakes then reach a descriptor nobody watches.
    // Packet clocks go back to their providers.
    for (auto &[id, b] : m_bridges) {
        b->endpoint()->setFromLineListener({});
        if (m_drive == Drive::OwnTimer)
            b->endpoint()->drivePackets(false);
    }
    m_cycleClock.reset();
    m_bridges.clear(); // recordings are closed with their bridges
    closeDevices();
    m_io.reset();
}

qint64 CallAudioMixer::nowNs() const
{
    return m_drive == Drive::Stepped ? m_steppedNs : m_clock.nsecsElapsed();
}

void CallAudioMixer::advanceTo(qint64 nowNs)
{
    constexpr qint64 cycleNs = qint64(SteppedCycleMs) * 1'000'000;
    if (nowNs - m_steppedNs > qint64(MaxSteppedCatchUpMs) * 1'000'000)
        m_steppedNs = nowNs - cycleNs;
    while (m_steppedNs + cycleNs <= nowNs) {
        m_steppedNs += cycleNs;
        cycle();
    }
}

CallAudioBridge *CallAudioMixer::bridge(int bridgeId) const
{
    const auto found = m_bridges.find(bridgeId);
    return found == m_bridges.end() ? nullptr : found->second.get();
}

void CallAudioMixer::addBridge(int bridgeId, std::shared_ptr<LineAudioEndpoint> endpoint, int mode,
                               std::shared_ptr<const std::vector<int16_t>> musicOnHold)
{
    auto bridge = std::make_unique<CallAudioBridge>(std::move(endpoint));
    bridge->setMuted(m_muted);
    bridge->setMusicOnHold(std::move(musicOnHold));
    bridge->setMode(CallAudioBridge::Mode(mode), nowNs());
    // A call that joins while the devices are open converts at their rates from its first cycle.
    if (m_devicesOpen)
        bridge->setDeviceRates(m_io->sampleRate(AgentAudioIo::Capture),
                               m_io->sampleRate(AgentAudioIo::Playback));
    connect(bridge->recorder(), &Recorder::stateChanged, this, [this, bridgeId, r = bridge->recorder()] {
        Q_EMIT recordingStateChanged(bridgeId, r->state(), r->path(), r->errorString());
    });
    qCDebug(lcAudio).noquote() << "bridging" << bridge->endpoint()->description() << "mode" << mode;
    listenTo(bridge->endpoint());
    if (m_drive == Drive::OwnTimer)
        bridge->endpoint()->drivePackets(true);
    m_bridges[bridgeId] = std::move(bridge);
    if (m_cycleClock && !m_cycleClock->isActive())
        m_cycleClock->start(m_cycleMs);
    cycle();
}

void CallAudioMixer::removeBridge(int bridgeId)
{
    m_conference.remove(bridgeId);
    m_unheardByAgent.erase(bridgeId);
    m_unheardByParties.erase(bridgeId);
    if (CallAudioBridge *b = bridge(bridgeId)) {
        b->endpoint()->setFromLineListener({});
        if (m_drive == Drive::OwnTimer)
            b->endpoint()->drivePackets(false);
    }
    m_bridges.erase(bridgeId);
    m_mix.forget(bridgeId);
    if (m_bridges.empty()) {
        if (m_cycleClock)
            m_cycleClock->stop();
        closeDevices();
        reportLevels();
    }
}

void CallAudioMixer::setBridgeMode(int bridgeId, int mode)
{
    if (CallAudioBridge *b = bridge(bridgeId))
        b->setMode(CallAudioBridge::Mode(mode), nowNs());
    m_mix.forget(bridgeId);
    cycle();
}

void CallAudioMixer::setBridgeConference(int bridgeId, int conference)
{
    CallAudioBridge *b = bridge(bridgeId);
    if (!b)
        return;
    m_conference.setConference(bridgeId, conference, b->lineRate());
    m_conference.setHeardByParties(bridgeId, !m_unheardByParties.count(bridgeId));
    if (conference)
        b->setLineMixIn(
            [this, bridgeId](std::span<int16_t> block) { m_conference.mixInto(bridgeId, block); });
    else
        b->setLineMixIn({});
}

void CallAudioMixer::setBridgeHeard(int bridgeId, bool byAgent, bool byParties)
{
    if (byAgent) {
        m_unheardByAgent.erase(bridgeId);
    } else if (m_unheardByAgent.insert(bridgeId).second) {
        m_mix.forget(bridgeId);
    }
    // Kept for a bridge not (yet) in a conference too: it joins unheard.
    if (byParties)
        m_unheardByParties.erase(bridgeId);
    else
        m_unheardByParties.insert(bridgeId);
    m_conference.setHeardByParties(bridgeId, byParties);
}

void CallAudioMixer::setMuted(bool muted)
{
    m_muted = muted;
    for (auto &[id, b] : m_bridges)
        b->setMuted(muted);
}

void CallAudioMixer::setDevices(const QAudioDevice &capture, const QAudioDevice &playback)
{
    m_captureDevice = capture;
    m_playbackDevice = playback;
    if (m_devicesOpen)
        m_reopen = true;
    cycle();
}

void CallAudioMixer::startRecording(int bridgeId, const QString &path, Recorder::Format format,
                                    Recorder::Layout layout, const Recorder::Metadata &metadata)
{
    CallAudioBridge *b = bridge(bridgeId);
    if (!b) {
        Q_EMIT recordingStateChanged(bridgeId, Recorder::Failed, path,
                                     tr("The call has no audio to record."));
        return;
    }
    b->recorder()->start(path, format, layout, b->lineRate(), metadata);
}

void CallAudioMixer::setMusicOnHold(int bridgeId, std::shared_ptr<const std::vector<int16_t>> musicOnHold)
{
    if (CallAudioBridge *b = bridge(bridgeId))
        b->setMusicOnHold(std::move(musicOnHold));
}

void CallAudioMixer::replaceEndpoint(int bridgeId, std::shared_ptr<LineAudioEndpoint> endpoint,
                                     std::shared_ptr<const std::vector<int16_t>> musicOnHold)
{
    if (CallAudioBridge *b = bridge(bridgeId)) {
        qCDebug(lcAudio).noquote() << "voice path now" << endpoint->description();
        b->endpoint()->setFromLineListener({});
        listenTo(endpoint.get());
        if (m_drive == Drive::OwnTimer) {
            b->endpoint()->drivePackets(false);
            endpoint->drivePackets(true);
        }
        b->replaceEndpoint(std::move(endpoint), nowNs());
        b->setMusicOnHold(std::move(musicOnHold));
        if (const int conference = m_conference.conferenceOf(bridgeId))
            m_conference.setConference(bridgeId, conference, b->lineRate());
    }
    m_mix.forget(bridgeId);
}

void CallAudioMixer::pauseRecording(int bridgeId)
{
    if (CallAudioBridge *b = bridge(bridgeId))
        b->recorder()->pause();
}

void CallAudioMixer::resumeRecording(int bridgeId)
{
    if (CallAudioBridge *b = bridge(bridgeId))
        b->recorder()->resume();
}

void CallAudioMixer::stopRecording(int bridgeId)
{
    if (CallAudioBridge *b = bridge(bridgeId))
        b->recorder()->stop();
}

bool CallAudioMixer::wantsDevices() const
{
    return std::any_of(m_bridges.begin(), m_bridges.end(), [](const auto &entry) {
        return entry.second->mode() == CallAudioBridge::Active
            || entry.second->mode() == CallAudioBridge::EarlyMedia;
    });
}

void CallAudioMixer::openDevices()
{
    QString error;
    if (!m_io->open(m_captureDevice, m_playbackDevice, &error))
        qCWarning(lcAudio).noquote() << "audio devices:" << error;
    m_devicesOpen = true;
    m_reopen = false;
    const int captureRate = m_io->sampleRate(AgentAudioIo::Capture);
    const int playbackRate = m_io->sampleRate(AgentAudioIo::Playback);
    for (auto &[id, b] : m_bridges)
        b->setDeviceRates(captureRate, playbackRate);
    // Half the smaller device buffer: every side is served at least twice per buffer.
    int bufferMs = 0;
    for (const auto direction : {AgentAudioIo::Capture, AgentAudioIo::Playback}) {
        const int rate = m_io->sampleRate(direction);
        const auto samples = qint64(m_io->bufferSamples(direction));
        if (rate > 0 && samples > 0) {
            const int ms = int(samples * 1000 / rate);
            bufferMs = bufferMs ? std::min(bufferMs, ms) : ms;
        }
    }
    m_cycleMs = bufferMs ? std::clamp(bufferMs / 2, int(MinCycleMs), int(MaxCycleMs)) : int(CycleMs);
    m_phaseCycles = 0;
    if (m_cycleClock && m_cycleClock->isActive() && m_cycleClock->interval() != m_cycleMs)
        m_cycleClock->start(m_cycleMs);
    Q_EMIT devicesOpened(m_io->deviceName(AgentAudioIo::Capture), m_io->deviceName(AgentAudioIo::Playback),
                         error);
}

void CallAudioMixer::closeDevices()
{
    if (!m_devicesOpen)
        return;
    m_io->close();
    m_devicesOpen = false;
    m_cycleMs = CycleMs;
    m_phaseCycles = 0;
    m_mix.clear();
    m_shedWindowSinceNs = -1;
    m_lowestQueued = SIZE_MAX;
    m_deviceLevel = SIZE_MAX;
    for (auto &[id, b] : m_bridges)
        b->setDeviceRates(0, 0);
    Q_EMIT devicesOpened(QString(), QString(), QString());
}

void CallAudioMixer::cycle()
{
    // An order given from inside a cycle (a slot of ours calling back in, stepped drive) takes effect
    // on the next one.
    if (!m_io || m_inCycle)
        return;
    const QScopedValueRollback inCycle(m_inCycle, true);
    m_cycles.fetch_add(1, std::memory_order_relaxed);
    const bool wanted = wantsDevices();
    if (wanted && (!m_devicesOpen || m_reopen))
        openDevices();
    else if (!wanted && m_devicesOpen)
        closeDevices();
    const qint64 now = nowNs();

    // Everything the microphone has now; the same block goes to every active call.
    const bool captureOpen = m_devicesOpen && m_io->isOpen(AgentAudioIo::Capture);
    m_captured.clear();
    if (captureOpen) {
        const std::size_t chunk = std::size_t(m_io->sampleRate(AgentAudioIo::Capture)) / 50;
        for (;;) {
            const std::size_t start = m_captured.size();
            m_captured.resize(start + chunk);
            const std::size_t got = m_io->readCapture(std::span<int16_t>(m_captured).subspan(start));
            m_captured.resize(start + got);
            if (got < chunk)
                break;
        }
    }
    // Packet clocks the mixer drives: the far end's packets into fromLine first, the agent's audio out
    // once it is written below, in this same cycle.
    if (m_drive == Drive::OwnTimer) {
        const qint64 steadyNs = steadyNowNs();
        for (auto &[id, b] : m_bridges)
            m_packetTimes.fetch_add(quint64(b->endpoint()->receivePackets(steadyNs)),
                                    std::memory_order_relaxed);
    }
    // Every far end first: a conference's parties hear each other in the same cycle.
    for (auto &[id, b] : m_bridges) {
        b->pullFromLine();
        if (m_conference.contains(id))
            m_conference.collect(id, b->lastFromLine(), b->mode() == CallAudioBridge::Active);
    }
    m_conference.distribute();
    for (auto &[id, b] : m_bridges)
        b->pushToLine(m_captured, captureOpen, now);
    if (m_drive == Drive::OwnTimer) {
        for (auto &[id, b] : m_bridges)
            b->endpoint()->sendPackets();
    }

    if (m_devicesOpen && m_io->isOpen(AgentAudioIo::Playback))
        mixToPlayback(now);

    if (now - m_lastLevelsNs >= qint64(LevelIntervalMs) * 1'000'000) {
        m_lastLevelsNs = now;
        reportLevels();
    }
}

void CallAudioMixer::mixToPlayback(qint64 nowNs)
{
    const int rate = m_io->sampleRate(AgentAudioIo::Playback);
    m_mix.setLimits(std::size_t(rate) * MixAlignMs / 1000, std::size_t(rate) * MaxPendingPlaybackMs / 1000);
    const std::size_t room = m_io->playbackRoom();
    const std::size_t buffer = m_io->bufferSamples(AgentAudioIo::Playback);
    watchPlaybackDelay(nowNs, buffer - std::min(buffer, room) + m_mix.ready(), rate);
    for (auto &[id, b] : m_bridges) {
        if (b->mode() != CallAudioBridge::Active && b->mode() != CallAudioBridge::EarlyMedia)
            continue;
        if (!m_unheardByAgent.count(id))
            m_mix.add(id, b->pendingPlayback());
        b->consumePlayback(b->pendingPlayback().size());
    }
    m_mix.take(room, m_mixOut);
    m_shedSamples.store(m_mix.shedTotal(), std::memory_order_relaxed);
    if (!m_mixOut.empty())
        m_io->writePlayback(m_mixOut);
}

void CallAudioMixer::watchPlaybackDelay(qint64 nowNs, std::size_t queuedSamples, int rate)
{
    // Moments with nothing queued (the far end silent, the earpiece run dry) say nothing of a standing
    // delay, nor of the device's level.
    if (queuedSamples > 0)
        m_lowestQueued = std::min(m_lowestQueued, queuedSamples);
    if (m_shedWindowSinceNs < 0)
        m_shedWindowSinceNs = nowNs;
    if (nowNs - m_shedWindowSinceNs < qint64(ShedWindowMs) * 1'000'000)
        return;
    if (m_lowestQueued != SIZE_MAX) {
        m_deviceLevel = std::min(m_deviceLevel, m_lowestQueued);
        const std::size_t above = m_deviceLevel + std::size_t(rate) * ShedAboveMs / 1000;
        if (m_lowestQueued > above) {
            const std::size_t excess = m_lowestQueued - m_deviceLevel - std::size_t(rate) * ShedKeepMs / 1000;
            qCDebug(lcAudio) << "earpiece: shedding" << excess * 1000 / std::size_t(rate)
                             << "ms of standing delay";
            m_mix.shed(excess, std::size_t(rate) * ShedFadeMs / 1000);
        }
    }
    m_shedWindowSinceNs = nowNs;
    m_lowestQueued = SIZE_MAX;
}

void CallAudioMixer::reportLevels()
{
    AudioLevel::Reading from;
    AudioLevel::Reading to;
    for (auto &[id, b] : m_bridges) {
        const auto f = b->takeFromLineLevel();
        const auto t = b->takeToLineLevel();
        from.peakDbfs = std::max(from.peakDbfs, f.peakDbfs);
        from.rmsDbfs = std::max(from.rmsDbfs, f.rmsDbfs);
        to.peakDbfs = std::max(to.peakDbfs, t.peakDbfs);
        to.rmsDbfs = std::max(to.rmsDbfs, t.rmsDbfs);
    }
    const bool idle = m_bridges.empty();
    if (idle && m_levelsIdle)
        return;
    m_levelsIdle = idle;
    Q_EMIT levels(from.peakDbfs, from.rmsDbfs, to.peakDbfs, to.rmsDbfs);
}
