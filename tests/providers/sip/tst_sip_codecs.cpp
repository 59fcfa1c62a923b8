// The SIP line's codecs (docs/provider-guide.md, "Codecs"): SDP offer/answer negotiation (which format
// an offer gets, dynamic payload types, malformed rtpmap and fmtp), the account's `codecs` setting, the
// Opus encoder's set-up from the far end's fmtp, and each codec's encode → decode round trip (a tone
// keeps its frequency and level; with the endpoint at another rate, through the resampler).
#include "G711Codec.h"
#include "G722Codec.h"
#include "OpusCodec.h"
#include "SipAccountConfig.h"
#include "SipAudioTranscoder.h"
#include "SipFmtp.h"
#include "SipSdp.h"
#include "ToneAnalysis.h"

#include <QtCore/qelapsedtimer.h>
#include <QtTest/qtest.h>

#include <opus.h>

#include <array>
#include <vector>

using Codec = SipSdp::Codec;
Q_DECLARE_METATYPE(SipSdp::Codec)

class tst_SipCodecs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void negotiation_data();
    void negotiation();
    void fmtpParameters_data();
    void fmtpParameters();
    void offerRoundTrip();
    void answerUsesOfferersPayloadType();
    void telephoneEvents_data();
    void telephoneEvents();
    void accountCodecs_data();
    void accountCodecs();
    void opusSettings_data();
    void opusSettings();
    void roundTrip_data();
    void roundTrip();
    void packetTime_data();
    void packetTime();
    void packetTimeOfTheCodec_data();
    void packetTimeOfTheCodec();
};

namespace {
const QByteArray Head = "v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\ns=-\r\nc=IN IP4 10.0.0.1\r\nt=0 0\r\n";
const QList<Codec> All = SipSdp::defaultPreference();
} // namespace

