// SIP lines against real peers on 127.0.0.1: Kamailio (registrar with digest authentication on SQLite,
// relay) and sipp scenarios that check the exact signalling (Reason and User-to-User on BYE, CANCEL
// and final responses). The console side is the real CallEngine, the SIP line provider and libre.
#include "EventRecorder.h"
#include "LibreSipStack.h"
#include "SipLineProvider.h"
#include "SipLoopbackPeers.h"
#include "audio/LineAudioEndpoint.h"
#include "core/Tapi.h"
#include "lines/Line.h"
#include "session/CallEngine.h"
#include "session/CallSession.h"

#include <QtCore/qdeadlinetimer.h>
#include <QtCore/qelapsedtimer.h>
#include <QtCore/qloggingcategory.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

#include <atomic>
#include <cmath>
#include <memory>
#include <vector>

using namespace Tapi;

namespace {

// Counts the 200 OKs agent1's REGISTERs get, from the provider's SIP trace (logged on libre's thread);
// other messages go to the previous handler, the trace itself nowhere (HOOKLINE_SIP_TEST_TRACE=1: too).
std::atomic<int> registrationsAccepted {0};
QtMessageHandler previousHandler = nullptr;

void countRegistrations(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (context.category && qstrcmp(context.category, "hookline.sip.trace") == 0) {
        if (message.startsWith(QLatin1String("received")) && message.contains(QLatin1String(" SIP/2.0 200 "))
            && message.contains(QLatin1String(" REGISTER"))
            && message.contains(QLatin1String("<sip:agent1@")))
            ++registrationsAccepted;
        static const bool show = qEnvironmentVariableIsSet("HOOKLINE_SIP_TEST_TRACE");
        if (show) // for reading a failure: the whole SIP trace on stderr
            previousHandler(type, context, message);
        return;
    }
    previousHandler(type, context, message);
}

// Writes a 1 kHz tone to the line and waits (5 s at most) until it comes back loud in fromLine.
bool hearsEchoedTone(LineAudioEndpoint &endpoint)
{
    std::vector<int16_t> tone(4000);
    for (std::size_t i = 0; i < tone.size(); ++i)
        tone[i] = int16_t(8000 * std::sin(2 * M_PI * 1000 * double(i) / 8000));
    if (endpoint.toLine.write(tone) != tone.size())
        return false;
    double loudest = 0;
    QDeadlineTimer deadline(5000);
    while (!deadline.hasExpired()) {
        std::vector<int16_t> heard(endpoint.fromLine.available());
        endpoint.fromLine.read(heard);
        for (std::size_t i = 0; i + 160 <= heard.size(); i += 160) {
            double energy = 0;
            for (std::size_t j = i; j < i + 160; ++j)
                energy += double(heard[j]) * heard[j];
            loudest = std::max(loudest, std::sqrt(energy / 160));
        }
        if (loudest > 4000) // the tone's RMS is 5657; silence and G.711 noise are far below
            return true;
        QTest::qWait(20);
    }
    return false;
}

} // namespace

class tst_SipLoopback : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void registrationFailsThenRecovers();
    void registrationIsRefreshed();
    void inboundFarEndHangsUp_data();
    void inboundFarEndHangsUp();
    void inboundAudioAndAgentDrop();
    void inboundRejectWithUui();
    void inboundCallerCancels();
    void inboundWithoutCommonCodec();
    void outboundAnsweredThenFarEndHangsUp();
    void outboundBusy();
    void outboundCancelledWhileRinging();
    void holdAndResumeBothWays();
    void dtmfBothWays();
    void rtpTimeoutEndsTheCall();
    void rtpTimeoutWaitsForTheAnswer();
    void networkLossMidCall();
    void inboundWithoutSdp();
    void blindTransfer();
    void blindTransferToBusyTarget();
    void stackSendsUuiOnAnswerAndInvite();
    void uuiByInfoBothWays();

