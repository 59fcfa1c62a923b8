// The mixer's wake-ups (issue 15, CPU per call): a provider that announces its far end's frames
// (LineAudioEndpoint::notifyFromLine, as SIP's RTP clock does) wakes the mixer for the frame at once; the
// timer runs every CallAudioMixer::CycleMs and not faster, so the wake-ups per second stay bounded. A
// removed bridge or a stopped mixer is never woken, and a stepped mixer stays on its owner's clock.
// A late cycle leaves the earpiece playing later for good unless the mixer sheds that standing delay.
#include "MixerThread.h"
#include "ToneHeadset.h"

#include "audio/BufferAgentAudioIo.h"
#include "audio/CallAudioBridge.h"
#include "audio/CallAudioMixer.h"
#include "providers/LineAudioEndpoint.h"

#include <QtCore/qelapsedtimer.h>
#include <QtCore/qthread.h>
#include <QtTest/qtest.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <functional>
#include <thread>
#include <vector>

namespace {
constexpr int LineRate = 8000;
constexpr int FrameMs = 20;
constexpr std::size_t FrameSamples = LineRate * FrameMs / 1000;

// A provider's RTP clock on a thread of its own: every 20 ms one frame of a 500 Hz tone into fromLine,
// announced as SIP's stream does.
class FrameFarEnd
{
public:
    explicit FrameFarEnd(std::shared_ptr<LineAudioEndpoint> endpoint)
        : m_endpoint(std::move(endpoint))
    {
        m_thread = std::thread([this] { run(); });
    }
    ~FrameFarEnd() { stop(); }
    void stop()
    {
        m_stop = true;
        if (m_thread.joinable())
            m_thread.join();
    }
    int frames() const { return m_frames; }

private:
    void run()
    {
        std::vector<int16_t> frame(FrameSamples);
        auto next = std::chrono::steady_clock::now();
        std::size_t at = 0;
        while (!m_stop) {
            for (int16_t &sample : frame)
                sample = int16_t(8000 * std::sin(2 * M_PI * 500.0 * double(at++) / LineRate));
            m_endpoint->fromLine.write(frame);
            m_endpoint->notifyFromLine();
            ++m_frames;
            next += std::chrono::milliseconds(FrameMs);
            std::this_thread::sleep_until(next); // the far end's pace, not the test's timing
        }
    }

    std::shared_ptr<LineAudioEndpoint> m_endpoint;
    std::thread m_thread;
    std::atomic<bool> m_stop {false};
    std::atomic<int> m_frames {0};
};
} // namespace

class tst_CallAudioMixer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cycleFollowsTheDeviceBuffers_data();
    void cycleFollowsTheDeviceBuffers();
    void framesWakeTheMixer_data();
    void framesWakeTheMixer();
    void removedBridgeIsNotWoken();
    void steppedMixerKeepsItsClock();
    void lateCycleDelayIsShed_data();
    void lateCycleDelayIsShed();
};

namespace {
// The agent's headset: the buffer twin with device buffers of `bufferSamples` at 48 kHz, saying a tone.
CallAudioMixer::IoFactory twinWithBuffer(std::size_t bufferSamples, std::atomic<BufferAgentAudioIo *> *made)
{
    return toneHeadset(48000, 1000, -18.0, made, bufferSamples);
}
} // namespace

void tst_CallAudioMixer::cycleFollowsTheDeviceBuffers_data()
{
    QTest::addColumn<int>("bufferSamples"); // at 48 kHz
    QTest::addColumn<int>("cycleMs");
    QTest::newRow("2 ms buffers: the shortest cycle") << 96 << int(CallAudioMixer::MinCycleMs);
    QTest::newRow("10 ms (QtAgentAudioIo's)") << 480 << 5;
    QTest::newRow("20 ms (the twin's)") << 960 << 10;
    QTest::newRow("100 ms: the longest cycle") << 4800 << int(CallAudioMixer::MaxCycleMs);
}

void tst_CallAudioMixer::cycleFollowsTheDeviceBuffers()
{
    QFETCH(int, bufferSamples);
    QFETCH(int, cycleMs);
    CallAudioMixer mixer(twinWithBuffer(std::size_t(bufferSamples), nullptr),
                         CallAudioMixer::Drive::OwnTimer);
    mixer.start();
    QCOMPARE(mixer.cycleMs(), int(CallAudioMixer::CycleMs)); // no device open yet
    auto line = std::make_shared<LineAudioEndpoint>(LineRate, QStringLiteral("frames"));
    mixer.addBridge(1, line, CallAudioBridge::Active, nullptr); // opens the devices
    QCOMPARE(mixer.cycleMs(), cycleMs);
    mixer.removeBridge(1); // closes them
    QCOMPARE(mixer.cycleMs(), int(CallAudioMixer::CycleMs));
    mixer.shutdown();
}

