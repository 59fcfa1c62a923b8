// The receive path of a SIP call's RTP stream without the network (SipPlayout on the codecs, as
// LibreRtpStream feeds it from libre's jitter buffer): a stream with packets left out plays without a
// gap of silence where they were, per codec and packet time; a duplicate or a packet whose place was
// filled is dropped; a jump longer than SipPlayout::MaxConcealMs is a new start; and Opus's in-band FEC
// (the far end asked for it with useinbandfec=1) rebuilds a lost packet closer to what was sent than
// concealment does.
#include "OpusCodec.h"
#include "SipAudioTranscoder.h"
#include "SipPlayout.h"
#include "SipSdp.h"
#include "ToneAnalysis.h"

#include <QtCore/qset.h>
#include <QtTest/qtest.h>

#include <array>
#include <cmath>
#include <numbers>
#include <vector>

using Codec = SipSdp::Codec;
Q_DECLARE_METATYPE(SipSdp::Codec)

namespace {

using Packet = std::vector<uint8_t>;

// `input` coded in frames of the transcoder's packet time.
std::vector<Packet> encodeAll(SipAudioTranscoder &sender, std::span<const int16_t> input)
{
    std::vector<Packet> packets;
    const auto frame = std::size_t(sender.endpointFrameSamples());
    std::array<uint8_t, SipAudioCodec::MaxPayload> payload {};
    for (std::size_t start = 0; start + frame <= input.size(); start += frame) {
        const std::size_t bytes = sender.encode(input.subspan(start, frame), payload);
        packets.emplace_back(payload.begin(), payload.begin() + std::ptrdiff_t(bytes));
    }
    return packets;
}

double rms(std::span<const int16_t> samples)
{
    double sum = 0;
    for (int16_t s : samples)
        sum += double(s) * s;
    return samples.empty() ? 0.0 : std::sqrt(sum / double(samples.size()));
}

// Error energy of `decoded` against `reference` over the given frames.
double errorEnergy(const std::vector<int16_t> &decoded, const std::vector<int16_t> &reference,
                   const QList<int> &frames, int frameSamples)
{
    double sum = 0;
    for (int frame : frames) {
        for (int i = frame * frameSamples; i < (frame + 1) * frameSamples; ++i) {
            const double d = double(decoded.at(std::size_t(i))) - reference.at(std::size_t(i));
            sum += d * d;
        }
    }
    return sum;
}

// Something like a voice at 48 kHz: ten harmonics of a pitch gliding between 80 and 200 Hz, its loudness
// rising and falling four times a second (what concealment, repeating the last pitch period, gets
// wrong and a copy of the packet gets right).
std::vector<int16_t> voiceLike(double seconds)
{
    constexpr int Rate = 48000;
    std::vector<int16_t> out(std::size_t(seconds * Rate));
    double phase = 0;
    for (std::size_t i = 0; i < out.size(); ++i) {
        const double t = double(i) / Rate;
        const double f0 = 140.0 + 60.0 * std::sin(2 * std::numbers::pi * 1.3 * t);
        phase += 2 * std::numbers::pi * f0 / Rate;
        double v = 0;
        for (int k = 1; k <= 10; ++k)
            v += std::sin(k * phase) / k;
        const double envelope = 0.2 + 0.8 * std::pow(std::sin(std::numbers::pi * 4.0 * t), 2);
        out[i] = int16_t(std::lround(3500.0 * envelope * v));
    }
    return out;
}

} // namespace

class tst_SipPlayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noGapWhereAPacketIsLost_data();
    void noGapWhereAPacketIsLost();
    void latePacketIsDropped();
    void longJumpIsANewStart();
    void fecRecoversBetterThanConcealment_data();
    void fecRecoversBetterThanConcealment();
};

void tst_SipPlayout::noGapWhereAPacketIsLost_data()
{
    QTest::addColumn<Codec>("codec");
    QTest::addColumn<int>("packetMs");
    for (Codec codec : {Codec::Pcmu, Codec::Pcma, Codec::G722, Codec::Opus}) {
        const QByteArray name = SipSdp::codecName(codec);
        for (int packetMs : {20, 40})
            QTest::addRow("%s %d ms", name.constData(), packetMs) << codec << packetMs;
    }
}