void tst_SipCodecs::negotiation_data()
{
    QTest::addColumn<QByteArray>("media"); // m= line and attributes
    QTest::addColumn<QList<Codec>>("accepted"); // the account's codecs
    QTest::addColumn<int>("payloadType"); // chosen, -1: none (488)
    QTest::addColumn<Codec>("codec");
    QTest::addColumn<QByteArray>("parameters");

    const QByteArray opus96 = "a=rtpmap:96 opus/48000/2\r\n";
    QTest::newRow("offerer's order: PCMU first")
        << "m=audio 4000 RTP/AVP 0 8 9 96\r\n" + opus96 << All << 0 << Codec::Pcmu << QByteArray();
    QTest::newRow("offerer's order: PCMA first")
        << "m=audio 4000 RTP/AVP 8 0\r\n"_qba << All << 8 << Codec::Pcma << QByteArray();
    QTest::newRow("G.722 static 9") << "m=audio 4000 RTP/AVP 9 0\r\na=rtpmap:9 G722/8000\r\n"_qba << All << 9
                                    << Codec::G722 << QByteArray();
    QTest::newRow("G.722 static 9 without rtpmap")
        << "m=audio 4000 RTP/AVP 9\r\n"_qba << All << 9 << Codec::G722 << QByteArray();
    QTest::newRow("opus dynamic 96 with fmtp")
        << "m=audio 4000 RTP/AVP 96 0\r\n" + opus96 + "a=fmtp:96 useinbandfec=1; stereo=1\r\n"
        << All << 96 << Codec::Opus << QByteArray("useinbandfec=1; stereo=1");
    QTest::newRow("opus dynamic 120, name in capitals")
        << "m=audio 4000 RTP/AVP 120\r\na=rtpmap:120 OPUS/48000/2\r\n"_qba << All << 120 << Codec::Opus
        << QByteArray();
    QTest::newRow("G.722 under a dynamic type")
        << "m=audio 4000 RTP/AVP 97\r\na=rtpmap:97 g722/8000/1\r\n"_qba << All << 97 << Codec::G722
        << QByteArray();
    QTest::newRow("account without opus skips it")
        << "m=audio 4000 RTP/AVP 96 9 8\r\n" + opus96 << QList<Codec> {Codec::Pcma, Codec::G722} << 9
        << Codec::G722 << QByteArray();
    QTest::newRow("account with G.711 only, offer wideband only")
        << "m=audio 4000 RTP/AVP 96 9\r\n" + opus96 << QList<Codec> {Codec::Pcmu, Codec::Pcma} << -1
        << Codec::None << QByteArray();
    QTest::newRow("opus at the wrong clock is not opus")
        << "m=audio 4000 RTP/AVP 96 8\r\na=rtpmap:96 opus/8000/2\r\n"_qba << All << 8 << Codec::Pcma
        << QByteArray();
    QTest::newRow("opus without channels is not opus (RFC 7587)")
        << "m=audio 4000 RTP/AVP 96 8\r\na=rtpmap:96 opus/48000\r\n"_qba << All << 8 << Codec::Pcma
        << QByteArray();
    QTest::newRow("G.722 at 16000 is not RFC 3551's G.722")
        << "m=audio 4000 RTP/AVP 97 0\r\na=rtpmap:97 G722/16000\r\n"_qba << All << 0 << Codec::Pcmu
        << QByteArray();
    QTest::newRow("dynamic type without rtpmap")
        << "m=audio 4000 RTP/AVP 96\r\n"_qba << All << -1 << Codec::None << QByteArray();
    QTest::newRow("static type keeps its codec against its rtpmap")
        << "m=audio 4000 RTP/AVP 0\r\na=rtpmap:0 opus/48000/2\r\n"_qba << All << 0 << Codec::Pcmu
        << QByteArray();
    QTest::newRow("rtpmap of a type not listed")
        << "m=audio 4000 RTP/AVP 18 0\r\na=rtpmap:96 opus/48000/2\r\n"_qba << All << 0 << Codec::Pcmu
        << QByteArray();
    QTest::newRow("G.729 and telephone-event only: 488")
        << "m=audio 4000 RTP/AVP 18 101\r\na=rtpmap:101 telephone-event/8000\r\n"_qba << All << -1
        << Codec::None << QByteArray();
    QTest::newRow("malformed rtpmaps are skipped")
        << "m=audio 4000 RTP/AVP 96 97 98 99 100 8\r\na=rtpmap:\r\na=rtpmap:96\r\na=rtpmap:97 /\r\n"
           "a=rtpmap:98 opus/abc/2\r\na=rtpmap:99 opus/48000/2/9\r\na=rtpmap:x100 opus/48000/2\r\n"
           "a=rtpmap:300 opus/48000/2\r\na=rtpmap:100  \r\n"_qba
        << All << 8 << Codec::Pcma << QByteArray();
    QTest::newRow("malformed fmtp is kept as text, bad lines dropped")
        << "m=audio 4000 RTP/AVP 96\r\n" + opus96
            + "a=fmtp:\r\na=fmtp:96\r\na=fmtp:x =;;=\r\na=fmtp:96 =;;a\r\n"
        << All << 96 << Codec::Opus << QByteArray("=;;a");
    QTest::newRow("oversized fmtp ignored")
        << "m=audio 4000 RTP/AVP 96\r\n" + opus96 + "a=fmtp:96 " + QByteArray(300, 'x') + "\r\n"
        << All << 96 << Codec::Opus << QByteArray();
    QTest::newRow("refused stream") << "m=audio 0 RTP/AVP 0\r\n"_qba << All << -1 << Codec::None
                                    << QByteArray();
}

void tst_SipCodecs::negotiation()
{
    QFETCH(QByteArray, media);
    QFETCH(QList<Codec>, accepted);
    const std::optional<SipSdp> sdp = SipSdp::parse(Head + media);
    QVERIFY(sdp);
    const SipSdp::Format chosen = sdp->firstCommon(accepted);
    QTEST(chosen.payloadType, "payloadType");
    QTEST(chosen.codec, "codec");
    QTEST(chosen.parameters, "parameters");
}

