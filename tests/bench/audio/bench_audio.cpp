// Call audio figures (printed, not asserted):
//  - CPU per bridged call: N CallAudioBridges run 8 kHz line <-> 48 kHz devices for S seconds of audio as
//    fast as they go (thread CPU time / audio time / N), with the provider's ring work included;
//  - recording cost per call: the same with a recording per call in WAV, FLAC and Ogg/Opus (extra CPU and
//    bytes per second of call);
//  - Hookline's own buffering each way, from its parts (cycle, converter delay, queued playback, device
//    buffers as granted);
//  - with --impulse and a PulseAudio server (the tests' harness): the round trip of an impulse from the
//    line endpoint through the mixer to "Hookline Test Headset", back through a module-loopback into the
//    "Hookline Test Headset Mic Feed", and through the mixer again to the endpoint's toLine.
// Goals (issue 5): at most 20 ms of Hookline's own buffering each way; under 1% of a core per call.
#include "audio/AudioDevices.h"
#include "audio/AudioProcessExit.h"
#include "audio/CallAudioBridge.h"
#include "audio/CallAudioMixer.h"
#include "audio/PlaybackMix.h"
#include "audio/QtAgentAudioIo.h"
#include "providers/LineAudioEndpoint.h"

#include <QtCore/qcommandlineparser.h>
#include <QtCore/qcoreapplication.h>
#include <QtCore/qelapsedtimer.h>
#include <QtCore/qeventloop.h>
#include <QtCore/qfileinfo.h>
#include <QtCore/qprocess.h>
#include <QtCore/qtemporarydir.h>
#include <QtCore/qthread.h>
#include <QtCore/qtimer.h>
#include <QtMultimedia/qmediadevices.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <numbers>
#include <vector>

