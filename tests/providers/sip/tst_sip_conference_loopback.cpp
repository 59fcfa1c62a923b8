// A conference hosted on the console against real far ends: two baresip instances (SipBaresipPeer)
// through the loopback Kamailio, one on G.722 (16 kHz) calling the console, one on PCMU (8 kHz) the
// console dials as the conference's consult. The console's audio is the real CallAudioRouter with the
// buffer twin of the agent's headset. While the conference talks: the agent's earpiece holds both far
// ends' tones; the consult's far end records the caller's tone (which reaches it only through the
// console's mix) and the agent's, not its own; the console's recording of the caller's call holds the
// caller (left) and, right, what went to the caller: the agent and the consult's far end, not the
// caller. Dropping the conference sends each far end a BYE. (The caller's own baresip recording is not
// used: baresip 1.0 records nothing more of a call once a re-INVITE held it, even after the resume,
// though the console's RTP keeps reaching it; the caller was held while the consult was dialled.
// tst_sip_baresip_hold shows that with two baresips and no console; what went to the caller is read in
// the console's own recording of the caller's call instead.)
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
#include "session/CallEngine.h"
#include "session/CallSession.h"
#include "settings/ConsoleSettings.h"

#include <QtCore/qdeadlinetimer.h>
#include <QtCore/qfile.h>
#include <QtCore/qtemporarydir.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

#include <algorithm>
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

// One channel of a 16-bit PCM WAV file (the console's recording), mono 16-bit; empty when unreadable.
QByteArray wavChannel(const QString &path, int channel, int *rate)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray wav = file.readAll();
    auto le = [&wav](qsizetype at, int bytes) {
        quint32 value = 0;
        for (int i = bytes - 1; i >= 0; --i)
            value = value << 8 | quint8(wav.at(at + i));
        return value;
    };
    if (wav.size() < 12 || !wav.startsWith("RIFF") || wav.mid(8, 4) != "WAVE")
        return {};
    int channels = 0;
    for (qsizetype pos = 12; pos + 8 <= wav.size();) {
        const QByteArray id = wav.mid(pos, 4);
        const qsizetype size = qsizetype(le(pos + 4, 4));
        const qsizetype body = pos + 8;
        if (id == "fmt " && body + 16 <= wav.size()) {
            channels = int(le(body + 2, 2));
            *rate = int(le(body + 4, 4));
            if (le(body + 14, 2) != 16)
                return {};
        } else if (id == "data" && channels > channel) {
            QByteArray out;
            const qsizetype end = std::min(wav.size(), body + size);
            for (qsizetype at = body + 2 * channel; at + 2 <= end; at += 2 * channels)
                out.append(wav.constData() + at, 2);
            return out;
        }
        pos = body + size + (size & 1);
    }
    return {};
}
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
    m_console = SipLoopbackConsole::registeredAgent(m_peers.get(), &error);
    QVERIFY2(m_console, qPrintable(error));
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
    // The console records the caller's call: the caller left, what went to its line right.
    QVERIFY(m_router->startRecording(a));
    QTRY_COMPARE_WITH_TIMEOUT(a->recordingState(), CallSession::Recording, 5000);

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

    m_router->stopRecording(a);
    QTRY_COMPARE_WITH_TIMEOUT(a->recordingState(), CallSession::RecordingFinished, 5000);
    const QString recordingPath = a->recordingPath();

    // Dropping the conference (CONFDROP): every party IDLE here, a BYE to each far end.
    const int drop = conference->drop(QByteArray());
    QVERIFY(drop > 0);
    QTRY_COMPARE_WITH_TIMEOUT(conference->state(), int(Idle), 5000);
    QCOMPARE(a->state(), int(Idle));
    QCOMPARE(consult->state(), int(Idle));
    QCOMPARE(ended.count(), 0); // our BYEs ended the dialogs, not the far ends
    // baresip, which hangs up on nothing by itself here, says how the call went once our BYE ended it.
    for (SipBaresipPeer *peer : {&callerPeer, &consultPeer}) {
        QString log; // log() hands out what baresip printed since the last call
        QTRY_VERIFY2_WITH_TIMEOUT((log += peer->log()).contains(QStringLiteral("terminated (duration")),
                                  qPrintable(log.right(700)), 5000);
    }

    // The consult's far end (its dialog never held) recorded the caller's tone, which only the
    // console's mix brings it, and the agent's, near their levels; its own tone does not come back.
    consultPeer.stop();
    int rate = 0;
    const QByteArray recorded = consultPeer.recording(&rate);
    QVERIFY2(!recorded.isEmpty(), qPrintable(consultPeer.log()));
    QCOMPARE(rate, 8000);
    const double caller = ToneAnalysis::peakLevelDbfs(recorded, CallerHz, rate, 0.2);
    const double agent = ToneAnalysis::peakLevelDbfs(recorded, AgentHz, rate, 0.2);
    const double own = ToneAnalysis::peakLevelDbfs(recorded, ConsultHz, rate, 0.2);
    qInfo(
        "consult's far end recorded: the caller's %.0f Hz at %.1f dBFS, the agent's at %.1f, its own at %.1f",
        CallerHz, caller, agent, own);
    QVERIFY2(caller > ToneDbfs - 5 && caller < ToneDbfs + 3, qPrintable(QString::number(caller)));
    QVERIFY2(agent > ToneDbfs - 5 && agent < ToneDbfs + 3, qPrintable(QString::number(agent)));
    QVERIFY2(own < caller - 20, qPrintable(QString::number(own)));

    // The console's recording of the caller's call (16 kHz stereo WAV) gets the mix: the caller left;
    // right, what went to the caller: the agent and the consult's far end, not the caller itself.
    int recordingRate = 0;
    const QByteArray left = wavChannel(recordingPath, 0, &recordingRate);
    const QByteArray right = wavChannel(recordingPath, 1, &recordingRate);
    QVERIFY2(!left.isEmpty() && !right.isEmpty(), qPrintable(recordingPath));
    QCOMPARE(recordingRate, 16000);
    const double leftCaller = ToneAnalysis::peakLevelDbfs(left, CallerHz, recordingRate, 0.2);
    const double rightAgent = ToneAnalysis::peakLevelDbfs(right, AgentHz, recordingRate, 0.2);
    const double rightConsult = ToneAnalysis::peakLevelDbfs(right, ConsultHz, recordingRate, 0.2);
    const double rightCaller = ToneAnalysis::peakLevelDbfs(right, CallerHz, recordingRate, 0.2);
    qInfo("the console's recording of the caller: left %.0f Hz %.1f dBFS; right %.0f Hz %.1f, %.0f Hz %.1f, "
          "%.0f Hz %.1f",
          CallerHz, leftCaller, AgentHz, rightAgent, ConsultHz, rightConsult, CallerHz, rightCaller);
    QVERIFY2(leftCaller > ToneDbfs - 5 && leftCaller < ToneDbfs + 3, qPrintable(QString::number(leftCaller)));
    QVERIFY2(rightAgent > ToneDbfs - 5 && rightAgent < ToneDbfs + 3, qPrintable(QString::number(rightAgent)));
    QVERIFY2(rightConsult > ToneDbfs - 5 && rightConsult < ToneDbfs + 3,
             qPrintable(QString::number(rightConsult)));
    QVERIFY2(rightCaller < rightConsult - 20, qPrintable(QString::number(rightCaller)));
}

QTEST_GUILESS_MAIN(tst_SipConferenceLoopback)
#include "tst_sip_conference_loopback.moc"
