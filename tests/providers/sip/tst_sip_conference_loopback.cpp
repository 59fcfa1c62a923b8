// A conference hosted on the console against three real far ends: baresip instances (SipBaresipPeer)
// through the loopback Kamailio: the caller on G.722 (16 kHz) calling the console, the first consult on PCMU
// (8 kHz, reached for numbers starting with 9), the second consult on Opus (48 kHz, registered at Kamailio
// as 3300). The console's audio is the real CallAudioRouter with the buffer twin of the agent's headset.
//
// threeFarEndsHearEachOther: while the four talk, the agent's earpiece holds the three far ends' tones;
// the second consult's own recording holds the caller's, the first consult's and the agent's tones (each
// reaches it only through the console's mix), not its own; the console's recording of each far end's call
// holds that far end (left) and, right, what went to it: the other two far ends and the agent, not itself.
// Then TAPI's conference rules with real dialogs: the agent drops the first consult (a BYE to it; the
// conference goes on and the rest keep talking: the earpiece holds the caller and the second consult, no
// longer the first), and dropping the conference (CONFDROP) sends a BYE to each remaining far end, every
// party IDLE.
// farEndLeavesThenRemoveCollapses: the first consult's far end hangs up (its BYE: DISCONNECTED, dropped to
// IDLE, the conference goes on), then removeFromConference on the second consult (a BYE to it) leaves one
// party: the conference collapses, the caller's call CONNECTED again and still talking.
// (A far end's own recording is used only for the one never held: baresip 1.0 records nothing more of a
// call once a re-INVITE held it, even after the resume, though the console's RTP keeps reaching it; the
// caller is held while the first consult is dialled, the first consult while the second is;
// tst_sip_baresip_hold shows that with two baresips and no console.)
#include "EventRecorder.h"
#include "SipBaresipPeer.h"
#include "SipLineProvider.h"
#include "SipLoopbackConsole.h"
#include "SipLoopbackPeers.h"
#include "SipStack.h"
#include "SipWavFile.h"
#include "ToneAnalysis.h"
#include "ToneFarEnd.h"
#include "ToneHeadset.h"
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
constexpr double ConsultHz = 1090; // the first far end the console dials into the conference (PCMU)
constexpr double SecondHz = 1570; // the second one (Opus)
constexpr double AgentHz = 1330; // the agent's microphone
constexpr double ToneDbfs = -12.0;
constexpr int AgentRate = 48000;
constexpr int ConferenceMs = 2500; // how long the four talk together
constexpr int AfterChangeMs = 1500; // how long the earpiece is listened to after a party left
// A tone's level is its best block's: 50 ms, not longer, because a starved machine (CI, load average 4 and
// more on two cores) leaves a gap or a concealed frame every 150-300 ms in some stream, and a block
// across one loses the tone's phase (-16 to -18 dBFS measured over 200 ms blocks of a tone at -12).
constexpr double BlockSeconds = 0.05;
// A tone that must be absent is measured over 200 ms blocks: a glitch there only lowers a tone, and the
// longer block keeps a glitch's spread of energy low.
constexpr double AbsentBlockSeconds = 0.2;
constexpr qsizetype SettleBytes = AgentRate / 1000 * 300 * 2; // its first 300 ms: what was still on its way

bool near(double level, double margin = 5)
{
    return level > ToneDbfs - margin && level < ToneDbfs + 3;
}
} // namespace

class tst_SipConferenceLoopback : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void threeFarEndsHearEachOther();
    void farEndLeavesThenRemoveCollapses();

private:
    struct Conference
    {
        std::unique_ptr<SipBaresipPeer> caller, consult, second;
        CallSession *a = nullptr, *k = nullptr, *k2 = nullptr, *parent = nullptr;
    };
    // The caller answered, the first consult added by setupConference, the second by
    // prepareAddToConference: the conference CONNECTED with members {A, K, K2}, each with audio.
    void buildConference(Conference &c);
    void addConsult(Conference &c, bool first);
    // What the earpiece played during the next `ms`.
    QByteArray earpiece(int ms);
    // Waits until baresip says the call was terminated (our BYE, or its own hang-up).
    static bool terminated(SipBaresipPeer &peer, QString *log);

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
    m_console = SipLoopbackConsole::registeredAgent(m_peers.get(), &error,
                                                    {{QStringLiteral("3300"), QStringLiteral("secret3300")}});
    QVERIFY2(m_console, qPrintable(error));
    m_console->recorder()->setCategories(EventRecorder::Replies | EventRecorder::States);
    QVERIFY(m_dir.isValid());
    m_settings = freshAudioSettings(m_dir);
    m_router = std::make_unique<CallAudioRouter>(m_console->engine(), nullptr, m_settings.get(),
                                                 toneHeadset(AgentRate, AgentHz, ToneDbfs, &m_io),
                                                 CallAudioMixer::Drive::OwnTimer, nullptr);
}

