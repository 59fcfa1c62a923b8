// The TAPI side of SIP lines without a network: the real CallEngine, the SIP line provider and the SIP
// stack's simulated twin. Checks the commands the provider gives the stack for each TAPI action and
// the session states, disconnect modes and UUI the engine shows for each SIP event, in order.
#include "EventRecorder.h"
#include "SimSipStack.h"
#include "SipLineProvider.h"
#include "core/Tapi.h"
#include "lines/DialString.h"
#include "lines/Line.h"
#include "session/Call.h"
#include "session/CallEngine.h"
#include "session/CallSession.h"

#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

#include <memory>

using namespace Tapi;

class tst_SipProvider : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void linesFollowRegistration();
    void lineAddressIsDialable_data();
    void lineAddressIsDialable();
    void inboundAnswerAndFarEndBye();
    void rejectSendsStatusCauseAndUui_data();
    void rejectSendsStatusCauseAndUui();
    void farEndCancelWhileOffered();
    void dropConnectedSendsByeWithUui();
    void outboundProgressAndConnect();
    void outboundRefusedByFarEnd();
    void outboundDropBeforeAnswer();
    void placingFailsCompletesWithError();
    void holdAndResumeByReinvite();
    void holdRefusedByFarEnd();
    void farEndHoldIsActiveHeld();
    void digitsBothWays();
    void digitsNeedAnAnsweredCall();
    void rtpTimeoutIsTempFailure();
    void blindTransferByRefer();
    void blindTransferFails();
    void uuiTravelsWithAnswerAndMakeCall();
    void consultTransferByReferWithReplaces();
    void consultTransferNeedsAnsweredConsult();
    void uuiByInfoBothWays();
    void replacedCallTakesTheNewParty();

private:
    CallSession *answered(quint64 *token);
    void startProvider(const QList<QVariantMap> &accounts);
    CallSession *offer(const QString &number, const QString &name, const QByteArray &uui, quint64 *token);

    std::unique_ptr<CallEngine> m_engine;
    std::unique_ptr<EventRecorder> m_recorder;
    std::unique_ptr<SipLineProvider> m_provider;
    SimSipStack *m_stack = nullptr;
};

void tst_SipProvider::init()
{
    startProvider({{{"registrar", "127.0.0.1:5060"}, {"user", "agent1"}, {"password", "x"}}});
    Q_EMIT m_stack->registrationChanged(0, true, {});
}

void tst_SipProvider::cleanup()
{
    m_engine.reset(); // detaches (stops) the provider first, as the console does
    m_recorder.reset();
    m_provider.reset();
}

void tst_SipProvider::startProvider(const QList<QVariantMap> &accounts)
{
    cleanup();
    QList<SipAccountConfig> configs;
    for (const QVariantMap &map : accounts) {
        SipAccountConfig config;
        QString error;
        QVERIFY2(SipAccountConfig::fromVariantMap(map, &config, &error), qPrintable(error));
        configs.append(config);
    }
    m_engine = std::make_unique<CallEngine>(nullptr);
    m_recorder = std::make_unique<EventRecorder>();
    m_recorder->setCategories(EventRecorder::Replies | EventRecorder::States);
    m_recorder->attach(m_engine.get(), nullptr);
    m_stack = new SimSipStack;
    m_provider = std::make_unique<SipLineProvider>(configs, m_stack);
    m_engine->attachProvider(m_provider.get());
}

CallSession *tst_SipProvider::offer(const QString &number, const QString &name, const QByteArray &uui,
                                    quint64 *token)
{
    QSignalSpy added(m_engine.get(), &CallEngine::sessionAdded);
    *token = m_stack->offer(0, number, name, uui);
    if (added.count() != 1)
        return nullptr;
    auto *session = added.at(0).at(0).value<CallSession *>();
    m_recorder->name(session, QStringLiteral("A"));
    return session;
}