void tst_SipPlayout::noGapWhereAPacketIsLost()
{
    QFETCH(Codec, codec);
    QFETCH(int, packetMs);
    std::unique_ptr<SipAudioCodec> encoder = SipAudioCodec::create({96, codec, {}});
    std::unique_ptr<SipAudioCodec> decoder = SipAudioCodec::create({96, codec, {}});
    QVERIFY(encoder && decoder);
    const int rate = encoder->sampleRate();
    SipAudioTranscoder sender(std::move(encoder), rate);
    SipAudioTranscoder receiver(std::move(decoder), rate);
    QVERIFY(sender.setPacketMs(packetMs));
    constexpr double Level = -10.0;
    const QByteArray tone = ToneAnalysis::sine(400.0, Level, rate, 1.2);
    const std::vector<Packet> packets = encodeAll(sender, ToneAnalysis::samplesOf(tone));
    const int frameSamples = sender.endpointFrameSamples();

    // Single and double losses; the sequence numbers wrap through 65535 on the way.
    const QList<int> lost = {8, 14, 15, 22};
    SipPlayout playout(receiver);
    std::vector<int16_t> out;
    quint16 sequence = 65530;
    for (int i = 0; i < int(packets.size()); ++i, ++sequence) {
        if (!lost.contains(i))
            QVERIFY(playout.packet(sequence, packets[std::size_t(i)], out));
    }
    // Every packet time has its audio: as many samples as were sent.
    QCOMPARE(int(out.size()), int(packets.size()) * frameSamples);
    QCOMPARE(playout.concealed() + playout.recovered(), int(lost.size()));
    // No 5 ms stretch of the first 20 ms of a loss is silent: within 20 dB of the tone. (Concealment
    // then fades out: spandsp's within 50 ms at 8 kHz, 25 ms at G.722's 16 kHz.)
    const double toneRms = rms(ToneAnalysis::samplesOf(tone).subspan(0, std::size_t(frameSamples)));
    const int window = rate / 200;
    const int filled = rate / 50;
    for (int frame : lost) {
        int runStart = frame;
        while (lost.contains(runStart - 1))
            --runStart;
        for (int start = frame * frameSamples; start < (frame + 1) * frameSamples; start += window) {
            if (start + window - runStart * frameSamples > filled)
                break;
            const double level =
                rms(std::span<const int16_t>(out).subspan(std::size_t(start), std::size_t(window)));
            QVERIFY2(level > toneRms * 0.1,
                     qPrintable(QStringLiteral("packet %1, sample %2: rms %3 against the tone's %4")
                                    .arg(frame)
                                    .arg(start - frame * frameSamples)
                                    .arg(level)
                                    .arg(toneRms)));
        }
    }
    // Past the losses the tone is back at its level.
    const std::span<const int16_t> after =
        std::span<const int16_t>(out).subspan(std::size_t(30 * 20 / packetMs) * std::size_t(frameSamples));
    QVERIFY(after.size() > std::size_t(rate / 10));
    QVERIFY(qAbs(ToneAnalysis::levelDbfs(after, 400.0, rate) - Level) < 2.0);
}

void tst_SipPlayout::latePacketIsDropped()
{
    // Its place was filled already: played now it would push everything after it late.
    SipAudioTranscoder receiver(SipAudioCodec::create({0, Codec::Pcmu, {}}), 8000);
    SipPlayout playout(receiver);
    std::vector<int16_t> out;
    const Packet packet(160, 0xd5);
    QVERIFY(playout.packet(100, packet, out));
    QVERIFY(playout.packet(102, packet, out)); // 101 concealed
    QVERIFY(!playout.packet(101, packet, out));
    QVERIFY(!playout.packet(102, packet, out)); // a duplicate
    QVERIFY(playout.packet(103, packet, out));
    QCOMPARE(int(out.size()), 4 * 160);
    QCOMPARE(playout.concealed(), 1);
}

void tst_SipPlayout::longJumpIsANewStart()
{
    // A jump in sequence numbers longer than MaxConcealMs (a far end that restarted its stream) is not
    // made up for; up to it, it is.
    SipAudioTranscoder receiver(SipAudioCodec::create({0, Codec::Pcmu, {}}), 8000);
    SipPlayout playout(receiver);
    std::vector<int16_t> out;
    const Packet packet(160, 0x55);
    QVERIFY(playout.packet(1, packet, out));
    const int most = SipPlayout::MaxConcealMs / 20;
    QVERIFY(playout.packet(quint16(2 + most), packet, out)); // `most` lost: concealed
    QCOMPARE(int(out.size()), (2 + most) * 160);
    QCOMPARE(playout.concealed(), most);
    out.clear();
    QVERIFY(playout.packet(quint16(2 + most + most + 2), packet, out)); // one more lost: a new start
    QCOMPARE(int(out.size()), 160);
    QCOMPARE(playout.concealed(), most);
}

