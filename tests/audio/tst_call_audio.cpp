// The call audio bridge end to end through the harness PulseAudio: a sim call with a test-side far end that
// talks a 1 kHz tone into the line endpoint in real time and listens to what comes back. The tone must reach
// "Hookline Test Headset" (recorded from its monitor) and the recording's left channel; the agent's 440 Hz
// played into "Hookline Test Headset Mic Feed" must reach the far end and the right channel; mute and hold
// silence the agent, hold plays music on hold to the line; unloading the earpiece's sink mid-call moves
// playback to the fallback within a second; the recording's path lands in the call log row.
#include "MonitorCapture.h"
#include "PulseControl.h"
#include "PulseTestMain.h"
#include "RoutedCall.h"
#include "SimFixture.h"
#include "ToneAnalysis.h"
#include "ToneFarEnd.h"

#include "audio/AudioDevices.h"
#include "audio/CallAudioRouter.h"
#include "core/Tapi.h"
#include "log/CallLog.h"
#include "providers/LineAudioEndpoint.h"
#include "session/CallSession.h"

#include "settings/ConsoleSettings.h"
#include <QtCore/qbuffer.h>
#include <QtCore/qelapsedtimer.h>
#include <QtCore/qfileinfo.h>

#include <QtCore/qsettings.h>
#include <QtCore/qtemporarydir.h>
#include <QtCore/qtimer.h>
#include <QtMultimedia/qaudiosink.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

#include <sndfile.h>

#include <cmath>
#include <functional>
#include <numbers>

using namespace Tapi;

namespace {

constexpr int lineRate = 8000;
constexpr double farEndTone = 1000.0;
constexpr double farEndLevel = -6.0;
constexpr double agentTone = 440.0;
constexpr double agentLevel = -12.0;
constexpr double musicTone = 600.0;

QAudioFormat monoInt16(int rate)
{
    QAudioFormat format;
    format.setSampleRate(rate);
    format.setChannelCount(1);
    format.setSampleFormat(QAudioFormat::Int16);
    return format;
}

// What a harness sink played, taken in pieces (MonitorCapture records its monitor with parec).
class MonitorRecorder
{
public:
    explicit MonitorRecorder(const QString &sinkName)
    {
        m_recording = m_capture.start(sinkName, 48000, &m_error);
    }
    bool isRecording() const { return m_recording; }
    // What was recorded since the last take.
    QByteArray take()
    {
        QByteArray pcm = m_capture.since(m_taken);
        m_taken += pcm.size() / 2;
        return pcm;
    }

private:
    MonitorCapture m_capture;
    bool m_recording = false;
    QString m_error;
    qsizetype m_taken = 0;
};

// Plays the agent's voice into the microphone feed until it is destroyed.
class AgentVoice
{
public:
    AgentVoice()
        : m_sink(PulseControl::output(QStringLiteral("Hookline Test Headset Mic Feed")), monoInt16(48000))
    {
        m_tone.setData(ToneAnalysis::sine(agentTone, agentLevel, 48000, 30.0));
        m_tone.open(QIODevice::ReadOnly);
        m_sink.start(&m_tone);
    }
    ~AgentVoice() { m_sink.stop(); }

private:
    QBuffer m_tone;
    QAudioSink m_sink;
};

QByteArray channelOf(const QString &path, int channel, SF_INFO *info)
{
    SNDFILE *file = sf_open(QFile::encodeName(path).constData(), SFM_READ, info);
    if (!file)
        return {};
    std::vector<int16_t> frames(std::size_t(info->frames) * std::size_t(info->channels));
    const sf_count_t got = sf_readf_short(file, frames.data(), info->frames);
    sf_close(file);
    QByteArray pcm(qsizetype(got) * 2, Qt::Uninitialized);
    auto *out = reinterpret_cast<int16_t *>(pcm.data());
    for (sf_count_t i = 0; i < got; ++i)
        out[i] = frames[std::size_t(i * info->channels + channel)];
    return pcm;
}

bool writeToneFile(const QString &path, double frequency, double level, int rate, double seconds)
{
    SF_INFO info {};
    info.samplerate = rate;
    info.channels = 1;
    info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
    SNDFILE *file = sf_open(QFile::encodeName(path).constData(), SFM_WRITE, &info);
    if (!file)
        return false;
    const QByteArray pcm = ToneAnalysis::sine(frequency, level, rate, seconds);
    const auto samples = ToneAnalysis::samplesOf(pcm);
    sf_write_short(file, samples.data(), sf_count_t(samples.size()));
    sf_close(file);
    return true;
}

double levelOf(const QByteArray &pcm, double frequency, int rate)
{
    return ToneAnalysis::peakLevelDbfs(pcm, frequency, rate, 0.1);
}

QString describe(const char *what, double level)
{
    return QStringLiteral("%1: %2 dBFS").arg(QLatin1String(what)).arg(level, 0, 'f', 1);
}

} // namespace

