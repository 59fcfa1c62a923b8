// CallAudioRouter with the buffer twin of the agent's devices (BufferAgentAudioIo): automatic recording in
// every format and layout with the path in the call log, pause and resume, a folder that cannot be written
// (a message, and the call's audio goes on), a device that stops on its own (reported, then re-opened), and
// the call log's migration of a schema-1 database to the recording_path column.
#include "PulseTestMain.h"
#include "RoutedCall.h"
#include "SimFixture.h"
#include "ToneAnalysis.h"
#include "ToneFarEnd.h"

#include "audio/AudioDevices.h"
#include "audio/BufferAgentAudioIo.h"
#include "audio/CallAudioRouter.h"
#include "core/Tapi.h"
#include "log/CallLog.h"
#include "providers/LineAudioEndpoint.h"
#include "session/CallSession.h"

#include "settings/ConsoleSettings.h"
#include <QtCore/qdir.h>
#include <QtCore/qelapsedtimer.h>
#include <QtCore/qfileinfo.h>
#include <QtCore/qmetaobject.h>
#include <QtCore/qscopeguard.h>

#include <QtCore/qsettings.h>
#include <QtCore/qtemporarydir.h>
#include <QtCore/qthread.h>
#include <QtCore/qtimer.h>
#include <QtSql/qsqldatabase.h>
#include <QtSql/qsqlquery.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

#include <sndfile.h>

#include <csignal>
#include <sys/resource.h>
#include <sys/stat.h>

using namespace Tapi;

namespace {

constexpr int lineRate = 8000;

} // namespace