void tst_SipCodecs::fmtpParameters_data()
{
    QTest::addColumn<QByteArray>("parameters");
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<bool>("present");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<int>("number"); // in [0, 100000], fallback -1
    QTest::newRow("plain") << "maxaveragebitrate=20000;stereo=1"_qba
                           << "maxaveragebitrate"_qba << true << "20000"_qba << 20000;
    QTest::newRow("blanks, case") << "maxplaybackrate = 16000 ; Stereo= 1"_qba
                                  << "stereo"_qba << true << "1"_qba << 1;
    QTest::newRow("absent") << "stereo=1"_qba
                            << "usedtx"_qba << false << QByteArray() << -1;
    QTest::newRow("key alone") << "useinbandfec;x=1"_qba
                               << "useinbandfec"_qba << true << QByteArray() << -1;
    QTest::newRow("first counts") << "cbr=1;cbr=0"_qba
                                  << "cbr"_qba << true << "1"_qba << 1;
    QTest::newRow("not a number") << "maxaveragebitrate=lots"_qba
                                  << "maxaveragebitrate"_qba << true << "lots"_qba << -1;
    QTest::newRow("out of range") << "maxaveragebitrate=999999999"_qba
                                  << "maxaveragebitrate"_qba << true << "999999999"_qba << -1;
    QTest::newRow("separators only") << ";;=;="_qba
                                     << "stereo"_qba << false << QByteArray() << -1;
    QTest::newRow("empty") << QByteArray() << "stereo"_qba << false << QByteArray() << -1;
}

void tst_SipCodecs::fmtpParameters()
{
    QFETCH(QByteArray, parameters);
    QFETCH(QByteArray, key);
    const std::optional<QByteArray> value = SipFmtp::value(parameters, key);
    QTEST(value.has_value(), "present");
    QTEST(value.value_or(QByteArray()), "value");
    QTEST(SipFmtp::number(parameters, key, 0, 100000, -1), "number");
}

void tst_SipCodecs::offerRoundTrip()
{
    // Our offer: the preference order, PT 9 "G722/8000" (RFC 3551), opus dynamic with RFC 7587's
    // rtpmap and our fmtp, telephone-event last; parsed back it is the same list.
    const QList<SipSdp::Format> formats =
        SipSdp::offerFormats({Codec::Opus, Codec::G722, Codec::Pcmu, Codec::Opus, Codec::None, Codec::Pcma});
    QCOMPARE(formats.size(), 4); // the repeat and None are skipped
    const QByteArray offer = SipSdp::build("127.0.0.1", 4000, 1, 1, formats, SipSdp::OfferedTelephoneEvent);
    QVERIFY2(offer.contains("m=audio 4000 RTP/AVP 111 9 0 8 101\r\n"), offer.constData());
    QVERIFY(offer.contains("a=rtpmap:111 opus/48000/2\r\na=fmtp:111 maxplaybackrate=48000;stereo=0;"
                           "sprop-stereo=0;useinbandfec=1\r\n"));
    QVERIFY(offer.contains("a=rtpmap:9 G722/8000\r\n"));
    QVERIFY(offer.contains("a=rtpmap:0 PCMU/8000\r\n"));
    QVERIFY(offer.contains("a=rtpmap:8 PCMA/8000\r\n"));
    const std::optional<SipSdp> parsed = SipSdp::parse(offer);
    QVERIFY(parsed);
    // telephone-event is listed as no codec, with its fmtp.
    const QList<SipSdp::Format> withEvent = formats + QList<SipSdp::Format> {{101, Codec::None, "0-15"}};
    QCOMPARE(parsed->formats, withEvent);
    QCOMPARE(parsed->telephoneEvent, SipSdp::OfferedTelephoneEvent);
    // An account preferring G.711 offers it first.
    QVERIFY(SipSdp::build("127.0.0.1", 4000, 1, 1, SipSdp::offerFormats({Codec::Pcma, Codec::G722}))
                .contains("m=audio 4000 RTP/AVP 8 9\r\n"));
}

