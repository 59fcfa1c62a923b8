// CallLog and CallHistoryModel: one committed row per terminated session with what happened (times,
// final state, disconnect mode, UUI both ways, wrap-up), written on the writer thread in the order the
// calls happen, WAL mode, search that is never SQL, and a record that survives the process being killed
// right after it was committed.
#include "GapMeter.h"
#include "SimFixture.h"

#include "core/Tapi.h"
#include "log/CallHistoryModel.h"
#include "log/CallLog.h"
#include "session/CallSession.h"

#include <QtCore/qdir.h>
#include <QtCore/qelapsedtimer.h>
#include <QtCore/qfileinfo.h>
#include <QtCore/qprocess.h>
#include <QtCore/qregularexpression.h>
#include <QtCore/qscopeguard.h>
#include <QtCore/qtemporarydir.h>
#include <QtCore/qthread.h>
#include <QtCore/qtimer.h>
#include <QtSql/qsqldatabase.h>
#include <QtSql/qsqlquery.h>
#include <QtTest/qabstractitemmodeltester.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

#include <csignal>
#include <sys/stat.h>
#include <unistd.h>

using namespace Tapi;

namespace {
constexpr auto KillArgument = "--write-and-kill";
constexpr auto KillLiveArgument = "--kill-during-call";

// Drives alice through one call on a fresh fixture and returns the session, still live.
enum class Ending { LocalDropWithUui, RemoteHangupBusy, Rejected, Missed };

// Writes a finished record and waits until the writer thread says it is in the log; its row, or 0.
qint64 writeAndWait(CallLog &log, const CallRecord &record)
{
    // By its session id: a row the log wrote on its own (a queued call replayed at open) may come first.
    QSignalSpy written(&log, &CallLog::recordWritten);
    log.write(record);
    for (qsizetype seen = 0;; ++seen) {
        if (written.size() <= seen && !written.wait(10000))
            return 0;
        if (written.at(seen).at(1).toInt() == record.sessionId)
            return written.at(seen).at(0).toLongLong();
    }
}

// Terminates the session and waits until its row is complete in the log.
bool terminateAndWait(CallLog &log, CallSession *session)
{
    QSignalSpy written(&log, &CallLog::recordWritten);
    return session->terminate() == Tapi::Success && written.wait(10000);
}

// Polls the log file through its own connection until `sql` yields `expected` (the writer thread puts it
// there), running the child's events meanwhile; for the children killed at a chosen point.
bool waitForValue(const QString &path, const QString &sql, const QVariant &expected)
{
    const QString name = QStringLiteral("poll");
    bool found = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        QElapsedTimer clock;
        clock.start();
        while (db.open() && !found && clock.elapsed() < 10000) {
            QSqlQuery query(db);
            found = query.exec(sql) && query.next() && query.value(0) == expected;
            if (!found)
                QTest::qWait(5); // the child's own timers (the wrap-up's write) run meanwhile
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return found;
}

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
    if (!a)
        return 4;
    a->setWrapUp(QStringLiteral("sale"), QStringLiteral("killed right after"));
    if (!terminateAndWait(log, a)) // committed: from here a kill loses nothing of it
        return 5;
    std::raise(SIGKILL);
    return 6;
}
// Child process: a call is answered, recorded and has notes when the process dies.
int liveAndKill(const QString &path)
{
    SimFixture fx;
    CallLog log(nullptr);
    if (!log.open(path))
        return 3;
    log.attach(&fx.engine());
    CallSession *a = fx.offer(QStringLiteral("alice"), nullptr, "queue 7");
    if (!a || fx.completionOf(a->answer()) != Success)
        return 4;
    // What the router and the agent put on the session reaches the live row.
    a->setRecording(CallSession::Recording, QStringLiteral("/recordings/live.wav"));
    a->setNotes(QStringLiteral("typed during the call"));
    if (!waitForValue(path, QStringLiteral("SELECT recording_path FROM calls"),
                      QStringLiteral("/recordings/live.wav"))
        || !waitForValue(path, QStringLiteral("SELECT notes FROM calls"),
                         QStringLiteral("typed during the call"))
        || !waitForValue(path, QStringLiteral("SELECT connected_at > 0 FROM calls"), 1))
        return 7;
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
    void wrapUpFollowsTheSession();
    void receivedUuiIsTheCallsHistory();
    void historySearchIsLiteral_data();
    void historySearchIsLiteral();
    void historyShowsNewRecordsLive();
    void historyLoadedBeforeAnnouncementsHasNoDuplicates();
    void survivesKill();
    void searchByDigits_data();
    void searchByDigits();
    void migratesSchemaTwo();
    void outboundRowKeepsDialledNumber();
    void ownerOnlyWhateverTheUmask_data();
    void ownerOnlyWhateverTheUmask();
    void liveCallSurvivesKill();
    void damagedFileSetAside_data();
    void damagedFileSetAside();
    void lockedDatabaseRetriedWithoutBlocking();
    void pendingWriteSurvivesRestart();
    void readOnlyThenWritable();
    void liveRowCompletedAtTerminate();
    void openHandlesCompletedAtClose();
    void writesLandInOrder();

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
    QSignalSpy errors(&log, &CallLog::errorStringChanged);
    log.write(CallRecord()); // refused, with a reason, never a crash
    QVERIFY(errors.wait());
    QVERIFY2(log.errorString().contains(QStringLiteral("not open")), qPrintable(log.errorString()));
    // Said once, not once per call (a headless soak printed it 20,000 times).
    QTest::failOnWarning(QRegularExpression(QStringLiteral("not open")));
    log.write(CallRecord());
    log.write(CallRecord());
    log.close(); // waits for the writer: both were refused by then
}

void TestCallLog::rowPerTerminatedSession_data()
{
    QTest::addColumn<int>("ending");
    QTest::addColumn<QString>("finalState");
    QTest::addColumn<QString>("disconnectMode");
    QTest::addColumn<QList<QByteArray>>("uuiReceived");
    QTest::addColumn<QByteArray>("uuiSent");
    QTest::addColumn<bool>("connected");
    QTest::addColumn<QString>("outcome");
    QTest::newRow("local drop with UUI")
        << int(Ending::LocalDropWithUui) << QStringLiteral("IDLE") << QString()
        << QList<QByteArray> {"queue 7"} << QByteArray("thanks 8812") << true << QStringLiteral("answered");
    QTest::newRow("far end busy with UUI")
        << int(Ending::RemoteHangupBusy) << QStringLiteral("DISCONNECTED") << QStringLiteral("BUSY")
        << QList<QByteArray> {"queue 7", "bye"} << QByteArray() << true << QStringLiteral("answered");
    QTest::newRow("rejected") << int(Ending::Rejected) << QStringLiteral("IDLE") << QString()
                              << QList<QByteArray> {"queue 7"} << QByteArray() << false
                              << QStringLiteral("rejected");
    QTest::newRow("missed") << int(Ending::Missed) << QStringLiteral("DISCONNECTED")
                            << QStringLiteral("NOANSWER") << QList<QByteArray> {"queue 7"} << QByteArray()
                            << false << QStringLiteral("missed");
}

void TestCallLog::rowPerTerminatedSession()
{
    QFETCH(QString, finalState);
    QFETCH(QString, disconnectMode);
    QFETCH(QList<QByteArray>, uuiReceived);
    QFETCH(QByteArray, uuiSent);
    QFETCH(int, ending);
    QFETCH(bool, connected);
    QFETCH(QString, outcome);
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
    a->setWrapUp(QStringLiteral("callback"), QStringLiteral("customer wants \"x\""));
    QCOMPARE(a->disposition(), QStringLiteral("callback")); // kept on the session until it is closed
    const qint64 before = fx.engine().nowMs();
    QCOMPARE(a->terminate(), int(Success));
    QVERIFY(written.wait());
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
    QCOMPARE(r.outcome, outcome);
    CallHistoryModel model;
    model.setLog(&reader);
    QCOMPARE(model.data(model.index(0), CallHistoryModel::OutcomeRole).toString(), outcome);
    QCOMPARE(model.data(model.index(0), CallHistoryModel::DirectionRole).toInt(), int(Inbound));
}

void TestCallLog::wrapUpFollowsTheSession()
{
    // Wrap-up goes through the session only; the log follows its wrapUpChanged: the live row while the
    // call goes on (notes change as they are typed: the row gets them once they rest), the completed row
    // at terminate, and a change the terminated handle still gets before it is freed after that.
    SimFixture fx;
    CallLog log(nullptr);
    QVERIFY(log.open(m_dir.filePath(QStringLiteral("wrapup-follows.sqlite"))));
    log.attach(&fx.engine());
    QSignalSpy written(&log, &CallLog::recordWritten);
    QSignalSpy updated(&log, &CallLog::recordUpdated);
    CallSession *a = fx.offer(QStringLiteral("alice"), nullptr, "queue 7");
    QVERIFY(a);
    QCOMPARE(fx.completionOf(a->answer()), int(Success));
    QStringList seen;
    connect(a, &CallSession::wrapUpChanged, this,
            [&] { seen << a->disposition() + QLatin1Char('/') + a->notes(); });
    for (const char *typed : {"c", "ca", "call", "call back"})
        a->setNotes(QString::fromLatin1(typed));
    a->setWrapUp(QStringLiteral("callback"), QStringLiteral("call back"));
    a->setWrapUp(QStringLiteral("callback"), QStringLiteral("call back")); // no change, no signal
    QCOMPARE(seen,
             (QStringList {QStringLiteral("/c"), QStringLiteral("/ca"), QStringLiteral("/call"),
                           QStringLiteral("/call back"), QStringLiteral("callback/call back")}));
    QSqlQuery live(QSqlDatabase::database(log.connectionName()));
    const auto liveWrapUp = [&] {
        const QString sql = QStringLiteral("SELECT disposition || '/' || notes, outcome FROM calls");
        const QString found = live.exec(sql) && live.next()
            ? live.value(0).toString() + QLatin1Char(' ') + live.value(1).toString()
            : QStringLiteral("no row");
        live.finish();
        return found;
    };
    QTRY_COMPARE(liveWrapUp(), QStringLiteral("callback/call back live"));
    QVERIFY(updated.isEmpty()); // a live row is not announced: readers list finished calls only
    QVERIFY(written.isEmpty());

    QCOMPARE(fx.completionOf(a->drop()), int(Success));
    a->setNotes(QStringLiteral("call back tomorrow")); // in the completed row, without waiting
    QCOMPARE(a->terminate(), int(Success));
    a->setWrapUp(QStringLiteral("sale"), QStringLiteral("call back tomorrow")); // the detached handle
    QVERIFY(written.wait());
    QTRY_COMPARE(updated.size(), 1);
    QCOMPARE(updated.at(0).at(0).toLongLong(), written.at(0).at(0).toLongLong());
    QCOMPARE(seen.size(), 7);
    const QList<CallRecord> rows = log.records();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().disposition, QStringLiteral("sale"));
    QCOMPARE(rows.first().notes, QStringLiteral("call back tomorrow"));
    QCOMPARE(rows.first().outcome, QStringLiteral("answered"));
}

