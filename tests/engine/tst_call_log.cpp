// CallLog and CallHistoryModel: one committed row per terminated session with what happened (times,
// final state, disconnect mode, UUI both ways, wrap-up), WAL mode, search that is never SQL, and a
// record that survives the process being killed right after the session is closed.
#include "SimFixture.h"

#include "core/Tapi.h"
#include "log/CallHistoryModel.h"
#include "log/CallLog.h"
#include "session/CallSession.h"

#include <QtCore/qprocess.h>
#include <QtCore/qtemporarydir.h>
#include <QtSql/qsqldatabase.h>
#include <QtSql/qsqlquery.h>
#include <QtTest/qabstractitemmodeltester.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

#include <csignal>

using namespace Tapi;

namespace {
constexpr auto KillArgument = "--write-and-kill";

// Drives alice through one call on a fresh fixture and returns the session, still live.
enum class Ending { LocalDropWithUui, RemoteHangupBusy, Rejected, Missed };

CallSession *endCall(SimFixture &fx, Ending ending)
{
    CallSession *a = fx.offer(QStringLiteral("alice"), nullptr, "queue 7");
    if (!a)
        return nullptr;
    switch (ending) {
    case Ending::LocalDropWithUui:
        if (fx.completionOf(a->answer()) != Success
            || fx.completionOf(a->drop(QByteArray("thanks 8812"))) != Success)
            return nullptr;
        break;
    case Ending::RemoteHangupBusy:
        if (fx.completionOf(a->answer()) != Success)
            return nullptr;
        fx.sim().remoteHangup(QStringLiteral("alice"), DisconnectBusy, "bye");
        fx.settle();
        break;
    case Ending::Rejected:
        if (fx.completionOf(a->reject()) != Success)
            return nullptr;
        break;
    case Ending::Missed:
        fx.sim().remoteHangup(QStringLiteral("alice"), DisconnectNoAnswer);
        fx.settle();
        break;
    }
    return a;
}

// Child process: open the log, write one record through the engine, then die without any cleanup.
int writeAndKill(const QString &path)
{
    SimFixture fx;
    CallLog log(nullptr);
    if (!log.open(path))
        return 3;
    log.attach(&fx.engine());
    CallSession *a = endCall(fx, Ending::LocalDropWithUui);
    if (!a || !log.setWrapUp(a->sessionId(), QStringLiteral("sale"), QStringLiteral("killed right after")))
        return 4;
    if (a->terminate() != Success)
        return 5;
    std::raise(SIGKILL);
    return 6;
}
} // namespace

class TestCallLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void opensInWalMode();
    void refusesUnwritablePath();
    void rowPerTerminatedSession_data();
    void rowPerTerminatedSession();
    void wrapUpAfterTerminateUpdatesRow();
    void historySearchIsLiteral_data();
    void historySearchIsLiteral();
    void historyShowsNewRecordsLive();
    void survivesKill();

private:
    QTemporaryDir m_dir;
};

void TestCallLog::opensInWalMode()
{
    const QString path = m_dir.filePath(QStringLiteral("nested/folder/calls.sqlite"));
    CallLog log(nullptr);
    QSignalSpy opened(&log, &CallLog::openChanged);
    QVERIFY2(log.open(path), qPrintable(log.errorString()));
    QVERIFY(log.isOpen());
    QCOMPARE(opened.size(), 1);
    QCOMPARE(log.path(), path);
    QCOMPARE(log.recordCount(), 0);
    QSqlQuery mode(QSqlDatabase::database(log.connectionName()));
    QVERIFY(mode.exec(QStringLiteral("PRAGMA journal_mode")) && mode.next());
    QCOMPARE(mode.value(0).toString(), QStringLiteral("wal"));
    QVERIFY(mode.exec(QStringLiteral("PRAGMA synchronous")) && mode.next());
    QCOMPARE(mode.value(0).toInt(), 2); // FULL
    mode.finish();
    log.close();
    QVERIFY(!log.isOpen());
    QVERIFY(log.open(path)); // reopening an existing log keeps its schema
}

