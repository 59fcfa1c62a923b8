// Audio end to end per codec against a real far end: baresip (SipBaresipPeer) through the loopback
// Kamailio, restricted to one codec. The console calls baresip (our offer of every codec, baresip's
// answer picks its one) or baresip calls the console (its offer, our answer under its payload types).
// The console's audio is the real CallAudioRouter with the buffer twin of the agent's headset
// (BufferAgentAudioIo at 48 kHz): baresip plays a tone that must reach the agent's earpiece, and the
// agent's microphone tone must reach baresip's recording, each at its frequency and near its level; the
// call's line endpoint runs at the codec's rate (8, 16 or 48 kHz).
#include "SipBaresipPeer.h"
#include "SipLineProvider.h"
#include "SipLoopbackConsole.h"
#include "SipLoopbackPeers.h"
#include "SipStack.h"
#include "ToneAnalysis.h"
#include "ToneFarEnd.h"
#include "ToneHeadset.h"
#include "audio/BufferAgentAudioIo.h"
#include "audio/CallAudioRouter.h"
#include "core/Tapi.h"
#include "lines/Line.h"
#include "providers/LineAudioEndpoint.h"
#include "session/CallEngine.h"
#include "session/CallSession.h"
#include "settings/ConsoleSettings.h"

#include <QtCore/qdeadlinetimer.h>
#include <QtCore/qelapsedtimer.h>
#include <QtCore/qsettings.h>
#include <QtCore/qtemporarydir.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

#include <sys/resource.h>

#include <atomic>
#include <memory>
#include <vector>

using namespace Tapi;

namespace {
double processCpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

constexpr double FarHz = 770; // baresip's tone
constexpr double AgentHz = 1330; // the agent's; neither is a harmonic of the other
constexpr double ToneDbfs = -12.0; // both tones' level
constexpr int AgentRate = 48000; // the headset twin's
constexpr double HeardSeconds = 2.0; // of the earpiece
} // namespace

class tst_SipAudioCodecs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void toneBothWays_data();
    void toneBothWays();
    void dtmfOnOpusBothWays();

private:
    std::unique_ptr<SipLoopbackPeers> m_peers;
    std::unique_ptr<SipLoopbackConsole> m_console;
    QTemporaryDir m_dir;
    std::unique_ptr<ConsoleSettings> m_settings;
    std::unique_ptr<CallAudioRouter> m_router;
    std::atomic<BufferAgentAudioIo *> m_io {nullptr}; // owned by the router's mixer, made on its thread
};

void tst_SipAudioCodecs::initTestCase()
{
    m_peers = std::make_unique<SipLoopbackPeers>();
    QVERIFY(m_peers->isValid());
    QVERIFY(m_peers->kamailioPort() && m_peers->farEndPort());
    QString error;
    m_console = SipLoopbackConsole::registeredAgent(m_peers.get(), &error);
    QVERIFY2(m_console, qPrintable(error));
    // The agent's headset: the microphone says the agent's tone all the time, the earpiece keeps what it
    // plays.
    QVERIFY(m_dir.isValid());
    m_settings = freshAudioSettings(m_dir);
    m_router = std::make_unique<CallAudioRouter>(m_console->engine(), nullptr, m_settings.get(),
                                                 toneHeadset(AgentRate, AgentHz, ToneDbfs, &m_io),
                                                 CallAudioMixer::Drive::OwnTimer, nullptr);
}

void tst_SipAudioCodecs::cleanupTestCase()
{
    m_router.reset();
    m_console.reset();
    m_peers.reset();
}

void tst_SipAudioCodecs::toneBothWays_data()
{
    QTest::addColumn<QString>("codec"); // as baresip names it
    QTest::addColumn<bool>("inbound"); // baresip calls the console
    QTest::addColumn<int>("rate"); // the endpoint's and the recording's rate
    QTest::addColumn<int>("ptime"); // baresip's packet time, both ways (0: its default, 20 ms)
    QTest::newRow("PCMU, console calls") << QStringLiteral("PCMU/8000/1") << false << 8000 << 0;
    QTest::newRow("PCMA, console calls") << QStringLiteral("PCMA/8000/1") << false << 8000 << 0;
    QTest::newRow("G722, console calls") << QStringLiteral("G722/16000/1") << false << 16000 << 0;
    QTest::newRow("opus, console calls") << QStringLiteral("opus/48000/2") << false << 48000 << 0;
    QTest::newRow("G722, baresip calls") << QStringLiteral("G722/16000/1") << true << 16000 << 0;
    QTest::newRow("opus, baresip calls") << QStringLiteral("opus/48000/2") << true << 48000 << 0;
    // baresip calls asking for 40 ms packets (a=ptime:40 in its offer): the console sends them, and its
    // answer says a=ptime:40.
    QTest::newRow("PCMU 40 ms, baresip calls") << QStringLiteral("PCMU/8000/1") << true << 8000 << 40;
    QTest::newRow("opus 40 ms, baresip calls") << QStringLiteral("opus/48000/2") << true << 48000 << 40;
}