void TestCallLog::receivedUuiIsTheCallsHistory()
{
    // Every message the far end sent is the call's (the session reads it), also those the agent released
    // and a repeat of the same bytes: the row keeps them all, in order.
    SimFixture fx;
    CallLog log(nullptr);
    QVERIFY(log.open(m_dir.filePath(QStringLiteral("uui-history.sqlite"))));
    log.attach(&fx.engine());
    CallSession *a = fx.offer(QStringLiteral("alice"), nullptr, "queue 7");
    QVERIFY(a);
    QCOMPARE(fx.completionOf(a->answer()), int(Success));
    QCOMPARE(fx.completionOf(a->releaseUserUserInfo()), int(Success));
    const CallId call = fx.engine().callIdOf(a);
    fx.engine().userUserInfoReceived(call, QByteArray("again"));
    fx.engine().userUserInfoReceived(call, QByteArray("again"));
    QCOMPARE(fx.completionOf(a->releaseUserUserInfo()), int(Success));
    QCOMPARE(a->receivedUserUserInfo(), QList<QByteArray> {"again"});
    const QList<QByteArray> every {"queue 7", "again", "again"};
    QCOMPARE(a->everyReceivedUserUserInfo(), every);
    QCOMPARE(fx.completionOf(a->drop()), int(Success));
    QVERIFY(terminateAndWait(log, a));
    QCOMPARE(log.records().first().uuiReceived, every);
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
        QVERIFY(writeAndWait(log, r) > 0);
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
    QSignalSpy written(&log, &CallLog::recordWritten);
    for (int i = 0; i < 3; ++i) {
        CallSession *a = endCall(fx, Ending::Rejected);
        QVERIFY(a);
        QCOMPARE(a->terminate(), int(Success));
    }
    CallSession *b = fx.offer(QStringLiteral("bob"));
    QVERIFY(b);
    QCOMPARE(fx.completionOf(b->reject()), int(Success));
    QCOMPARE(b->terminate(), int(Success)); // does not match the search
    QTRY_COMPARE(written.size(), 4);
    QCOMPARE(inserted.size(), 3);
    QCOMPARE(model.rowCount(), 2); // bounded by the limit, newest on top
    QCOMPARE(model.data(model.index(0), CallHistoryModel::RemoteNameRole).toString(),
             QStringLiteral("Alice Archer"));
    QCOMPARE(log.recordCount(), 4);
    QVERIFY(model.data(model.index(0), CallHistoryModel::SessionIdRole).toInt()
            > model.data(model.index(1), CallHistoryModel::SessionIdRole).toInt());
    QVERIFY(model.data(model.index(0), CallHistoryModel::TerminatedAtRole).toDateTime().isValid());
}