void TestCallLog::refusesUnwritablePath()
{
    QFile blocker(m_dir.filePath(QStringLiteral("a-file")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    CallLog log(nullptr);
    QVERIFY(!log.open(m_dir.filePath(QStringLiteral("a-file/calls.sqlite"))));
    QVERIFY(!log.isOpen());
    QVERIFY2(log.errorString().contains(QStringLiteral("a-file")), qPrintable(log.errorString()));
    QCOMPARE(log.write(CallRecord()), qint64(0)); // refused, with a reason, never a crash
    QVERIFY(log.errorString().contains(QStringLiteral("not open")));
}

void TestCallLog::rowPerTerminatedSession_data()
{
    QTest::addColumn<int>("ending");
    QTest::addColumn<QString>("finalState");
    QTest::addColumn<QString>("disconnectMode");
    QTest::addColumn<QList<QByteArray>>("uuiReceived");
    QTest::addColumn<QByteArray>("uuiSent");
    QTest::addColumn<bool>("connected");
    QTest::newRow("local drop with UUI")
        << int(Ending::LocalDropWithUui) << QStringLiteral("IDLE") << QString()
        << QList<QByteArray> {"queue 7"} << QByteArray("thanks 8812") << true;
    QTest::newRow("far end busy with UUI")
        << int(Ending::RemoteHangupBusy) << QStringLiteral("DISCONNECTED") << QStringLiteral("BUSY")
        << QList<QByteArray> {"queue 7", "bye"} << QByteArray() << true;
    QTest::newRow("rejected") << int(Ending::Rejected) << QStringLiteral("IDLE") << QString()
                              << QList<QByteArray> {"queue 7"} << QByteArray() << false;
    QTest::newRow("missed") << int(Ending::Missed) << QStringLiteral("DISCONNECTED")
                            << QStringLiteral("NOANSWER") << QList<QByteArray> {"queue 7"} << QByteArray()
                            << false;
}

void TestCallLog::rowPerTerminatedSession()
{
    QFETCH(QString, finalState);
    QFETCH(QString, disconnectMode);
    QFETCH(QList<QByteArray>, uuiReceived);
    QFETCH(QByteArray, uuiSent);
    QFETCH(int, ending);
    QFETCH(bool, connected);
    const QString path = m_dir.filePath(QStringLiteral("rows-%1.sqlite").arg(ending));
    SimFixture fx;
    CallLog log(nullptr);
    QVERIFY(log.open(path));
    log.attach(&fx.engine());
    QSignalSpy written(&log, &CallLog::recordWritten);
    CallSession *a = endCall(fx, Ending(ending));
    QVERIFY(a);
    const int sessionId = a->sessionId();
    QCOMPARE(written.size(), 0); // nothing is written while the session is on screen
    QVERIFY(log.setWrapUp(sessionId, QStringLiteral("callback"), QStringLiteral("customer wants \"x\"")));
    QCOMPARE(log.disposition(sessionId), QStringLiteral("callback"));
    const qint64 before = fx.engine().nowMs();
    QCOMPARE(a->terminate(), int(Success));
    QCOMPARE(written.size(), 1);
    QCOMPARE(written.at(0).at(1).toInt(), sessionId);

    // Read back through a second connection, as a restarted console would.
    CallLog reader(nullptr);
    QVERIFY(reader.open(path));
    const QList<CallRecord> rows = reader.records();
    QCOMPARE(rows.size(), 1);
    const CallRecord &r = rows.first();
    QCOMPARE(r.id, written.at(0).at(0).toLongLong());
    QCOMPARE(r.sessionId, sessionId);
    QCOMPARE(r.lineId, QString::fromLatin1(SimFixture::DefaultLineId));
    QCOMPARE(r.direction, int(Inbound));
    QCOMPARE(r.remoteNumber, QStringLiteral("2001"));
    QCOMPARE(r.remoteName, QStringLiteral("Alice Archer"));
    QCOMPARE(r.finalState, finalState);
    QCOMPARE(r.disconnectMode, disconnectMode);
    QCOMPARE(r.uuiReceived, uuiReceived);
    QCOMPARE(r.uuiSent, uuiSent);
    QCOMPARE(r.disposition, QStringLiteral("callback"));
    QCOMPARE(r.notes, QStringLiteral("customer wants \"x\""));
    QCOMPARE(r.connectedAt >= 0, connected);
    QVERIFY(r.offeredAt > 0);
    QVERIFY(r.droppedAt >= r.offeredAt);
    QCOMPARE(r.terminatedAt, before);
    QCOMPARE(r.privilege, QStringLiteral("OWNER"));
    QVERIFY(!r.isConference);
}

void TestCallLog::wrapUpAfterTerminateUpdatesRow()
{
    SimFixture fx;
    CallLog log(nullptr);
    QVERIFY(log.open(m_dir.filePath(QStringLiteral("late-wrapup.sqlite"))));
    log.attach(&fx.engine());
    CallSession *a = endCall(fx, Ending::LocalDropWithUui);
    QVERIFY(a);
    const int id = a->sessionId();
    QCOMPARE(a->terminate(), int(Success));
    QSignalSpy updated(&log, &CallLog::recordUpdated);
    QVERIFY(log.setWrapUp(id, QStringLiteral("sale"), QStringLiteral("late notes")));
    QCOMPARE(updated.size(), 1);
    QCOMPARE(log.records().first().disposition, QStringLiteral("sale"));
    QCOMPARE(log.records().first().notes, QStringLiteral("late notes"));
    QVERIFY(!log.setWrapUp(id + 100, QStringLiteral("x"), QString())); // no such session
    QCOMPARE(log.recordCount(), 1);
}

void TestCallLog::historySearchIsLiteral_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<QStringList>("numbers"); // newest first
    QTest::newRow("everything") << QString() << QStringList {"5", "4", "3", "2", "1"};
    QTest::newRow("name substring") << QStringLiteral("ali") << QStringList {"1"};
    QTest::newRow("percent is a character") << QStringLiteral("100%") << QStringList {"3"};
    QTest::newRow("underscore is a character") << QStringLiteral("a_b") << QStringList {"4"};
    QTest::newRow("quote and SQL") << QStringLiteral("'; DROP TABLE calls; --") << QStringList {"5"};
    QTest::newRow("disposition") << QStringLiteral("SALE") << QStringList {"2"};
    QTest::newRow("received UUI") << QStringLiteral("4471") << QStringList {"3"};
    QTest::newRow("no match") << QStringLiteral("zzz") << QStringList {};
}

void TestCallLog::historySearchIsLiteral()
{
    QFETCH(QString, search);
    QFETCH(QStringList, numbers);
    const QStringList expected = numbers;
    CallLog log(nullptr);
    QVERIFY(log.open(m_dir.filePath(QStringLiteral("search-%1.sqlite").arg(QTest::currentDataTag()))));
    const QStringList names {QStringLiteral("Alice"), QStringLiteral("Bob"), QStringLiteral("100% sure"),
                             QStringLiteral("a_b"), QStringLiteral("x'; DROP TABLE calls; --")};
    for (int i = 0; i < names.size(); ++i) {
        CallRecord r;
        r.sessionId = i + 1;
        r.lineId = QStringLiteral("sim/desk");
        r.remoteNumber = QString::number(i + 1);
        r.remoteName = names.at(i);
        r.terminatedAt = 1000 + i;
        r.disposition = i == 1 ? QStringLiteral("sale") : QString();
        if (i == 2)
            r.uuiReceived = {"ivr", "order 4471"};
        QVERIFY(log.write(r) > 0);
    }
    CallHistoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setLog(&log);
    model.setSearch(search);
    QStringList shown;
    for (int row = 0; row < model.rowCount(); ++row)
        shown << model.data(model.index(row), CallHistoryModel::RemoteNumberRole).toString();
    QCOMPARE(shown, expected);
    QCOMPARE(log.recordCount(), 5); // the table is still there
}

void TestCallLog::historyShowsNewRecordsLive()
{
    SimFixture fx;
    CallLog log(nullptr);
    QVERIFY(log.open(m_dir.filePath(QStringLiteral("live.sqlite"))));
    log.attach(&fx.engine());
    CallHistoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setLog(&log);
    model.setSearch(QStringLiteral("Alice"));
    model.setLimit(2);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    for (int i = 0; i < 3; ++i) {
        CallSession *a = endCall(fx, Ending::Rejected);
        QVERIFY(a);
        QCOMPARE(a->terminate(), int(Success));
    }
    CallSession *b = fx.offer(QStringLiteral("bob"));
    QVERIFY(b);
    QCOMPARE(fx.completionOf(b->reject()), int(Success));
    QCOMPARE(b->terminate(), int(Success)); // does not match the search
    QCOMPARE(inserted.size(), 3);
    QCOMPARE(model.rowCount(), 2); // bounded by the limit, newest on top
    QCOMPARE(model.data(model.index(0), CallHistoryModel::RemoteNameRole).toString(),
             QStringLiteral("Alice Archer"));
    QCOMPARE(log.recordCount(), 4);
    QVERIFY(model.data(model.index(0), CallHistoryModel::SessionIdRole).toInt()
            > model.data(model.index(1), CallHistoryModel::SessionIdRole).toInt());
    QVERIFY(model.data(model.index(0), CallHistoryModel::TerminatedAtRole).toDateTime().isValid());
}

void TestCallLog::survivesKill()
{
    const QString path = m_dir.filePath(QStringLiteral("killed.sqlite"));
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(), {QString::fromLatin1(KillArgument), path});
    QVERIFY(child.waitForFinished(30000));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit); // it really died by SIGKILL
    CallLog log(nullptr);
    QVERIFY(log.open(path));
    const QList<CallRecord> rows = log.records();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().disposition, QStringLiteral("sale"));
    QCOMPARE(rows.first().notes, QStringLiteral("killed right after"));
    QCOMPARE(rows.first().uuiSent, QByteArray("thanks 8812"));
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc == 3 && qstrcmp(argv[1], KillArgument) == 0)
        return writeAndKill(QString::fromLocal8Bit(argv[2]));
    TestCallLog test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_call_log.moc"