private:
    CallSession *answerOffer(const QString &scenario, const QString &account, bool echo, QProcess **sipp,
                             std::shared_ptr<LineAudioEndpoint> *endpoint = nullptr);
    CallSession *waitForOffer(QSignalSpy &added);
    CallSession *makeCall(const QString &number, Line *line = nullptr);
    void finishSipp(QProcess *sipp);

    std::unique_ptr<SipLoopbackPeers> m_peers;
    std::unique_ptr<CallEngine> m_engine;
    std::unique_ptr<EventRecorder> m_recorder;
    std::unique_ptr<SipLineProvider> m_provider;
    Line *m_line = nullptr; // agent1, UDP
};

void tst_SipLoopback::initTestCase()
{
    previousHandler = qInstallMessageHandler(countRegistrations);
    QLoggingCategory::setFilterRules(QStringLiteral("hookline.sip.trace.debug=true"));
    m_peers = std::make_unique<SipLoopbackPeers>();
    QVERIFY(m_peers->isValid());
    QVERIFY(m_peers->kamailioPort() && m_peers->farEndPort());
    QString error;
    QVERIFY2(m_peers->prepareKamailio({{"agent1", "secret1"},
                                       {"agent2", "secret2"},
                                       {"agent3", "secret3"},
                                       {"agent4", "secret4"},
                                       {"agent5", "secret5"}},
                                      &error),
             qPrintable(error));

    const QString registrar = QStringLiteral("127.0.0.1:%1").arg(m_peers->kamailioPort());
    QList<SipAccountConfig> accounts;
    for (const QVariantMap &map : QList<QVariantMap> {
             {{"registrar", registrar},
              {"user", "agent1"},
              {"password", "secret1"},
              {"displayName", "Agent One"}},
             {{"registrar", registrar}, {"user", "agent2"}, {"password", "secret2"}, {"transport", "tcp"}},
             {{"registrar", registrar}, {"user", "agent3"}, {"password", "wrong"}},
             // RTP timeout after 1 s (the others keep the default 30 s: their far ends send no RTP).
             {{"registrar", registrar}, {"user", "agent4"}, {"password", "secret4"}, {"rtpTimeout", "1"}}}) {
        SipAccountConfig account;
        QVERIFY2(SipAccountConfig::fromVariantMap(map, &account, &error), qPrintable(error));
        accounts.append(account);
    }
    m_engine = std::make_unique<CallEngine>(nullptr);
    m_recorder = std::make_unique<EventRecorder>();
    m_recorder->setCategories(EventRecorder::States);
    m_recorder->attach(m_engine.get(), nullptr);
    auto *stack = new LibreSipStack;
    stack->setRetryInterval(1);
    m_provider = std::make_unique<SipLineProvider>(accounts, stack);
    // The registrar is not running yet: registrationFailsThenRecovers starts it.
    m_engine->attachProvider(m_provider.get());
    m_line = m_engine->line(QStringLiteral("sip/agent1"));
    QVERIFY(m_line);
}

void tst_SipLoopback::cleanupTestCase()
{
    m_engine.reset(); // stops the provider: libre's thread ends
    m_recorder.reset();
    m_provider.reset();
    m_peers.reset(); // ends sipp and Kamailio by PID
    qInstallMessageHandler(previousHandler);
}

void tst_SipLoopback::init()
{
    m_recorder->clear();
}

void tst_SipLoopback::registrationFailsThenRecovers()
{
    Line *tcp = m_engine->line(QStringLiteral("sip/agent2"));
    Line *wrongPassword = m_engine->line(QStringLiteral("sip/agent3"));
    QVERIFY(tcp && wrongPassword);
    // Registrar down: the TCP account cannot connect and says so.
    QTRY_VERIFY_WITH_TIMEOUT(tcp->outOfServiceReason().contains(QStringLiteral("does not answer")), 5000);
    QVERIFY(!tcp->inService());

    QString error;
    QVERIFY2(m_peers->startKamailio(&error), qPrintable(error));
    QTRY_VERIFY2_WITH_TIMEOUT(m_line->inService() && tcp->inService(), qPrintable(m_peers->kamailioLog()),
                              15000);
    QTRY_VERIFY_WITH_TIMEOUT(
        wrongPassword->outOfServiceReason().contains(QStringLiteral("refused the credentials of agent3")),
        5000);
    QVERIFY(!wrongPassword->inService());
}

