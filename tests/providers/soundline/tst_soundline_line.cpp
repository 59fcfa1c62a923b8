// The sound-card line end to end through the real CallEngine: audio twin for the sound card, pin
// twin for the serial line interface, fixtures from sox/minimodem/espeak-ng. Each test checks the
// exact order of what the engine reported.
#include "LineAudioFile.h"
#include "SimFixture.h" // withIds()
#include "SoundLineFixture.h"
#include "core/Tapi.h"
#include "lines/Line.h"
#include "providers/LineAudioEndpoint.h"
#include "session/CallSession.h"

#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

#include <algorithm>
#include <cmath>
#include <span>

using namespace Tapi;

namespace {
QVariantMap lineConfig(const QString &profile, bool serial = true)
{
    QVariantMap config {{"id", "desk"},       {"name", "Desk line"}, {"number", "5550100"},
                        {"profile", profile}, {"replugPollMs", 20},  {"captureDevice", "twin card"}};
    if (serial) {
        config.insert("serialPort", "/dev/ttyTWIN0");
        config.insert("hookRelayPin", "dtr");
        config.insert("loopCurrentPin", "dcd");
        config.insert("ringPin", "ri");
    }
    return config;
}

QString busyFixture(const QString &profile)
{
    if (profile == QLatin1String("us"))
        return QStringLiteral("busy_us_480+620_500-500.wav");
    if (profile == QLatin1String("eu"))
        return QStringLiteral("busy_eu_425_500-500.wav");
    return QStringLiteral("busy_uk_400_375-375.wav");
}

QString toneFixture(const QString &kind, const QString &profile)
{
    static const QHash<QString, QString> files {
        {"dial/us", "dialtone_us_350+440_3s.wav"},
        {"dial/eu", "dialtone_eu_425_3s.wav"},
        {"dial/uk", "dialtone_uk_350+440_3s.wav"},
        {"ringback/us", "ringback_us_440+480_2000-4000.wav"},
        {"ringback/eu", "ringback_eu_425_1000-4000.wav"},
        {"ringback/uk", "ringback_uk_400+450_double.wav"},
    };
    return files.value(kind + u'/' + profile);
}

bool waitForState(CallSession *session, int state)
{
    return QTest::qWaitFor([&] { return session && session->state() == state; }, 10000);
}
// One row per country profile the line tests cover.
void addProfileRows()
{
    QTest::addColumn<QString>("profile");
    QTest::newRow("us") << "us";
    QTest::newRow("eu") << "eu";
    QTest::newRow("uk") << "uk";
}

} // namespace

class TestSoundLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void inboundAnswerBusyDrop_data();
    void inboundAnswerBusyDrop();
    void outboundDialRingbackAnswer_data();
    void outboundDialRingbackAnswer();
    void outboundBusy();
    void offeredAtRingTwoWithoutCallerId();
    void inCallDigits();
    void farEndGone_data();
    void farEndGone();
    void callerGivesUp();
    void ringFromRiPin();
    void ringPinAndRingAudioCountOnce();
    void monitoringOnlyLine();
    void outOfServiceAndReplug_data();
    void outOfServiceAndReplug();
    void callerIdFields_data();
    void callerIdFields();
    void rejectUnavailableReason_data();
    void rejectUnavailableReason();
    void inboundVoicePath();
    void outboundEarlyMediaOneVoicePath_data();
    void outboundEarlyMediaOneVoicePath();
    void voicePathByPhase_data();
    void voicePathByPhase();
    void agentUnheardInTheAnswerFrame();
};

void TestSoundLine::inboundAnswerBusyDrop_data()
{
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("inbound");
    QTest::addColumn<QString>("number");
    // Bell 202 caller ID between rings 1 and 2; V.23 CLIP before ring 1 (EU and UK).
    QTest::newRow("us: ring, bell 202, ring") << "us"
                                              << "inbound_us_ring_cid.wav"
                                              << "6095551212";
    QTest::newRow("eu: v.23 clip, ring") << "eu"
                                         << "inbound_eu_cid_ring.wav"
                                         << "01632960123";
    QTest::newRow("uk: v.23 clip, ring") << "uk"
                                         << "inbound_eu_cid_ring.wav"
                                         << "01632960123";
}

