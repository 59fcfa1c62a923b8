// Music on hold is decoded once per line rate; in the console on a worker thread, so the GUI thread that
// connects a call never decodes a (up to 64 MB) file: it gets nothing at once and the samples later,
// through a queued signal. In virtual time (headless) it is decoded inline, for repeatable runs.

#include "audio/MusicOnHoldCache.h"

#include <QtCore/qendian.h>
#include <QtCore/qfile.h>
#include <QtCore/qtemporarydir.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

#include <cmath>

namespace {
// A 16-bit PCM WAV of a 600 Hz tone, written by hand (the test needs no sound library).
bool writeWav(const QString &path, int rate, int channels, double seconds)
{
    const quint32 frames = quint32(rate * seconds);
    QByteArray data;
    data.reserve(int(frames) * channels * 2);
    for (quint32 i = 0; i < frames; ++i) {
        const qint16 sample = qint16(8000 * std::sin(2 * M_PI * 600.0 * i / rate));
        for (int c = 0; c < channels; ++c)
            data.append(reinterpret_cast<const char *>(&sample), 2); // little-endian hosts
    }
    auto le32 = [](quint32 v) {
        v = qToLittleEndian(v);
        return QByteArray(reinterpret_cast<const char *>(&v), 4);
    };
    auto le16 = [](quint16 v) {
        v = qToLittleEndian(v);
        return QByteArray(reinterpret_cast<const char *>(&v), 2);
    };
    QByteArray wav = "RIFF" + le32(36 + quint32(data.size())) + "WAVEfmt " + le32(16) + le16(1)
        + le16(quint16(channels)) + le32(quint32(rate)) + le32(quint32(rate * channels * 2))
        + le16(quint16(channels * 2)) + le16(16) + "data" + le32(quint32(data.size())) + data;
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(wav) == wav.size();
}
} // namespace

class TestMusicOnHoldCache : public QObject
{
    Q_OBJECT

private slots:
    void decodesOnAWorkerOnce()
    {
        QTemporaryDir dir;
        const QString music = dir.filePath(QStringLiteral("music.wav"));
        QVERIFY(writeWav(music, 44100, 2, 20.0));
        MusicOnHoldCache cache(MusicOnHoldCache::Decoding::OnWorker);
        QThread *decodingThread = nullptr;
        int decodes = 0;
        connect(
            &cache, &MusicOnHoldCache::decodeStarted, this,
            [&](const QString &, int) {
                decodingThread = QThread::currentThread();
                ++decodes;
            },
            Qt::DirectConnection);
        QSignalSpy ready(&cache, &MusicOnHoldCache::ready);
        QSignalSpy failed(&cache, &MusicOnHoldCache::failed);
        QCOMPARE(cache.samples(music, 8000), nullptr); // nothing yet: the caller does not wait
        QCOMPARE(cache.samples(music, 8000), nullptr); // asked again while decoding: no second decode
        QVERIFY(ready.wait(20000));
        QCOMPARE(ready.size(), 1);
        QVERIFY(failed.isEmpty());
        QVERIFY(decodingThread);
        QVERIFY(decodingThread != QThread::currentThread());
        QCOMPARE(ready.at(0).at(0).toString(), music);
        QCOMPARE(ready.at(0).at(1).toInt(), 8000);
        const MusicOnHoldCache::Samples samples = cache.samples(music, 8000);
        QVERIFY(samples);
        QVERIFY(qAbs(qint64(samples->size()) - 160000) <= 16); // 20 s at 8 kHz, mono
        QCOMPARE(cache.samples(music, 8000), samples); // cached: the same samples, no decode
        QCOMPARE(decodes, 1);
        // Another line rate is decoded once more; a new file replaces the old one's samples.
        QCOMPARE(cache.samples(music, 16000), nullptr);
        QVERIFY(ready.wait(20000));
        QCOMPARE(decodes, 2);
        QVERIFY(cache.samples(music, 16000));
    }

    void unreadableFileFailsOnce()
    {
        QTemporaryDir dir;
        const QString bad = dir.filePath(QStringLiteral("not-music.wav"));
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a sound");
        file.close();
        MusicOnHoldCache cache(MusicOnHoldCache::Decoding::OnWorker);
        QSignalSpy failed(&cache, &MusicOnHoldCache::failed);
        QSignalSpy started(&cache, &MusicOnHoldCache::decodeStarted);
        QCOMPARE(cache.samples(bad, 8000), nullptr);
        QVERIFY(failed.wait(20000));
        QCOMPARE(failed.at(0).at(0).toString(), bad);
        QVERIFY(!failed.at(0).at(2).toString().isEmpty());
        QCOMPARE(cache.samples(bad, 8000), nullptr);
        QCOMPARE(started.size(), 1); // the failure is remembered, not retried for every held call
    }

    void inlineForVirtualTime()
    {
        QTemporaryDir dir;
        const QString music = dir.filePath(QStringLiteral("music.wav"));
        QVERIFY(writeWav(music, 8000, 1, 1.0));
        MusicOnHoldCache cache(MusicOnHoldCache::Decoding::Inline);
        QThread *decodingThread = nullptr;
        connect(
            &cache, &MusicOnHoldCache::decodeStarted, this,
            [&](const QString &, int) { decodingThread = QThread::currentThread(); }, Qt::DirectConnection);
        const MusicOnHoldCache::Samples samples = cache.samples(music, 8000);
        QVERIFY(samples);
        QCOMPARE(qint64(samples->size()), qint64(8000));
        QCOMPARE(decodingThread, QThread::currentThread());
    }
};

QTEST_GUILESS_MAIN(TestMusicOnHoldCache)
#include "tst_music_on_hold_cache.moc"
