// Recorder: each format and layout reads back with libsndfile with the caller's 1 kHz on the left and the
// agent's 440 Hz on the right at their levels; files are 0600 with metadata; pause drops audio; a killed
// recorder leaves a readable WAV, FLAC or Ogg/Opus file that RecordingRepair completes; a size-limited or
// uncreatable file fails with a message naming it.
#include "ToneAnalysis.h"

#include "audio/Recorder.h"
#include "audio/RecordingRepair.h"

#include <QtCore/qfileinfo.h>
#include <QtCore/qprocess.h>
#include <QtCore/qtemporarydir.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

#include <sndfile.h>

#include <algorithm>

namespace {

constexpr int rate = 8000;

struct ReadBack
{
    SF_INFO info {};
    QByteArray left;
    QByteArray right;
    QString title;
    QString comment;
};

ReadBack readBack(const QString &path)
{
    ReadBack result;
    SNDFILE *file = sf_open(QFile::encodeName(path).constData(), SFM_READ, &result.info);
    if (!file)
        return result;
    // Read to the end whatever the header says (a killed FLAC file's total is 0 or unknown).
    std::vector<int16_t> frames;
    std::vector<int16_t> chunk(size_t(4096) * size_t(std::max(result.info.channels, 1)));
    sf_count_t got = 0;
    for (sf_count_t n; (n = sf_readf_short(file, chunk.data(), 4096)) > 0; got += n)
        frames.insert(frames.end(), chunk.begin(), chunk.begin() + n * result.info.channels);
    result.left.resize(got * 2);
    result.right.resize(result.info.channels == 2 ? got * 2 : 0);
    auto *left = reinterpret_cast<int16_t *>(result.left.data());
    auto *right = reinterpret_cast<int16_t *>(result.right.data());
    for (sf_count_t i = 0; i < got; ++i) {
        left[i] = frames[size_t(i * result.info.channels)];
        if (result.info.channels == 2)
            right[i] = frames[size_t(i * 2 + 1)];
    }
    if (const char *title = sf_get_string(file, SF_STR_TITLE))
        result.title = QString::fromUtf8(title);
    if (const char *comment = sf_get_string(file, SF_STR_COMMENT))
        result.comment = QString::fromUtf8(comment);
    sf_close(file);
    return result;
}

void writeTones(Recorder &recorder, double seconds)
{
    const QByteArray caller = ToneAnalysis::sine(1000.0, -6.0, rate, seconds);
    const QByteArray agent = ToneAnalysis::sine(440.0, -12.0, rate, seconds);
    const auto c = ToneAnalysis::samplesOf(caller);
    const auto a = ToneAnalysis::samplesOf(agent);
    constexpr size_t block = rate / 50;
    for (size_t at = 0; at < c.size(); at += block) {
        const size_t n = std::min(block, c.size() - at);
        recorder.write(c.subspan(at, n), a.subspan(at, n));
    }
}

} // namespace

