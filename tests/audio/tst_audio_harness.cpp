// The test sound server itself: QtMultimedia sees the fake cards by name, and a tone played into a card's
// feed arrives at its source at the level it was played (so later tests can trust levels they measure).
#include "PulseControl.h"
#include "PulseTestMain.h"
#include "ToneAnalysis.h"

#include <QtCore/qbuffer.h>
#include <QtMultimedia/qaudiosink.h>
#include <QtMultimedia/qaudiosource.h>
#include <QtMultimedia/qmediadevices.h>
#include <QtTest/qtest.h>

class tst_AudioHarness : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void devicesAreNamed_data()
    {
        QTest::addColumn<QString>("description");
        QTest::addColumn<bool>("isInput");
        QTest::newRow("speakers") << QStringLiteral("Hookline Test Speakers") << false;
        QTest::newRow("headset earpiece") << QStringLiteral("Hookline Test Headset") << false;
        QTest::newRow("headset mic") << QStringLiteral("Hookline Test Headset Mic") << true;
        QTest::newRow("line out") << QStringLiteral("Hookline Test Line") << false;
        QTest::newRow("line in") << QStringLiteral("Hookline Test Line In") << true;
    }

    void devicesAreNamed()
    {
        QFETCH(QString, description);
        QFETCH(bool, isInput);
        const QAudioDevice device =
            isInput ? PulseControl::input(description) : PulseControl::output(description);
        QVERIFY2(!device.isNull(),
                 qPrintable(description + QStringLiteral(" is not among QtMultimedia's devices")));
    }

    void defaultsAreTheHarnessDefaults()
    {
        QCOMPARE(QMediaDevices::defaultAudioOutput().description(), QStringLiteral("Hookline Test Speakers"));
        QCOMPARE(QMediaDevices::defaultAudioInput().description(),
                 QStringLiteral("Hookline Test Headset Mic"));
    }

    void toneCrossesTheCard_data()
    {
        QTest::addColumn<QString>("feed");
        QTest::addColumn<QString>("source");
        QTest::addColumn<int>("sampleRate");
        QTest::addColumn<double>("frequency");
        QTest::addColumn<double>("level");
        QTest::newRow("line 1 kHz at 8 kHz")
            << QStringLiteral("Hookline Test Line Feed") << QStringLiteral("Hookline Test Line In") << 8000
            << 1000.0 << -6.0;
        QTest::newRow("headset mic 440 Hz at 48 kHz")
            << QStringLiteral("Hookline Test Headset Mic Feed") << QStringLiteral("Hookline Test Headset Mic")
            << 48000 << 440.0 << -12.0;
    }

    void toneCrossesTheCard()
    {
        QFETCH(QString, feed);
        QFETCH(QString, source);
        QFETCH(int, sampleRate);
        QFETCH(double, frequency);
        QFETCH(double, level);

        QAudioFormat format;
        format.setSampleRate(sampleRate);
        format.setChannelCount(1);
        format.setSampleFormat(QAudioFormat::Int16);

        QAudioSource capture(PulseControl::input(source), format);
        QIODevice *captured = capture.start();
        QVERIFY(captured);
        QByteArray recorded;
        connect(captured, &QIODevice::readyRead, this, [&] { recorded += captured->readAll(); });

        QBuffer tone;
        tone.setData(ToneAnalysis::sine(frequency, level, sampleRate, 0.5));
        tone.open(QIODevice::ReadOnly);
        QAudioSink play(PulseControl::output(feed), format);
        play.start(&tone);
        QTRY_VERIFY_WITH_TIMEOUT(tone.atEnd(), 5000);
        const qsizetype wanted = qsizetype(sampleRate); // half a second of Int16 mono
        QTRY_VERIFY_WITH_TIMEOUT(recorded.size() >= wanted, 5000);
        capture.stop();
        play.stop();

        const double heard = ToneAnalysis::peakLevelDbfs(recorded, frequency, sampleRate);
        QVERIFY2(qAbs(heard - level) < 1.0,
                 qPrintable(QStringLiteral("heard %1 dBFS, played %2").arg(heard).arg(level)));
        // A different frequency is absent: the level is the tone, not broadband noise.
        QVERIFY(ToneAnalysis::peakLevelDbfs(recorded, frequency * 1.7, sampleRate) < level - 30.0);
    }
};

HOOKLINE_PULSE_TEST_MAIN(tst_AudioHarness)
#include "tst_audio_harness.moc"
