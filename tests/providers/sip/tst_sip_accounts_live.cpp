// SIP accounts changed in the settings while the console runs, against Kamailio on 127.0.0.1: an account
// added registers within seconds (Kamailio's location table holds its contact), a removed one un-registers
// (REGISTER with Expires 0: its contact leaves the table long before the registration would expire), and
// one removed during a call keeps its registration and the call until the call ends. The real engine,
// settings, SipAccountLines and the SIP line provider on libre, one stack per account as the plugin makes.
#include "LibreSipStack.h"
#include "SipAccountsFixture.h"
#include "SipLoopbackPeers.h"
#include "core/Tapi.h"
#include "lines/Line.h"
#include "session/CallSession.h"

#include <QtCore/qelapsedtimer.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

#include <memory>

using namespace Tapi;

class tst_SipAccountsLive : public QObject, SipAccountsFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void addedAccountRegisters();
    void removedAccountUnregisters();
    void removedDuringACallWaitsForItsEnd();

private:
    QVariantMap account(const QString &user, const QString &password) const
    {
        return accountOf(QStringLiteral("127.0.0.1:%1").arg(m_peers->kamailioPort()), user, password);
    }
    // Kamailio's contacts for `user` (failing the test when kamcmd cannot tell).
    QStringList contacts(const QString &user);

    std::unique_ptr<SipLoopbackPeers> m_peers;
};

QStringList tst_SipAccountsLive::contacts(const QString &user)
{
    QString error;
    const QStringList found = m_peers->registeredContacts(user, &error);
    if (!error.isEmpty())
        qWarning().noquote() << error;
    return found;
}

void tst_SipAccountsLive::initTestCase()
{
    m_peers = std::make_unique<SipLoopbackPeers>();
    QVERIFY(m_peers->isValid());
    // Registrations granted for 10 minutes: a contact that leaves the table sooner was un-registered.
    m_peers->setMaxExpires(600);
    QString error;
    QVERIFY2(m_peers->prepareKamailio({{"agent1", "secret1"}, {"agent2", "secret2"}}, &error),
             qPrintable(error));
    QVERIFY2(m_peers->startKamailio(&error), qPrintable(error));
    setUpAccounts([](const SipAccountConfig &) {
        auto *stack = new LibreSipStack;
        stack->setRetryInterval(1);
        return stack;
    });
    QVERIFY(m_settings->setEntry(SettingsSchema::SipAccounts, account("agent1", "secret1")));
    m_lines->start();
    Line *agent1 = m_engine->line("sip/agent1");
    QVERIFY(agent1);
    QTRY_VERIFY2_WITH_TIMEOUT(agent1->inService(), qPrintable(m_peers->kamailioLog()), 15000);
    QCOMPARE(contacts("agent1").size(), 1);
    QVERIFY(contacts("agent2").isEmpty());
}

void tst_SipAccountsLive::cleanupTestCase()
{
    tearDownAccounts();
    m_peers.reset(); // ends sipp and Kamailio by PID
}

void tst_SipAccountsLive::addedAccountRegisters()
{
    QElapsedTimer timer;
    timer.start();
    QVERIFY(m_settings->setEntry(SettingsSchema::SipAccounts, account("agent2", "secret2")));
    Line *agent2 = m_engine->line("sip/agent2");
    QVERIFY(agent2); // at once, from the settings' change signal
    QTRY_VERIFY2_WITH_TIMEOUT(agent2->inService(), qPrintable(m_peers->kamailioLog()), 15000);
    qInfo("added account in service after %lld ms", timer.elapsed());
    const QStringList found = contacts("agent2");
    QCOMPARE(found.size(), 1);
    QVERIFY2(found.front().startsWith("sip:agent2@127.0.0.1"), qPrintable(found.front()));
    QCOMPARE(contacts("agent1").size(), 1); // the other account untouched
    QVERIFY(m_engine->line("sip/agent1")->inService());
}

void tst_SipAccountsLive::removedAccountUnregisters()
{
    QVERIFY(m_engine->line("sip/agent2"));
    QCOMPARE(contacts("agent2").size(), 1);
    QSignalSpy removed(m_engine.get(), &CallEngine::lineRemoved);
    // The removed line is freed on a later turn (nothing names it): its id is read when it goes.
    QStringList removedIds;
    QObject listening; // the connection ends with this function
    connect(m_engine.get(), &CallEngine::lineRemoved, &listening,
            [&removedIds](Line *line) { removedIds << line->lineId(); });
    QElapsedTimer timer;
    timer.start();
    QVERIFY(m_settings->removeEntry(SettingsSchema::SipAccounts, "agent2"));
    QVERIFY(removed.wait(10000));
    qInfo("removed account's line gone after %lld ms (un-REGISTER included)", timer.elapsed());
    QCOMPARE(removedIds, QStringList {QStringLiteral("sip/agent2")});
    QCOMPARE(m_engine->line("sip/agent2"), nullptr);
    // Kamailio granted 600 s: the contact is gone because the console withdrew it.
    QTRY_VERIFY_WITH_TIMEOUT(contacts("agent2").isEmpty(), 5000);
    QCOMPARE(contacts("agent1").size(), 1);
}

void tst_SipAccountsLive::removedDuringACallWaitsForItsEnd()
{
    Line *agent1 = m_engine->line("sip/agent1");
    QVERIFY(agent1 && agent1->inService());
    QSignalSpy added(m_engine.get(), &CallEngine::sessionAdded);
    QProcess *sipp = m_peers->startSipp(QStringLiteral("uac_expect_bye.xml"), QStringLiteral("agent1"), true);
    QVERIFY(sipp);
    QVERIFY(added.wait(10000));
    auto *call = added.at(0).at(0).value<CallSession *>();
    QVERIFY(call->answer() > 0);
    QTRY_COMPARE_WITH_TIMEOUT(call->state(), int(Connected), 5000);

    QStringList order;
    connect(m_engine.get(), &CallEngine::sessionStateChanged, this,
            [&order](CallSession *, CallState, CallState state) { order << stateName(state); });
    connect(m_engine.get(), &CallEngine::lineRemoved, this,
            [&order](Line *line) { order << QStringLiteral("removed ") + line->lineId(); });
    QVERIFY(m_settings->removeEntry(SettingsSchema::SipAccounts, "agent1"));
    QVERIFY(agent1->isRetiring());
    // The call goes on; the account stays registered while it does.
    QTest::qWait(1000);
    QCOMPARE(call->state(), int(Connected));
    QVERIFY(order.isEmpty());
    QCOMPARE(contacts("agent1").size(), 1);

    QVERIFY(call->drop(QByteArray("wrap-7")) > 0);
    QTRY_COMPARE_WITH_TIMEOUT(order, (QStringList {"IDLE", "removed sip/agent1"}), 10000);
    QString output;
    QCOMPARE(m_peers->finishSipp(sipp, &output), 0); // sipp saw the BYE with its Reason and UUI
    QTRY_VERIFY_WITH_TIMEOUT(contacts("agent1").isEmpty(), 5000);
    // The ended call's handle stays queryable until terminated.
    QCOMPARE(call->state(), int(Idle));
    QCOMPARE(call->lineId(), QStringLiteral("sip/agent1"));
    QCOMPARE(call->terminate(), 0);
}

QTEST_GUILESS_MAIN(tst_SipAccountsLive)
#include "tst_sip_accounts_live.moc"
