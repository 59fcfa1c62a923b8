// FloorNatsWorker's watch of the bucket: a JetStream push consumer of the bucket's subjects (the last
// value of each key, then every change) read on a thread of its own, and the probe that makes it again
// when its consumer died with a server of the cluster.
#include "floor/FloorLogging.h"
#include "floor/FloorNatsHandles.h"
#include "floor/FloorNatsWorker.h"

#include <QtCore/qdatetime.h>
#include <QtCore/qthread.h>

#include <optional>

void FloorNatsWorker::watch()
{
    m_watchWanted = true;
    subscribeLive();
    if (m_ready && !m_watchThread)
        startWatcher();
}

void FloorNatsWorker::startWatcher()
{
    // The bucket's stream must answer first: a consumer asked for on a stream between leaders fails slowly.
    jsStreamInfo *info = nullptr;
    const QByteArray stream = "KV_" + m_settings.bucket.toUtf8();
    jsOptions quick;
    jsOptions_Init(&quick);
    quick.Wait = WatchProbeMs;
    natsStatus s = js_GetStreamInfo(&info, m_nats->js, stream.constData(), &quick, nullptr);
    jsStreamInfo_Destroy(info);
    if (s == NATS_OK && !m_nats->watchJs) {
        jsOptions jo;
        jsOptions_Init(&jo);
        jo.Wait = WatchProbeMs;
        s = natsConnection_JetStream(&m_nats->watchJs, m_nats->connection, &jo);
    }
    // Not libnats' kvWatcher: its ordered consumer is re-created by a thread of libnats' own at every
    // reconnect, and stopping the watcher meanwhile reads the consumer's name after that thread freed it
    // (libnats 3.4.1, jsSub_deleteConsumer racing _recreateOrderedCons; seen under AddressSanitizer). A
    // plain push consumer is never re-created behind our back: this worker makes a new one after each
    // reconnect, a sequence gap or a lost consumer, and every entry is delivered again.
    jsSubOptions so;
    jsSubOptions_Init(&so);
    so.Stream = stream.constData();
    so.Config.DeliverPolicy = js_DeliverLastPerSubject;
    so.Config.AckPolicy = js_AckNone;
    so.Config.FlowControl = true;
    so.Config.Heartbeat = qint64(WatchHeartbeatMs) * 1000000;
    so.Config.MemoryStorage = true; // the consumer's own state: one server's, re-made when lost
    so.Config.Replicas = 1;
    const QByteArray subjects = "$KV." + m_settings.bucket.toUtf8() + ".>";
    natsSubscription *sub = nullptr;
    if (s == NATS_OK)
        s = js_SubscribeSync(&sub, m_nats->watchJs, subjects.constData(), nullptr, &so, nullptr);
    if (s == NATS_OK)
        s = natsSubscription_SetPendingLimits(sub, -1, -1);
    // How many values the new consumer holds for us: the watch is in sync once they are delivered.
    // Unknown without the permission to ask (then the probe is off too, heartbeats remain).
    std::optional<uint64_t> initialPending;
    if (s == NATS_OK) {
        jsConsumerInfo *consumer = nullptr;
        if (natsSubscription_GetConsumerInfo(&consumer, sub, nullptr, nullptr) == NATS_OK) {
            initialPending = consumer->NumPending;
            m_watchConsumer = QByteArray(consumer->Name);
        }
        jsConsumerInfo_Destroy(consumer);
    }
    if (s != NATS_OK) {
        // The stream may be between leaders: tried again every RetryMs while connected.
        qCWarning(lcFloor) << "floor: cannot watch the bucket yet:" << lastError(s);
        if (sub) {
            natsSubscription_Unsubscribe(sub);
            natsSubscription_Destroy(sub);
        }
        QTimer::singleShot(RetryMs, this, [this] {
            if (m_ready && !m_closing && !m_watchThread)
                startWatcher();
        });
        return;
    }
    m_nats->watchSub = sub;
    m_watchStop = false;
    const QByteArray prefix = subjects.chopped(1);
    // NextMsg waits; it runs on a thread of its own and only emits.
    m_watchThread = QThread::create([this, sub, prefix, initialPending] {
        bool synced = initialPending == 0;
        if (synced)
            Q_EMIT watchSynced(); // an empty bucket: nothing to deliver first
        uint64_t received = 0;
        while (!m_watchStop) {
            natsMsg *msg = nullptr;
            const natsStatus s = natsSubscription_NextMsg(&msg, sub, 250);
            if (s == NATS_TIMEOUT) {
                // The server sends what it holds at once: silence with nothing delivered is an empty bucket.
                if (!synced && !initialPending && received == 0) {
                    synced = true;
                    Q_EMIT watchSynced();
                }
                continue;
            }
            if (s != NATS_OK)
                break; // stopped
            const bool delivered = deliverWatched(msg, prefix);
            uint64_t pending = 0;
            jsMsgMetaData *meta = nullptr;
            if (natsMsg_GetMetaData(&meta, msg) == NATS_OK)
                pending = meta->NumPending;
            jsMsgMetaData_Destroy(meta);
            natsMsg_Destroy(msg);
            // Every value present when the watch began has been delivered: nothing more pending, or as
            // many messages as were pending then (changes keep coming on a busy floor).
            ++received;
            if (!synced && delivered && (pending == 0 || (initialPending && received >= *initialPending))) {
                synced = true;
                Q_EMIT watchSynced();
            }
        }
    });
    m_watchThread->setObjectName(QStringLiteral("floor-watch"));
    m_watchThread->start();
    m_watchProbe.start();
}

