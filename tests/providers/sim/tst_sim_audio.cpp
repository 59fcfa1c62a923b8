// The simulated far ends' voices: a sound file of any rate and channel count reaches the call's line
// endpoint at 8 kHz and at its level, once or looped; what the agent's side writes is what the far end
// hears and records; in virtual time audio follows the clock exactly, in wall-clock time a pump thread
// moves it on its own.
#include "Scenario.h"
#include "ScenarioRunner.h"
#include "SimAgentAudio.h"
#include "SimAudioPump.h"
#include "SimFarEndAudio.h"
#include "SimFixture.h"
#include "audio/SoundFileDecoder.h"
#include "session/CallEngine.h"
#include "session/CallSession.h"

#include <QtCore/qdir.h>
#include <QtCore/qregularexpression.h>
#include <QtCore/qscopeguard.h>
#include <QtCore/qtemporarydir.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

#include <sndfile.h>

#include <cmath>
#include <numbers>

namespace {

constexpr double ToneHz = 1000.0;
constexpr double ToneDbfs = -6.0;

// A sine file written with libsndfile: every channel carries the tone.
QString writeToneFile(const QString &path, int rate, int channels, double seconds)
{
    SF_INFO info {};
    info.samplerate = rate;
    info.channels = channels;
    info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
    SNDFILE *file = sf_open(QFile::encodeName(path).constData(), SFM_WRITE, &info);
    if (!file)
        return QString::fromUtf8(sf_strerror(nullptr));
    const double amplitude = 32767.0 * std::pow(10.0, ToneDbfs / 20.0);
    const auto frames = qsizetype(seconds * rate);
    std::vector<short> data(size_t(frames * channels));
    for (qsizetype i = 0; i < frames; ++i)
        for (int c = 0; c < channels; ++c)
            data[size_t(i * channels + c)] =
                short(std::lround(amplitude * std::sin(2.0 * std::numbers::pi * ToneHz * double(i) / rate)));
    sf_writef_short(file, data.data(), frames);
    sf_close(file);
    return {};
}

SimFarEnd alicePlaying(std::shared_ptr<const std::vector<int16_t>> samples, bool loop,
                       const QString &record = {})
{
    SimFarEnd alice;
    alice.id = QStringLiteral("alice");
    alice.number = QStringLiteral("2001");
    alice.name = QStringLiteral("Alice Archer");
    alice.answerAfterMs = -1;
    alice.playSamples = std::move(samples);
    alice.playLoop = loop;
    alice.recordPath = record;
    return alice;
}

// 20 ms of virtual time, then what the bridge would read from the line.
std::vector<int16_t> stepAndRead(SimFixture &fixture, LineAudioEndpoint &endpoint, int blocks)
{
    std::vector<int16_t> heard;
    std::vector<int16_t> block(SimFarEndAudio::BlockSamples);
    for (int b = 0; b < blocks; ++b) {
        fixture.sim().clock().advance(SimFarEndAudio::BlockMs);
        const std::size_t n = endpoint.fromLine.read(block);
        heard.insert(heard.end(), block.begin(), block.begin() + qsizetype(n));
    }
    return heard;
}

std::span<const int16_t> window(const std::vector<int16_t> &samples, qsizetype from, qsizetype count)
{
    return std::span<const int16_t>(samples).subspan(size_t(from), size_t(count));
}

// One headless run of `json` (sound files in `dir`): what the agent heard over the whole run, and the
// voice paths the engine saw come and go for session `label`.
struct AgentRun
{
    std::vector<int16_t> heard;
    int audioChanges = 0;
    std::shared_ptr<LineAudioEndpoint> earlyEndpoint;
    std::shared_ptr<LineAudioEndpoint> connectedEndpoint;
    QString message;
};

AgentRun runHeadless(const QTemporaryDir &dir, const QString &json, const QString &label)
{
    AgentRun run;
    Scenario scenario;
    if (!ScenarioLoader::loadData(json.toUtf8(), QStringLiteral("s.json"), &scenario, &run.message)
        || !ScenarioLoader::loadMedia(&scenario, dir.path(), &run.message))
        return run;
    SimSwitch sim;
    CallEngine engine(nullptr);
    ScenarioRunner runner(scenario, &sim);
    runner.configureSwitch();
    engine.attachProvider(&sim);
    QObject::connect(&engine, &CallEngine::callAudioChanged, &engine, [&](CallSession *session) {
        if (session != runner.session(label))
            return;
        ++run.audioChanges;
        if (const auto endpoint = engine.audioEndpoint(session))
            (session->state() == Tapi::Connected ? run.connectedEndpoint : run.earlyEndpoint) = endpoint;
    });
    // The endpoint the answer finds is the one the call had while ringing.
    QObject::connect(&engine, &CallEngine::sessionStateChanged, &engine, [&](CallSession *session) {
        if (session == runner.session(label) && session->state() == Tapi::Connected)
            run.connectedEndpoint = engine.audioEndpoint(session);
    });
    bool finished = false;
    runner.play(&engine, false, [&](const ScenarioPlayer::Result &result) {
        finished = true;
        run.message = result.exitCode ? result.message : QString();
    });
    if (!QTest::qWaitFor([&] { return finished; }, 20000))
        run.message = QStringLiteral("the run did not finish");
    run.heard = runner.agentAudio()->lastHeard(SimAgentAudio::HeardLimitMs);
    engine.detachProviders();
    return run;
}

} // namespace

