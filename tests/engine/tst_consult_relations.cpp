// Consultation relations as the engine's truth (issue 12): consultCall / consultOf / consultKind are set
// before the request that creates the consult completes, and cleared when the consult ends. Also blind
// transfer, the dialled number as the remote number, numbers typed as the UI shows them, and the outcome.
#include "SimFixture.h"

#include "core/Tapi.h"
#include "lines/DialString.h"
#include "lines/Line.h"
#include "session/CallSession.h"

#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

using namespace Tapi;

namespace {
// Records, in emission order, what the UI binds to while a consultation request completes.
struct OrderLog
{
    QStringList events;
    QList<QMetaObject::Connection> connections;
    CallEngine *engine = nullptr;

    OrderLog(CallEngine *e, const QList<CallSession *> &watched)
        : engine(e)
    {
        connections << QObject::connect(e, &CallEngine::sessionAdded, e, [this](CallSession *s) {
            events << QStringLiteral("add(%1)").arg(s->sessionId());
            watch(s);
        });
        connections << QObject::connect(e, &CallEngine::requestCompleted, e, [this](int id, int error) {
            events << QStringLiteral("reply(%1,%2)").arg(id).arg(error);
        });
        connections << QObject::connect(
            e, &CallEngine::sessionStateChanged, e, [this](CallSession *s, int, int state) {
                events << QStringLiteral("S(%1)=%2").arg(s->sessionId()).arg(stateName(state));
            });
        for (CallSession *s : watched)
            watch(s);
    }
    ~OrderLog()
    {
        for (const auto &c : std::as_const(connections))
            QObject::disconnect(c);
    }
    void watch(CallSession *s)
    {
        connections << QObject::connect(s, &CallSession::consultChanged, engine, [this, s] {
            const CallSession *other = s->consultCall() ? s->consultCall() : s->consultOf();
            // The relation must be readable from the session added with it at this very moment.
            events << QStringLiteral("consult(%1)->%2:%3")
                          .arg(s->sessionId())
                          .arg(other ? other->sessionId() : 0)
                          .arg(int(s->consultKind()));
        });
    }
};
} // namespace

class TestConsultRelations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void setupTransferOrder();
    void setupConferenceOrder();
    void prepareAddToConferenceOrder();
    void addToConferenceWhileRinging();
    void clearedWhen_data();
    void clearedWhen();
    void failedSetupCreatesNothing();
    void blindTransfer();
    void blindTransferValidation_data();
    void blindTransferValidation();
    void dialledNumberIsRemoteNumber();
    void makeCallTakesFormattedNumbers_data();
    void makeCallTakesFormattedNumbers();
    void dialStringProblems_data();
    void dialStringProblems();
    void sipUris_data();
    void sipUris();
    void outcomeAndWrapUp();
};

void TestConsultRelations::setupTransferOrder()
{
    SimFixture fx;
    CallSession *a = fx.stage(SimFixture::StageConnected);
    QVERIFY(a);
    QCOMPARE(a->consultCall(), nullptr);
    QCOMPARE(a->consultKind(), CallSession::NoConsult);
    OrderLog log(&fx.engine(), {a});
    const int id = a->setupTransfer();
    QVERIFY(id > 0);
    fx.settle();
    CallSession *k = a->consultCall();
    QVERIFY(k);
    const int kid = k->sessionId();
    const int aid = a->sessionId();
    // The consult exists and both sides know each other before the completion; states follow it.
    QCOMPARE(log.events,
             QStringList({
                 QStringLiteral("add(%1)").arg(kid),
                 QStringLiteral("consult(%1)->%2:1").arg(aid).arg(kid),
                 QStringLiteral("consult(%1)->%2:1").arg(kid).arg(aid),
                 QStringLiteral("reply(%1,0)").arg(id),
                 QStringLiteral("S(%1)=ONHOLDPENDTRANSFER").arg(aid),
                 QStringLiteral("S(%1)=DIALTONE").arg(kid),
             }));
    QCOMPARE(k->consultOf(), a);
    QCOMPARE(k->consultKind(), CallSession::TransferConsult);
    QCOMPARE(fx.engine().sessions()->rowOf(k) >= 0, true);
}

