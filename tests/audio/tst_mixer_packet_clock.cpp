// A provider's packet clock run by the mixer (LinePacketClock, issue 15's CPU per call): a SIP call's
// packet times become the mixer's own cycles on the audio thread, the far end's packet received just
// before the mixer takes it and the agent's frame sent just after the mixer wrote it, in one cycle;
// nothing wakes the mixer from another thread. The clock goes back to its provider when the call leaves
// the mixer, and a stepped mixer never takes it.
#include "MixerThread.h"
#include "ToneHeadset.h"

#include "audio/CallAudioBridge.h"
#include "providers/LineAudioEndpoint.h"
#include "providers/LinePacketClock.h"

#include <QtCore/qelapsedtimer.h>
#include <QtCore/qthread.h>
#include <QtTest/qtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <mutex>
#include <vector>

namespace {
constexpr int LineRate = 8000;
constexpr int PacketMs = 20;
constexpr std::size_t PacketSamples = LineRate * PacketMs / 1000;
constexpr qint64 PacketNs = qint64(PacketMs) * 1'000'000;

qint64 steadyNowNs()
{
    return std::chrono::steady_clock::now().time_since_epoch().count();
}

// A provider's RTP-like stream: every packet time one frame of a 500 Hz tone into fromLine and one frame
// of toLine taken out, as SIP's stream does; it notes what was called, in order, and on which thread.
class PacketFarEnd : public LinePacketClock
{
public:
    enum Call { Driven, Released, Received, Sent };
    struct Event
    {
        Call call;
        QThread *thread;
        qint64 lateNs; // Received: how long after the packet time it came
        double sentRms; // Sent: the agent's frame's level
    };

    explicit PacketFarEnd(LineAudioEndpoint *endpoint)
        : m_endpoint(endpoint)
        , m_nextNs(steadyNowNs())
    { }

    void setDriven(bool driven) override
    {
        note({driven ? Driven : Released, QThread::currentThread(), 0, 0});
    }
    qint64 nextPacketNs() const override
    {
        const std::lock_guard lock(m_lock);
        return m_nextNs;
    }
    int receivePackets(qint64 nowNs) override
    {
        int due = 0;
        {
            const std::lock_guard lock(m_lock);
            if (nowNs < m_nextNs)
                return 0;
            const qint64 late = nowNs - m_nextNs;
            for (; m_nextNs <= nowNs; m_nextNs += PacketNs, ++due) {
                std::vector<int16_t> frame(PacketSamples);
                for (int16_t &sample : frame)
                    sample = int16_t(8000 * std::sin(2 * M_PI * 500.0 * double(m_at++) / LineRate));
                m_endpoint->fromLine.write(frame);
            }
            m_events.push_back({Received, QThread::currentThread(), late, 0});
            m_sendsDue += due;
        }
        return due;
    }
    void sendPackets() override
    {
        const std::lock_guard lock(m_lock);
        if (m_sendsDue == 0)
            return;
        // One event per call, however many packet times it sends (a late cycle's): the quietest frame.
        double quietest = -1.0;
        for (; m_sendsDue > 0; --m_sendsDue) {
            std::vector<int16_t> frame(PacketSamples);
            frame.resize(m_endpoint->toLine.read(frame));
            double sum = 0;
            for (const int16_t sample : frame)
                sum += double(sample) * sample;
            const double rms = frame.size() == PacketSamples ? std::sqrt(sum / double(frame.size())) : 0.0;
            quietest = quietest < 0 ? rms : std::min(quietest, rms);
        }
        m_events.push_back({Sent, QThread::currentThread(), 0, quietest});
    }
    std::vector<Event> events() const
    {
        const std::lock_guard lock(m_lock);
        return m_events;
    }

private:
    void note(const Event &event)
    {
        const std::lock_guard lock(m_lock);
        m_events.push_back(event);
    }

    LineAudioEndpoint *m_endpoint;
    mutable std::mutex m_lock;
    qint64 m_nextNs;
    std::size_t m_at = 0;
    int m_sendsDue = 0;
    std::vector<Event> m_events;
};
} // namespace

class tst_MixerPacketClock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void packetTimesAreTheMixersCycles_data();
    void packetTimesAreTheMixersCycles();
    void clockSetWhileBridged();
    void steppedMixerLeavesTheClock();
};

void tst_MixerPacketClock::packetTimesAreTheMixersCycles_data()
{
    QTest::addColumn<int>("bufferSamples"); // at 48 kHz
    QTest::addColumn<int>("cyclesPerPacket"); // the packet time's and the devices' between
    QTest::addColumn<bool>("audioThread");
    QTest::newRow("20 ms buffers, AudioThread") << 960 << 2 << true;
    QTest::newRow("10 ms buffers, AudioThread") << 480 << 4 << true;
    QTest::newRow("20 ms buffers, QThread") << 960 << 2 << false;
}