void tst_CallAudioMixer::framesWakeTheMixer_data()
{
    QTest::addColumn<int>("bufferSamples");
    QTest::addColumn<int>("expectedPerFrame"); // cycles per 20 ms frame: the frame's and the phase's
    QTest::addColumn<int>("calls");
    QTest::addColumn<bool>("audioThread");
    for (const bool audioThread : {true, false}) {
        const char *loop = audioThread ? "AudioThread" : "QThread";
        // 5 ms period: cycles 6 ms apart up to 2 ms before the next frame.
        QTest::addRow("10 ms buffers, one call, %s", loop) << 480 << 4 << 1 << audioThread;
        // 10 ms period: one cycle 18 ms after the frame.
        QTest::addRow("20 ms buffers, one call, %s", loop) << 960 << 2 << 1 << audioThread;
    }
    // Two calls' frames come at phases of their own: each wakes the mixer.
    QTest::addRow("20 ms buffers, two calls, AudioThread") << 960 << 2 << 2 << true;
}

void tst_CallAudioMixer::framesWakeTheMixer()
{
    QFETCH(int, bufferSamples);
    QFETCH(int, expectedPerFrame);
    QFETCH(int, calls);
    QFETCH(bool, audioThread);
    std::atomic<BufferAgentAudioIo *> io {nullptr};
    MixerThread mixer(twinWithBuffer(std::size_t(bufferSamples), &io), audioThread);
    std::vector<std::shared_ptr<LineAudioEndpoint>> lines;
    for (int call = 1; call <= calls; ++call) {
        lines.push_back(std::make_shared<LineAudioEndpoint>(LineRate, QStringLiteral("frames")));
        mixer.run([&] { mixer->addBridge(call, lines.back(), CallAudioBridge::Active, nullptr); });
    }
    QVERIFY(io);
    // On an AudioThread the cycles are polled by its own loop, else through Qt's.
    QCOMPARE(mixer->cyclesPolledByAudioThread(), audioThread);
    io.load()->setKeepSamples(48000); // the last second
    const quint64 cycles0 = mixer->cyclesRun();
    QElapsedTimer wall;
    wall.start();
    std::vector<std::unique_ptr<FrameFarEnd>> farEnds;
    for (const auto &line : lines) {
        farEnds.push_back(std::make_unique<FrameFarEnd>(line));
        if (calls > 1)
            QTest::qWait(7); // another phase for the second call's frames
    }
    QTRY_VERIFY_WITH_TIMEOUT(farEnds.front()->frames() >= 100, 20000);
    int frames = 0;
    for (const auto &farEnd : farEnds) {
        farEnd->stop();
        frames += farEnd->frames();
    }
    const double seconds = double(wall.nsecsElapsed()) / 1e9;
    const double cyclesPerSecond = double(mixer->cyclesRun() - cycles0) / seconds;
    const double meanWaitMs =
        mixer->framesTaken() ? double(mixer->frameWaitNs()) / double(mixer->framesTaken()) / 1e6 : -1.0;
    const QString figures =
        QStringLiteral("cycle %1 ms, %2 call(s): %3 frames, %4 woke the mixer, %5 taken on "
                       "its own clock %6 ms after their announcement; %7 cycles per second")
            .arg(mixer->cycleMs())
            .arg(calls)
            .arg(frames)
            .arg(mixer->wakeCycles())
            .arg(mixer->clockedFrameCycles())
            .arg(meanWaitMs, 0, 'f', 2)
            .arg(cyclesPerSecond, 0, 'f', 1);
    qInfo().noquote() << figures;
    if (calls == 1) {
        // One call: most frames are taken on the mixer's own clock, no wake-up from the far end's thread
        // (a late frame wakes it), about FrameLagUs after they were announced.
        QVERIFY2(mixer->clockedFrameCycles() >= quint64(frames / 2), qPrintable(figures));
        QVERIFY2(mixer->wakeCycles() + mixer->clockedFrameCycles() <= quint64(frames + 2),
                 qPrintable(figures));
        QVERIFY2(meanWaitMs >= 0.0 && meanWaitMs <= CallAudioMixer::FrameLagUs / 1000.0 + 3.0,
                 qPrintable(figures));
    } else {
        // Several: every frame wakes it (the rest came while a wake-up was still pending).
        QVERIFY2(mixer->wakeCycles() >= quint64(frames / 2), qPrintable(figures));
        QCOMPARE(mixer->clockedFrameCycles(), quint64(0));
    }
    // The frame's cycle and the frame phase's, and not more: a late timer only makes them fewer. (The
    // 2 ms cycle this replaced ran 500 times a second.) With two calls each frame brings its own.
    const int perFrame = 1 + CallAudioMixer::framePhaseCycles(mixer->cycleMs());
    QCOMPARE(perFrame, expectedPerFrame);
    const double bound = 1.25 * perFrame * calls * 1000.0 / FrameMs;
    QVERIFY2(cyclesPerSecond <= bound, qPrintable(figures));
    // And the frames were heard: the earpiece played the tone.
    const std::vector<int16_t> played = io.load()->takePlayed();
    int16_t loudest = 0;
    for (const int16_t sample : played)
        loudest = std::max<int16_t>(loudest, int16_t(std::abs(sample)));
    QVERIFY2(loudest > 4000, qPrintable(QString::number(loudest)));
    // Nothing of the far end was left behind in the ring.
    for (const auto &line : lines)
        QTRY_COMPARE_WITH_TIMEOUT(line->fromLine.available(), std::size_t(0), 5000);
}