void TestConsultRelations::setupConferenceOrder()
{
    SimFixture fx;
    CallSession *a = fx.stage(SimFixture::StageConnected);
    QVERIFY(a);
    OrderLog log(&fx.engine(), {a});
    const int id = a->setupConference();
    QVERIFY(id > 0);
    fx.settle();
    CallSession *parent = a->conferenceParent();
    QVERIFY(parent);
    CallSession *k = parent->consultCall();
    QVERIFY(k);
    const int pid = parent->sessionId();
    const int kid = k->sessionId();
    QCOMPARE(log.events,
             QStringList({
                 QStringLiteral("add(%1)").arg(pid),
                 QStringLiteral("add(%1)").arg(kid),
                 QStringLiteral("consult(%1)->%2:2").arg(pid).arg(kid),
                 QStringLiteral("consult(%1)->%2:2").arg(kid).arg(pid),
                 QStringLiteral("reply(%1,0)").arg(id),
                 QStringLiteral("S(%1)=ONHOLDPENDCONF").arg(pid),
                 QStringLiteral("S(%1)=DIALTONE").arg(kid),
                 QStringLiteral("S(%1)=CONFERENCED").arg(a->sessionId()),
             }));
    QCOMPARE(k->consultOf(), parent);
    QCOMPARE(k->consultKind(), CallSession::ConferenceConsult);
    QCOMPARE(a->consultCall(), nullptr); // the relation lives on the conference
}

void TestConsultRelations::prepareAddToConferenceOrder()
{
    SimFixture fx;
    const SimFixture::Conference conf = fx.conference({QStringLiteral("alice"), QStringLiteral("bob")});
    QVERIFY(conf.parent);
    QCOMPARE(conf.parent->consultCall(), nullptr);
    OrderLog log(&fx.engine(), {conf.parent});
    const int id = conf.parent->prepareAddToConference();
    QVERIFY(id > 0);
    fx.settle();
    CallSession *k = conf.parent->consultCall();
    QVERIFY(k);
    const int pid = conf.parent->sessionId();
    const int kid = k->sessionId();
    QCOMPARE(log.events,
             QStringList({
                 QStringLiteral("add(%1)").arg(kid),
                 QStringLiteral("consult(%1)->%2:2").arg(pid).arg(kid),
                 QStringLiteral("consult(%1)->%2:2").arg(kid).arg(pid),
                 QStringLiteral("reply(%1,0)").arg(id),
                 QStringLiteral("S(%1)=ONHOLDPENDCONF").arg(pid),
                 QStringLiteral("S(%1)=DIALTONE").arg(kid),
             }));
    // Completing it clears the relation: the consult is now a member.
    QVERIFY(fx.dialAndConnect(k, QStringLiteral("carol")));
    QSignalSpy cleared(k, &CallSession::consultChanged);
    QCOMPARE(fx.completionOf(conf.parent->addToConference(k)), Success);
    QCOMPARE(cleared.count(), 1);
    QCOMPARE(k->consultOf(), nullptr);
    QCOMPARE(conf.parent->consultCall(), nullptr);
    QCOMPARE(k->conferenceParent(), conf.parent);
}

void TestConsultRelations::addToConferenceWhileRinging()
{
    // LINECALLFEATURE_ADDTOCONF is offered while the consult rings: the party joins when it answers.
    SimFixture fx;
    CallSession *a = fx.stage(SimFixture::StageConnected);
    QVERIFY(a);
    QCOMPARE(fx.completionOf(a->setupConference()), Success);
    CallSession *parent = a->conferenceParent();
    CallSession *k = parent->consultCall();
    QVERIFY(k);
    QCOMPARE(fx.completionOf(k->dial(fx.peerNumber(QStringLiteral("bob")))), Success);
    QVERIFY(fx.runUntil([k] { return k->state() == Ringback; }));
    QVERIFY(parent->hasFeature(FeatureAddToConf));
    QCOMPARE(fx.completionOf(parent->addToConference(k)), Success);
    QCOMPARE(k->state(), int(Conferenced));
    QCOMPARE(k->consultOf(), nullptr);
    QVERIFY(fx.sim().remoteAnswer(QStringLiteral("bob")));
    fx.settle();
    QCOMPARE(k->state(), int(Conferenced)); // the answer does not take it out of the conference
    QCOMPARE(k->conferenceParent(), parent);
    QCOMPARE(parent->members().size(), 2);
}

void TestConsultRelations::clearedWhen_data()
{
    QTest::addColumn<QString>("how");
    QTest::newRow("transfer completed") << QStringLiteral("complete");
    QTest::newRow("consult dropped and terminated") << QStringLiteral("dropConsult");
    QTest::newRow("original dropped") << QStringLiteral("dropOriginal");
    QTest::newRow("original unheld") << QStringLiteral("unhold");
    QTest::newRow("consult terminated without drop") << QStringLiteral("terminateConsult");
}