void tst_SipLoopback::registrationIsRefreshed()
{
    // Kamailio grants 8 s: libre registers again at 90 % of that, with the digest credentials.
    QVERIFY(m_line->inService());
    const int accepted = registrationsAccepted;
    QVERIFY(accepted >= 1);
    QTRY_VERIFY_WITH_TIMEOUT(registrationsAccepted >= accepted + 1, 10000);
    QVERIFY(m_line->inService());
}

CallSession *tst_SipLoopback::waitForOffer(QSignalSpy &added)
{
    if (!added.count() && !added.wait(10000))
        return nullptr;
    auto *session = added.at(0).at(0).value<CallSession *>();
    m_recorder->name(session, QStringLiteral("A"));
    return session;
}

CallSession *tst_SipLoopback::makeCall(const QString &number, Line *line)
{
    QSignalSpy added(m_engine.get(), &CallEngine::sessionAdded);
    if (m_engine->makeCall(line ? line : m_line, number) <= 0 || (!added.count() && !added.wait(5000)))
        return nullptr;
    auto *session = added.at(0).at(0).value<CallSession *>();
    m_recorder->name(session, QStringLiteral("A"));
    return session;
}

void tst_SipLoopback::finishSipp(QProcess *sipp)
{
    QString output;
    const int code = m_peers->finishSipp(sipp, &output);
    QVERIFY2(code == 0, qPrintable(QStringLiteral("sipp exit %1:\n%2").arg(code).arg(output)));
}

void tst_SipLoopback::inboundFarEndHangsUp_data()
{
    // Kamailio reaches agent1 over UDP and agent2 over the TCP connection agent2 registered on.
    QTest::addColumn<QString>("account");
    QTest::newRow("udp") << QStringLiteral("agent1");
    QTest::newRow("tcp") << QStringLiteral("agent2");
}

void tst_SipLoopback::inboundFarEndHangsUp()
{
    QFETCH(QString, account);
    Line *line = m_engine->line(QStringLiteral("sip/") + account);
    QVERIFY(line && line->inService());
    m_recorder->clear();
    QSignalSpy added(m_engine.get(), &CallEngine::sessionAdded);
    QProcess *sipp = m_peers->startSipp(QStringLiteral("uac_far_end_bye.xml"), account);
    QVERIFY(sipp);
    CallSession *a = waitForOffer(added);
    QVERIFY2(a, qPrintable(m_peers->kamailioLog()));
    QCOMPARE(a->lineId(), line->lineId());
    QCOMPARE(a->state(), int(Offering));
    QCOMPARE(a->remoteNumber(), QStringLiteral("5551234"));
    QCOMPARE(a->remoteName(), QStringLiteral("Ann Caller"));
    QCOMPARE(a->calledNumber(), account);
    QCOMPARE(a->receivedUserUserInfo(), QList<QByteArray> {"case-42"});
    QVERIFY(a->answer() > 0);
    QTRY_COMPARE_WITH_TIMEOUT(a->state(), int(Disconnected), 10000);
    QCOMPARE(a->disconnectMode(), int(DisconnectBusy));
    QCOMPARE(a->receivedUserUserInfo().last(), QByteArray("bye-uui"));
    QCOMPARE(m_recorder->events(),
             (QStringList {"S(A)=OFFERING/ACTIVE", "S(A)=CONNECTED/ACTIVE", "S(A)=DISCONNECTED/BUSY"}));
    finishSipp(sipp);
    a->drop(QByteArray());
    QTRY_COMPARE(a->state(), int(Idle));
}