void tst_SipAudioCodecs::toneBothWays()
{
    QFETCH(QString, codec);
    QFETCH(bool, inbound);
    QFETCH(int, rate);
    QFETCH(int, ptime);
    QSignalSpy added(m_console->engine(), &CallEngine::sessionAdded);
    QSignalSpy audio(m_console->provider()->stack(), &SipStack::callAudioReady);
    SipBaresipPeer peer;
    peer.setPacketTime(ptime);
    QString error;
    const QString console = QStringLiteral("sip:agent1@127.0.0.1:%1").arg(m_peers->kamailioPort());
    QVERIFY2(peer.start(codec, m_peers->farEndPort(), QStringLiteral("9000"), FarHz,
                        inbound ? console : QString(), &error),
             qPrintable(error));
    QVERIFY2(peer.waitReady(), qPrintable(peer.log()));

    CallSession *a = nullptr;
    if (inbound) {
        a = m_console->waitForOffer(added);
        QVERIFY2(a, qPrintable(peer.log() + m_peers->kamailioLog()));
        QVERIFY(a->answer() > 0);
    } else {
        a = m_console->makeCall(QStringLiteral("9000"));
        QVERIFY(a);
    }
    QTRY_COMPARE_WITH_TIMEOUT(a->state(), int(Connected), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(audio.count(), 1, 5000);
    const auto endpoint = audio.at(0).at(1).value<std::shared_ptr<LineAudioEndpoint>>();
    QVERIFY(endpoint);
    QCOMPARE(endpoint->sampleRate(), rate);
    QVERIFY2(endpoint->description().contains(codec.section(QLatin1Char('/'), 0, 0)),
             qPrintable(endpoint->description()));

    // Bridged to the headset: what the earpiece plays from now on is what the far end says.
    QTRY_COMPARE_WITH_TIMEOUT(m_router->bridgedCalls(), 1, 5000);
    BufferAgentAudioIo *io = m_io;
    QVERIFY(io);
    io->takePlayed();
    std::vector<int16_t> played;
    // CPU figures (printed, not checked): this process (the console's libre thread, router, mixer, and
    // the test's polling) and baresip, over the same stretch of the call.
    const double consoleCpuStart = processCpuSeconds();
    const double peerCpuStart = peer.cpuSeconds();
    QElapsedTimer wall;
    wall.start();
    QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired() && played.size() < std::size_t(HeardSeconds * AgentRate)) {
        QTest::qWait(20);
        const std::vector<int16_t> more = io->takePlayed();
        played.insert(played.end(), more.begin(), more.end());
    }
    const double seconds = double(wall.elapsed()) / 1000.0;
    qInfo("%s: CPU per second of call: console %.1f ms, baresip %.1f ms", QTest::currentDataTag(),
          (processCpuSeconds() - consoleCpuStart) * 1000.0 / seconds,
          (peer.cpuSeconds() - peerCpuStart) * 1000.0 / seconds);
    const QByteArray heard(reinterpret_cast<const char *>(played.data()),
                           qsizetype(played.size() * sizeof(int16_t)));
    // A heard tone by its best 50 ms block (a loaded machine's gaps break a longer block's phase), a stray
    // one over 200 ms blocks (a glitch only lowers a tone).
    const double far = ToneAnalysis::peakLevelDbfs(heard, FarHz, AgentRate, 0.05);
    const double farStray = ToneAnalysis::peakLevelDbfs(heard, AgentHz, AgentRate, 0.2);
    qInfo("%s: the far end's %.0f Hz in the earpiece at %.1f dBFS (%.0f Hz at %.1f)", QTest::currentDataTag(),
          FarHz, far, AgentHz, farStray);
    // Gaps (10 ms with nothing of the tone) in the second half, past the call's start: logged.
    const std::span<const int16_t> settled =
        ToneAnalysis::samplesOf(heard).subspan(played.size() / 2, played.size() / 2);
    int gaps = 0;
    for (std::size_t at = 0; at + AgentRate / 100 <= settled.size(); at += AgentRate / 100) {
        if (ToneAnalysis::levelDbfs(settled.subspan(at, AgentRate / 100), FarHz, AgentRate) < ToneDbfs - 20)
            ++gaps;
    }
    qInfo("%s: %d gaps of 10 ms in the last %.1f s", QTest::currentDataTag(), gaps,
          double(settled.size()) / AgentRate);
    QVERIFY2(far > ToneDbfs - 4 && far < ToneDbfs + 3, qPrintable(QString::number(far)));
    QVERIFY(farStray < far - 20);

    QVERIFY(a->drop(QByteArray()) > 0);
    QTRY_COMPARE_WITH_TIMEOUT(a->state(), int(Idle), 5000);
    peer.stop(); // its recording is complete once it has ended
    int recordedRate = 0;
    const QByteArray recorded = peer.recording(&recordedRate);
    QVERIFY2(!recorded.isEmpty(), qPrintable(peer.log()));
    QCOMPARE(recordedRate, rate);
    const double agentLevel = ToneAnalysis::peakLevelDbfs(recorded, AgentHz, recordedRate, 0.05);
    const double agentStray = ToneAnalysis::peakLevelDbfs(recorded, FarHz, recordedRate, 0.2);
    qInfo("%s: the agent's %.0f Hz in baresip's recording at %.1f dBFS (%.0f Hz at %.1f)",
          QTest::currentDataTag(), AgentHz, agentLevel, FarHz, agentStray);
    QVERIFY2(agentLevel > ToneDbfs - 4 && agentLevel < ToneDbfs + 3, qPrintable(QString::number(agentLevel)));
    QVERIFY(agentStray < agentLevel - 20);
}

