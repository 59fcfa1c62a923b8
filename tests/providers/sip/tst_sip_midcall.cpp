// What happens during a SIP call, against real peers on 127.0.0.1 (Kamailio as registrar and relay,
// sipp scenarios that check every SDP direction and header the console sends): hold and resume both
// ways, DTMF both ways (RFC 4733 and INFO), the RTP timeout and a far end lost mid-call, an INVITE
// without SDP, blind transfer by REFER, consult transfer by REFER with Replaces, a far end's REFER and
// INVITE with Replaces carried out here, UUI on the 200 (from the engine's answer) and the INVITE (from
// makeCall), and by INFO.
#include "EventRecorder.h"
#include "SipLineProvider.h"
#include "SipLoopbackConsole.h"
#include "SipLoopbackPeers.h"
#include "SipStack.h"
#include "ToneAnalysis.h"
#include "ToneFarEnd.h"
#include "ToneHeadset.h"
#include "audio/CallAudioRouter.h"
#include "core/Tapi.h"
#include "lines/Line.h"
#include "providers/LineAudioEndpoint.h"
#include "session/CallEngine.h"
#include "session/CallSession.h"
#include "settings/ConsoleSettings.h"

#include <QtCore/qdeadlinetimer.h>
#include <QtCore/qelapsedtimer.h>
#include <QtCore/qloggingcategory.h>
#include <QtCore/qmutex.h>
#include <QtCore/qregularexpression.h>
#include <QtCore/qtemporarydir.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <memory>
#include <vector>

using namespace Tapi;

