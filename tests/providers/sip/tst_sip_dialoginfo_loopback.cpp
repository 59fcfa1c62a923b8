// Dialog-info (RFC 4235) against real peers on 127.0.0.1: Kamailio tracks calls (dialog), publishes
// their state (pua_dialoginfo) to its own presence server (presence, presence_dialoginfo), which
// notifies the console's SUBSCRIBEs. A sipp caller reaches baresip, a phone of the monitored number
// (busy, then idle [D-13]), or calls a shared address-of-record that baresip answers at its other
// station (the console's offer turns CONNECTED/INACTIVE, then goes away [D-16][D-18]).
#include "EventRecorder.h"
#include "SipBaresipPeer.h"
#include "SipLineProvider.h"
#include "SipLoopbackConsole.h"
#include "SipLoopbackPeers.h"
#include "SipStack.h"
#include "core/Tapi.h"
#include "lines/Line.h"
#include "session/CallEngine.h"
#include "session/CallSession.h"

#include <QtCore/qloggingcategory.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

#include <atomic>
#include <memory>

using namespace Tapi;

namespace {

// Counts the refreshes of dialog subscriptions the console sends (a SUBSCRIBE inside the subscription's
// dialog goes to Kamailio's Contact, which has no user part), from the provider's SIP trace.
std::atomic<int> refreshesSent {0};
QtMessageHandler previousHandler = nullptr;

void countRefreshes(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (context.category && qstrcmp(context.category, "hookline.sip.trace") == 0) {
        if (message.startsWith(QLatin1String("sent"))
            && message.contains(QLatin1String("\n SUBSCRIBE sip:127.0.0.1:"))
            && message.contains(QLatin1String("\nEvent: dialog")))
            ++refreshesSent;
        static const bool show = qEnvironmentVariableIsSet("HOOKLINE_SIP_TEST_TRACE");
        if (show)
            previousHandler(type, context, message);
        return;
    }
    previousHandler(type, context, message);
}

} // namespace

class tst_SipDialogInfoLoopback : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void monitoredNumberBusyThenIdle();
    void sharedLineShowsCallAnsweredElsewhere();

private:
    std::unique_ptr<SipLoopbackPeers> m_peers;
};

void tst_SipDialogInfoLoopback::initTestCase()
{
    previousHandler = qInstallMessageHandler(countRefreshes);
    QLoggingCategory::setFilterRules(QStringLiteral("hookline.sip.trace.debug=true"));
    m_peers = std::make_unique<SipLoopbackPeers>();
    QVERIFY(m_peers->isValid());
    QVERIFY(m_peers->kamailioPort() && m_peers->farEndPort());
    QString error;
    QVERIFY2(m_peers->prepareKamailio({{"agent1", "secret1"}, {"agent2", "secret2"}}, &error),
             qPrintable(error));
    QVERIFY2(m_peers->startKamailio(&error), qPrintable(error));
}

void tst_SipDialogInfoLoopback::cleanupTestCase()
{
    m_peers.reset(); // ends sipp and Kamailio by PID
    qInstallMessageHandler(previousHandler);
}