void TestConsultRelations::clearedWhen()
{
    QFETCH(QString, how);
    SimFixture fx;
    CallSession *a = fx.stage(SimFixture::StageConnected);
    QVERIFY(a);
    QCOMPARE(fx.completionOf(a->setupTransfer()), Success);
    CallSession *k = a->consultCall();
    QVERIFY(k);
    QVERIFY(fx.dialAndConnect(k, QStringLiteral("bob")));
    QSignalSpy onOriginal(a, &CallSession::consultChanged);
    QSignalSpy onConsult(k, &CallSession::consultChanged);
    if (how == QLatin1String("complete")) {
        QCOMPARE(fx.completionOf(a->completeTransfer(k)), Success);
    } else if (how == QLatin1String("dropConsult")) {
        QCOMPARE(fx.completionOf(k->drop(QByteArray())), Success);
        QCOMPARE(k->terminate(), Success);
        fx.settle();
    } else if (how == QLatin1String("dropOriginal")) {
        QCOMPARE(fx.completionOf(a->drop(QByteArray())), Success);
    } else if (how == QLatin1String("unhold")) {
        QCOMPARE(fx.completionOf(a->unhold()), Success);
    } else {
        QCOMPARE(k->terminate(), Success);
        fx.settle();
    }
    QCOMPARE(onOriginal.count(), 1);
    QCOMPARE(a->consultCall(), nullptr);
    QCOMPARE(a->consultKind(), CallSession::NoConsult);
    if (k->isValid()) {
        QCOMPARE(onConsult.count(), 1);
        QCOMPARE(k->consultOf(), nullptr);
    }
}

void TestConsultRelations::failedSetupCreatesNothing()
{
    SimFixture fx;
    CallSession *a = fx.stage(SimFixture::StageConnected);
    QVERIFY(a);
    const int mark = fx.addedMark();
    fx.sim().failNextCommand(OperationFailed);
    QSignalSpy relation(a, &CallSession::consultChanged);
    QCOMPARE(fx.completionOf(a->setupTransfer()), OperationFailed);
    QCOMPARE(fx.sessionsAddedSince(mark).size(), 0);
    QCOMPARE(relation.count(), 0);
    QCOMPARE(a->consultCall(), nullptr);
}

void TestConsultRelations::blindTransfer()
{
    SimFixture fx;
    CallSession *a = fx.stage(SimFixture::StageConnected);
    QVERIFY(a);
    QVERIFY(a->hasFeature(FeatureBlindTransfer));
    fx.recorder().name(a, QStringLiteral("A"));
    fx.recorder().clear();
    const int id = a->blindTransfer(QStringLiteral("+1 (555) 010-9"));
    QVERIFY(id > 0);
    QCOMPARE(fx.completionOf(id), Success);
    // The completion, then this station's call goes IDLE; the far end talks on, now to the destination.
    QCOMPARE(fx.events(), withIds({QStringLiteral("reply({id},0)"), QStringLiteral("S(A)=IDLE")}, {id}));
    QCOMPARE(a->state(), int(Idle));
    QCOMPARE(a->mode(), 0);
    QCOMPARE(a->disconnectMode(), 0);
    QCOMPARE(a->outcome(), QStringLiteral("transferred"));
    QCOMPARE(fx.peer(QStringLiteral("alice"))->transferredTo, QStringLiteral("+15550109"));
    QCOMPARE(fx.peerState(QStringLiteral("alice")), QStringLiteral("CONNECTED/ACTIVE"));
    QCOMPARE(a->features(), 0);
}

void TestConsultRelations::blindTransferValidation_data()
{
    QTest::addColumn<int>("stage");
    QTest::addColumn<QString>("destination");
    QTest::addColumn<bool>("withoutFeature");
    QTest::addColumn<int>("expected");
    QTest::newRow("offering") << int(SimFixture::StageOffering) << QStringLiteral("2005") << false
                              << int(InvalCallState);
    QTest::newRow("ringback") << int(SimFixture::StageRingback) << QStringLiteral("2005") << false
                              << int(InvalCallState);
    QTest::newRow("idle") << int(SimFixture::StageIdle) << QStringLiteral("2005") << false
                          << int(InvalCallState);
    QTest::newRow("letters") << int(SimFixture::StageConnected) << QStringLiteral("sales") << false
                             << int(InvalAddress);
    QTest::newRow("empty") << int(SimFixture::StageConnected) << QString() << false << int(InvalAddress);
    QTest::newRow("line without blind transfer")
        << int(SimFixture::StageConnected) << QStringLiteral("2005") << true << int(OperationUnavail);
    QTest::newRow("on hold") << int(SimFixture::StageOnHold) << QStringLiteral("2005") << false << 1;
}

