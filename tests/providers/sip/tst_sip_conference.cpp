// Conferences on SIP lines without a network: the real CallEngine, the SIP line provider and the SIP
// stack's simulated twin. The conference is the console's: every party keeps its own dialog, so the
// commands become re-INVITEs (a party held while another is added, resumed when it joins) and BYEs, and
// the engine's conference rules (CONFDROP, a party leaving, the collapse, removeFromConference) show in
// the session states in their exact order (docs/tapi-semantics.md section 6, cases 45-61).
#include "EventRecorder.h"
#include "SimSipStack.h"
#include "SipLineProvider.h"
#include "core/Tapi.h"
#include "lines/Line.h"
#include "session/Call.h"
#include "session/CallEngine.h"
#include "session/CallSession.h"

#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

#include <cerrno>
#include <memory>

using namespace Tapi;

class tst_SipConference : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void linesOfferConferences();
    void threePartiesThenConfDrop();
    void partyLeavesThenRemoveCollapses();
    void endedConsultResumesTheConference();
    void droppedFirstConsultCollapses();
    void unholdingTheOriginalEndsTheSetUp();
    void refusedHoldLeavesTheCallAlone();
    void heldConferenceHoldsEveryParty();

private:
    struct Conference
    {
        CallSession *parent = nullptr;
        QList<CallSession *> parties;
        QList<quint64> tokens;
    };
    CallSession *answered(quint64 *token);
    // The consult the engine created for setupConference / prepareAddToConference, dialled and answered.
    CallSession *connectedConsult(const QSignalSpy &added, const QString &name, const QString &number);
    // A conference over `count` parties (A, K, K2, ...), built as an agent does, recorder cleared.
    bool conference(int count, Conference *result);
    QString cmd(const char *verb, quint64 token) const
    {
        return QStringLiteral("%1 %2").arg(QLatin1String(verb)).arg(token);
    }
    QString bye(quint64 token) const { return QStringLiteral("hangup %1 cause=16 uui=").arg(token); }
    QStringList commandsSince(int mark) const { return m_stack->commands().mid(mark); }

    std::unique_ptr<CallEngine> m_engine;
    std::unique_ptr<EventRecorder> m_recorder;
    std::unique_ptr<SipLineProvider> m_provider;
    SimSipStack *m_stack = nullptr;
};

void tst_SipConference::init()
{
    QList<SipAccountConfig> configs;
    SipAccountConfig config;
    QString error;
    QVERIFY2(SipAccountConfig::fromVariantMap({{"registrar", "127.0.0.1:5060"}, {"user", "agent1"}}, &config,
                                              &error),
             qPrintable(error));
    configs.append(config);
    m_engine = std::make_unique<CallEngine>(nullptr);
    m_recorder = std::make_unique<EventRecorder>();
    m_recorder->setCategories(EventRecorder::Replies | EventRecorder::States);
    m_recorder->attach(m_engine.get(), nullptr);
    m_stack = new SimSipStack;
    m_provider = std::make_unique<SipLineProvider>(configs, m_stack);
    m_engine->attachProvider(m_provider.get());
    Q_EMIT m_stack->registrationChanged(0, true, {});
}

void tst_SipConference::cleanup()
{
    m_engine.reset();
    m_recorder.reset();
    m_provider.reset();
}

CallSession *tst_SipConference::answered(quint64 *token)
{
    QSignalSpy added(m_engine.get(), &CallEngine::sessionAdded);
    *token = m_stack->offer(0, QStringLiteral("100"), {}, {});
    if (added.count() != 1)
        return nullptr;
    auto *a = added.at(0).at(0).value<CallSession *>();
    m_recorder->name(a, QStringLiteral("A"));
    QSignalSpy completed(a, &CallSession::requestCompleted);
    if (a->answer() <= 0 || !completed.wait(1000) || a->state() != Connected)
        return nullptr;
    return a;
}

CallSession *tst_SipConference::connectedConsult(const QSignalSpy &added, const QString &name,
                                                 const QString &number)
{
    CallSession *consult = nullptr;
    for (const QList<QVariant> &arguments : added) {
        auto *session = arguments.at(0).value<CallSession *>();
        if (session->state() == DialTone)
            consult = session;
    }
    if (!consult)
        return nullptr;
    m_recorder->name(consult, name);
    const quint64 token = consult->call()->id;
    if (consult->dial(number) <= 0)
        return nullptr;
    if (!QTest::qWaitFor([&] { return consult->state() == Dialing; }, 1000))
        return nullptr;
    if (m_stack->commands().last() != QStringLiteral("invite %1 account=0 to=%2 uui=").arg(token).arg(number))
        return nullptr;
    Q_EMIT m_stack->callEstablished(token);
    return consult->state() == Connected ? consult : nullptr;
}

