// The settings' SIP accounts applied while the console runs (app/SipAccountLines): an account added in
// the settings becomes a line at once, a changed one is replaced, a removed one un-registers (its stack
// stops) and its line leaves the engine; with a call up, both wait for the call to end. A removed line is
// freed once no handle names it, so adding and removing accounts over and over keeps no Line behind. The real
// engine, settings and SIP line provider, on the SIP stack's simulated twin (one per account, as the plugin
// makes).
#include "SimSipStack.h"
#include "SipAccountsFixture.h"
#include "core/Tapi.h"
#include "lines/Line.h"
#include "session/CallSession.h"

#include <QtCore/qpointer.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

#include <memory>

using namespace Tapi;

class tst_SipAccountLines : public QObject, SipAccountsFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void accountsAtStartEachALine();
    void addedAccountRegistersAtOnce();
    void changeOrRemoveWithoutCalls_data();
    void changeOrRemoveWithoutCalls();
    void changeOrRemoveWithACallUp_data();
    void changeOrRemoveWithACallUp();
    void retiringLineTurnsCallersAway();
    void changesWhileRetiringTakeTheLatest_data();
    void changesWhileRetiringTakeTheLatest();
    void refusedAccountLeavesTheOthersRunning();
    void repeatedAddRemoveKeepsNoLine();

private:
    QVariantMap account(const QString &user,
                        const QString &registrar = QStringLiteral("127.0.0.1:5060")) const
    {
        return accountOf(registrar, user, QStringLiteral("pw"));
    }
    // The stack of the account's running provider (the latest made for it).
    SimSipStack *stackOf(const QString &id) const { return m_stacks.value(id).data(); }
    // The accounts saved in the settings, then the lines started: false if the settings refuse one.
    bool startWith(const QList<QVariantMap> &accounts);
    // An answered call from the far end on the account's line.
    CallSession *answeredCall(const QString &id, quint64 *token);
    // The set-up of the tests with a call up: agent1 alone saved and started, registered, and a call from
    // the far end answered on its line (null if any step fails).
    CallSession *callUpOnAgent1(quint64 *token);
    // agent1 removed from the settings (`displayName` empty) or saved again with `displayName`.
    bool removeOrRenameAgent1(const QString &displayName);

    QHash<QString, QPointer<SimSipStack>> m_stacks;
    QStringList m_log;
};

void tst_SipAccountLines::init()
{
    setUpAccounts([this](const SipAccountConfig &config) {
        auto *stack = new SimSipStack;
        m_stacks.insert(config.id, stack);
        return stack;
    });
    m_log.clear();
    m_stacks.clear();
    connect(m_engine.get(), &CallEngine::lineAddedSignal, this,
            [this](Line *line) { m_log << QStringLiteral("added %1 %2").arg(line->lineId(), line->name()); });
    connect(m_engine.get(), &CallEngine::lineRemoved, this, [this](Line *line) {
        m_log << QStringLiteral("removed %1 %2").arg(line->lineId(), line->name());
    });
    connect(m_engine.get(), &CallEngine::sessionStateChanged, this,
            [this](CallSession *s, CallState, CallState state) {
                m_log << QStringLiteral("%1 %2").arg(s->lineId(), stateName(state));
            });
}

void tst_SipAccountLines::cleanup()
{
    tearDownAccounts();
}

bool tst_SipAccountLines::startWith(const QList<QVariantMap> &accounts)
{
    for (const QVariantMap &map : accounts) {
        if (!m_settings->setEntry(SettingsSchema::SipAccounts, map))
            return false;
    }
    m_lines->start();
    return true;
}

CallSession *tst_SipAccountLines::callUpOnAgent1(quint64 *token)
{
    if (!startWith({account("agent1")}) || !stackOf("agent1"))
        return nullptr;
    Q_EMIT stackOf("agent1")->registrationChanged(0, true, {});
    return answeredCall("agent1", token);
}

bool tst_SipAccountLines::removeOrRenameAgent1(const QString &displayName)
{
    if (displayName.isEmpty())
        return m_settings->removeEntry(SettingsSchema::SipAccounts, "agent1");
    QVariantMap changed = account("agent1");
    changed.insert("displayName", displayName);
    return m_settings->setEntry(SettingsSchema::SipAccounts, changed);
}