void TestConsultRelations::blindTransferValidation()
{
    QFETCH(int, stage);
    QFETCH(QString, destination);
    QFETCH(bool, withoutFeature);
    QFETCH(int, expected);
    LineCapabilities caps;
    if (withoutFeature)
        caps.callFeatures &= ~FeatureBlindTransfer;
    SimFixture fx(caps);
    CallSession *a = fx.stage(SimFixture::Stage(stage));
    QVERIFY(a);
    const int result = a->blindTransfer(destination);
    if (expected == 1) {
        QVERIFY(result > 0);
        QCOMPARE(fx.completionOf(result), Success);
        QCOMPARE(a->state(), int(Idle));
    } else {
        QCOMPARE(result, expected);
    }
}

void TestConsultRelations::dialledNumberIsRemoteNumber()
{
    SimFixture fx;
    CallSession *a = fx.stage(SimFixture::StageConnected);
    QVERIFY(a);
    QCOMPARE(fx.completionOf(a->setupTransfer()), Success);
    CallSession *k = a->consultCall();
    QVERIFY(k);
    QCOMPARE(k->remoteNumber(), QString());
    QSignalSpy info(k, &CallSession::callInfoChanged);
    QCOMPARE(fx.completionOf(k->dial(QStringLiteral("20 02"))), Success);
    // From dialling on, the consult shows whom it calls (list, panel, supervisor view, history).
    QCOMPARE(k->remoteNumber(), QStringLiteral("20 02"));
    QCOMPARE(k->calledNumber(), QStringLiteral("20 02"));
    QVERIFY(info.count() >= 1);
    QCOMPARE(info.first().first().toInt(), int(InfoCalledId));
    QVERIFY(fx.connectOutbound(k, QStringLiteral("bob")));
    QCOMPARE(k->remoteNumber(), QStringLiteral("20 02"));
}

void TestConsultRelations::makeCallTakesFormattedNumbers_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("shown");
    // The session shows the number as the agent wrote it (runs of blanks made one); the line dials
    // DialString::normalized() of it (dialStringProblems and the sim's far-end matching check that).
    QTest::newRow("spaces") << QStringLiteral("+1 555 0103") << QStringLiteral("+1 555 0103");
    QTest::newRow("brackets and dash") << QStringLiteral("(555) 010-3") << QStringLiteral("(555) 010-3");
    QTest::newRow("dots") << QStringLiteral("555.010.3") << QStringLiteral("555.010.3");
    QTest::newRow("keys") << QStringLiteral("*72 2002#") << QStringLiteral("*72 2002#");
    QTest::newRow("blanks around") << QStringLiteral("  +1  555 0103 ") << QStringLiteral("+1 555 0103");
    QTest::newRow("unformatted") << QStringLiteral("+15550103") << QStringLiteral("+15550103");
}

void TestConsultRelations::makeCallTakesFormattedNumbers()
{
    QFETCH(QString, typed);
    QFETCH(QString, shown);
    SimFixture fx;
    CallSession *s = fx.dialOut(typed);
    QVERIFY(s);
    QCOMPARE(s->remoteNumber(), shown);
    QCOMPARE(s->calledNumber(), shown);
    QCOMPARE(s->direction(), int(Outbound));
}

void TestConsultRelations::dialStringProblems_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("letters") << QStringLiteral("call bob") << false;
    QTest::newRow("vanity") << QStringLiteral("1-800-FLOWERS") << false;
    QTest::newRow("plus inside") << QStringLiteral("555+0103") << false;
    QTest::newRow("nothing") << QStringLiteral("  ") << false;
    QTest::newRow("formatted") << QStringLiteral("+44 20 7946 0102") << true;
}

void TestConsultRelations::dialStringProblems()
{
    QFETCH(QString, typed);
    QFETCH(bool, accepted);
    QCOMPARE(DialString::problem(typed).isEmpty(), accepted);
    QCOMPARE(DialString::normalized(typed).isEmpty(), !accepted);
    SimFixture fx;
    const int result = fx.line()->makeCall(typed);
    if (typed.trimmed().isEmpty())
        QVERIFY(result > 0); // no number: a dial tone, as lineMakeCall without an address
    else if (accepted)
        QVERIFY(result > 0);
    else
        QCOMPARE(result, int(InvalAddress));
}