namespace {

constexpr int lineRate = 8000;
constexpr int deviceRate = 48000;

qint64 threadCpuNs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

std::vector<int16_t> tone(double frequency, double dbfs, int rate, int samples)
{
    std::vector<int16_t> out(static_cast<std::size_t>(samples));
    const double amplitude = 32767.0 * std::pow(10.0, dbfs / 20.0);
    for (int i = 0; i < samples; ++i)
        out[std::size_t(i)] =
            int16_t(std::lround(amplitude * std::sin(2.0 * std::numbers::pi * frequency * i / rate)));
    return out;
}

struct RunResult
{
    double cpuPercentPerCall = 0.0;
    double bytesPerSecondPerCall = 0.0;
    double playbackConverterMs = 0.0;
    double captureConverterMs = 0.0;
    double meanPendingPlaybackMs = 0.0;
};

// N bridges driven by the mixer's cycle (5 ms) without devices: what one audio thread spends per call.
RunResult runBridges(int calls, double seconds, int recordFormat, const QString &folder)
{
    std::vector<std::shared_ptr<LineAudioEndpoint>> endpoints;
    std::vector<std::unique_ptr<CallAudioBridge>> bridges;
    for (int i = 0; i < calls; ++i) {
        endpoints.push_back(std::make_shared<LineAudioEndpoint>(lineRate, QStringLiteral("bench %1").arg(i)));
        bridges.push_back(std::make_unique<CallAudioBridge>(endpoints.back()));
        bridges.back()->setDeviceRates(deviceRate, deviceRate);
        bridges.back()->setMode(CallAudioBridge::Active, 0);
        if (recordFormat >= 0) {
            const QString path = QStringLiteral("%1/call-%2-%3").arg(folder).arg(recordFormat).arg(i);
            bridges.back()->recorder()->start(path, Recorder::Format(recordFormat),
                                              Recorder::CallerLeftAgentRight, lineRate,
                                              Recorder::Metadata {});
        }
    }
    const int cycleMs = CallAudioMixer::CycleMs;
    const int lineBlock = lineRate * cycleMs / 1000;
    const int deviceBlock = deviceRate * cycleMs / 1000;
    const std::vector<int16_t> farEnd = tone(1000.0, -6.0, lineRate, lineRate);
    const std::vector<int16_t> agent = tone(440.0, -12.0, deviceRate, deviceRate);
    std::vector<int16_t> drained(static_cast<std::size_t>(lineRate));
    PlaybackMix mix;
    mix.setLimits(std::size_t(deviceRate) * CallAudioMixer::MixAlignMs / 1000,
                  std::size_t(deviceRate) * CallAudioMixer::MaxPendingPlaybackMs / 1000);
    std::vector<int16_t> mixed;
    const int cycles = int(seconds * 1000 / cycleMs);
    double pendingSum = 0.0;
    double playbackDelay = 0.0;
    double captureDelay = 0.0;

    const qint64 started = threadCpuNs();
    for (int c = 0; c < cycles; ++c) {
        const std::int64_t nowNs = std::int64_t(c) * cycleMs * 1'000'000;
        const auto farBlock = std::span<const int16_t>(farEnd).subspan(
            std::size_t((c * lineBlock) % lineRate), std::size_t(lineBlock));
        const auto captured = std::span<const int16_t>(agent).subspan(
            std::size_t((c * deviceBlock) % deviceRate), std::size_t(deviceBlock));
        for (std::size_t i = 0; i < bridges.size(); ++i) {
            endpoints[i]->fromLine.write(farBlock); // the provider's side
            CallAudioBridge &bridge = *bridges[i];
            bridge.pullFromLine();
            bridge.pushToLine(captured, true, nowNs);
            mix.add(int(i), bridge.pendingPlayback());
            bridge.consumePlayback(bridge.pendingPlayback().size());
            endpoints[i]->toLine.read(drained); // the provider's side
        }
        // The earpiece takes one cycle's worth, as a device in step with the line would.
        mix.take(std::size_t(deviceBlock), mixed);
        pendingSum += double(mix.queued());
    }
    const qint64 cpuNs = threadCpuNs() - started;

    RunResult result;
    result.cpuPercentPerCall = 100.0 * double(cpuNs) / (seconds * 1e9) / calls;
    result.meanPendingPlaybackMs = pendingSum / double(cycles) * 1000.0 / deviceRate;
    for (auto &bridge : bridges) {
        playbackDelay += bridge->playbackResamplerDelay();
        captureDelay += bridge->captureResamplerDelay();
    }
    result.playbackConverterMs = playbackDelay / calls * 1000.0 / deviceRate;
    result.captureConverterMs = captureDelay / calls * 1000.0 / lineRate;
    if (recordFormat >= 0) {
        qint64 bytes = 0;
        for (auto &bridge : bridges) {
            const QString path = bridge->recorder()->path();
            bridge->recorder()->stop();
            bytes += QFileInfo(path).size();
        }
        result.bytesPerSecondPerCall = double(bytes) / seconds / calls;
    }
    return result;
}

bool pactl(const QStringList &args, QString *out = nullptr)
{
    QProcess process;
    process.start(QStringLiteral("pactl"), args);
    if (!process.waitForFinished(10000) || process.exitCode() != 0)
        return false;
    if (out)
        *out = QString::fromLocal8Bit(process.readAllStandardOutput()).trimmed();
    return true;
}

QAudioDevice byDescription(const QList<QAudioDevice> &devices, const QString &description)
{
    for (const QAudioDevice &device : devices)
        if (device.description() == description)
            return device;
    return {};
}

// Impulse round trip through the harness: line -> mixer -> headset sink -> loopback -> mic feed -> mixer
// -> line. Returns the median in ms (or -1) and prints each try; fills the device buffers granted.
double impulseRoundTrip(int tries, std::size_t *playbackBuffer, std::size_t *captureBuffer)
{
    QString module;
    if (!pactl({QStringLiteral("load-module"), QStringLiteral("module-loopback"),
                QStringLiteral("source=hookline_headset.monitor"),
                QStringLiteral("sink=hookline_headset_mic_feed"), QStringLiteral("latency_msec=1"),
                QStringLiteral("source_dont_move=true"), QStringLiteral("sink_dont_move=true")},
               &module)) {
        std::printf("impulse: no PulseAudio harness (pactl load-module module-loopback failed)\n");
        return -1.0;
    }
    const QAudioDevice headset =
        byDescription(QMediaDevices::audioOutputs(), QStringLiteral("Hookline Test Headset"));
    const QAudioDevice mic =
        byDescription(QMediaDevices::audioInputs(), QStringLiteral("Hookline Test Headset Mic"));
    if (headset.isNull() || mic.isNull()) {
        std::printf("impulse: the harness devices are missing\n");
        pactl({QStringLiteral("unload-module"), module});
        return -1.0;
    }

    QThread audioThread;
    QtAgentAudioIo *io = nullptr;
    auto *mixer = new CallAudioMixer(
        [&io] {
            auto made = std::make_unique<QtAgentAudioIo>();
            io = made.get();
            return made;
        },
        CallAudioMixer::Drive::OwnTimer);
    mixer->moveToThread(&audioThread);
    audioThread.start(QThread::TimeCriticalPriority);
    auto endpoint = std::make_shared<LineAudioEndpoint>(lineRate, QStringLiteral("impulse"));
    QMetaObject::invokeMethod(
        mixer,
        [&] {
            mixer->start();
            mixer->setDevices(mic, headset);
            mixer->addBridge(1, endpoint, CallAudioBridge::Active, nullptr);
        },
        Qt::BlockingQueuedConnection);

    // The far end: silence paced at the line rate, an impulse (5 ms of full-scale 1 kHz) every 600 ms,
    // and a watch on toLine for its return.
    std::vector<double> results;
    QElapsedTimer clock;
    clock.start();
    std::size_t written = 0;
    qint64 sentAtNs = -1;
    qint64 nextImpulseNs = 500'000'000; // let the streams start
    const std::vector<int16_t> burst = tone(1000.0, 0.0, lineRate, lineRate / 200);
    std::vector<int16_t> silence(std::size_t(lineRate / 10), 0);
    std::vector<int16_t> back(static_cast<std::size_t>(lineRate));
    QEventLoop loop;
    QTimer pace;
    pace.setTimerType(Qt::PreciseTimer);
    QObject::connect(&pace, &QTimer::timeout, &loop, [&] {
        const qint64 now = clock.nsecsElapsed();
        const auto due = std::size_t(now / 1000 * lineRate / 1'000'000);
        if (sentAtNs < 0 && now >= nextImpulseNs) {
            endpoint->fromLine.write(burst);
            written += burst.size();
            sentAtNs = now;
        }
        if (due > written) {
            const std::size_t n = std::min(due - written, silence.size());
            endpoint->fromLine.write(std::span<const int16_t>(silence).first(n));
            written += n;
        }
        const std::size_t got = endpoint->toLine.read(back);
        for (std::size_t i = 0; i < got && sentAtNs >= 0; ++i) {
            if (std::abs(int(back[i])) > 3000) { // -20 dBFS: the burst, not noise
                const double ms = double(now - sentAtNs) / 1e6;
                results.push_back(ms);
                std::printf("impulse %d: %.1f ms\n", int(results.size()), ms);
                sentAtNs = -1;
                nextImpulseNs = now + 600'000'000;
                break;
            }
        }
        if (sentAtNs >= 0 && now - sentAtNs > 3'000'000'000) {
            std::printf("impulse lost (no return within 3 s)\n");
            sentAtNs = -1;
            nextImpulseNs = now + 600'000'000;
            results.push_back(-1.0);
        }
        if (int(results.size()) >= tries)
            loop.quit();
    });
    pace.start(2);
    loop.exec();

    QMetaObject::invokeMethod(
        mixer,
        [&] {
            *playbackBuffer = io ? io->bufferSamples(AgentAudioIo::Playback) : 0;
            *captureBuffer = io ? io->bufferSamples(AgentAudioIo::Capture) : 0;
            mixer->shutdown();
        },
        Qt::BlockingQueuedConnection);
    audioThread.quit();
    audioThread.wait();
    delete mixer;
    pactl({QStringLiteral("unload-module"), module});

    std::vector<double> valid;
    std::copy_if(results.begin(), results.end(), std::back_inserter(valid),
                 [](double ms) { return ms >= 0.0; });
    if (valid.empty())
        return -1.0;
    std::sort(valid.begin(), valid.end());
    return valid[valid.size() / 2];
}

} // namespace