void TestCallLog::historyLoadedBeforeAnnouncementsHasNoDuplicates()
{
    // A page opened while the writer is still announcing rows reads them from the file first: the
    // announcements that follow do not list them twice.
    CallLog log(nullptr);
    QVERIFY(log.open(m_dir.filePath(QStringLiteral("late-announcements.sqlite"))));
    QSignalSpy written(&log, &CallLog::recordWritten);
    for (int i = 0; i < 2; ++i) {
        CallRecord r;
        r.sessionId = i + 1;
        r.lineId = QStringLiteral("sim/desk");
        r.terminatedAt = 1000 + i;
        log.write(r);
    }
    log.waitForWrites(); // both committed, neither announced yet (queued to this thread)
    QVERIFY(written.isEmpty());
    CallHistoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setLog(&log);
    QCOMPARE(model.rowCount(), 2);
    QTRY_COMPARE(written.size(), 2);
    QCOMPARE(model.rowCount(), 2);
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

void TestCallLog::searchByDigits_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<QStringList>("names"); // newest first
    QTest::newRow("as the UI shows it") << QStringLiteral("+1 555 0103") << QStringList {"Dots", "Dan"};
    QTest::newRow("digits only") << QStringLiteral("5550103") << QStringList {"Dots", "Dan"};
    QTest::newRow("brackets and dash") << QStringLiteral("(555) 010-3") << QStringList {"Dots", "Dan"};
    QTest::newRow("dots") << QStringLiteral("555.0103") << QStringList {"Dots", "Dan"};
    QTest::newRow("part of the number") << QStringLiteral("79 46") << QStringList {"Carol"};
    QTest::newRow("other number") << QStringLiteral("+1 555 0199") << QStringList {};
    QTest::newRow("a name is not a number") << QStringLiteral("Carol") << QStringList {"Carol"};
}