void TestSoundLine::inboundAnswerBusyDrop()
{
    QFETCH(QString, profile);
    QFETCH(QString, inbound);
    QFETCH(QString, number);
    SoundLineFixture f(lineConfig(profile));
    QTRY_VERIFY(f.line() && f.line()->inService());
    QVERIFY(f.feed(inbound));
    QTRY_VERIFY(f.session());
    CallSession *a = f.session();
    f.recorder().name(a, QStringLiteral("A"));
    QCOMPARE(a->state(), int(Offering));
    QCOMPARE(a->remoteNumber(), number);
    QCOMPARE(a->remoteName(), QStringLiteral("ACME SUPPORT"));
    // An analogue line cannot refuse a call.
    QVERIFY(!a->hasFeature(FeatureReject));
    QCOMPARE(a->reject(), int(OperationUnavail));

    const int answer = a->answer();
    QVERIFY(answer > 0);
    QVERIFY(waitForState(a, Connected));
    QCOMPARE(f.pins()->relayHistory(), QList<bool> {true});
    QVERIFY(f.feed(QStringLiteral("speech_en_8k.wav")));
    QVERIFY(f.drained());
    QCOMPARE(a->state(), int(Connected)); // speech is not a hang-up
    QVERIFY(f.feed(busyFixture(profile)));
    QVERIFY(waitForState(a, Disconnected));
    QCOMPARE(a->disconnectMode(), int(DisconnectBusy));
    const int drop = a->drop();
    QVERIFY(drop > 0);
    QVERIFY(waitForState(a, Idle));
    QCOMPARE(f.pins()->relayHistory(), (QList<bool> {true, false}));
    QCOMPARE(a->terminate(), 0);
    QTRY_COMPARE(f.engine().sessionCount(), 0);
    QCOMPARE(f.recorder().events(),
             withIds({"add(A)", "S(A)=OFFERING/ACTIVE", "reply({id},0)", "S(A)=CONNECTED/ACTIVE",
                      "S(A)=DISCONNECTED/BUSY", "reply({id2},0)", "S(A)=IDLE", "term(A)"},
                     {answer, drop}));
}

void TestSoundLine::outboundDialRingbackAnswer_data()
{
    addProfileRows();
}

void TestSoundLine::outboundDialRingbackAnswer()
{
    QFETCH(QString, profile);
    SoundLineFixture f(lineConfig(profile));
    QTRY_VERIFY(f.line() && f.line()->inService());
    const int make = f.line()->makeCall(QStringLiteral("5551234"));
    QVERIFY(make > 0);
    QTRY_VERIFY(f.session());
    CallSession *a = f.session();
    f.recorder().name(a, QStringLiteral("A"));
    QVERIFY(waitForState(a, DialTone));
    QCOMPARE(f.pins()->relayHistory(), QList<bool> {true});
    QVERIFY(f.feed(toneFixture(QStringLiteral("dial"), profile)));
    f.feedSilence(1500);
    QVERIFY(waitForState(a, Proceeding));
    QCOMPARE(f.dialledDigits(), QStringLiteral("5551234"));
    QVERIFY(f.feed(toneFixture(QStringLiteral("ringback"), profile)));
    QVERIFY(waitForState(a, Ringback));
    QVERIFY(f.feed(QStringLiteral("speech_gb_8k.wav")));
    QVERIFY(waitForState(a, Connected));
    const int drop = a->drop();
    QVERIFY(waitForState(a, Idle));
    QCOMPARE(f.pins()->relayHistory(), (QList<bool> {true, false}));
    QCOMPARE(f.recorder().events(),
             withIds({"reply({id},0)", "add(A)", "S(A)=DIALTONE/NORMAL", "S(A)=DIALING", "S(A)=PROCEEDING",
                      "S(A)=RINGBACK", "S(A)=CONNECTED/ACTIVE", "reply({id2},0)", "S(A)=IDLE"},
                     {make, drop}));
}

void TestSoundLine::outboundBusy()
{
    SoundLineFixture f(lineConfig(QStringLiteral("us")));
    QTRY_VERIFY(f.line() && f.line()->inService());
    QVERIFY(f.line()->makeCall(QStringLiteral("911")) > 0);
    QTRY_VERIFY(f.session());
    CallSession *a = f.session();
    QVERIFY(waitForState(a, DialTone));
    QVERIFY(f.feed(toneFixture(QStringLiteral("dial"), QStringLiteral("us"))));
    QVERIFY(waitForState(a, Proceeding));
    QVERIFY(f.feed(busyFixture(QStringLiteral("us"))));
    QVERIFY(waitForState(a, Busy));
    QCOMPARE(a->mode(), int(BusyUnknown));
    QCOMPARE(f.dialledDigits(), QStringLiteral("911"));
}

void TestSoundLine::offeredAtRingTwoWithoutCallerId()
{
    // Bell 202 caller ID comes between rings 1 and 2: with none, the call is offered at ring 2.
    SoundLineFixture f(lineConfig(QStringLiteral("us")));
    QTRY_VERIFY(f.line() && f.line()->inService());
    QList<int16_t> ring;
    QString error;
    QVERIFY(loadLineAudioFile(QStringLiteral(TEST_DATA_DIR "/ring_us_20hz_2s-4s.wav"), &ring, &error));
    f.audio()->feed(ring.mid(0, 8000 * 6)); // ring 1 and most of the gap
    QTRY_COMPARE(f.audio()->capturedSamples(), qint64(8000 * 6));
    QVERIFY(!f.session());
    f.audio()->feed(ring.mid(8000 * 6));
    QTRY_VERIFY(f.session());
    QCOMPARE(f.session()->state(), int(Offering));
    QVERIFY(f.session()->remoteNumber().isEmpty());
    QVERIFY(f.session()->remoteName().isEmpty());
}