void TestConsultRelations::sipUris_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("dialled"); // empty: refused (INVALADDRESS from makeCall)
    QTest::newRow("user at host") << "sip:sup@host.example"
                                  << "sip:sup@host.example";
    QTest::newRow("scheme and host in any case") << " SIP:Sup1@Floor.Example "
                                                 << "sip:Sup1@floor.example";
    QTest::newRow("numeric user, IPv4 and port") << "sip:2001@127.0.0.1:5070"
                                                 << "sip:2001@127.0.0.1:5070";
    QTest::newRow("IPv6 and parameters") << "sip:sup@[::1]:5060;transport=tcp"
                                         << "sip:sup@[::1]:5060;transport=tcp";
    QTest::newRow("no user") << "sip:host.example"
                             << "";
    QTest::newRow("empty user") << "sip:@host.example"
                                << "";
    QTest::newRow("no host") << "sip:sup@"
                             << "";
    QTest::newRow("space in the user") << "sip:s up@host"
                                       << "";
    QTest::newRow("password in the user") << "sip:sup:secret@host"
                                          << "";
    QTest::newRow("port out of range") << "sip:sup@host:70000"
                                       << "";
    QTest::newRow("port zero") << "sip:sup@host:0"
                               << "";
    QTest::newRow("angle brackets") << "sip:<sup@host>"
                                    << "";
    QTest::newRow("sips (not dialled)") << "sips:sup@host"
                                        << "";
}

void TestConsultRelations::sipUris()
{
    QFETCH(QString, typed);
    QFETCH(QString, dialled);
    QVERIFY(DialString::looksLikeUri(typed));
    QCOMPARE(DialString::sipUri(typed), dialled);
    // Never a number: the dial pad's rules stay as they are.
    QVERIFY(DialString::normalized(typed).isEmpty());
    SimFixture fx;
    if (dialled.isEmpty()) {
        QCOMPARE(fx.line()->makeCall(typed), int(InvalAddress));
        return;
    }
    CallSession *s = fx.dialOut(typed);
    QVERIFY(s);
    QCOMPARE(s->calledNumber(), typed.simplified());
    QCOMPARE(s->direction(), int(Outbound));
}

void TestConsultRelations::outcomeAndWrapUp()
{
    SimFixture fx;
    // Answered, then a consult leg: only the customer's call asks for a wrap-up.
    CallSession *a = fx.stage(SimFixture::StageConnected);
    QVERIFY(a);
    QCOMPARE(fx.completionOf(a->setupTransfer()), Success);
    CallSession *k = a->consultCall();
    QVERIFY(fx.dialAndConnect(k, QStringLiteral("bob")));
    QCOMPARE(fx.completionOf(a->completeTransfer(k)), Success);
    QCOMPARE(a->outcome(), QStringLiteral("transferred"));
    QVERIFY(a->needsWrapUp());
    QCOMPARE(k->outcome(), QStringLiteral("consult"));
    QVERIFY(!k->needsWrapUp());
    // Rejected and missed calls never ask for one.
    CallSession *rejected = fx.offer(QStringLiteral("carol"));
    QVERIFY(rejected);
    QCOMPARE(fx.completionOf(rejected->reject()), Success);
    QCOMPARE(rejected->outcome(), QStringLiteral("rejected"));
    QVERIFY(!rejected->needsWrapUp());
    CallSession *missed = fx.offer(QStringLiteral("dave"));
    QVERIFY(missed);
    QVERIFY(fx.sim().remoteHangup(QStringLiteral("dave"), DisconnectNormal));
    fx.settle();
    QCOMPARE(missed->state(), int(Disconnected));
    QCOMPARE(missed->outcome(), QStringLiteral("missed"));
    QVERIFY(!missed->needsWrapUp());
    CallSession *unanswered = fx.dialOut(fx.peerNumber(QStringLiteral("erin")));
    QVERIFY(unanswered);
    QCOMPARE(fx.completionOf(unanswered->drop(QByteArray())), Success);
    QCOMPARE(unanswered->outcome(), QStringLiteral("unanswered"));
    QVERIFY(!unanswered->needsWrapUp());
}

QTEST_GUILESS_MAIN(TestConsultRelations)
#include "tst_consult_relations.moc"