void tst_SipAudioCodecs::dtmfOnOpusBothWays()
{
    // RFC 4733 events on an Opus call, both ways, against baresip (driven over its ctrl_tcp module): the
    // agent's digits reach baresip (its CALL_DTMF_START events), baresip's `sndcode` digits reach the
    // session's digitReceived, in order. baresip 1.0 knows telephone-event only at 8000 Hz (what it offers
    // and answers beside opus/48000), so that is what the call negotiates; the stream's event clock is
    // then the event format's, the audio's timestamps keep 48 kHz (docs/provider-guide.md, "Codecs").
    QSignalSpy audio(m_console->provider()->stack(), &SipStack::callAudioReady);
    SipBaresipPeer peer;
    peer.enableControl();
    QString error;
    QVERIFY2(peer.start(QStringLiteral("opus/48000/2"), m_peers->farEndPort(), QStringLiteral("9000"), FarHz,
                        QString(), &error),
             qPrintable(error));
    QVERIFY2(peer.waitReady(), qPrintable(peer.log()));
    CallSession *a = m_console->makeCall(QStringLiteral("9000"));
    QVERIFY(a);
    QTRY_COMPARE_WITH_TIMEOUT(a->state(), int(Connected), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(audio.count(), 1, 5000);
    const auto endpoint = audio.at(0).at(1).value<std::shared_ptr<LineAudioEndpoint>>();
    QVERIFY2(endpoint && endpoint->description().contains(QLatin1String("opus")),
             qPrintable(endpoint ? endpoint->description() : QString()));
    QCOMPARE(endpoint->sampleRate(), 48000);

    QSignalSpy digits(a, &CallSession::digitReceived);
    QVERIFY(a->dial(QStringLiteral("159#")) > 0);
    QTRY_COMPARE_WITH_TIMEOUT(peer.digitsReceived(), QStringLiteral("159#"), 10000);
    QVERIFY(peer.command("sndcode", "2*80"));
    QTRY_COMPARE_WITH_TIMEOUT(digits.count(), 4, 10000);
    QString heard;
    for (const QList<QVariant> &digit : std::as_const(digits))
        heard += digit.at(0).toString();
    QCOMPARE(heard, QStringLiteral("2*80"));
    QVERIFY(a->drop(QByteArray()) > 0);
    QTRY_COMPARE_WITH_TIMEOUT(a->state(), int(Idle), 5000);
}

QTEST_GUILESS_MAIN(tst_SipAudioCodecs)
#include "tst_sip_audio_codecs.moc"