void TestSoundLine::inCallDigits()
{
    SoundLineFixture f(lineConfig(QStringLiteral("us")));
    QTRY_VERIFY(f.line() && f.line()->inService());
    QVERIFY(f.feed(QStringLiteral("inbound_us_ring_cid.wav")));
    QTRY_VERIFY(f.session());
    CallSession *a = f.session();
    QSignalSpy digits(a, &CallSession::digitReceived);
    QVERIFY(a->answer() > 0);
    QVERIFY(waitForState(a, Connected));
    QVERIFY(f.feed(QStringLiteral("dtmf_all16_70ms.wav")));
    QTRY_COMPARE(digits.size(), 16);
    QString received;
    for (const QList<QVariant> &args : std::as_const(digits))
        received += args.at(0).toString();
    QCOMPARE(received, QStringLiteral("123456789*0#ABCD"));
    QCOMPARE(a->state(), int(Connected));
    // Digits the agent sends in the call (IVR menus) are played to the line; their echo through the
    // line interface (-6 dB here) is not taken for the far end's digits.
    f.audio()->setEchoGain(0.5);
    QSignalSpy replies(&f.engine(), &CallEngine::requestCompleted);
    const int dial = a->dial(QStringLiteral("42#"));
    QVERIFY(dial > 0);
    QVERIFY(replies.wait());
    QCOMPARE(replies.at(0), (QList<QVariant> {dial, 0}));
    f.feedSilence(1000);
    QVERIFY(f.drained());
    QCOMPARE(f.dialledDigits(), QStringLiteral("42#"));
    QCOMPARE(digits.size(), 16);
    QCOMPARE(a->state(), int(Connected));
}

void TestSoundLine::farEndGone_data()
{
    QTest::addColumn<QString>("how");
    QTest::addColumn<int>("mode");
    QTest::newRow("reorder tone") << "reorder" << int(DisconnectCongestion);
    QTest::newRow("loop current drops") << "loop" << int(DisconnectNormal);
    QTest::newRow("silence timeout") << "silence" << int(DisconnectNormal);
}

void TestSoundLine::farEndGone()
{
    QFETCH(QString, how);
    QFETCH(int, mode);
    QVariantMap config = lineConfig(QStringLiteral("us"));
    config.insert("silenceTimeoutMs", 3000);
    SoundLineFixture f(config);
    QTRY_VERIFY(f.line() && f.line()->inService());
    QVERIFY(f.feed(QStringLiteral("inbound_us_ring_cid.wav")));
    QTRY_VERIFY(f.session());
    CallSession *a = f.session();
    QVERIFY(a->answer() > 0);
    QVERIFY(waitForState(a, Connected));
    QVERIFY(f.feed(QStringLiteral("speech_en_8k.wav")));
    QVERIFY(f.drained());
    QCOMPARE(a->state(), int(Connected));
    if (how == QLatin1String("reorder"))
        QVERIFY(f.feed(QStringLiteral("reorder_us_480+620_250-250.wav")));
    else if (how == QLatin1String("loop"))
        f.pins()->setLoopCurrent(false);
    else
        f.feedSilence(3500);
    QVERIFY(waitForState(a, Disconnected));
    QCOMPARE(a->disconnectMode(), mode);
}

void TestSoundLine::callerGivesUp()
{
    SoundLineFixture f(lineConfig(QStringLiteral("us")));
    QTRY_VERIFY(f.line() && f.line()->inService());
    QVERIFY(f.feed(QStringLiteral("inbound_us_ring_cid.wav")));
    QTRY_VERIFY(f.session());
    CallSession *a = f.session();
    QCOMPARE(a->state(), int(Offering));
    f.feedSilence(9000); // longer than the US ring timeout (8 s)
    QVERIFY(waitForState(a, Disconnected));
    QCOMPARE(a->disconnectMode(), int(DisconnectNormal));
    QVERIFY(a->drop() > 0);
    QVERIFY(waitForState(a, Idle));
    QCOMPARE(f.pins()->relayHistory(), QList<bool>()); // never went off-hook
}