void tst_MixerPacketClock::packetTimesAreTheMixersCycles()
{
    QFETCH(int, bufferSamples);
    QFETCH(int, cyclesPerPacket);
    QFETCH(bool, audioThread);
    std::atomic<BufferAgentAudioIo *> io {nullptr};
    auto line = std::make_shared<LineAudioEndpoint>(LineRate, QStringLiteral("packets"));
    PacketFarEnd farEnd(line.get());
    line->setPacketClock(&farEnd); // as SIP's stream does once it runs, before the engine has the call
    {
        MixerThread mixer(toneHeadset(48000, 1000, -12.0, &io, std::size_t(bufferSamples)), audioThread);
        mixer.run([&] { mixer->addBridge(1, line, CallAudioBridge::Active, nullptr); });
        QVERIFY(io);
        io.load()->setKeepSamples(48000);
        const quint64 cycles0 = mixer->cyclesRun();
        const quint64 packets0 = mixer->packetTimesDriven();
        QElapsedTimer wall;
        wall.start();
        QTRY_VERIFY_WITH_TIMEOUT(mixer->packetTimesDriven() >= packets0 + 50, 20000);
        mixer.run([] {});
        const double seconds = double(wall.nsecsElapsed()) / 1e9;
        const quint64 packets = mixer->packetTimesDriven() - packets0;
        const double cyclesPerSecond = double(mixer->cyclesRun() - cycles0) / seconds;
        const QString figures = QStringLiteral("%1 packet times in %2 s, %3 cycles per second (cycle %4 ms), "
                                               "%5 wake-ups")
                                    .arg(packets)
                                    .arg(seconds, 0, 'f', 3)
                                    .arg(cyclesPerSecond, 0, 'f', 1)
                                    .arg(mixer->cycleMs())
                                    .arg(mixer->wakeCycles());
        qInfo().noquote() << figures;
        // Every packet time ran, on time: the packets are the mixer's own timer, not a wake-up.
        QVERIFY2(double(packets) >= seconds * 1000 / PacketMs - 3, qPrintable(figures));
        QVERIFY2(double(packets) <= seconds * 1000 / PacketMs + 2, qPrintable(figures));
        QCOMPARE(mixer->wakeCycles(), quint64(0));
        // The packet time's cycle and the devices' cycles between, and not more.
        QVERIFY2(cyclesPerSecond <= 1.25 * cyclesPerPacket * 1000.0 / PacketMs, qPrintable(figures));
        // The far end's packets were heard.
        const std::vector<int16_t> played = io.load()->takePlayed();
        int16_t loudest = 0;
        for (const int16_t sample : played)
            loudest = std::max<int16_t>(loudest, int16_t(std::abs(sample)));
        QVERIFY2(loudest > 4000, qPrintable(QString::number(loudest)));
        mixer.run([&] { mixer->removeBridge(1); });

        const std::vector<PacketFarEnd::Event> events = farEnd.events();
        QVERIFY(events.size() > 4);
        QCOMPARE(events.front().call, PacketFarEnd::Driven);
        QCOMPARE(events.back().call, PacketFarEnd::Released);
        // In between, each packet time received then sent, on the mixer's thread: received, sent, ...
        qint64 lateNs = 0;
        int received = 0;
        int heardAgent = 0;
        for (std::size_t i = 1; i + 1 < events.size(); ++i) {
            const PacketFarEnd::Event &event = events[i];
            QCOMPARE(event.thread, mixer.thread());
            QCOMPARE(event.call, i % 2 ? PacketFarEnd::Received : PacketFarEnd::Sent);
            if (event.call == PacketFarEnd::Received) {
                lateNs += event.lateNs;
                ++received;
            } else if (event.sentRms > 1000) {
                ++heardAgent; // the agent's tone (-12 dBFS: 8230 peak, 5820 RMS) went out whole
            }
        }
        const double meanLateMs = double(lateNs) / received / 1e6;
        qInfo() << "packet times run" << meanLateMs << "ms after they were due;" << heardAgent << "of"
                << received << "frames sent carried the agent's voice";
        QVERIFY2(meanLateMs < 3.0, qPrintable(QString::number(meanLateMs)));
        QVERIFY2(heardAgent >= received - 5, qPrintable(QString::number(heardAgent)));
    }
    line->setPacketClock(nullptr);
}

void tst_MixerPacketClock::clockSetWhileBridged()
{
    auto line = std::make_shared<LineAudioEndpoint>(LineRate, QStringLiteral("packets"));
    PacketFarEnd farEnd(line.get());
    {
        MixerThread mixer(toneHeadset(48000, 1000, -12.0));
        mixer.run([&] { mixer->addBridge(1, line, CallAudioBridge::Active, nullptr); });
        // A stream that starts after its call was bridged is driven from its first packet time.
        line->setPacketClock(&farEnd);
        QTRY_VERIFY_WITH_TIMEOUT(mixer->packetTimesDriven() >= 5, 5000);
        QCOMPARE(farEnd.events().front().call, PacketFarEnd::Driven);
        // Cleared by the provider (its stream going): the mixer no longer reaches it.
        line->setPacketClock(nullptr);
        mixer.run([] {});
        const std::size_t seen = farEnd.events().size();
        const quint64 driven = mixer->packetTimesDriven();
        QTest::qWait(3 * PacketMs);
        QCOMPARE(farEnd.events().size(), seen);
        QCOMPARE(mixer->packetTimesDriven(), driven);
    }
}

void tst_MixerPacketClock::steppedMixerLeavesTheClock()
{
    CallAudioMixer mixer(toneHeadset(48000, 1000, -12.0), CallAudioMixer::Drive::Stepped);
    mixer.start();
    auto line = std::make_shared<LineAudioEndpoint>(LineRate, QStringLiteral("packets"));
    PacketFarEnd farEnd(line.get());
    line->setPacketClock(&farEnd);
    mixer.addBridge(1, line, CallAudioBridge::Active, nullptr);
    mixer.advanceTo(qint64(10) * CallAudioMixer::SteppedCycleMs * 1'000'000);
    mixer.removeBridge(1);
    mixer.shutdown();
    // A virtual-time run keeps the provider on its own clock: the mixer never took it.
    QVERIFY(farEnd.events().empty());
    QCOMPARE(mixer.packetTimesDriven(), quint64(0));
    line->setPacketClock(nullptr);
}

QTEST_GUILESS_MAIN(tst_MixerPacketClock)
#include "tst_mixer_packet_clock.moc"