void tst_SipProvider::lineAddressIsDialable_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("registrar");
    QTest::addColumn<QString>("transport");
    QTest::addColumn<QString>("address"); // the line's, and what a supervisor's console dials
    QTest::newRow("a number") << "2001"
                              << "127.0.0.1:5060"
                              << "udp"
                              << "2001";
    QTest::newRow("an international number") << "+15550103"
                                             << "pbx.example"
                                             << "tcp"
                                             << "+15550103";
    QTest::newRow("a name") << "alice"
                            << "127.0.0.1:5060"
                            << "udp"
                            << "sip:alice@127.0.0.1:5060";
    QTest::newRow("a name over TCP") << "alice"
                                     << "pbx.example"
                                     << "tcp"
                                     << "sip:alice@pbx.example;transport=tcp";
    QTest::newRow("a name over TLS") << "alice.smith"
                                     << "pbx.example:5061"
                                     << "tls"
                                     << "sip:alice.smith@pbx.example:5061;transport=tls";
    // Digits with formatting are not the same user once dialled ("20.01" would be "2001"): a URI.
    QTest::newRow("a dotted number") << "20.01"
                                     << "pbx.example"
                                     << "udp"
                                     << "sip:20.01@pbx.example";
}

void tst_SipProvider::lineAddressIsDialable()
{
    QFETCH(QString, user);
    QFETCH(QString, registrar);
    QFETCH(QString, transport);
    QFETCH(QString, address);
    startProvider({{{"registrar", registrar}, {"user", user}, {"transport", transport}, {"id", "desk"}}});
    Line *line = m_engine->line(QStringLiteral("sip/desk"));
    QVERIFY(line);
    QCOMPARE(line->address(), address);
    // What the coaching grant checks: a number or a SIP URI, as it is.
    QCOMPARE(DialString::looksLikeUri(address) ? DialString::sipUri(address)
                                               : DialString::normalized(address),
             address);
}

void tst_SipProvider::linesFollowRegistration()
{
    startProvider({{{"registrar", "127.0.0.1:5060"}, {"user", "agent1"}},
                   {{"registrar", "10.0.0.1"}, {"user", "agent2"}, {"id", "second"}}});
    QCOMPARE(m_stack->commands(), QStringList {"start 2"});
    Line *first = m_engine->line(QStringLiteral("sip/agent1"));
    Line *second = m_engine->line(QStringLiteral("sip/second"));
    QVERIFY(first && second);
    QVERIFY(!first->inService());
    QCOMPARE(first->outOfServiceReason(), QStringLiteral("registering with 127.0.0.1:5060"));
    QCOMPARE(first->address(), QStringLiteral("sip:agent1@127.0.0.1:5060"));
    QVERIFY(first->capabilities().canReject);
    QCOMPARE(first->capabilities().uuiDropSize, 128);

    QSignalSpy service(first, &Line::serviceChanged);
    m_stack->registrationChanged(0, true, {});
    QVERIFY(first->inService());
    QVERIFY(!second->inService());
    m_stack->registrationChanged(0, false,
                                 QStringLiteral("registrar refused the credentials (403 Forbidden)"));
    QVERIFY(!first->inService());
    QCOMPARE(first->outOfServiceReason(),
             QStringLiteral("registrar refused the credentials (403 Forbidden)"));
    m_stack->registrationChanged(0, true, {});
    QVERIFY(first->inService());
    QCOMPARE(service.count(), 3);
}

void tst_SipProvider::inboundAnswerAndFarEndBye()
{
    quint64 token = 0;
    CallSession *a = offer(QStringLiteral("5551234"), QStringLiteral("Ann Caller"), "case-42", &token);
    QVERIFY(a);
    QCOMPARE(token, SipStack::InboundTokenBase);
    QCOMPARE(a->state(), int(Offering));
    QCOMPARE(a->remoteNumber(), QStringLiteral("5551234"));
    QCOMPARE(a->remoteName(), QStringLiteral("Ann Caller"));
    QCOMPARE(a->receivedUserUserInfo(), QList<QByteArray> {"case-42"});
    QVERIFY(a->hasFeature(FeatureAnswer));

    const int request = a->answer();
    QVERIFY(request > 0);
    QCOMPARE(m_stack->commands().last(), QStringLiteral("answer %1 uui=").arg(token));
    QTRY_COMPARE(a->state(), int(Connected));

    SipCallEnd end;
    end.q850Cause = 17;
    end.uui = "bye-uui";
    m_stack->callEnded(token, end);
    QCOMPARE(a->state(), int(Disconnected));
    QCOMPARE(a->disconnectMode(), int(DisconnectBusy));
    QCOMPARE(a->receivedUserUserInfo().last(), QByteArray("bye-uui"));
    QCOMPARE(m_recorder->events(),
             (QStringList {"S(A)=OFFERING/ACTIVE", QStringLiteral("reply(%1,0)").arg(request),
                           "S(A)=CONNECTED/ACTIVE", "S(A)=DISCONNECTED/BUSY"}));

    // Dropping the disconnected call sends nothing: the far end is gone.
    const int commands = m_stack->commands().size();
    const int drop = a->drop(QByteArray());
    QTRY_COMPARE(a->state(), int(Idle));
    QCOMPARE(m_stack->commands().size(), commands);
    QVERIFY(m_recorder->events().contains(QStringLiteral("reply(%1,0)").arg(drop)));
}

