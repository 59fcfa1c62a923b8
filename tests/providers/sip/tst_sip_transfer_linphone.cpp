// Attended transfers against linphonec (linphone-cli, SipLinphonePeer), a SIP phone whose stack
// (liblinphone on belle-sip) is not the console's, through the loopback Kamailio:
// - the console transfers: a linphonec caller (the transferee) is answered, the agent consults a second
//   linphonec (the target, reached for numbers starting with 9) and completes the transfer: REFER with
//   Replaces to the transferee, which carries it out itself (its INVITE with Replaces takes over the
//   target's consult call). TAPI: the request completes with success, then the original and the consult go
//   IDLE (lineCompleteTransfer in transfer mode); the transferee and the target then hear each other
//   (each one's tone in the other's recording: their call runs without the console).
// - linphonec transfers to the console: it talks to the console and to a second linphonec, and transfers
//   that one to its call with the console ("transfer 1 --to-call 2"): the second linphonec's INVITE with
//   Replaces reaches the console, whose session goes on CONNECTED with the new party's number, without a
//   new session, and the new party's tone reaches the call's audio endpoint.
#include "EventRecorder.h"
#include "SipLineProvider.h"
#include "SipLinphonePeer.h"
#include "SipLoopbackConsole.h"
#include "SipLoopbackPeers.h"
#include "SipStack.h"
#include "ToneAnalysis.h"
#include "core/Tapi.h"
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
constexpr double TransfereeHz = 690;
constexpr double TargetHz = 1170;
constexpr double ToneDbfs = -12.0; // SipLinphonePeer's tones
constexpr int TalkMs = 2000; // how long the transferee and the target talk before the checks

// The loudest block of `hz` in what `peer` has recorded so far (its record file is written as it hears).
double heardLevel(const SipLinphonePeer &peer, double hz)
{
    int rate = 0;
    const QByteArray heard = peer.recording(&rate);
    return heard.isEmpty() || !rate ? -120.0 : ToneAnalysis::peakLevelDbfs(heard, hz, rate, 0.05);
}
} // namespace

class tst_SipTransferLinphone : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void consoleTransfersLinphoneCaller();
    void linphoneTransfersToTheConsole();

private:
    QString kamailio() const { return QStringLiteral("127.0.0.1:%1").arg(m_peers->kamailioPort()); }

    std::unique_ptr<SipLoopbackPeers> m_peers;
    std::unique_ptr<SipLoopbackConsole> m_console;
};

void tst_SipTransferLinphone::initTestCase()
{
    m_peers = std::make_unique<SipLoopbackPeers>();
    QVERIFY(m_peers->isValid());
    QString error;
    m_console = SipLoopbackConsole::registeredAgent(m_peers.get(), &error);
    QVERIFY2(m_console, qPrintable(error));
    m_console->recorder()->setCategories(EventRecorder::Replies | EventRecorder::States);
}

void tst_SipTransferLinphone::cleanupTestCase()
{
    m_console.reset();
    m_peers.reset();
}