void tst_SipCodecs::answerUsesOfferersPayloadType()
{
    // The far end offers opus as 96: the answer maps opus to 96 too (RFC 3264 6.1), with our fmtp.
    const std::optional<SipSdp> offer = SipSdp::parse(
        Head + "m=audio 4000 RTP/AVP 96 0\r\na=rtpmap:96 opus/48000/2\r\na=fmtp:96 stereo=1\r\n");
    QVERIFY(offer);
    const SipSdp::Format chosen = offer->firstCommon(All);
    const SipSdp::Format ours {chosen.payloadType, chosen.codec, SipSdp::offeredParameters(chosen.codec)};
    const QByteArray answer = SipSdp::build("127.0.0.1", 5000, 2, 1, {ours});
    QVERIFY2(answer.contains("m=audio 5000 RTP/AVP 96\r\na=rtpmap:96 opus/48000/2\r\na=fmtp:96 "
                             "maxplaybackrate=48000;stereo=0;sprop-stereo=0;useinbandfec=1\r\n"),
             answer.constData());
    QVERIFY(!answer.contains("111"));
}

void tst_SipCodecs::telephoneEvents_data()
{
    QTest::addColumn<QByteArray>("media");
    QTest::addColumn<Codec>("codec"); // the one agreed
    QTest::addColumn<int>("payloadType"); // telephone-event to use, -1: none
    QTest::addColumn<int>("rate");
    const QByteArray both = "m=audio 4000 RTP/AVP 96 0 101 110\r\na=rtpmap:96 opus/48000/2\r\n"
                            "a=rtpmap:101 telephone-event/8000\r\na=rtpmap:110 telephone-event/48000\r\n";
    QTest::newRow("opus takes the 48 kHz one") << both << Codec::Opus << 110 << 48000;
    QTest::newRow("PCMU takes the 8 kHz one") << both << Codec::Pcmu << 101 << 8000;
    QTest::newRow("opus with 8 kHz events only")
        << "m=audio 4000 RTP/AVP 96 101\r\na=rtpmap:96 opus/48000/2\r\na=rtpmap:101 telephone-event/8000\r\n"_qba
        << Codec::Opus << 101 << 8000;
    QTest::newRow("PCMU with 48 kHz events only: none")
        << "m=audio 4000 RTP/AVP 0 110\r\na=rtpmap:110 telephone-event/48000\r\n"_qba << Codec::Pcmu << -1
        << 8000;
    QTest::newRow("other clocks are not telephone-event")
        << "m=audio 4000 RTP/AVP 0 101\r\na=rtpmap:101 telephone-event/16000\r\n"_qba << Codec::Pcmu << -1
        << 8000;
}

void tst_SipCodecs::telephoneEvents()
{
    QFETCH(QByteArray, media);
    QFETCH(Codec, codec);
    const std::optional<SipSdp> sdp = SipSdp::parse(Head + media);
    QVERIFY(sdp);
    int rate = 0;
    QTEST(sdp->telephoneEventFor(codec, &rate), "payloadType");
    QTEST(rate, "rate");
    // An answer carries the chosen one with its clock; an offer with Opus carries both.
    if (const int pt = sdp->telephoneEventFor(codec); pt >= 0) {
        const QByteArray answer = rate == 48000
            ? SipSdp::build("127.0.0.1", 5000, 1, 1, {}, -1, "sendrecv", pt)
            : SipSdp::build("127.0.0.1", 5000, 1, 1, {}, pt);
        QVERIFY(answer.contains("a=rtpmap:" + QByteArray::number(pt) + " telephone-event/"
                                + QByteArray::number(rate) + "\r\n"));
    }
    const QByteArray offer =
        SipSdp::build("127.0.0.1", 5000, 1, 1, SipSdp::offerFormats(All), SipSdp::OfferedTelephoneEvent,
                      "sendrecv", SipSdp::OfferedTelephoneEvent48k);
    QVERIFY(offer.contains("m=audio 5000 RTP/AVP 111 9 0 8 101 102\r\n"));
    QVERIFY(offer.contains("a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\n"
                           "a=rtpmap:102 telephone-event/48000\r\na=fmtp:102 0-15\r\n"));
    const std::optional<SipSdp> parsed = SipSdp::parse(offer);
    QVERIFY(parsed && parsed->telephoneEvent == 101 && parsed->telephoneEvent48k == 102);
}