class tst_Recorder : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void formats_data()
    {
        QTest::addColumn<Recorder::Format>("format");
        QTest::addColumn<Recorder::Layout>("layout");
        QTest::addColumn<int>("majorFormat");
        QTest::addColumn<double>("tolerance"); // dB; Opus is lossy
        QTest::newRow("wav stereo") << Recorder::Wav << Recorder::CallerLeftAgentRight << int(SF_FORMAT_WAV)
                                    << 0.5;
        QTest::newRow("wav mono") << Recorder::Wav << Recorder::MonoMix << int(SF_FORMAT_WAV) << 0.5;
        QTest::newRow("flac stereo") << Recorder::Flac << Recorder::CallerLeftAgentRight
                                     << int(SF_FORMAT_FLAC) << 0.5;
        QTest::newRow("ogg opus stereo")
            << Recorder::OggOpus << Recorder::CallerLeftAgentRight << int(SF_FORMAT_OGG) << 2.0;
    }

    void formats()
    {
        QFETCH(Recorder::Format, format);
        QFETCH(Recorder::Layout, layout);
        QFETCH(int, majorFormat);
        QFETCH(double, tolerance);
        const QString path = m_dir.filePath(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-'));
        Recorder recorder;
        QSignalSpy states(&recorder, &Recorder::stateChanged);
        const Recorder::Metadata metadata {QStringLiteral("Call with 5551234"),
                                           QDateTime(QDate(2024, 5, 1), QTime(9, 30), Qt::UTC),
                                           QStringLiteral("5551234"), QStringLiteral("200")};
        QVERIFY(recorder.start(path, format, layout, rate, metadata));
        writeTones(recorder, 1.0);
        recorder.stop();
        QCOMPARE(states.size(), 2);
        QCOMPARE(states.at(0).at(0).value<Recorder::State>(), Recorder::Recording);
        QCOMPARE(states.at(1).at(0).value<Recorder::State>(), Recorder::Finished);
        QCOMPARE(QFileInfo(path).permissions() & 0x7777,
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser
                     | QFileDevice::WriteUser);

        const ReadBack file = readBack(path);
        QCOMPARE(file.info.format & SF_FORMAT_TYPEMASK, majorFormat);
        QCOMPARE(file.info.samplerate, rate);
        QVERIFY2(qAbs(file.info.frames - rate) < rate / 20, qPrintable(QString::number(file.info.frames)));
        if (layout == Recorder::CallerLeftAgentRight) {
            QCOMPARE(file.info.channels, 2);
            QVERIFY(qAbs(ToneAnalysis::peakLevelDbfs(file.left, 1000.0, rate) + 6.0) < tolerance);
            QVERIFY(ToneAnalysis::peakLevelDbfs(file.left, 440.0, rate) < -40.0);
            QVERIFY(qAbs(ToneAnalysis::peakLevelDbfs(file.right, 440.0, rate) + 12.0) < tolerance);
            QVERIFY(ToneAnalysis::peakLevelDbfs(file.right, 1000.0, rate) < -40.0);
        } else {
            QCOMPARE(file.info.channels, 1);
            // The mix halves each side.
            QVERIFY(qAbs(ToneAnalysis::peakLevelDbfs(file.left, 1000.0, rate) + 12.0) < tolerance);
            QVERIFY(qAbs(ToneAnalysis::peakLevelDbfs(file.left, 440.0, rate) + 18.0) < tolerance);
        }
        qint64 frames = 0; // a finished file needs no repair
        QCOMPARE(RecordingRepair::repair(path, &frames), RecordingRepair::Result::Intact);
        if (format != Recorder::OggOpus)
            QCOMPARE(frames, qint64(file.info.frames));
        if (format != Recorder::OggOpus) {
            QCOMPARE(file.title, metadata.title);
            QCOMPARE(file.comment, QStringLiteral("caller 5551234, called 200"));
        }
    }

    void pauseDropsAudio()
    {
        const QString path = m_dir.filePath(QStringLiteral("paused.wav"));
        Recorder recorder;
        QSignalSpy states(&recorder, &Recorder::stateChanged);
        QVERIFY(recorder.start(path, Recorder::Wav, Recorder::CallerLeftAgentRight, rate, {}));
        writeTones(recorder, 0.5);
        recorder.pause();
        writeTones(recorder, 0.5); // the card number
        recorder.resume();
        writeTones(recorder, 0.25);
        recorder.stop();
        const QList<Recorder::State> expected {Recorder::Recording, Recorder::Paused, Recorder::Recording,
                                               Recorder::Finished};
        QCOMPARE(states.size(), expected.size());
        for (int i = 0; i < expected.size(); ++i)
            QCOMPARE(states.at(i).at(0).value<Recorder::State>(), expected.at(i));
        QCOMPARE(readBack(path).info.frames, sf_count_t(rate * 3 / 4));
    }

    void cannotCreate_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("existsBefore");
        QTest::newRow("missing folder") << QStringLiteral("no/such/folder/call.wav") << false;
        QTest::newRow("folder is a file") << QStringLiteral("plain-file/call.wav") << false;
        QTest::newRow("file exists, not overwritten") << QStringLiteral("earlier.wav") << true;
    }

    void cannotCreate()
    {
        QFETCH(QString, path);
        QFETCH(bool, existsBefore);
        QFile plain(m_dir.filePath(QStringLiteral("plain-file")));
        QVERIFY(plain.open(QIODevice::WriteOnly));
        plain.close();
        const QString full = m_dir.filePath(path);
        if (existsBefore) {
            QFile earlier(full);
            QVERIFY(earlier.open(QIODevice::WriteOnly));
            earlier.write("an earlier recording");
        }
        Recorder recorder;
        QSignalSpy failed(&recorder, &Recorder::failed);
        QVERIFY(!recorder.start(full, Recorder::Wav, Recorder::CallerLeftAgentRight, rate, {}));
        QCOMPARE(failed.size(), 1);
        QVERIFY2(failed.at(0).at(0).toString().contains(full), qPrintable(failed.at(0).at(0).toString()));
        QCOMPARE(recorder.state(), Recorder::Failed);
        if (existsBefore) {
            QFile earlier(full);
            QVERIFY(earlier.open(QIODevice::ReadOnly));
            QCOMPARE(earlier.readAll(), QByteArray("an earlier recording"));
        }
        writeTones(recorder, 0.1); // the call goes on: writes after a failure are harmless
    }

    void headerIsOnDiskBeforeAnyAudio_data()
    {
        QTest::addColumn<Recorder::Format>("format");
        QTest::addColumn<QString>("name");
        QTest::newRow("wav") << Recorder::Wav << QStringLiteral("early.wav");
        QTest::newRow("flac") << Recorder::Flac << QStringLiteral("early.flac");
        // Ogg/Opus: libsndfile refuses a file of header pages alone ("malformed"), so this one opens only
        // after the repair the next start runs.
        QTest::newRow("ogg opus") << Recorder::OggOpus << QStringLiteral("early.opus");
    }

    // A console killed after a recording starts and before its first audio (the mixer's next block, 20 ms
    // or more later) leaves the file as it is now: it must open, empty (WAV, FLAC), or be made to open by
    // the repair (Ogg/Opus). libsndfile alone writes FLAC and Ogg/Opus headers only with the first audio.
    void headerIsOnDiskBeforeAnyAudio()
    {
        QFETCH(Recorder::Format, format);
        QFETCH(QString, name);
        const QString path = m_dir.filePath(name);
        Recorder recorder;
        QVERIFY(recorder.start(path, format, Recorder::CallerLeftAgentRight, rate,
                               {QStringLiteral("Early"), QDateTime::currentDateTime(), QStringLiteral("100"),
                                QStringLiteral("200")}));
        if (format == Recorder::OggOpus) {
            QCOMPARE(readBack(path).info.channels, 0); // header pages alone: libsndfile refuses the file
            qint64 frames = 0;
            QCOMPARE(RecordingRepair::repair(path, &frames), RecordingRepair::Result::Repaired);
            QCOMPARE(frames, qint64(rate / 50)); // one Opus frame of silence
        }
        const ReadBack now = readBack(path); // the recorder is still open, as at a kill
        QCOMPARE(now.info.channels, 2);
        QCOMPARE(now.info.samplerate, rate);
        if (format == Recorder::OggOpus)
            QCOMPARE(now.left.size() / 2, rate / 50);
        else
            QVERIFY(
                now.left.isEmpty()); // (a FLAC total of 0 reads as "unknown": info.frames is SF_COUNT_MAX)
        if (format != Recorder::Wav) // a WAV file's strings follow the audio, when it is closed
            QCOMPARE(now.title, QStringLiteral("Early"));
        QVERIFY(RecordingRepair::repair(path) != RecordingRepair::Result::Unreadable);
        recorder.stop();
    }

    // An Ogg/Opus recording killed before its first audio page (libsndfile writes one after about a second
    // of audio) holds its header pages, perhaps with the start of a page the kill cut short. The repair
    // rewrites it as a valid recording of 20 ms of silence with the same channels, rate and tags, in place.
    void oggHeaderPagesAloneAreRepaired_data()
    {
        QTest::addColumn<Recorder::Layout>("layout");
        QTest::addColumn<int>("sampleRate");
        QTest::addColumn<int>("cutShort"); // bytes of the first audio page left after the header pages
        QTest::newRow("stereo 8 kHz, header pages") << Recorder::CallerLeftAgentRight << 8000 << 0;
        QTest::newRow("mono 16 kHz, header pages") << Recorder::MonoMix << 16000 << 0;
        QTest::newRow("stereo 8 kHz, a page cut short") << Recorder::CallerLeftAgentRight << 8000 << 100;
    }

    void oggHeaderPagesAloneAreRepaired()
    {
        QFETCH(Recorder::Layout, layout);
        QFETCH(int, sampleRate);
        QFETCH(int, cutShort);
        const QString path = m_dir.filePath(
            QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-').replace(u',', u'-')
            + QStringLiteral(".opus"));
        {
            Recorder recorder;
            QVERIFY(recorder.start(path, Recorder::OggOpus, layout, sampleRate,
                                   {QStringLiteral("Cut short"), QDateTime::currentDateTime(),
                                    QStringLiteral("100"), QStringLiteral("200")}));
            const QByteArray tone = ToneAnalysis::sine(1000.0, -6.0, sampleRate, 2.0);
            const auto samples = ToneAnalysis::samplesOf(tone);
            for (size_t at = 0; at < samples.size(); at += size_t(sampleRate / 50))
                recorder.write(samples.subspan(at, size_t(sampleRate / 50)),
                               samples.subspan(at, size_t(sampleRate / 50)));
            recorder.stop();
        }
        // Where the header pages end: the first page with a granule position holds audio.
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        const QByteArray bytes = file.readAll();
        qsizetype audioAt = 0;
        while (audioAt + 27 <= bytes.size() && bytes.mid(audioAt, 4) == "OggS") {
            const auto *page = reinterpret_cast<const uchar *>(bytes.constData() + audioAt);
            qint64 granule = 0;
            for (int i = 7; i >= 0; --i)
                granule = granule << 8 | page[6 + i];
            if (granule != 0)
                break;
            qsizetype body = 0;
            for (int i = 0; i < page[26]; ++i)
                body += page[27 + i];
            audioAt += 27 + page[26] + body;
        }
        QVERIFY(audioAt > 0 && audioAt + cutShort < bytes.size());
        QVERIFY(file.resize(audioAt + cutShort));
        file.close();
        QCOMPARE(readBack(path).info.channels, 0); // libsndfile: "malformed"

        qint64 frames = 0;
        QCOMPARE(RecordingRepair::repair(path, &frames), RecordingRepair::Result::Repaired);
        const ReadBack repaired = readBack(path);
        QCOMPARE(repaired.info.format, SF_FORMAT_OGG | SF_FORMAT_OPUS);
        QCOMPARE(repaired.info.channels, layout == Recorder::CallerLeftAgentRight ? 2 : 1);
        QCOMPARE(repaired.info.samplerate, sampleRate);
        QCOMPARE(qint64(repaired.info.frames), frames);
        QCOMPARE(frames, qint64(sampleRate / 50));
        QCOMPARE(repaired.left.size() / 2, frames);
        const auto left = ToneAnalysis::samplesOf(repaired.left);
        QVERIFY(
            std::all_of(left.begin(), left.end(), [](int16_t s) { return qAbs(int(s)) < 16; })); // silence
        QCOMPARE(repaired.title, QStringLiteral("Cut short"));
        QCOMPARE(repaired.comment, QStringLiteral("caller 100, called 200"));
        QCOMPARE(QFileInfo(path).permissions() & 0x7777,
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser
                     | QFileDevice::WriteUser);
        QVERIFY(!QFileInfo::exists(path + QStringLiteral(".repairing")));
        QCOMPARE(RecordingRepair::repair(path), RecordingRepair::Result::Intact); // once is enough
    }

    // A recording stopped before any audio (paused from its start, or a call that ended at once) must
    // still open: an Ogg/Opus file closed with no audio would be header pages alone.
    void stoppedBeforeAnyAudioOpens_data()
    {
        QTest::addColumn<Recorder::Format>("format");
        QTest::addColumn<QString>("name");
        QTest::newRow("wav") << Recorder::Wav << QStringLiteral("nothing.wav");
        QTest::newRow("flac") << Recorder::Flac << QStringLiteral("nothing.flac");
        QTest::newRow("ogg opus") << Recorder::OggOpus << QStringLiteral("nothing.opus");
    }

    void stoppedBeforeAnyAudioOpens()
    {
        QFETCH(Recorder::Format, format);
        QFETCH(QString, name);
        const QString path = m_dir.filePath(name);
        Recorder recorder;
        QVERIFY(recorder.start(path, format, Recorder::MonoMix, rate, {}));
        recorder.pause();
        writeTones(recorder, 0.2); // dropped
        recorder.stop();
        const ReadBack file = readBack(path);
        QCOMPARE(file.info.channels, 1);
        QVERIFY(file.left.size() / 2 <= rate / 50);
        QCOMPARE(RecordingRepair::repair(path), RecordingRepair::Result::Intact);
    }

    void killedRecordingIsReadable_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<qint64>("framesBeforeRepair"); // at least, as the header says after the kill
        QTest::addColumn<double>("tolerance");
        // WAV: the header is rewritten after every write.
        QTest::newRow("wav") << QStringLiteral("killed.wav") << qint64(3 * rate) << 0.5;
        // FLAC: the total is updated each second to what is surely encoded (12288 frames behind).
        QTest::newRow("flac") << QStringLiteral("killed.flac") << qint64(3 * rate - 12288) << 0.5;
        // Ogg/Opus: no header; readers find the length from the last complete page.
        QTest::newRow("ogg opus") << QStringLiteral("killed.opus") << qint64(2 * rate) << 2.0;
    }

    void killedRecordingIsReadable()
    {
        QFETCH(QString, name);
        QFETCH(qint64, framesBeforeRepair);
        QFETCH(double, tolerance);
        const QString path = m_dir.filePath(name);
        QProcess child;
        child.start(QStringLiteral(RECORDER_CHILD), {QStringLiteral("run"), path});
        QVERIFY(child.waitForStarted());
        QByteArray output;
        connect(&child, &QProcess::readyReadStandardOutput, this,
                [&] { output += child.readAllStandardOutput(); });
        QTRY_VERIFY_WITH_TIMEOUT(output.contains("seconds 3\n"), 20000);
        child.kill(); // SIGKILL: no destructor, no sf_close
        QVERIFY(child.waitForFinished());
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);

        const ReadBack killed = readBack(path);
        QCOMPARE(killed.info.channels, 2);
        QVERIFY2(killed.info.frames >= framesBeforeRepair, qPrintable(QString::number(killed.info.frames)));
        QCOMPARE(sf_count_t(killed.left.size() / 2), killed.info.frames); // all of it decodes
        if (name.endsWith(QLatin1String(".wav"))) {
            // libsndfile reads a WAV whose data size is 0 to its end anyway; other players trust the size.
            QFile raw(path);
            QVERIFY(raw.open(QIODevice::ReadOnly));
            const QByteArray bytes = raw.readAll();
            const qsizetype data = bytes.indexOf("data");
            QVERIFY(data > 0);
            const auto *size = reinterpret_cast<const uchar *>(bytes.constData() + data + 4);
            const qint64 counted =
                qint64(size[0]) | qint64(size[1]) << 8 | qint64(size[2]) << 16 | qint64(size[3]) << 24;
            QCOMPARE(counted, bytes.size() - (data + 8));
        }

        // The next start repairs: the file then holds all the audio that reached the disk.
        qint64 frames = 0;
        const RecordingRepair::Result repaired = RecordingRepair::repair(path, &frames);
        QVERIFY(repaired != RecordingRepair::Result::Unreadable);
        const ReadBack file = readBack(path);
        qInfo("%s: %lld frames readable after the kill, %lld after the repair", qPrintable(name),
              qlonglong(killed.info.frames), qlonglong(file.info.frames));
        QCOMPARE(qint64(file.info.frames), frames);
        QVERIFY2(file.info.frames >= 3 * rate - 4096, qPrintable(QString::number(file.info.frames)));
        QCOMPARE(sf_count_t(file.left.size() / 2), file.info.frames);
        QVERIFY(qAbs(ToneAnalysis::peakLevelDbfs(file.left, 1000.0, rate) + 6.0) < tolerance);
        QVERIFY(qAbs(ToneAnalysis::peakLevelDbfs(file.right, 440.0, rate) + 12.0) < tolerance);
        QCOMPARE(RecordingRepair::repair(path), RecordingRepair::Result::Intact); // once is enough
    }

    void repairsWavHeaderThatCountsNothing()
    {
        // What a build that updated the header once a second left when killed in its first second.
        const QString path = m_dir.filePath(QStringLiteral("zero-header.wav"));
        Recorder recorder;
        QVERIFY(recorder.start(path, Recorder::Wav, Recorder::CallerLeftAgentRight, rate, {}));
        writeTones(recorder, 0.5);
        recorder.stop();
        const sf_count_t written = readBack(path).info.frames;
        QCOMPARE(written, sf_count_t(rate / 2));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        const QByteArray bytes = file.readAll();
        const qsizetype data = bytes.indexOf("data");
        QVERIFY(data > 0);
        QVERIFY(file.seek(data + 4));
        QCOMPARE(file.write(QByteArray(4, '\0')), qint64(4));
        file.close();
        QCOMPARE(readBack(path).info.frames, sf_count_t(0));
        qint64 frames = 0;
        QCOMPARE(RecordingRepair::repair(path, &frames), RecordingRepair::Result::Repaired);
        QCOMPARE(frames, qint64(written));
        QCOMPARE(readBack(path).info.frames, written);
    }

    void sizeLimitStopsCleanly()
    {
        const QString path = m_dir.filePath(QStringLiteral("limited.wav"));
        constexpr qint64 limit = 100000; // about three seconds of 8 kHz stereo
        QProcess child;
        child.start(QStringLiteral(RECORDER_CHILD), {QStringLiteral("limit"), path, QString::number(limit)});
        QVERIFY(child.waitForStarted());
        QTRY_COMPARE_WITH_TIMEOUT(child.state(), QProcess::NotRunning, 20000);
        const QString output = QString::fromLocal8Bit(child.readAllStandardOutput());
        QCOMPARE(child.exitStatus(), QProcess::NormalExit);
        QVERIFY2(child.exitCode() == 0, qPrintable(output)); // 0: Recorder::failed came, the child ran on
        QVERIFY2(output.contains(QStringLiteral("failed The recording ") + path), qPrintable(output));
        const ReadBack file = readBack(path);
        QCOMPARE(file.info.channels, 2);
        QVERIFY(file.info.frames >= rate); // the audio before the limit is kept
        QVERIFY(QFileInfo(path).size() <= limit);
    }
};

QTEST_GUILESS_MAIN(tst_Recorder)
#include "tst_recorder.moc"