namespace {

// The RTP port in the console's latest 200 with SDP, read from the provider's SIP trace (logged on
// libre's thread); the trace itself is shown only with HOOKLINE_SIP_TEST_TRACE=1.
std::atomic<int> answeredRtpPort {0};
QtMessageHandler previousHandler = nullptr;
QMutex sentLock;
QStringList sentMessages; // every SIP message the console sent, as the trace showed it

// The value of `header` in the first message the console sent that starts with `start`.
QString sentHeader(const QString &start, const QString &header)
{
    QMutexLocker locker(&sentLock);
    for (const QString &message : std::as_const(sentMessages)) {
        // "sent <n> bytes\n <message>": QDebug puts a space before the message.
        const QString sent = message.mid(message.indexOf(QLatin1Char('\n')) + 1).trimmed();
        if (!sent.startsWith(start))
            continue;
        for (const QString &line : sent.split(QStringLiteral("\r\n"))) {
            if (line.startsWith(header + QLatin1Char(':'), Qt::CaseInsensitive))
                return line.mid(header.size() + 1).trimmed();
        }
    }
    return {};
}

// How many messages the console sent that contain `text`.
int sentContaining(const QString &text)
{
    QMutexLocker locker(&sentLock);
    return int(std::count_if(sentMessages.cbegin(), sentMessages.cend(),
                             [&text](const QString &message) { return message.contains(text); }));
}

// Writes half a second of a -12 dBFS tone of `hz` to the line and returns the highest level (dBFS, per
// 100 ms) of `hz` and of `otherHz` in what comes back within 3 s (sipp echoes the RTP); it stops
// listening once a whole block holds the tone within 2 dB.
std::pair<double, double> echoedToneLevels(LineAudioEndpoint &endpoint, double hz, double otherHz)
{
    const int rate = endpoint.sampleRate();
    std::vector<int16_t> stale(endpoint.fromLine.available());
    endpoint.fromLine.read(stale);
    const QByteArray tone = ToneAnalysis::sine(hz, -12.0, rate, 0.5);
    const auto samples = ToneAnalysis::samplesOf(tone);
    // Fed as the mixer feeds it, about a frame ahead: the stream drops what waits beyond that (delay the
    // console would otherwise keep for the rest of the call).
    const std::size_t frame = std::size_t(rate / 50);
    std::size_t sent = 0;
    QByteArray heard;
    QDeadlineTimer deadline(3000);
    while (!deadline.hasExpired() && ToneAnalysis::peakLevelDbfs(heard, hz, rate, 0.05) < -14) {
        if (const std::size_t waiting = endpoint.toLine.available(); waiting < frame && sent < samples.size())
            sent += endpoint.toLine.write(
                samples.subspan(sent, std::min(frame - waiting, samples.size() - sent)));
        QTest::qWait(5);
        std::vector<int16_t> chunk(endpoint.fromLine.available());
        endpoint.fromLine.read(chunk);
        heard.append(reinterpret_cast<const char *>(chunk.data()), qsizetype(chunk.size() * sizeof(int16_t)));
    }
    return {ToneAnalysis::peakLevelDbfs(heard, hz, rate, 0.05),
            ToneAnalysis::peakLevelDbfs(heard, otherHz, rate, 0.1)};
}

// What the RTP stream said it set up ("RTP G722 payload type 9 at 16000 Hz, endpoint at 8000 Hz").
std::atomic<int> g722ResampledStreams {0};

void watchTrace(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (context.category && qstrcmp(context.category, "hookline.sip") == 0
        && message.contains(QLatin1String("RTP G722 payload type 9 at 16000 Hz, endpoint at 8000 Hz")))
        ++g722ResampledStreams;
    if (context.category && qstrcmp(context.category, "hookline.sip.trace") == 0) {
        if (message.startsWith(QLatin1String("sent"))) {
            QMutexLocker locker(&sentLock);
            sentMessages << message;
        }
        if (message.startsWith(QLatin1String("sent")) && message.contains(QLatin1String(" SIP/2.0 200 OK"))) {
            static const QRegularExpression audio(QStringLiteral("m=audio (\\d+) "));
            if (const QRegularExpressionMatch match = audio.match(message); match.hasMatch())
                answeredRtpPort = match.captured(1).toInt();
        }
        static const bool show = qEnvironmentVariableIsSet("HOOKLINE_SIP_TEST_TRACE");
        if (show)
            previousHandler(type, context, message);
        return;
    }
    previousHandler(type, context, message);
}

// One digit as a far end sends it by RFC 4733 (section 2.5): three packets while the event goes on (the
// first with the marker bit), then three end packets, all with the event's start timestamp.
bool sendTelephoneEvent(quint16 port, int payloadType, int event)
{
    const int fd = ::socket(AF_INET, SOCK_DGRAM, 0);
    if (fd < 0)
        return false;
    sockaddr_in to {};
    to.sin_family = AF_INET;
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    to.sin_port = htons(port);
    bool sent = true;
    for (int i = 0; i < 6; ++i) {
        const bool end = i >= 3;
        const quint16 duration = quint16(end ? 640 : 160 * (i + 1));
        const quint16 sequence = quint16(1000 + i);
        const unsigned char packet[16] = {0x80,
                                          static_cast<unsigned char>((i == 0 ? 0x80 : 0) | payloadType),
                                          static_cast<unsigned char>(sequence >> 8),
                                          static_cast<unsigned char>(sequence & 0xff),
                                          0,
                                          0,
                                          0x10,
                                          0,
                                          0x12,
                                          0x34,
                                          0x56,
                                          0x78,
                                          static_cast<unsigned char>(event),
                                          static_cast<unsigned char>((end ? 0x80 : 0) | 10),
                                          static_cast<unsigned char>(duration >> 8),
                                          static_cast<unsigned char>(duration & 0xff)};
        sent = sent
            && ::sendto(fd, packet, sizeof packet, 0, reinterpret_cast<sockaddr *>(&to), sizeof to)
                == qsizetype(sizeof packet);
    }
    ::close(fd);
    return sent;
}

} // namespace

class tst_SipMidCall : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void holdAndResumeBothWays();
    void dtmfBothWays();
    void dtmfOnOpusAt48kHz();
    void rtpTimeoutEndsTheCall_data();
    void rtpTimeoutEndsTheCall();
    void rtpTimeoutWaitsForTheAnswer();
    void rtpTimeoutNotWhileFarEndHolds();
    void networkLossMidCall();
    void codecChangedMidCall();
    void inboundWithoutSdp();
    void blindTransfer();
    void blindTransferToBusyTarget();
    void consultTransferWithReplaces();
    void farEndTransfersTheCall();
    void inviteWithReplacesTakesOverTheCall();
    void uuiOnAnswerAndMakeCall();
    void uuiByInfoBothWays();