void tst_CallAudioMixer::removedBridgeIsNotWoken()
{
    auto line = std::make_shared<LineAudioEndpoint>(LineRate, QStringLiteral("frames"));
    auto kept = std::make_shared<LineAudioEndpoint>(LineRate, QStringLiteral("kept"));
    {
        MixerThread mixer(toneHeadset(48000, 1000, -12.0));
        mixer.run([&] {
            mixer->addBridge(1, line, CallAudioBridge::Active, nullptr);
            mixer->addBridge(2, kept, CallAudioBridge::Active, nullptr);
        });
        // A frame announced while bridged wakes it.
        QTRY_VERIFY((line->notifyFromLine(), mixer->wakeCycles() >= 1));
        mixer.run([] {}); // a wake-up still queued is taken first
        const quint64 woken = mixer->wakeCycles();
        mixer.run([&] { mixer->removeBridge(1); });
        // Announced again and again, over many of the timer's cycles: never a wake-up.
        QElapsedTimer wall;
        wall.start();
        while (wall.elapsed() < 100)
            line->notifyFromLine();
        mixer.run([] {});
        QCOMPARE(mixer->wakeCycles(), woken);
        // The other call's frames still wake it.
        QTRY_VERIFY((kept->notifyFromLine(), mixer->wakeCycles() > woken));
    }
    // The endpoints outlive the mixer (a provider keeps its end): announcing a frame is harmless.
    line->notifyFromLine();
    kept->notifyFromLine();
}

void tst_CallAudioMixer::steppedMixerKeepsItsClock()
{
    CallAudioMixer mixer(toneHeadset(48000, 1000, -12.0), CallAudioMixer::Drive::Stepped);
    mixer.start();
    auto line = std::make_shared<LineAudioEndpoint>(LineRate, QStringLiteral("frames"));
    mixer.addBridge(1, line, CallAudioBridge::Active, nullptr);
    const quint64 cycles = mixer.cyclesRun();
    std::vector<int16_t> frame(FrameSamples, 1000);
    line->fromLine.write(frame);
    line->notifyFromLine();
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    // Only advanceTo() runs a stepped mixer's cycles (a virtual-time run is the same every time).
    QCOMPARE(mixer.cyclesRun(), cycles);
    QCOMPARE(mixer.wakeCycles(), quint64(0));
    mixer.advanceTo(qint64(CallAudioMixer::SteppedCycleMs) * 1'000'000);
    QCOMPARE(mixer.cyclesRun(), cycles + 1);
    QCOMPARE(line->fromLine.available(), std::size_t(0));
    mixer.shutdown();
}

namespace {
// Where each burst starts in what the earpiece played: the first loud sample after 10 ms of quiet.
std::vector<std::size_t> burstOnsets(const std::vector<int16_t> &played)
{
    std::vector<std::size_t> onsets;
    std::size_t quiet = 0;
    for (std::size_t i = 0; i < played.size(); ++i) {
        if (std::abs(played[i]) > 2000) {
            if (quiet >= 480)
                onsets.push_back(i);
            quiet = 0;
        } else if (std::abs(played[i]) < 300) {
            ++quiet;
        }
    }
    return onsets;
}
} // namespace

void tst_CallAudioMixer::lateCycleDelayIsShed_data()
{
    QTest::addColumn<int>("bufferMs"); // the earpiece's device buffer
    QTest::addColumn<int>("startMs"); // what it waits for before it plays (and after it ran dry)
    QTest::addColumn<int>("lateMs"); // how late one cycle comes; 0: none
    QTest::newRow("the bench's twin, on time") << 20 << 0 << 0;
    QTest::newRow("the bench's twin, 40 ms late") << 20 << 0 << 40;
    QTest::newRow("the bench's twin, 100 ms late") << 20 << 0 << 100;
    QTest::newRow("a device that starts at 30 ms, on time") << 40 << 30 << 0;
    QTest::newRow("a device that starts at 30 ms, 40 ms late") << 40 << 30 << 40;
}

