// A conference hosted on the console against real far ends: two baresip instances (SipBaresipPeer)
// through the loopback Kamailio, one on G.722 (16 kHz) calling the console, one on PCMU (8 kHz) the
// console dials as the conference's consult. The console's audio is the real CallAudioRouter with the
// buffer twin of the agent's headset. While the conference talks, each far end's recording must hold
// the other far end's tone (which reaches it only through the console's mix) and the agent's, and the
// agent's earpiece both far ends' tones; dropping the conference sends each far end a BYE.
#include "SipBaresipPeer.h"
#include "SipLineProvider.h"
#include "SipLoopbackConsole.h"
#include "SipLoopbackPeers.h"
#include "SipStack.h"
#include "ToneAnalysis.h"
#include "ToneFarEnd.h"
#include "audio/BufferAgentAudioIo.h"
#include "audio/CallAudioRouter.h"
#include "core/Tapi.h"
#include "lines/Line.h"
#include "session/CallEngine.h"
#include "session/CallSession.h"
#include "settings/ConsoleSettings.h"

#include <QtCore/qdeadlinetimer.h>
#include <QtCore/qtemporarydir.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

#include <atomic>
#include <memory>
#include <vector>

using namespace Tapi;

namespace {
constexpr double CallerHz = 770; // the far end that calls the console (G.722)
constexpr double ConsultHz = 1090; // the far end the console dials into the conference (PCMU)
constexpr double AgentHz = 1330; // the agent's microphone
constexpr double ToneDbfs = -12.0;
constexpr int AgentRate = 48000;
constexpr int ConferenceMs = 2500; // how long the three talk together
} // namespace

class tst_SipConferenceLoopback : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void farEndsHearEachOtherAndTheAgent();

private:
    std::unique_ptr<SipLoopbackPeers> m_peers;
    std::unique_ptr<SipLoopbackConsole> m_console;
    QTemporaryDir m_dir;
    std::unique_ptr<ConsoleSettings> m_settings;
    std::unique_ptr<CallAudioRouter> m_router;
    std::atomic<BufferAgentAudioIo *> m_io {nullptr}; // the router's mixer owns it, on its thread
};

void tst_SipConferenceLoopback::initTestCase()
{
    m_peers = std::make_unique<SipLoopbackPeers>();
    QVERIFY(m_peers->isValid());
    QString error;
    QVERIFY2(m_peers->prepareKamailio({{"agent1", "secret1"}}, &error), qPrintable(error));
    QVERIFY2(m_peers->startKamailio(&error), qPrintable(error));
    m_console = std::make_unique<SipLoopbackConsole>(m_peers.get());
    QVERIFY2(m_console->start({{{"user", "agent1"}, {"password", "secret1"}}}, &error), qPrintable(error));
    Line *line = m_console->line(QStringLiteral("agent1"));
    QVERIFY(line);
    QTRY_VERIFY2_WITH_TIMEOUT(line->inService(), qPrintable(m_peers->kamailioLog()), 15000);
    QVERIFY(m_dir.isValid());
    m_settings = freshAudioSettings(m_dir);
    m_router = std::make_unique<CallAudioRouter>(
        m_console->engine(), nullptr, m_settings.get(),
        [this] {
            auto io = std::make_unique<BufferAgentAudioIo>(AgentRate);
            const QByteArray voice = ToneAnalysis::sine(AgentHz, ToneDbfs, AgentRate, 1.0);
            const auto samples = ToneAnalysis::samplesOf(voice);
            io->setCaptureSamples({samples.begin(), samples.end()}, true);
            m_io = io.get();
            return io;
        },
        CallAudioMixer::Drive::OwnTimer, nullptr);
}

void tst_SipConferenceLoopback::cleanupTestCase()
{
    m_router.reset();
    m_console.reset();
    m_peers.reset();
}