void tst_SipPlayout::fecRecoversBetterThanConcealment_data()
{
    QTest::addColumn<QByteArray>("farEndFmtp"); // what the receiving side asked for: sets the sender's FEC
    QTest::addColumn<bool>("better");
    QTest::newRow("useinbandfec=1") << "useinbandfec=1"_qba << true;
    QTest::newRow("no FEC asked") << QByteArray() << false;
}

void tst_SipPlayout::fecRecoversBetterThanConcealment()
{
    QFETCH(QByteArray, farEndFmtp);
    QFETCH(bool, better);
    SipAudioTranscoder sender(std::make_unique<OpusCodec>(farEndFmtp), 48000);
    const std::vector<int16_t> original = voiceLike(2.0);
    const std::vector<Packet> packets = encodeAll(sender, original);
    const int frameSamples = sender.endpointFrameSamples();
    // Lost packets, one at a time, at different points of the pitch glide and the loudness.
    QList<int> lost;
    for (int i = 10; i + 2 < int(packets.size()); i += 7)
        lost.append(i);

    // What the receiver plays with nothing lost; with the losses (each rebuilt from the next packet's
    // FEC); and, for comparison, with each loss concealed by Opus's own PLC (the playout sees an unbroken
    // sequence there).
    auto play = [&](bool lose, bool conceal, int *recovered) {
        auto codec = std::make_unique<OpusCodec>(QByteArrayView());
        OpusCodec *opus = codec.get();
        SipAudioTranscoder receiver(std::move(codec), 48000);
        SipPlayout playout(receiver);
        std::vector<int16_t> out;
        quint16 sequence = 0;
        for (int i = 0; i < int(packets.size()); ++i) {
            if (lose && lost.contains(i)) {
                if (conceal)
                    opus->conceal(frameSamples, out);
                else
                    ++sequence;
                continue;
            }
            playout.packet(sequence++, packets[std::size_t(i)], out);
        }
        if (recovered)
            *recovered = playout.recovered();
        return out;
    };
    int recovered = 0;
    const std::vector<int16_t> reference = play(false, false, nullptr);
    const std::vector<int16_t> fec = play(true, false, &recovered);
    const std::vector<int16_t> concealed = play(true, true, nullptr);
    QCOMPARE(reference.size(), packets.size() * std::size_t(frameSamples));
    QCOMPARE(fec.size(), reference.size());
    QCOMPARE(concealed.size(), reference.size());
    QCOMPARE(recovered, int(lost.size()));

    // Against the decoder's output of the whole stream (the original as Opus codes it, with the codec's
    // delay), and against the original signal aligned to that delay.
    const double fecError = errorEnergy(fec, reference, lost, frameSamples);
    const double plcError = errorEnergy(concealed, reference, lost, frameSamples);
    int delay = 0;
    double bestCorrelation = -1;
    for (int d = 0; d < 960; ++d) {
        double c = 0;
        for (int i = 24000; i < 72000; ++i)
            c += double(reference.at(std::size_t(i + d))) * original.at(std::size_t(i));
        if (c > bestCorrelation) {
            bestCorrelation = c;
            delay = d;
        }
    }
    std::vector<int16_t> shifted(reference.size(), 0);
    for (std::size_t i = std::size_t(delay); i < shifted.size(); ++i)
        shifted[i] = original.at(i - std::size_t(delay));
    const double fecOriginal = errorEnergy(fec, shifted, lost, frameSamples);
    const double plcOriginal = errorEnergy(concealed, shifted, lost, frameSamples);
    double signal = 0;
    for (int frame : lost) {
        for (int i = frame * frameSamples; i < (frame + 1) * frameSamples; ++i)
            signal += double(shifted[std::size_t(i)]) * shifted[std::size_t(i)];
    }
    auto snr = [signal](double error) {
        return 10.0 * std::log10(signal / std::max(error, 1.0));
    };
    qInfo("%s: lost packets %lld, delay %d samples; SNR against the original: FEC %.1f dB, concealment %.1f "
          "dB; "
          "against the lossless decode: FEC %.1f dB, concealment %.1f dB",
          QTest::currentDataTag(), qlonglong(lost.size()), delay, snr(fecOriginal), snr(plcOriginal),
          snr(fecError), snr(plcError));
    if (better) {
        QVERIFY2(fecError * 4 < plcError, "FEC should be at least 6 dB closer to the lossless decode");
        QVERIFY2(fecOriginal * 2 < plcOriginal, "FEC should be at least 3 dB closer to the original");
    } else {
        // Without FEC in the stream the decoder has nothing but its concealment.
        QVERIFY(fecError > plcError * 0.5);
    }
}

QTEST_GUILESS_MAIN(tst_SipPlayout)
#include "tst_sip_playout.moc"