void tst_SipCodecs::accountCodecs_data()
{
    QTest::addColumn<QVariant>("codecs"); // invalid: key absent
    QTest::addColumn<QList<Codec>>("expected");
    QTest::addColumn<QString>("error");
    QTest::newRow("default") << QVariant()
                             << QList<Codec> {Codec::Opus, Codec::G722, Codec::Pcmu, Codec::Pcma}
                             << QString();
    QTest::newRow("string") << QVariant(QStringLiteral(" pcma , G722"))
                            << QList<Codec> {Codec::Pcma, Codec::G722} << QString();
    QTest::newRow("list") << QVariant(QStringList {QStringLiteral("PCMU"), QStringLiteral("OPUS")})
                          << QList<Codec> {Codec::Pcmu, Codec::Opus} << QString();
    QTest::newRow("unknown") << QVariant(QStringLiteral("PCMU,G729")) << QList<Codec> {}
                             << QStringLiteral("codecs: 'G729' is not PCMU, PCMA, G722 or opus");
    QTest::newRow("twice") << QVariant(QStringLiteral("PCMU,pcmu")) << QList<Codec> {}
                           << QStringLiteral("codecs: 'pcmu' is listed twice");
    QTest::newRow("empty") << QVariant(QString()) << QList<Codec> {}
                           << QStringLiteral("codecs: '' is not PCMU, PCMA, G722 or opus");
}

void tst_SipCodecs::accountCodecs()
{
    QFETCH(QVariant, codecs);
    QFETCH(QString, error);
    QVariantMap map {{QStringLiteral("registrar"), QStringLiteral("pbx.example")},
                     {QStringLiteral("user"), QStringLiteral("agent1")}};
    if (codecs.isValid())
        map.insert(QStringLiteral("codecs"), codecs);
    SipAccountConfig config;
    QString message;
    QCOMPARE(SipAccountConfig::fromVariantMap(map, &config, &message), error.isEmpty());
    QCOMPARE(message, error);
    if (error.isEmpty())
        QTEST(config.codecs, "expected");
}

void tst_SipCodecs::opusSettings_data()
{
    QTest::addColumn<QByteArray>("parameters"); // the far end's fmtp
    QTest::addColumn<int>("bitrate");
    QTest::addColumn<int>("bandwidth");
    QTest::addColumn<bool>("fec");
    QTest::newRow("none") << QByteArray() << int(OpusCodec::DefaultBitrate) << int(OPUS_BANDWIDTH_FULLBAND)
                          << false;
    QTest::newRow("RFC 7587 example")
        << "maxplaybackrate=16000; sprop-maxcapturerate=16000; maxaveragebitrate=20000; stereo=1; "
           "useinbandfec=1; usedtx=0"_qba
        << 20000 << int(OPUS_BANDWIDTH_WIDEBAND) << true;
    QTest::newRow("narrowband") << "maxplaybackrate=8000"_qba << int(OpusCodec::DefaultBitrate)
                                << int(OPUS_BANDWIDTH_NARROWBAND) << false;
    QTest::newRow("out of range ignored")
        << "maxaveragebitrate=5;maxplaybackrate=96000;useinbandfec=7"_qba << int(OpusCodec::DefaultBitrate)
        << int(OPUS_BANDWIDTH_FULLBAND) << false;
}

void tst_SipCodecs::opusSettings()
{
    QFETCH(QByteArray, parameters);
    OpusCodec opus(parameters);
    QVERIFY(opus.isValid());
    QTEST(opus.bitrate(), "bitrate");
    QTEST(opus.maxBandwidth(), "bandwidth");
    QTEST(opus.inbandFec(), "fec");
}

