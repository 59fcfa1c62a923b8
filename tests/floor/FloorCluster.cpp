#include "FloorCluster.h"

#include <QtTest/qtest.h>

#include <nats/nats.h>

#include <chrono>

namespace FloorCluster {
bool start(std::vector<std::unique_ptr<NatsServer>> &nodes, QStringList &urls, const QString &storeRoot,
           QString *log, int count)
{
    QList<int> ports;
    QList<int> clusterPorts;
    for (int i = 0; i < count; ++i) {
        ports << NatsServer::freePort();
        clusterPorts << NatsServer::freePort();
    }
    for (int i = 0; i < count; ++i) {
        QList<int> routes = clusterPorts;
        routes.removeAt(i);
        nodes.push_back(std::make_unique<NatsServer>());
        if (!nodes.back()->startClusterNode(QStringLiteral("n%1").arg(i),
                                            storeRoot + QStringLiteral("/%1").arg(i), ports.at(i),
                                            clusterPorts.at(i), routes)) {
            *log = nodes.back()->log();
            return false;
        }
        urls << nodes.back()->url();
    }
    return true;
}

int streamLeaderNode(const QString &url, const char *stream)
{
    int node = -1;
    natsConnection *nc = nullptr;
    jsCtx *js = nullptr;
    jsStreamInfo *info = nullptr;
    if (natsConnection_ConnectTo(&nc, url.toUtf8().constData()) == NATS_OK
        && natsConnection_JetStream(&js, nc, nullptr) == NATS_OK
        && js_GetStreamInfo(&info, js, stream, nullptr, nullptr) == NATS_OK && info->Cluster
        && info->Cluster->Leader)
        node = QByteArray(info->Cluster->Leader).mid(1).toInt(); // n<i>
    jsStreamInfo_Destroy(info);
    jsCtx_Destroy(js);
    natsConnection_Destroy(nc);
    return node;
}

void stepDown(const QString &url, const char *stream)
{
    natsConnection *nc = nullptr;
    natsMsg *reply = nullptr;
    const QByteArray subject = QByteArray("$JS.API.STREAM.LEADER.STEPDOWN.") + stream;
    if (natsConnection_ConnectTo(&nc, url.toUtf8().constData()) == NATS_OK)
        natsConnection_RequestString(&reply, nc, subject.constData(), "", 2000);
    natsMsg_Destroy(reply);
    natsConnection_Destroy(nc);
}

bool moveLeader(const QString &url, const char *stream, int node)
{
    for (int attempt = 0; attempt < 20 && streamLeaderNode(url, stream) != node; ++attempt) {
        stepDown(url, stream);
        // The election after a step-down takes a moment; the next look waits for its result.
        if (!QTest::qWaitFor([&] { return streamLeaderNode(url, stream) >= 0; }, 15000))
            return false;
    }
    return streamLeaderNode(url, stream) == node;
}

QByteArray bucketValue(const QString &url, const QString &bucket, const QString &key)
{
    QByteArray value;
    natsConnection *nc = nullptr;
    jsCtx *js = nullptr;
    kvStore *kv = nullptr;
    kvEntry *entry = nullptr;
    if (natsConnection_ConnectTo(&nc, url.toUtf8().constData()) == NATS_OK
        && natsConnection_JetStream(&js, nc, nullptr) == NATS_OK
        && js_KeyValue(&kv, js, bucket.toUtf8().constData()) == NATS_OK
        && kvStore_Get(&entry, kv, key.toUtf8().constData()) == NATS_OK)
        value = QByteArray(static_cast<const char *>(kvEntry_Value(entry)), kvEntry_ValueLen(entry));
    kvEntry_Destroy(entry);
    kvStore_Destroy(kv);
    jsCtx_Destroy(js);
    natsConnection_Destroy(nc);
    return value;
}

LeaderWatch::LeaderWatch(const QString &url, const QByteArray &stream, int gone, const QElapsedTimer &since)
{
    const QByteArray server = url.toUtf8();
    const QByteArray goneName = "n" + QByteArray::number(gone);
    m_thread = std::thread([this, server, stream, goneName, since] {
        natsConnection *nc = nullptr;
        jsCtx *js = nullptr;
        jsOptions quick;
        jsOptions_Init(&quick);
        quick.Wait = 100; // asked again at once after each unanswered look
        if (natsConnection_ConnectTo(&nc, server.constData()) == NATS_OK
            && natsConnection_JetStream(&js, nc, &quick) == NATS_OK) {
            while (!m_stop) {
                jsStreamInfo *info = nullptr;
                const natsStatus s = js_GetStreamInfo(&info, js, stream.constData(), nullptr, nullptr);
                const bool elected = s == NATS_OK && info->Cluster && info->Cluster->Leader
                    && goneName != info->Cluster->Leader;
                jsStreamInfo_Destroy(info);
                if (elected) {
                    m_electedMs = since.elapsed();
                    break;
                }
                if (s != NATS_TIMEOUT) // answered without a leader ("temporarily unavailable"): a pause
                    std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
        }
        jsCtx_Destroy(js);
        natsConnection_Destroy(nc);
    });
}

LeaderWatch::~LeaderWatch()
{
    m_stop = true;
    m_thread.join();
}
} // namespace FloorCluster
