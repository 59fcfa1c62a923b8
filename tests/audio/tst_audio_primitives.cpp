// The bridge's building blocks without a sound server: the lock-free ring (wrap, full, empty, discard, a
// writer and a reader on two threads) and the libsoxr resampler (a tone keeps its level and frequency over
// 8 kHz -> 48 kHz -> 8 kHz, the real-time delay is small, equal rates copy).
#include "ToneAnalysis.h"

#include "audio/DeviceSampleFormat.h"
#include "audio/PlaybackMix.h"
#include "audio/Resampler.h"
#include "providers/AudioRingBuffer.h"

#include <QtTest/qtest.h>

#include <algorithm>
#include <cstring>
#include <numeric>
#include <thread>
#include <vector>

class tst_AudioPrimitives : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Device sample formats: Int16 survives a round trip through each format to within its resolution,
    // and the extremes map to the format's own extremes.
    void deviceSampleFormatRoundTrip_data()
    {
        QTest::addColumn<int>("format");
        QTest::addColumn<int>("tolerance");
        QTest::newRow("uint8") << int(QAudioFormat::UInt8) << 256;
        QTest::newRow("int16") << int(QAudioFormat::Int16) << 0;
        QTest::newRow("int32") << int(QAudioFormat::Int32) << 0;
        QTest::newRow("float") << int(QAudioFormat::Float) << 1;
    }
    void deviceSampleFormatRoundTrip()
    {
        QFETCH(int, format);
        QFETCH(int, tolerance);
        const auto sampleFormat = QAudioFormat::SampleFormat(format);
        for (int value : {-32768, -12345, -1, 0, 1, 1000, 32767}) {
            char sample[4] = {};
            DeviceSampleFormat::fromInt16(int16_t(value), sample, sampleFormat);
            const int back = DeviceSampleFormat::toInt16(sample, sampleFormat);
            QVERIFY2(std::abs(back - value) <= tolerance,
                     qPrintable(QStringLiteral("%1 came back as %2").arg(value).arg(back)));
        }
        char sample[4] = {};
        DeviceSampleFormat::fromInt16(32767, sample, sampleFormat);
        if (sampleFormat == QAudioFormat::UInt8)
            QCOMPARE(uint8_t(sample[0]), uint8_t(255));
        if (sampleFormat == QAudioFormat::Float) {
            float real = 0;
            std::memcpy(&real, sample, sizeof real);
            QVERIFY(real > 0.999f && real <= 1.0f);
        }
    }

    void ringRoundsCapacityUp_data()
    {
        QTest::addColumn<int>("asked");
        QTest::addColumn<int>("capacity");
        QTest::newRow("power of two") << 64 << 64;
        QTest::newRow("one more") << 65 << 128;
        QTest::newRow("half a second at 8 kHz") << 4000 << 4096;
    }

    void ringRoundsCapacityUp()
    {
        QFETCH(int, asked);
        QFETCH(int, capacity);
        AudioRingBuffer ring(asked);
        QCOMPARE(int(ring.capacity()), capacity);
        QCOMPARE(int(ring.available()), 0);
        QCOMPARE(int(ring.freeSpace()), capacity);
    }

    void ringEmptyGivesNothing()
    {
        AudioRingBuffer ring(16);
        std::vector<int16_t> out(8, 7);
        QCOMPARE(int(ring.read(out)), 0);
        QCOMPARE(out, std::vector<int16_t>(8, 7)); // untouched: the reader pads, not the ring
    }

    void ringFullRefusesTheRest()
    {
        AudioRingBuffer ring(16);
        std::vector<int16_t> in(20);
        std::iota(in.begin(), in.end(), int16_t(1));
        QCOMPARE(int(ring.write(in)), 16);
        QCOMPARE(int(ring.freeSpace()), 0);
        QCOMPARE(int(ring.write(in)), 0);
        std::vector<int16_t> out(20, 0);
        QCOMPARE(int(ring.read(out)), 16);
        QCOMPARE(std::vector<int16_t>(out.begin(), out.begin() + 16),
                 std::vector<int16_t>(in.begin(), in.begin() + 16));
    }

    void ringWrapsAround()
    {
        AudioRingBuffer ring(16);
        int16_t next = 0;
        int16_t expected = 0;
        // Blocks of 5 through a ring of 16: every position and the wrap are crossed many times.
        for (int round = 0; round < 50; ++round) {
            std::vector<int16_t> in(5);
            for (int16_t &s : in)
                s = next++;
            QCOMPARE(int(ring.write(in)), 5);
            std::vector<int16_t> out(5);
            QCOMPARE(int(ring.read(out)), 5);
            for (int16_t s : out)
                QCOMPARE(s, expected++);
        }
        QCOMPARE(int(ring.available()), 0);
    }

    void ringDiscardForgetsWhatWasWritten()
    {
        AudioRingBuffer ring(16);
        const std::vector<int16_t> in(10, 3);
        ring.write(in);
        ring.discard();
        QCOMPARE(int(ring.available()), 0);
        QCOMPARE(int(ring.freeSpace()), 16);
        const std::vector<int16_t> fresh {9, 8};
        ring.write(fresh);
        std::vector<int16_t> out(4);
        QCOMPARE(int(ring.read(out)), 2);
        QCOMPARE(out[0], int16_t(9));
        QCOMPARE(out[1], int16_t(8));
    }

    void ringTwoThreadsKeepOrder()
    {
        // A writer and a reader on their own threads with odd block sizes: every sample arrives once and
        // in order (a missing acquire/release or a wrong index shows as a gap or a repeat).
        AudioRingBuffer ring(256);
        constexpr int total = 300'000;
        std::thread writer([&] {
            int value = 0;
            std::vector<int16_t> block(37);
            while (value < total) {
                const int n = std::min<int>(int(block.size()), total - value);
                for (int i = 0; i < n; ++i)
                    block[size_t(i)] = int16_t(value + i);
                std::size_t done = 0;
                while (done < std::size_t(n))
                    done += ring.write(std::span<const int16_t>(block).subspan(done, std::size_t(n) - done));
                value += n;
            }
        });
        int expected = 0;
        bool inOrder = true;
        std::vector<int16_t> out(53);
        while (expected < total && inOrder) {
            const std::size_t got = ring.read(out);
            for (std::size_t i = 0; i < got; ++i) {
                if (out[i] != int16_t(expected)) {
                    inOrder = false;
                    break;
                }
                ++expected;
            }
        }
        writer.join();
        QVERIFY2(inOrder, qPrintable(QStringLiteral("sample %1 out of order").arg(expected)));
        QCOMPARE(expected, total);
    }

    void resamplerKeepsToneThroughARoundTrip_data()
    {
        QTest::addColumn<double>("frequency");
        QTest::addColumn<double>("level");
        QTest::addColumn<int>("blockMs");
        QTest::addColumn<double>("toleranceDb");
        QTest::newRow("1 kHz at -6 dBFS, 10 ms blocks") << 1000.0 << -6.0 << 10 << 0.5;
        QTest::newRow("440 Hz at -20 dBFS, 3 ms blocks") << 440.0 << -20.0 << 3 << 0.5;
        // Near the telephone band's edge the voice filter's roll-off begins (two passes here).
        QTest::newRow("3 kHz at -12 dBFS, 20 ms blocks") << 3000.0 << -12.0 << 20 << 1.0;
    }

    void resamplerKeepsToneThroughARoundTrip()
    {
        QFETCH(double, frequency);
        QFETCH(double, level);
        QFETCH(int, blockMs);
        QFETCH(double, toleranceDb);
        const QByteArray tone = ToneAnalysis::sine(frequency, level, 8000, 1.0);
        const auto in = ToneAnalysis::samplesOf(tone);

        Resampler up(8000, 48000);
        Resampler down(48000, 8000);
        QVERIFY2(up.isValid(), qPrintable(up.errorString()));
        QVERIFY2(down.isValid(), qPrintable(down.errorString()));
        std::vector<int16_t> wide;
        std::vector<int16_t> back;
        const std::size_t block = std::size_t(8 * blockMs);
        for (std::size_t at = 0; at < in.size(); at += block) {
            const std::size_t start = wide.size();
            up.process(in.subspan(at, std::min(block, in.size() - at)), wide);
            down.process(std::span<const int16_t>(wide).subspan(start), back);
        }
        // About six times as many samples at 48 kHz, give or take the filters' delay.
        QVERIFY2(qAbs(double(wide.size()) - 6.0 * double(in.size())) < 48000 * 0.02,
                 qPrintable(QStringLiteral("%1 samples at 48 kHz").arg(wide.size())));
        // Measure after the start-up transient.
        const auto wideSteady = std::span<const int16_t>(wide).subspan(48000 / 10, 48000 / 2);
        const auto backSteady = std::span<const int16_t>(back).subspan(8000 / 10, 8000 / 2);
        const double wideLevel = ToneAnalysis::levelDbfs(wideSteady, frequency, 48000);
        const double backLevel = ToneAnalysis::levelDbfs(backSteady, frequency, 8000);
        QVERIFY2(qAbs(wideLevel - level) < toleranceDb,
                 qPrintable(QStringLiteral("48 kHz: %1 dBFS").arg(wideLevel)));
        QVERIFY2(qAbs(backLevel - level) < toleranceDb,
                 qPrintable(QStringLiteral("8 kHz: %1 dBFS").arg(backLevel)));
        // Same frequency: a tone a little off is far weaker in the output than the one that went in.
        QVERIFY(ToneAnalysis::levelDbfs(backSteady, frequency * 1.15, 8000) < level - 20.0);
        QVERIFY(ToneAnalysis::levelDbfs(wideSteady, frequency * 1.15, 48000) < level - 20.0);
    }

    void resamplerDelayIsSmall()
    {
        // The real-time quality must add only a few milliseconds; the bridge's 20 ms budget depends on it.
        Resampler up(8000, 48000, Resampler::Voice);
        std::vector<int16_t> out;
        const QByteArray tone = ToneAnalysis::sine(1000.0, -6.0, 8000, 0.1);
        up.process(ToneAnalysis::samplesOf(tone), out);
        const double delayMs = up.delay() * 1000.0 / 48000.0;
        QVERIFY2(delayMs > 0.0 && delayMs < 5.0, qPrintable(QStringLiteral("delay %1 ms").arg(delayMs)));

        Resampler down(48000, 8000, Resampler::Voice);
        std::vector<int16_t> narrow;
        const QByteArray wide = ToneAnalysis::sine(1000.0, -6.0, 48000, 0.1);
        down.process(ToneAnalysis::samplesOf(wide), narrow);
        const double downMs = down.delay() * 1000.0 / 8000.0;
        QVERIFY2(downMs > 0.0 && downMs < 5.0, qPrintable(QStringLiteral("delay %1 ms").arg(downMs)));
    }

    // Digital silence stays silent both ways on the real-time paths: no dither noise. The line is 8-bit
    // companded speech, so dither buys nothing there, and it cost a random number per sample in every cycle.
    void resamplerVoiceKeepsSilenceSilent_data()
    {
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("to");
        QTest::newRow("8 -> 48 kHz") << 8000 << 48000;
        QTest::newRow("48 -> 8 kHz") << 48000 << 8000;
        QTest::newRow("16 -> 48 kHz") << 16000 << 48000;
    }

    void resamplerVoiceKeepsSilenceSilent()
    {
        QFETCH(int, from);
        QFETCH(int, to);
        Resampler converter(from, to, Resampler::Voice);
        QVERIFY2(converter.isValid(), qPrintable(converter.errorString()));
        const std::vector<int16_t> silence(std::size_t(from / 50), 0); // 20 ms
        std::vector<int16_t> out;
        for (int i = 0; i < 50; ++i)
            converter.process(silence, out);
        QVERIFY(out.size() > std::size_t(to / 2));
        const auto loud = std::find_if(out.begin(), out.end(), [](int16_t v) { return v != 0; });
        QVERIFY2(loud == out.end(),
                 qPrintable(QStringLiteral("sample %1 is %2")
                                .arg(loud - out.begin())
                                .arg(loud == out.end() ? 0 : int(*loud))));
    }

    void resamplerEqualRatesCopy()
    {
        Resampler same(16000, 16000);
        QVERIFY(same.isValid());
        std::vector<int16_t> in(321);
        std::iota(in.begin(), in.end(), int16_t(-100));
        std::vector<int16_t> out {42};
        same.process(in, out);
        QCOMPARE(out.size(), in.size() + 1);
        QCOMPARE(out.front(), int16_t(42)); // appended, not replaced
        QVERIFY(std::equal(in.begin(), in.end(), out.begin() + 1));
        QCOMPARE(same.delay(), 0.0);
    }

    void mixOneCallGoesOutAtOnce()
    {
        PlaybackMix mix;
        mix.setLimits(20, 100);
        const std::vector<int16_t> block {1, 2, 3, 4, 5};
        mix.add(7, block);
        QCOMPARE(int(mix.ready()), 5);
        std::vector<int16_t> out;
        mix.take(3, out); // the earpiece takes what it has room for
        QCOMPARE(out, (std::vector<int16_t> {1, 2, 3}));
        mix.take(10, out);
        QCOMPARE(out, (std::vector<int16_t> {4, 5}));
        QCOMPARE(int(mix.queued()), 0);
    }

    void mixLinesUpCallsThatArriveInBursts_data()
    {
        // Two calls deliver blocks of `burst` samples, the second `offset` samples later than the first;
        // the earpiece takes 4 samples a step. Every call's samples must come out in order, added, with no
        // gap: output sample k is 1 (first call) + 10 (second call) once both are running.
        QTest::addColumn<int>("burst");
        QTest::addColumn<int>("offset");
        QTest::newRow("same phase") << 8 << 0;
        QTest::newRow("half a burst apart") << 8 << 4;
        QTest::newRow("bursts of 12, 5 apart") << 12 << 5;
    }

    void mixLinesUpCallsThatArriveInBursts()
    {
        QFETCH(int, burst);
        QFETCH(int, offset);
        PlaybackMix mix;
        mix.setLimits(std::size_t(burst * 2), 1000);
        std::vector<int16_t> out;
        std::vector<int16_t> played;
        const std::vector<int16_t> first(std::size_t(burst), 1);
        const std::vector<int16_t> second(std::size_t(burst), 10);
        mix.add(1, first); // the first call starts alone
        for (int step = 0; step < 200; ++step) {
            if (step % burst == 0 && step > 0)
                mix.add(1, first);
            if (step % burst == offset % burst)
                mix.add(2, second);
            mix.take(4, out);
            played.insert(played.end(), out.begin(), out.end());
        }
        // After the second call joined, every sample holds both calls: nothing was cut apart.
        const auto joined = std::find(played.begin(), played.end(), int16_t(11));
        QVERIFY(joined != played.end());
        QVERIFY(std::all_of(joined, played.end(), [](int16_t s) { return s == 11; }));
        QVERIFY(played.end() - joined > 100);
    }

    void mixDoesNotWaitForAStalledCall()
    {
        PlaybackMix mix;
        mix.setLimits(8, 1000);
        mix.add(1, std::vector<int16_t>(4, 1));
        mix.add(2, std::vector<int16_t>(4, 10));
        std::vector<int16_t> out;
        mix.take(4, out);
        QCOMPARE(out, std::vector<int16_t>(4, 11));
        // Call 2 stops delivering; call 1 goes on. Within the alignment window the mix waits for call 2 ...
        mix.add(1, std::vector<int16_t>(8, 1));
        QCOMPARE(int(mix.ready()), 0);
        // ... beyond it call 1 plays alone.
        mix.add(1, std::vector<int16_t>(4, 1));
        QCOMPARE(int(mix.ready()), 12);
        mix.take(12, out);
        QCOMPARE(out, std::vector<int16_t>(12, 1));
    }

    void mixCapDropsTheOldest()
    {
        PlaybackMix mix;
        mix.setLimits(0, 10);
        std::vector<int16_t> ramp(25);
        std::iota(ramp.begin(), ramp.end(), int16_t(0));
        mix.add(1, ramp);
        std::vector<int16_t> out;
        mix.take(0, out); // an earpiece with no room
        QCOMPARE(int(mix.queued()), 10);
        mix.take(3, out);
        QCOMPARE(out, (std::vector<int16_t> {15, 16, 17})); // the newest 10 were kept
    }

    // A standing delay shed (CallAudioMixer after a late cycle): the samples go from the front as they are
    // ready, never from a call's part still waited for, and the audio after the cut fades in over what it
    // replaces instead of jumping.
    void mixShedsFromTheReadyFrontWithAFade()
    {
        PlaybackMix mix;
        mix.setLimits(20, 1000);
        std::vector<int16_t> ramp(100);
        for (std::size_t i = 0; i < ramp.size(); ++i)
            ramp[i] = int16_t(10 * i);
        mix.add(1, ramp);
        mix.shed(30, 4);
        QCOMPARE(int(mix.pendingShed()), 30);
        std::vector<int16_t> out;
        mix.take(10, out);
        // 0, 10, 20, 30 fade into 300, 310, 320, 330 (weights 1/5 to 4/5), then 340 onwards.
        QCOMPARE(out, (std::vector<int16_t> {60, 130, 200, 270, 340, 350, 360, 370, 380, 390}));
        QCOMPARE(int(mix.pendingShed()), 0);
        QCOMPARE(int(mix.shedTotal()), 30);
        QCOMPARE(int(mix.queued()), 60);

        PlaybackMix two;
        two.setLimits(20, 1000);
        two.add(1, std::vector<int16_t>(30, 1));
        two.add(2, std::vector<int16_t>(20, 10)); // call 2 is behind, within the alignment window
        two.shed(50, 4);
        two.take(0, out);
        // Only the 20 ready samples less the fade could go; the rest waits for more ready audio.
        QCOMPARE(int(two.shedTotal()), 16);
        QCOMPARE(int(two.pendingShed()), 34);
        QCOMPARE(int(two.queued()), 14);
        two.add(2, std::vector<int16_t>(10, 10)); // call 2 catches up: 14 ready now
        two.take(0, out);
        QCOMPARE(int(two.shedTotal()), 26);
        QCOMPARE(int(two.queued()), 4);
    }

    void mixSaturates()
    {
        PlaybackMix mix;
        mix.setLimits(0, 100);
        mix.add(1, std::vector<int16_t> {30000, -30000});
        mix.add(2, std::vector<int16_t> {30000, -30000});
        std::vector<int16_t> out;
        mix.take(2, out);
        QCOMPARE(out, (std::vector<int16_t> {32767, -32768}));
    }

    void resamplerRefusesBadRates()
    {
        Resampler bad(0, 8000);
        QVERIFY(!bad.isValid());
        QVERIFY(bad.errorString().contains(QLatin1String("0 Hz")));
    }
};

QTEST_GUILESS_MAIN(tst_AudioPrimitives)
#include "tst_audio_primitives.moc"