void tst_SipProvider::rejectSendsStatusCauseAndUui_data()
{
    QTest::addColumn<QString>("rejectStatus");
    QTest::addColumn<QString>("command");
    QTest::newRow("decline") << QString() << "reject %1 603 cause=21 uui=";
    QTest::newRow("busy") << "486"
                          << "reject %1 486 cause=17 uui=";
}

void tst_SipProvider::rejectSendsStatusCauseAndUui()
{
    QFETCH(QString, rejectStatus);
    QVariantMap account {{"registrar", "127.0.0.1"}, {"user", "agent1"}};
    if (!rejectStatus.isEmpty())
        account.insert("rejectStatus", rejectStatus);
    startProvider({account});
    Q_EMIT m_stack->registrationChanged(0, true, {});
    quint64 token = 0;
    CallSession *a = offer(QStringLiteral("100"), {}, {}, &token);
    QVERIFY(a);
    QVERIFY(a->reject() > 0);
    QFETCH(QString, command);
    QCOMPARE(m_stack->commands().last(), command.arg(token));
    QTRY_COMPARE(a->state(), int(Idle));

    // drop(uui) of an offered call is a reject too, with the UUI in User-to-User.
    CallSession *b = offer(QStringLiteral("101"), {}, {}, &token);
    QVERIFY(b);
    QVERIFY(b->drop(QByteArray("no thanks")) > 0);
    QVERIFY(m_stack->commands().last().endsWith(QStringLiteral("uui=") + QByteArray("no thanks").toHex()));
    QVERIFY(m_stack->commands().last().startsWith(QStringLiteral("reject %1 ").arg(token)));
    QTRY_COMPARE(b->state(), int(Idle));
}

void tst_SipProvider::farEndCancelWhileOffered()
{
    quint64 token = 0;
    CallSession *a = offer(QStringLiteral("100"), {}, {}, &token);
    QVERIFY(a);
    SipCallEnd end;
    end.cancelled = true;
    end.q850Cause = 16;
    m_stack->callEnded(token, end);
    QCOMPARE(a->state(), int(Disconnected));
    QCOMPARE(a->disconnectMode(), int(DisconnectCancelled));
    QVERIFY(a->answer() < 0); // nothing to answer any more
}

void tst_SipProvider::dropConnectedSendsByeWithUui()
{
    quint64 token = 0;
    CallSession *a = offer(QStringLiteral("100"), {}, {}, &token);
    QVERIFY(a);
    a->answer();
    QTRY_COMPARE(a->state(), int(Connected));
    const int drop = a->drop(QByteArray("wrap-7"));
    QVERIFY(drop > 0);
    QCOMPARE(m_stack->commands().last(),
             QStringLiteral("hangup %1 cause=16 uui=%2")
                 .arg(token)
                 .arg(QString::fromLatin1(QByteArray("wrap-7").toHex())));
    QTRY_COMPARE(a->state(), int(Idle));
    QCOMPARE(a->sentUserUserInfo(), QByteArray("wrap-7"));
    // A late far-end report about the dropped call changes nothing.
    m_stack->callEnded(token, SipCallEnd {});
    QCOMPARE(a->state(), int(Idle));
}

