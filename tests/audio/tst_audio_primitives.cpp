// The bridge's building blocks without a sound server: the lock-free ring (wrap, full, empty, discard, a
// writer and a reader on two threads) and the libsoxr resampler (a tone keeps its level and frequency over
// 8 kHz -> 48 kHz -> 8 kHz, the real-time delay is small, equal rates copy).
#include "ToneAnalysis.h"

#include "audio/AudioRingBuffer.h"
#include "audio/Resampler.h"

#include <QtTest/qtest.h>

#include <numeric>
#include <thread>
#include <vector>

class tst_AudioPrimitives : public QObject
{
    Q_OBJECT

private Q_SLOTS:
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

    void resamplerRefusesBadRates()
    {
        Resampler bad(0, 8000);
        QVERIFY(!bad.isValid());
        QVERIFY(bad.errorString().contains(QLatin1String("0 Hz")));
    }
};

QTEST_GUILESS_MAIN(tst_AudioPrimitives)
#include "tst_audio_primitives.moc"