private:
    std::unique_ptr<SipLoopbackPeers> m_peers;
    std::unique_ptr<SipLoopbackConsole> m_console;
};

void tst_SipMidCall::initTestCase()
{
    previousHandler = qInstallMessageHandler(watchTrace);
    QLoggingCategory::setFilterRules(QStringLiteral("hookline.sip.trace.debug=true"));
    m_peers = std::make_unique<SipLoopbackPeers>();
    QVERIFY(m_peers->isValid());
    QString error;
    QVERIFY2(m_peers->prepareKamailio({{"agent1", "secret1"}, {"agent4", "secret4"}}, &error),
             qPrintable(error));
    QVERIFY2(m_peers->startKamailio(&error), qPrintable(error));
    m_console = std::make_unique<SipLoopbackConsole>(m_peers.get());
    QVERIFY2(m_console->start({{{"user", "agent1"}, {"password", "secret1"}, {"displayName", "Agent One"}},
                               // RTP timeout after 1 s (agent1 keeps 30 s: many far ends here send no RTP).
                               {{"user", "agent4"}, {"password", "secret4"}, {"rtpTimeout", "1"}}},
                              &error),
             qPrintable(error));
    QTRY_VERIFY2_WITH_TIMEOUT(m_console->line(QStringLiteral("agent1"))->inService()
                                  && m_console->line(QStringLiteral("agent4"))->inService(),
                              qPrintable(m_peers->kamailioLog()), 10000);
}

void tst_SipMidCall::cleanupTestCase()
{
    m_console.reset(); // stops the provider: libre's thread ends
    m_peers.reset(); // ends sipp and Kamailio by PID
    qInstallMessageHandler(previousHandler);
}

void tst_SipMidCall::init()
{
    m_console->recorder()->clear();
    QMutexLocker locker(&sentLock);
    sentMessages.clear();
}

void tst_SipMidCall::holdAndResumeBothWays()
{
    QProcess *sipp = nullptr;
    CallSession *a =
        m_console->callFarEnd(QStringLiteral("uas_hold_both_ways.xml"), QStringLiteral("9004"), &sipp);
    QVERIFY(a);
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
    QTRY_COMPARE_WITH_TIMEOUT(m_console->recorder()->events().size(), expected.size(), 5000);
    QCOMPARE(m_console->recorder()->events(), expected);
    QVERIFY(a->drop(QByteArray()) > 0);
    QTRY_COMPARE(a->state(), int(Idle));
    m_console->finishSipp(sipp); // checked each SDP direction both ways
}

void tst_SipMidCall::dtmfBothWays()
{
    QProcess *sipp = nullptr;
    CallSession *a =
        m_console->answerOffer(QStringLiteral("uac_dtmf.xml"), QStringLiteral("agent1"), true, &sipp);
    QVERIFY2(a, qPrintable(m_peers->kamailioLog()));
    QSignalSpy digits(a, &CallSession::digitReceived);
    // In: '1' as RFC 4733 events (to the port of the console's answer, telephone-event 101 as the far end
    // offered), then '5' and '#' by INFO (the INFO of another type is refused, not a digit).
    QVERIFY(answeredRtpPort > 0);
    QVERIFY(sendTelephoneEvent(quint16(answeredRtpPort.load()), 101, 1));
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
    m_console->finishSipp(sipp);
}