void tst_SipCodecs::roundTrip_data()
{
    QTest::addColumn<Codec>("codec");
    QTest::addColumn<int>("endpointRate"); // the console's side of the codec
    QTest::addColumn<double>("frequency");
    QTest::addColumn<int>("sampleRate"); // the codec's PCM rate
    QTest::addColumn<int>("ticks"); // RTP timestamp per 20 ms frame
    QTest::addColumn<int>("maxPayload"); // bytes per 20 ms frame at most
    QTest::newRow("PCMU 1 kHz") << Codec::Pcmu << 8000 << 1000.0 << 8000 << 160 << 160;
    QTest::newRow("PCMA 1 kHz") << Codec::Pcma << 8000 << 1000.0 << 8000 << 160 << 160;
    QTest::newRow("PCMU 3.1 kHz") << Codec::Pcmu << 8000 << 3100.0 << 8000 << 160 << 160;
    QTest::newRow("G.722 1 kHz") << Codec::G722 << 16000 << 1000.0 << 16000 << 160 << 160;
    QTest::newRow("G.722 6 kHz (wideband)") << Codec::G722 << 16000 << 6000.0 << 16000 << 160 << 160;
    QTest::newRow("opus 1 kHz") << Codec::Opus << 48000 << 1000.0 << 48000 << 960 << 200;
    QTest::newRow("opus 7 kHz") << Codec::Opus << 48000 << 7000.0 << 48000 << 960 << 200;
    // A re-INVITE moved the call to a codec of another rate: the endpoint keeps its own.
    QTest::newRow("PCMU, endpoint at 16 kHz") << Codec::Pcmu << 16000 << 1000.0 << 8000 << 160 << 160;
    QTest::newRow("G.722, endpoint at 48 kHz") << Codec::G722 << 48000 << 1000.0 << 16000 << 160 << 160;
    QTest::newRow("opus, endpoint at 8 kHz") << Codec::Opus << 8000 << 1000.0 << 48000 << 960 << 200;
}

void tst_SipCodecs::roundTrip()
{
    QFETCH(Codec, codec);
    QFETCH(int, endpointRate);
    QFETCH(double, frequency);
    // Two codec objects, as the two ends of a call have: one encodes, the other decodes.
    std::unique_ptr<SipAudioCodec> encoderCodec = SipAudioCodec::create({96, codec, {}});
    std::unique_ptr<SipAudioCodec> decoderCodec = SipAudioCodec::create({96, codec, {}});
    QVERIFY(encoderCodec && decoderCodec);
    QCOMPARE(encoderCodec->codec(), codec);
    QTEST(encoderCodec->sampleRate(), "sampleRate");
    QTEST(encoderCodec->frameTicks(), "ticks");
    SipAudioTranscoder sender(std::move(encoderCodec), endpointRate);
    SipAudioTranscoder receiver(std::move(decoderCodec), endpointRate);

    constexpr double Level = -10.0; // dBFS
    const QByteArray tone = ToneAnalysis::sine(frequency, Level, endpointRate, 1.0);
    const std::span<const int16_t> input = ToneAnalysis::samplesOf(tone);
    const auto frame = std::size_t(sender.endpointFrameSamples());
    QCOMPARE(int(frame), endpointRate / 50);
    std::vector<int16_t> output;
    std::array<uint8_t, SipAudioCodec::MaxPayload> payload {};
    QFETCH(int, maxPayload);
    QElapsedTimer cpu;
    qint64 encodeNs = 0;
    qint64 decodeNs = 0;
    int frames = 0;
    for (std::size_t start = 0; start + frame <= input.size(); start += frame, ++frames) {
        cpu.start();
        const std::size_t bytes = sender.encode(input.subspan(start, frame), payload);
        encodeNs += cpu.nsecsElapsed();
        QVERIFY(bytes > 0 && int(bytes) <= maxPayload);
        cpu.start();
        receiver.decode(std::span<const uint8_t>(payload.data(), bytes), output);
        decodeNs += cpu.nsecsElapsed();
    }
    qInfo("%s: %.1f µs to encode a 20 ms frame, %.1f µs to decode it", QTest::currentDataTag(),
          double(encodeNs) / frames / 1000.0, double(decodeNs) / frames / 1000.0);
    // The codec and resampler delays are a few ms: whole seconds in, nearly as much out.
    QVERIFY2(output.size() + frame >= input.size() && output.size() <= input.size() + frame,
             qPrintable(QStringLiteral("%1 samples out of %2").arg(output.size()).arg(input.size())));
    // The second half (past any start-up) holds the tone at its level, and nothing at other frequencies.
    const std::span<const int16_t> settled(output.data() + output.size() / 2, output.size() / 2);
    const double level = ToneAnalysis::levelDbfs(settled, frequency, endpointRate);
    QVERIFY2(qAbs(level - Level) < 2.0, qPrintable(QStringLiteral("tone at %1 dBFS").arg(level)));
    for (double other : {frequency * 0.5, frequency * 1.5}) {
        if (other >= endpointRate / 2.0)
            continue;
        const double stray = ToneAnalysis::levelDbfs(settled, other, endpointRate);
        QVERIFY2(stray < Level - 30.0, qPrintable(QStringLiteral("%1 Hz at %2 dBFS").arg(other).arg(stray)));
    }
}