void tst_SipTransferLinphone::consoleTransfersLinphoneCaller()
{
    SipLinphonePeer target;
    SipLinphonePeer transferee;
    QString error;
    // The target listens where Kamailio sends numbers starting with 9.
    QVERIFY2(target.start(m_peers->farEndPort(), QStringLiteral("9000"), TargetHz, &error),
             qPrintable(error));
    QVERIFY2(transferee.start(SipLoopbackPeers::freePort(), QStringLiteral("7100"), TransfereeHz, &error),
             qPrintable(error));
    QVERIFY2(target.waitReady(), target.output().constData());
    QVERIFY2(transferee.waitReady(), transferee.output().constData());

    QSignalSpy added(m_console->engine(), &CallEngine::sessionAdded);
    QVERIFY(transferee.command("call sip:agent1@" + kamailio().toLatin1()));
    CallSession *a = m_console->waitForOffer(added);
    QVERIFY2(a, transferee.output().constData());
    QCOMPARE(a->remoteNumber(), QStringLiteral("7100"));
    QVERIFY(a->answer() > 0);
    QTRY_COMPARE_WITH_TIMEOUT(a->state(), int(Connected), 10000);

    added.clear();
    CallSession *k = m_console->consult(a, QStringLiteral("9000"), &error);
    QVERIFY2(k, qPrintable(error + QLatin1Char('\n') + QString::fromLocal8Bit(target.output().right(2000))));
    const qsizetype targetBefore = target.output().size();

    // The transfer: REFER with Replaces to linphonec, which calls the target itself; its NOTIFYs report
    // the new call's progress, and the final 200 completes the request.
    m_console->recorder()->clear();
    QSignalSpy completed(a, &CallSession::requestCompleted);
    const int id = a->completeTransfer(k);
    QVERIFY(id > 0);
    QVERIFY2(
        completed.wait(15000),
        qPrintable(QString::fromLocal8Bit(transferee.output().right(2000) + target.output().right(2000))));
    QCOMPARE(completed.at(0).at(0).toInt(), id);
    QCOMPARE(completed.at(0).at(1).toInt(), int(Success));
    QTRY_COMPARE_WITH_TIMEOUT(k->state(), int(Idle), 5000);
    QCOMPARE(a->state(), int(Idle));
    QCOMPARE(m_console->recorder()->events(),
             (QStringList {QStringLiteral("reply(%1,0)").arg(id), QStringLiteral("S(A)=IDLE"),
                           QStringLiteral("S(K)=IDLE")}));
    QCOMPARE(added.count(), 1); // nothing new on the console

    // linphonec acted on the REFER: its INVITE carries the Replaces of the console's REFER.
    QVERIFY2(transferee.waitForOutput("sip:9000@" + kamailio().toLatin1() + "?Replaces=", 5000),
             transferee.output().constData());
    // The transferee's call reached the target, which took it in place of the consult.
    QVERIFY2(target.waitForOutput("Receiving new incoming call from sip:7100@127.0.0.1", 5000, targetBefore),
             target.output().constData());
    QVERIFY2(target.waitForOutput("Media streams established with sip:7100@127.0.0.1", 5000, targetBefore),
             target.output().constData());
    // They talk, without the console, for TalkMs; linphonec closes its record file when the call ends.
    QDeadlineTimer talk(TalkMs);
    while (!talk.hasExpired())
        QTest::qWait(50);
    const qsizetype transfereeBefore = transferee.output().size();
    QVERIFY(transferee.command("terminate"));
    QVERIFY2(target.waitForOutput("ended", 5000, targetBefore), target.output().constData());
    QVERIFY(transferee.waitForOutput("ended", 5000, transfereeBefore));
    transferee.stop();
    target.stop();
    const double targetHeard = heardLevel(transferee, TargetHz);
    const double transfereeHeard = heardLevel(target, TransfereeHz);
    qInfo("after the transfer: the transferee heard the target's %.0f Hz at %.1f dBFS, the target the "
          "transferee's %.0f Hz at %.1f dBFS",
          TargetHz, targetHeard, TransfereeHz, transfereeHeard);
    QVERIFY2(targetHeard > ToneDbfs - 6 && targetHeard < ToneDbfs + 3,
             qPrintable(QString::number(targetHeard)));
    QVERIFY2(transfereeHeard > ToneDbfs - 6 && transfereeHeard < ToneDbfs + 3,
             qPrintable(QString::number(transfereeHeard)));
}

