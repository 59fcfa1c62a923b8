// The ringtone through a real sound server: an offered call the agent can take rings on the ringer device
// ("Hookline Test Speakers", the default output) and the speakers' monitor hears the tone; answering,
// rejecting or the caller giving up stops it; an agent who is not ready is not rung; a bad ringtone
// setting falls back to the shipped tone and says why.
#include "MonitorCapture.h"
#include "PulseControl.h"
#include "PulseTestMain.h"
#include "SimFixture.h"
#include "ToneAnalysis.h"
#include "agent/AgentState.h"
#include "audio/AudioDevices.h"
#include "audio/RingtonePlayer.h"
#include "core/Tapi.h"
#include "session/CallSession.h"

#include "settings/ConsoleSettings.h"

#include <QtCore/qsettings.h>
#include <QtCore/qtemporarydir.h>
#include <QtTest/qtest.h>

#include <sndfile.h>

namespace {
constexpr int CaptureRate = 16000;
constexpr double ShippedToneHz = 1050.0; // resources/sounds/README.md
constexpr double Audible = -40.0; // dBFS a tone must reach in a 50 ms block to count as heard
constexpr double Quiet = -70.0;

// Records the harness sink's monitor and waits until audio flows; empty, or why it could not.
QString listenTo(MonitorCapture &monitor, const QString &sink)
{
    QString error;
    if (!monitor.start(sink, CaptureRate, &error))
        return error;
    if (!QTest::qWaitFor([&] { return monitor.isFlowing(); }, 5000))
        return QStringLiteral("nothing flows from %1's monitor").arg(sink);
    return {};
}
} // namespace

class tst_Ringtone : public QObject
{
    Q_OBJECT

    struct Console
    {
        explicit Console(const QString &settingsPath)
            : store(settingsPath, QSettings::IniFormat)
            , settings(&store, QString(), nullptr)
            , devices(&settings)
            , agent(nullptr)
            , ringtone(&devices, &settings, nullptr)
        {
            agent.attach(&fixture.engine());
            ringtone.attach(&agent);
        }
        SimFixture fixture;
        QSettings store;
        ConsoleSettings settings;
        AudioDevices devices;
        AgentState agent;
        RingtonePlayer ringtone;
    };