void tst_SipConferenceLoopback::cleanupTestCase()
{
    m_router.reset();
    m_console.reset();
    m_peers.reset();
}

QByteArray tst_SipConferenceLoopback::earpiece(int ms)
{
    BufferAgentAudioIo *io = m_io;
    if (!io)
        return {};
    io->takePlayed();
    std::vector<int16_t> played;
    QDeadlineTimer deadline(ms);
    while (!deadline.hasExpired()) {
        QTest::qWait(20);
        const std::vector<int16_t> more = io->takePlayed();
        played.insert(played.end(), more.begin(), more.end());
    }
    return QByteArray(reinterpret_cast<const char *>(played.data()),
                      qsizetype(played.size() * sizeof(int16_t)));
}

bool tst_SipConferenceLoopback::terminated(SipBaresipPeer &peer, QString *log)
{
    return QTest::qWaitFor(
        [&] {
            // Its "terminated" line after our BYE; or, when its RTCP to our closed port came back as ICMP
            // port unreachable before the BYE was processed, "session closed: Connection reset by peer".
            *log += peer.log();
            return log->contains(QStringLiteral("terminated (duration"))
                || log->contains(QStringLiteral("session closed"));
        },
        5000);
}

void tst_SipConferenceLoopback::addConsult(Conference &c, bool first)
{
    QSignalSpy added(m_console->engine(), &CallEngine::sessionAdded);
    if (first) {
        QVERIFY(c.a->setupConference() > 0);
        QTRY_COMPARE_WITH_TIMEOUT(c.a->state(), int(Conferenced), 5000);
        c.parent = c.a->conferenceParent();
        QVERIFY(c.parent);
        m_console->recorder()->name(c.parent, QStringLiteral("C"));
    } else {
        QVERIFY(c.parent->prepareAddToConference() > 0);
        QTRY_COMPARE_WITH_TIMEOUT(c.parent->state(), int(OnHoldPendConf), 5000);
    }
    // The consult: the new session in DIALTONE.
    CallSession *consult = nullptr;
    for (const QList<QVariant> &arguments : std::as_const(added)) {
        auto *session = arguments.at(0).value<CallSession *>();
        if (session->state() == DialTone)
            consult = session;
    }
    QVERIFY(consult);
    QCOMPARE(consult->state(), int(DialTone));
    m_console->recorder()->name(consult, first ? QStringLiteral("K") : QStringLiteral("K2"));
    // 9000: where Kamailio sends numbers starting with 9; 3300: the registered phone.
    QVERIFY(consult->dial(first ? QStringLiteral("9000") : QStringLiteral("3300")) > 0);
    QTRY_COMPARE_WITH_TIMEOUT(consult->state(), int(Connected), 10000);
    QVERIFY(c.parent->addToConference(consult) > 0);
    QTRY_COMPARE_WITH_TIMEOUT(consult->state(), int(Conferenced), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(c.parent->state(), int(Connected), 5000);
    (first ? c.k : c.k2) = consult;
}

void tst_SipConferenceLoopback::buildConference(Conference &c)
{
    QSignalSpy added(m_console->engine(), &CallEngine::sessionAdded);
    QSignalSpy audio(m_console->provider()->stack(), &SipStack::callAudioReady);
    c.caller = std::make_unique<SipBaresipPeer>();
    c.consult = std::make_unique<SipBaresipPeer>();
    c.second = std::make_unique<SipBaresipPeer>();
    c.consult->enableControl(); // to hang up from its side
    c.second->setRegistrar(QStringLiteral("127.0.0.1:%1").arg(m_peers->kamailioPort()),
                           QStringLiteral("secret3300"));
    QString error;
    QVERIFY2(c.consult->start(QStringLiteral("PCMU/8000/1"), m_peers->farEndPort(), QStringLiteral("9000"),
                              ConsultHz, QString(), &error),
             qPrintable(error));
    QVERIFY2(c.second->start(QStringLiteral("opus/48000/2"), SipLoopbackPeers::freePort(),
                             QStringLiteral("3300"), SecondHz, QString(), &error),
             qPrintable(error));
    QVERIFY2(c.consult->waitReady(), qPrintable(c.consult->log()));
    QVERIFY2(c.second->waitReady(), qPrintable(c.second->log()));
    QVERIFY2(c.second->waitForOutput("200 OK", 10000), qPrintable(c.second->log() + m_peers->kamailioLog()));
    const QString console = QStringLiteral("sip:agent1@127.0.0.1:%1").arg(m_peers->kamailioPort());
    QVERIFY2(c.caller->start(QStringLiteral("G722/16000/1"), SipLoopbackPeers::freePort(),
                             QStringLiteral("9100"), CallerHz, console, &error),
             qPrintable(error));
    QVERIFY2(c.caller->waitReady(), qPrintable(c.caller->log()));

    c.a = m_console->waitForOffer(added);
    QVERIFY2(c.a, qPrintable(c.caller->log() + m_peers->kamailioLog()));
    QVERIFY(c.a->answer() > 0);
    QTRY_COMPARE_WITH_TIMEOUT(c.a->state(), int(Connected), 10000);
    addConsult(c, true);
    if (QTest::currentTestFailed())
        return;
    addConsult(c, false);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(c.parent->members(), (QList<CallSession *> {c.a, c.k, c.k2}));
    QTRY_COMPARE_WITH_TIMEOUT(audio.count(), 3, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(m_router->bridgedCalls(), 3, 5000);
    m_console->recorder()->clear();
}

void tst_SipConferenceLoopback::threeFarEndsHearEachOther()
{
    Conference c;
    buildConference(c);
    if (QTest::currentTestFailed())
        return;
    QSignalSpy ended(m_console->provider()->stack(), &SipStack::callEnded);
    // The console records each far end's call: the far end left, what went to its line right.
    const QList<CallSession *> parties {c.a, c.k, c.k2};
    for (CallSession *party : parties) {
        QVERIFY(m_router->startRecording(party));
        QTRY_COMPARE_WITH_TIMEOUT(party->recordingState(), CallSession::Recording, 5000);
    }

    const QByteArray heard = earpiece(ConferenceMs);
    const double callerHeard = ToneAnalysis::peakLevelDbfs(heard, CallerHz, AgentRate, BlockSeconds);
    const double consultHeard = ToneAnalysis::peakLevelDbfs(heard, ConsultHz, AgentRate, BlockSeconds);
    const double secondHeard = ToneAnalysis::peakLevelDbfs(heard, SecondHz, AgentRate, BlockSeconds);
    qInfo(
        "earpiece: caller's %.0f Hz at %.1f dBFS, first consult's %.0f Hz at %.1f, second's %.0f Hz at %.1f",
        CallerHz, callerHeard, ConsultHz, consultHeard, SecondHz, secondHeard);
    QVERIFY2(near(callerHeard, 4), qPrintable(QString::number(callerHeard)));
    QVERIFY2(near(consultHeard, 4), qPrintable(QString::number(consultHeard)));
    QVERIFY2(near(secondHeard, 4), qPrintable(QString::number(secondHeard)));

    QStringList recordings;
    for (CallSession *party : parties) {
        m_router->stopRecording(party);
        QTRY_COMPARE_WITH_TIMEOUT(party->recordingState(), CallSession::RecordingFinished, 5000);
        recordings.append(party->recordingPath());
    }

    // The agent drops the first consult: a BYE to it; the conference goes on with the other two, who keep
    // talking: the earpiece holds them, no longer the first consult.
    const int dropK = c.k->drop(QByteArray());
    QVERIFY(dropK > 0);
    QTRY_COMPARE_WITH_TIMEOUT(c.k->state(), int(Idle), 5000);
    QCOMPARE(m_console->recorder()->events(),
             (QStringList {QStringLiteral("reply(%1,0)").arg(dropK), QStringLiteral("S(K)=IDLE")}));
    QCOMPARE(c.parent->state(), int(Connected));
    QCOMPARE(c.a->state(), int(Conferenced));
    QCOMPARE(c.k2->state(), int(Conferenced));
    QCOMPARE(c.parent->members(), (QList<CallSession *> {c.a, c.k2}));
    QString log;
    QVERIFY2(terminated(*c.consult, &log), qPrintable(log.right(700)));
    const QByteArray after = earpiece(AfterChangeMs).mid(SettleBytes);
    const double callerAfter = ToneAnalysis::peakLevelDbfs(after, CallerHz, AgentRate, BlockSeconds);
    const double consultAfter = ToneAnalysis::peakLevelDbfs(after, ConsultHz, AgentRate, AbsentBlockSeconds);
    const double secondAfter = ToneAnalysis::peakLevelDbfs(after, SecondHz, AgentRate, BlockSeconds);
    qInfo("earpiece after the first consult left: caller %.1f dBFS, first consult %.1f, second %.1f",
          callerAfter, consultAfter, secondAfter);
    QVERIFY2(near(callerAfter, 4), qPrintable(QString::number(callerAfter)));
    QVERIFY2(near(secondAfter, 4), qPrintable(QString::number(secondAfter)));
    QVERIFY2(consultAfter < callerAfter - 20, qPrintable(QString::number(consultAfter)));

    // Dropping the conference (CONFDROP): the reply, then every party and the parent IDLE; a BYE to each
    // remaining far end.
    m_console->recorder()->clear();
    const int drop = c.parent->drop(QByteArray());
    QVERIFY(drop > 0);
    QTRY_COMPARE_WITH_TIMEOUT(c.parent->state(), int(Idle), 5000);
    QCOMPARE(m_console->recorder()->events(),
             (QStringList {QStringLiteral("reply(%1,0)").arg(drop), QStringLiteral("S(A)=IDLE"),
                           QStringLiteral("S(K2)=IDLE"), QStringLiteral("S(C)=IDLE")}));
    QCOMPARE(ended.count(), 0); // our BYEs ended the dialogs, not the far ends
    for (SipBaresipPeer *peer : {c.caller.get(), c.second.get()}) {
        QString said;
        QVERIFY2(terminated(*peer, &said), qPrintable(said.right(700)));
    }

    // The second consult (never held) recorded the caller's and the first consult's tones, which only the
    // console's mix brings it, and the agent's, near their levels; its own does not come back.
    c.second->stop();
    int rate = 0;
    const QByteArray recorded = c.second->recording(&rate);
    QVERIFY2(!recorded.isEmpty(), qPrintable(c.second->log()));
    const double caller = ToneAnalysis::peakLevelDbfs(recorded, CallerHz, rate, BlockSeconds);
    const double consult = ToneAnalysis::peakLevelDbfs(recorded, ConsultHz, rate, BlockSeconds);
    const double agent = ToneAnalysis::peakLevelDbfs(recorded, AgentHz, rate, BlockSeconds);
    const double own = ToneAnalysis::peakLevelDbfs(recorded, SecondHz, rate, AbsentBlockSeconds);
    qInfo("second consult's far end recorded (%d Hz): caller %.1f dBFS, first consult %.1f, agent %.1f, its "
          "own "
          "%.1f",
          rate, caller, consult, agent, own);
    QVERIFY2(near(caller), qPrintable(QString::number(caller)));
    QVERIFY2(near(consult), qPrintable(QString::number(consult)));
    QVERIFY2(near(agent), qPrintable(QString::number(agent)));
    QVERIFY2(own < caller - 20, qPrintable(QString::number(own)));

    // The console's recording of each far end's call (stereo WAV): that far end left; right, what
    // went to it: the agent and the other two far ends, not itself.
    const QList<double> tones {CallerHz, ConsultHz, SecondHz};
    const QList<int> rates {16000, 8000, 48000}; // G.722, PCMU, Opus
    for (int i = 0; i < 3; ++i) {
        int recordingRate = 0;
        const QByteArray left = SipWavFile::channelOfFile(recordings.at(i), 0, &recordingRate);
        const QByteArray right = SipWavFile::channelOfFile(recordings.at(i), 1, &recordingRate);
        QVERIFY2(!left.isEmpty() && !right.isEmpty(), qPrintable(recordings.at(i)));
        QCOMPARE(recordingRate, rates.at(i)); // the call's rate
        const double self = ToneAnalysis::peakLevelDbfs(left, tones.at(i), recordingRate, BlockSeconds);
        const double agentSent = ToneAnalysis::peakLevelDbfs(right, AgentHz, recordingRate, BlockSeconds);
        const double selfSent =
            ToneAnalysis::peakLevelDbfs(right, tones.at(i), recordingRate, AbsentBlockSeconds);
        qInfo("the console's recording of far end %d: left its %.0f Hz %.1f dBFS; right the agent %.1f, "
              "itself %.1f",
              i, tones.at(i), self, agentSent, selfSent);
        QVERIFY2(near(self), qPrintable(QString::number(self)));
        QVERIFY2(near(agentSent), qPrintable(QString::number(agentSent)));
        QVERIFY2(selfSent < agentSent - 20, qPrintable(QString::number(selfSent)));
        for (int j = 0; j < 3; ++j) {
            if (j == i)
                continue;
            const double other = ToneAnalysis::peakLevelDbfs(right, tones.at(j), recordingRate, BlockSeconds);
            qInfo("  right: far end %d's %.0f Hz at %.1f dBFS", j, tones.at(j), other);
            QVERIFY2(near(other), qPrintable(QStringLiteral("%1 to %2: %3").arg(j).arg(i).arg(other)));
        }
    }
}

void tst_SipConferenceLoopback::farEndLeavesThenRemoveCollapses()
{
    Conference c;
    buildConference(c);
    if (QTest::currentTestFailed())
        return;
    // The first consult's far end hangs up: DISCONNECTED with its BYE's mode; dropped, it goes IDLE and the
    // conference goes on with the other two.
    QVERIFY(c.consult->command("hangup", ""));
    QTRY_COMPARE_WITH_TIMEOUT(c.k->state(), int(Disconnected), 5000);
    QCOMPARE(c.k->disconnectMode(), int(DisconnectNormal));
    const int dropK = c.k->drop(QByteArray());
    QVERIFY(dropK > 0);
    QTRY_COMPARE_WITH_TIMEOUT(c.k->state(), int(Idle), 5000);
    QCOMPARE(m_console->recorder()->events(),
             (QStringList {QStringLiteral("S(K)=DISCONNECTED/NORMAL"),
                           QStringLiteral("reply(%1,0)").arg(dropK), QStringLiteral("S(K)=IDLE")}));
    QCOMPARE(c.parent->state(), int(Connected));
    QCOMPARE(c.a->state(), int(Conferenced));
    QCOMPARE(c.k2->state(), int(Conferenced));

    // removeFromConference: a BYE to the second consult; one party is left, so the conference collapses:
    // the parent IDLE, the caller's call CONNECTED again, still talking (no re-INVITE).
    m_console->recorder()->clear();
    const int remove = c.k2->removeFromConference();
    QVERIFY(remove > 0);
    QTRY_COMPARE_WITH_TIMEOUT(c.a->state(), int(Connected), 5000);
    QCOMPARE(m_console->recorder()->events(),
             (QStringList {QStringLiteral("reply(%1,0)").arg(remove), QStringLiteral("S(K2)=IDLE"),
                           QStringLiteral("S(C)=IDLE"), QStringLiteral("S(A)=CONNECTED/ACTIVE")}));
    QString log;
    QVERIFY2(terminated(*c.second, &log), qPrintable(log.right(700)));
    const QByteArray after = earpiece(AfterChangeMs).mid(SettleBytes);
    const double callerAfter = ToneAnalysis::peakLevelDbfs(after, CallerHz, AgentRate, BlockSeconds);
    const double secondAfter = ToneAnalysis::peakLevelDbfs(after, SecondHz, AgentRate, AbsentBlockSeconds);
    qInfo("earpiece after the collapse: caller %.1f dBFS, second consult %.1f", callerAfter, secondAfter);
    QVERIFY2(near(callerAfter, 4), qPrintable(QString::number(callerAfter)));
    QVERIFY2(secondAfter < callerAfter - 20, qPrintable(QString::number(secondAfter)));

    QVERIFY(c.a->drop(QByteArray()) > 0);
    QTRY_COMPARE_WITH_TIMEOUT(c.a->state(), int(Idle), 5000);
    QString said;
    QVERIFY2(terminated(*c.caller, &said), qPrintable(said.right(700)));
}

QTEST_GUILESS_MAIN(tst_SipConferenceLoopback)
#include "tst_sip_conference_loopback.moc"
