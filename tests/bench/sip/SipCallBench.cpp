// bench_sip's figures on a few calls: CPU per call against baresip on the same calls, and the audio delay
// the console adds each way (round trip through an echoing far end).
#include "LatencyProbeIo.h"
#include "SipBaresipPeer.h"
#include "SipBench.h"
#include "SipLoopbackConsole.h"
#include "SipLoopbackPeers.h"
#include "SippEchoCaller.h"
#include "ToneAnalysis.h"
#include "ToneFarEnd.h"
#include "ToneHeadset.h"
#include "audio/BufferAgentAudioIo.h"
#include "audio/CallAudioRouter.h"
#include "core/Tapi.h"
#include "session/CallEngine.h"
#include "session/CallSession.h"
#include "settings/ConsoleSettings.h"

#include <QtCore/qelapsedtimer.h>
#include <QtCore/qpointer.h>
#include <QtCore/qtemporarydir.h>

#include <algorithm>
#include <cstdio>

namespace SipBench {

namespace {
constexpr int AgentRate = 48000; // the headset twin's

bool allIn(const QList<QPointer<CallSession>> &sessions, int state)
{
    return std::all_of(sessions.begin(), sessions.end(),
                       [state](const QPointer<CallSession> &s) { return s && s->state() == state; });
}

void dropAll(const QList<QPointer<CallSession>> &sessions)
{
    for (const QPointer<CallSession> &s : sessions) {
        if (s && s->state() != Tapi::Idle)
            s->drop(QByteArray());
    }
    waitFor(
        [&] {
            return std::all_of(sessions.begin(), sessions.end(),
                               [](const QPointer<CallSession> &s) { return !s || s->state() == Tapi::Idle; });
        },
        15000);
}
} // namespace

bool runCpu(SipLoopbackPeers &peers, SipLoopbackConsole &console, const QString &codec, int calls,
            double seconds, bool farEndPlays)
{
    QTemporaryDir dir;
    const std::unique_ptr<ConsoleSettings> settings = freshAudioSettings(dir);
    // The agent's headset: the microphone says a tone all the time; every call is mixed to the earpiece.
    // Nothing here listens to the earpiece afterwards, so its twin keeps none of what it played: keeping
    // 10 s of it for the tests that listen (copies, and pages touched as that history grows) was about a
    // fifth of the mixer thread's samples in a profile, a cost of the twin that no real device has.
    CallAudioRouter router(
        console.engine(), nullptr, settings.get(),
        [headset = toneHeadset(AgentRate, 1330, -12.0)] {
            std::unique_ptr<AgentAudioIo> io = headset();
            static_cast<BufferAgentAudioIo *>(io.get())->setKeepSamples(0);
            return io;
        },
        CallAudioMixer::Drive::OwnTimer, nullptr);
    // The console's own cost with no call (registration refresh, the idle mixer), for the marginal figure:
    // read as the call's window is (this process's CPU over the event loop's idle time), over 3 s after a
    // second to settle, so that a single wake-up weighs little.
    idle(1000);
    double cpu0 = processCpuSeconds();
    QElapsedTimer wall;
    wall.start();
    idle(3000);
    const double idleCpuPerSecond = (processCpuSeconds() - cpu0) / (double(wall.elapsed()) / 1000.0);

    SipBaresipPeer peer;
    peer.setRecording(false);
    peer.setPlayAndCapture(farEndPlays);
    QString error;
    if (!peer.start(codec, peers.farEndPort(), QStringLiteral("9000"), 770, QString(), &error)
        || !peer.waitReady()) {
        std::fprintf(stderr, "baresip: %s %s\n", qPrintable(error), qPrintable(peer.log()));
        return false;
    }
    QList<QPointer<CallSession>> sessions;
    for (int i = 0; i < calls; ++i) {
        CallSession *session = console.makeCall(QStringLiteral("9000"));
        if (!session) {
            std::fprintf(stderr, "makeCall %d failed\n", i + 1);
            dropAll(sessions);
            return false;
        }
        sessions.append(session);
        // One at a time: baresip answers each before the next arrives.
        if (!waitFor([&] { return session->state() == Tapi::Connected; }, 10000)) {
            std::fprintf(stderr, "call %d not answered: %s\n", i + 1, qPrintable(peer.log()));
            dropAll(sessions);
            return false;
        }
    }
    if (!waitFor([&] { return router.bridgedCalls() == calls; }, 10000)
        || !allIn(sessions, Tapi::Connected)) {
        std::fprintf(stderr, "%d of %d calls bridged\n", router.bridgedCalls(), calls);
        dropAll(sessions);
        return false;
    }
    idle(1000); // settled: jitter buffers filled, baresip's audio running
    std::map<QString, double> runs0, runs1;
    const std::map<QString, double> threads0 = threadCpuSeconds(&runs0);
    const quint64 cycles0 = router.mixer()->cyclesRun();
    const quint64 wakes0 = router.mixer()->wakeCycles();
    const quint64 clocked0 = router.mixer()->clockedFrameCycles();
    const quint64 taken0 = router.mixer()->framesTaken();
    const quint64 waited0 = router.mixer()->frameWaitNs();
    const quint64 packets0 = router.mixer()->packetTimesDriven();
    cpu0 = processCpuSeconds();
    const double peer0 = peer.cpuSeconds();
    wall.restart();
    // baresip's tone file lasts 20 s (SipBaresipPeer) and the call ends with it.
    idle(int(std::min(seconds, 17.0) * 1000));
    const double elapsed = double(wall.elapsed()) / 1000.0;
    const double consoleCpu = processCpuSeconds() - cpu0;
    const std::map<QString, double> threads1 = threadCpuSeconds(&runs1);
    const double cyclesPerSecond = double(router.mixer()->cyclesRun() - cycles0) / elapsed;
    const double wakesPerSecond = double(router.mixer()->wakeCycles() - wakes0) / elapsed;
    const double clockedPerSecond = double(router.mixer()->clockedFrameCycles() - clocked0) / elapsed;
    const quint64 taken = router.mixer()->framesTaken() - taken0;
    const double packetsPerSecond = double(router.mixer()->packetTimesDriven() - packets0) / elapsed;
    const double frameWaitMs =
        taken ? double(router.mixer()->frameWaitNs() - waited0) / double(taken) / 1e6 : 0.0;
    const int cycleMs = router.mixer()->cycleMs();
    const auto threadMs = [&](const char *name) {
        const QString key = QString::fromLatin1(name);
        const auto before = threads0.find(key);
        const auto after = threads1.find(key);
        const double used = (after == threads1.end() ? 0.0 : after->second)
            - (before == threads0.end() ? 0.0 : before->second);
        return used * 1000.0 / (elapsed * calls);
    };
    const auto runsPerSecond = [&](const char *name) {
        const QString key = QString::fromLatin1(name);
        return (runs1[key] - runs0[key]) / (elapsed * calls);
    };
    const double peerCpu = peer.cpuSeconds() - peer0;
    const bool stillUp = allIn(sessions, Tapi::Connected);
    dropAll(sessions);
    peer.stop();
    const double callSeconds = elapsed * calls;
    const double aboveIdle = (consoleCpu - idleCpuPerSecond * elapsed) * 1000.0 / callSeconds;
    std::printf("  %-14s %3d call(s) %5.1f s   console %6.2f ms CPU per call-second (%.2f above idle, "
                "idle %.2f ms/s)   baresip (%s) %6.2f ms   ratio %.2f\n",
                qPrintable(codec), calls, elapsed, consoleCpu * 1000.0 / callSeconds, aboveIdle,
                idleCpuPerSecond * 1000.0, farEndPlays ? "plays" : "tone", peerCpu * 1000.0 / callSeconds,
                peerCpu > 0 ? aboveIdle / (peerCpu * 1000.0 / callSeconds) : 0.0);
    // Where the console's share went: the mixer's thread (devices, conversion, mix; one for all calls),
    // libre's (SIP, RTP, jitter buffer, codec), and this one (the engine and the GUI's event loop).
    std::printf("  %-14s %3s          %5s     of which mixer thread %.2f ms, libre thread %.2f ms, "
                "main thread %.2f ms; mixer cycles %.0f/s (%.0f/s RTP packet times run in them, %.0f/s woken "
                "by frames, %.0f/s frames taken on its clock %.2f ms after they came, cycle %d ms); "
                "on a CPU per call-second: mixer %.0f, libre %.0f, main %.0f times (woken: %.0f, %.0f, "
                "%.0f)\n",
                "", "", "", threadMs("hookline-audio"), threadMs("libre"), threadMs("bench_sip"),
                cyclesPerSecond, packetsPerSecond, wakesPerSecond, clockedPerSecond, frameWaitMs, cycleMs,
                runsPerSecond("hookline-audio"), runsPerSecond("libre"), runsPerSecond("bench_sip"),
                runsPerSecond("hookline-audio sleeps"), runsPerSecond("libre sleeps"),
                runsPerSecond("bench_sip sleeps"));
    if (!stillUp)
        std::fprintf(stderr, "a call ended during the measurement: %s\n", qPrintable(peer.log()));
    std::fflush(stdout);
    return stillUp;
}

bool runLatency(SipLoopbackPeers &peers, SipLoopbackConsole &console, int payloadType, const QString &rtpmap,
                double seconds)
{
    QTemporaryDir dir;
    const std::unique_ptr<ConsoleSettings> settings = freshAudioSettings(dir);
    std::atomic<LatencyProbeIo *> probe {nullptr};
    CallAudioRouter router(
        console.engine(), nullptr, settings.get(),
        [&probe] {
            auto io = std::make_unique<LatencyProbeIo>(AgentRate, 1000, 20);
            probe = io.get();
            return io;
        },
        CallAudioMixer::Drive::OwnTimer, nullptr);
    QList<QPointer<CallSession>> sessions;
    // Auto-answer from the event loop, as the console's agent setting does.
    const auto answer = QObject::connect(console.engine(), &CallEngine::sessionAdded, console.engine(),
                                         [&sessions](CallSession *s) {
                                             sessions.append(s);
                                             QMetaObject::invokeMethod(
                                                 s, [s] { s->answer(); }, Qt::QueuedConnection);
                                         });
    SippEchoCaller sipp;
    QString error;
    const int holdMs = int(seconds * 1000) + 2000;
    bool ok = sipp.start(peers, 1, 1, holdMs, payloadType, rtpmap, &error);
    ok = ok && waitFor([&] { return router.bridgedCalls() == 1; }, 15000);
    if (ok)
        idle(int(seconds * 1000));
    QObject::disconnect(answer);
    bool reopened = false;
    const std::vector<double> delays = probe ? probe.load()->delaysMs(&reopened) : std::vector<double>();
    QString output;
    waitFor([&] { return !sipp.isRunning(); }, holdMs + 20000);
    ok = sipp.finish(1000, &output) && ok;
    dropAll(sessions);
    if (!ok || delays.empty() || reopened) {
        std::fprintf(stderr, "latency run failed (%s, %zu bursts heard%s):\n%s\n", qPrintable(error),
                     delays.size(), reopened ? ", the headset reopened" : "", qPrintable(output));
        return false;
    }
    const QList<double> values(delays.begin(), delays.end());
    const double median = percentile(values, 50);
    std::printf("  %-14s round trip median %.1f ms (min %.1f, max %.1f, %lld bursts)   each way %.1f ms\n",
                qPrintable(rtpmap), median, percentile(values, 0), percentile(values, 100),
                static_cast<long long>(values.size()), median / 2);
    std::fflush(stdout);
    return true;
}

} // namespace SipBench