void tst_SipCodecs::packetTime_data()
{
    // The far end's SDP (its offer, or its answer to ours): the packet time we send it with.
    QTest::addColumn<QByteArray>("sdp");
    QTest::addColumn<Codec>("codec");
    QTest::addColumn<int>("ptime"); // as parsed
    QTest::addColumn<int>("maxptime");
    QTest::addColumn<int>("packetMs"); // what we send
    const QByteArray m = "m=audio 4000 RTP/AVP 0 8 9 111\r\na=rtpmap:111 opus/48000/2\r\n";
    QTest::newRow("nothing said") << Head + m << Codec::Pcmu << 0 << 0 << 20;
    for (int ms : {10, 20, 30, 40}) {
        QTest::addRow("PCMU ptime %d", ms) << Head + m + "a=ptime:" + QByteArray::number(ms) + "\r\n"
                                           << Codec::Pcmu << ms << 0 << ms;
        QTest::addRow("G722 ptime %d", ms) << Head + m + "a=ptime:" + QByteArray::number(ms) + "\r\n"
                                           << Codec::G722 << ms << 0 << ms;
    }
    QTest::newRow("opus ptime 40") << Head + m + "a=ptime:40\r\n" << Codec::Opus << 40 << 0 << 40;
    QTest::newRow("opus ptime 30: no such frame") << Head + m + "a=ptime:30\r\n"
                                                  << Codec::Opus << 30 << 0 << 20;
    QTest::newRow("ptime 60: the longest below") << Head + m + "a=ptime:60\r\n"
                                                 << Codec::Pcma << 60 << 0 << 40;
    QTest::newRow("ptime 25") << Head + m + "a=ptime:25\r\n" << Codec::Pcma << 25 << 0 << 20;
    QTest::newRow("ptime 5: the default") << Head + m + "a=ptime:5\r\n" << Codec::Pcmu << 5 << 0 << 20;
    QTest::newRow("maxptime 10 only") << Head + m + "a=maxptime:10\r\n" << Codec::Pcmu << 0 << 10 << 10;
    QTest::newRow("ptime 40, maxptime 30") << Head + m + "a=ptime:40\r\na=maxptime:30\r\n"
                                           << Codec::Pcmu << 40 << 30 << 30;
    QTest::newRow("opus ptime 40, maxptime 30") << Head + m + "a=ptime:40\r\na=maxptime:30\r\n"
                                                << Codec::Opus << 40 << 30 << 20;
    QTest::newRow("maxptime 5: the shortest") << Head + m + "a=maxptime:5\r\n" << Codec::Opus << 0 << 5 << 10;
    QTest::newRow("maxptime above ptime") << Head + m + "a=ptime:30\r\na=maxptime:60\r\n"
                                          << Codec::G722 << 30 << 60 << 30;
    QTest::newRow("session level") << Head + "a=ptime:40\r\n" + m << Codec::Pcmu << 40 << 0 << 40;
    QTest::newRow("media level over session level") << Head + "a=ptime:40\r\n" + m + "a=ptime:10\r\n"
                                                    << Codec::Pcmu << 10 << 0 << 10;
    QTest::newRow("another stream's ptime ignored")
        << Head + m + "a=ptime:30\r\nm=video 5000 RTP/AVP 96\r\na=ptime:40\r\n"
        << Codec::Pcmu << 30 << 0 << 30;
    QTest::newRow("malformed") << Head + m + "a=ptime:forty\r\na=maxptime:-1\r\n"
                               << Codec::Pcmu << 0 << 0 << 20;
    QTest::newRow("out of range") << Head + m + "a=ptime:100000\r\n" << Codec::Pcmu << 0 << 0 << 20;
    // What we offer and answer says the packet time we send with (20 ms until the far end asks for
    // another), which parses back to it: a far end that echoes it sends what we send.
    QTest::newRow("our own offer") << SipSdp::build("10.0.0.2", 4002, 1, 1, SipSdp::offerFormats(All))
                                   << Codec::Opus << 20 << 0 << 20;
    for (int ms : {10, 30, 40}) {
        QTest::addRow("our answer sending %d ms", ms)
            << SipSdp::build("10.0.0.2", 4002, 1, 1, {{0, Codec::Pcmu, {}}}, 101, "sendrecv", -1, ms)
            << Codec::Pcmu << ms << 0 << ms;
    }
}

