// SipJitterBuffer, the receive side's packet queue before SipPlayout: packets in sequence order with one
// held back, duplicates and late packets dropped, a restarted stream taken; and the depth it returns to
// after a stall. A stall (libre's thread or the far end late) ends with its packets in a burst; played
// one per packet time, the burst would stay in the buffer as added delay for the rest of the call. The
// buffer sheds that standing depth (one packet per packet time, merged into the frame by
// SipPlayout::shorten) and not the depth that jitter comes and goes through.
#include "SipJitterBuffer.h"
#include "SipPlayout.h"
#include "ToneAnalysis.h"

#include <QtTest/qtest.h>

#include <cmath>
#include <cstdlib>
#include <vector>

namespace {

constexpr int Min = 1;
constexpr int Max = 10;

// One packet time of the receive loop as LibreRtpStream runs it: what arrived is put, one packet is
// taken when there is one to take, the depth is noted, and a packet is shed when the buffer says so.
struct Receiver
{
    SipJitterBuffer buffer {Min, Max};
    std::vector<quint16> played; // sequence numbers handed out, shed ones included
    int shedFrames = 0;

    void frame(const std::vector<quint16> &arrived)
    {
        const std::vector<uint8_t> payload(160, 0xd5);
        for (quint16 sequence : arrived)
            buffer.put(sequence, payload);
        SipJitterBuffer::Packet packet;
        const bool got = buffer.get(&packet);
        if (got)
            played.push_back(packet.sequence);
        buffer.frameDone();
        if (got && buffer.shed(&packet)) {
            played.push_back(packet.sequence);
            ++shedFrames;
        }
    }
};

} // namespace

class tst_SipJitterBuffer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ordersAndDropsLikeJbuf();
    void restartedStreamIsTaken();
    void fullBufferDropsTheOldest();
    void burstAfterStallReturnsToTarget_data();
    void burstAfterStallReturnsToTarget();
    void jitterIsNotShed();
    void shortenHasNoJump();
};

void tst_SipJitterBuffer::ordersAndDropsLikeJbuf()
{
    SipJitterBuffer buffer(Min, Max);
    const std::vector<uint8_t> payload {1, 2, 3};
    using R = SipJitterBuffer::PutResult;
    QCOMPARE(buffer.put(65535, payload), R::Stored);
    QCOMPARE(buffer.put(1, payload), R::Stored); // after the wrap, before 0
    QCOMPARE(buffer.put(0, payload), R::Stored); // reordered
    QCOMPARE(buffer.put(1, payload), R::Duplicate);
    QCOMPARE(buffer.depth(), 3);
    SipJitterBuffer::Packet packet;
    QVERIFY(buffer.get(&packet));
    QCOMPARE(packet.sequence, quint16(65535));
    QCOMPARE(packet.payload.size(), payload.size());
    QCOMPARE(packet.payload[2], uint8_t(3));
    QVERIFY(buffer.get(&packet));
    QCOMPARE(packet.sequence, quint16(0));
    QVERIFY(!buffer.get(&packet)); // one held back
    QCOMPARE(buffer.put(0, payload), R::Late); // its place was played
    QCOMPARE(buffer.put(65534, payload), R::Late);
    QCOMPARE(buffer.depth(), 1);
}

void tst_SipJitterBuffer::restartedStreamIsTaken()
{
    // A far end that starts its sequence numbers anew (far behind the last one played) is not "late".
    SipJitterBuffer buffer(Min, Max);
    const std::vector<uint8_t> payload(10, 0);
    QCOMPARE(buffer.put(5000, payload), SipJitterBuffer::PutResult::Stored);
    QCOMPARE(buffer.put(5001, payload), SipJitterBuffer::PutResult::Stored);
    SipJitterBuffer::Packet packet;
    QVERIFY(buffer.get(&packet));
    QCOMPARE(buffer.put(12, payload), SipJitterBuffer::PutResult::Stored);
    QCOMPARE(buffer.put(13, payload), SipJitterBuffer::PutResult::Stored);
    QVERIFY(buffer.get(&packet));
    QCOMPARE(packet.sequence, quint16(12));
}

void tst_SipJitterBuffer::fullBufferDropsTheOldest()
{
    SipJitterBuffer buffer(Min, Max);
    const std::vector<uint8_t> payload(10, 0);
    for (quint16 s = 0; s < Max + 3; ++s)
        QCOMPARE(buffer.put(s, payload), SipJitterBuffer::PutResult::Stored);
    QCOMPARE(buffer.depth(), Max);
    QCOMPARE(buffer.overflows(), 3);
    SipJitterBuffer::Packet packet;
    QVERIFY(buffer.get(&packet));
    QCOMPARE(packet.sequence, quint16(3));
}

