// bench_sip's load: many calls at once through Kamailio, answered at once by the console; set-up times as
// sipp sees them, audio gaps per call and the GUI thread's responsiveness.
#include "SipBench.h"
#include "SipLineProvider.h"
#include "SipLoopbackConsole.h"
#include "SipLoopbackPeers.h"
#include "SipStack.h"
#include "SippEchoCaller.h"
#include "core/Tapi.h"
#include "providers/LineAudioEndpoint.h"
#include "session/CallEngine.h"
#include "session/CallSession.h"

#include <QtCore/qelapsedtimer.h>
#include <QtCore/qhash.h>
#include <QtCore/qpointer.h>
#include <QtCore/qtimer.h>

#include <cstdio>
#include <memory>
#include <vector>

namespace SipBench {

namespace {
constexpr qint64 GapNs = 60'000'000; // no new audio for longer than this (three frames): a gap
constexpr int DrainMs = 10;

// One call's audio as the bench's stand-in bridge reads it.
struct CallProbe
{
    std::shared_ptr<LineAudioEndpoint> endpoint;
    qint64 received = 0; // samples, all along
    qint64 windowStart = -1; // `received` when the window opened
    qint64 windowEnd = -1;
    qint64 lastAudioNs = -1;
    int gaps = 0; // within the window
    qint64 overrunsBefore = 0;
    qint64 overrunsInWindow = 0; // fromLine found full: this bench's reader fell behind
};
} // namespace

bool runLoad(SipLoopbackPeers &peers, SipLoopbackConsole &console, int calls, int rate, double seconds)
{
    CallEngine *engine = console.engine();
    QList<QPointer<CallSession>> sessions;
    // Auto-answer, as the console's agent setting does: at once, from the event loop.
    const auto answer =
        QObject::connect(engine, &CallEngine::sessionAdded, engine, [&sessions](CallSession *s) {
            sessions.append(s);
            QMetaObject::invokeMethod(
                s, [s] { s->answer(); }, Qt::QueuedConnection);
        });
    QHash<quint64, CallProbe> probes;
    const auto ready =
        QObject::connect(console.provider()->stack(), &SipStack::callAudioReady, engine,
                         [&probes](quint64 token, const std::shared_ptr<LineAudioEndpoint> &endpoint) {
                             probes[token].endpoint = endpoint;
                         });

    QElapsedTimer clock;
    clock.start();
    bool inWindow = false;
    qint64 lastTickNs = -1;
    QList<double> tickIntervalsMs;
    std::vector<int16_t> scratch;
    QTimer drain;
    drain.setTimerType(Qt::PreciseTimer);
    QObject::connect(&drain, &QTimer::timeout, engine, [&] {
        const qint64 now = clock.nsecsElapsed();
        const qint64 interval = lastTickNs < 0 ? 0 : now - lastTickNs;
        if (inWindow && lastTickNs >= 0)
            tickIntervalsMs.append(double(interval) / 1e6);
        lastTickNs = now;
        for (CallProbe &probe : probes) {
            if (!probe.endpoint)
                continue;
            const std::size_t available = probe.endpoint->fromLine.available();
            if (available) {
                scratch.resize(available);
                probe.endpoint->fromLine.read(scratch);
                // A gap only when this thread was on time: a late tick is the GUI figure, not the audio's.
                if (inWindow && probe.lastAudioNs >= 0 && now - probe.lastAudioNs > GapNs
                    && interval < 3 * DrainMs * 1'000'000)
                    ++probe.gaps;
                probe.lastAudioNs = now;
                probe.received += qint64(available);
            }
        }
    });
    drain.start(DrainMs);

    const int rampMs = calls * 1000 / std::max(1, rate);
    const int holdMs = rampMs + int(seconds * 1000) + 4000;
    SippEchoCaller sipp;
    QString error;
    const double cpuStart = processCpuSeconds();
    bool ok = sipp.start(peers, calls, rate, holdMs, 0, QStringLiteral("PCMU/8000"), &error);
    const auto connected = [&] {
        return std::count_if(sessions.begin(), sessions.end(), [](const QPointer<CallSession> &s) {
            return s && s->state() == Tapi::Connected;
        });
    };
    // Every call answered (a call the proxy turned away never comes: then the window starts late, with
    // the calls that did).
    if (ok)
        waitFor([&] { return connected() == calls && probes.size() == calls; }, rampMs + 3000);
    const qsizetype connectedCalls = connected();
    ok = ok && connectedCalls > 0;
    if (ok)
        idle(1000);
    // The window: every call up, audio flowing.
    for (CallProbe &probe : probes) {
        probe.windowStart = probe.received;
        probe.overrunsBefore = probe.endpoint ? qint64(probe.endpoint->overruns.load()) : 0;
    }
    inWindow = true;
    const double windowCpu0 = processCpuSeconds();
    QElapsedTimer window;
    window.start();
    if (ok)
        idle(int(seconds * 1000));
    const double windowSeconds = double(window.elapsed()) / 1000.0;
    const double windowCpu = processCpuSeconds() - windowCpu0;
    inWindow = false;
    for (CallProbe &probe : probes) {
        probe.windowEnd = probe.received;
        probe.overrunsInWindow =
            probe.endpoint ? qint64(probe.endpoint->overruns.load()) - probe.overrunsBefore : 0;
    }
    const bool allUp = connectedCalls == calls && connected() == calls;

    QString output;
    // The event loop keeps running (and reading the calls' audio) until sipp has ended its calls.
    waitFor([&] { return !sipp.isRunning(); }, holdMs + rampMs + 30000);
    ok = sipp.finish(1000, &output) && ok && allUp;
    waitFor(
        [&] {
            return std::all_of(sessions.begin(), sessions.end(),
                               [](const QPointer<CallSession> &s) { return !s || s->state() == Tapi::Idle; });
        },
        15000);
    drain.stop();
    QObject::disconnect(answer);
    QObject::disconnect(ready);
    const double totalCpu = processCpuSeconds() - cpuStart;

    // Audio: a frame is 20 ms at the call's rate; each call's window count may be off by what sat in its
    // buffers at either edge, so a call is short only beyond two frames.
    qint64 missingFrames = 0;
    qint64 worstMissing = 0;
    int gaps = 0;
    quint64 overruns = 0;
    for (const CallProbe &probe : std::as_const(probes)) {
        if (!probe.endpoint || probe.windowStart < 0)
            continue;
        const qint64 frame = probe.endpoint->sampleRate() / 50;
        const qint64 expected = qint64(windowSeconds * probe.endpoint->sampleRate());
        const qint64 missing =
            std::max<qint64>(0, (expected - (probe.windowEnd - probe.windowStart)) / frame - 2);
        missingFrames += missing;
        worstMissing = std::max(worstMissing, missing);
        gaps += probe.gaps;
        overruns += quint64(probe.overrunsInWindow);
    }
    const QList<double> setup = sipp.setupTimesMs();
    const int refused = output.count(QStringLiteral("Aborting call on unexpected message"));
    std::printf("  %d calls at %d/s, %lld connected, %lld with audio, %d failed at sipp; window %.1f s\n",
                calls, rate, static_cast<long long>(connectedCalls), static_cast<long long>(probes.size()),
                refused, windowSeconds);
    std::printf("  set-up INVITE to 200 OK (sipp, %lld calls): median %.1f ms, p95 %.1f ms, max %.1f ms\n",
                static_cast<long long>(setup.size()), percentile(setup, 50), percentile(setup, 95),
                percentile(setup, 100));
    std::printf("  audio: %lld frames missing in the window (worst call %lld), %d gaps over %lld ms, "
                "%llu ring overruns\n",
                static_cast<long long>(missingFrames), static_cast<long long>(worstMissing), gaps,
                static_cast<long long>(GapNs / 1'000'000), static_cast<unsigned long long>(overruns));
    std::printf("  GUI thread %d ms timer: interval median %.1f ms, p99 %.1f ms, max %.1f ms\n", DrainMs,
                percentile(tickIntervalsMs, 50), percentile(tickIntervalsMs, 99),
                percentile(tickIntervalsMs, 100));
    std::printf(
        "  console CPU: %.2f ms per call-second in the window (%.0f%% of a core), %.1f s for the run\n",
        windowCpu * 1000.0 / (windowSeconds * std::max(1, calls)), windowCpu * 100.0 / windowSeconds,
        totalCpu);
    std::fflush(stdout);
    if (!ok)
        std::fprintf(stderr, "load run failed (%s):\n%s\n", qPrintable(error), qPrintable(output));
    return ok;
}

} // namespace SipBench
