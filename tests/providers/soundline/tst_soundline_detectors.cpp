// The sound-card line's detector set over fixtures made by sox/minimodem/espeak-ng (independent of
// spandsp). Every row lists exactly the events the file must produce, in order.
#include "DetectorSet.h"
#include "LineAudioFile.h"

#include <QtTest/qtest.h>

namespace {
QString summary(const LineEvent &event)
{
    QString text = LineEvent::kindName(event.kind);
    switch (event.kind) {
    case LineEvent::Digit:
        return text + u' ' + event.digit;
    case LineEvent::CallerId: {
        const CallerIdMessage &m = event.callerId;
        text += u' ' + callerIdStandardName(m.standard) + u' ' + m.format;
        auto add = [&](const char *key, const QString &value) {
            if (!value.isEmpty())
                text += QStringLiteral(" %1=%2").arg(QLatin1String(key), value);
        };
        add("number", m.number);
        add("name", m.name);
        add("date", m.date);
        add("number_absent", m.numberAbsence);
        add("name_absent", m.nameAbsence);
        if (m.callType >= 0)
            text += QStringLiteral(" call_type=%1").arg(m.callType);
        return text;
    }
    case LineEvent::Tone:
    case LineEvent::ToneEnded:
        return text + u' ' + progressToneName(event.tone);
    case LineEvent::Ring:
    case LineEvent::RingBurst:
        return text + u' ' + QString::number(event.ring);
    case LineEvent::Hangup:
        return QStringLiteral("hangup %1 after %2 x%3")
            .arg(hangupCauseName(event.cause), progressToneName(event.tone))
            .arg(event.cycles);
    case LineEvent::Voice:
    case LineEvent::Silence:
        return text;
    }
    return text;
}

QList<int16_t> load(const QString &name)
{
    QList<int16_t> samples;
    QString error;
    if (!loadLineAudioFile(QStringLiteral(TEST_DATA_DIR "/") + name, &samples, &error))
        qWarning("%s", qPrintable(error));
    return samples;
}

struct Run
{
    QStringList events;
    QList<LineEvent> raw;
};

Run run(const QList<int16_t> &samples, const QString &profileId, const QString &cid,
        DetectorOptions options = {})
{
    Run result;
    const CountryProfile *profile = CountryProfile::find(profileId);
    if (!profile)
        return result;
    CallerIdStandard standard = profile->callerId;
    if (!cid.isEmpty())
        parseCallerIdStandard(cid, &standard);
    DetectorSet detectors(*profile, standard, options, [&](const LineEvent &event) {
        result.events.append(summary(event));
        result.raw.append(event);
    });
    // Odd block sizes on purpose: the set must not depend on how the sound card chunks audio.
    const int16_t *data = samples.constData();
    qsizetype left = samples.size();
    int block = 37;
    while (left > 0) {
        const int n = int(qMin<qsizetype>(left, block));
        detectors.process(data, n);
        data += n;
        left -= n;
        block = block == 37 ? 441 : (block == 441 ? 160 : 37);
    }
    return result;
}

QStringList digits(const QString &sequence)
{
    QStringList result;
    for (QChar c : sequence)
        result.append(QStringLiteral("dtmf ") + c);
    return result;
}
} // namespace

class TestSoundlineDetectors : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void events_data();
    void events();
    void hangupAfterConfiguredCycles_data();
    void hangupAfterConfiguredCycles();
    void ringCadence_data();
    void ringCadence();
    void voiceAndSilence_data();
    void voiceAndSilence();
};