void tst_SipMidCall::dtmfOnOpusAt48kHz()
{
    // An Opus offer with telephone-event/48000 only (sipp checks the 200 answers 111 and 102 at 48000):
    // '7' sent to the console's port as RFC 4733 events of type 102 is a digit, and the console's '9'
    // goes out as type 102 (echoed by sipp, decoded here again).
    QProcess *sipp = nullptr;
    answeredRtpPort = 0;
    CallSession *a =
        m_console->answerOffer(QStringLiteral("uac_dtmf_opus48.xml"), QStringLiteral("agent1"), true, &sipp);
    QVERIFY2(a, qPrintable(m_peers->kamailioLog()));
    QSignalSpy digits(a, &CallSession::digitReceived);
    QVERIFY(answeredRtpPort > 0);
    QVERIFY(sendTelephoneEvent(quint16(answeredRtpPort.load()), 102, 7));
    QTRY_COMPARE_WITH_TIMEOUT(digits.count(), 1, 5000);
    QVERIFY(a->dial(QStringLiteral("9")) > 0);
    QTRY_COMPARE_WITH_TIMEOUT(digits.count(), 2, 5000);
    QCOMPARE(digits.at(0).at(0).toString(), QStringLiteral("7"));
    QCOMPARE(digits.at(1).at(0).toString(), QStringLiteral("9"));
    QVERIFY(a->drop(QByteArray()) > 0);
    QTRY_COMPARE(a->state(), int(Idle));
    m_console->finishSipp(sipp);
}

void tst_SipMidCall::rtpTimeoutEndsTheCall_data()
{
    // Unbridged, the stream's own clock looks for the timeout; bridged to the agent's headset (as in the
    // console), the mixer runs the packet times and the stream's timer only looks for the timeout.
    QTest::addColumn<bool>("bridged");
    QTest::newRow("stream's own clock") << false;
    QTest::newRow("bridged: the mixer's clock") << true;
}

void tst_SipMidCall::rtpTimeoutEndsTheCall()
{
    QFETCH(bool, bridged);
    QTemporaryDir dir;
    std::unique_ptr<ConsoleSettings> settings;
    std::unique_ptr<CallAudioRouter> router;
    if (bridged) {
        settings = freshAudioSettings(dir);
        router = std::make_unique<CallAudioRouter>(m_console->engine(), nullptr, settings.get(),
                                                   toneHeadset(48000, 1000, -12.0),
                                                   CallAudioMixer::Drive::OwnTimer, nullptr);
    }
    QProcess *sipp = nullptr;
    CallSession *a =
        m_console->answerOffer(QStringLiteral("uac_rtp_timeout.xml"), QStringLiteral("agent4"), false, &sipp);
    QVERIFY(a);
    QElapsedTimer timer;
    timer.start();
    if (bridged) {
        // The mixer runs the stream's packet times while the far end is silent.
        QTRY_COMPARE_WITH_TIMEOUT(router->bridgedCalls(), 1, 3000);
        QTRY_VERIFY_WITH_TIMEOUT(router->mixer()->packetTimesDriven() > 0, 3000);
    }
    QTRY_COMPARE_WITH_TIMEOUT(a->state(), int(Disconnected), 5000);
    QCOMPARE(a->disconnectMode(), int(DisconnectTempFailure));
    QVERIFY2(timer.elapsed() >= 800, "the call ended before the 1 s RTP timeout");
    m_console->finishSipp(sipp); // BYE with Reason Q.850 41
    a->drop(QByteArray());
    QTRY_COMPARE(a->state(), int(Idle));
}

void tst_SipMidCall::rtpTimeoutWaitsForTheAnswer()
{
    // agent4 (1 s timeout) calls out; the far end's 183 with SDP sends no RTP for 1.5 s: still ringing.
    QProcess *sipp = nullptr;
    CallSession *a =
        m_console->callFarEnd(QStringLiteral("uas_early_media_silent.xml"), QStringLiteral("9008"), &sipp,
                              {.line = m_console->line(QStringLiteral("agent4")), .connected = false});
    QVERIFY(a);
    QTRY_COMPARE_WITH_TIMEOUT(a->state(), int(Disconnected), 10000);
    QCOMPARE(a->disconnectMode(), int(DisconnectNormal)); // the far end's BYE 0.3 s after the answer
    QVERIFY(m_console->recorder()->events().contains(QStringLiteral("S(A)=CONNECTED/ACTIVE")));
    m_console->finishSipp(sipp);
    a->drop(QByteArray());
    QTRY_COMPARE(a->state(), int(Idle));
}

