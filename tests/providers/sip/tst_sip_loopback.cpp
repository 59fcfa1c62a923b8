// SIP lines against real peers on 127.0.0.1: Kamailio (registrar with digest authentication on SQLite,
// relay) and sipp scenarios that check the exact signalling (Reason and User-to-User on BYE, CANCEL
// and final responses): registration and calls set up and ended both ways. The console side is the
// real CallEngine, the SIP line provider and libre (SipLoopbackConsole); what happens during a call is
// tst_sip_midcall's.
#include "EventRecorder.h"
#include "SipLineProvider.h"
#include "SipLoopbackConsole.h"
#include "SipLoopbackPeers.h"
#include "SipStack.h"
#include "core/Tapi.h"
#include "lines/Line.h"
#include "providers/LineAudioEndpoint.h"
#include "session/CallEngine.h"
#include "session/CallSession.h"

#include <QtCore/qelapsedtimer.h>
#include <QtCore/qendian.h>
#include <QtCore/qloggingcategory.h>
#include <QtCore/qscopeguard.h>
#include <QtCore/qsocketnotifier.h>

#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <memory>

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
    void packetTimeTheFarEndAsks_data();
    void packetTimeTheFarEndAsks();
    void ourOffersStateOurPacketTime_data();
    void ourOffersStateOurPacketTime();
    void inboundRejectWithUui();
    void inboundCallerCancels();
    void inboundWithoutCommonCodec();
    void outboundAnsweredThenFarEndHangsUp();
    void outboundBusy();
    void outboundCancelledWhileRinging();

private:
    std::unique_ptr<SipLoopbackPeers> m_peers;
    std::unique_ptr<SipLoopbackConsole> m_console;
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
    QVERIFY2(m_peers->prepareKamailio({{"agent1", "secret1"}, {"agent2", "secret2"}, {"agent3", "secret3"}},
                                      &error),
             qPrintable(error));
    m_console = std::make_unique<SipLoopbackConsole>(m_peers.get());
    // The registrar is not running yet: registrationFailsThenRecovers starts it.
    QVERIFY2(m_console->start({{{"user", "agent1"}, {"password", "secret1"}, {"displayName", "Agent One"}},
                               {{"user", "agent2"}, {"password", "secret2"}, {"transport", "tcp"}},
                               {{"user", "agent3"}, {"password", "wrong"}}},
                              &error),
             qPrintable(error));
    m_line = m_console->line(QStringLiteral("agent1"));
    QVERIFY(m_line);
}

void tst_SipLoopback::cleanupTestCase()
{
    m_console.reset(); // stops the provider: libre's thread ends
    m_peers.reset(); // ends sipp and Kamailio by PID
    qInstallMessageHandler(previousHandler);
}

void tst_SipLoopback::init()
{
    m_console->recorder()->clear();
}

void tst_SipLoopback::registrationFailsThenRecovers()
{
    Line *tcp = m_console->engine()->line(QStringLiteral("sip/agent2"));
    Line *wrongPassword = m_console->engine()->line(QStringLiteral("sip/agent3"));
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
    Line *line = m_console->engine()->line(QStringLiteral("sip/") + account);
    QVERIFY(line && line->inService());
    m_console->recorder()->clear();
    QSignalSpy added(m_console->engine(), &CallEngine::sessionAdded);
    QProcess *sipp = m_peers->startSipp(QStringLiteral("uac_far_end_bye.xml"), account);
    QVERIFY(sipp);
    CallSession *a = m_console->waitForOffer(added);
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
    QCOMPARE(m_console->recorder()->events(),
             (QStringList {"S(A)=OFFERING/ACTIVE", "S(A)=CONNECTED/ACTIVE", "S(A)=DISCONNECTED/BUSY"}));
    m_console->finishSipp(sipp);
    a->drop(QByteArray());
    QTRY_COMPARE(a->state(), int(Idle));
}

void tst_SipLoopback::inboundAudioAndAgentDrop()
{
    QSignalSpy added(m_console->engine(), &CallEngine::sessionAdded);
    QSignalSpy audio(m_console->provider()->stack(), &SipStack::callAudioReady);
    QProcess *sipp = m_peers->startSipp(QStringLiteral("uac_expect_bye.xml"), QStringLiteral("agent1"), true);
    QVERIFY(sipp);
    CallSession *a = m_console->waitForOffer(added);
    QVERIFY(a);
    QVERIFY(a->answer() > 0);
    QTRY_COMPARE_WITH_TIMEOUT(a->state(), int(Connected), 5000);
    QTRY_COMPARE(audio.count(), 1);
    const auto endpoint = audio.at(0).at(1).value<std::shared_ptr<LineAudioEndpoint>>();
    QVERIFY(endpoint);
    QCOMPARE(endpoint->sampleRate(), 8000);

    // The agent's 1 kHz tone goes out as G.711, sipp echoes the RTP, and it comes back decoded.
    QVERIFY(SipLoopbackConsole::hearsEchoedTone(*endpoint));

    QVERIFY(a->drop(QByteArray("wrap-7")) > 0);
    QTRY_COMPARE(a->state(), int(Idle));
    m_console->finishSipp(sipp); // sipp checked the BYE's Reason and User-to-User
}