void tst_SipLoopback::inboundAudioAndAgentDrop()
{
    QSignalSpy added(m_engine.get(), &CallEngine::sessionAdded);
    QSignalSpy audio(m_provider->stack(), &SipStack::callAudioReady);
    QProcess *sipp = m_peers->startSipp(QStringLiteral("uac_expect_bye.xml"), QStringLiteral("agent1"), true);
    QVERIFY(sipp);
    CallSession *a = waitForOffer(added);
    QVERIFY(a);
    QVERIFY(a->answer() > 0);
    QTRY_COMPARE_WITH_TIMEOUT(a->state(), int(Connected), 5000);
    QTRY_COMPARE(audio.count(), 1);
    const auto endpoint = audio.at(0).at(1).value<std::shared_ptr<LineAudioEndpoint>>();
    QVERIFY(endpoint);
    QCOMPARE(endpoint->sampleRate(), 8000);

    // The agent's 1 kHz tone goes out as G.711, sipp echoes the RTP, and it comes back decoded.
    QVERIFY(hearsEchoedTone(*endpoint));

    QVERIFY(a->drop(QByteArray("wrap-7")) > 0);
    QTRY_COMPARE(a->state(), int(Idle));
    finishSipp(sipp); // sipp checked the BYE's Reason and User-to-User
}

void tst_SipLoopback::inboundRejectWithUui()
{
    QSignalSpy added(m_engine.get(), &CallEngine::sessionAdded);
    QProcess *sipp = m_peers->startSipp(QStringLiteral("uac_expect_reject.xml"), QStringLiteral("agent1"));
    QVERIFY(sipp);
    CallSession *a = waitForOffer(added);
    QVERIFY(a);
    QVERIFY(a->drop(QByteArray("no thanks")) > 0);
    QTRY_COMPARE(a->state(), int(Idle));
    finishSipp(sipp); // 603 with Reason Q.850 21 and the UUI
}

void tst_SipLoopback::inboundCallerCancels()
{
    QSignalSpy added(m_engine.get(), &CallEngine::sessionAdded);
    QProcess *sipp = m_peers->startSipp(QStringLiteral("uac_cancel.xml"), QStringLiteral("agent1"));
    QVERIFY(sipp);
    CallSession *a = waitForOffer(added);
    QVERIFY(a);
    QTRY_COMPARE_WITH_TIMEOUT(a->state(), int(Disconnected), 5000);
    QCOMPARE(a->disconnectMode(), int(DisconnectCancelled));
    finishSipp(sipp);
    a->drop(QByteArray());
    QTRY_COMPARE(a->state(), int(Idle));
}

void tst_SipLoopback::inboundWithoutCommonCodec()
{
    QSignalSpy added(m_engine.get(), &CallEngine::sessionAdded);
    QProcess *sipp = m_peers->startSipp(QStringLiteral("uac_no_common_codec.xml"), QStringLiteral("agent1"));
    QVERIFY(sipp);
    finishSipp(sipp); // 488, and no 180 before it
    QCOMPARE(added.count(), 0);
}

void tst_SipLoopback::outboundAnsweredThenFarEndHangsUp()
{
    QProcess *sipp = m_peers->startSipp(QStringLiteral("uas_answer_far_end_bye.xml"), QString());
    QVERIFY(sipp);
    QTRY_VERIFY(SipLoopbackPeers::udpPortInUse(m_peers->farEndPort()));
    CallSession *a = makeCall(QStringLiteral("9001"));
    QVERIFY(a);
    // INVITE sent: DIALING; Kamailio's 100 Trying: PROCEEDING; 180: RINGBACK; 200: CONNECTED.
    QTRY_COMPARE_WITH_TIMEOUT(a->state(), int(Disconnected), 10000);
    QCOMPARE(a->disconnectMode(), int(DisconnectNormal));
    QCOMPARE(a->receivedUserUserInfo(), QList<QByteArray> {"far-bye"});
    QCOMPARE(m_recorder->events().join(QLatin1Char(' ')),
             QStringList({"S(A)=DIALTONE/NORMAL", "S(A)=DIALING", "S(A)=PROCEEDING", "S(A)=RINGBACK",
                          "S(A)=CONNECTED/ACTIVE", "S(A)=DISCONNECTED/NORMAL"})
                 .join(QLatin1Char(' ')));
    finishSipp(sipp);
    a->drop(QByteArray());
    QTRY_COMPARE(a->state(), int(Idle));
}