bool FloorNatsWorker::deliverWatched(natsMsg *msg, const QByteArray &prefix)
{
    const QByteArray subject(natsMsg_GetSubject(msg));
    if (!subject.startsWith(prefix) || subject.size() == prefix.size()) {
        qCWarning(lcFloor) << "floor: ignoring a bucket message on" << subject;
        return false;
    }
    const char *operation = nullptr;
    const bool removed = natsMsgHeader_Get(msg, "KV-Operation", &operation) == NATS_OK && operation
        && (qstrcmp(operation, "DEL") == 0 || qstrcmp(operation, "PURGE") == 0);
    const QString key = QString::fromUtf8(subject.mid(prefix.size()));
    const QByteArray value =
        removed ? QByteArray() : QByteArray(natsMsg_GetData(msg), natsMsg_GetDataLength(msg));
    // Not what the live path delivered already, nor older than it.
    if (m_merge.fromBucket(key, value, QDateTime::currentMSecsSinceEpoch()))
        Q_EMIT entryChanged(key, value, removed);
    return true;
}

void FloorNatsWorker::probeWatcher()
{
    // The watcher's consumer lives on one server of the cluster; when that server dies libnats notices
    // only after missed heartbeats (18-22 s measured). Asked each second, the cluster says so at once
    // (or does not answer within the probe's wait): a new watcher delivers every entry again.
    if (!m_ready || m_closing || !m_watchThread)
        return;
    if (m_watchConsumer.isEmpty())
        return;
    jsOptions options;
    jsOptions_Init(&options);
    options.Wait = WatchProbeMs;
    jsConsumerInfo *info = nullptr;
    const QByteArray stream = "KV_" + m_settings.bucket.toUtf8();
    const natsStatus s = js_GetConsumerInfo(&info, m_nats->js, stream.constData(),
                                            m_watchConsumer.constData(), &options, nullptr);
    jsConsumerInfo_Destroy(info);
    if (s == NATS_OK || natsConnection_Status(m_nats->connection) != NATS_CONN_STATUS_CONNECTED)
        return; // alive, or the connection is away (its return makes a new watcher anyway)
    qCInfo(lcFloor) << "floor: the watcher's consumer is gone (" << lastError(s) << "); watching again";
    restartWatcher();
}

void FloorNatsWorker::stopWatcher()
{
    m_watchProbe.stop();
    m_watchConsumer.clear();
    if (!m_watchThread)
        return;
    m_watchStop = true;
    // Unsubscribing wakes the thread's NextMsg and deletes the consumer (its name never changes).
    natsSubscription_Unsubscribe(m_nats->watchSub);
    m_watchThread->wait();
    delete m_watchThread;
    m_watchThread = nullptr;
    natsSubscription_Destroy(m_nats->watchSub);
    m_nats->watchSub = nullptr;
}

void FloorNatsWorker::restartWatcher()
{
    if (!m_ready || m_closing)
        return;
    stopWatcher();
    startWatcher();
}