bool tst_SipConference::conference(int count, Conference *result)
{
    quint64 token = 0;
    CallSession *a = answered(&token);
    if (!a)
        return false;
    result->parties = {a};
    result->tokens = {token};
    for (int i = 1; i < count; ++i) {
        QSignalSpy added(m_engine.get(), &CallEngine::sessionAdded);
        CallSession *issuer = i == 1 ? a : result->parent;
        QSignalSpy completed(issuer, &CallSession::requestCompleted);
        if ((i == 1 ? a->setupConference() : result->parent->prepareAddToConference()) <= 0
            || !completed.wait(1000))
            return false;
        result->parent = a->conferenceParent();
        if (!result->parent || result->parent->state() != OnHoldPendConf)
            return false;
        m_recorder->name(result->parent, QStringLiteral("C"));
        const QString name = i == 1 ? QStringLiteral("K") : QStringLiteral("K%1").arg(i);
        CallSession *consult =
            connectedConsult(added, name, QStringLiteral("55501%1").arg(i, 2, 10, QLatin1Char('0')));
        if (!consult)
            return false;
        QSignalSpy joined(result->parent, &CallSession::requestCompleted);
        if (result->parent->addToConference(consult) <= 0 || !joined.wait(1000)
            || joined.at(0).at(1).toInt() != Success)
            return false;
        if (!QTest::qWaitFor([&] { return consult->state() == Conferenced; }, 1000))
            return false;
        result->parties.append(consult);
        result->tokens.append(consult->call()->id);
    }
    m_recorder->clear();
    return result->parent->state() == Connected;
}

void tst_SipConference::linesOfferConferences()
{
    Line *line = m_engine->line(QStringLiteral("sip/agent1"));
    QVERIFY(line);
    const LineCapabilities caps = line->capabilities();
    QCOMPARE(caps.maxConference, SipLineProvider::MaxConferenceParties);
    QVERIFY(caps.confDrop);
    QCOMPARE(caps.removeFromConfCaps, RemoveAny);
    QCOMPARE(caps.removeFromConfState, Idle);
    for (CallFeature feature :
         {FeatureSetupConf, FeaturePrepareAddConf, FeatureAddToConf, FeatureRemoveFromConf})
        QVERIFY(caps.callFeatures.testFlag(feature));
    quint64 token = 0;
    CallSession *a = answered(&token);
    QVERIFY(a);
    QVERIFY(a->hasFeature(FeatureSetupConf));
}