void tst_SipProvider::outboundProgressAndConnect()
{
    Line *line = m_engine->line(QStringLiteral("sip/agent1"));
    QSignalSpy added(m_engine.get(), &CallEngine::sessionAdded);
    const int request = m_engine->makeCall(line, QStringLiteral("5550100"));
    QVERIFY(request > 0);
    QVERIFY(m_stack->commands().last().startsWith(QStringLiteral("invite ")));
    QVERIFY(m_stack->commands().last().endsWith(QStringLiteral(" account=0 to=5550100 uui=")));
    const quint64 token = m_stack->commands().last().section(' ', 1, 1).toULongLong();
    QTRY_COMPARE(added.count(), 1);
    auto *a = added.at(0).at(0).value<CallSession *>();
    m_recorder->name(a, QStringLiteral("A"));
    QTRY_COMPARE(a->state(), int(Dialing));
    m_stack->callProgress(token, 100, false);
    QCOMPARE(a->state(), int(Proceeding));
    m_stack->callProgress(token, 183, false); // still PROCEEDING, reported once
    m_stack->callProgress(token, 180, false);
    QCOMPARE(a->state(), int(Ringback));
    m_stack->callProgress(token, 183, true); // early media after ringback: stays RINGBACK
    QCOMPARE(a->state(), int(Ringback));
    m_stack->callEstablished(token);
    QCOMPARE(a->state(), int(Connected));
    QCOMPARE(m_recorder->events(),
             (QStringList {QStringLiteral("reply(%1,0)").arg(request), "S(A)=DIALTONE/NORMAL", "S(A)=DIALING",
                           "S(A)=PROCEEDING", "S(A)=RINGBACK", "S(A)=CONNECTED/ACTIVE"}));
}

void tst_SipProvider::outboundRefusedByFarEnd()
{
    Line *line = m_engine->line(QStringLiteral("sip/agent1"));
    QSignalSpy added(m_engine.get(), &CallEngine::sessionAdded);
    m_engine->makeCall(line, QStringLiteral("200"));
    const quint64 token = m_stack->commands().last().section(' ', 1, 1).toULongLong();
    QTRY_COMPARE(added.count(), 1);
    auto *a = added.at(0).at(0).value<CallSession *>();
    QTRY_COMPARE(a->state(), int(Dialing));
    SipCallEnd end;
    end.status = 486;
    end.q850Cause = 17;
    end.uui = "busy-uui";
    m_stack->callEnded(token, end);
    QCOMPARE(a->state(), int(Disconnected));
    QCOMPARE(a->disconnectMode(), int(DisconnectBusy));
    QCOMPARE(a->receivedUserUserInfo(), QList<QByteArray> {"busy-uui"});
}

void tst_SipProvider::outboundDropBeforeAnswer()
{
    Line *line = m_engine->line(QStringLiteral("sip/agent1"));
    QSignalSpy added(m_engine.get(), &CallEngine::sessionAdded);
    m_engine->makeCall(line, QStringLiteral("300"));
    const quint64 token = m_stack->commands().last().section(' ', 1, 1).toULongLong();
    QTRY_COMPARE(added.count(), 1);
    auto *a = added.at(0).at(0).value<CallSession *>();
    QTRY_COMPARE(a->state(), int(Dialing));
    m_stack->callProgress(token, 180, false);
    QVERIFY(a->drop(QByteArray()) > 0);
    QCOMPARE(m_stack->commands().last(), QStringLiteral("hangup %1 cause=16 uui=").arg(token));
    QTRY_COMPARE(a->state(), int(Idle));
}

void tst_SipProvider::placingFailsCompletesWithError()
{
    Line *line = m_engine->line(QStringLiteral("sip/agent1"));
    m_stack->setFailNext(ENODEV);
    QSignalSpy completed(m_engine.get(), &CallEngine::requestCompleted);
    const int request = m_engine->makeCall(line, QStringLiteral("400"));
    QTRY_COMPARE(completed.count(), 1);
    QCOMPARE(completed.at(0).at(0).toInt(), request);
    QCOMPARE(completed.at(0).at(1).toInt(), int(OperationFailed));
    QCOMPARE(m_engine->sessionList().size(), 0);
}

CallSession *tst_SipProvider::answered(quint64 *token)
{
    CallSession *a = offer(QStringLiteral("100"), {}, {}, token);
    if (!a || a->answer() <= 0)
        return nullptr;
    QSignalSpy completed(a, &CallSession::requestCompleted);
    if (!completed.wait(1000) || a->state() != Connected)
        return nullptr;
    m_recorder->clear();
    return a;
}