void tst_SipConferenceLoopback::farEndsHearEachOtherAndTheAgent()
{
    QSignalSpy added(m_console->engine(), &CallEngine::sessionAdded);
    QSignalSpy audio(m_console->provider()->stack(), &SipStack::callAudioReady);
    QSignalSpy ended(m_console->provider()->stack(), &SipStack::callEnded);
    // The consult's far end listens where Kamailio sends numbers starting with 9; the caller on a port
    // of its own, and calls the console.
    SipBaresipPeer consultPeer;
    SipBaresipPeer callerPeer;
    QString error;
    QVERIFY2(consultPeer.start(QStringLiteral("PCMU/8000/1"), m_peers->farEndPort(), QStringLiteral("9000"),
                               ConsultHz, QString(), &error),
             qPrintable(error));
    QVERIFY2(consultPeer.waitReady(), qPrintable(consultPeer.log()));
    const QString console = QStringLiteral("sip:agent1@127.0.0.1:%1").arg(m_peers->kamailioPort());
    QVERIFY2(callerPeer.start(QStringLiteral("G722/16000/1"), SipLoopbackPeers::freePort(),
                              QStringLiteral("9100"), CallerHz, console, &error),
             qPrintable(error));
    QVERIFY2(callerPeer.waitReady(), qPrintable(callerPeer.log()));

    CallSession *a = m_console->waitForOffer(added);
    QVERIFY2(a, qPrintable(callerPeer.log() + m_peers->kamailioLog()));
    QVERIFY(a->answer() > 0);
    QTRY_COMPARE_WITH_TIMEOUT(a->state(), int(Connected), 10000);

    // setupConference: the caller waits on hold while the consult is dialled and answers.
    added.clear();
    QVERIFY(a->setupConference() > 0);
    QTRY_COMPARE_WITH_TIMEOUT(a->state(), int(Conferenced), 5000);
    CallSession *conference = a->conferenceParent();
    QVERIFY(conference);
    CallSession *consult = conference->consultCall();
    QVERIFY(consult);
    QCOMPARE(consult->state(), int(DialTone));
    QVERIFY(consult->dial(QStringLiteral("9000")) > 0);
    QTRY_COMPARE_WITH_TIMEOUT(consult->state(), int(Connected), 10000);
    QVERIFY(conference->addToConference(consult) > 0);
    QTRY_COMPARE_WITH_TIMEOUT(consult->state(), int(Conferenced), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(conference->state(), int(Connected), 5000);
    QCOMPARE(conference->members(), (QList<CallSession *> {a, consult}));
    QTRY_COMPARE_WITH_TIMEOUT(audio.count(), 2, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(m_router->bridgedCalls(), 2, 5000);

    // The earpiece from now on: both far ends.
    BufferAgentAudioIo *io = m_io;
    QVERIFY(io);
    io->takePlayed();
    std::vector<int16_t> played;
    QDeadlineTimer deadline(ConferenceMs);
    while (!deadline.hasExpired()) {
        QTest::qWait(20);
        const std::vector<int16_t> more = io->takePlayed();
        played.insert(played.end(), more.begin(), more.end());
    }
    const QByteArray heard(reinterpret_cast<const char *>(played.data()),
                           qsizetype(played.size() * sizeof(int16_t)));
    const double callerHeard = ToneAnalysis::peakLevelDbfs(heard, CallerHz, AgentRate, 0.2);
    const double consultHeard = ToneAnalysis::peakLevelDbfs(heard, ConsultHz, AgentRate, 0.2);
    qInfo("earpiece: caller's %.0f Hz at %.1f dBFS, consult's %.0f Hz at %.1f dBFS", CallerHz, callerHeard,
          ConsultHz, consultHeard);
    QVERIFY2(callerHeard > ToneDbfs - 4 && callerHeard < ToneDbfs + 3,
             qPrintable(QString::number(callerHeard)));
    QVERIFY2(consultHeard > ToneDbfs - 4 && consultHeard < ToneDbfs + 3,
             qPrintable(QString::number(consultHeard)));

    // Dropping the conference (CONFDROP): every party IDLE here, a BYE to each far end.
    const int drop = conference->drop(QByteArray());
    QVERIFY(drop > 0);
    QTRY_COMPARE_WITH_TIMEOUT(conference->state(), int(Idle), 5000);
    QCOMPARE(a->state(), int(Idle));
    QCOMPARE(consult->state(), int(Idle));
    QCOMPARE(ended.count(), 0); // our BYEs ended the dialogs, not the far ends
    for (SipBaresipPeer *peer : {&callerPeer, &consultPeer}) {
        QTRY_VERIFY2_WITH_TIMEOUT(peer->log().contains(QStringLiteral("terminated"), Qt::CaseInsensitive),
                                  qPrintable(peer->log()), 5000);
    }

    // Each far end's recording: the other far end's tone (only the console's mix brings it) and the
    // agent's, near their levels; its own tone does not come back.
    struct Check
    {
        SipBaresipPeer *peer;
        const char *name;
        int rate;
        double own;
        double other;
    };
    for (const Check &check : {Check {&callerPeer, "caller", 16000, CallerHz, ConsultHz},
                               Check {&consultPeer, "consult", 8000, ConsultHz, CallerHz}}) {
        check.peer->stop();
        int rate = 0;
        const QByteArray recorded = check.peer->recording(&rate);
        QVERIFY2(!recorded.isEmpty(), qPrintable(check.peer->log()));
        QCOMPARE(rate, check.rate);
        const double other = ToneAnalysis::peakLevelDbfs(recorded, check.other, rate, 0.2);
        const double agent = ToneAnalysis::peakLevelDbfs(recorded, AgentHz, rate, 0.2);
        const double own = ToneAnalysis::peakLevelDbfs(recorded, check.own, rate, 0.2);
        qInfo(
            "%s's recording: the other far end's %.0f Hz at %.1f dBFS, the agent's at %.1f, its own %.0f Hz "
            "at %.1f",
            check.name, check.other, other, agent, check.own, own);
        QVERIFY2(other > ToneDbfs - 5 && other < ToneDbfs + 3, qPrintable(QString::number(other)));
        QVERIFY2(agent > ToneDbfs - 5 && agent < ToneDbfs + 3, qPrintable(QString::number(agent)));
        QVERIFY2(own < other - 20, qPrintable(QString::number(own)));
    }
}

QTEST_GUILESS_MAIN(tst_SipConferenceLoopback)
#include "tst_sip_conference_loopback.moc"