void TestCallLog::searchByDigits()
{
    QFETCH(QString, search);
    QFETCH(QStringList, names);
    CallLog log(nullptr);
    QVERIFY(log.open(m_dir.filePath(QStringLiteral("digits-%1.sqlite").arg(QTest::currentDataTag()))));
    const QList<QPair<QString, QString>> stored {
        {QStringLiteral("Dan"), QStringLiteral("+1 555 0103")},
        {QStringLiteral("Carol"), QStringLiteral("+44 20 7946 0102")},
        {QStringLiteral("Dots"), QStringLiteral("1.555.010.3")}};
    for (int i = 0; i < stored.size(); ++i) {
        CallRecord r;
        r.sessionId = i + 1;
        r.lineId = QStringLiteral("sim/desk");
        r.remoteName = stored.at(i).first;
        r.remoteNumber = stored.at(i).second;
        r.terminatedAt = 1000 + i;
        QVERIFY(writeAndWait(log, r) > 0);
    }
    QStringList shown;
    for (const CallRecord &r : log.records(search))
        shown << r.remoteName;
    QCOMPARE(shown, names);
}

void TestCallLog::migratesSchemaTwo()
{
    const QString path = m_dir.filePath(QStringLiteral("schema2.sqlite"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("schema2"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral(
            "CREATE TABLE calls (id INTEGER PRIMARY KEY AUTOINCREMENT, session_id INTEGER NOT NULL, "
            "line_id TEXT NOT NULL, address TEXT, direction INTEGER, remote_number TEXT, remote_name TEXT, "
            "called_number TEXT, offered_at INTEGER, connected_at INTEGER, dropped_at INTEGER, idle_at "
            "INTEGER, terminated_at INTEGER NOT NULL, duration_ms INTEGER, final_state TEXT, final_mode "
            "TEXT, disconnect_mode TEXT, uui_sent BLOB, disposition TEXT, notes TEXT, is_conference INTEGER "
            "NOT NULL DEFAULT 0, privilege TEXT, recording_path TEXT)")));
        const QString insert = QStringLiteral(
            "INSERT INTO calls (session_id, line_id, terminated_at, remote_number, direction, connected_at, "
            "is_conference) VALUES (%1, 'sim/desk', %2, '%3', %4, %5, %6)");
        QVERIFY(q.exec(
            insert.arg(1).arg(1000).arg(QStringLiteral("+1 555 0103")).arg(int(Inbound)).arg(5).arg(0)));
        QVERIFY(q.exec(
            insert.arg(2).arg(2000).arg(QStringLiteral("(555) 010-9")).arg(int(Inbound)).arg(-1).arg(0)));
        QVERIFY(
            q.exec(insert.arg(3).arg(3000).arg(QStringLiteral("2002")).arg(int(Outbound)).arg(-1).arg(0)));
        QVERIFY(q.exec(insert.arg(4).arg(4000).arg(QString()).arg(int(Outbound)).arg(9).arg(1)));
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version=2")));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("schema2"));

    CallLog log(nullptr);
    QVERIFY2(log.open(path), qPrintable(log.errorString()));
    QStringList outcomes;
    for (const CallRecord &r : log.records())
        outcomes << r.outcome;
    QCOMPARE(outcomes, (QStringList {"conference", "unanswered", "missed", "answered"}));
    // Rows written before the migration are found by their digits too.
    QCOMPARE(log.records(QStringLiteral("555 0109")).size(), 1);
    QCOMPARE(log.records(QStringLiteral("+1 (555) 010-3")).size(), 1);
    {
        QSqlQuery version(QSqlDatabase::database(log.connectionName(), false));
        QVERIFY(version.exec(QStringLiteral("PRAGMA user_version")) && version.next());
        QCOMPARE(version.value(0).toInt(), 3);
    }
    log.close();
    CallLog reopened(nullptr);
    QVERIFY(reopened.open(path)); // the second open finds schema 3 and migrates nothing
    QCOMPARE(reopened.recordCount(), 4);
}

void TestCallLog::outboundRowKeepsDialledNumber()
{
    SimFixture fx;
    CallLog log(nullptr);
    QVERIFY(log.open(m_dir.filePath(QStringLiteral("outbound.sqlite"))));
    log.attach(&fx.engine());
    CallSession *s = fx.dialOut(QStringLiteral("20 02"));
    QVERIFY(s);
    QVERIFY(fx.connectOutbound(s, QStringLiteral("bob")));
    QCOMPARE(fx.completionOf(s->drop(QByteArray())), int(Success));
    QVERIFY(terminateAndWait(log, s));
    // Kept as the agent wrote it, and found by its digits.
    const QList<CallRecord> rows = log.records(QStringLiteral("2002"));
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().remoteNumber, QStringLiteral("20 02"));
    QCOMPARE(rows.first().direction, int(Outbound));
    QCOMPARE(rows.first().outcome, QStringLiteral("answered"));
}