void tst_SipProvider::holdAndResumeByReinvite()
{
    quint64 token = 0;
    CallSession *a = answered(&token);
    QVERIFY(a);
    QVERIFY(a->hasFeature(FeatureHold));
    // ONHOLD only once the far end accepted the re-INVITE.
    m_stack->setFarEndAnswersLater(true);
    const int hold = a->hold();
    QVERIFY(hold > 0);
    QCOMPARE(m_stack->commands().last(), QStringLiteral("hold %1").arg(token));
    QTest::qWait(10);
    QCOMPARE(a->state(), int(Connected));
    m_stack->farEndAnswers(token);
    QCOMPARE(a->state(), int(OnHold));
    const int unhold = a->unhold();
    QVERIFY(unhold > 0);
    QCOMPARE(m_stack->commands().last(), QStringLiteral("resume %1").arg(token));
    m_stack->farEndAnswers(token);
    QCOMPARE(a->state(), int(Connected));
    QCOMPARE(m_recorder->events(),
             (QStringList {QStringLiteral("reply(%1,0)").arg(hold), "S(A)=ONHOLD",
                           QStringLiteral("reply(%1,0)").arg(unhold), "S(A)=CONNECTED/ACTIVE"}));
}

void tst_SipProvider::holdRefusedByFarEnd()
{
    quint64 token = 0;
    CallSession *a = answered(&token);
    QVERIFY(a);
    m_stack->setFarEndAnswersLater(true);
    const int hold = a->hold();
    m_stack->farEndAnswers(token, EPROTO); // e.g. 488 to the re-INVITE
    QCOMPARE(a->state(), int(Connected));
    QCOMPARE(m_recorder->events(), (QStringList {QStringLiteral("reply(%1,OPERATIONFAILED)").arg(hold)}));
    // Before the answer, or after the far end left, there is nothing to hold.
    SipCallEnd end;
    m_stack->callEnded(token, end);
    QCOMPARE(a->hold(), int(InvalCallState));
}

void tst_SipProvider::farEndHoldIsActiveHeld()
{
    quint64 token = 0;
    CallSession *a = answered(&token);
    QVERIFY(a);
    m_stack->callRemoteHold(token, true);
    QCOMPARE(a->state(), int(Connected));
    QCOMPARE(a->mode(), int(ConnectedActiveHeld));
    m_stack->callRemoteHold(token, true); // a second sendonly offer: nothing new
    m_stack->callRemoteHold(token, false);
    QCOMPARE(a->mode(), int(ConnectedActive));

    // Held here, the far end's hold changes nothing the agent sees until the resume.
    const int hold = a->hold();
    QTRY_COMPARE(a->state(), int(OnHold));
    m_stack->callRemoteHold(token, true);
    QCOMPARE(a->state(), int(OnHold));
    const int unhold = a->unhold();
    QTRY_COMPARE(a->mode(), int(ConnectedActiveHeld));
    QCOMPARE(m_recorder->events(),
             (QStringList {"S(A)=CONNECTED/ACTIVEHELD", "S(A)=CONNECTED/ACTIVE",
                           QStringLiteral("reply(%1,0)").arg(hold), "S(A)=ONHOLD",
                           QStringLiteral("reply(%1,0)").arg(unhold), "S(A)=CONNECTED/ACTIVE",
                           "S(A)=CONNECTED/ACTIVEHELD"}));
}

void tst_SipProvider::digitsBothWays()
{
    quint64 token = 0;
    CallSession *a = answered(&token);
    QVERIFY(a);
    QVERIFY(a->hasFeature(FeatureDial));
    // Out: the digits as RFC 4733 events; pauses of the dial string are not DTMF.
    const int dial = a->dial(QStringLiteral("12,#a"));
    QVERIFY(dial > 0);
    QCOMPARE(m_stack->commands().last(), QStringLiteral("digits %1 12#A").arg(token));
    QSignalSpy completed(a, &CallSession::requestCompleted);
    QVERIFY(completed.wait(1000));
    QCOMPARE(completed.at(0).at(1).toInt(), int(Success));
    // In: RFC 4733 events and INFO alike reach the session's digitReceived, in order.
    QSignalSpy digits(a, &CallSession::digitReceived);
    m_stack->digitReceived(token, QLatin1Char('5'));
    m_stack->digitReceived(token, QLatin1Char('#'));
    QCOMPARE(digits.count(), 2);
    QCOMPARE(digits.at(0).at(0).toString(), QStringLiteral("5"));
    QCOMPARE(digits.at(1).at(0).toString(), QStringLiteral("#"));
}