void TestSoundLine::ringFromRiPin()
{
    SoundLineFixture f(lineConfig(QStringLiteral("eu")));
    QTRY_VERIFY(f.line() && f.line()->inService());
    QVERIFY(f.feed(QStringLiteral("cid_clip_mdmf.wav"))); // caller ID only, no ring voltage in the audio
    QVERIFY(f.drained());
    QVERIFY(!f.session());
    f.pins()->setRing(true);
    QTRY_VERIFY(f.session());
    QCOMPARE(f.session()->state(), int(Offering));
    QCOMPARE(f.session()->remoteNumber(), QStringLiteral("01632960123"));
}

void TestSoundLine::ringPinAndRingAudioCountOnce()
{
    SoundLineFixture f(lineConfig(QStringLiteral("us")));
    QTRY_VERIFY(f.line() && f.line()->inService());
    // RI rises as the first burst starts in the audio: one ring, so the Bell 202 caller ID sent after
    // it is still awaited and shown.
    f.pins()->setRing(true);
    QVERIFY(f.feed(QStringLiteral("inbound_us_ring_cid.wav")));
    QTRY_VERIFY(f.session());
    QCOMPARE(f.session()->state(), int(Offering));
    QCOMPARE(f.session()->remoteNumber(), QStringLiteral("6095551212"));
}

void TestSoundLine::monitoringOnlyLine()
{
    SoundLineFixture f(lineConfig(QStringLiteral("us"), false), SoundLineFixture::NoSerialPort);
    QTRY_VERIFY(f.line() && f.line()->inService());
    QVERIFY(f.provider().limitations(f.lineId()).join(u'\n').contains(QLatin1String("only monitors")));
    // No hook relay: no outbound call.
    QSignalSpy replies(&f.engine(), &CallEngine::requestCompleted);
    const int make = f.line()->makeCall(QStringLiteral("123"));
    QVERIFY(make > 0);
    QVERIFY(replies.wait());
    QCOMPARE(replies.at(0).at(0).toInt(), make);
    QCOMPARE(replies.at(0).at(1).toInt(), int(OperationUnavail));
    QCOMPARE(f.engine().sessionCount(), 0);
    // Ring and caller ID still show; answering is not offered.
    QVERIFY(f.feed(QStringLiteral("inbound_us_ring_cid.wav")));
    QTRY_VERIFY(f.session());
    CallSession *a = f.session();
    QCOMPARE(a->remoteName(), QStringLiteral("ACME SUPPORT"));
    QVERIFY(!a->hasFeature(FeatureAnswer));
    QCOMPARE(a->answer(), int(OperationUnavail));
}

void TestSoundLine::outOfServiceAndReplug_data()
{
    QTest::addColumn<QString>("device");
    QTest::addColumn<QString>("reason");
    QTest::newRow("sound card") << "audio"
                                << "sound card 'twin card' was unplugged";
    QTest::newRow("serial port") << "serial"
                                 << "serial port /dev/ttyTWIN0 was unplugged";
}

void TestSoundLine::outOfServiceAndReplug()
{
    QFETCH(QString, device);
    QFETCH(QString, reason);
    SoundLineFixture f(lineConfig(QStringLiteral("us")));
    QTRY_VERIFY(f.line() && f.line()->inService());
    QVERIFY(f.feed(QStringLiteral("inbound_us_ring_cid.wav")));
    QTRY_VERIFY(f.session());
    CallSession *a = f.session();
    QVERIFY(a->answer() > 0);
    QVERIFY(waitForState(a, Connected));
    // The first reason the line gives is the unplug; its reopen attempts may follow with "is not
    // present" before the test looks, so the reasons are collected as they are reported.
    QStringList reasons;
    connect(f.line(), &Line::serviceChanged, this, [&] {
        if (!f.line()->inService())
            reasons.append(f.line()->outOfServiceReason());
    });
    if (device == QLatin1String("audio"))
        f.audio()->setPresent(false);
    else
        f.pins()->setPresent(false);
    QVERIFY(waitForState(a, Disconnected));
    QCOMPARE(a->disconnectMode(), int(DisconnectOutOfOrder));
    QTRY_VERIFY(!f.line()->inService());
    QVERIFY(!reasons.isEmpty());
    QCOMPARE(reasons.first(), reason);
    QCOMPARE(f.line()->makeCall(QStringLiteral("1")), int(ResourceUnavail));
    if (device == QLatin1String("audio"))
        f.audio()->setPresent(true);
    else
        f.pins()->setPresent(true);
    QTRY_VERIFY(f.line()->inService());
    QVERIFY(a->drop() > 0);
    QVERIFY(waitForState(a, Idle));
}