void tst_SipLoopback::outboundBusy()
{
    QProcess *sipp = m_peers->startSipp(QStringLiteral("uas_busy.xml"), QString());
    QVERIFY(sipp);
    QTRY_VERIFY(SipLoopbackPeers::udpPortInUse(m_peers->farEndPort()));
    CallSession *a = makeCall(QStringLiteral("9002"));
    QVERIFY(a);
    QTRY_COMPARE_WITH_TIMEOUT(a->state(), int(Disconnected), 10000);
    QCOMPARE(a->disconnectMode(), int(DisconnectBusy));
    QCOMPARE(a->receivedUserUserInfo(), QList<QByteArray> {"busy-uui"});
    finishSipp(sipp);
    a->drop(QByteArray());
    QTRY_COMPARE(a->state(), int(Idle));
}

void tst_SipLoopback::outboundCancelledWhileRinging()
{
    QProcess *sipp = m_peers->startSipp(QStringLiteral("uas_expect_cancel.xml"), QString());
    QVERIFY(sipp);
    QTRY_VERIFY(SipLoopbackPeers::udpPortInUse(m_peers->farEndPort()));
    CallSession *a = makeCall(QStringLiteral("9003"));
    QVERIFY(a);
    QTRY_COMPARE_WITH_TIMEOUT(a->state(), int(Ringback), 10000);
    QVERIFY(a->drop(QByteArray()) > 0);
    QTRY_COMPARE(a->state(), int(Idle));
    finishSipp(sipp); // CANCEL, 487, ACK
}

CallSession *tst_SipLoopback::answerOffer(const QString &scenario, const QString &account, bool echo,
                                          QProcess **sipp, std::shared_ptr<LineAudioEndpoint> *endpoint)
{
    QSignalSpy added(m_engine.get(), &CallEngine::sessionAdded);
    QSignalSpy audio(m_provider->stack(), &SipStack::callAudioReady);
    *sipp = m_peers->startSipp(scenario, account, echo);
    if (!*sipp)
        return nullptr;
    CallSession *a = waitForOffer(added);
    if (!a || a->answer() <= 0)
        return nullptr;
    QSignalSpy completed(a, &CallSession::requestCompleted);
    if (!completed.wait(5000) || a->state() != Connected)
        return nullptr;
    if (endpoint) {
        if (!audio.count() && !audio.wait(5000))
            return nullptr;
        *endpoint = audio.at(0).at(1).value<std::shared_ptr<LineAudioEndpoint>>();
    }
    return a;
}

