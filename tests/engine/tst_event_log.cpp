// EventLogModel: one row per state-change signal in emission order, filters by session and by
// conference (a party keeps its conference for the IDLE after it leaves), bounded capacity, and the
// JSON-lines export of exactly the visible rows.
#include "SimFixture.h"

#include "core/Tapi.h"
#include "log/EventLogModel.h"
#include "session/CallSession.h"

#include <QtCore/qbuffer.h>
#include <QtCore/qjsondocument.h>
#include <QtCore/qjsonobject.h>
#include <QtCore/qtemporarydir.h>
#include <QtTest/qabstractitemmodeltester.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

using namespace Tapi;

namespace {
// "session:FROM->TO[/MODE]" for every visible row.
QStringList rows(const EventLogModel &model)
{
    QStringList result;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex i = model.index(row);
        QString text = QStringLiteral("%1:%2->%3")
                           .arg(model.data(i, EventLogModel::SessionIdRole).toInt())
                           .arg(model.data(i, EventLogModel::OldStateNameRole).toString(),
                                model.data(i, EventLogModel::StateNameRole).toString());
        const QString mode = model.data(i, EventLogModel::ModeNameRole).toString();
        if (!mode.isEmpty())
            text += QLatin1Char('/') + mode;
        result << text;
    }
    return result;
}

QString n(const CallSession *s)
{
    return QString::number(s->sessionId());
}
} // namespace

class TestEventLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recordsEveryStateChange();
    void filters_data();
    void filters();
    void capacityDropsOldest();
    void exportsVisibleRowsAsJsonLines();
};

void TestEventLog::recordsEveryStateChange()
{
    SimFixture fx;
    EventLogModel log(nullptr);
    QAbstractItemModelTester tester(&log, QAbstractItemModelTester::FailureReportingMode::QtTest);
    log.attach(&fx.engine());
    QSignalSpy inserted(&log, &QAbstractItemModel::rowsInserted);
    CallSession *a = fx.answered(QStringLiteral("alice"));
    QVERIFY(a);
    QVERIFY(fx.sim().remoteHangup(QStringLiteral("alice"), DisconnectBusy));
    fx.settle();
    QCOMPARE(rows(log),
             (QStringList {n(a) + ":NOSTATE->OFFERING/ACTIVE", n(a) + ":OFFERING->CONNECTED/ACTIVE",
                           n(a) + ":CONNECTED->DISCONNECTED/BUSY"}));
    QCOMPARE(inserted.size(), 3);
    const QModelIndex last = log.index(2);
    QCOMPARE(log.data(last, EventLogModel::CauseRole).toString(), QStringLiteral("DISCONNECTBUSY"));
    QCOMPARE(log.data(last, EventLogModel::CauseValueRole).toInt(), int(Tapi::CecDisconnectBusy));
    QCOMPARE(log.data(last, EventLogModel::LineIdRole).toString(), QStringLiteral("sim/desk"));
    QCOMPARE(log.data(last, EventLogModel::TimeMsRole).toLongLong(), fx.engine().nowMs());
    QCOMPARE(log.data(last, EventLogModel::ConferenceIdRole).toInt(), 0);
}

void TestEventLog::filters_data()
{
    QTest::addColumn<QString>("filter"); // "session A", "conference", "session C", "none"
    QTest::newRow("none") << QStringLiteral("none");
    QTest::newRow("one party") << QStringLiteral("party");
    QTest::newRow("conference") << QStringLiteral("conference");
}