void tst_SipConference::threePartiesThenConfDrop()
{
    // Case 45: setupConference holds the original by re-INVITE; the parent and the consult exist before
    // the reply, their states follow it.
    quint64 tA = 0;
    CallSession *a = answered(&tA);
    QVERIFY(a);
    m_recorder->clear();
    int mark = m_stack->commands().size();
    QSignalSpy added(m_engine.get(), &CallEngine::sessionAdded);
    const int setup = a->setupConference();
    QVERIFY(setup > 0);
    QCOMPARE(commandsSince(mark), QStringList {cmd("hold", tA)});
    QTRY_COMPARE(a->state(), int(Conferenced));
    CallSession *c = a->conferenceParent();
    QVERIFY(c);
    m_recorder->name(c, QStringLiteral("C"));
    QCOMPARE(added.count(), 2);
    CallSession *k = added.at(1).at(0).value<CallSession *>();
    m_recorder->name(k, QStringLiteral("K"));
    QCOMPARE(m_recorder->events(),
             (QStringList {QStringLiteral("reply(%1,0)").arg(setup), "S(C)=ONHOLDPENDCONF",
                           "S(K)=DIALTONE/NORMAL", "S(A)=CONFERENCED(C)"}));
    QCOMPARE(connectedConsult(added, QStringLiteral("K"), QStringLiteral("5550102")), k);
    const quint64 tK = k->call()->id;

    // Case 48: the consult joins; the held original is resumed (re-INVITE sendrecv).
    m_recorder->clear();
    mark = m_stack->commands().size();
    const int add = c->addToConference(k);
    QVERIFY(add > 0);
    QCOMPARE(commandsSince(mark), QStringList {cmd("resume", tA)});
    QTRY_COMPARE(k->state(), int(Conferenced));
    QCOMPARE(m_recorder->events(),
             (QStringList {QStringLiteral("reply(%1,0)").arg(add), "S(K)=CONFERENCED(C)",
                           "S(C)=CONNECTED/ACTIVE"}));

    // A third party: every party is held while it is dialled; the reply waits for the last re-INVITE.
    m_recorder->clear();
    mark = m_stack->commands().size();
    m_stack->setFarEndAnswersLater(true);
    QSignalSpy added2(m_engine.get(), &CallEngine::sessionAdded);
    const int prepare = c->prepareAddToConference();
    QVERIFY(prepare > 0);
    QCOMPARE(commandsSince(mark), (QStringList {cmd("hold", tA), cmd("hold", tK)}));
    m_stack->farEndAnswers(tA);
    QTest::qWait(20);
    QCOMPARE(m_recorder->events(), QStringList {});
    m_stack->farEndAnswers(tK);
    m_stack->setFarEndAnswersLater(false);
    QTRY_COMPARE(c->state(), int(OnHoldPendConf));
    QCOMPARE(added2.count(), 1);
    m_recorder->name(added2.at(0).at(0).value<CallSession *>(), QStringLiteral("K2"));
    QCOMPARE(m_recorder->events(),
             (QStringList {QStringLiteral("reply(%1,0)").arg(prepare), "S(C)=ONHOLDPENDCONF",
                           "S(K2)=DIALTONE/NORMAL"}));
    CallSession *k2 = connectedConsult(added2, QStringLiteral("K2"), QStringLiteral("5550103"));
    QVERIFY(k2);
    const quint64 tK2 = k2->call()->id;
    m_recorder->clear();
    mark = m_stack->commands().size();
    const int add2 = c->addToConference(k2);
    QVERIFY(add2 > 0);
    QCOMPARE(commandsSince(mark), (QStringList {cmd("resume", tA), cmd("resume", tK)}));
    QTRY_COMPARE(k2->state(), int(Conferenced));
    QCOMPARE(m_recorder->events(),
             (QStringList {QStringLiteral("reply(%1,0)").arg(add2), "S(K2)=CONFERENCED(C)",
                           "S(C)=CONNECTED/ACTIVE"}));
    QCOMPARE(c->members(), (QList<CallSession *> {a, k, k2}));

    // Case 50: dropping the conference (CONFDROP) sends BYE to every party; the reply comes once all are
    // done, then every party and the parent go IDLE, each once, in the engine's order.
    m_recorder->clear();
    mark = m_stack->commands().size();
    m_stack->setFarEndAnswersLater(true); // (only holds and transfers wait; BYEs complete on their own)
    const int drop = c->drop(QByteArray());
    QVERIFY(drop > 0);
    QCOMPARE(commandsSince(mark), (QStringList {bye(tA), bye(tK), bye(tK2)}));
    QTRY_COMPARE(c->state(), int(Idle));
    QCOMPARE(m_recorder->events(),
             (QStringList {QStringLiteral("reply(%1,0)").arg(drop), "S(A)=IDLE", "S(K)=IDLE", "S(K2)=IDLE",
                           "S(C)=IDLE"}));
    // The dialogs' ends after our BYEs are stale: nothing more reaches the engine.
    for (quint64 token : {tA, tK, tK2}) {
        Q_EMIT m_stack->callEnded(token, SipCallEnd {});
        Q_EMIT m_stack->callAudioGone(token);
    }
    QCOMPARE(m_recorder->events().size(), 5);
}