void tst_SipProvider::digitsNeedAnAnsweredCall()
{
    quint64 token = 0;
    CallSession *a = offer(QStringLiteral("100"), {}, {}, &token);
    QVERIFY(a);
    QSignalSpy digits(a, &CallSession::digitReceived);
    a->answer();
    QTRY_COMPARE(a->state(), int(Connected));
    a->drop(QByteArray());
    m_stack->digitReceived(token, QLatin1Char('1')); // after the drop: stale
    QCOMPARE(digits.count(), 0);
}

void tst_SipProvider::rtpTimeoutIsTempFailure()
{
    quint64 token = 0;
    CallSession *a = answered(&token);
    QVERIFY(a);
    SipCallEnd end;
    end.mediaTimeout = true;
    m_stack->callEnded(token, end);
    QCOMPARE(a->state(), int(Disconnected));
    QCOMPARE(a->disconnectMode(), int(DisconnectTempFailure));
    QCOMPARE(m_recorder->events(), (QStringList {"S(A)=DISCONNECTED/TEMPFAILURE"}));
}

void tst_SipProvider::blindTransferByRefer()
{
    quint64 token = 0;
    CallSession *a = answered(&token);
    QVERIFY(a);
    QVERIFY(a->hasFeature(FeatureBlindTransfer));
    m_stack->setFarEndAnswersLater(true);
    const int transfer = a->blindTransfer(QStringLiteral("555-0199"));
    QVERIFY(transfer > 0);
    QCOMPARE(m_stack->commands().last(), QStringLiteral("transfer %1 5550199").arg(token));
    QTest::qWait(10);
    QCOMPARE(a->state(), int(Connected)); // until the NOTIFY says the target answered
    m_stack->farEndAnswers(token);
    QCOMPARE(a->state(), int(Idle));
    QCOMPARE(m_recorder->events(), (QStringList {QStringLiteral("reply(%1,0)").arg(transfer), "S(A)=IDLE"}));
    // The stack's BYE after the transfer is the stack's business: nothing more reaches the engine.
    m_stack->callEnded(token, SipCallEnd {});
    m_stack->callAudioGone(token);
    QCOMPARE(m_recorder->events().size(), 2);
}

void tst_SipProvider::blindTransferFails()
{
    quint64 token = 0;
    CallSession *a = answered(&token);
    QVERIFY(a);
    m_stack->setFarEndAnswersLater(true);
    const int transfer = a->blindTransfer(QStringLiteral("5550199"));
    m_stack->farEndAnswers(token, EPROTO); // REFER refused, or the target busy (sipfrag 486)
    QCOMPARE(a->state(), int(Connected));
    QCOMPARE(m_recorder->events(), (QStringList {QStringLiteral("reply(%1,OPERATIONFAILED)").arg(transfer)}));
    QVERIFY(a->drop(QByteArray()) > 0);
    QCOMPARE(m_stack->commands().last(), QStringLiteral("hangup %1 cause=16 uui=").arg(token));
}