void TestSoundLine::callerIdFields_data()
{
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("standard");
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("number");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("date");
    QTest::addColumn<QString>("numberAbsence");
    QTest::addColumn<QString>("nameAbsence");
    QTest::newRow("bell 202 mdmf: all fields") << "us"
                                               << ""
                                               << "cid_class_mdmf.wav"
                                               << "6095551212"
                                               << "ACME SUPPORT"
                                               << "03141530"
                                               << ""
                                               << "";
    QTest::newRow("bell 202 mdmf: private") << "us"
                                            << ""
                                            << "cid_class_mdmf_private.wav"
                                            << ""
                                            << ""
                                            << "03141531"
                                            << "private"
                                            << "private";
    QTest::newRow("bell 202 mdmf: number out of area") << "us"
                                                       << ""
                                                       << "cid_class_mdmf_outofarea.wav"
                                                       << ""
                                                       << "ACME SUPPORT"
                                                       << "03141532"
                                                       << "out_of_area"
                                                       << "";
    QTest::newRow("bell 202 sdmf: out of area") << "us"
                                                << ""
                                                << "cid_class_sdmf_outofarea.wav"
                                                << ""
                                                << ""
                                                << "03141535"
                                                << "out_of_area"
                                                << "";
    QTest::newRow("v.23 clip: private") << "uk"
                                        << ""
                                        << "cid_clip_mdmf_private.wav"
                                        << ""
                                        << ""
                                        << "03141536"
                                        << "private"
                                        << "";
    QTest::newRow("dtmf clip: private") << "eu"
                                        << "dtmf"
                                        << "cid_dtmf_B10C.wav"
                                        << ""
                                        << ""
                                        << ""
                                        << "private"
                                        << "";
}

void TestSoundLine::callerIdFields()
{
    QFETCH(QString, profile);
    QFETCH(QString, standard);
    QFETCH(QString, fixture);
    QFETCH(QString, number);
    QFETCH(QString, name);
    QFETCH(QString, date);
    QFETCH(QString, numberAbsence);
    QFETCH(QString, nameAbsence);
    QVariantMap config = lineConfig(profile);
    if (!standard.isEmpty())
        config.insert("callerId", standard);
    SoundLineFixture f(config);
    QTRY_VERIFY(f.line() && f.line()->inService());
    // The caller ID alone (no ring voltage in it), then ring on RI: offered with the fresh caller ID.
    QVERIFY(f.feed(fixture));
    QVERIFY(f.drained());
    QVERIFY(!f.session());
    f.pins()->setRing(true);
    QTRY_VERIFY(f.session());
    CallSession *a = f.session();
    QCOMPARE(a->state(), int(Offering));
    QCOMPARE(a->remoteNumber(), number);
    QCOMPARE(a->remoteName(), name);
    QCOMPARE(a->callerIdDate(), date);
    QCOMPARE(a->numberAbsence(), numberAbsence);
    QCOMPARE(a->nameAbsence(), nameAbsence);
}

void TestSoundLine::rejectUnavailableReason_data()
{
    QTest::addColumn<bool>("relay");
    QTest::addColumn<QString>("reason");
    QTest::newRow("hook relay wired") << true
                                      << "an analogue line cannot refuse a call: it rings until the caller "
                                         "gives up (answer and hang up would connect the caller)";
    QTest::newRow("audio only") << false
                                << "no hook relay is wired: this line can only watch calls, it rings until "
                                   "the caller gives up";
}

void TestSoundLine::rejectUnavailableReason()
{
    QFETCH(bool, relay);
    QFETCH(QString, reason);
    SoundLineFixture f(lineConfig(QStringLiteral("us"), relay),
                       relay ? SoundLineFixture::PinTwin : SoundLineFixture::NoSerialPort);
    QTRY_VERIFY(f.line() && f.line()->inService());
    QVERIFY(!f.line()->capabilities().canReject);
    QCOMPARE(f.line()->capabilities().rejectUnavailableReason, reason);
    // QML reads it through the value type.
    const QVariant caps = f.line()->property("capabilities");
    QCOMPARE(caps.value<LineCapabilities>().rejectUnavailableReason, reason);
    QVERIFY(f.provider().limitations(f.lineId()).contains(QStringLiteral("reject: ") + reason));
}

namespace {
std::span<const int16_t> samplesOf(const QList<int16_t> &samples)
{
    return {samples.constData(), std::size_t(samples.size())};
}

QList<int16_t> tone(double hz, double amplitude, int samples)
{
    QList<int16_t> out(samples);
    for (int i = 0; i < samples; ++i)
        out[i] = int16_t(amplitude * std::sin(2 * M_PI * hz * i / 8000.0));
    return out;
}

// Goertzel power of `hz` in `samples`, normalised to the amplitude of an equivalent sine.
double amplitudeOf(const QList<int16_t> &samples, double hz)
{
    const double k = 2 * std::cos(2 * M_PI * hz / 8000.0);
    double s1 = 0, s2 = 0;
    for (int16_t x : samples) {
        const double s0 = x + k * s1 - s2;
        s2 = s1;
        s1 = s0;
    }
    const double power = s1 * s1 + s2 * s2 - k * s1 * s2;
    return 2 * std::sqrt(power) / samples.size();
}
} // namespace