void tst_SipLoopback::packetTimeTheFarEndAsks_data()
{
    QTest::addColumn<int>("asked"); // the caller's a=ptime
    QTest::addColumn<int>("sent"); // the packet time the console sends PCMU with, and states in its answer
    QTest::newRow("40 ms honoured") << 40 << 40;
    QTest::newRow("10 ms honoured") << 10 << 10;
    QTest::newRow("25 ms: 20") << 25 << 20;
    QTest::newRow("60 ms: 40") << 60 << 40;
}

void tst_SipLoopback::packetTimeTheFarEndAsks()
{
    // The caller's SDP says a=ptime:<asked> and names the test's own socket as its RTP address: the
    // console's PCMU packets must be <sent> ms each (8 bytes a ms, the timestamp stepping as much) and come
    // every <sent> ms; its answer's a=ptime says <sent> (sipp compares it).
    QFETCH(int, asked);
    QFETCH(int, sent);
    const int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    QVERIFY(fd >= 0);
    const auto closeSocket = qScopeGuard([fd] { ::close(fd); });
    quint16 port = 0;
    for (int attempt = 0; attempt < 50 && !port; ++attempt) {
        const quint16 candidate = SipLoopbackPeers::freePort() & ~1;
        sockaddr_in address {};
        address.sin_family = AF_INET;
        address.sin_port = htons(candidate);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (candidate && ::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0)
            port = candidate;
    }
    QVERIFY(port);
    struct Packet
    {
        quint16 sequence;
        quint32 timestamp;
        int payloadType;
        qsizetype payload;
        qint64 arrivedMs;
    };
    QList<Packet> packets;
    QElapsedTimer clock;
    clock.start();
    QSocketNotifier readable(fd, QSocketNotifier::Read);
    connect(&readable, &QSocketNotifier::activated, this, [&] {
        uchar b[2048];
        ssize_t size = 0;
        while ((size = ::recv(fd, b, sizeof b, 0)) >= 12) {
            packets.append({qFromBigEndian<quint16>(b + 2), qFromBigEndian<quint32>(b + 4), b[1] & 0x7f,
                            qsizetype(size) - 12, clock.elapsed()});
        }
    });
    QSignalSpy added(m_console->engine(), &CallEngine::sessionAdded);
    QProcess *sipp = m_peers->startSipp(QStringLiteral("uac_ptime.xml"), QStringLiteral("agent1"), false, 1,
                                        {{QStringLiteral("rtp_port"), QString::number(port)},
                                         {QStringLiteral("asked_ptime"), QString::number(asked)}},
                                        {{QStringLiteral("expected_ptime"), QString::number(sent)}});
    QVERIFY(sipp);
    CallSession *a = m_console->waitForOffer(added);
    QVERIFY(a);
    QVERIFY(a->answer() > 0);
    QTRY_COMPARE_WITH_TIMEOUT(a->state(), int(Disconnected), 10000); // the caller's BYE after 2 s
    m_console->finishSipp(sipp); // sipp checked that our answer says a=ptime:<sent>
    QVERIFY2(packets.size() >= 800 / sent, qPrintable(QString::number(packets.size())));
    const int bytes = 8 * sent; // PCMU: 8000 samples of one byte a second
    for (qsizetype i = 0; i < packets.size(); ++i) {
        QCOMPARE(packets.at(i).payloadType, 0);
        QCOMPARE(packets.at(i).payload, bytes);
        if (i > 0) {
            QCOMPARE(quint16(packets.at(i).sequence - packets.at(i - 1).sequence), quint16(1));
            QCOMPARE(packets.at(i).timestamp - packets.at(i - 1).timestamp, quint32(bytes));
        }
    }
    // Sent every <sent> ms on average (a loaded machine delays some, never all).
    const double interval =
        double(packets.last().arrivedMs - packets.first().arrivedMs) / double(packets.size() - 1);
    QVERIFY2(interval > 0.8 * sent && interval < 1.5 * sent, qPrintable(QString::number(interval)));
    a->drop(QByteArray());
    QTRY_COMPARE(a->state(), int(Idle));
}

void tst_SipLoopback::ourOffersStateOurPacketTime_data()
{
    QTest::addColumn<int>("answered"); // the far end's a=ptime in its answer to our INVITE
    QTest::addColumn<int>("sent"); // the packet time the console sends with then, and offers on hold
    QTest::newRow("40 ms honoured") << 40 << 40;
    QTest::newRow("30 ms honoured") << 30 << 30;
    QTest::newRow("25 ms: 20") << 25 << 20;
    QTest::newRow("60 ms: 40") << 60 << 40;
}