void tst_SipProvider::uuiTravelsWithAnswerAndMakeCall()
{
    // The engine's answer(uui) and makeCall(number, uui) reach the stack (User-to-User on the 200 and on
    // the INVITE); from dial tone the UUI waits for the INVITE that dial() sends.
    quint64 token = 0;
    CallSession *a = offer(QStringLiteral("100"), {}, {}, &token);
    QVERIFY(a);
    QVERIFY(a->answer(QByteArray("answer-uui")) > 0);
    QCOMPARE(m_stack->commands().last(),
             QStringLiteral("answer %1 uui=%2")
                 .arg(token)
                 .arg(QString::fromLatin1(QByteArray("answer-uui").toHex())));
    QTRY_COMPARE(a->state(), int(Connected));
    QCOMPARE(a->sentUserUserInfo(), QByteArray("answer-uui"));

    Line *line = m_engine->line(QStringLiteral("sip/agent1"));
    QSignalSpy added(m_engine.get(), &CallEngine::sessionAdded);
    QVERIFY(line->makeCall(QStringLiteral("5550100"), QByteArray("call-uui")) > 0);
    QVERIFY(m_stack->commands().last().startsWith(QStringLiteral("invite ")));
    QVERIFY(
        m_stack->commands().last().endsWith(QStringLiteral(" account=0 to=5550100 uui=%1")
                                                .arg(QString::fromLatin1(QByteArray("call-uui").toHex()))));

    QVERIFY(line->makeCall(QString(), QByteArray("later-uui")) > 0);
    QTRY_COMPARE(added.count(), 2);
    auto *dialTone = added.at(1).at(0).value<CallSession *>();
    QTRY_COMPARE(dialTone->state(), int(DialTone));
    const int before = m_stack->commands().size();
    QVERIFY(dialTone->dial(QStringLiteral("5550101")) > 0);
    QCOMPARE(m_stack->commands().size(), before + 1);
    QVERIFY(m_stack->commands().last().endsWith(
        QStringLiteral(" to=5550101 uui=%1").arg(QString::fromLatin1(QByteArray("later-uui").toHex()))));
}

void tst_SipProvider::consultTransferByReferWithReplaces()
{
    // setupTransfer: the original is held by re-INVITE, the consult is a new outbound call; completeTransfer
    // hands both to the stack's REFER with Replaces; on its success both sessions go IDLE [XFER].
    quint64 token = 0;
    CallSession *a = answered(&token);
    QVERIFY(a);
    QSignalSpy added(m_engine.get(), &CallEngine::sessionAdded);
    QVERIFY(a->setupTransfer() > 0);
    QCOMPARE(m_stack->commands().last(), QStringLiteral("hold %1").arg(token));
    QTRY_COMPARE(a->state(), int(OnHoldPendTransfer));
    QCOMPARE(added.count(), 1);
    auto *k = added.at(0).at(0).value<CallSession *>();
    m_recorder->name(k, QStringLiteral("K"));
    QCOMPARE(k->state(), int(DialTone));
    const quint64 consult = k->call()->id;
    QVERIFY(k->dial(QStringLiteral("5550102")) > 0);
    QCOMPARE(m_stack->commands().last(), QStringLiteral("invite %1 account=0 to=5550102 uui=").arg(consult));
    QTRY_COMPARE(k->state(), int(Dialing));
    Q_EMIT m_stack->callEstablished(consult);
    QCOMPARE(k->state(), int(Connected));

    m_recorder->clear();
    m_stack->setFarEndAnswersLater(true);
    const int transfer = a->completeTransfer(k);
    QVERIFY(transfer > 0);
    QCOMPARE(m_stack->commands().last(), QStringLiteral("transfer %1 replacing %2").arg(token).arg(consult));
    QTest::qWait(10);
    QCOMPARE(a->state(), int(OnHoldPendTransfer)); // until the NOTIFY says the transferee got through
    m_stack->farEndAnswers(token);
    QCOMPARE(m_recorder->events(),
             (QStringList {QStringLiteral("reply(%1,0)").arg(transfer), "S(A)=IDLE", "S(K)=IDLE"}));
    // The stack ends both calls itself: nothing more reaches the engine.
    m_stack->callAudioGone(token);
    m_stack->callEnded(consult, SipCallEnd {});
    m_stack->callAudioGone(consult);
    QCOMPARE(m_recorder->events().size(), 3);
}