void tst_SipLoopback::holdAndResumeBothWays()
{
    QProcess *sipp = m_peers->startSipp(QStringLiteral("uas_hold_both_ways.xml"), QString());
    QVERIFY(sipp);
    QTRY_VERIFY(SipLoopbackPeers::udpPortInUse(m_peers->farEndPort()));
    CallSession *a = makeCall(QStringLiteral("9004"));
    QVERIFY(a);
    QTRY_COMPARE_WITH_TIMEOUT(a->state(), int(Connected), 10000);
    // Ours: re-INVITE a=sendonly, ONHOLD when the far end's 200 came; resume with sendrecv.
    QVERIFY(a->hold() > 0);
    QTRY_COMPARE_WITH_TIMEOUT(a->state(), int(OnHold), 5000);
    QVERIFY(a->unhold() > 0);
    QTRY_COMPARE_WITH_TIMEOUT(a->state(), int(Connected), 5000);
    // The far end's: its sendonly re-INVITE is CONNECTED/ACTIVEHELD here.
    QTRY_COMPARE_WITH_TIMEOUT(a->mode(), int(ConnectedActiveHeld), 5000);
    // Held both ways: a=inactive; resumed here while still held there: a=recvonly, ACTIVEHELD again.
    QVERIFY(a->hold() > 0);
    QTRY_COMPARE_WITH_TIMEOUT(a->state(), int(OnHold), 5000);
    QVERIFY(a->unhold() > 0);
    // Then the far end's sendrecv re-INVITE: ACTIVE.
    const QStringList expected {"S(A)=DIALTONE/NORMAL",      "S(A)=DIALING",         "S(A)=PROCEEDING",
                                "S(A)=CONNECTED/ACTIVE",     "S(A)=ONHOLD",          "S(A)=CONNECTED/ACTIVE",
                                "S(A)=CONNECTED/ACTIVEHELD", "S(A)=ONHOLD",          "S(A)=CONNECTED/ACTIVE",
                                "S(A)=CONNECTED/ACTIVEHELD", "S(A)=CONNECTED/ACTIVE"};
    QTRY_COMPARE_WITH_TIMEOUT(m_recorder->events().size(), expected.size(), 5000);
    QCOMPARE(m_recorder->events(), expected);
    QVERIFY(a->drop(QByteArray()) > 0);
    QTRY_COMPARE(a->state(), int(Idle));
    finishSipp(sipp); // checked each SDP direction both ways
}

void tst_SipLoopback::dtmfBothWays()
{
    QProcess *sipp = nullptr;
    CallSession *a = answerOffer(QStringLiteral("uac_dtmf.xml"), QStringLiteral("agent1"), true, &sipp);
    QVERIFY2(a, qPrintable(m_peers->kamailioLog()));
    QSignalSpy digits(a, &CallSession::digitReceived);
    // In: '1' as RFC 4733 events, '5' and '#' by INFO (the INFO of another type is refused, not a digit).
    QTRY_COMPARE_WITH_TIMEOUT(digits.count(), 3, 5000);
    // Out: RFC 4733 events, echoed by sipp and decoded here again.
    QVERIFY(a->dial(QStringLiteral("4*")) > 0);
    QTRY_COMPARE_WITH_TIMEOUT(digits.count(), 5, 5000);
    QStringList heard;
    for (const QList<QVariant> &digit : digits)
        heard << digit.at(0).toString();
    QCOMPARE(heard, (QStringList {"1", "5", "#", "4", "*"}));
    QVERIFY(a->drop(QByteArray()) > 0);
    QTRY_COMPARE(a->state(), int(Idle));
    finishSipp(sipp);
}

void tst_SipLoopback::rtpTimeoutEndsTheCall()
{
    QProcess *sipp = nullptr;
    CallSession *a =
        answerOffer(QStringLiteral("uac_rtp_timeout.xml"), QStringLiteral("agent4"), false, &sipp);
    QVERIFY(a);
    QElapsedTimer timer;
    timer.start();
    QTRY_COMPARE_WITH_TIMEOUT(a->state(), int(Disconnected), 5000);
    QCOMPARE(a->disconnectMode(), int(DisconnectTempFailure));
    QVERIFY2(timer.elapsed() >= 800, "the call ended before the 1 s RTP timeout");
    finishSipp(sipp); // BYE with Reason Q.850 41
    a->drop(QByteArray());
    QTRY_COMPARE(a->state(), int(Idle));
}

void tst_SipLoopback::rtpTimeoutWaitsForTheAnswer()
{
    // agent4 (1 s timeout) calls out; the far end's 183 with SDP sends no RTP for 1.5 s: still ringing.
    QProcess *sipp = m_peers->startSipp(QStringLiteral("uas_early_media_silent.xml"), QString());
    QVERIFY(sipp);
    QTRY_VERIFY(SipLoopbackPeers::udpPortInUse(m_peers->farEndPort()));
    CallSession *a = makeCall(QStringLiteral("9008"), m_engine->line(QStringLiteral("sip/agent4")));
    QVERIFY(a);
    QTRY_COMPARE_WITH_TIMEOUT(a->state(), int(Disconnected), 10000);
    QCOMPARE(a->disconnectMode(), int(DisconnectNormal)); // the far end's BYE 0.3 s after the answer
    QVERIFY(m_recorder->events().contains(QStringLiteral("S(A)=CONNECTED/ACTIVE")));
    finishSipp(sipp);
    a->drop(QByteArray());
    QTRY_COMPARE(a->state(), int(Idle));
}

