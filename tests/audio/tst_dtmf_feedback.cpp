// Dial-pad tones: each digit's DTMF pair (spandsp) at the device's rate, about 100 ms, and through a real
// sound server the agent's playback device ("Hookline Test Headset") plays both frequencies of the digit.
#include "MonitorCapture.h"
#include "PulseControl.h"
#include "PulseTestMain.h"
#include "ToneAnalysis.h"
#include "audio/AudioDevices.h"
#include "audio/DtmfFeedback.h"

#include "settings/ConsoleSettings.h"

#include <QtCore/qsettings.h>
#include <QtCore/qtemporarydir.h>
#include <QtTest/qtest.h>

namespace {
constexpr int CaptureRate = 16000;
constexpr double Audible = -30.0;
} // namespace

class tst_DtmfFeedback : public QObject
{
    Q_OBJECT

    static void digitRows()
    {
        QTest::addColumn<QString>("digit");
        QTest::addColumn<double>("low");
        QTest::addColumn<double>("high");
        QTest::newRow("1") << QStringLiteral("1") << 697.0 << 1209.0;
        QTest::newRow("5") << QStringLiteral("5") << 770.0 << 1336.0;
        QTest::newRow("9") << QStringLiteral("9") << 852.0 << 1477.0;
        QTest::newRow("0") << QStringLiteral("0") << 941.0 << 1336.0;
        QTest::newRow("*") << QStringLiteral("*") << 941.0 << 1209.0;
        QTest::newRow("#") << QStringLiteral("#") << 941.0 << 1477.0;
        QTest::newRow("D") << QStringLiteral("D") << 941.0 << 1633.0;
    }

private Q_SLOTS:
    void rendersTheDigitsPair_data() { digitRows(); }

    void rendersTheDigitsPair()
    {
        QFETCH(QString, digit);
        QFETCH(double, low);
        QFETCH(double, high);
        for (int rate : {8000, 44100, 48000}) {
            QString error;
            const QByteArray pcm = DtmfFeedback::render(digit.at(0), rate, &error);
            QVERIFY2(!pcm.isEmpty(), qPrintable(error));
            const auto samples = ToneAnalysis::samplesOf(pcm);
            // 100 ms, give or take the converter's edges.
            QVERIFY2(qAbs(qsizetype(samples.size()) - qsizetype(rate / 10)) <= rate / 200,
                     qPrintable(QString::number(samples.size())));
            const auto middle = samples.subspan(samples.size() / 4, samples.size() / 2);
            QVERIFY(ToneAnalysis::levelDbfs(middle, low, rate) > Audible);
            QVERIFY(ToneAnalysis::levelDbfs(middle, high, rate) > Audible);
            // Not just broadband: a frequency of neither group is far below (a 50 ms window leaks ~45 dB).
            QVERIFY(ToneAnalysis::levelDbfs(middle, 2500.0, rate)
                    < ToneAnalysis::levelDbfs(middle, low, rate) - 35.0);
        }
    }

    void refusesWhatIsNotADigit_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("letter") << QStringLiteral("x");
        QTest::newRow("two digits") << QStringLiteral("12");
        QTest::newRow("empty") << QString();
        QTest::newRow("non-ASCII digit") << QStringLiteral("\u0663");
    }

    void refusesWhatIsNotADigit()
    {
        QFETCH(QString, text);
        QTemporaryDir dir;
        QSettings store(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        ConsoleSettings settings(&store, QString(), nullptr);
        AudioDevices devices(&settings);
        DtmfFeedback dtmf(&devices, nullptr);
        QVERIFY(!dtmf.play(text));
    }

    void playbackDeviceHearsTheDigit_data()
    {
        // One digit of each column's high tone set is enough here: each round trip through the sound
        // server takes a couple of seconds, and rendersTheDigitsPair covers every digit.
        QTest::addColumn<QString>("digit");
        QTest::addColumn<double>("low");
        QTest::addColumn<double>("high");
        QTest::newRow("1") << QStringLiteral("1") << 697.0 << 1209.0;
        QTest::newRow("0") << QStringLiteral("0") << 941.0 << 1336.0;
        QTest::newRow("D") << QStringLiteral("D") << 941.0 << 1633.0;
    }

    void playbackDeviceHearsTheDigit()
    {
        QFETCH(QString, digit);
        QFETCH(double, low);
        QFETCH(double, high);
        QTemporaryDir dir;
        QSettings store(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        ConsoleSettings settings(&store, QString(), nullptr);
        AudioDevices devices(&settings);
        const QAudioDevice headset = PulseControl::output(QStringLiteral("Hookline Test Headset"));
        QVERIFY2(!headset.isNull(), "the PulseAudio harness is not running");
        QVERIFY(devices.choose(AudioDevices::Playback, headset.id()));
        DtmfFeedback dtmf(&devices, nullptr);
        MonitorCapture earpiece;
        QString error;
        QVERIFY2(earpiece.start(QStringLiteral("hookline_headset"), CaptureRate, &error), qPrintable(error));

        // parec has started recording once the (silent) monitor's audio flows.
        QTRY_VERIFY_WITH_TIMEOUT(earpiece.isFlowing(), 5000);
        QVERIFY(dtmf.play(digit));
        QTRY_VERIFY_WITH_TIMEOUT(ToneAnalysis::peakLevelDbfs(earpiece.pcm(), low, CaptureRate) > Audible
                                     && ToneAnalysis::peakLevelDbfs(earpiece.pcm(), high, CaptureRate)
                                         > Audible,
                                 5000);
        QVERIFY(dtmf.errorString().isEmpty());
        // The speakers (the default output) stay out of it: the tone went to the chosen device only.
    }
};

HOOKLINE_PULSE_TEST_MAIN(tst_DtmfFeedback)
#include "tst_dtmf_feedback.moc"