CallSession *tst_SipAccountLines::answeredCall(const QString &id, quint64 *token)
{
    SimSipStack *stack = stackOf(id);
    if (!stack)
        return nullptr;
    QSignalSpy added(m_engine.get(), &CallEngine::sessionAdded);
    *token = stack->offer(0, QStringLiteral("5550100"), QStringLiteral("Caller"));
    if (added.count() != 1)
        return nullptr;
    auto *session = added.at(0).at(0).value<CallSession *>();
    if (session->answer() <= 0 || !QTest::qWaitFor([&] { return session->state() == Connected; }, 5000))
        return nullptr;
    return session;
}

void tst_SipAccountLines::accountsAtStartEachALine()
{
    QVERIFY(startWith({account("agent1"), account("agent2", "10.0.0.2")}));
    QCOMPARE(m_lines->runningAccounts(), (QStringList {"agent1", "agent2"}));
    QCOMPARE(m_log,
             (QStringList {"added sip/agent1 agent1@127.0.0.1:5060", "added sip/agent2 agent2@10.0.0.2"}));
    QCOMPARE(stackOf("agent1")->commands(), QStringList {"start 1"});
    QCOMPARE(stackOf("agent2")->commands(), QStringList {"start 1"});
}

void tst_SipAccountLines::addedAccountRegistersAtOnce()
{
    QVERIFY(startWith({account("agent1")}));
    m_log.clear();
    // Settings › Lines › Add: the change signal starts it, no restart.
    QVERIFY(m_settings->setEntry(SettingsSchema::SipAccounts, account("agent2")));
    QCOMPARE(m_log, QStringList {"added sip/agent2 agent2@127.0.0.1:5060"});
    QVERIFY(stackOf("agent2"));
    QCOMPARE(stackOf("agent2")->commands(), QStringList {"start 1"});
    Line *line = m_engine->line("sip/agent2");
    QVERIFY(!line->inService());
    Q_EMIT stackOf("agent2")->registrationChanged(0, true, {});
    QVERIFY(line->inService());
    QCOMPARE(stackOf("agent1")->commands(), QStringList {"start 1"}); // the other account untouched
}

void tst_SipAccountLines::changeOrRemoveWithoutCalls_data()
{
    QTest::addColumn<bool>("remove");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("removed") << true << QStringList {"removed sip/agent2 agent2@127.0.0.1:5060"};
    QTest::newRow("changed") << false
                             << QStringList {"removed sip/agent2 agent2@127.0.0.1:5060",
                                             "added sip/agent2 agent2@10.9.9.9:5070"};
}

void tst_SipAccountLines::changeOrRemoveWithoutCalls()
{
    QFETCH(bool, remove);
    QFETCH(QStringList, expected);
    QVERIFY(startWith({account("agent1"), account("agent2")}));
    QPointer<SimSipStack> old = stackOf("agent2");
    m_log.clear();
    if (remove)
        QVERIFY(m_settings->removeEntry(SettingsSchema::SipAccounts, "agent2"));
    else
        QVERIFY(m_settings->setEntry(SettingsSchema::SipAccounts, account("agent2", "10.9.9.9:5070")));
    QVERIFY(m_engine->line("sip/agent2")->isRetiring());
    QTRY_COMPARE(m_log, expected);
    // The old stack was stopped (un-REGISTER) before the line went, and its provider is deleted.
    QTRY_VERIFY(!old);
    if (remove) {
        QCOMPARE(m_engine->line("sip/agent2"), nullptr);
        QCOMPARE(m_lines->runningAccounts(), QStringList {"agent1"});
    } else {
        QVERIFY(stackOf("agent2") && stackOf("agent2") != old);
        QCOMPARE(stackOf("agent2")->commands(), QStringList {"start 1"});
        QCOMPARE(stackOf("agent2")->accounts().value(0).registrar, QStringLiteral("10.9.9.9:5070"));
        QVERIFY(!m_engine->line("sip/agent2")->isRetiring());
    }
    QCOMPARE(stackOf("agent1")->commands(), QStringList {"start 1"});
    QCOMPARE(m_engine->line("sip/agent1")->isRetiring(), false);
}