// A cycle that comes late (a loaded machine) finds several frames at once; the earpiece, run dry
// meanwhile, gets them all and from then on plays that much later, frame after frame, for the rest of the
// call. The mixer sheds that standing delay: within a second the bursts the far end says are heard as soon
// after they were said as before, all of them. On time, nothing is shed.
void tst_CallAudioMixer::lateCycleDelayIsShed()
{
    QFETCH(int, bufferMs);
    QFETCH(int, startMs);
    QFETCH(int, lateMs);
    constexpr int Rate = 48000;
    qint64 deviceNs = 0; // the earpiece's clock, which the test moves as a late thread would find it
    BufferAgentAudioIo *io = nullptr;
    CallAudioMixer mixer(
        [&]() -> std::unique_ptr<AgentAudioIo> {
            auto twin = std::make_unique<BufferAgentAudioIo>(Rate, std::size_t(Rate / 1000 * bufferMs),
                                                             std::size_t(Rate / 1000 * startMs));
            twin->setClock([&deviceNs] { return deviceNs; });
            io = twin.get();
            return twin;
        },
        CallAudioMixer::Drive::Stepped);
    mixer.start();
    auto line = std::make_shared<LineAudioEndpoint>(LineRate, QStringLiteral("frames"));
    mixer.addBridge(1, line, CallAudioBridge::Active, nullptr);
    QVERIFY(io);

    // Frame n is the far end's line time n*20 ms to (n+1)*20 ms, sent when it is over; every tenth one
    // is a 1 kHz burst, the rest silence.
    constexpr int Frames = 150;
    constexpr int LateAt = 50;
    const int lateFrames = lateMs / FrameMs;
    std::vector<int> bursts;
    const auto frameAt = [&](int n) {
        std::vector<int16_t> frame(FrameSamples, 0);
        if (n % 10 == 5) {
            for (std::size_t i = 0; i < frame.size(); ++i)
                frame[i] = int16_t(12000 * std::sin(2 * M_PI * 1000.0 * double(i) / LineRate));
            bursts.push_back(n);
        }
        return frame;
    };
    constexpr qint64 FrameNs = qint64(FrameMs) * 1'000'000;
    for (int n = 0; n < Frames; ++n) {
        line->fromLine.write(frameAt(n));
        if (lateFrames > 0 && n >= LateAt && n < LateAt + lateFrames)
            continue; // no cycle: the mixer's thread is late
        deviceNs = qint64(n + 1) * FrameNs;
        mixer.advanceTo(deviceNs); // the late cycle runs the ones missed at once
    }
    const std::vector<std::size_t> onsets = burstOnsets(io->takePlayed());
    QCOMPARE(onsets.size(), bursts.size());
    // Each burst's delay: from the moment it was said on the line to the moment the earpiece played it.
    std::vector<double> delays;
    for (std::size_t i = 0; i < onsets.size(); ++i)
        delays.push_back(double(onsets[i]) * 1000.0 / Rate - double(bursts[i]) * FrameMs);
    QString figures;
    for (const double d : delays)
        figures += QString::number(d, 'f', 1) + QLatin1Char(' ');
    figures += QStringLiteral("ms; shed %1 ms").arg(double(mixer.shedSamples()) * 1000.0 / Rate, 0, 'f', 1);
    qInfo().noquote() << figures;
    // Before the late cycle the delay is steady; a second after it (shed within a window or two) it is
    // back within ShedKeepMs and a millisecond of what it was.
    const double before = delays[std::size_t(LateAt / 10) - 1];
    for (int i = 0; i < LateAt / 10; ++i)
        QVERIFY2(std::abs(delays[std::size_t(i)] - before) < 1.5, qPrintable(figures));
    const int settledFrom = (LateAt + lateFrames) / 10 + 1 + 1000 / (10 * FrameMs);
    for (std::size_t i = std::size_t(settledFrom); i < delays.size(); ++i)
        QVERIFY2(delays[i] <= before + CallAudioMixer::ShedKeepMs + 1.0, qPrintable(figures));
    if (lateFrames == 0)
        QCOMPARE(mixer.shedSamples(), quint64(0)); // nothing is dropped from a call on time
    mixer.shutdown();
}

QTEST_GUILESS_MAIN(tst_CallAudioMixer)
#include "tst_call_audio_mixer.moc"