void TestCallLog::ownerOnlyWhateverTheUmask_data()
{
    QTest::addColumn<int>("mask");
    QTest::addColumn<bool>("existingLoose"); // an earlier build left 0755 / 0644 behind
    QTest::newRow("umask 022, new") << 0022 << false;
    QTest::newRow("umask 000, new") << 0000 << false;
    QTest::newRow("umask 022, existing loose") << 0022 << true;
    QTest::newRow("umask 000, existing loose") << 0000 << true;
}

void TestCallLog::ownerOnlyWhateverTheUmask()
{
    QFETCH(int, mask);
    QFETCH(bool, existingLoose);
    const QString folder =
        m_dir.filePath(QStringLiteral("perm-%1").arg(QTest::currentDataTag()).replace(u' ', u'-'));
    const QString path = folder + QStringLiteral("/calls.sqlite");
    const mode_t before = ::umask(mode_t(mask));
    auto restoreUmask = qScopeGuard([before] { ::umask(before); });
    if (existingLoose) {
        CallLog earlier(nullptr);
        QVERIFY(earlier.open(path));
        CallRecord old;
        old.lineId = QStringLiteral("line-1");
        QVERIFY(writeAndWait(earlier, old) > 0);
        earlier.close();
        QVERIFY(::chmod(QFile::encodeName(folder).constData(), 0755) == 0);
        QVERIFY(::chmod(QFile::encodeName(path).constData(), 0644) == 0);
        QFile wal(path + QStringLiteral("-wal")); // what a crashed writer leaves
        QVERIFY(wal.open(QIODevice::WriteOnly));
        wal.close();
        QVERIFY(::chmod(QFile::encodeName(wal.fileName()).constData(), 0666) == 0);
    }
    CallLog log(nullptr);
    QVERIFY2(log.open(path), qPrintable(log.errorString()));
    CallRecord record;
    record.lineId = QStringLiteral("line-1");
    record.terminatedAt = 1;
    QVERIFY(writeAndWait(log, record) > 0);
    const auto modeOf = [](const QString &file) {
        struct stat info
        {
        };
        return ::stat(QFile::encodeName(file).constData(), &info) == 0 ? int(info.st_mode & 0777) : -1;
    };
    QCOMPARE(modeOf(folder), 0700);
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QCOMPARE(modeOf(path + suffix), 0600);
}

void TestCallLog::liveCallSurvivesKill()
{
    const QString path = m_dir.filePath(QStringLiteral("killed-live.sqlite"));
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(), {QString::fromLatin1(KillLiveArgument), path});
    QVERIFY(child.waitForFinished(30000));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);
    CallLog log(nullptr);
    QVERIFY(log.open(path));
    const QList<CallRecord> rows = log.records();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().outcome, QString::fromLatin1(CallLog::InterruptedOutcome));
    QCOMPARE(rows.first().remoteNumber, QStringLiteral("2001"));
    QCOMPARE(rows.first().recordingPath, QStringLiteral("/recordings/live.wav"));
    QCOMPARE(rows.first().notes, QStringLiteral("typed during the call"));
    // Handed to RecordingRepair by the console, once: a second open finds nothing live.
    QCOMPARE(log.interruptedRecordings(), QStringList {QStringLiteral("/recordings/live.wav")});
    QVERIFY(log.open(path));
    QVERIFY(log.interruptedRecordings().isEmpty());
    QVERIFY(rows.first().connectedAt > 0);
    QCOMPARE(rows.first().terminatedAt, rows.first().connectedAt); // the last time the row knew of
    CallHistoryModel model;
    model.setLog(&log);
    QAbstractItemModelTester tester(&model);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.data(model.index(0), CallHistoryModel::OutcomeRole).toString(),
             QStringLiteral("interrupted"));
}

