#pragma once

// What the floor's cluster tests share: three nats-server nodes (JetStream, R3) on loopback, a look at which
// node leads a stream, a leader asked to step down, the time a stream has a new leader after its old one
// died, and a value read straight from the bucket.
#include "NatsServer.h"

#include <QtCore/qbytearray.h>
#include <QtCore/qelapsedtimer.h>
#include <QtCore/qstringlist.h>

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

namespace FloorCluster {
// Starts nodes n0..n(count-1) with their stores under storeRoot; false (the failing node's log in *log)
// when one does not come up.
bool start(std::vector<std::unique_ptr<NatsServer>> &nodes, QStringList &urls, const QString &storeRoot,
           QString *log, int count = 3);
// The node that leads a stream (-1 when none does now).
int streamLeaderNode(const QString &url, const char *stream);
// Asks a stream's leader to step down (the cluster elects another of its replicas).
void stepDown(const QString &url, const char *stream);
// Makes `node` lead the stream (asks the leader to step down until it does); false when 20 elections
// placed it elsewhere.
bool moveLeader(const QString &url, const char *stream, int node);
// A key's value in the bucket, read from the server at `url` ({} when it has none).
QByteArray bucketValue(const QString &url, const QString &bucket, const QString &key);

// When a stream has a leader other than node `gone` again, measured from `since` on a thread of its own:
// until the cluster elects one, nobody answers the stream's info.
class LeaderWatch
{
public:
    LeaderWatch(const QString &url, const QByteArray &stream, int gone, const QElapsedTimer &since);
    ~LeaderWatch();
    LeaderWatch(const LeaderWatch &) = delete;
    LeaderWatch &operator=(const LeaderWatch &) = delete;
    qint64 electedMs() const { return m_electedMs; } // -1 until then

private:
    std::atomic<qint64> m_electedMs {-1};
    std::atomic<bool> m_stop {false};
    std::thread m_thread;
};
} // namespace FloorCluster
