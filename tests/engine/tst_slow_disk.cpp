// Nothing the engine writes by itself makes the GUI thread wait for the disk: run with a preloaded slow
// fsync (slowdisk/slow_fsync.c, 300 ms per sync), calls come and go while a 10 ms timer measures how long
// the GUI thread is kept from its events. Every fsync of the call log (SQLite's commits, the pending-write
// journal) runs on its writer thread, and the agent state's settings file is saved on the settings
// writer's; none on this thread, and everything still lands.
#include "GapMeter.h"
#include "SimFixture.h"

#include "agent/AgentState.h"
#include "core/Tapi.h"
#include "log/CallLog.h"
#include "session/CallSession.h"

#include <QtCore/qsettings.h>
#include <QtCore/qtemporarydir.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

#include <dlfcn.h>

using namespace Tapi;

class TestSlowDisk : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void callLogNeverSyncsHere();
    void agentStateNeverSyncsHere();

private:
    using Count = int (*)();
    Count m_allSyncs = nullptr;
    Count m_mainThreadSyncs = nullptr;
    QTemporaryDir m_dir;
};

void TestSlowDisk::initTestCase()
{
    m_allSyncs = reinterpret_cast<Count>(dlsym(RTLD_DEFAULT, "hookline_slow_fsync_calls"));
    m_mainThreadSyncs = reinterpret_cast<Count>(dlsym(RTLD_DEFAULT, "hookline_slow_fsync_main_thread_calls"));
    QVERIFY2(m_allSyncs && m_mainThreadSyncs, "run with LD_PRELOAD=libhookline_slow_fsync.so (ctest does)");
}

void TestSlowDisk::agentStateNeverSyncsHere()
{
    const QString file = m_dir.filePath(QStringLiteral("agent-state.ini"));
    const int syncsBefore = m_allSyncs();
    const int mainBefore = m_mainThreadSyncs();
    {
        SimFixture fx;
        AgentState agent(nullptr);
        agent.setWrapUpSeconds(0);
        agent.attach(&fx.engine());
        agent.persistIn(file);
        GapMeter gaps;
        // The first call after a fresh start stores the state (nothing was stored); then the agent goes
        // not ready and back.
        CallSession *a = fx.answered(QStringLiteral("alice"));
        QVERIFY(a);
        QCOMPARE(fx.completionOf(a->drop(QByteArray())), int(Success));
        QCOMPARE(a->terminate(), int(Success));
        agent.finishWrapUp();
        QVERIFY(agent.requestState(AgentState::NotReady, QStringLiteral("break")) != AgentState::Refused);
        QVERIFY(agent.requestState(AgentState::Ready) != AgentState::Refused);
        QTRY_VERIFY_WITH_TIMEOUT(m_allSyncs() - syncsBefore >= 2, 20000); // a lock file and the file itself
        qInfo("agent state: %d fsyncs on the settings writer's thread, %d here; longest gap %lld ms",
              m_allSyncs() - syncsBefore - (m_mainThreadSyncs() - mainBefore),
              m_mainThreadSyncs() - mainBefore, gaps.longest);
        QVERIFY2(gaps.longest < 150, qPrintable(QString::number(gaps.longest)));
    } // the writer finishes on its thread
    QCOMPARE(m_mainThreadSyncs() - mainBefore, 0);
    QSettings reread(file, QSettings::IniFormat);
    QCOMPARE(reread.value(QStringLiteral("agent/state")).toString(), QStringLiteral("Ready"));
}

void TestSlowDisk::callLogNeverSyncsHere()
{
    const Count allSyncs = m_allSyncs;
    const Count mainThreadSyncs = m_mainThreadSyncs;

    SimFixture fx;
    CallLog log(nullptr);
    QVERIFY(log.open(m_dir.filePath(QStringLiteral("calls.sqlite")))); // start-up waits for the writer
    log.attach(&fx.engine());
    const int syncsBefore = allSyncs();
    const int mainBefore = mainThreadSyncs();
    QSignalSpy written(&log, &CallLog::recordWritten);
    GapMeter gaps;
    QList<int> ended;
    for (int i = 0; i < 4; ++i) {
        CallSession *a = fx.offer(QStringLiteral("alice"), nullptr, "queue 7");
        QVERIFY(a);
        QCOMPARE(fx.completionOf(a->answer()), int(Success));
        QCOMPARE(fx.completionOf(a->drop(QByteArray("thanks"))), int(Success));
        a->setWrapUp(QStringLiteral("sale"), QStringLiteral("call %1").arg(i));
        ended << a->sessionId();
        QCOMPARE(a->terminate(), int(Success));
    }
    QTRY_COMPARE_WITH_TIMEOUT(written.size(), 4, 60000);
    const QList<CallRecord> rows = log.records();
    QCOMPARE(rows.size(), 4);
    for (const CallRecord &r : rows)
        QCOMPARE(r.notes, QStringLiteral("call %1").arg(ended.indexOf(r.sessionId)));
    qInfo("%d fsyncs on the writer thread, %d on the GUI thread; longest GUI-thread gap %lld ms",
          allSyncs() - syncsBefore - (mainThreadSyncs() - mainBefore), mainThreadSyncs() - mainBefore,
          gaps.longest);
    QVERIFY(allSyncs() - syncsBefore >= 4); // the preload slowed the commits down
    QCOMPARE(mainThreadSyncs() - mainBefore, 0);
    // A sync on this thread would be a 300 ms gap; 150 ms leaves room for a loaded machine.
    QVERIFY2(gaps.longest < 150, qPrintable(QString::number(gaps.longest)));
}

QTEST_GUILESS_MAIN(TestSlowDisk)
#include "tst_slow_disk.moc"