void TestEventLog::filters()
{
    QFETCH(QString, filter);
    SimFixture fx;
    EventLogModel log(nullptr);
    QAbstractItemModelTester tester(&log, QAbstractItemModelTester::FailureReportingMode::QtTest);
    log.attach(&fx.engine());
    CallSession *other = fx.offer(QStringLiteral("carol")); // not in the conference
    QVERIFY(other);
    const SimFixture::Conference conf = fx.conference({QStringLiteral("alice"), QStringLiteral("bob")});
    QVERIFY(conf.parent);
    CallSession *first = conf.members.at(0);
    // alice leaves: her IDLE is still part of the conference's story.
    QVERIFY(fx.sim().remoteHangup(QStringLiteral("alice"), DisconnectNormal));
    fx.settle();
    QCOMPARE(fx.completionOf(first->drop(QByteArray())), int(Success));
    QCOMPARE(first->state(), int(Idle));
    const int total = log.totalCount();

    QSignalSpy filterChanged(&log, &EventLogModel::filterChanged);
    if (filter == QLatin1String("party")) {
        log.setSessionFilter(first->sessionId());
        QCOMPARE(
            rows(log),
            (QStringList {n(first) + ":NOSTATE->OFFERING/ACTIVE", n(first) + ":OFFERING->CONNECTED/ACTIVE",
                          n(first) + ":CONNECTED->CONFERENCED",
                          n(first) + ":CONFERENCED->DISCONNECTED/NORMAL", n(first) + ":DISCONNECTED->IDLE"}));
    } else if (filter == QLatin1String("conference")) {
        log.setConferenceFilter(conf.parent->sessionId());
        const QStringList shown = rows(log);
        QVERIFY(!shown.isEmpty());
        QCOMPARE(shown.filter(QRegularExpression(QStringLiteral("^%1:").arg(other->sessionId()))).size(), 0);
        QVERIFY(shown.contains(n(first) + ":CONNECTED->CONFERENCED"));
        QVERIFY(shown.contains(n(first) + ":DISCONNECTED->IDLE"));
        QVERIFY(shown.contains(n(conf.members.at(1)) + ":CONNECTED->CONFERENCED"));
        QVERIFY(shown.filter(QRegularExpression(QStringLiteral("^%1:").arg(conf.parent->sessionId()))).size()
                >= 1);
        for (int row = 0; row < log.rowCount(); ++row) {
            const QModelIndex i = log.index(row);
            QVERIFY(log.data(i, EventLogModel::ConferenceIdRole).toInt() == conf.parent->sessionId()
                    || log.data(i, EventLogModel::SessionIdRole).toInt() == conf.parent->sessionId());
        }
    } else {
        QCOMPARE(log.rowCount(), total);
    }
    QCOMPARE(filterChanged.size(), filter == QLatin1String("none") ? 0 : 1);
    QCOMPARE(log.totalCount(), total); // filters hide, never lose
    log.setSessionFilter(0);
    log.setConferenceFilter(0);
    QCOMPARE(log.rowCount(), total);
}

void TestEventLog::capacityDropsOldest()
{
    EventLogModel log(nullptr);
    QAbstractItemModelTester tester(&log, QAbstractItemModelTester::FailureReportingMode::QtTest);
    log.setCapacity(3);
    log.setSessionFilter(2);
    for (int i = 0; i < 6; ++i) {
        EventLogModel::Event e;
        e.sessionId = 1 + i % 2;
        e.timeMs = i;
        e.state = Connected;
        log.append(e);
    }
    QCOMPARE(log.totalCount(), 3); // events 3, 4, 5
    QCOMPARE(log.rowCount(), 2); // of them, session 2: 3 and 5
    QCOMPARE(log.data(log.index(0), EventLogModel::TimeMsRole).toLongLong(), qint64(3));
    QCOMPARE(log.data(log.index(1), EventLogModel::TimeMsRole).toLongLong(), qint64(5));
    log.setSessionFilter(0);
    QCOMPARE(log.rowCount(), 3);
    log.clear();
    QCOMPARE(log.rowCount(), 0);
    QCOMPARE(log.totalCount(), 0);
}

void TestEventLog::exportsVisibleRowsAsJsonLines()
{
    SimFixture fx;
    EventLogModel log(nullptr);
    log.attach(&fx.engine());
    CallSession *a = fx.answered(QStringLiteral("alice"));
    CallSession *b = fx.offer(QStringLiteral("bob"));
    QVERIFY(a && b);
    log.setSessionFilter(a->sessionId());
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QString error;
    QVERIFY(log.exportJsonLines(&buffer, &error));
    const QList<QByteArray> lines = buffer.data().split('\n');
    QCOMPARE(lines.size(), 3); // two events and the empty tail after the last newline
    QVERIFY(lines.last().isEmpty());
    const QJsonObject second = QJsonDocument::fromJson(lines.at(1)).object();
    QCOMPARE(second.value(QStringLiteral("session")).toInt(), a->sessionId());
    QCOMPARE(second.value(QStringLiteral("from")).toString(), QStringLiteral("OFFERING"));
    QCOMPARE(second.value(QStringLiteral("state")).toString(), QStringLiteral("CONNECTED"));
    QCOMPARE(second.value(QStringLiteral("mode")).toString(), QStringLiteral("ACTIVE"));
    QCOMPARE(second.value(QStringLiteral("line")).toString(), QStringLiteral("sim/desk"));
    QCOMPARE(second.value(QStringLiteral("t")).toInteger(), fx.engine().nowMs());
    QVERIFY(second.value(QStringLiteral("time")).toString().endsWith(QLatin1Char('Z')));

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("events.jsonl"));
    QCOMPARE(log.exportToFile(QUrl::fromLocalFile(path).toString()), QString());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), buffer.data());
    QVERIFY(!log.exportToFile(QStringLiteral("http://example.invalid/x.jsonl")).isEmpty());
    QVERIFY(!log.exportToFile(dir.filePath(QStringLiteral("missing/folder/x.jsonl"))).isEmpty());
}

QTEST_GUILESS_MAIN(TestEventLog)
#include "tst_event_log.moc"