void TestCallLog::liveRowCompletedAtTerminate()
{
    SimFixture fx;
    CallLog log(nullptr);
    QVERIFY(log.open(m_dir.filePath(QStringLiteral("live-then-done.sqlite"))));
    log.attach(&fx.engine());
    QSignalSpy written(&log, &CallLog::recordWritten);
    CallSession *a = fx.offer(QStringLiteral("alice"), nullptr, "queue 7");
    QVERIFY(a);
    QSqlQuery rows(QSqlDatabase::database(log.connectionName()));
    // Written at the offer, by the writer thread.
    QTRY_VERIFY(rows.exec(QStringLiteral("SELECT outcome FROM calls")) && rows.next());
    QCOMPARE(rows.value(0).toString(), QStringLiteral("live"));
    rows.finish();
    QCOMPARE(log.records().size(), 0); // readers list finished calls only
    QVERIFY(written.isEmpty());
    QCOMPARE(fx.completionOf(a->answer()), int(Success));
    QCOMPARE(fx.completionOf(a->drop()), int(Success));
    a->setWrapUp(QStringLiteral("sale"), {});
    QCOMPARE(a->terminate(), int(Success));
    QVERIFY(written.wait());
    QCOMPARE(written.size(), 1);
    QCOMPARE(log.recordCount(), 1);
    QVERIFY(rows.exec(QStringLiteral("SELECT COUNT(*) FROM calls")) && rows.next());
    QCOMPARE(rows.value(0).toInt(), 1); // the same row, completed
    const CallRecord r = log.records().first();
    QCOMPARE(r.outcome, QStringLiteral("answered"));
    QCOMPARE(r.disposition, QStringLiteral("sale"));
}

void TestCallLog::openHandlesCompletedAtClose()
{
    // A console closing with handles it never terminated (a dropped call in wrap-up, a call still talking):
    // their rows complete as they stand, the ended one with its outcome and UUI, the other "interrupted".
    const QString path = m_dir.filePath(QStringLiteral("closed-with-handles.sqlite"));
    {
        SimFixture fx;
        CallLog log(nullptr);
        QVERIFY(log.open(path));
        log.attach(&fx.engine());
        CallSession *ended = fx.offer(QStringLiteral("alice"), nullptr, "queue 7");
        CallSession *talking = fx.offer(QStringLiteral("bob"), nullptr, "queue 8");
        QVERIFY(ended && talking);
        QCOMPARE(fx.completionOf(ended->answer()), int(Success));
        QCOMPARE(fx.completionOf(ended->drop(QByteArrayLiteral("bye"))), int(Success));
        QCOMPARE(ended->state(), Tapi::Idle);
        QCOMPARE(fx.completionOf(talking->answer()), int(Success));
        ended->setWrapUp(QStringLiteral("sale"), QStringLiteral("typed"));
        QSignalSpy written(&log, &CallLog::recordWritten);
        log.finishOpenCalls();
        QTRY_COMPARE(written.size(), 2);
        log.close();
    }
    CallLog log(nullptr);
    QVERIFY(log.open(path));
    QVERIFY(log.interruptedRecordings().isEmpty());
    QList<CallRecord> rows = log.records();
    QCOMPARE(rows.size(), 2);
    std::sort(rows.begin(), rows.end(),
              [](const CallRecord &a, const CallRecord &b) { return a.outcome < b.outcome; });
    QCOMPARE(rows.at(0).outcome, QStringLiteral("answered"));
    QCOMPARE(rows.at(0).finalState, QStringLiteral("IDLE"));
    QCOMPARE(rows.at(0).uuiSent, QByteArrayLiteral("bye"));
    QCOMPARE(rows.at(0).disposition, QStringLiteral("sale"));
    QCOMPARE(rows.at(0).notes, QStringLiteral("typed"));
    QCOMPARE(rows.at(1).outcome, QString::fromLatin1(CallLog::InterruptedOutcome));
    QCOMPARE(rows.at(1).finalState, QStringLiteral("CONNECTED"));
    QSqlQuery count(QSqlDatabase::database(log.connectionName()));
    QVERIFY(count.exec(QStringLiteral("SELECT COUNT(*) FROM calls")) && count.next());
    QCOMPARE(count.value(0).toInt(), 2); // the live rows, completed: no second row per call
}

void TestCallLog::writesLandInOrder()
{
    // The writer takes the calls in the order they end, and a wrap-up given after a call ended lands after
    // its row was completed: the other way round, the completion would blank the disposition.
    SimFixture fx;
    CallLog log(nullptr);
    QVERIFY(log.open(m_dir.filePath(QStringLiteral("order.sqlite"))));
    log.attach(&fx.engine());
    QSignalSpy written(&log, &CallLog::recordWritten);
    QSignalSpy updated(&log, &CallLog::recordUpdated);
    QList<int> ended;
    for (int i = 0; i < 20; ++i) {
        CallSession *a = endCall(fx, i % 2 ? Ending::Rejected : Ending::LocalDropWithUui);
        QVERIFY(a);
        ended << a->sessionId();
        // The writer reports back through the GUI thread's event loop, which does not run between the
        // terminate and the check: a row announced here would have been written while terminate waited.
        // (Between calls the loop runs, so a fast writer may announce earlier rows; that is fine.)
        const qsizetype announced = written.size();
        QCOMPARE(a->terminate(), int(Success));
        a->setWrapUp(QStringLiteral("callback"), QString::number(i)); // the detached handle, not yet freed
        QCOMPARE(written.size(), announced);
    }
    QTRY_COMPARE_WITH_TIMEOUT(updated.size(), 20, 20000);
    QCOMPARE(written.size(), 20);
    for (int i = 0; i < ended.size(); ++i)
        QCOMPARE(written.at(i).at(1).toInt(), ended.at(i));
    const QList<CallRecord> rows = log.records();
    QCOMPARE(rows.size(), 20);
    for (const CallRecord &r : rows) {
        QCOMPARE(r.disposition, QStringLiteral("callback"));
        QCOMPARE(r.notes, QString::number(ended.indexOf(r.sessionId)));
    }
}

