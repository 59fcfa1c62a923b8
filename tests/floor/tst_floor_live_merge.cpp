// FloorLiveMerge: which of a supervisor's two deliveries of each change (the live subject, the bucket's
// watcher) reach the model, so that the view follows the live path and never goes back to an older value the
// bucket still holds (a cluster electing the bucket's leader), and which live subjects are accepted at all.
#include "floor/FloorLiveMerge.h"

#include <QtTest/qtest.h>

namespace {
// One delivery: "live" or "bucket", the value ("" a removal), the time; and whether it reaches the model.
struct Step
{
    QString from;
    QByteArray value;
    qint64 atMs;
    bool delivered;
};
} // namespace

Q_DECLARE_METATYPE(QList<Step>)

class TestFloorLiveMerge : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void merge_data();
    void merge();
    void keyOf_data();
    void keyOf();
};

void TestFloorLiveMerge::merge_data()
{
    QTest::addColumn<QList<Step>>("steps");
    const QString live = QStringLiteral("live");
    const QString bucket = QStringLiteral("bucket");
    const QByteArray v1("{\"state\":\"CONNECTED\"}");
    const QByteArray v2("{\"state\":\"ONHOLD\"}");
    QTest::newRow("the bucket alone (no live path)")
        << QList<Step> {{bucket, v1, 0, true}, {bucket, v2, 10, true}};
    QTest::newRow("live first, then the bucket catching up") << QList<Step> {
        {live, v1, 0, true}, {bucket, v1, 5, false}, {live, v2, 10, true}, {bucket, v2, 15, false}};
    QTest::newRow("an election: the bucket replays the older value, then catches up")
        << QList<Step> {{bucket, v1, 0, true},
                        {live, v2, 1000, true},
                        {bucket, v1, 7000, false},
                        {bucket, v2, 7500, false},
                        {bucket, v1, 9000, true}}; // a later change that only the bucket carried
    QTest::newRow("a lost live message: the bucket wins once the hold is over")
        << QList<Step> {{live, v1, 0, true}, {bucket, v2, 100, false}, {bucket, v2, 15000, true}};
    QTest::newRow("rewrites of an unchanged value are delivered (they keep the entry from expiring)")
        << QList<Step> {{live, v1, 0, true},
                        {live, v1, 1333, true},
                        {bucket, v1, 1340, false},
                        {live, v1, 2666, true}};
    QTest::newRow("a removal, live then from the bucket") << QList<Step> {{live, v1, 0, true},
                                                                          {live, QByteArray(), 10, true},
                                                                          {bucket, v1, 20, false},
                                                                          {bucket, QByteArray(), 30, false}};
}

void TestFloorLiveMerge::merge()
{
    QFETCH(QList<Step>, steps);
    FloorLiveMerge merge(15000);
    const QString key = QStringLiteral("call.a1.7");
    for (int i = 0; i < steps.size(); ++i) {
        const Step &step = steps.at(i);
        const bool delivered = step.from == QLatin1String("live")
            ? merge.fromLive(key, step.value, step.atMs)
            : merge.fromBucket(key, step.value, step.atMs);
        QVERIFY2(delivered == step.delivered, qPrintable(QStringLiteral("step %1").arg(i)));
    }
    // Another key is not affected.
    QVERIFY(merge.fromBucket(QStringLiteral("agent.a1"), "{}", 0));
}

void TestFloorLiveMerge::keyOf_data()
{
    QTest::addColumn<QByteArray>("subject");
    QTest::addColumn<QString>("key");
    QTest::newRow("an agent's own agent key")
        << QByteArray("hookline.live.a1.agent.a1") << QStringLiteral("agent.a1");
    QTest::newRow("an agent's own call")
        << QByteArray("hookline.live.a1.call.a1.7") << QStringLiteral("call.a1.7");
    QTest::newRow("another agent's key") << QByteArray("hookline.live.a1.agent.a2") << QString();
    QTest::newRow("another agent's call") << QByteArray("hookline.live.a1.call.a2.7") << QString();
    QTest::newRow("not a floor key") << QByteArray("hookline.live.a1.other.a1") << QString();
    QTest::newRow("a call without its session") << QByteArray("hookline.live.a1.call.a1") << QString();
    QTest::newRow("no key") << QByteArray("hookline.live.a1") << QString();
    QTest::newRow("another subject") << QByteArray("hookline.audit.a1") << QString();
    QCOMPARE(FloorLiveMerge::liveSubject(QStringLiteral("a1"), QStringLiteral("call.a1.7")),
             QByteArray("hookline.live.a1.call.a1.7"));
    QCOMPARE(FloorLiveMerge::liveWildcard(), QByteArray("hookline.live.>"));
}

void TestFloorLiveMerge::keyOf()
{
    QFETCH(QByteArray, subject);
    QFETCH(QString, key);
    QCOMPARE(FloorLiveMerge::keyOf(subject), key);
}

QTEST_GUILESS_MAIN(TestFloorLiveMerge)
#include "tst_floor_live_merge.moc"