void tst_SipMidCall::rtpTimeoutNotWhileFarEndHolds()
{
    // agent4 (1 s timeout): the far end holds for 1.8 s and sends nothing meanwhile.
    QProcess *sipp = nullptr;
    CallSession *a = m_console->answerOffer(QStringLiteral("uac_far_end_hold_silent.xml"),
                                            QStringLiteral("agent4"), true, &sipp);
    QVERIFY(a);
    QTRY_COMPARE_WITH_TIMEOUT(a->state(), int(Disconnected), 10000);
    QCOMPARE(a->disconnectMode(), int(DisconnectNormal)); // the far end's BYE after its resume
    QCOMPARE(m_console->recorder()->events(),
             (QStringList {"S(A)=OFFERING/ACTIVE", "S(A)=CONNECTED/ACTIVE", "S(A)=CONNECTED/ACTIVEHELD",
                           "S(A)=CONNECTED/ACTIVE", "S(A)=DISCONNECTED/NORMAL"}));
    m_console->finishSipp(sipp);
    a->drop(QByteArray());
    QTRY_COMPARE(a->state(), int(Idle));
}

void tst_SipMidCall::networkLossMidCall()
{
    QProcess *sipp = nullptr;
    std::shared_ptr<LineAudioEndpoint> endpoint;
    CallSession *a = m_console->answerOffer(QStringLiteral("uac_network_loss.xml"), QStringLiteral("agent4"),
                                            true, &sipp, &endpoint);
    QVERIFY(a && endpoint);
    // Audio flows (echoed) well past the 1 s timeout: the call stays up.
    QVERIFY(SipLoopbackConsole::hearsEchoedTone(*endpoint));
    QTest::qWait(1200);
    QCOMPARE(a->state(), int(Connected));
    // The far end vanishes: no RTP, no SIP. The call ends as TEMPFAILURE; the BYE gets no answer.
    m_peers->killSipp(sipp);
    QTRY_COMPARE_WITH_TIMEOUT(a->state(), int(Disconnected), 5000);
    QCOMPARE(a->disconnectMode(), int(DisconnectTempFailure));
    QVERIFY(a->drop(QByteArray()) > 0);
    QTRY_COMPARE(a->state(), int(Idle));
    QVERIFY(m_console->engine()->line(QStringLiteral("sip/agent4"))->inService());
}

void tst_SipMidCall::codecChangedMidCall()
{
    // PCMU first: the endpoint is made at 8 kHz. The far end's re-INVITE moves the call to G.722: the
    // answer says 9, the endpoint keeps 8 kHz and the stream sets up G.722 at 16 kHz with resampling
    // (its log line); a 1 kHz tone still comes back through the echo at 1 kHz and its level. (The echo is
    // symmetric, so it cannot tell the codec; tst_sip_codecs checks the resampling path itself.)
    QProcess *sipp = nullptr;
    std::shared_ptr<LineAudioEndpoint> endpoint;
    const int answeredG722 = sentContaining(QStringLiteral("RTP/AVP 9\r\na=rtpmap:9 G722/8000"));
    CallSession *a = m_console->answerOffer(QStringLiteral("uac_codec_change.xml"), QStringLiteral("agent4"),
                                            true, &sipp, &endpoint);
    QVERIFY(a && endpoint);
    QCOMPARE(endpoint->sampleRate(), 8000);
    QVERIFY(endpoint->description().contains(QLatin1String("PCMU")));
    auto [pcmu, pcmuOctave] = echoedToneLevels(*endpoint, 1000, 2000);
    QVERIFY2(pcmu > -16 && pcmuOctave < pcmu - 20,
             qPrintable(QStringLiteral("%1 %2").arg(pcmu).arg(pcmuOctave)));
    const int g722Streams = g722ResampledStreams;
    QTRY_COMPARE_WITH_TIMEOUT(sentContaining(QStringLiteral("RTP/AVP 9\r\na=rtpmap:9 G722/8000")),
                              answeredG722 + 1, 5000);
    QTRY_COMPARE(g722ResampledStreams.load(), g722Streams + 1);
    auto [g722, g722Octave] = echoedToneLevels(*endpoint, 1000, 2000);
    QVERIFY2(g722 > -16 && g722Octave < g722 - 20,
             qPrintable(QStringLiteral("%1 %2").arg(g722).arg(g722Octave)));
    QCOMPARE(a->state(), int(Connected));
    QTRY_COMPARE_WITH_TIMEOUT(a->state(), int(Disconnected), 6000); // the far end's BYE
    m_console->finishSipp(sipp);
    QVERIFY(a->drop(QByteArray()) > 0);
    QTRY_COMPARE(a->state(), int(Idle));
}