void tst_SipLoopback::networkLossMidCall()
{
    QProcess *sipp = nullptr;
    std::shared_ptr<LineAudioEndpoint> endpoint;
    CallSession *a =
        answerOffer(QStringLiteral("uac_network_loss.xml"), QStringLiteral("agent4"), true, &sipp, &endpoint);
    QVERIFY(a && endpoint);
    // Audio flows (echoed) well past the 1 s timeout: the call stays up.
    QVERIFY(hearsEchoedTone(*endpoint));
    QTest::qWait(1200);
    QCOMPARE(a->state(), int(Connected));
    // The far end vanishes: no RTP, no SIP. The call ends as TEMPFAILURE; the BYE gets no answer.
    m_peers->killSipp(sipp);
    QTRY_COMPARE_WITH_TIMEOUT(a->state(), int(Disconnected), 5000);
    QCOMPARE(a->disconnectMode(), int(DisconnectTempFailure));
    QVERIFY(a->drop(QByteArray()) > 0);
    QTRY_COMPARE(a->state(), int(Idle));
    QVERIFY(m_engine->line(QStringLiteral("sip/agent4"))->inService());
}

void tst_SipLoopback::inboundWithoutSdp()
{
    QProcess *sipp = nullptr;
    std::shared_ptr<LineAudioEndpoint> endpoint;
    CallSession *a =
        answerOffer(QStringLiteral("uac_late_offer.xml"), QStringLiteral("agent1"), true, &sipp, &endpoint);
    QVERIFY(a && endpoint);
    // The audio starts with the ACK's answer (A-law): the tone makes the round trip.
    QVERIFY(hearsEchoedTone(*endpoint));
    QVERIFY(a->drop(QByteArray()) > 0);
    QTRY_COMPARE(a->state(), int(Idle));
    finishSipp(sipp); // our offer in the 200 checked
}

void tst_SipLoopback::blindTransfer()
{
    QProcess *sipp = m_peers->startSipp(QStringLiteral("uas_blind_transfer.xml"), QString());
    QVERIFY(sipp);
    QTRY_VERIFY(SipLoopbackPeers::udpPortInUse(m_peers->farEndPort()));
    CallSession *a = makeCall(QStringLiteral("9005"));
    QVERIFY(a);
    QTRY_COMPARE_WITH_TIMEOUT(a->state(), int(Connected), 10000);
    QSignalSpy completed(a, &CallSession::requestCompleted);
    const int transfer = a->blindTransfer(QStringLiteral("9006"));
    QVERIFY(transfer > 0);
    // Completed (and IDLE) only with the NOTIFY that says the target answered.
    QVERIFY(completed.wait(5000));
    QCOMPARE(completed.at(0).at(0).toInt(), transfer);
    QCOMPARE(completed.at(0).at(1).toInt(), int(Success));
    QCOMPARE(a->state(), int(Idle));
    finishSipp(sipp); // REFER's Refer-To, and the BYE after the final NOTIFY
}

