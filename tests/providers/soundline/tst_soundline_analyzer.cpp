// `hookline --analyze-line-audio`: the library function behind it prints one JSON line per event
// with its time, reads any libsndfile format and rate, and refuses unreadable files with exit 2.
#include "LineAudioAnalyzer.h"

#include <QtCore/qjsondocument.h>
#include <QtCore/qjsonobject.h>
#include <QtCore/qtextstream.h>
#include <QtTest/qtest.h>

class TestLineAudioAnalyzer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jsonLines_data();
    void jsonLines();
    void refusesBadInput_data();
    void refusesBadInput();
};

void TestLineAudioAnalyzer::jsonLines_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("cid");
    QTest::addColumn<QStringList>("events"); // "event:key=value" of each line's main field
    QTest::addColumn<QList<int>>("timesMs"); // expected t_ms of each line, +/- 100 ms

    QTest::newRow("busy, 8 kHz wav") << "busy_us_480+620_500-500.wav"
                                     << "us"
                                     << "" << QStringList {"tone:tone=busy", "hangup:cause=busy"}
                                     << QList<int> {2428, 3040};
    QTest::newRow("busy, 44.1 kHz stereo flac resampled")
        << "busy_us_44k1_stereo.flac"
        << "us"
        << "" << QStringList {"tone:tone=busy", "hangup:cause=busy"} << QList<int> {2428, 3040};
    QTest::newRow("bell 202 caller id")
        << "cid_class_mdmf.wav"
        << "us"
        << "class" << QStringList {"caller_id:number=6095551212"} << QList<int> {1244};
    QTest::newRow("v23 forced on a us line")
        << "cid_clip_mdmf.wav"
        << "us"
        << "clip" << QStringList {"caller_id:number=01632960123"} << QList<int> {1264};
    QTest::newRow("ring + caller id + ring")
        << "inbound_us_ring_cid.wav"
        << "us"
        << ""
        << QStringList {"ring:ring=1", "ring_burst:on_ms=2040", "caller_id:name=ACME SUPPORT", "ring:ring=2"}
        << QList<int> {480, 2448, 4336, 6484};
    QTest::newRow("speech: nothing") << "speech_en_8k.wav"
                                     << "uk"
                                     << "" << QStringList() << QList<int>();
}

void TestLineAudioAnalyzer::jsonLines()
{
    QFETCH(QString, file);
    QFETCH(QString, profile);
    QFETCH(QString, cid);
    QFETCH(QStringList, events);
    QFETCH(QList<int>, timesMs);
    QString output;
    QTextStream out(&output);
    QString error;
    QCOMPARE(analyzeLineAudioFile(QStringLiteral(TEST_DATA_DIR "/") + file, profile, cid, out, &error), 0);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QStringList lines = output.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), events.size());
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QJsonParseError parseError;
        const QJsonObject object = QJsonDocument::fromJson(lines.at(i).toUtf8(), &parseError).object();
        QCOMPARE(parseError.error, QJsonParseError::NoError);
        QVERIFY2(lines.at(i).startsWith(QLatin1String("{\"t_ms\":")), qPrintable(lines.at(i)));
        const QString kind = events.at(i).section(u':', 0, 0);
        const QString key = events.at(i).section(u':', 1).section(u'=', 0, 0);
        const QString value = events.at(i).section(u'=', 1);
        QCOMPARE(object.value(QLatin1String("event")).toString(), kind);
        QCOMPARE(object.value(key).toVariant().toString(), value);
        QVERIFY2(qAbs(object.value(QLatin1String("t_ms")).toInt() - timesMs.at(i)) <= 100,
                 qPrintable(lines.at(i)));
    }
}

void TestLineAudioAnalyzer::refusesBadInput_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("cid");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing file") << "no_such_file.wav"
                                  << "us"
                                  << ""
                                  << "cannot read";
    QTest::newRow("text, not audio") << "not_audio.wav"
                                     << "us"
                                     << ""
                                     << "cannot read";
    QTest::newRow("a directory") << ""
                                 << "us"
                                 << ""
                                 << "cannot read";
    QTest::newRow("unknown profile") << "busy_us_480+620_500-500.wav"
                                     << "fr"
                                     << ""
                                     << "unknown profile 'fr'";
    QTest::newRow("unknown caller id") << "busy_us_480+620_500-500.wav"
                                       << "us"
                                       << "fsk"
                                       << "unknown caller-ID standard";
}

void TestLineAudioAnalyzer::refusesBadInput()
{
    QFETCH(QString, file);
    QFETCH(QString, profile);
    QFETCH(QString, cid);
    QFETCH(QString, message);
    QString output;
    QTextStream out(&output);
    QString error;
    QCOMPARE(analyzeLineAudioFile(QStringLiteral(TEST_DATA_DIR "/") + file, profile, cid, out, &error), 2);
    QVERIFY2(error.contains(message), qPrintable(error));
    if (!file.isEmpty() && message == QLatin1String("cannot read"))
        QVERIFY2(error.contains(file), qPrintable(error)); // names the file
    QVERIFY(output.isEmpty());
}

QTEST_GUILESS_MAIN(TestLineAudioAnalyzer)
#include "tst_soundline_analyzer.moc"