void tst_SipTransferLinphone::linphoneTransfersToTheConsole()
{
    SipLinphonePeer transferor;
    SipLinphonePeer transferee;
    QString error;
    const quint16 transfereePort = SipLoopbackPeers::freePort();
    QVERIFY2(transferor.start(SipLoopbackPeers::freePort(), QStringLiteral("7300"), TargetHz, &error),
             qPrintable(error));
    // linphonec's Refer-To names the console by the address it called, without its port
    // (<sip:agent1@127.0.0.1?Replaces=...>): the transferee's INVITE goes out through Kamailio, which knows
    // where agent1 is registered.
    transferee.setProxy(kamailio());
    QVERIFY2(transferee.start(transfereePort, QStringLiteral("7200"), TransfereeHz, &error),
             qPrintable(error));
    QVERIFY2(transferor.waitReady(), transferor.output().constData());
    QVERIFY2(transferee.waitReady(), transferee.output().constData());

    // linphonec's call 1: to the transferee (auto-answered), then paused; call 2: to the console.
    QVERIFY(transferor.command("call sip:7200@127.0.0.1:" + QByteArray::number(transfereePort)));
    QVERIFY2(transferor.waitForOutput("Media streams established with sip:7200@127.0.0.1", 10000),
             transferor.output().constData());
    QVERIFY(transferor.command("pause 1"));
    QVERIFY2(transferor.waitForOutput("is now paused", 5000), transferor.output().constData());
    QSignalSpy added(m_console->engine(), &CallEngine::sessionAdded);
    QSignalSpy audio(m_console->provider()->stack(), &SipStack::callAudioReady);
    QVERIFY(transferor.command("call sip:agent1@" + kamailio().toLatin1()));
    CallSession *a = m_console->waitForOffer(added);
    QVERIFY2(a, transferor.output().constData());
    QCOMPARE(a->remoteNumber(), QStringLiteral("7300"));
    QVERIFY(a->answer() > 0);
    QTRY_COMPARE_WITH_TIMEOUT(a->state(), int(Connected), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(audio.count(), 1, 5000);

    // The transferee's INVITE with Replaces takes over the console's call: same session, new party.
    m_console->recorder()->clear();
    const qsizetype transferorBefore = transferor.output().size();
    // linphonec transfers a confirmed dialog only: its side of call 2 must be established too.
    QVERIFY2(transferor.waitForOutput("Media streams established with sip:agent1@", 10000),
             transferor.output().constData());
    QVERIFY(transferor.command("transfer 1 --to-call 2"));
    QTRY_VERIFY2_WITH_TIMEOUT(
        a->remoteNumber() == QStringLiteral("7200"),
        (transferor.output().mid(transferorBefore) + "\n--- transferee\n" + transferee.output().right(3000))
            .constData(),
        10000);
    QTRY_COMPARE_WITH_TIMEOUT(audio.count(), 2, 5000); // the replacing dialog's stream
    // linphonec's own two calls end: the console's BYE of the replaced dialog, its BYE after the NOTIFY.
    QVERIFY2(transferor.waitForOutput("Call 2 with", 5000, transferorBefore),
             transferor.output().constData());
    QTRY_VERIFY2_WITH_TIMEOUT(transferor.output().mid(transferorBefore).count("ended") >= 2,
                              transferor.output().mid(transferorBefore).constData(), 10000);
    QCOMPARE(added.count(), 1);
    QCOMPARE(a->state(), int(Connected));

    // The new party's tone on the call's audio endpoint.
    const auto endpoint = audio.at(1).at(1).value<std::shared_ptr<LineAudioEndpoint>>();
    QVERIFY(endpoint);
    QByteArray heard;
    QDeadlineTimer deadline(1500);
    while (!deadline.hasExpired()) {
        std::vector<int16_t> more(endpoint->fromLine.available());
        endpoint->fromLine.read(more);
        heard.append(reinterpret_cast<const char *>(more.data()), qsizetype(more.size() * sizeof(int16_t)));
        QTest::qWait(20);
    }
    const double level = ToneAnalysis::peakLevelDbfs(heard, TransfereeHz, endpoint->sampleRate(), 0.05);
    qInfo("after the replacement the console hears the transferee's %.0f Hz at %.1f dBFS", TransfereeHz,
          level);
    QVERIFY2(level > ToneDbfs - 6 && level < ToneDbfs + 3, qPrintable(QString::number(level)));
    // No state report: the session stayed CONNECTED throughout.
    QCOMPARE(m_console->recorder()->events(), QStringList());

    const qsizetype transfereeBefore = transferee.output().size();
    QVERIFY(a->drop(QByteArray()) > 0);
    QTRY_COMPARE_WITH_TIMEOUT(a->state(), int(Idle), 5000);
    QVERIFY2(transferee.waitForOutput("ended", 5000, transfereeBefore), transferee.output().constData());
}

QTEST_GUILESS_MAIN(tst_SipTransferLinphone)
#include "tst_sip_transfer_linphone.moc"