class tst_SimAudio : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void playsFileIntoTheLine_data()
    {
        QTest::addColumn<int>("rate");
        QTest::addColumn<int>("channels");
        QTest::addColumn<bool>("loop");
        for (int rate : {8000, 16000, 44100, 48000}) {
            for (int channels : {1, 2}) {
                for (bool loop : {false, true}) {
                    const QByteArray tag = QByteArray::number(rate) + (channels == 1 ? " mono" : " stereo")
                        + (loop ? " loop" : " once");
                    QTest::newRow(tag.constData()) << rate << channels << loop;
                }
            }
        }
    }

    void playsFileIntoTheLine()
    {
        QFETCH(int, rate);
        QFETCH(int, channels);
        QFETCH(bool, loop);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("tone.wav"));
        QCOMPARE(writeToneFile(path, rate, channels, 0.3), QString());
        auto samples = std::make_shared<std::vector<int16_t>>();
        QString error;
        SoundFileDecoder::Info info;
        QVERIFY2(SoundFileDecoder::decodeFile(path, SimFarEndAudio::SampleRate, samples.get(), &error, &info),
                 qPrintable(error));
        QCOMPARE(info.sampleRate, rate);
        QCOMPARE(info.channels, channels);
        // 300 ms at 8 kHz, give or take the converter's edges.
        QVERIFY2(qAbs(qsizetype(samples->size()) - 2400) <= 8, qPrintable(QString::number(samples->size())));

        SimFixture fixture;
        fixture.sim().addFarEnd(alicePlaying(samples, loop));
        QSignalSpy audioChanged(&fixture.engine(), &CallEngine::callAudioChanged);
        CallSession *call = fixture.answered(QStringLiteral("alice"));
        QVERIFY(call);
        QCOMPARE(audioChanged.count(), 1);
        std::shared_ptr<LineAudioEndpoint> endpoint = fixture.engine().audioEndpoint(call);
        QVERIFY(endpoint);
        QCOMPARE(endpoint->sampleRate(), 8000);

        // 600 ms, read every 20 ms as the bridge does: exactly 30 blocks, nothing lost.
        const std::vector<int16_t> heard = stepAndRead(fixture, *endpoint, 30);
        QCOMPARE(qsizetype(heard.size()), qsizetype(30 * SimFarEndAudio::BlockSamples));
        QCOMPARE(endpoint->overruns.load(), quint64(0));
        const double first = SimFarEndAudio::toneLevelDbfs(window(heard, 400, 1600), ToneHz);
        QVERIFY2(qAbs(first - ToneDbfs) < 0.5, qPrintable(QString::number(first)));
        // The second 300 ms: the file again when looped, silence when played once.
        const double second = SimFarEndAudio::toneLevelDbfs(window(heard, 2800, 1600), ToneHz);
        if (loop)
            QVERIFY2(qAbs(second - ToneDbfs) < 0.5, qPrintable(QString::number(second)));
        else
            QVERIFY2(second < -90.0, qPrintable(QString::number(second)));
        const std::shared_ptr<SimFarEndAudio> audio = fixture.sim().farEndAudio(QStringLiteral("alice"));
        QVERIFY(audio->playedToEnd());
        QCOMPARE(audio->playedMs(), loop ? qint64(600) : audio->soundMs());
    }

    void capturesAndRecordsWhatTheAgentSends()
    {
        QTemporaryDir dir;
        const QString record = dir.filePath(QStringLiteral("heard.wav"));
        SimFixture fixture;
        fixture.sim().addFarEnd(alicePlaying(nullptr, false, record));
        CallSession *call = fixture.answered(QStringLiteral("alice"));
        QVERIFY(call);
        std::shared_ptr<LineAudioEndpoint> endpoint = fixture.engine().audioEndpoint(call);
        QVERIFY(endpoint);
        // The agent's side: 440 Hz at -12 dBFS for 400 ms, then nothing for 200 ms.
        const double amplitude = 32767.0 * std::pow(10.0, -12.0 / 20.0);
        std::vector<int16_t> block(SimFarEndAudio::BlockSamples);
        qint64 n = 0;
        for (int b = 0; b < 30; ++b) {
            for (int16_t &sample : block)
                sample = b < 20 ? int16_t(std::lround(
                             amplitude * std::sin(2.0 * std::numbers::pi * 440.0 * double(n++) / 8000)))
                                : int16_t(0);
            endpoint->toLine.write(block);
            fixture.sim().clock().advance(SimFarEndAudio::BlockMs);
        }
        const std::shared_ptr<SimFarEndAudio> audio = fixture.sim().farEndAudio(QStringLiteral("alice"));
        QCOMPARE(audio->heardMs(), qint64(600));
        const std::vector<int16_t> all = audio->lastHeard(600);
        QCOMPARE(qsizetype(all.size()), qsizetype(4800));
        const double tone = SimFarEndAudio::toneLevelDbfs(window(all, 0, 3200), 440.0);
        QVERIFY2(qAbs(tone + 12.0) < 0.5, qPrintable(QString::number(tone)));
        QVERIFY(SimFarEndAudio::rmsDbfs(audio->lastHeard(200)) < SimFarEndAudio::SilenceBelowDbfs);

        // The far end hangs up: the voice path goes, the recording is closed and holds all 600 ms.
        QSignalSpy audioChanged(&fixture.engine(), &CallEngine::callAudioChanged);
        QVERIFY(fixture.sim().remoteHangup(QStringLiteral("alice"), 0));
        fixture.settle();
        QCOMPARE(audioChanged.count(), 1);
        QVERIFY(!fixture.engine().audioEndpoint(call));
        QVERIFY(!audio->inCall());
        SF_INFO info {};
        SNDFILE *file = sf_open(QFile::encodeName(record).constData(), SFM_READ, &info);
        QVERIFY2(file, sf_strerror(nullptr));
        QCOMPARE(info.samplerate, 8000);
        QCOMPARE(info.channels, 1);
        QCOMPARE(info.frames, sf_count_t(4800));
        std::vector<short> recorded(4800);
        QCOMPARE(sf_readf_short(file, recorded.data(), 4800), sf_count_t(4800));
        sf_close(file);
        const double recordedTone =
            SimFarEndAudio::toneLevelDbfs(std::span<const int16_t>(recorded.data(), 3200), 440.0);
        QVERIFY2(qAbs(recordedTone + 12.0) < 0.5, qPrintable(QString::number(recordedTone)));
    }

    void longJumpsKeepTheSoundPosition()
    {
        // A year of virtual time costs at most the capture window of work, and a looped sound's
        // position is where the clock says.
        auto samples = std::make_shared<std::vector<int16_t>>(8000, int16_t(1000)); // 1 s
        SimFixture fixture;
        fixture.sim().addFarEnd(alicePlaying(samples, true));
        QVERIFY(fixture.answered(QStringLiteral("alice")));
        fixture.sim().clock().advance(qint64(365) * 86400000 + 500);
        const auto audio = fixture.sim().farEndAudio(QStringLiteral("alice"));
        QCOMPARE(audio->playedMs(), qint64(365) * 86400000 + 500);
        QCOMPARE(audio->heardMs(), qint64(365) * 86400000 + 500);
    }

    // A file that appeared after the scenario loaded is not overwritten either; the far end's own
    // recording (0600) is replaced by its next call.
    void recordingNeverOverwritesAForeignFile()
    {
        QTemporaryDir dir;
        const QString foreign = dir.filePath(QStringLiteral("foreign.wav"));
        QFile file(foreign);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("keep me");
        file.close();
        SimFarEndAudio intruded(nullptr, false, foreign, nullptr);
        QString error;
        intruded.beginCall(QStringLiteral("a"), false, &error);
        QVERIFY2(error.contains(QLatin1String("cannot record to")) && error.contains(QLatin1String("exists")),
                 qPrintable(error));
        intruded.endCall();
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("keep me"));
        file.close();

        const QString own = dir.filePath(QStringLiteral("own.wav"));
        SimFarEndAudio recording(nullptr, false, own, nullptr);
        for (int call = 0; call < 2; ++call) {
            error.clear();
            recording.beginCall(QStringLiteral("a"), false, &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            recording.endCall();
        }
        QCOMPARE(QFile::permissions(own) & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteOther),
                 QFile::Permissions());
    }

    void loaderResolvesSoundFiles_data()
    {
        QTest::addColumn<QString>("farEnd");
        QTest::addColumn<QString>("error"); // a regular expression; empty: loads
        QTest::newRow("play and record")
            << QStringLiteral(R"({"id": "a", "play": "tone.wav", "loop": true, "record": "heard.wav"})")
            << QString();
        QTest::newRow("play missing") << QStringLiteral(R"({"id": "a", "play": "nothing.wav"})")
                                      << QStringLiteral("^s\\.json:1:71: .*nothing\\.wav: cannot read");
        QTest::newRow("not a sound") << QStringLiteral(R"({"id": "a", "play": "s.json"})")
                                     << QStringLiteral(
                                            "^s\\.json:1:71: .*s\\.json: not a sound file libsndfile reads");
        QTest::newRow("record folder missing")
            << QStringLiteral(R"({"id": "a", "record": "no/such/heard.wav"})")
            << QStringLiteral("^s\\.json:1:73: cannot record to .*no/such/heard\\.wav: no such folder");
        // tone.wav exists: a far end's recording never overwrites a file, and the file is left as it was.
        QTest::newRow("record file exists")
            << QStringLiteral(R"({"id": "a", "record": "tone.wav"})")
            << QStringLiteral("^s\\.json:1:73: cannot record to .*tone\\.wav: the file exists");
        QTest::newRow("empty play") << QStringLiteral(R"({"id": "a", "play": ""})")
                                    << QStringLiteral("^s\\.json:1:71: expected the name of a sound file");
        QTest::newRow("loop not a bool")
            << QStringLiteral(R"({"id": "a", "loop": 1})")
            << QStringLiteral("^s\\.json:1:71: expected true or false for 'loop'");
    }

    void loaderResolvesSoundFiles()
    {
        QFETCH(QString, farEnd);
        QFETCH(QString, error);
        QTemporaryDir dir;
        QCOMPARE(writeToneFile(dir.filePath(QStringLiteral("tone.wav")), 44100, 2, 0.5), QString());
        const qint64 toneSize = QFileInfo(dir.filePath(QStringLiteral("tone.wav"))).size();
        QFile file(dir.filePath(QStringLiteral("s.json")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            QStringLiteral(R"({"name": "s", "lines": [{"id": "l"}], "farEnds": [%1]})").arg(farEnd).toUtf8());
        file.close();
        const QString previous = QDir::currentPath();
        const auto restore = qScopeGuard([&] { QDir::setCurrent(previous); });
        QVERIFY(QDir::setCurrent(dir.path())); // messages name the file as it was given
        Scenario scenario;
        QString problem;
        const bool loaded = ScenarioLoader::loadFile(QStringLiteral("s.json"), &scenario, &problem);
        if (!error.isEmpty()) {
            QVERIFY(!loaded);
            QVERIFY2(QRegularExpression(error).match(problem).hasMatch(), qPrintable(problem));
            QCOMPARE(QFileInfo(dir.filePath(QStringLiteral("tone.wav"))).size(), toneSize);
            return;
        }
        QVERIFY2(loaded, qPrintable(problem));
        const SimFarEnd &party = scenario.farEnds.first();
        QVERIFY(party.playSamples);
        QVERIFY(qAbs(qsizetype(party.playSamples->size()) - 4000) <= 8); // 500 ms at 8 kHz
        QVERIFY(party.playLoop);
        QCOMPARE(party.recordPath, QDir(dir.path()).absoluteFilePath(QStringLiteral("heard.wav")));
        // The file's text alone never touches sound files (the fuzz target relies on it).
        Scenario textOnly;
        QVERIFY(ScenarioLoader::loadData(
            R"({"name": "s", "lines": [{"id": "l"}], "farEnds": [{"id": "a", "play": "x.wav", "record": "/y.wav"}]})",
            QStringLiteral("t.json"), &textOnly, &problem));
        QVERIFY(!textOnly.farEnds.first().playSamples);
        QVERIFY(textOnly.farEnds.first().recordPath.isEmpty());
    }

    // The agent's side of a headless run is the console's router on the virtual clock: an outbound call
    // hears the far end's early media one way on the voice path it keeps after the answer, and two runs
    // give the agent's earpiece the same audio at the same moments.
    void agentSideIsDeterministicAndEarlyMediaKeepsItsPath()
    {
        QTemporaryDir dir;
        QCOMPARE(writeToneFile(dir.filePath(QStringLiteral("tone.wav")), 8000, 1, 1.0), QString());
        QCOMPARE(writeToneFile(dir.filePath(QStringLiteral("agent.wav")), 48000, 1, 1.0), QString());
        const QString json = QStringLiteral(R"({"name": "s", "lines": [{"id": "desk"}],
            "farEnds": [{"id": "bob", "number": "3001", "answerAfterMs": 700, "earlyMedia": "tone.wav",
                         "play": "tone.wav", "loop": true}],
            "agent": {"play": "agent.wav", "loop": true},
            "steps": [{"at": 0, "agent": "makeCall", "line": "desk", "number": "3001", "as": "b"},
                      {"at": 800, "expect": {"session": "b", "state": "RINGBACK",
                                             "heard": {"party": "bob", "silence": true, "lastMs": 400}}},
                      {"at": 1800, "expect": {"session": "b", "state": "CONNECTED"}},
                      {"at": 1900, "agent": "drop", "session": "b"},
                      {"at": 2500, "expect": {"session": "b", "state": "IDLE"}}]})");
        const AgentRun first = runHeadless(dir, json, QStringLiteral("b"));
        QVERIFY2(first.message.isEmpty(), qPrintable(first.message));
        QVERIFY(first.earlyEndpoint);
        QCOMPARE(first.connectedEndpoint, first.earlyEndpoint);
        QCOMPARE(first.audioChanges, 2); // attached while ringing, detached at the end: never replaced
        // 2.5 s of run: ringing from 300 ms, the far end's tone throughout the call, then silence.
        QCOMPARE(qsizetype(first.heard.size()), qsizetype(2500 * SimAgentAudio::SampleRate / 1000));
        const auto ringing = window(first.heard, 48 * 500, 48 * 300);
        const auto talking = window(first.heard, 48 * 1300, 48 * 400);
        const auto after = window(first.heard, 48 * 2100, 48 * 300);
        QVERIFY(qAbs(SimFarEndAudio::toneLevelDbfs(ringing, ToneHz, 48000) - ToneDbfs) < 1.0);
        QVERIFY(qAbs(SimFarEndAudio::toneLevelDbfs(talking, ToneHz, 48000) - ToneDbfs) < 1.0);
        QVERIFY(SimFarEndAudio::rmsDbfs(after) < SimFarEndAudio::SilenceBelowDbfs);

        const AgentRun second = runHeadless(dir, json, QStringLiteral("b"));
        QVERIFY2(second.message.isEmpty(), qPrintable(second.message));
        // The same audio at the same virtual moments; libsoxr's SIMD paths may round a sample differently
        // with differently aligned buffers, so equal means within one step of 16-bit rounding.
        QCOMPARE(second.heard.size(), first.heard.size());
        for (std::size_t i = 0; i < first.heard.size(); ++i) {
            if (std::abs(int(first.heard[i]) - int(second.heard[i])) > 2)
                QFAIL(qPrintable(
                    QStringLiteral("sample %1: %2 then %3").arg(i).arg(first.heard[i]).arg(second.heard[i])));
        }
    }

    void wallClockPumpRunsOnItsOwnThread()
    {
        auto samples = std::make_shared<std::vector<int16_t>>(8000 * 5, int16_t(1000));
        SimFixture fixture;
        fixture.sim().setAudioPacing(SimSwitch::WallClockPacing);
        fixture.sim().addFarEnd(alicePlaying(samples, false));
        CallSession *call = fixture.answered(QStringLiteral("alice"));
        QVERIFY(call);
        SimAudioPump *pump = fixture.sim().audioPump();
        QVERIFY(pump);
        QCOMPARE(pump->count(), 1);
        const std::shared_ptr<LineAudioEndpoint> endpoint = fixture.engine().audioEndpoint(call);
        const qint64 virtualBefore = fixture.sim().clock().elapsedMs();
        // Audio moves while the virtual clock stands still and this thread only waits.
        QTRY_VERIFY_WITH_TIMEOUT(
            endpoint->fromLine.available() >= std::size_t(8 * SimFarEndAudio::BlockSamples), 5000);
        QCOMPARE(fixture.sim().clock().elapsedMs(), virtualBefore);
        QVERIFY(pump->ticks() > 0);
        QCOMPARE(pump->tickThread(), pump->pumpThread());
        QVERIFY(pump->tickThread() != QThread::currentThread());
        const auto audio = fixture.sim().farEndAudio(QStringLiteral("alice"));
        QVERIFY(audio->playedMs() >= 160);
        QVERIFY(fixture.sim().remoteHangup(QStringLiteral("alice"), 0));
        QCOMPARE(pump->count(), 0);
        const qint64 played = audio->playedMs();
        // A removed path stays stopped while the pump keeps ticking.
        const quint64 ticks = pump->ticks();
        QTRY_VERIFY_WITH_TIMEOUT(pump->ticks() >= ticks + 5, 5000);
        QCOMPARE(audio->playedMs(), played);
    }
};

QTEST_GUILESS_MAIN(tst_SimAudio)
#include "tst_sim_audio.moc"