int run(int argc, char **argv)
{
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // each figure out as soon as it is known
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    QCommandLineOption callsOption(QStringLiteral("calls"), QStringLiteral("bridged calls at once"),
                                   QStringLiteral("n"), QStringLiteral("20"));
    QCommandLineOption secondsOption(QStringLiteral("seconds"), QStringLiteral("seconds of audio per run"),
                                     QStringLiteral("s"), QStringLiteral("10"));
    QCommandLineOption impulseOption(QStringLiteral("impulse"),
                                     QStringLiteral("measure the round trip through the PulseAudio harness"));
    QCommandLineOption triesOption(QStringLiteral("tries"), QStringLiteral("impulses"), QStringLiteral("n"),
                                   QStringLiteral("7"));
    parser.addOptions({callsOption, secondsOption, impulseOption, triesOption});
    parser.process(app);
    const int calls = std::max(1, parser.value(callsOption).toInt());
    const double seconds = std::max(0.1, parser.value(secondsOption).toDouble());

    QTemporaryDir folder;
    std::printf("bench_audio: %d calls, %.1f s of audio each, 8 kHz line <-> 48 kHz devices, cycle %d ms\n",
                calls, seconds, CallAudioMixer::CycleMs);
    const RunResult plain = runBridges(calls, seconds, -1, folder.path());
    std::printf("CPU per bridged call: %.3f %% of one core (goal < 1 %%)\n", plain.cpuPercentPerCall);
    const char *names[] = {"WAV", "FLAC", "Ogg/Opus"};
    for (int format : {int(Recorder::Wav), int(Recorder::Flac), int(Recorder::OggOpus)}) {
        const RunResult recorded = runBridges(calls, seconds, format, folder.path());
        std::printf("recording %-8s: +%.3f %% of one core per call, %.0f bytes/s per call\n", names[format],
                    recorded.cpuPercentPerCall - plain.cpuPercentPerCall, recorded.bytesPerSecondPerCall);
    }

    std::size_t playbackBuffer = 0;
    std::size_t captureBuffer = 0;
    double roundTrip = -1.0;
    if (parser.isSet(impulseOption))
        roundTrip =
            impulseRoundTrip(std::max(1, parser.value(triesOption).toInt()), &playbackBuffer, &captureBuffer);
    // Without the harness the device buffers are the ones asked for.
    const double playbackDeviceMs =
        playbackBuffer ? playbackBuffer * 1000.0 / deviceRate : double(QtAgentAudioIo::BufferMs);
    const double captureDeviceMs =
        captureBuffer ? captureBuffer * 1000.0 / deviceRate : double(QtAgentAudioIo::BufferMs);
    const double cycle = CallAudioMixer::CycleMs;
    // Line -> agent: up to one cycle in fromLine, the converter, queued playback (mean), the device buffer.
    const double toAgent = cycle + plain.playbackConverterMs + plain.meanPendingPlaybackMs + playbackDeviceMs;
    // Agent -> line: the device buffer, up to one cycle before the mixer reads it, the converter.
    const double toLine = captureDeviceMs + cycle + plain.captureConverterMs;
    std::printf(
        "own buffering line -> agent: %.1f ms (cycle %.1f + converter %.1f + queued %.1f + device %.1f%s)\n",
        toAgent, cycle, plain.playbackConverterMs, plain.meanPendingPlaybackMs, playbackDeviceMs,
        playbackBuffer ? "" : " asked");
    std::printf("own buffering agent -> line: %.1f ms (device %.1f%s + cycle %.1f + converter %.1f)\n",
                toLine, captureDeviceMs, captureBuffer ? "" : " asked", cycle, plain.captureConverterMs);
    if (parser.isSet(impulseOption))
        std::printf("impulse round trip line -> headset -> loopback -> mic -> line: %s\n",
                    roundTrip >= 0 ? qPrintable(QStringLiteral("%1 ms (median)").arg(roundTrip, 0, 'f', 1))
                                   : "not measured");
    return 0;
}

// The figures are printed by then; Qt's PulseAudio teardown could still crash (audio/AudioProcessExit.h).
int main(int argc, char **argv)
{
    exitPastQtAudioTeardown(run(argc, argv));
}