void tst_SipDialogInfoLoopback::monitoredNumberBusyThenIdle()
{
    // The supervisor's account agent2 watches 9100, a phone (baresip, auto-answer) that Kamailio reaches
    // for every number starting with 9.
    SipLoopbackConsole console(m_peers.get());
    QString error;
    QVERIFY2(console.start({{{"user", "agent2"}, {"password", "secret2"}, {"monitor", "9100"}}}, &error),
             qPrintable(error));
    Line *monitored = console.engine()->line(QStringLiteral("sip/agent2/monitor/9100"));
    QVERIFY(monitored);
    QCOMPARE(monitored->capabilities().addressSharing, SharingMonitored);
    QSignalSpy notified(console.provider()->stack(), &SipStack::dialogInfoReceived);
    // The subscription's first NOTIFY (the full state: no calls) puts the line in service.
    QTRY_VERIFY2_WITH_TIMEOUT(monitored->inService() && notified.count() >= 1,
                              qPrintable(monitored->outOfServiceReason() + m_peers->kamailioLog()), 10000);
    QVERIFY(!monitored->addressInUse());
    QSignalSpy service(monitored, &Line::serviceChanged);
    refreshesSent = 0;

    SipBaresipPeer phone;
    QVERIFY2(phone.start(QStringLiteral("PCMU/8000/1"), m_peers->farEndPort(), QStringLiteral("9100"), 440,
                         {}, &error),
             qPrintable(error));
    QVERIFY2(phone.waitReady(), qPrintable(phone.log()));

    // The lamp's states, one per change: baresip answers at once, so the early dialog's NOTIFY (ringing)
    // may come before the confirmed one's or be overtaken by it; busy and idle always come.
    QStringList statuses;
    connect(monitored, &Line::addressStatusChanged, this, [&statuses, monitored] {
        statuses << (!monitored->addressInUse()        ? QStringLiteral("idle")
                         : monitored->addressRinging() ? QStringLiteral("ringing")
                                                       : QStringLiteral("busy"));
    });
    const QStringList rangThenAnswered {"ringing", "busy", "idle"};
    const QStringList answered {"busy", "idle"};
    auto ended = [&] {
        return statuses == rangThenAnswered || statuses == answered;
    };
    QSignalSpy added(console.engine(), &CallEngine::sessionAdded);
    QProcess *sipp = m_peers->startSipp(QStringLiteral("uac_call_hangs_up.xml"), QStringLiteral("9100"));
    QVERIFY(sipp);
    QTRY_VERIFY2_WITH_TIMEOUT(!statuses.isEmpty(), qPrintable(phone.log() + m_peers->kamailioLog()), 10000);
    QTRY_VERIFY2_WITH_TIMEOUT(ended(), qPrintable(statuses.join(QLatin1Char(' '))), 10000);
    console.finishSipp(sipp);
    // [D-13]: the monitored calls made no session here.
    QCOMPARE(added.count(), 0);
    QCOMPARE(console.engine()->sessionCount(), 0);
    phone.stop();
    // Kamailio grants 6 s: libre refreshes the subscription inside its dialog before it runs out (the
    // SUBSCRIBE to Kamailio's Contact, counted in the SIP trace) and the line stays in service throughout.
    QTRY_VERIFY2_WITH_TIMEOUT(refreshesSent.load() >= 1, qPrintable(m_peers->kamailioLog()), 10000);
    QCOMPARE(service.count(), 0);
    QVERIFY(monitored->inService());
    QVERIFY2(ended(), qPrintable(statuses.join(QLatin1Char(' '))));
}

void tst_SipDialogInfoLoopback::sharedLineShowsCallAnsweredElsewhere()
{
    // agent1 is a shared line: the console and baresip (its other phone, auto-answer) are both
    // registered for it, so Kamailio offers a call to both; baresip answers.
    SipLoopbackConsole console(m_peers.get());
    QString error;
    QVERIFY2(console.start({{{"user", "agent1"}, {"password", "secret1"}, {"sharedLine", true}}}, &error),
             qPrintable(error));
    Line *line = console.line(QStringLiteral("agent1"));
    QVERIFY(line);
    QCOMPARE(line->capabilities().addressSharing, SharingBridgedShared);
    QSignalSpy notified(console.provider()->stack(), &SipStack::dialogInfoReceived);
    QTRY_VERIFY2_WITH_TIMEOUT(line->inService() && notified.count() >= 1,
                              qPrintable(line->outOfServiceReason() + m_peers->kamailioLog()), 10000);

    SipBaresipPeer otherPhone;
    otherPhone.setRegistrar(QStringLiteral("127.0.0.1:%1").arg(m_peers->kamailioPort()),
                            QStringLiteral("secret1"));
    QVERIFY2(otherPhone.start(QStringLiteral("PCMU/8000/1"), SipLoopbackPeers::freePort(),
                              QStringLiteral("agent1"), 440, {}, &error),
             qPrintable(error));
    QVERIFY2(otherPhone.waitReady(), qPrintable(otherPhone.log()));
    QVERIFY2(otherPhone.waitForOutput("200 OK", 10000),
             qPrintable(otherPhone.log() + m_peers->kamailioLog()));

    QSignalSpy added(console.engine(), &CallEngine::sessionAdded);
    QProcess *sipp = m_peers->startSipp(QStringLiteral("uac_call_hangs_up.xml"), QStringLiteral("agent1"));
    QVERIFY(sipp);
    CallSession *a = console.waitForOffer(added);
    QVERIFY2(a, qPrintable(otherPhone.log() + m_peers->kamailioLog()));
    QCOMPARE(a->remoteNumber(), QStringLiteral("5551234"));
    // Answered at the other phone: inactive here (the same session), then gone with the caller's BYE.
    QTRY_COMPARE_WITH_TIMEOUT(a->mode(), int(ConnectedInactive), 10000);
    QCOMPARE(a->state(), int(Connected));
    QCOMPARE(a->hold(), int(OperationUnavail)); // [D-15]: the other station takes part
    QTRY_COMPARE_WITH_TIMEOUT(a->state(), int(Idle), 10000);
    QCOMPARE(console.recorder()->events(),
             (QStringList {"S(A)=OFFERING/ACTIVE", "S(A)=CONNECTED/INACTIVE", "S(A)=IDLE"}));
    QCOMPARE(added.count(), 1);
    console.finishSipp(sipp);
    otherPhone.stop();
}

QTEST_GUILESS_MAIN(tst_SipDialogInfoLoopback)
#include "tst_sip_dialoginfo_loopback.moc"