void tst_SipConference::partyLeavesThenRemoveCollapses()
{
    Conference conf;
    QVERIFY(conference(3, &conf));
    CallSession *a = conf.parties.at(0);
    CallSession *k = conf.parties.at(1);
    CallSession *k2 = conf.parties.at(2);
    const quint64 tA = conf.tokens.at(0);
    const quint64 tK2 = conf.tokens.at(2);

    // A party's own hold from its far end does not take it out of the conference.
    Q_EMIT m_stack->callRemoteHold(tK2, true);
    Q_EMIT m_stack->callRemoteHold(tK2, false);
    QCOMPARE(m_recorder->events(), QStringList {});

    // Case 52: K's far end hangs up; dropping K leaves A and K2 in the conference.
    const int mark = m_stack->commands().size();
    Q_EMIT m_stack->callEnded(conf.tokens.at(1), SipCallEnd {});
    const int dropK = k->drop(QByteArray());
    QVERIFY(dropK > 0);
    QTRY_COMPARE(k->state(), int(Idle));
    QCOMPARE(
        m_recorder->events(),
        (QStringList {"S(K)=DISCONNECTED/NORMAL", QStringLiteral("reply(%1,0)").arg(dropK), "S(K)=IDLE"}));
    QCOMPARE(conf.parent->state(), int(Connected));
    QCOMPARE(a->state(), int(Conferenced));
    QCOMPARE(k2->state(), int(Conferenced));

    // removeFromConference (ANY, to IDLE): BYE to K2; one party left, the conference collapses (rule 5):
    // the parent IDLE, A CONNECTED, still talking (no re-INVITE).
    m_recorder->clear();
    const int remove = k2->removeFromConference();
    QVERIFY(remove > 0);
    QTRY_COMPARE(a->state(), int(Connected));
    QCOMPARE(commandsSince(mark), QStringList {bye(tK2)});
    QCOMPARE(m_recorder->events(),
             (QStringList {QStringLiteral("reply(%1,0)").arg(remove), "S(K2)=IDLE", "S(C)=IDLE",
                           "S(A)=CONNECTED/ACTIVE"}));
    // A is a two-party call again: its far end's hold shows.
    Q_EMIT m_stack->callRemoteHold(tA, true);
    QCOMPARE(m_recorder->events().last(), QStringLiteral("S(A)=CONNECTED/ACTIVEHELD"));
}

void tst_SipConference::endedConsultResumesTheConference()
{
    // Case 58 with a conference: the consult being dialled is dropped; the parties come back.
    Conference conf;
    QVERIFY(conference(2, &conf));
    int mark = m_stack->commands().size();
    QSignalSpy added(m_engine.get(), &CallEngine::sessionAdded);
    const int prepare = conf.parent->prepareAddToConference();
    QVERIFY(prepare > 0);
    QTRY_COMPARE(conf.parent->state(), int(OnHoldPendConf));
    QCOMPARE(commandsSince(mark),
             (QStringList {cmd("hold", conf.tokens.at(0)), cmd("hold", conf.tokens.at(1))}));
    QCOMPARE(added.count(), 1);
    auto *k2 = added.at(0).at(0).value<CallSession *>();
    m_recorder->name(k2, QStringLiteral("K2"));
    QVERIFY(k2->dial(QStringLiteral("5550104")) > 0);
    QTRY_COMPARE(k2->state(), int(Dialing));
    Q_EMIT m_stack->callProgress(k2->call()->id, 180, false);
    QCOMPARE(k2->state(), int(Ringback));

    m_recorder->clear();
    mark = m_stack->commands().size();
    const int drop = k2->drop(QByteArray());
    QVERIFY(drop > 0);
    QTRY_COMPARE(k2->state(), int(Idle));
    QCOMPARE(commandsSince(mark),
             (QStringList {bye(k2->call()->id), cmd("resume", conf.tokens.at(0)),
                           cmd("resume", conf.tokens.at(1))}));
    QCOMPARE(m_recorder->events(),
             (QStringList {QStringLiteral("reply(%1,0)").arg(drop), "S(K2)=IDLE", "S(C)=CONNECTED/ACTIVE"}));
}

void tst_SipConference::droppedFirstConsultCollapses()
{
    // Case 46: setupConference, then the consult is dropped before it was dialled: the conference
    // collapses and the original is resumed.
    quint64 tA = 0;
    CallSession *a = answered(&tA);
    QVERIFY(a);
    QSignalSpy added(m_engine.get(), &CallEngine::sessionAdded);
    QVERIFY(a->setupConference() > 0);
    QTRY_COMPARE(a->state(), int(Conferenced));
    CallSession *c = a->conferenceParent();
    m_recorder->name(c, QStringLiteral("C"));
    auto *k = added.at(1).at(0).value<CallSession *>();
    m_recorder->name(k, QStringLiteral("K"));
    m_recorder->clear();
    const int mark = m_stack->commands().size();
    const int drop = k->drop(QByteArray());
    QVERIFY(drop > 0);
    QTRY_COMPARE(a->state(), int(Connected));
    QCOMPARE(commandsSince(mark), QStringList {cmd("resume", tA)}); // no INVITE went out for K
    QCOMPARE(m_recorder->events(),
             (QStringList {QStringLiteral("reply(%1,0)").arg(drop), "S(K)=IDLE", "S(C)=IDLE",
                           "S(A)=CONNECTED/ACTIVE"}));
}