void tst_SipLoopback::blindTransferToBusyTarget()
{
    QProcess *sipp = m_peers->startSipp(QStringLiteral("uas_blind_transfer_busy.xml"), QString());
    QVERIFY(sipp);
    QTRY_VERIFY(SipLoopbackPeers::udpPortInUse(m_peers->farEndPort()));
    CallSession *a = makeCall(QStringLiteral("9005"));
    QVERIFY(a);
    QTRY_COMPARE_WITH_TIMEOUT(a->state(), int(Connected), 10000);
    QSignalSpy completed(a, &CallSession::requestCompleted);
    QVERIFY(a->blindTransfer(QStringLiteral("9006")) > 0);
    QVERIFY(completed.wait(5000));
    QCOMPARE(completed.at(0).at(1).toInt(), int(OperationFailed));
    QCOMPARE(a->state(), int(Connected)); // still the agent's call
    QVERIFY(a->drop(QByteArray()) > 0);
    QTRY_COMPARE(a->state(), int(Idle));
    finishSipp(sipp);
}

void tst_SipLoopback::stackSendsUuiOnAnswerAndInvite()
{
    // The engine has no UUI for answer or makeCall yet; the stack takes it (LineCommand::uui) and puts it
    // in the 200's and the INVITE's User-to-User. A stack of its own, on account agent5.
    SipAccountConfig account;
    QString error;
    QVERIFY2(SipAccountConfig::fromVariantMap(
                 {{"registrar", QStringLiteral("127.0.0.1:%1").arg(m_peers->kamailioPort())},
                  {"user", "agent5"},
                  {"password", "secret5"}},
                 &account, &error),
             qPrintable(error));
    LibreSipStack stack;
    QSignalSpy registered(&stack, &SipStack::registrationChanged);
    QSignalSpy incoming(&stack, &SipStack::callIncoming);
    QSignalSpy done(&stack, &SipStack::commandDone);
    QSignalSpy ended(&stack, &SipStack::callEnded);
    stack.start({account});
    QTRY_VERIFY_WITH_TIMEOUT(!registered.isEmpty() && registered.last().at(1).toBool(), 5000);

    QProcess *sipp =
        m_peers->startSipp(QStringLiteral("uac_expect_answer_uui.xml"), QStringLiteral("agent5"));
    QVERIFY(sipp);
    QVERIFY(incoming.wait(10000));
    const quint64 token = incoming.at(0).at(0).toULongLong();
    stack.answer(token, "answer-uui");
    QTRY_COMPARE(done.count(), 1);
    QCOMPARE(done.at(0).at(1).toInt(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 5000); // the far end's BYE
    finishSipp(sipp); // the 200's User-to-User checked
    if (QTest::currentTestFailed())
        return;

    sipp = m_peers->startSipp(QStringLiteral("uas_expect_invite_uui.xml"), QString());
    QVERIFY(sipp);
    QTRY_VERIFY(SipLoopbackPeers::udpPortInUse(m_peers->farEndPort()));
    stack.placeCall(77, 0, QStringLiteral("9007"), "call-uui");
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 2, 10000);
    QCOMPARE(ended.at(1).at(0).toULongLong(), quint64(77));
    finishSipp(sipp); // the INVITE's User-to-User checked
    stack.stop();
}

void tst_SipLoopback::uuiByInfoBothWays()
{
    QProcess *sipp = nullptr;
    CallSession *a = answerOffer(QStringLiteral("uac_uui_info.xml"), QStringLiteral("agent1"), false, &sipp);
    QVERIFY(a);
    QTRY_COMPARE_WITH_TIMEOUT(a->receivedUserUserInfo(), QList<QByteArray> {"far-note"}, 5000);
    QSignalSpy completed(a, &CallSession::requestCompleted);
    const int send = a->sendUserUserInfo(QByteArray("agent-note"));
    QVERIFY(send > 0);
    QVERIFY(completed.wait(5000)); // the far end's 200 to our INFO
    QCOMPARE(completed.at(0).at(1).toInt(), int(Success));
    QCOMPARE(a->sentUserUserInfo(), QByteArray("agent-note"));
    QVERIFY(a->drop(QByteArray()) > 0);
    QTRY_COMPARE(a->state(), int(Idle));
    finishSipp(sipp); // our INFO's User-to-User checked
}

QTEST_GUILESS_MAIN(tst_SipLoopback)
#include "tst_sip_loopback.moc"
