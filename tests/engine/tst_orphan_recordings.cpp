// A recording a kill left without its row's link (issue 13): the audio thread creates the file when the
// recording starts and the row links it a moment later, so a kill in between leaves a file no row names.
// The next open of the call log gives it to the interrupted call it belongs to. Seen in console_kill under
// load: "recording .../call-20261207-154235-s4.wav is linked from 0 rows".
#include "SimFixture.h"

#include "core/Tapi.h"
#include "log/CallLog.h"
#include "log/OrphanRecordings.h"
#include "session/CallSession.h"

#include <QtCore/qdatetime.h>
#include <QtCore/qdir.h>
#include <QtCore/qfile.h>
#include <QtCore/qfileinfo.h>
#include <QtCore/qtemporarydir.h>
#include <QtSql/qsqldatabase.h>
#include <QtSql/qsqlquery.h>
#include <QtTest/qtest.h>

namespace {
QString stemTime(qint64 msSinceEpoch)
{
    return QDateTime::fromMSecsSinceEpoch(msSinceEpoch).toString(QStringLiteral("yyyyMMdd-HHmmss"));
}

bool touch(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write("RIFF") == 4;
}
} // namespace

class TestOrphanRecordings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void linkedToTheInterruptedCall();

private:
    QTemporaryDir m_dir;
};

void TestOrphanRecordings::parse_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("hookline");
    QTest::addColumn<int>("sessionId");
    QTest::addColumn<QString>("started");
    QTest::newRow("wav") << "call-20261207-154235-s4.wav" << true << 4 << "2026-12-07T15:42:35";
    QTest::newRow("second of the second")
        << "call-20261207-154235-s12-2.flac" << true << 12 << "2026-12-07T15:42:35";
    QTest::newRow("ogg opus") << "call-20270101-000000-s1.opus" << true << 1 << "2027-01-01T00:00:00";
    QTest::newRow("another program's") << "call-notes.wav" << false << 0 << "";
    QTest::newRow("no session") << "call-20261207-154235.wav" << false << 0 << "";
    QTest::newRow("not a format") << "call-20261207-154235-s4.mp3" << false << 0 << "";
    QTest::newRow("no such day") << "call-20261332-154235-s4.wav" << false << 0 << "";
    QTest::newRow("a suffix after") << "call-20261207-154235-s4.wav.part" << false << 0 << "";
}

void TestOrphanRecordings::parse()
{
    QFETCH(QString, name);
    QFETCH(bool, hookline);
    QFETCH(int, sessionId);
    QFETCH(QString, started);
    const std::optional<OrphanRecordings::Name> parsed = OrphanRecordings::parse(name);
    QCOMPARE(parsed.has_value(), hookline);
    if (!hookline)
        return;
    QCOMPARE(parsed->sessionId, sessionId);
    QCOMPARE(QDateTime::fromMSecsSinceEpoch(parsed->startedMs), QDateTime::fromString(started, Qt::ISODate));
}

void TestOrphanRecordings::linkedToTheInterruptedCall()
{
    const QString path = m_dir.filePath(QStringLiteral("calls.sqlite"));
    const QString folder = m_dir.filePath(QStringLiteral("recordings"));
    QVERIFY(QDir().mkpath(folder));
    int sessionId = 0;
    qint64 offeredAt = 0;
    {
        // A call answered while the log was open, and the console gone before the row knew its recording:
        // the row stays live (closing the log is not finishing its calls).
        SimFixture fx;
        CallLog log(nullptr);
        QVERIFY(log.open(path));
        log.attach(&fx.engine());
        CallSession *call = fx.offer(QStringLiteral("alice"));
        QVERIFY(call);
        QCOMPARE(fx.completionOf(call->answer()), int(Tapi::Success));
        log.waitForWrites();
        sessionId = call->sessionId();
        offeredAt = call->offeredAt().toMSecsSinceEpoch();
    }
    // Its recording, begun after the offer, a file of the same session begun before the call (an earlier
    // run's), one of another session, and a file Hookline did not name.
    const QString orphan = QDir(folder).filePath(
        QStringLiteral("call-%1-s%2.wav").arg(stemTime(offeredAt + 200)).arg(sessionId));
    const QString earlier = QDir(folder).filePath(
        QStringLiteral("call-%1-s%2.wav").arg(stemTime(offeredAt - 5000)).arg(sessionId));
    const QString otherSession = QDir(folder).filePath(
        QStringLiteral("call-%1-s%2.wav").arg(stemTime(offeredAt + 200)).arg(sessionId + 1));
    const QString foreign = QDir(folder).filePath(QStringLiteral("interview.wav"));
    for (const QString &file : {orphan, earlier, otherSession, foreign})
        QVERIFY(touch(file));

    CallLog log(nullptr);
    log.setRecordingFolders({folder, QString(), folder + QStringLiteral("/.")}); // empty and twice: once
    QVERIFY(log.open(path));
    const QList<CallRecord> rows = log.records();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().outcome, QString::fromLatin1(CallLog::InterruptedOutcome));
    QCOMPARE(rows.first().recordingPath, QFileInfo(orphan).absoluteFilePath());
    // Handed to RecordingRepair with the other recordings the kill cut short.
    QCOMPARE(log.interruptedRecordings(), QStringList {QFileInfo(orphan).absoluteFilePath()});
    // Nothing else was touched, and a second open finds nothing to do.
    for (const QString &file : {earlier, otherSession, foreign})
        QVERIFY(QFileInfo::exists(file));
    QVERIFY(log.open(path));
    QVERIFY(log.interruptedRecordings().isEmpty());
    QCOMPARE(log.records().first().recordingPath, QFileInfo(orphan).absoluteFilePath());
}

QTEST_GUILESS_MAIN(TestOrphanRecordings)
#include "tst_orphan_recordings.moc"