void tst_SipMidCall::inboundWithoutSdp()
{
    QProcess *sipp = nullptr;
    std::shared_ptr<LineAudioEndpoint> endpoint;
    CallSession *a = m_console->answerOffer(QStringLiteral("uac_late_offer.xml"), QStringLiteral("agent1"),
                                            true, &sipp, &endpoint);
    QVERIFY(a && endpoint);
    // The audio starts with the ACK's answer (A-law): the tone makes the round trip.
    QVERIFY(SipLoopbackConsole::hearsEchoedTone(*endpoint));
    QVERIFY(a->drop(QByteArray()) > 0);
    QTRY_COMPARE(a->state(), int(Idle));
    m_console->finishSipp(sipp); // our offer in the 200 checked
}

void tst_SipMidCall::blindTransfer()
{
    QProcess *sipp = nullptr;
    CallSession *a =
        m_console->callFarEnd(QStringLiteral("uas_blind_transfer.xml"), QStringLiteral("9005"), &sipp);
    QVERIFY(a);
    QSignalSpy completed(a, &CallSession::requestCompleted);
    const int transfer = a->blindTransfer(QStringLiteral("9006"));
    QVERIFY(transfer > 0);
    // Completed (and IDLE) only with the NOTIFY that says the target answered.
    QVERIFY(completed.wait(5000));
    QCOMPARE(completed.at(0).at(0).toInt(), transfer);
    QCOMPARE(completed.at(0).at(1).toInt(), int(Success));
    QCOMPARE(a->state(), int(Idle));
    m_console->finishSipp(sipp); // REFER's Refer-To, and the BYE after the final NOTIFY
}

void tst_SipMidCall::blindTransferToBusyTarget()
{
    QProcess *sipp = nullptr;
    CallSession *a =
        m_console->callFarEnd(QStringLiteral("uas_blind_transfer_busy.xml"), QStringLiteral("9005"), &sipp);
    QVERIFY(a);
    QSignalSpy completed(a, &CallSession::requestCompleted);
    QVERIFY(a->blindTransfer(QStringLiteral("9006")) > 0);
    QVERIFY(completed.wait(5000));
    QCOMPARE(completed.at(0).at(1).toInt(), int(OperationFailed));
    QCOMPARE(a->state(), int(Connected)); // still the agent's call
    QVERIFY(a->drop(QByteArray()) > 0);
    QTRY_COMPARE(a->state(), int(Idle));
    m_console->finishSipp(sipp);
}