void TestCallLog::damagedFileSetAside_data()
{
    QTest::addColumn<bool>("garbage"); // a file that is no database, or one with a damaged page
    QTest::newRow("garbage file") << true;
    QTest::newRow("corrupted page") << false;
}

void TestCallLog::damagedFileSetAside()
{
    QFETCH(bool, garbage);
    const QString folder = m_dir.filePath(QStringLiteral("damaged-%1").arg(garbage));
    QVERIFY(QDir().mkpath(folder));
    const QString path = folder + QStringLiteral("/calls.sqlite");
    QByteArray damaged;
    if (garbage) {
        damaged = QByteArray("this is not a database, whatever its name says").repeated(100);
    } else {
        CallLog earlier(nullptr);
        QVERIFY(earlier.open(path));
        QSignalSpy written(&earlier, &CallLog::recordWritten);
        for (int i = 0; i < 200; ++i) {
            CallRecord r;
            r.lineId = QStringLiteral("line-1");
            r.notes = QString(200, u'n');
            earlier.write(r);
        }
        // 200 synced writes: 5.25 s were seen on a loaded machine, so the default 5 s wait is too short.
        QTRY_COMPARE_WITH_TIMEOUT(written.size(), 200, 30000);
        earlier.close();
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        damaged = file.readAll();
        QVERIFY(damaged.size() > 8 * 4096);
        damaged.replace(3 * 4096, 4096, QByteArray(4096, '\x5a')); // a page of the calls table
    }
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(damaged);
    }
    QFile::remove(path + QStringLiteral("-wal"));
    QFile::remove(path + QStringLiteral("-shm"));
    // A call that could not be completed in the damaged file waits in the queue: it lands in the new one.
    PendingWrite queued;
    queued.row = 7;
    queued.record.lineId = QStringLiteral("line-1");
    queued.record.remoteName = QStringLiteral("Queued Quinn");
    queued.record.terminatedAt = 5;
    QVERIFY(CallLogJournal(path + QStringLiteral(".pending")).append(queued));

    CallLog log(nullptr);
    QSignalSpy problem(&log, &CallLog::problemChanged);
    QVERIFY2(log.open(path), qPrintable(log.errorString()));
    QCOMPARE(problem.size(), 1);
    const QStringList aside = QDir(folder).entryList({QStringLiteral("calls.sqlite.corrupt-*")});
    QCOMPARE(aside.size(), 1);
    QVERIFY(QRegularExpression(QStringLiteral("^calls\\.sqlite\\.corrupt-\\d{8}-\\d{6}$"))
                .match(aside.first())
                .hasMatch());
    QVERIFY2(log.problem().contains(aside.first()), qPrintable(log.problem()));
    QFile kept(QDir(folder).filePath(aside.first()));
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), damaged); // untouched, for whoever wants to look at it
    QCOMPARE(log.recordCount(), 1); // a fresh log with the queued call, and calls are recorded again
    QCOMPARE(log.records().first().remoteName, QStringLiteral("Queued Quinn"));
    QCOMPARE(log.pendingCount(), 0);
    CallRecord r;
    r.sessionId = 99;
    r.lineId = QStringLiteral("line-1");
    r.terminatedAt = 1;
    QVERIFY(writeAndWait(log, r) > 0);
    QCOMPARE(log.recordCount(), 2);
}

namespace {
// Another process's connection holding the write lock (BEGIN EXCLUSIVE) until released.
struct Locker
{
    explicit Locker(const QString &path)
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        locked = db.open() && QSqlQuery(db).exec(QStringLiteral("BEGIN EXCLUSIVE"));
    }
    void release()
    {
        if (locked)
            QSqlQuery(QSqlDatabase::database(name, false)).exec(QStringLiteral("COMMIT"));
        locked = false;
    }
    ~Locker()
    {
        release();
        QSqlDatabase::database(name, false).close();
        QSqlDatabase::removeDatabase(name);
    }
    QString name = QStringLiteral("locker");
    bool locked = false;
};

} // namespace