void tst_SipProvider::consultTransferNeedsAnsweredConsult()
{
    // A consult still ringing has no dialog the transferee's INVITE may replace: OPERATIONFAILED, and
    // both calls go on. Unholding the original then ends the set-up: the consult is cancelled.
    quint64 token = 0;
    CallSession *a = answered(&token);
    QVERIFY(a);
    QSignalSpy added(m_engine.get(), &CallEngine::sessionAdded);
    QVERIFY(a->setupTransfer() > 0);
    QTRY_COMPARE(a->state(), int(OnHoldPendTransfer));
    auto *k = added.at(0).at(0).value<CallSession *>();
    const quint64 consult = k->call()->id;
    QVERIFY(k->dial(QStringLiteral("5550102")) > 0);
    QTRY_COMPARE(k->state(), int(Dialing));
    Q_EMIT m_stack->callProgress(consult, 180, false);
    QTRY_COMPARE(k->state(), int(Ringback));
    const int commands = m_stack->commands().size();
    QSignalSpy completed(a, &CallSession::requestCompleted);
    const int transfer = a->completeTransfer(k);
    QVERIFY(transfer > 0);
    QVERIFY(completed.wait(1000));
    QCOMPARE(completed.at(0).at(1).toInt(), int(OperationFailed));
    QCOMPARE(m_stack->commands().size(), commands); // nothing sent
    QCOMPARE(a->state(), int(OnHoldPendTransfer));
    QCOMPARE(k->state(), int(Ringback));

    QVERIFY(a->unhold() > 0);
    QCOMPARE(m_stack->commands().mid(commands),
             (QStringList {QStringLiteral("hangup %1 cause=16 uui=").arg(consult),
                           QStringLiteral("resume %1").arg(token)}));
    QTRY_COMPARE(a->state(), int(Connected));
    QTRY_COMPARE(k->state(), int(Idle));
}

void tst_SipProvider::uuiByInfoBothWays()
{
    quint64 token = 0;
    CallSession *a = offer(QStringLiteral("100"), {}, {}, &token);
    QVERIFY(a);
    QVERIFY(a->hasFeature(FeatureSendUserUser));
    // Not before the answer: INFO needs the dialog.
    QSignalSpy completed(a, &CallSession::requestCompleted);
    QVERIFY(a->sendUserUserInfo(QByteArray("early")) > 0);
    QVERIFY(completed.wait(1000));
    QCOMPARE(completed.at(0).at(1).toInt(), int(OperationUnavail));
    QVERIFY(a->answer() > 0);
    QTRY_COMPARE(a->state(), int(Connected));
    const int send = a->sendUserUserInfo(QByteArray("note-1"));
    QVERIFY(send > 0);
    QCOMPARE(
        m_stack->commands().last(),
        QStringLiteral("info %1 uui=%2").arg(token).arg(QString::fromLatin1(QByteArray("note-1").toHex())));
    QTRY_COMPARE(a->sentUserUserInfo(), QByteArray("note-1"));
    m_stack->userUserInfoReceived(token, "far-note");
    QCOMPARE(a->receivedUserUserInfo(), QList<QByteArray> {"far-note"});
}

QTEST_GUILESS_MAIN(tst_SipProvider)
#include "tst_sip_provider.moc"

void tst_SipProvider::replacedCallTakesTheNewParty()
{
    // An INVITE with Replaces (the far end completed an attended transfer to this station) takes over the
    // call: the session stays CONNECTED with no state report, its remote number and name become the new
    // party's (one callInfoChanged, CONNECTEDID), and its actions go to the new dialog.
    quint64 token = 0;
    CallSession *a = answered(&token);
    QVERIFY(a);
    QCOMPARE(a->remoteNumber(), QStringLiteral("100"));
    QSignalSpy info(a, &CallSession::callInfoChanged);
    const quint64 replacing = SipStack::InboundTokenBase + 7;
    Q_EMIT m_stack->callReplaced(token, replacing, QStringLiteral("9015"), QStringLiteral("Dana Target"));
    QCOMPARE(a->remoteNumber(), QStringLiteral("9015"));
    QCOMPARE(a->remoteName(), QStringLiteral("Dana Target"));
    QCOMPARE(info.count(), 1);
    QCOMPARE(info.at(0).at(0).toInt(), int(InfoConnectedId));
    QCOMPARE(a->state(), int(Connected));
    QCOMPARE(m_recorder->events(), QStringList());
    // The same party again (a second replacing INVITE from it) changes nothing.
    Q_EMIT m_stack->callReplaced(replacing, replacing + 1, QStringLiteral("9015"),
                                 QStringLiteral("Dana Target"));
    QCOMPARE(info.count(), 1);
    QVERIFY(a->drop(QByteArray()) > 0);
    QCOMPARE(m_stack->commands().last(), QStringLiteral("hangup %1 cause=16 uui=").arg(replacing + 1));
    QTRY_COMPARE(a->state(), int(Idle));
}