void tst_SipConference::unholdingTheOriginalEndsTheSetUp()
{
    // Case 47: unhold A during set-up: the ringing consult is cancelled, A resumed, C and K IDLE.
    quint64 tA = 0;
    CallSession *a = answered(&tA);
    QVERIFY(a);
    QSignalSpy added(m_engine.get(), &CallEngine::sessionAdded);
    QVERIFY(a->setupConference() > 0);
    QTRY_COMPARE(a->state(), int(Conferenced));
    m_recorder->name(a->conferenceParent(), QStringLiteral("C"));
    auto *k = added.at(1).at(0).value<CallSession *>();
    m_recorder->name(k, QStringLiteral("K"));
    QVERIFY(k->dial(QStringLiteral("5550105")) > 0);
    QTRY_COMPARE(k->state(), int(Dialing));
    m_recorder->clear();
    const int mark = m_stack->commands().size();
    const int unhold = a->unhold();
    QVERIFY(unhold > 0);
    QTRY_COMPARE(a->state(), int(Connected));
    QCOMPARE(commandsSince(mark), (QStringList {bye(k->call()->id), cmd("resume", tA)}));
    QCOMPARE(m_recorder->events(),
             (QStringList {QStringLiteral("reply(%1,0)").arg(unhold), "S(C)=IDLE", "S(K)=IDLE",
                           "S(A)=CONNECTED/ACTIVE"}));
    // A is no party any more: a new conference can be set up on it.
    QVERIFY(a->hasFeature(FeatureSetupConf));
}

void tst_SipConference::refusedHoldLeavesTheCallAlone()
{
    // The far end refuses the re-INVITE: OPERATIONFAILED, no conference, and A can try again.
    quint64 tA = 0;
    CallSession *a = answered(&tA);
    QVERIFY(a);
    m_recorder->clear();
    QSignalSpy added(m_engine.get(), &CallEngine::sessionAdded);
    m_stack->setFailNext(EPROTO);
    const int setup = a->setupConference();
    QVERIFY(setup > 0);
    QTRY_COMPARE(m_recorder->events(), QStringList {QStringLiteral("reply(%1,OPERATIONFAILED)").arg(setup)});
    QCOMPARE(added.count(), 0);
    QCOMPARE(a->state(), int(Connected));
    const int mark = m_stack->commands().size();
    QVERIFY(a->setupConference() > 0);
    QCOMPARE(commandsSince(mark), QStringList {cmd("hold", tA)});
    QTRY_COMPARE(a->state(), int(Conferenced));
}

void tst_SipConference::heldConferenceHoldsEveryParty()
{
    // The parent's hold and unhold: every party's dialog follows; one reply each.
    Conference conf;
    QVERIFY(conference(2, &conf));
    QVERIFY(conf.parent->hasFeature(FeatureHold));
    int mark = m_stack->commands().size();
    const int hold = conf.parent->hold();
    QVERIFY(hold > 0);
    QTRY_COMPARE(conf.parent->state(), int(OnHold));
    QCOMPARE(commandsSince(mark),
             (QStringList {cmd("hold", conf.tokens.at(0)), cmd("hold", conf.tokens.at(1))}));
    mark = m_stack->commands().size();
    const int unhold = conf.parent->unhold();
    QVERIFY(unhold > 0);
    QTRY_COMPARE(conf.parent->state(), int(Connected));
    QCOMPARE(commandsSince(mark),
             (QStringList {cmd("resume", conf.tokens.at(0)), cmd("resume", conf.tokens.at(1))}));
    QCOMPARE(m_recorder->events(),
             (QStringList {QStringLiteral("reply(%1,0)").arg(hold), "S(C)=ONHOLD",
                           QStringLiteral("reply(%1,0)").arg(unhold), "S(C)=CONNECTED/ACTIVE"}));
}

QTEST_GUILESS_MAIN(tst_SipConference)
#include "tst_sip_conference.moc"