void TestSoundLine::inboundVoicePath()
{
    SoundLineFixture f(lineConfig(QStringLiteral("us")));
    QTRY_VERIFY(f.line() && f.line()->inService());
    QVERIFY(f.feed(QStringLiteral("inbound_us_ring_cid.wav")));
    QTRY_VERIFY(f.session());
    CallSession *a = f.session();
    QSignalSpy audioChanged(&f.engine(), &CallEngine::callAudioChanged);
    QVERIFY(!f.engine().audioEndpoint(a)); // no voice path while it rings
    QVERIFY(a->answer() > 0);
    QVERIFY(waitForState(a, Connected));
    QTRY_COMPARE(audioChanged.size(), 1);
    const std::shared_ptr<LineAudioEndpoint> voice = f.engine().audioEndpoint(a);
    QVERIFY(voice);
    QCOMPARE(voice->sampleRate(), 8000);
    QVERIFY(voice->description().contains(QLatin1String("desk")));

    // The far end's audio reaches fromLine sample for sample; the agent's (toLine) is played to the line.
    f.audio()->clearPlayed();
    const QList<int16_t> farEnd = tone(1000, 8000, 1600);
    QCOMPARE(voice->toLine.write(samplesOf(tone(440, 6000, 1600))), std::size_t(1600));
    f.audio()->feed(farEnd);
    QVERIFY(QTest::qWaitFor([&] { return voice->fromLine.available() >= 1600; }, 10000));
    QList<int16_t> heard(1600);
    QCOMPARE(voice->fromLine.read(std::span<int16_t>(heard.data(), 1600)), std::size_t(1600));
    QCOMPARE(heard, farEnd);
    const QList<int16_t> played = f.audio()->played();
    QCOMPARE(played.size(), 1600);
    QVERIFY2(amplitudeOf(played, 440) > 5000, qPrintable(QString::number(amplitudeOf(played, 440))));
    QVERIFY(amplitudeOf(played, 1000) < 100);

    // The exchange's busy tone ends the call: the voice path goes with it.
    QVERIFY(f.feed(QStringLiteral("busy_us_480+620_500-500.wav")));
    QVERIFY(waitForState(a, Disconnected));
    QTRY_COMPARE(audioChanged.size(), 2);
    QVERIFY(!f.engine().audioEndpoint(a));
    QCOMPARE(audioChanged.at(0).at(0).value<CallSession *>(), a);
    QCOMPARE(audioChanged.at(1).at(0).value<CallSession *>(), a);
}

void TestSoundLine::outboundEarlyMediaOneVoicePath_data()
{
    addProfileRows();
}

