// Audio end to end per codec against a real far end: baresip (SipBaresipPeer) through the loopback
// Kamailio, restricted to one codec. The console calls baresip (our offer of every codec, baresip's
// answer picks its one) or baresip calls the console (its offer, our answer under its payload types).
// baresip plays a tone that must reach the console's line endpoint (what the agent hears, before the
// audio router), and the agent's tone written to the endpoint must reach baresip's recording, each at
// its frequency and near its level; the endpoint runs at the codec's rate (8, 16 or 48 kHz).
#include "SipBaresipPeer.h"
#include "SipLineProvider.h"
#include "SipLoopbackConsole.h"
#include "SipLoopbackPeers.h"
#include "SipStack.h"
#include "ToneAnalysis.h"
#include "core/Tapi.h"
#include "lines/Line.h"
#include "providers/LineAudioEndpoint.h"
#include "session/CallEngine.h"
#include "session/CallSession.h"

#include <QtCore/qdeadlinetimer.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

#include <memory>
#include <vector>

using namespace Tapi;

namespace {
constexpr double FarHz = 770; // baresip's tone
constexpr double AgentHz = 1330; // the agent's; neither is a harmonic of the other
constexpr double ToneDbfs = -12.0; // both tones' level
constexpr double AgentSeconds = 2.0;
} // namespace

class tst_SipAudioCodecs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void toneBothWays_data();
    void toneBothWays();

private:
    std::unique_ptr<SipLoopbackPeers> m_peers;
    std::unique_ptr<SipLoopbackConsole> m_console;
};

void tst_SipAudioCodecs::initTestCase()
{
    m_peers = std::make_unique<SipLoopbackPeers>();
    QVERIFY(m_peers->isValid());
    QVERIFY(m_peers->kamailioPort() && m_peers->farEndPort());
    QString error;
    QVERIFY2(m_peers->prepareKamailio({{"agent1", "secret1"}}, &error), qPrintable(error));
    QVERIFY2(m_peers->startKamailio(&error), qPrintable(error));
    m_console = std::make_unique<SipLoopbackConsole>(m_peers.get());
    // The account's default codecs: opus, G722, PCMU, PCMA.
    QVERIFY2(m_console->start({{{"user", "agent1"}, {"password", "secret1"}}}, &error), qPrintable(error));
    Line *line = m_console->line(QStringLiteral("agent1"));
    QVERIFY(line);
    QTRY_VERIFY2_WITH_TIMEOUT(line->inService(), qPrintable(m_peers->kamailioLog()), 15000);
}

void tst_SipAudioCodecs::cleanupTestCase()
{
    m_console.reset();
    m_peers.reset();
}

void tst_SipAudioCodecs::toneBothWays_data()
{
    QTest::addColumn<QString>("codec"); // as baresip names it
    QTest::addColumn<bool>("inbound"); // baresip calls the console
    QTest::addColumn<int>("rate"); // the endpoint's and the recording's rate
    QTest::newRow("PCMU, console calls") << QStringLiteral("PCMU/8000/1") << false << 8000;
    QTest::newRow("PCMA, console calls") << QStringLiteral("PCMA/8000/1") << false << 8000;
    QTest::newRow("G722, console calls") << QStringLiteral("G722/16000/1") << false << 16000;
    QTest::newRow("opus, console calls") << QStringLiteral("opus/48000/2") << false << 48000;
    QTest::newRow("G722, baresip calls") << QStringLiteral("G722/16000/1") << true << 16000;
    QTest::newRow("opus, baresip calls") << QStringLiteral("opus/48000/2") << true << 48000;
}

void tst_SipAudioCodecs::toneBothWays()
{
    QFETCH(QString, codec);
    QFETCH(bool, inbound);
    QFETCH(int, rate);
    QSignalSpy added(m_console->engine(), &CallEngine::sessionAdded);
    QSignalSpy audio(m_console->provider()->stack(), &SipStack::callAudioReady);
    SipBaresipPeer peer;
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

    // The agent's tone goes out as fast as the ring takes it; what the far end says is collected until
    // the agent's tone is out and a second of the far end's was heard.
    const QByteArray agentTone = ToneAnalysis::sine(AgentHz, ToneDbfs, rate, AgentSeconds);
    const std::span<const int16_t> agent = ToneAnalysis::samplesOf(agentTone);
    std::size_t written = 0;
    QByteArray heard;
    QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired()
           && (written < agent.size() || heard.size() < qsizetype(2 * rate * sizeof(int16_t)))) {
        written += endpoint->toLine.write(agent.subspan(written));
        std::vector<int16_t> chunk(endpoint->fromLine.available());
        endpoint->fromLine.read(chunk);
        heard.append(reinterpret_cast<const char *>(chunk.data()), qsizetype(chunk.size() * sizeof(int16_t)));
        QTest::qWait(20);
    }
    QCOMPARE(written, agent.size());
    const double far = ToneAnalysis::peakLevelDbfs(heard, FarHz, rate, 0.2);
    const double farStray = ToneAnalysis::peakLevelDbfs(heard, AgentHz, rate, 0.2);
    qInfo("%s: the far end's %.0f Hz heard at %.1f dBFS (%.0f Hz at %.1f)", QTest::currentDataTag(), FarHz,
          far, AgentHz, farStray);
    QVERIFY2(far > ToneDbfs - 4 && far < ToneDbfs + 3, qPrintable(QString::number(far)));
    QVERIFY(farStray < far - 20);

    QVERIFY(a->drop(QByteArray()) > 0);
    QTRY_COMPARE_WITH_TIMEOUT(a->state(), int(Idle), 5000);
    peer.stop(); // its recording is complete once it has ended
    int recordedRate = 0;
    const QByteArray recorded = peer.recording(&recordedRate);
    QVERIFY2(!recorded.isEmpty(), qPrintable(peer.log()));
    QCOMPARE(recordedRate, rate);
    const double agentLevel = ToneAnalysis::peakLevelDbfs(recorded, AgentHz, recordedRate, 0.2);
    const double agentStray = ToneAnalysis::peakLevelDbfs(recorded, FarHz, recordedRate, 0.2);
    qInfo("%s: the agent's %.0f Hz recorded at %.1f dBFS (%.0f Hz at %.1f)", QTest::currentDataTag(), AgentHz,
          agentLevel, FarHz, agentStray);
    QVERIFY2(agentLevel > ToneDbfs - 4 && agentLevel < ToneDbfs + 3, qPrintable(QString::number(agentLevel)));
    QVERIFY(agentStray < agentLevel - 20);
}

QTEST_GUILESS_MAIN(tst_SipAudioCodecs)
#include "tst_sip_audio_codecs.moc"