    // The capture since `mark` holds `ms` of audio and the tone is absent from its last `ms`.
    static bool quietFor(const MonitorCapture &capture, qsizetype mark, int ms, double hz)
    {
        if (capture.samples() - mark < qsizetype(ms) * CaptureRate / 1000)
            return false;
        return ToneAnalysis::peakLevelDbfs(capture.last(ms), hz, CaptureRate) < Quiet;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!PulseControl::output(QStringLiteral("Hookline Test Speakers")).isNull(),
                 "the PulseAudio harness is not running");
    }

    void ringsUntilTheAlertEnds_data()
    {
        QTest::addColumn<QString>("end");
        QTest::newRow("answer") << QStringLiteral("answer");
        QTest::newRow("reject") << QStringLiteral("reject");
        QTest::newRow("drop") << QStringLiteral("drop");
        QTest::newRow("far end gives up") << QStringLiteral("hangup");
        QTest::newRow("agent goes not ready") << QStringLiteral("notReady");
    }

    void ringsUntilTheAlertEnds()
    {
        QFETCH(QString, end);
        QTemporaryDir dir;
        Console console(dir.filePath(QStringLiteral("settings.ini")));
        QCOMPARE(console.devices.device(AudioDevices::Ringer).description(),
                 QStringLiteral("Hookline Test Speakers"));
        QCOMPARE(console.ringtone.toneName(), QString::fromLatin1(RingtonePlayer::ShippedTone));
        QVERIFY(console.ringtone.toneError().isEmpty());
        QCOMPARE(console.agent.requestState(AgentState::Ready), AgentState::Applied);
        MonitorCapture speakers;
        const QString listening = listenTo(speakers, QStringLiteral("hookline_speakers"));
        QVERIFY2(listening.isEmpty(), qPrintable(listening));

        CallSession *session = console.fixture.offer(QStringLiteral("alice"));
        QVERIFY(session);
        QCOMPARE(console.agent.alertingSession(), session);
        QTRY_VERIFY_WITH_TIMEOUT(console.ringtone.isRinging(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(
            ToneAnalysis::peakLevelDbfs(speakers.pcm(), ShippedToneHz, CaptureRate) > Audible, 5000);

        if (end == QLatin1String("answer"))
            QCOMPARE(console.fixture.completionOf(session->answer()), 0);
        else if (end == QLatin1String("reject"))
            QCOMPARE(console.fixture.completionOf(session->reject()), 0);
        else if (end == QLatin1String("drop"))
            QCOMPARE(console.fixture.completionOf(session->drop()), 0);
        else if (end == QLatin1String("hangup"))
            QVERIFY(console.fixture.sim().remoteHangup(QStringLiteral("alice"), Tapi::DisconnectNormal));
        else
            QCOMPARE(console.agent.requestState(AgentState::NotReady, QStringLiteral("break")),
                     AgentState::Applied);
        console.fixture.settle();
        QVERIFY(!console.agent.alertingSession());
        QTRY_VERIFY_WITH_TIMEOUT(!console.ringtone.isRinging(), 5000);
        // Silent for longer than the tone's 1.2 s pause, so a ringtone still looping would be heard.
        const qsizetype mark = speakers.samples();
        QTRY_VERIFY_WITH_TIMEOUT(quietFor(speakers, mark, 1500, ShippedToneHz), 10000);
    }

    void ringsOnTheRingerDeviceChosenMidAlert()
    {
        QTemporaryDir dir;
        Console console(dir.filePath(QStringLiteral("settings.ini")));
        QCOMPARE(console.agent.requestState(AgentState::Ready), AgentState::Applied);
        MonitorCapture speakers;
        MonitorCapture headset;
        for (const auto &[monitor, sink] :
             {std::pair {&speakers, "hookline_speakers"}, std::pair {&headset, "hookline_headset"}}) {
            const QString listening = listenTo(*monitor, QLatin1String(sink));
            QVERIFY2(listening.isEmpty(), qPrintable(listening));
        }
        QVERIFY(console.fixture.offer(QStringLiteral("alice")));
        QTRY_VERIFY_WITH_TIMEOUT(
            ToneAnalysis::peakLevelDbfs(speakers.pcm(), ShippedToneHz, CaptureRate) > Audible, 5000);

        // The agent moves the ringer to the headset while the call alerts: the tone moves with it.
        const QAudioDevice device = PulseControl::output(QStringLiteral("Hookline Test Headset"));
        QVERIFY(console.devices.choose(AudioDevices::Ringer, device.id()));
        QTRY_VERIFY_WITH_TIMEOUT(
            ToneAnalysis::peakLevelDbfs(headset.pcm(), ShippedToneHz, CaptureRate) > Audible, 5000);
        const qsizetype mark = speakers.samples();
        QTRY_VERIFY_WITH_TIMEOUT(quietFor(speakers, mark, 1500, ShippedToneHz), 10000);
        QVERIFY(console.ringtone.isRinging());
    }

    void doesNotRingAnAgentWhoIsNotReady()
    {
        QTemporaryDir dir;
        Console console(dir.filePath(QStringLiteral("settings.ini")));
        QCOMPARE(console.agent.requestState(AgentState::NotReady, QStringLiteral("break")),
                 AgentState::Applied);
        MonitorCapture speakers;
        const QString listening = listenTo(speakers, QStringLiteral("hookline_speakers"));
        QVERIFY2(listening.isEmpty(), qPrintable(listening));
        const qsizetype mark = speakers.samples();
        QVERIFY(console.fixture.offer(QStringLiteral("alice")));
        QVERIFY(!console.agent.alertingSession());
        // Two seconds of the speakers (a whole ring cycle) without the tone.
        QTRY_VERIFY_WITH_TIMEOUT(speakers.samples() - mark >= 2 * CaptureRate, 10000);
        QVERIFY(ToneAnalysis::peakLevelDbfs(speakers.since(mark), ShippedToneHz, CaptureRate) < Quiet);
        QVERIFY(!console.ringtone.isRinging());
    }

    void settingChoosesTheTone_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<double>("toneHz");
        QTest::addColumn<bool>("fallsBack");
        QTest::newRow("own 700 Hz file") << QStringLiteral("own.wav") << 700.0 << false;
        QTest::newRow("not a sound file") << QStringLiteral("bad.wav") << ShippedToneHz << true;
        QTest::newRow("missing file") << QStringLiteral("missing.wav") << ShippedToneHz << true;
    }

    void settingChoosesTheTone()
    {
        QFETCH(QString, file);
        QFETCH(double, toneHz);
        QFETCH(bool, fallsBack);
        QTemporaryDir dir;
        {
            // Our own ringtone: one second of 700 Hz, 16 kHz mono WAV.
            SF_INFO info {};
            info.samplerate = 16000;
            info.channels = 1;
            info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
            SNDFILE *own = sf_open(QFile::encodeName(dir.filePath(QStringLiteral("own.wav"))).constData(),
                                   SFM_WRITE, &info);
            QVERIFY2(own, sf_strerror(nullptr));
            const QByteArray pcm = ToneAnalysis::sine(700.0, -12.0, 16000, 1.0);
            sf_write_short(own, reinterpret_cast<const short *>(pcm.constData()), pcm.size() / 2);
            sf_close(own);
            QFile bad(dir.filePath(QStringLiteral("bad.wav")));
            QVERIFY(bad.open(QIODevice::WriteOnly));
            bad.write("plain text, not a sound\n");
        }
        Console console(dir.filePath(QStringLiteral("settings.ini")));
        const QString path = dir.filePath(file);
        console.settings.setValue(SettingsSchema::Ringtone, path); // re-read at once
        if (fallsBack) {
            QCOMPARE(console.ringtone.toneName(), QString::fromLatin1(RingtonePlayer::ShippedTone));
            QVERIFY2(console.ringtone.toneError().contains(path), qPrintable(console.ringtone.toneError()));
        } else {
            QCOMPARE(console.ringtone.toneName(), path);
            QVERIFY(console.ringtone.toneError().isEmpty());
        }
        QCOMPARE(console.agent.requestState(AgentState::Ready), AgentState::Applied);
        MonitorCapture speakers;
        const QString listening = listenTo(speakers, QStringLiteral("hookline_speakers"));
        QVERIFY2(listening.isEmpty(), qPrintable(listening));
        QVERIFY(console.fixture.offer(QStringLiteral("alice")));
        QTRY_VERIFY_WITH_TIMEOUT(ToneAnalysis::peakLevelDbfs(speakers.pcm(), toneHz, CaptureRate) > Audible,
                                 5000);
    }
};

HOOKLINE_PULSE_TEST_MAIN(tst_Ringtone)
#include "tst_ringtone.moc"