void tst_SipAccountLines::changeOrRemoveWithACallUp_data()
{
    QTest::addColumn<bool>("remove");
    QTest::addColumn<QStringList>("expected"); // after the change, once the far end hangs up
    QTest::newRow("removed") << true
                             << QStringList {"sip/agent1 DISCONNECTED", "sip/agent1 IDLE",
                                             "removed sip/agent1 agent1@127.0.0.1:5060"};
    QTest::newRow("changed") << false
                             << QStringList {"sip/agent1 DISCONNECTED", "sip/agent1 IDLE",
                                             "removed sip/agent1 agent1@127.0.0.1:5060",
                                             "added sip/agent1 Desk"};
}

void tst_SipAccountLines::changeOrRemoveWithACallUp()
{
    QFETCH(bool, remove);
    QFETCH(QStringList, expected);
    quint64 token = 0;
    CallSession *call = callUpOnAgent1(&token);
    QVERIFY(call);
    QPointer<SimSipStack> old = stackOf("agent1");
    Line *line = m_engine->line("sip/agent1");
    m_log.clear();
    QVERIFY(removeOrRenameAgent1(remove ? QString() : QStringLiteral("Desk")));
    // The call goes on, on the old registration; nothing stops while it does.
    QTest::qWait(100);
    QVERIFY(m_log.isEmpty());
    QVERIFY(line->isRetiring());
    QVERIFY(!old->commands().contains("stop"));
    QCOMPARE(call->state(), int(Connected));
    QVERIFY(call->hold() > 0);
    QTRY_COMPARE(call->state(), int(OnHold));
    QVERIFY(call->unhold() > 0);
    QTRY_COMPARE(call->state(), int(Connected));
    m_log.clear();
    // The far end hangs up; the agent drops: then the line goes (and comes back changed).
    SipCallEnd end;
    end.q850Cause = 16;
    Q_EMIT old->callEnded(token, end);
    QVERIFY(call->drop(QByteArray()) > 0);
    QTRY_COMPARE(m_log, expected);
    QTRY_VERIFY(!old);
    // The handle stays queryable until terminated.
    QCOMPARE(call->state(), int(Idle));
    QCOMPARE(call->lineId(), QStringLiteral("sip/agent1"));
    QCOMPARE(call->remoteNumber(), QStringLiteral("5550100"));
    QCOMPARE(call->line(), line);
    QCOMPARE(call->terminate(), 0);
    if (!remove) {
        QCOMPARE(stackOf("agent1")->commands(), QStringList {"start 1"});
        QCOMPARE(stackOf("agent1")->accounts().value(0).displayName, QStringLiteral("Desk"));
    }
}

void tst_SipAccountLines::retiringLineTurnsCallersAway()
{
    quint64 token = 0;
    QVERIFY(callUpOnAgent1(&token));
    SimSipStack *stack = stackOf("agent1");
    QVERIFY(m_settings->removeEntry(SettingsSchema::SipAccounts, "agent1"));
    QSignalSpy added(m_engine.get(), &CallEngine::sessionAdded);
    const quint64 second = stack->offer(0, QStringLiteral("5550111"), {});
    QCOMPARE(added.count(), 0);
    QCOMPARE(stack->commands().last(), QStringLiteral("reject %1 480 cause=20 uui=").arg(second));
}

void tst_SipAccountLines::changesWhileRetiringTakeTheLatest_data()
{
    QTest::addColumn<QStringList>("steps"); // "remove", or a display name the account is saved with
    QTest::addColumn<QString>("result"); // what starts once the call ends ("" : nothing)
    QTest::newRow("removed, added again") << QStringList {"remove", "Back"} << "Back";
    QTest::newRow("changed twice") << QStringList {"One", "Two"} << "Two";
    QTest::newRow("changed, then removed") << QStringList {"One", "remove"} << "";
}