void tst_SipMidCall::consultTransferWithReplaces()
{
    // setupTransfer holds the original by re-INVITE and opens a consult call; completeTransfer sends
    // REFER whose Refer-To names the consult dialog in Replaces (RFC 3891); on NOTIFY 200 both calls end
    // here with BYE and both sessions go IDLE, as TAPI's lineCompleteTransfer (transfer mode) says.
    QProcess *sipp = nullptr;
    CallSession *a = m_console->callFarEnd(QStringLiteral("uas_consult_transfer.xml"), QStringLiteral("9008"),
                                           &sipp, {.calls = 2});
    QVERIFY(a);
    QString error;
    CallSession *k = m_console->consult(a, QStringLiteral("9009"), &error);
    QVERIFY2(k, qPrintable(error));

    m_console->recorder()->clear();
    QSignalSpy completed(a, &CallSession::requestCompleted);
    const int id = a->completeTransfer(k);
    QVERIFY(id > 0);
    QVERIFY(completed.wait(10000)); // the NOTIFY with sipfrag 200
    QCOMPARE(completed.at(0).at(1).toInt(), int(Success));
    QCOMPARE(a->state(), int(Idle));
    QCOMPARE(k->state(), int(Idle));
    QCOMPARE(m_console->recorder()->events(),
             (QStringList {QStringLiteral("S(A)=IDLE"), QStringLiteral("S(K)=IDLE")}));
    m_console->finishSipp(sipp); // Refer-To with Replaces, BYE to both far ends checked

    // The Replaces names our consult dialog exactly: its Call-ID, the target's tag, our From tag.
    const QString callId = sentHeader(QStringLiteral("INVITE sip:9009@"), QStringLiteral("Call-ID"));
    const QString from = sentHeader(QStringLiteral("INVITE sip:9009@"), QStringLiteral("From"));
    const QString fromTag = from.mid(from.indexOf(QLatin1String(";tag=")) + 5);
    QVERIFY(!callId.isEmpty() && from.contains(QLatin1String(";tag=")));
    const QByteArray replaces =
        (callId + QStringLiteral(";to-tag=target42;from-tag=") + fromTag).toUtf8().toPercentEncoding();
    QCOMPARE(sentHeader(QStringLiteral("REFER "), QStringLiteral("Refer-To")),
             QStringLiteral("<sip:9009@127.0.0.1:%1?Replaces=%2>")
                 .arg(m_peers->kamailioPort())
                 .arg(QString::fromLatin1(replaces)));
}