void TestSoundlineDetectors::events_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("cid");
    QTest::addColumn<QStringList>("expected");

    // DTMF (Q.24): all 16 digits; 40 ms accepted; 20 ms rejected.
    QTest::newRow("dtmf all 16 digits, 70 ms") << "dtmf_all16_70ms.wav"
                                               << "us"
                                               << "" << digits("123456789*0#ABCD");
    QTest::newRow("dtmf 40 ms accepted") << "dtmf_min_40ms.wav"
                                         << "us"
                                         << "" << digits("55555555");
    QTest::newRow("dtmf 20 ms rejected") << "dtmf_too_short_20ms.wav"
                                         << "us"
                                         << "" << QStringList();
    QTest::newRow("dtmf slow digits") << "dtmf_slow_digits.wav"
                                      << "eu"
                                      << "" << digits("0612345678");

    // Caller ID: Bell 202 MDMF/SDMF clean and noisy with absence codes, V.23 CLIP, DTMF CLIP.
    const QString acme =
        QStringLiteral("caller_id class mdmf number=6095551212 name=ACME SUPPORT date=03141530");
    QTest::newRow("bell202 mdmf") << "cid_class_mdmf.wav"
                                  << "us"
                                  << "class" << QStringList {acme};
    QTest::newRow("bell202 mdmf noisy") << "cid_class_mdmf_noisy.wav"
                                        << "us"
                                        << "class" << QStringList {acme};
    const QString priv =
        QStringLiteral("caller_id class mdmf date=03141531 number_absent=private name_absent=private");
    QTest::newRow("bell202 mdmf private") << "cid_class_mdmf_private.wav"
                                          << "us"
                                          << "class" << QStringList {priv};
    QTest::newRow("bell202 mdmf private noisy") << "cid_class_mdmf_private_noisy.wav"
                                                << "us"
                                                << "class" << QStringList {priv};
    QTest::newRow("bell202 mdmf out of area")
        << "cid_class_mdmf_outofarea.wav"
        << "us"
        << "class"
        << QStringList {"caller_id class mdmf name=ACME SUPPORT date=03141532 number_absent=out_of_area"};
    const QString sdmf = QStringLiteral("caller_id class sdmf number=6095550000 date=03141533");
    QTest::newRow("bell202 sdmf") << "cid_class_sdmf.wav"
                                  << "us"
                                  << "class" << QStringList {sdmf};
    QTest::newRow("bell202 sdmf noisy") << "cid_class_sdmf_noisy.wav"
                                        << "us"
                                        << "class" << QStringList {sdmf};
    QTest::newRow("bell202 sdmf private")
        << "cid_class_sdmf_private.wav"
        << "us"
        << "class" << QStringList {"caller_id class sdmf date=03141534 number_absent=private"};
    QTest::newRow("bell202 sdmf out of area")
        << "cid_class_sdmf_outofarea.wav"
        << "us"
        << "class" << QStringList {"caller_id class sdmf date=03141535 number_absent=out_of_area"};
    QTest::newRow("v23 clip mdmf (eu default)")
        << "cid_clip_mdmf.wav"
        << "eu"
        << ""
        << QStringList {"caller_id clip mdmf number=01632960123 name=ACME SUPPORT date=03141530 call_type=1"};
    QTest::newRow("v23 clip private (uk default)")
        << "cid_clip_mdmf_private.wav"
        << "uk"
        << "" << QStringList {"caller_id clip mdmf date=03141536 number_absent=private call_type=1"};
    QTest::newRow("dtmf clip A12345678C")
        << "cid_dtmf_A12345678C.wav"
        << "eu"
        << "dtmf" << (digits("A12345678C") << QStringLiteral("caller_id dtmf dtmf number=12345678"));
    QTest::newRow("dtmf clip private B10C")
        << "cid_dtmf_B10C.wav"
        << "eu"
        << "dtmf" << (digits("B10C") << QStringLiteral("caller_id dtmf dtmf number_absent=private"));

    // Call progress per country.
    const QStringList busy {"tone busy", "hangup busy after busy x3"};
    const QStringList reorder {"tone reorder", "hangup congestion after reorder x3"};
    const QStringList dial {"tone dial", "tone_end dial"};
    const QStringList sit {"tone special_information", "tone_end special_information"};
    QTest::newRow("us busy") << "busy_us_480+620_500-500.wav"
                             << "us"
                             << "" << busy;
    QTest::newRow("us reorder") << "reorder_us_480+620_250-250.wav"
                                << "us"
                                << "" << reorder;
    QTest::newRow("us ringback") << "ringback_us_440+480_2000-4000.wav"
                                 << "us"
                                 << "" << QStringList {"tone ringback"};
    QTest::newRow("us dial tone") << "dialtone_us_350+440_3s.wav"
                                  << "us"
                                  << "" << dial;
    QTest::newRow("us sit") << "sit_us.wav"
                            << "us"
                            << "" << sit;
    QTest::newRow("eu busy") << "busy_eu_425_500-500.wav"
                             << "eu"
                             << "" << busy;
    QTest::newRow("eu congestion") << "reorder_eu_425_250-250.wav"
                                   << "eu"
                                   << "" << reorder;
    QTest::newRow("eu ringback") << "ringback_eu_425_1000-4000.wav"
                                 << "eu"
                                 << "" << QStringList {"tone ringback"};
    QTest::newRow("eu dial tone") << "dialtone_eu_425_3s.wav"
                                  << "eu"
                                  << "" << dial;
    QTest::newRow("eu sit") << "sit_eu.wav"
                            << "eu"
                            << "" << sit;
    QTest::newRow("uk busy") << "busy_uk_400_375-375.wav"
                             << "uk"
                             << "" << busy;
    QTest::newRow("uk congestion") << "reorder_uk_400_400-350-225-525.wav"
                                   << "uk"
                                   << "" << reorder;
    QTest::newRow("uk ringback") << "ringback_uk_400+450_double.wav"
                                 << "uk"
                                 << "" << QStringList {"tone ringback"};
    QTest::newRow("uk dial tone") << "dialtone_uk_350+440_3s.wav"
                                  << "uk"
                                  << "" << dial;
    QTest::newRow("uk sit") << "sit_uk.wav"
                            << "uk"
                            << "" << sit;
    // Never mix countries: another country's busy tone is not this profile's busy tone.
    QTest::newRow("eu busy under us") << "busy_eu_425_500-500.wav"
                                      << "us"
                                      << "" << QStringList();
    QTest::newRow("uk busy under eu") << "busy_uk_400_375-375.wav"
                                      << "eu"
                                      << "" << QStringList();
    QTest::newRow("us busy under uk") << "busy_us_480+620_500-500.wav"
                                      << "uk"
                                      << "" << QStringList();

    // Ring cadences from ring energy.
    QTest::newRow("us ring 2s/4s") << "ring_us_20hz_2s-4s.wav"
                                   << "us"
                                   << "" << QStringList {"ring 1", "ring_burst 1", "ring 2", "ring_burst 2"};
    QTest::newRow("uk double ring") << "ring_uk_25hz_double.wav"
                                    << "uk"
                                    << "" << QStringList {"ring 1", "ring_burst 1", "ring_burst 1",
                                                          "ring 2", "ring_burst 2", "ring_burst 2"};
    QTest::newRow("eu ring 1s/4s") << "ring_eu_25hz_1s-4s.wav"
                                   << "eu"
                                   << "" << QStringList {"ring 1", "ring_burst 1", "ring 2", "ring_burst 2"};

    // Far-end hang-up during a call.
    QTest::newRow("speech then eu busy") << "speech_then_busy_eu.wav"
                                         << "eu"
                                         << "" << busy;
    QTest::newRow("speech then us busy") << "speech_then_busy_us.wav"
                                         << "us"
                                         << "" << busy;
    QTest::newRow("speech then uk busy") << "speech_then_busy_uk.wav"
                                         << "uk"
                                         << "" << busy;
    QTest::newRow("speech then us reorder") << "speech_then_reorder_us.wav"
                                            << "us"
                                            << "" << reorder;

    // Negative controls: no digit, no tone, no ring, no hang-up, under every profile.
    for (const char *profile : {"us", "eu", "uk"}) {
        for (const char *file : {"speech_en_8k.wav", "speech_gb_8k.wav", "speechlike_noise.wav",
                                 "white_noise.wav", "white_noise_loud.wav"}) {
            QTest::addRow("%s under %s: nothing", file, profile) << file << profile << "" << QStringList();
        }
    }
}