void tst_SipCodecs::packetTime()
{
    QFETCH(QByteArray, sdp);
    QFETCH(Codec, codec);
    const std::optional<SipSdp> parsed = SipSdp::parse(sdp);
    QVERIFY(parsed);
    QTEST(parsed->ptime, "ptime");
    QTEST(parsed->maxptime, "maxptime");
    QFETCH(int, packetMs);
    QCOMPARE(parsed->packetTimeFor(codec), packetMs);
    // The codec takes it: its frames and RTP timestamp steps follow.
    std::unique_ptr<SipAudioCodec> coder = SipAudioCodec::create({96, codec, {}});
    QVERIFY(coder);
    QVERIFY(coder->setPacketMs(packetMs));
    QCOMPARE(coder->frameTicks(), coder->rtpClockRate() * packetMs / 1000);
}

void tst_SipCodecs::packetTimeOfTheCodec_data()
{
    QTest::addColumn<Codec>("codec");
    QTest::addColumn<int>("packetMs");
    QTest::addColumn<int>("ticks"); // RTP timestamp step per packet
    QTest::addColumn<int>("maxPayload");
    QTest::newRow("PCMU 10") << Codec::Pcmu << 10 << 80 << 80;
    QTest::newRow("PCMU 30") << Codec::Pcmu << 30 << 240 << 240;
    QTest::newRow("PCMA 40") << Codec::Pcma << 40 << 320 << 320;
    QTest::newRow("G722 40") << Codec::G722 << 40 << 320 << 320;
    QTest::newRow("opus 10") << Codec::Opus << 10 << 480 << 200;
    QTest::newRow("opus 40") << Codec::Opus << 40 << 1920 << 400;
}

void tst_SipCodecs::packetTimeOfTheCodec()
{
    // A frame of the packet time encodes into one payload that decodes back to that length.
    QFETCH(Codec, codec);
    QFETCH(int, packetMs);
    std::unique_ptr<SipAudioCodec> encoder = SipAudioCodec::create({96, codec, {}});
    std::unique_ptr<SipAudioCodec> decoder = SipAudioCodec::create({96, codec, {}});
    QVERIFY(encoder && decoder);
    QVERIFY(!encoder->setPacketMs(codec == Codec::Opus ? 30 : 50));
    QCOMPARE(encoder->packetMs(), 20);
    QVERIFY(encoder->setPacketMs(packetMs));
    QTEST(encoder->frameTicks(), "ticks");
    const QByteArray tone = ToneAnalysis::sine(1000.0, -10.0, encoder->sampleRate(), 0.2);
    const std::span<const int16_t> input = ToneAnalysis::samplesOf(tone);
    std::array<uint8_t, SipAudioCodec::MaxPayload> payload {};
    const std::size_t bytes =
        encoder->encode(input.subspan(0, std::size_t(encoder->frameSamples())), payload);
    QFETCH(int, maxPayload);
    QVERIFY(bytes > 0 && int(bytes) <= maxPayload);
    std::vector<int16_t> pcm;
    decoder->decode(std::span<const uint8_t>(payload.data(), bytes), pcm);
    QCOMPARE(int(pcm.size()), encoder->sampleRate() * packetMs / 1000);
}

QTEST_GUILESS_MAIN(tst_SipCodecs)
#include "tst_sip_codecs.moc"