void tst_SipAccountLines::changesWhileRetiringTakeTheLatest()
{
    QFETCH(QStringList, steps);
    QFETCH(QString, result);
    quint64 token = 0;
    CallSession *call = callUpOnAgent1(&token);
    QVERIFY(call);
    QPointer<SimSipStack> old = stackOf("agent1");
    for (const QString &step : std::as_const(steps))
        QVERIFY(removeOrRenameAgent1(step == QLatin1String("remove") ? QString() : step));
    QCOMPARE(stackOf("agent1"), old.data()); // nothing new while the call is up
    m_log.clear();
    QVERIFY(call->drop(QByteArray()) > 0);
    QStringList expected {"sip/agent1 IDLE", "removed sip/agent1 agent1@127.0.0.1:5060"};
    if (!result.isEmpty())
        expected << QStringLiteral("added sip/agent1 %1").arg(result);
    QTRY_COMPARE(m_log, expected);
    QTRY_VERIFY(!old);
    QCOMPARE(m_lines->runningAccounts(), result.isEmpty() ? QStringList() : QStringList {"agent1"});
    if (!result.isEmpty())
        QCOMPARE(stackOf("agent1")->commands(), QStringList {"start 1"});
    QCOMPARE(call->terminate(), 0);
}

void tst_SipAccountLines::refusedAccountLeavesTheOthersRunning()
{
    QVERIFY(startWith({account("agent1")}));
    QSignalSpy refused(m_lines.get(), &SipAccountLines::accountRefused);
    QSignalSpy errors(m_engine.get(), &CallEngine::errorEvent);
    // The schema takes any status from 400 to 699; the SIP account only 486 or 603.
    QVariantMap bad = account("agent2");
    bad.insert("rejectStatus", 500);
    QVERIFY(m_settings->setEntry(SettingsSchema::SipAccounts, bad));
    QCOMPARE(refused.count(), 1);
    QCOMPARE(refused.at(0).at(0).toString(), QStringLiteral("agent2"));
    QVERIFY(refused.at(0).at(1).toString().startsWith(QStringLiteral("rejectStatus")));
    QVERIFY(errors.count() >= 1);
    QCOMPARE(m_lines->runningAccounts(), QStringList {"agent1"});
}

void tst_SipAccountLines::repeatedAddRemoveKeepsNoLine()
{
    // Every Line the engine makes, counted from its announcement to its destruction. The connections go
    // with `counting` at the end of this function (the engine and its last line go later, in cleanup).
    int live = 0;
    QObject counting;
    connect(m_engine.get(), &CallEngine::lineAddedSignal, &counting, [&live, &counting](Line *line) {
        ++live;
        connect(line, &QObject::destroyed, &counting, [&live] { --live; });
    });
    QVERIFY(m_settings->setEntry(SettingsSchema::SipAccounts, account("agent1")));
    m_lines->start();
    QCOMPARE(live, 1);
    for (int round = 0; round < 12; ++round) {
        QVERIFY(m_settings->setEntry(SettingsSchema::SipAccounts, account("agent2")));
        QCOMPARE(live, 2);
        QPointer<Line> line = m_engine->line("sip/agent2");
        QVERIFY(line);
        QPointer<SimSipStack> stack = stackOf("agent2");
        Q_EMIT stack->registrationChanged(0, true, {});
        QPointer<CallSession> call;
        quint64 token = 0;
        const bool withCall = round % 2 == 1; // every other round the account goes during a call
        if (withCall) {
            call = answeredCall("agent2", &token);
            QVERIFY(call);
        }
        QVERIFY(m_settings->removeEntry(SettingsSchema::SipAccounts, "agent2"));
        if (withCall) {
            Q_EMIT stack->callEnded(token, SipCallEnd {});
            QVERIFY(call->drop(QByteArray()) > 0);
            QTRY_VERIFY(!stack);
            QVERIFY(!m_engine->line("sip/agent2"));
            // The handle still shows its line until it is terminated; then both go.
            QVERIFY(line);
            QCOMPARE(call->line(), line.data());
            QCOMPARE(call->state(), int(Idle));
            QCOMPARE(call->terminate(), 0);
        }
        QTRY_VERIFY(!line);
        QTRY_VERIFY(!stack);
        QCOMPARE(live, 1);
        QCOMPARE(m_engine->findChildren<Line *>().size(), 1);
    }
    QCOMPARE(m_engine->sessionCount(), 0);
    QCOMPARE(m_engine->callRecordCount(), 0);
    QCOMPARE(m_lines->runningAccounts(), QStringList {"agent1"});
}

QTEST_GUILESS_MAIN(tst_SipAccountLines)
#include "tst_sip_account_lines.moc"
