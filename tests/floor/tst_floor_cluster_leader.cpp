// The floor on a 3-node NATS cluster (JetStream R3) when the node that leads the bucket's stream dies while
// the agent's console stays connected to a node that lives: the console's connection never drops, only the
// bucket stops taking writes until the others elect a new leader. The changes made meanwhile reach the bucket
// as soon as it has one, not at the next periodic rewrite. (tst_floor's clusterNodeKilled kills the console's
// own node.)
#include "FloorCluster.h"
#include "FloorTestConsoles.h"

#include "session/CallSession.h"

#include <QtCore/qhash.h>
#include <QtCore/qjsondocument.h>
#include <QtCore/qtemporarydir.h>
#include <QtTest/qtest.h>

using namespace FloorTest;

class TestFloorCluster : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bucketLeaderKilled();
};

void TestFloorCluster::bucketLeaderKilled()
{
    QTemporaryDir stores;
    std::vector<std::unique_ptr<NatsServer>> nodes;
    QStringList urls;
    QString log;
    QVERIFY2(FloorCluster::start(nodes, urls, stores.path(), &log), qPrintable(log));
    FloorSettings settings = settingsFor({urls.at(0)}, QStringLiteral("a7"));
    settings.replicas = 3;
    // Rewritten every 100 s: a change the bucket did not take is not written again by the periodic rewrite
    // within this test.
    settings.ttlSeconds = 300;
    AgentConsole console(settings);
    QTRY_COMPARE_WITH_TIMEOUT(console.link.status(), FloorLink::Connected, 15000);
    QVERIFY2(console.link.server().endsWith(QStringLiteral(":%1").arg(nodes.at(0)->port())),
             qPrintable(console.link.server()));
    const QString home = urls.at(0);
    const int victim = 1;
    QVERIFY(FloorCluster::moveLeader(home, "KV_hookline_floor", victim));
    QCOMPARE(console.agent.requestState(AgentState::Ready), AgentState::Applied);
    CallSession *call = console.fx.answered(QStringLiteral("alice"));
    QVERIFY(call);
    const auto inBucket = [&](const QString &key) {
        return QJsonDocument::fromJson(FloorCluster::bucketValue(home, QStringLiteral("hookline_floor"), key))
            .object()
            .value(QStringLiteral("state"))
            .toString();
    };
    const QString first = FloorPublisher::callKey(QStringLiteral("a7"), call->sessionId());
    QTRY_COMPARE_WITH_TIMEOUT(inBucket(first), QStringLiteral("CONNECTED"), WaitMs);

    QObject guard; // goes before the containers below: the console's last signals come after this test
    QList<FloorLink::Status> statuses;
    connect(&console.link, &FloorLink::statusChanged, &guard, [&] { statuses << console.link.status(); });
    QElapsedTimer failover;
    QHash<QString, qint64> writtenMs; // the last write of each key the bucket acknowledged, after the kill
    connect(&console.link, &FloorLink::entryWritten, &guard,
            [&](const QString &key) { writtenMs.insert(key, failover.elapsed()); });
    failover.start();
    nodes.at(victim)->kill();
    const FloorCluster::LeaderWatch election(home, "KV_hookline_floor", victim, failover);
    // Changes while the bucket has no leader: the call held, a second call answered.
    QVERIFY(call->hold() > 0);
    console.fx.settle();
    CallSession *second = console.fx.answered(QStringLiteral("bob"));
    QVERIFY(second);
    const QString next = FloorPublisher::callKey(QStringLiteral("a7"), second->sessionId());
    // The bucket takes no writes: the console says so (its connection is up: requests still go).
    QTRY_COMPARE_WITH_TIMEOUT(console.link.status(), FloorLink::Reconnecting, WaitMs);
    QVERIFY2(console.link.statusReason().startsWith(QLatin1String("JetStream unavailable")),
             qPrintable(console.link.statusReason()));
    QTRY_VERIFY_WITH_TIMEOUT(election.electedMs() >= 0, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(inBucket(first), QStringLiteral("ONHOLD"), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(inBucket(next), QStringLiteral("CONNECTED"), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(writtenMs.contains(first) && writtenMs.contains(next), WaitMs);
    const qint64 backMs = std::max(writtenMs.value(first), writtenMs.value(next));
    qInfo("bucket leader killed: the stream elected a leader %lld ms after the node died; the changes made "
          "meanwhile were in the bucket at %lld ms, %lld ms after the election",
          election.electedMs(), backMs, backMs - election.electedMs());
    // Soon after the election (asked every RetryMs with a short wait), not after a put's timeouts or the
    // periodic rewrite; generous for a loaded machine.
    QVERIFY2(backMs - election.electedMs() < 3000,
             qPrintable(QString::number(backMs - election.electedMs())));
    // The console's connection never dropped: it was not refused either.
    QVERIFY(!statuses.contains(FloorLink::Failed));
    QTRY_COMPARE_WITH_TIMEOUT(console.link.status(), FloorLink::Connected, WaitMs);
}

QTEST_GUILESS_MAIN(TestFloorCluster)
#include "tst_floor_cluster_leader.moc"