void tst_SipMidCall::farEndTransfersTheCall()
{
    // The far end's REFER: 202, a new outbound call to its Refer-To (a session with reason TRANSFER),
    // NOTIFY 100 then 200 back (sipp checks them); the original ends when the far end hangs up.
    QProcess *sipp = nullptr;
    CallSession *a = m_console->callFarEnd(QStringLiteral("uas_far_end_transfers.xml"),
                                           QStringLiteral("9011"), &sipp, {.calls = 2, .connected = false});
    QVERIFY(a);
    QSignalSpy added(m_console->engine(), &CallEngine::sessionAdded);
    QTRY_COMPARE_WITH_TIMEOUT(a->state(), int(Connected), 10000);
    QVERIFY(added.count() || added.wait(5000));
    auto *t = added.at(0).at(0).value<CallSession *>();
    m_console->recorder()->name(t, QStringLiteral("T"));
    QCOMPARE(t->direction(), int(Outbound));
    QCOMPARE(t->callReason(), int(ReasonTransfer));
    QCOMPARE(a->callReason(), int(ReasonDirect));
    QCOMPARE(t->remoteNumber(), QStringLiteral("9012"));
    QTRY_COMPARE_WITH_TIMEOUT(t->state(), int(Connected), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(a->state(), int(Disconnected), 10000); // the transferor's BYE
    QCOMPARE(a->disconnectMode(), int(DisconnectNormal));
    QVERIFY(a->drop(QByteArray()) > 0);
    QVERIFY(t->drop(QByteArray()) > 0);
    QTRY_COMPARE(t->state(), int(Idle));
    m_console->finishSipp(sipp); // 202, both NOTIFYs, Referred-By on the new INVITE
}

void tst_SipMidCall::inviteWithReplacesTakesOverTheCall()
{
    // RFC 3891 at the target of an attended transfer: the INVITE with Replaces is answered at once, the
    // replaced dialog gets BYE, and the session goes on (CONNECTED, no new session) in the new dialog,
    // with the new party's number and name: the agent's drop ends that one (sipp checks both BYEs).
    QSignalSpy audio(m_console->provider()->stack(), &SipStack::callAudioReady);
    QProcess *sipp = nullptr;
    CallSession *a = m_console->callFarEnd(QStringLiteral("uas_replaced_by_invite.xml"),
                                           QStringLiteral("9013"), &sipp, {.connected = false});
    QVERIFY(a);
    QSignalSpy added(m_console->engine(), &CallEngine::sessionAdded);
    QTRY_COMPARE_WITH_TIMEOUT(a->state(), int(Connected), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(audio.count(), 2, 10000); // the replacing dialog's stream
    // The remote party is the replacing INVITE's, as its P-Asserted-Identity says (not its From).
    QTRY_COMPARE(a->remoteNumber(), QStringLiteral("9015"));
    QCOMPARE(a->remoteName(), QStringLiteral("Dana Target"));
    m_console->recorder()->clear();
    QTest::qWait(300); // the replaced dialog's BYE goes out meanwhile: no report may follow
    QCOMPARE(added.count(), 0);
    QCOMPARE(a->state(), int(Connected));
    QCOMPARE(m_console->recorder()->events(), QStringList());
    QVERIFY(a->drop(QByteArray()) > 0);
    QTRY_COMPARE(a->state(), int(Idle));
    m_console->finishSipp(sipp);
}

void tst_SipMidCall::uuiOnAnswerAndMakeCall()
{
    // The engine's answer(uui) and makeCall(number, uui) reach the 200's and the INVITE's User-to-User
    // (sipp checks the header); over the SIP line's limit (RFC 7433's 128 octets) both are refused.
    QSignalSpy added(m_console->engine(), &CallEngine::sessionAdded);
    QProcess *sipp =
        m_peers->startSipp(QStringLiteral("uac_expect_answer_uui.xml"), QStringLiteral("agent1"));
    QVERIFY(sipp);
    CallSession *a = m_console->waitForOffer(added);
    QVERIFY(a);
    QTRY_COMPARE(a->state(), int(Offering));
    QCOMPARE(a->answer(QByteArray(129, 'x')), int(UserUserInfoTooBig));
    QSignalSpy completed(a, &CallSession::requestCompleted);
    QVERIFY(a->answer(QByteArray("answer-uui")) > 0);
    QVERIFY(completed.wait(5000));
    QCOMPARE(completed.at(0).at(1).toInt(), int(Success));
    QCOMPARE(a->sentUserUserInfo(), QByteArray("answer-uui"));
    QTRY_COMPARE_WITH_TIMEOUT(a->state(), int(Disconnected), 5000); // the far end's BYE
    QCOMPARE(a->receivedUserUserInfo().last(), QByteArray("bye-uui")); // after the INVITE's
    QVERIFY(a->drop(QByteArray()) > 0);
    QTRY_COMPARE(a->state(), int(Idle));
    m_console->finishSipp(sipp); // the 200's User-to-User checked
    if (QTest::currentTestFailed())
        return;

    Line *line = m_console->line(QStringLiteral("agent1"));
    QCOMPARE(line->makeCall(QStringLiteral("9007"), QByteArray(129, 'x')), int(UserUserInfoTooBig));
    CallSession *b =
        m_console->callFarEnd(QStringLiteral("uas_expect_invite_uui.xml"), QStringLiteral("9007"), &sipp,
                              {.line = line, .uui = QByteArray("call-uui")});
    QVERIFY(b);
    QCOMPARE(b->sentUserUserInfo(), QByteArray("call-uui"));
    QTRY_COMPARE_WITH_TIMEOUT(b->state(), int(Disconnected), 10000); // the far end's BYE
    QVERIFY(b->drop(QByteArray()) > 0);
    QTRY_COMPARE(b->state(), int(Idle));
    m_console->finishSipp(sipp); // the INVITE's User-to-User checked
}

void tst_SipMidCall::uuiByInfoBothWays()
{
    QProcess *sipp = nullptr;
    CallSession *a =
        m_console->answerOffer(QStringLiteral("uac_uui_info.xml"), QStringLiteral("agent1"), false, &sipp);
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
    m_console->finishSipp(sipp); // our INFO's User-to-User checked
}

QTEST_GUILESS_MAIN(tst_SipMidCall)
#include "tst_sip_midcall.moc"