void TestSoundLine::outboundEarlyMediaOneVoicePath()
{
    QFETCH(QString, profile);
    SoundLineFixture f(lineConfig(profile));
    QTRY_VERIFY(f.line() && f.line()->inService());
    QSignalSpy audioChanged(&f.engine(), &CallEngine::callAudioChanged);
    QVERIFY(f.line()->makeCall(QStringLiteral("5551234")) > 0);
    QTRY_VERIFY(f.session());
    CallSession *a = f.session();
    QVERIFY(waitForState(a, DialTone));
    // The voice path opens with the relay: the agent hears dial tone, the digits and the progress tones.
    QTRY_COMPARE(audioChanged.size(), 1);
    QCOMPARE(audioChanged.at(0).at(0).value<CallSession *>(), a);
    const std::shared_ptr<LineAudioEndpoint> voice = f.engine().audioEndpoint(a);
    QVERIFY(voice);

    // The agent's side talks while the call is set up: the line hears only its own dialling, so the
    // digits the exchange decodes are clean.
    const QList<int16_t> agent = tone(300, 6000, 4000);
    QCOMPARE(voice->toLine.write(samplesOf(agent)), std::size_t(4000));
    QVERIFY(f.feed(toneFixture(QStringLiteral("dial"), profile)));
    f.feedSilence(1500);
    QVERIFY(waitForState(a, Proceeding));
    QVERIFY(f.drained());
    QCOMPARE(f.dialledDigits(), QStringLiteral("5551234"));
    QVERIFY2(amplitudeOf(f.audio()->played(), 300) < 50,
             qPrintable(QString::number(amplitudeOf(f.audio()->played(), 300))));

    // Ringback reaches fromLine (the test reads it the way the engine's audio bridge would); the line
    // hears silence, not the agent, while it rings.
    QList<int16_t> ringbackAudio;
    QString error;
    QVERIFY2(loadLineAudioFile(QStringLiteral(TEST_DATA_DIR "/")
                                   + toneFixture(QStringLiteral("ringback"), profile),
                               &ringbackAudio, &error),
             qPrintable(error));
    f.audio()->clearPlayed();
    QCOMPARE(voice->toLine.write(samplesOf(agent)), std::size_t(4000));
    f.feed(ringbackAudio.mid(0, 4000)); // the fixture's lead-in silence
    QVERIFY(f.drained());
    voice->fromLine.discard();
    f.feed(ringbackAudio.mid(4000));
    QVERIFY(waitForState(a, Ringback));
    QVERIFY(f.drained());
    QList<int16_t> heard(4000);
    QCOMPARE(voice->fromLine.read(std::span<int16_t>(heard.data(), heard.size())), std::size_t(4000));
    const ToneCadence *ringback = nullptr;
    for (const ToneCadence &cadence : f.config().profile->tones)
        if (cadence.tone == ProgressTone::Ringback)
            ringback = &cadence;
    QVERIFY(ringback);
    for (int hz : {ringback->elements.first().f1, ringback->elements.first().f2}) {
        if (hz > 0)
            QVERIFY2(amplitudeOf(heard, hz) > 1000,
                     qPrintable(QStringLiteral("%1 Hz: %2").arg(hz).arg(amplitudeOf(heard, hz))));
    }
    const QList<int16_t> played = f.audio()->played();
    QVERIFY(!played.isEmpty()); // playback goes on (silence) while the line rings
    QVERIFY(std::all_of(played.cbegin(), played.cend(), [](int16_t sample) { return sample == 0; }));

    // The answer keeps the same voice path: no detach, no second attach.
    QVERIFY(f.feed(QStringLiteral("speech_gb_8k.wav")));
    QVERIFY(waitForState(a, Connected));
    QVERIFY(f.drained());
    QCOMPARE(audioChanged.size(), 1);
    QCOMPARE(f.engine().audioEndpoint(a), voice);

    // From the answer on the agent's voice is played, with digits sent in the call mixed in.
    f.audio()->clearPlayed();
    QSignalSpy replies(&f.engine(), &CallEngine::requestCompleted);
    QVERIFY(a->dial(QStringLiteral("7")) > 0);
    QVERIFY(replies.wait());
    QCOMPARE(voice->toLine.write(samplesOf(tone(300, 2000, 4000))), std::size_t(4000));
    f.feedSilence(500);
    QVERIFY(f.drained());
    QCOMPARE(f.dialledDigits(), QStringLiteral("7"));
    QVERIFY(amplitudeOf(f.audio()->played(), 300) > 1500);

    QVERIFY(a->drop() > 0);
    QVERIFY(waitForState(a, Idle));
    QTRY_COMPARE(audioChanged.size(), 2);
    QCOMPARE(audioChanged.at(1).at(0).value<CallSession *>(), a);
    QVERIFY(!f.engine().audioEndpoint(a));
}

void TestSoundLine::voicePathByPhase_data()
{
    // steps: "call" (outbound), a fixture to feed, "silence:<ms>" or "answer"; then the state the call
    // must reach, whether it has a voice path there, and how it ends ("drop", a fixture, silence).
    QTest::addColumn<QStringList>("steps");
    QTest::addColumn<int>("state");
    QTest::addColumn<bool>("voice");
    QTest::addColumn<QString>("end");
    QTest::addColumn<int>("endState");
    const QStringList dialled {"call", "dialtone_us_350+440_3s.wav", "silence:1500"};
    QTest::newRow("outbound waiting for dial tone; none comes")
        << QStringList {"call", "silence:500"} << int(DialTone) << true << "silence:3500"
        << int(Disconnected);
    QTest::newRow("outbound proceeding; dropped")
        << dialled << int(Proceeding) << true << "drop" << int(Idle);
    QTest::newRow("outbound ringback; dropped") << dialled + QStringList {"ringback_us_440+480_2000-4000.wav"}
                                                << int(Ringback) << true << "drop" << int(Idle);
    QTest::newRow("outbound busy; dropped")
        << dialled + QStringList {"busy_us_480+620_500-500.wav"} << int(Busy) << true << "drop" << int(Idle);
    QTest::newRow("outbound special info; dropped")
        << dialled + QStringList {"sit_us.wav"} << int(SpecialInfo) << true << "drop" << int(Idle);
    QTest::newRow("inbound alerting; the caller gives up")
        << QStringList {"inbound_us_ring_cid.wav"} << int(Offering) << false << "silence:9000"
        << int(Disconnected);
    QTest::newRow("inbound connected; busy tone")
        << QStringList {"inbound_us_ring_cid.wav", "answer", "silence:500"} << int(Connected) << true
        << "busy_us_480+620_500-500.wav" << int(Disconnected);
}