void TestSoundlineDetectors::events()
{
    QFETCH(QString, file);
    QFETCH(QString, profile);
    QFETCH(QString, cid);
    QFETCH(QStringList, expected);
    const QList<int16_t> samples = load(file);
    QVERIFY2(samples.size() > 8000 / 4, qPrintable(file));
    QCOMPARE(run(samples, profile, cid).events, expected);
}

void TestSoundlineDetectors::hangupAfterConfiguredCycles_data()
{
    QTest::addColumn<int>("cycles");
    QTest::addColumn<int>("earliestMs");
    // busy_us: 0.5 s lead-in, then 500/500 cycles; spandsp recognises two cycles at ~2.4 s, each
    // further burst ends one second later.
    QTest::newRow("2 cycles") << 2 << 2400;
    QTest::newRow("4 cycles") << 4 << 4000;
    QTest::newRow("5 cycles") << 5 << 5000;
}

void TestSoundlineDetectors::hangupAfterConfiguredCycles()
{
    QFETCH(int, cycles);
    QFETCH(int, earliestMs);
    DetectorOptions options;
    options.hangupCycles = cycles;
    const Run result =
        run(load(QStringLiteral("busy_us_480+620_500-500.wav")), QStringLiteral("us"), {}, options);
    QCOMPARE(result.events.filter(QStringLiteral("hangup")),
             QStringList {QStringLiteral("hangup busy after busy x%1").arg(cycles)});
    for (const LineEvent &event : result.raw) {
        if (event.kind == LineEvent::Hangup) {
            QVERIFY2(event.timeMs >= earliestMs && event.timeMs < earliestMs + 300,
                     qPrintable(QString::number(event.timeMs)));
        }
    }
}