void tst_SipLoopback::ourOffersStateOurPacketTime()
{
    // Our INVITE offers a=ptime:20 (what we send before the far end asks for anything); once the far end's
    // answer asked for <answered>, we send <sent> and our hold re-INVITE says so (sipp checks both).
    QFETCH(int, answered);
    QFETCH(int, sent);
    QProcess *sipp = nullptr;
    CallSession *a =
        m_console->callFarEnd(QStringLiteral("uas_ptime_offer.xml"), QStringLiteral("9005"), &sipp,
                              {.keys = {{QStringLiteral("answer_ptime"), QString::number(answered)}},
                               .variables = {{QStringLiteral("expected_ptime"), QString::number(sent)}}});
    QVERIFY(a);
    QVERIFY(a->hold() > 0);
    QTRY_COMPARE_WITH_TIMEOUT(a->state(), int(OnHold), 5000);
    QVERIFY(a->drop(QByteArray()) > 0);
    QTRY_COMPARE(a->state(), int(Idle));
    m_console->finishSipp(sipp);
}

void tst_SipLoopback::inboundRejectWithUui()
{
    QSignalSpy added(m_console->engine(), &CallEngine::sessionAdded);
    QProcess *sipp = m_peers->startSipp(QStringLiteral("uac_expect_reject.xml"), QStringLiteral("agent1"));
    QVERIFY(sipp);
    CallSession *a = m_console->waitForOffer(added);
    QVERIFY(a);
    QVERIFY(a->drop(QByteArray("no thanks")) > 0);
    QTRY_COMPARE(a->state(), int(Idle));
    m_console->finishSipp(sipp); // 603 with Reason Q.850 21 and the UUI
}

void tst_SipLoopback::inboundCallerCancels()
{
    QSignalSpy added(m_console->engine(), &CallEngine::sessionAdded);
    QProcess *sipp = m_peers->startSipp(QStringLiteral("uac_cancel.xml"), QStringLiteral("agent1"));
    QVERIFY(sipp);
    CallSession *a = m_console->waitForOffer(added);
    QVERIFY(a);
    QTRY_COMPARE_WITH_TIMEOUT(a->state(), int(Disconnected), 5000);
    QCOMPARE(a->disconnectMode(), int(DisconnectCancelled));
    m_console->finishSipp(sipp);
    a->drop(QByteArray());
    QTRY_COMPARE(a->state(), int(Idle));
}

void tst_SipLoopback::inboundWithoutCommonCodec()
{
    QSignalSpy added(m_console->engine(), &CallEngine::sessionAdded);
    QProcess *sipp = m_peers->startSipp(QStringLiteral("uac_no_common_codec.xml"), QStringLiteral("agent1"));
    QVERIFY(sipp);
    m_console->finishSipp(sipp); // 488, and no 180 before it
    QCOMPARE(added.count(), 0);
}

void tst_SipLoopback::outboundAnsweredThenFarEndHangsUp()
{
    QProcess *sipp = nullptr;
    CallSession *a = m_console->callFarEnd(QStringLiteral("uas_answer_far_end_bye.xml"),
                                           QStringLiteral("9001"), &sipp, {.connected = false});
    QVERIFY(a);
    // INVITE sent: DIALING; Kamailio's 100 Trying: PROCEEDING; 180: RINGBACK; 200: CONNECTED.
    QTRY_COMPARE_WITH_TIMEOUT(a->state(), int(Disconnected), 10000);
    QCOMPARE(a->disconnectMode(), int(DisconnectNormal));
    QCOMPARE(a->receivedUserUserInfo(), QList<QByteArray> {"far-bye"});
    QCOMPARE(m_console->recorder()->events().join(QLatin1Char(' ')),
             QStringList({"S(A)=DIALTONE/NORMAL", "S(A)=DIALING", "S(A)=PROCEEDING", "S(A)=RINGBACK",
                          "S(A)=CONNECTED/ACTIVE", "S(A)=DISCONNECTED/NORMAL"})
                 .join(QLatin1Char(' ')));
    m_console->finishSipp(sipp);
    a->drop(QByteArray());
    QTRY_COMPARE(a->state(), int(Idle));
}

void tst_SipLoopback::outboundBusy()
{
    QProcess *sipp = nullptr;
    CallSession *a = m_console->callFarEnd(QStringLiteral("uas_busy.xml"), QStringLiteral("9002"), &sipp,
                                           {.connected = false});
    QVERIFY(a);
    QTRY_COMPARE_WITH_TIMEOUT(a->state(), int(Disconnected), 10000);
    QCOMPARE(a->disconnectMode(), int(DisconnectBusy));
    QCOMPARE(a->receivedUserUserInfo(), QList<QByteArray> {"busy-uui"});
    m_console->finishSipp(sipp);
    a->drop(QByteArray());
    QTRY_COMPARE(a->state(), int(Idle));
}

void tst_SipLoopback::outboundCancelledWhileRinging()
{
    QProcess *sipp = nullptr;
    CallSession *a = m_console->callFarEnd(QStringLiteral("uas_expect_cancel.xml"), QStringLiteral("9003"),
                                           &sipp, {.connected = false});
    QVERIFY(a);
    QTRY_COMPARE_WITH_TIMEOUT(a->state(), int(Ringback), 10000);
    QVERIFY(a->drop(QByteArray()) > 0);
    QTRY_COMPARE(a->state(), int(Idle));
    m_console->finishSipp(sipp); // CANCEL, 487, ACK
}

QTEST_GUILESS_MAIN(tst_SipLoopback)
#include "tst_sip_loopback.moc"