class tst_CallAudioRouter : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ConsoleSettings> m_settings;
    std::unique_ptr<RoutedCall> m_call;
    BufferAgentAudioIo *m_io = nullptr; // owned by the mixer, on the audio thread

    bool connectCall()
    {
        RoutedCall::Setup setup;
        setup.settings = m_settings.get();
        setup.callLogPath = m_dir.filePath(QStringLiteral("calls-%1.sqlite").arg(++m_calls));
        setup.io = [this] {
            auto io = std::make_unique<BufferAgentAudioIo>(48000);
            const QByteArray voice = ToneAnalysis::sine(440.0, -12.0, 48000, 1.0);
            const auto samples = ToneAnalysis::samplesOf(voice);
            io->setCaptureSamples({samples.begin(), samples.end()}, true);
            m_io = io.get();
            return io;
        };
        QString why;
        m_call = RoutedCall::start(setup, &why);
        if (!m_call)
            qWarning().noquote() << why;
        return m_call != nullptr;
    }

    QString endCall() { return m_call->end(); }

    int m_calls = 0;

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_settings = freshAudioSettings(m_dir);
    }

    void cleanup()
    {
        m_call.reset();
        m_io = nullptr;
    }

    void autoRecording_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("layout");
        QTest::addColumn<QString>("suffix");
        QTest::addColumn<int>("channels");
        QTest::newRow("default: wav stereo") << QString() << QString() << QStringLiteral("wav") << 2;
        QTest::newRow("flac mono") << QStringLiteral("flac") << QStringLiteral("mono")
                                   << QStringLiteral("flac") << 1;
        QTest::newRow("opus stereo") << QStringLiteral("opus") << QStringLiteral("stereo")
                                     << QStringLiteral("opus") << 2;
    }

    void autoRecording()
    {
        QFETCH(QString, format);
        QFETCH(QString, layout);
        QFETCH(QString, suffix);
        QFETCH(int, channels);
        m_settings->setValue(SettingsSchema::RecordingAuto, true);
        if (!format.isEmpty())
            m_settings->setValue(SettingsSchema::RecordingFormat, format);
        if (!layout.isEmpty())
            m_settings->setValue(SettingsSchema::RecordingLayout, layout);
        QVERIFY(connectCall());
        QTRY_COMPARE(m_call->session->recordingState(), CallSession::Recording);
        const QString path = m_call->session->recordingPath();
        QCOMPARE(QFileInfo(path).suffix(), suffix);
        // The session carries its recording (the console's recording controls and the call log read it
        // there).
        QCOMPARE(m_call->session->recordingState(), CallSession::Recording);
        QCOMPARE(m_call->session->recordingPath(), path);
        m_call->router->pauseRecording(m_call->session);
        QTRY_COMPARE(m_call->session->recordingState(), CallSession::RecordingPaused);
        m_call->router->resumeRecording(m_call->session);
        QTRY_COMPARE(m_call->session->recordingState(), CallSession::Recording);
        letAudioRun(1200);
        QCOMPARE(endCall(), path);
        m_call->router.reset(); // closes the file

        SF_INFO info {};
        SNDFILE *file = sf_open(QFile::encodeName(path).constData(), SFM_READ, &info);
        QVERIFY2(file, sf_strerror(nullptr));
        QCOMPARE(info.channels, channels);
        QCOMPARE(info.samplerate, lineRate);
        std::vector<int16_t> frames(std::size_t(info.frames) * std::size_t(channels));
        const sf_count_t got = sf_readf_short(file, frames.data(), info.frames);
        sf_close(file);
        QVERIFY2(got > lineRate * 8 / 10, qPrintable(QString::number(got)));
        std::vector<int16_t> left(static_cast<std::size_t>(got));
        for (sf_count_t i = 0; i < got; ++i)
            left[std::size_t(i)] = frames[std::size_t(i * channels)];
        // Stereo: the caller alone on the left at its level; mono: the mix at half of it.
        const double expected = channels == 2 ? -6.0 : -12.0;
        const double level = ToneAnalysis::levelDbfs(
            std::span<const int16_t>(left).subspan(lineRate / 4, lineRate / 2), 1000.0, lineRate);
        QVERIFY2(qAbs(level - expected) < 1.5, qPrintable(QStringLiteral("1 kHz at %1 dBFS").arg(level)));
    }

    // A provider that gives a call a new voice path mid-call (a card re-opened, a media change at another
    // rate) keeps the call's one recording: no second file, no state change, the new far end is in it.
    void replacedVoicePathKeepsTheRecording_data()
    {
        QTest::addColumn<int>("newRate");
        QTest::newRow("same rate") << lineRate;
        QTest::newRow("16 kHz path") << 16000;
    }

    void replacedVoicePathKeepsTheRecording()
    {
        QFETCH(int, newRate);
        QVERIFY(connectCall());
        QVERIFY(m_call->router->startRecording(m_call->session));
        QTRY_COMPARE(m_call->session->recordingState(), CallSession::Recording);
        const QString path = m_call->session->recordingPath();
        const QDir folder = QFileInfo(path).dir();
        const QStringList filesBefore = folder.entryList(QDir::Files);
        QSignalSpy stateChanged(m_call->session, &CallSession::recordingStateChanged);
        QSignalSpy pathChanged(m_call->session, &CallSession::recordingPathChanged);
        letAudioRun(600);

        auto replacement = std::make_shared<LineAudioEndpoint>(newRate, QStringLiteral("new voice path"));
        m_call->fx->engine().callAudioAttached(m_call->fx->engine().callIdOf(m_call->session), replacement);
        m_call->farEnd = std::make_unique<ToneFarEnd>(replacement, 700.0, -6.0);
        QTRY_VERIFY(m_call->farEnd->heardSamples() > std::size_t(newRate / 2));
        letAudioRun(300);
        const double agent =
            ToneAnalysis::levelDbfs(m_call->farEnd->recent().last(std::size_t(newRate / 4)), 440.0, newRate);
        QVERIFY2(qAbs(agent + 12.0) < 1.0,
                 qPrintable(QStringLiteral("agent on the new path %1 dBFS").arg(agent)));
        QCOMPARE(m_call->session->recordingState(), CallSession::Recording);
        QCOMPARE(m_call->session->recordingPath(), path);
        QCOMPARE(stateChanged.size(), 0);
        QCOMPARE(pathChanged.size(), 0);
        QCOMPARE(m_call->router->bridgedCalls(), 1);

        QCOMPARE(endCall(), path);
        m_call->router.reset(); // closes the file
        QCOMPARE(folder.entryList(QDir::Files), filesBefore); // no second file
        SF_INFO info {};
        SNDFILE *file = sf_open(QFile::encodeName(path).constData(), SFM_READ, &info);
        QVERIFY2(file, sf_strerror(nullptr));
        QCOMPARE(info.samplerate, lineRate); // the recording keeps its rate
        std::vector<int16_t> frames(std::size_t(info.frames) * 2);
        const sf_count_t got = sf_readf_short(file, frames.data(), info.frames);
        sf_close(file);
        std::vector<int16_t> left(static_cast<std::size_t>(got));
        for (sf_count_t i = 0; i < got; ++i)
            left[std::size_t(i)] = frames[std::size_t(i * 2)];
        // The old far end at the start, the new one at the end, both at their level.
        const auto start = std::span<const int16_t>(left).subspan(lineRate / 10, lineRate * 3 / 10);
        const auto end = std::span<const int16_t>(left).last(lineRate / 5);
        const double before = ToneAnalysis::levelDbfs(start, 1000.0, lineRate);
        const double after = ToneAnalysis::levelDbfs(end, 700.0, lineRate);
        QVERIFY2(qAbs(before + 6.0) < 1.5, qPrintable(QStringLiteral("first path %1 dBFS").arg(before)));
        QVERIFY2(qAbs(after + 6.0) < 1.5, qPrintable(QStringLiteral("new path %1 dBFS").arg(after)));
    }

    void twoConnectedCallsAreMixedAndBothHearTheAgent()
    {
        QVERIFY(connectCall());
        CallSession *second = m_call->fx->answered(QStringLiteral("bob"));
        QVERIFY(second);
        QCOMPARE(m_call->session->state(), int(Connected));
        auto endpoint = std::make_shared<LineAudioEndpoint>(lineRate, QStringLiteral("second far end"));
        m_call->fx->engine().callAudioAttached(m_call->fx->engine().callIdOf(second), endpoint);
        ToneFarEnd secondFarEnd(endpoint, 600.0, -12.0);
        QTRY_COMPARE(m_call->router->bridgedCalls(), 2);
        QTRY_VERIFY(m_io);
        letAudioRun(700);
        m_io->takePlayed();
        letAudioRun(500);
        const std::vector<int16_t> played = m_io->takePlayed();
        QVERIFY2(played.size() > 48000 * 4 / 10, qPrintable(QString::number(played.size())));
        // The earpiece plays silence where it ran dry (a loaded machine delays the far ends' timers), so
        // the mix is judged on 50 ms stretches: one must carry both calls at their levels together.
        const std::size_t block = 48000 / 20;
        QStringList levels;
        bool mixed = false;
        for (std::size_t at = 0; at + block <= played.size() && !mixed; at += block) {
            const auto stretch = std::span<const int16_t>(played).subspan(at, block);
            const double first = ToneAnalysis::levelDbfs(stretch, 1000.0, 48000);
            const double other = ToneAnalysis::levelDbfs(stretch, 600.0, 48000);
            mixed = qAbs(first + 6.0) < 1.0 && qAbs(other + 12.0) < 1.0;
            levels.append(QStringLiteral("%1/%2").arg(first, 0, 'f', 1).arg(other, 0, 'f', 1));
        }
        QVERIFY2(mixed, qPrintable(QStringLiteral("1 kHz/600 Hz per 50 ms: ") + levels.join(u' ')));
        for (const ToneFarEnd *farEnd : {m_call->farEnd.get(), &secondFarEnd}) {
            const double agent =
                ToneAnalysis::levelDbfs(farEnd->recent().last(lineRate / 4), 440.0, lineRate);
            QVERIFY2(qAbs(agent + 12.0) < 1.0,
                     qPrintable(QStringLiteral("agent at a far end %1 dBFS").arg(agent)));
        }
        // Holding one leaves the other bridged.
        QCOMPARE(m_call->fx->completionOf(second->hold()), int(Success));
        QTRY_COMPARE(m_call->router->bridgedCalls(), 1);
    }

    // The audio runs on its own thread: while the GUI thread is stuck (here: put to sleep on purpose,
    // which is the behaviour under test, not a wait), the agent's voice keeps reaching the line.
    void stalledGuiDoesNotStallAudio()
    {
        QVERIFY(connectCall());
        QTRY_COMPARE(m_call->router->bridgedCalls(), 1);
        QTRY_VERIFY(m_call->farEnd->heardSamples() > std::size_t(lineRate / 10)); // the path is flowing
        LineAudioEndpoint &line = m_call->farEnd->endpoint();
        const std::size_t before = line.toLine.available(); // the far end drains on this (GUI) thread
        QThread::msleep(300);
        const std::size_t during = line.toLine.available() - before;
        // 300 ms at 8 kHz is 2,400 samples; allow for scheduling on a loaded machine.
        QVERIFY2(
            during >= std::size_t(lineRate * 3 / 10 * 7 / 10),
            qPrintable(QStringLiteral("%1 samples reached the line while the GUI was stuck").arg(during)));
        const double level = ToneAnalysis::levelDbfs(
            [&] {
                std::vector<int16_t> samples(line.toLine.available());
                samples.resize(line.toLine.read(samples));
                return samples;
            }(),
            440.0, lineRate);
        QVERIFY2(qAbs(level + 12.0) < 1.5,
                 qPrintable(QStringLiteral("agent at the line %1 dBFS").arg(level)));
    }

    // The session is the one place a recording's state and file live: its NOTIFY signals come in the
    // recorder's order (the file with the start, then each state), the call log's live row links the file
    // from them, and the Finished of the hang-up (the call's audio goes, the recording closes with its
    // bridge) still reaches the session the agent wraps up.
    void sessionCarriesTheRecording()
    {
        QVERIFY(connectCall());
        QTRY_COMPARE(m_call->router->bridgedCalls(), 1);
        CallSession *session = m_call->session;
        QStringList seen;
        connect(session, &CallSession::recordingPathChanged, this,
                [&] { seen << QStringLiteral("path ") + session->recordingPath(); });
        connect(session, &CallSession::recordingStateChanged, this, [&] {
            seen << QStringLiteral("state ")
                    + QLatin1String(QMetaEnum::fromType<CallSession::RecordingState>().valueToKey(
                        session->recordingState()));
        });
        QVERIFY(m_call->router->startRecording(session));
        QTRY_COMPARE(session->recordingState(), CallSession::Recording);
        const QString path = session->recordingPath();
        QVERIFY(!path.isEmpty());
        QSqlQuery live(QSqlDatabase::database(m_call->log->connectionName()));
        const auto linked = [&] {
            const QString found = live.exec(QStringLiteral("SELECT recording_path FROM calls")) && live.next()
                ? live.value(0).toString()
                : QStringLiteral("no row");
            live.finish();
            return found;
        };
        QTRY_COMPARE(linked(), path);
        letAudioRun(300);
        m_call->router->pauseRecording(session);
        QTRY_COMPARE(session->recordingState(), CallSession::RecordingPaused);
        m_call->router->resumeRecording(session);
        QTRY_COMPARE(session->recordingState(), CallSession::Recording);
        letAudioRun(300);
        QCOMPARE(m_call->fx->completionOf(session->drop(QByteArray())), int(Success));
        QTRY_COMPARE(m_call->router->bridgedCalls(), 0);
        QTRY_COMPARE(session->recordingState(), CallSession::RecordingFinished);
        QCOMPARE(seen,
                 (QStringList {QStringLiteral("path ") + path, QStringLiteral("state Recording"),
                               QStringLiteral("state RecordingPaused"), QStringLiteral("state Recording"),
                               QStringLiteral("state RecordingFinished")}));
        // Finished: the file is closed and whole.
        SF_INFO info {};
        SNDFILE *file = sf_open(QFile::encodeName(path).constData(), SFM_READ, &info);
        QVERIFY2(file, sf_strerror(nullptr));
        sf_close(file);
        QVERIFY2(info.frames > lineRate / 4, qPrintable(QString::number(info.frames)));
        QSignalSpy written(m_call->log.get(), &CallLog::recordWritten);
        QCOMPARE(session->terminate(), int(Success));
        QVERIFY(written.wait());
        QCOMPARE(m_call->log->records().first().recordingPath, path);
    }

    void pauseLeavesOutAudio()
    {
        QVERIFY(connectCall());
        QVERIFY(m_call->router->startRecording(m_call->session));
        QTRY_COMPARE(m_call->session->recordingState(), CallSession::Recording);
        QVERIFY(!m_call->router->startRecording(m_call->session)); // one recording per call
        QVERIFY(m_call->router->message().contains(m_call->session->recordingPath()));
        letAudioRun(500);
        m_call->router->pauseRecording(m_call->session);
        QTRY_COMPARE(m_call->session->recordingState(), CallSession::RecordingPaused);
        letAudioRun(1000);
        m_call->router->resumeRecording(m_call->session);
        QTRY_COMPARE(m_call->session->recordingState(), CallSession::Recording);
        letAudioRun(500);
        m_call->router->stopRecording(m_call->session);
        QTRY_COMPARE(m_call->session->recordingState(), CallSession::RecordingFinished);
        const QString path = m_call->session->recordingPath();
        SF_INFO info {};
        SNDFILE *file = sf_open(QFile::encodeName(path).constData(), SFM_READ, &info);
        QVERIFY(file);
        sf_close(file);
        // About one second of the two and a half: the paused second is not there.
        QVERIFY2(info.frames > lineRate * 7 / 10 && info.frames < lineRate * 17 / 10,
                 qPrintable(QString::number(info.frames)));
        QCOMPARE(endCall(), path);
    }

    void unwritableFolderReportsAndTheCallGoesOn()
    {
        QFile blocker(m_dir.filePath(QStringLiteral("not-a-folder")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        m_settings->setValue(SettingsSchema::RecordingFolder,
                             m_dir.filePath(QStringLiteral("not-a-folder/recordings")));
        QVERIFY(connectCall());
        QTRY_COMPARE(m_call->router->bridgedCalls(), 1);
        QSignalSpy failed(m_call->router.get(), &CallAudioRouter::recordingFailed);
        QVERIFY(!m_call->router->startRecording(m_call->session));
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).at(0).value<CallSession *>(), m_call->session);
        QVERIFY2(m_call->router->message().contains(QLatin1String("not-a-folder")),
                 qPrintable(m_call->router->message()));
        // The far end still hears the agent.
        const std::size_t before = m_call->farEnd->heardSamples();
        QTRY_VERIFY(m_call->farEnd->heardSamples() > before + lineRate / 4);
        QCOMPARE(m_call->session->state(), int(Connected));
        QVERIFY(endCall().isEmpty());
    }

    void defaultFolderIsOwnerOnly_data()
    {
        QTest::addColumn<int>("mask");
        QTest::newRow("umask 022") << 0022;
        QTest::newRow("umask 000") << 0000;
    }

    // The default recordings folder is the agent's alone whatever the umask, also when an earlier version
    // (or the agent) left it open; the files in it are 0600.
    void defaultFolderIsOwnerOnly()
    {
        QFETCH(int, mask);
        const QByteArray dataHome =
            QFile::encodeName(m_dir.filePath(QStringLiteral("xdg-data-%1").arg(mask)));
        const QByteArray oldDataHome = qgetenv("XDG_DATA_HOME");
        qputenv("XDG_DATA_HOME", dataHome);
        const mode_t oldMask = ::umask(mode_t(mask));
        auto restore = qScopeGuard([&] {
            ::umask(oldMask);
            qputenv("XDG_DATA_HOME", oldDataHome);
        });
        m_settings->reset(SettingsSchema::RecordingFolder);
        const QString folder = CallAudioRouter::defaultRecordingFolder();
        QVERIFY(folder.startsWith(QFile::decodeName(dataHome)));
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(::chmod(QFile::encodeName(folder).constData(), 0755) == 0);
        QVERIFY(connectCall());
        QTRY_COMPARE(m_call->router->bridgedCalls(), 1);
        QVERIFY(m_call->router->startRecording(m_call->session));
        QTRY_COMPARE(m_call->session->recordingState(), CallSession::Recording);
        const QString path = m_call->session->recordingPath();
        QVERIFY(path.startsWith(folder));
        const auto modeOf = [](const QString &file) {
            struct stat info
            {
            };
            return ::stat(QFile::encodeName(file).constData(), &info) == 0 ? int(info.st_mode & 0777) : -1;
        };
        QCOMPARE(modeOf(folder), 0700);
        QCOMPARE(modeOf(path), 0600);
        QCOMPARE(endCall(), path);
    }

    void fullDiskStopsTheRecordingAndTheCallGoesOn()
    {
        QVERIFY(connectCall());
        QTRY_COMPARE(m_call->router->bridgedCalls(), 1);
        // A file size limit makes a write fail with EFBIG as a full disk would (SIGXFSZ ignored). Stereo
        // WAV at 8 kHz is 32 kB a second: 48 kB lasts about a second and a half. Nothing else in this
        // process writes files while the limit holds.
        rlimit before {};
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &before), 0);
        const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limited = before;
        limited.rlim_cur = 48 * 1024;
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &limited), 0);
        auto restore = qScopeGuard([&] {
            setrlimit(RLIMIT_FSIZE, &before);
            std::signal(SIGXFSZ, oldHandler);
        });
        QSignalSpy failed(m_call->router.get(), &CallAudioRouter::recordingFailed);
        QVERIFY(m_call->router->startRecording(m_call->session));
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 5000);
        restore.dismiss();
        setrlimit(RLIMIT_FSIZE, &before);
        std::signal(SIGXFSZ, oldHandler);
        const QString path = m_call->session->recordingPath();
        QCOMPARE(failed.at(0).at(0).value<CallSession *>(), m_call->session);
        QVERIFY2(m_call->router->message().contains(path), qPrintable(m_call->router->message()));
        QCOMPARE(m_call->session->recordingState(), CallSession::RecordingFailed);
        // The call goes on and the far end still hears the agent.
        QCOMPARE(m_call->session->state(), int(Connected));
        const std::size_t heard = m_call->farEnd->heardSamples();
        QTRY_VERIFY(m_call->farEnd->heardSamples() > heard + lineRate / 4);
        // What was written before the disk filled is a readable recording.
        SF_INFO info {};
        SNDFILE *file = sf_open(QFile::encodeName(path).constData(), SFM_READ, &info);
        QVERIFY2(file, sf_strerror(nullptr));
        sf_close(file);
        QVERIFY2(info.frames >= lineRate, qPrintable(QString::number(info.frames)));
        QCOMPARE(endCall(), path);
    }

    void deviceThatStopsIsReportedAndReopened()
    {
        QVERIFY(connectCall());
        QTRY_VERIFY(!m_call->router->playbackDeviceName().isEmpty());
        QTRY_VERIFY(m_io);
        QStringList reasons;
        connect(m_call->router.get(), &CallAudioRouter::devicesInUseChanged, this,
                [&] { reasons.append(m_call->router->fallbackReason()); });
        BufferAgentAudioIo *io = m_io;
        QMetaObject::invokeMethod(
            m_call->router->mixer(),
            [io] { io->failDevice(AgentAudioIo::Playback, QStringLiteral("earpiece unplugged")); },
            Qt::QueuedConnection);
        // Said at once; the next cycle opens the device again, the reason goes and the far end plays again.
        QTRY_VERIFY(!reasons.filter(QStringLiteral("earpiece unplugged")).isEmpty());
        QTRY_VERIFY(m_call->router->fallbackReason().isEmpty());
        QVERIFY(!m_call->router->playbackDeviceName().isEmpty());
        io->takePlayed();
        std::size_t played = 0;
        QTRY_VERIFY((played += io->takePlayed().size()) > 48000 / 10);
    }

    void callLogMigratesSchemaOne()
    {
        const QString path = m_dir.filePath(QStringLiteral("old.sqlite"));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral(
                "CREATE TABLE calls (id INTEGER PRIMARY KEY AUTOINCREMENT, session_id INTEGER NOT NULL, "
                "line_id TEXT NOT NULL, address TEXT, direction INTEGER, remote_number TEXT, remote_name "
                "TEXT, "
                "called_number TEXT, offered_at INTEGER, connected_at INTEGER, dropped_at INTEGER, idle_at "
                "INTEGER, terminated_at INTEGER NOT NULL, duration_ms INTEGER, final_state TEXT, final_mode "
                "TEXT, disconnect_mode TEXT, uui_sent BLOB, disposition TEXT, notes TEXT, is_conference "
                "INTEGER "
                "NOT NULL DEFAULT 0, privilege TEXT)")));
            QVERIFY(
                q.exec(QStringLiteral("INSERT INTO calls (session_id, line_id, terminated_at, remote_number) "
                                      "VALUES (7, 'sim/desk', 1000, '555-0100')")));
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version=1")));
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("old"));

        CallLog log(nullptr);
        QVERIFY2(log.open(path), qPrintable(log.errorString()));
        QList<CallRecord> rows = log.records();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().remoteNumber, QStringLiteral("555-0100"));
        QVERIFY(rows.first().recordingPath.isEmpty());
        CallRecord record;
        record.sessionId = 8;
        record.lineId = QStringLiteral("sim/desk");
        record.terminatedAt = 2000;
        record.recordingPath = QStringLiteral("/recordings/call-8.wav");
        QSignalSpy written(&log, &CallLog::recordWritten);
        log.write(record);
        QVERIFY(written.wait());
        log.close();
        CallLog reopened(nullptr);
        QVERIFY(reopened.open(path)); // a second open finds the column and migrates nothing
        rows = reopened.records();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.first().recordingPath, QStringLiteral("/recordings/call-8.wav"));
    }
};

HOOKLINE_PULSE_TEST_MAIN(tst_CallAudioRouter)
#include "tst_call_audio_router.moc"