class tst_CallAudio : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ConsoleSettings> m_settings;
    std::unique_ptr<RoutedCall> m_call;

    // A connected sim call with the test far end on its voice path; playback on `earpiece`.
    bool connectCall(const QString &earpiece)
    {
        RoutedCall::Setup setup;
        setup.settings = m_settings.get();
        setup.callLogPath = m_dir.filePath(QStringLiteral("calls.sqlite"));
        setup.playbackId = PulseControl::output(earpiece).id();
        setup.toneHz = farEndTone;
        setup.toneDbfs = farEndLevel;
        QString why;
        m_call = RoutedCall::start(setup, &why);
        if (!m_call)
            qWarning().noquote() << why;
        return m_call != nullptr;
    }

    // Waits (up to 5 s, in 200 ms windows) until `take` gives the tone at about its level: a stream takes a
    // moment to start on a loaded machine. Returns how long it took, -1 if it never came.
    qint64 waitForTone(const std::function<QByteArray()> &take, double frequency, double level, int rate)
    {
        QElapsedTimer clock;
        clock.start();
        take();
        while (clock.elapsed() < 5000) {
            letAudioRun(200);
            if (qAbs(levelOf(take(), frequency, rate) - level) < 1.5)
                return clock.elapsed();
        }
        return -1;
    }
    bool farEndHearsAgent()
    {
        const qint64 ms =
            waitForTone([this] { return m_call->farEnd->takeHeard(); }, agentTone, agentLevel, lineRate);
        if (ms > 1000)
            qWarning() << "the agent's tone reached the far end after" << ms << "ms";
        return ms >= 0;
    }
    bool heardOn(MonitorRecorder &monitor)
    {
        const qint64 ms = waitForTone([&] { return monitor.take(); }, farEndTone, farEndLevel, 48000);
        if (ms > 1000)
            qWarning() << "the far end's tone reached the earpiece after" << ms << "ms";
        return ms >= 0;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_settings = freshAudioSettings(m_dir);
    }

    void cleanup() { m_call.reset(); }

    void tonesCrossBothWaysAndAreRecorded()
    {
        QVERIFY(connectCall(QStringLiteral("Hookline Test Headset")));
        QTRY_COMPARE(m_call->router->bridgedCalls(), 1);
        QTRY_COMPARE(m_call->router->playbackDeviceName(), QStringLiteral("Hookline Test Headset"));
        QCOMPARE(m_call->router->captureDeviceName(), QStringLiteral("Hookline Test Headset Mic"));
        QVERIFY(m_call->router->fallbackReason().isEmpty());

        QVERIFY(m_call->router->startRecording(m_call->session));
        QTRY_COMPARE(m_call->session->recordingState(), CallSession::Recording);
        const QString path = m_call->session->recordingPath();
        QVERIFY(path.startsWith(m_dir.filePath(QStringLiteral("recordings"))));
        QCOMPARE(QFileInfo(path).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());

        MonitorRecorder headset(QStringLiteral("hookline_headset"));
        QVERIFY(headset.isRecording());
        AgentVoice voice;
        QVERIFY(heardOn(headset));
        QVERIFY(farEndHearsAgent());
        headset.take();
        m_call->farEnd->takeHeard();
        QSignalSpy levels(m_call->router.get(), &CallAudioRouter::levelsChanged);
        letAudioRun(1000);

        const QByteArray atHeadsetPcm = headset.take();
        const double atHeadset = levelOf(atHeadsetPcm, farEndTone, 48000);
        QVERIFY2(qAbs(atHeadset - farEndLevel) < 1.5,
                 qPrintable(describe("far end at the headset", atHeadset)));
        const QByteArray heard = m_call->farEnd->takeHeard();
        const double atFarEnd = levelOf(heard, agentTone, lineRate);
        QVERIFY2(qAbs(atFarEnd - agentLevel) < 1.5, qPrintable(describe("agent at the far end", atFarEnd)));
        // About 20 level updates a second, and they show both directions.
        QVERIFY2(levels.size() >= 10 && levels.size() <= 30, qPrintable(QString::number(levels.size())));
        QVERIFY(m_call->router->farEndPeakDbfs() > -10.0);
        QVERIFY(m_call->router->agentPeakDbfs() > -16.0);

        // The call ends: the recording closes with it and its path is in the call log row.
        QSignalSpy written(m_call->log.get(), &CallLog::recordWritten);
        QCOMPARE(m_call->fx->completionOf(m_call->session->drop(QByteArray())), int(Success));
        QCOMPARE(m_call->session->terminate(), int(Success));
        QVERIFY(written.wait());
        QCOMPARE(written.size(), 1);
        const QList<CallRecord> rows = m_call->log->records();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().recordingPath, path);
        QTRY_COMPARE(m_call->router->bridgedCalls(), 0);

        m_call->router.reset(); // closes the file for certain
        SF_INFO info {};
        const QByteArray left = channelOf(path, 0, &info);
        QCOMPARE(info.channels, 2);
        QCOMPARE(info.samplerate, lineRate);
        QVERIFY2(info.frames > lineRate, qPrintable(QString::number(info.frames)));
        const QByteArray right = channelOf(path, 1, &info);
        const double leftLevel = levelOf(left, farEndTone, lineRate);
        const double rightLevel = levelOf(right, agentTone, lineRate);
        QVERIFY2(qAbs(leftLevel - farEndLevel) < 1.0, qPrintable(describe("recording left", leftLevel)));
        QVERIFY2(qAbs(rightLevel - agentLevel) < 1.5, qPrintable(describe("recording right", rightLevel)));
        QVERIFY2(levelOf(left, agentTone, lineRate) < -40.0, "the agent leaks into the caller's channel");
        QVERIFY2(levelOf(right, farEndTone, lineRate) < -40.0, "the caller leaks into the agent's channel");
    }

    void muteSilencesTheAgent()
    {
        QVERIFY(connectCall(QStringLiteral("Hookline Test Headset")));
        QTRY_COMPARE(m_call->router->bridgedCalls(), 1);
        AgentVoice voice;
        QVERIFY(farEndHearsAgent());

        QVERIFY(m_call->fx->engine().mute()->setMuted(true));
        letAudioRun(100);
        m_call->farEnd->takeHeard();
        letAudioRun(400);
        const QByteArray muted = m_call->farEnd->takeHeard();
        QVERIFY2(muted.size() > lineRate / 2, "the line gets silence while muted, not nothing");
        const double mutedLevel = levelOf(muted, agentTone, lineRate);
        QVERIFY2(mutedLevel < -90.0, qPrintable(describe("muted", mutedLevel)));

        QVERIFY(m_call->fx->engine().mute()->setMuted(false));
        QVERIFY(farEndHearsAgent());
    }

    void holdSilencesBothWays_data()
    {
        QTest::addColumn<bool>("withMusic");
        QTest::newRow("no music on hold") << false;
        QTest::newRow("music on hold") << true;
    }

    void holdSilencesBothWays()
    {
        QFETCH(bool, withMusic);
        if (withMusic) {
            const QString music = m_dir.filePath(QStringLiteral("music.wav"));
            // At 44.1 kHz stereo-free mono: the router converts it to the line's rate.
            QVERIFY(writeToneFile(music, musicTone, -10.0, 44100, 1.0));
            m_settings->setValue(SettingsSchema::MusicOnHold, music);
        }
        QVERIFY(connectCall(QStringLiteral("Hookline Test Headset")));
        QTRY_COMPARE(m_call->router->bridgedCalls(), 1);
        MonitorRecorder headset(QStringLiteral("hookline_headset"));
        AgentVoice voice;
        QVERIFY(heardOn(headset));
        QVERIFY(farEndHearsAgent());

        QCOMPARE(m_call->fx->completionOf(m_call->session->hold()), int(Success));
        QCOMPARE(m_call->session->state(), int(OnHold));
        QTRY_COMPARE(m_call->router->bridgedCalls(), 0);
        letAudioRun(200);
        headset.take();
        m_call->farEnd->takeHeard();
        letAudioRun(800);
        const double atHeadset = levelOf(headset.take(), farEndTone, 48000);
        QVERIFY2(atHeadset < -60.0, qPrintable(describe("far end at the headset while held", atHeadset)));
        const QByteArray heard = m_call->farEnd->takeHeard();
        const double agentHeard = levelOf(heard, agentTone, lineRate);
        QVERIFY2(agentHeard < -60.0, qPrintable(describe("agent at the far end while held", agentHeard)));
        const double music = levelOf(heard, musicTone, lineRate);
        if (withMusic)
            QVERIFY2(qAbs(music + 10.0) < 1.5, qPrintable(describe("music on hold", music)));
        else
            QVERIFY2(music < -60.0, qPrintable(describe("music without a file", music)));

        QCOMPARE(m_call->fx->completionOf(m_call->session->unhold()), int(Success));
        QTRY_COMPARE(m_call->router->bridgedCalls(), 1);
        QVERIFY(farEndHearsAgent());
    }

    void lostEarpieceMovesToFallbackWithinASecond()
    {
        QString error;
        const QString module = PulseControl::loadNullSink(QStringLiteral("hookline_usb"),
                                                          QStringLiteral("Hookline-USB-Headset"), &error);
        QVERIFY2(!module.isEmpty(), qPrintable(error));
        auto unload = qScopeGuard([&] { PulseControl::pactl({QStringLiteral("unload-module"), module}); });
        QTRY_VERIFY(!PulseControl::output(QStringLiteral("Hookline-USB-Headset")).isNull());
        QVERIFY(connectCall(QStringLiteral("Hookline-USB-Headset")));
        QTRY_COMPARE(m_call->router->playbackDeviceName(), QStringLiteral("Hookline-USB-Headset"));
        MonitorRecorder usb(QStringLiteral("hookline_usb"));
        QVERIFY(heardOn(usb));
        MonitorRecorder speakers(QStringLiteral("hookline_speakers"));
        QVERIFY(speakers.isRecording());

        QSignalSpy moved(m_call->router.get(), &CallAudioRouter::devicesInUseChanged);
        QElapsedTimer sinceUnplug;
        QVERIFY(PulseControl::pactl({QStringLiteral("unload-module"), module}));
        sinceUnplug.start();
        unload.dismiss();
        QTRY_COMPARE_WITH_TIMEOUT(m_call->router->playbackDeviceName(),
                                  QStringLiteral("Hookline Test Speakers"), 2000);
        const qint64 movedMs = sinceUnplug.elapsed();
        QVERIFY2(movedMs < 1000, qPrintable(QStringLiteral("moved after %1 ms").arg(movedMs)));
        QVERIFY2(m_call->router->fallbackReason().contains(QLatin1String("Hookline-USB-Headset")),
                 qPrintable(m_call->router->fallbackReason()));
        QVERIFY(moved.size() >= 1);
        // And the far end is heard there.
        QVERIFY(heardOn(speakers));
    }
};

HOOKLINE_PULSE_TEST_MAIN(tst_CallAudio)
#include "tst_call_audio.moc"