void TestCallLog::lockedDatabaseRetriedWithoutBlocking()
{
    const QString path = m_dir.filePath(QStringLiteral("locked.sqlite"));
    SimFixture fx;
    CallLog log(nullptr);
    QVERIFY(log.open(path));
    log.attach(&fx.engine());
    CallSession *a = endCall(fx, Ending::LocalDropWithUui);
    QVERIFY(a);
    const int sessionId = a->sessionId();
    // The call's live row is in before the lock (a loaded machine's writer thread may not have got to it
    // yet): the completion and the wrap-up are then two writes for the row, queued one after the other.
    log.waitForWrites();
    Locker locker(path);
    QVERIFY(locker.locked);
    GapMeter gaps;
    QElapsedTimer terminating;
    terminating.start();
    QCOMPARE(a->terminate(), int(Success));
    const qint64 terminateMs = terminating.elapsed();
    // The terminated handle's wrap-up (before it is freed) is queued behind the row's completion.
    a->setWrapUp(QStringLiteral("sale"), QStringLiteral("after the call"));
    QTRY_COMPARE(log.pendingCount(), 2);
    QVERIFY(QFileInfo::exists(path + QStringLiteral(".pending")));
    QCOMPARE(QFileInfo(path + QStringLiteral(".pending")).permissions() & 0x0077, QFileDevice::Permissions());
    QTest::qWait(600); // two retries fail against the lock (250 ms, 500 ms)
    QCOMPARE(log.recordCount(), 0);
    locker.release();
    QTRY_COMPARE_WITH_TIMEOUT(log.recordCount(), 1, 5000);
    QTRY_COMPARE(log.pendingCount(), 0);
    QVERIFY(!QFileInfo::exists(path + QStringLiteral(".pending")));
    const CallRecord r = log.records().first();
    QCOMPARE(r.sessionId, sessionId);
    QCOMPARE(r.outcome, QStringLiteral("answered"));
    QCOMPARE(r.uuiSent, QByteArray("thanks 8812"));
    QCOMPARE(r.disposition, QStringLiteral("sale"));
    qInfo("terminate took %lld ms; longest GUI-thread gap %lld ms", terminateMs, gaps.longest);
    QVERIFY2(terminateMs < 50, qPrintable(QString::number(terminateMs)));
    QVERIFY2(gaps.longest < 50, qPrintable(QString::number(gaps.longest)));
}

void TestCallLog::pendingWriteSurvivesRestart()
{
    const QString path = m_dir.filePath(QStringLiteral("restart.sqlite"));
    {
        SimFixture fx;
        CallLog log(nullptr);
        QVERIFY(log.open(path));
        log.attach(&fx.engine());
        CallSession *a = endCall(fx, Ending::RemoteHangupBusy);
        QVERIFY(a);
        Locker locker(path);
        QVERIFY(locker.locked);
        QCOMPARE(a->terminate(), int(Success));
        QTRY_COMPARE(log.pendingCount(), 1);
    } // the console stops with the write pending; the lock goes
    CallLog log(nullptr);
    QVERIFY(log.open(path));
    QCOMPARE(log.pendingCount(), 0);
    const QList<CallRecord> rows = log.records();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().disconnectMode, QStringLiteral("BUSY"));
    QCOMPARE(rows.first().uuiReceived.size(), 2); // queue 7, bye
    QVERIFY(!QFileInfo::exists(path + QStringLiteral(".pending")));
}

void TestCallLog::readOnlyThenWritable()
{
    // Root writes through permissions: the immutable attribute stands in for a read-only file there.
    if (::geteuid() != 0)
        QSKIP("needs root for chattr +i (a user's own file is made writable again by open())");
    const QString path = m_dir.filePath(QStringLiteral("read-only/calls.sqlite"));
    {
        CallLog earlier(nullptr);
        QVERIFY(earlier.open(path));
    }
    QFile::remove(path + QStringLiteral("-wal"));
    QFile::remove(path + QStringLiteral("-shm"));
    if (QProcess::execute(QStringLiteral("chattr"), {QStringLiteral("+i"), path}) != 0)
        QSKIP("chattr +i is not available here");
    auto writable = qScopeGuard([&] {
        QProcess::execute(QStringLiteral("chattr"), {QStringLiteral("-i"), path});
    });
    SimFixture fx;
    CallLog log(nullptr);
    QVERIFY(!log.open(path));
    log.attach(&fx.engine());
    CallSession *a = endCall(fx, Ending::Rejected);
    QVERIFY(a);
    QCOMPARE(a->terminate(), int(Success));
    QTRY_COMPARE(log.pendingCount(), 1);
    QTest::qWait(400); // a retry fails while the file is read-only
    QVERIFY(!log.isOpen());
    writable.dismiss();
    QCOMPARE(QProcess::execute(QStringLiteral("chattr"), {QStringLiteral("-i"), path}), 0);
    QTRY_VERIFY_WITH_TIMEOUT(log.isOpen(), 5000);
    QCOMPARE(log.pendingCount(), 0);
    const QList<CallRecord> rows = log.records();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().outcome, QStringLiteral("rejected"));
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc == 3 && qstrcmp(argv[1], KillArgument) == 0)
        return writeAndKill(QString::fromLocal8Bit(argv[2]));
    if (argc == 3 && qstrcmp(argv[1], KillLiveArgument) == 0)
        return liveAndKill(QString::fromLocal8Bit(argv[2]));
    TestCallLog test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_call_log.moc"