void tst_SipJitterBuffer::burstAfterStallReturnsToTarget_data()
{
    QTest::addColumn<int>("stallFrames");
    QTest::addRow("40 ms") << 2;
    QTest::addRow("100 ms") << 5;
    QTest::addRow("160 ms") << 8;
}

void tst_SipJitterBuffer::burstAfterStallReturnsToTarget()
{
    QFETCH(int, stallFrames);
    Receiver receiver;
    quint16 next = 100;
    // Steady: one packet a packet time; the depth left is the one held back.
    for (int i = 0; i < 30; ++i)
        receiver.frame({next++});
    QCOMPARE(receiver.buffer.depth(), Min);
    QCOMPARE(receiver.shedFrames, 0);
    // The far end (or this thread) stalls, then everything it owed comes at once, then steady again.
    for (int i = 0; i < stallFrames; ++i)
        receiver.frame({});
    std::vector<quint16> burst;
    for (int i = 0; i <= stallFrames; ++i)
        burst.push_back(next++);
    receiver.frame(burst);
    QCOMPARE(receiver.buffer.depth(), Min + stallFrames); // the burst stands as delay
    // Back at the target within a window and one packet time per excess packet.
    const int bound = SipJitterBuffer::ShedWindowFrames + stallFrames + 1;
    int frames = 0;
    while (receiver.buffer.depth() > Min && frames < 5 * bound) {
        receiver.frame({next++});
        ++frames;
    }
    QVERIFY2(frames <= bound,
             qPrintable(QStringLiteral("depth %1 after %2 packet times (bound %3)")
                            .arg(receiver.buffer.depth())
                            .arg(frames)
                            .arg(bound)));
    QCOMPARE(receiver.shedFrames, stallFrames);
    // And it stays there: no more shedding in steady flow.
    for (int i = 0; i < 50; ++i)
        receiver.frame({next++});
    QCOMPARE(receiver.buffer.depth(), Min);
    QCOMPARE(receiver.shedFrames, stallFrames);
    // Every packet went out once, in order: shed packets are merged, not lost.
    for (std::size_t i = 1; i < receiver.played.size(); ++i)
        QCOMPARE(receiver.played[i], quint16(receiver.played[i - 1] + 1));
}

void tst_SipJitterBuffer::jitterIsNotShed()
{
    // Packets two at a time every other packet time, then three at once and two packet times without:
    // the depth comes and goes and is back at the target in between, so none of it is shed.
    Receiver receiver;
    quint16 next = 0;
    receiver.frame({next++});
    const int arrivals[] = {2, 0, 2, 0, 3, 0, 0, 1, 1, 1};
    for (int i = 0; i < 300; ++i) {
        std::vector<quint16> arrived;
        for (int k = 0; k < arrivals[i % 10]; ++k)
            arrived.push_back(next++);
        const std::size_t playedBefore = receiver.played.size();
        receiver.frame(arrived);
        QCOMPARE(receiver.played.size(), playedBefore + 1); // never ran dry
    }
    QCOMPARE(receiver.shedFrames, 0);
    QCOMPARE(receiver.buffer.depth(), Min);
}

void tst_SipJitterBuffer::shortenHasNoJump()
{
    // Two frames of a tone become one: as long as one, with no step larger than the tone's own.
    constexpr int Rate = 8000;
    constexpr std::size_t Frame = 160;
    const QByteArray tone = ToneAnalysis::sine(440.0, -6.0, Rate, 0.2);
    const std::span<const int16_t> samples = ToneAnalysis::samplesOf(tone);
    std::vector<int16_t> pcm(samples.begin(), samples.begin() + 3 * Frame);
    int toneStep = 0;
    for (std::size_t i = 1; i < pcm.size(); ++i)
        toneStep = std::max(toneStep, std::abs(pcm[i] - pcm[i - 1]));
    // The frame after: where the tone goes on once the merged part has played.
    const std::vector<int16_t> following(samples.begin() + 3 * Frame, samples.begin() + 4 * Frame);
    SipPlayout::shorten(pcm, Frame);
    QCOMPARE(pcm.size(), 2 * Frame);
    pcm.insert(pcm.end(), following.begin(), following.end());
    for (std::size_t i = 1; i < pcm.size(); ++i)
        QVERIFY2(std::abs(pcm[i] - pcm[i - 1]) <= toneStep + 1,
                 qPrintable(QStringLiteral("step %1 at %2 (the tone's largest %3)")
                                .arg(std::abs(pcm[i] - pcm[i - 1]))
                                .arg(i)
                                .arg(toneStep)));
    // Too little to merge: left as it is.
    std::vector<int16_t> short1(Frame, 7);
    SipPlayout::shorten(short1, Frame);
    QCOMPARE(short1.size(), Frame);
}

QTEST_GUILESS_MAIN(tst_SipJitterBuffer)
#include "tst_sip_jitter_buffer.moc"