void TestSoundlineDetectors::ringCadence_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QList<int>>("burstsMs");
    QTest::newRow("us 2 s") << "ring_us_20hz_2s-4s.wav"
                            << "us" << QList<int> {2000, 2000};
    QTest::newRow("uk 0.4+0.4") << "ring_uk_25hz_double.wav"
                                << "uk" << QList<int> {400, 400, 400, 400};
    QTest::newRow("eu 1 s") << "ring_eu_25hz_1s-4s.wav"
                            << "eu" << QList<int> {1000, 1000};
}

void TestSoundlineDetectors::ringCadence()
{
    QFETCH(QString, file);
    QFETCH(QString, profile);
    QFETCH(QList<int>, burstsMs);
    QList<int> measured;
    for (const LineEvent &event : run(load(file), profile, {}).raw) {
        if (event.kind == LineEvent::RingBurst)
            measured.append(event.durationMs);
    }
    QCOMPARE(measured.size(), burstsMs.size());
    for (qsizetype i = 0; i < measured.size(); ++i)
        QVERIFY2(qAbs(measured.at(i) - burstsMs.at(i)) <= 80, qPrintable(QString::number(measured.at(i))));
}

void TestSoundlineDetectors::voiceAndSilence_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("speech is voice") << "speech_en_8k.wav"
                                     << "us" << QStringList {"voice"};
    QTest::newRow("uk speech is voice") << "speech_gb_8k.wav"
                                        << "uk" << QStringList {"voice"};
    QTest::newRow("us ringback is not voice") << "ringback_us_440+480_2000-4000.wav"
                                              << "us" << QStringList {"tone ringback", "tone_end ringback"};
    QTest::newRow("eu ringback is not voice") << "ringback_eu_425_1000-4000.wav"
                                              << "eu" << QStringList {"tone ringback", "tone_end ringback"};
    QTest::newRow("uk ringback is not voice") << "ringback_uk_400+450_double.wav"
                                              << "uk" << QStringList {"tone ringback", "tone_end ringback"};
}

void TestSoundlineDetectors::voiceAndSilence()
{
    QFETCH(QString, file);
    QFETCH(QString, profile);
    QFETCH(QStringList, expected);
    DetectorOptions options;
    options.voice = true;
    options.silenceTimeoutMs = 5000; // longer than the 4 s ringback gaps
    QList<int16_t> samples = load(file);
    QVERIFY(!samples.isEmpty());
    samples.append(QList<int16_t>(8000 * 6, 0)); // 6 s of silence: one Silence event at 5 s
    const Run result = run(samples, profile, {}, options);
    QCOMPARE(result.events, expected << QStringLiteral("silence"));
    QCOMPARE(result.raw.last().durationMs, 5000);
}

QTEST_GUILESS_MAIN(TestSoundlineDetectors)
#include "tst_soundline_detectors.moc"