void TestSoundLine::voicePathByPhase()
{
    QFETCH(QStringList, steps);
    QFETCH(int, state);
    QFETCH(bool, voice);
    QFETCH(QString, end);
    QFETCH(int, endState);
    SoundLineFixture f(lineConfig(QStringLiteral("us")));
    QTRY_VERIFY(f.line() && f.line()->inService());
    QSignalSpy audioChanged(&f.engine(), &CallEngine::callAudioChanged);
    const auto run = [&f](const QString &step) {
        if (step == QLatin1String("call"))
            return f.line()->makeCall(QStringLiteral("5551234")) > 0
                && QTest::qWaitFor([&] { return f.session(); });
        if (step == QLatin1String("answer"))
            return QTest::qWaitFor([&] { return f.session(); }) && f.session()->answer() > 0
                && waitForState(f.session(), Connected);
        if (step == QLatin1String("drop"))
            return f.session()->drop() > 0;
        if (step.startsWith(QLatin1String("silence:"))) {
            f.feedSilence(step.mid(8).toInt());
            return true;
        }
        return f.feed(step);
    };
    for (const QString &step : std::as_const(steps))
        QVERIFY2(run(step), qPrintable(step));
    QTRY_VERIFY(f.session());
    CallSession *a = f.session();
    QVERIFY(waitForState(a, state));
    QVERIFY(f.drained());
    QCOMPARE(bool(f.engine().audioEndpoint(a)), voice);
    QCOMPARE(audioChanged.size(), voice ? 1 : 0);
    if (voice) // the line's audio of this phase is on its way to the agent
        QVERIFY(f.engine().audioEndpoint(a)->fromLine.available() > 0);

    QVERIFY2(run(end), qPrintable(end));
    QVERIFY(waitForState(a, endState));
    QTRY_COMPARE(audioChanged.size(), voice ? 2 : 0);
    QVERIFY(!f.engine().audioEndpoint(a));
}

void TestSoundLine::agentUnheardInTheAnswerFrame()
{
    // Frame by frame, the agent's side writing one frame to toLine before each: nothing of it is
    // played while the call is set up, including the frame in which the answer (here the answer
    // timeout) is taken; the next frame plays it sample for sample.
    QVariantMap config = lineConfig(QStringLiteral("us"));
    config.insert("answerTimeoutMs", 1000);
    SoundLineFixture f(config);
    QTRY_VERIFY(f.line() && f.line()->inService());
    QVERIFY(f.line()->makeCall(QStringLiteral("1")) > 0);
    QTRY_VERIFY(f.session());
    CallSession *a = f.session();
    QVERIFY(waitForState(a, DialTone));
    const std::shared_ptr<LineAudioEndpoint> voice = f.engine().audioEndpoint(a);
    QVERIFY(voice);
    QList<int16_t> dialTone;
    QString error;
    QVERIFY2(
        loadLineAudioFile(QStringLiteral(TEST_DATA_DIR "/dialtone_us_350+440_3s.wav"), &dialTone, &error),
        qPrintable(error));
    constexpr int Frame = 160; // the twin's 20 ms
    const QList<int16_t> agent = tone(300, 6000, Frame);
    // One frame through the worker; what it played for it. Once played, the frame's reports are
    // queued to this thread: processing them brings the engine's state up to date.
    const auto step = [&](const QList<int16_t> &line) {
        const qsizetype before = f.audio()->played().size();
        voice->toLine.write(samplesOf(agent));
        f.feed(line);
        if (!QTest::qWaitFor([&] { return f.audio()->played().size() >= before + Frame; }, 10000))
            return QList<int16_t>();
        QCoreApplication::processEvents();
        return f.audio()->played().mid(before);
    };
    const auto silent = [](const QList<int16_t> &samples) {
        return samples.size() == Frame
            && std::all_of(samples.cbegin(), samples.cend(), [](int16_t x) { return x == 0; });
    };
    qsizetype at = 0;
    while (a->state() != Proceeding && at + Frame <= dialTone.size()) {
        QCOMPARE(step(dialTone.mid(at, Frame)).size(), Frame);
        at += Frame;
    }
    QCOMPARE(a->state(), int(Proceeding));
    QCOMPARE(f.dialledDigits(), QStringLiteral("1"));
    const QList<int16_t> silence(Frame, 0);
    int frames = 0;
    while (a->state() == Proceeding && frames < 200) {
        const QList<int16_t> played = step(silence);
        QVERIFY2(silent(played), qPrintable(QStringLiteral("frame %1 after dialling").arg(frames)));
        ++frames;
    }
    QCOMPARE(a->state(), int(Connected));
    QVERIFY2(frames > 45 && frames < 55, qPrintable(QString::number(frames))); // about answerTimeoutMs
    QCOMPARE(step(silence), agent);
    QCOMPARE(f.engine().audioEndpoint(a), voice);
}

QTEST_GUILESS_MAIN(TestSoundLine)
#include "tst_soundline_line.moc"
