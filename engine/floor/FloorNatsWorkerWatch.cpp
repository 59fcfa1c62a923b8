// FloorNatsWorker's watch of the bucket: a libnats key-value watcher read on a thread of its own, and
// the probe that makes it again when its consumer died with a server of the cluster.
#include "floor/FloorLogging.h"
#include "floor/FloorNatsHandles.h"
#include "floor/FloorNatsWorker.h"

#include <QtCore/qdatetime.h>
#include <QtCore/qthread.h>

void FloorNatsWorker::watch()
{
    m_watchWanted = true;
    subscribeLive();
    if (m_ready && !m_watchThread)
        startWatcher();
}

void FloorNatsWorker::startWatcher()
{
    kvWatchOptions wo;
    kvWatchOptions_Init(&wo);
    // The bucket's stream must answer first: libnats 3.4's failure path of a watcher whose consumer
    // cannot be created (a stream between leaders) is best not taken.
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
    if (s == NATS_OK && !m_nats->watchKv)
        s = js_KeyValue(&m_nats->watchKv, m_nats->watchJs, m_settings.bucket.toUtf8().constData());
    if (s == NATS_OK)
        s = kvStore_WatchAll(&m_nats->watcher, m_nats->watchKv, &wo);
    if (s != NATS_OK) {
        // The stream may be between leaders: tried again every RetryMs while connected.
        qCWarning(lcFloor) << "floor: cannot watch the bucket yet:" << lastError(s);
        m_nats->watcher = nullptr;
        QTimer::singleShot(RetryMs, this, [this] {
            if (m_ready && !m_closing && !m_watchThread)
                startWatcher();
        });
        return;
    }
    m_watchStop = false;
    kvWatcher *watcher = m_nats->watcher;
    // kvWatcher_Next waits; it runs on a thread of its own and only emits.
    m_watchThread = QThread::create([this, watcher] {
        while (!m_watchStop) {
            kvEntry *entry = nullptr;
            const natsStatus s = kvWatcher_Next(&entry, watcher, 250);
            if (s == NATS_TIMEOUT)
                continue;
            if (s != NATS_OK)
                break; // stopped
            if (!entry) {
                Q_EMIT watchSynced(); // every value present when the watch began has been delivered
                continue;
            }
            const kvOperation op = kvEntry_Operation(entry);
            const QString key = QString::fromUtf8(kvEntry_Key(entry));
            const QByteArray value = op == kvOp_Put
                ? QByteArray(static_cast<const char *>(kvEntry_Value(entry)), kvEntry_ValueLen(entry))
                : QByteArray();
            kvEntry_Destroy(entry);
            // Not what the live path delivered already, nor older than it.
            if (m_merge.fromBucket(key, value, QDateTime::currentMSecsSinceEpoch()))
                Q_EMIT entryChanged(key, value, op != kvOp_Put);
        }
    });
    m_watchThread->setObjectName(QStringLiteral("floor-watch"));
    m_watchThread->start();
    findWatchConsumer();
}

void FloorNatsWorker::findWatchConsumer()
{
    // The watcher's consumer is the newest of the bucket's consumers delivering to this console's inboxes
    // (libnats does not name it).
    jsConsumerInfoList *list = nullptr;
    const QByteArray stream = "KV_" + m_settings.bucket.toUtf8();
    const QByteArray inboxes = inboxPrefixOf(m_settings.agentId) + '.';
    if (js_Consumers(&list, m_nats->js, stream.constData(), nullptr, nullptr) == NATS_OK) {
        int64_t newest = 0;
        for (int i = 0; i < list->Count; ++i) {
            const jsConsumerInfo *info = list->List[i];
            if (info->Config && info->Config->DeliverSubject
                && QByteArray(info->Config->DeliverSubject).startsWith(inboxes) && info->Created >= newest) {
                newest = info->Created;
                m_watchConsumer = QByteArray(info->Name);
            }
        }
    }
    jsConsumerInfoList_Destroy(list);
    // Not listed yet (the cluster just placed it), or not permitted to list: looked for on each probe;
    // meanwhile libnats' heartbeats remain.
    m_watchProbe.start();
}

void FloorNatsWorker::probeWatcher()
{
    // The watcher's consumer lives on one server of the cluster; when that server dies libnats notices
    // only after missed heartbeats (18-22 s measured). Asked each second, the cluster says so at once
    // (or does not answer within the probe's wait): a new watcher delivers every entry again.
    if (!m_ready || m_closing || !m_watchThread)
        return;
    if (m_watchConsumer.isEmpty()) {
        findWatchConsumer();
        return;
    }
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
    kvWatcher_Stop(m_nats->watcher);
    m_watchThread->wait();
    delete m_watchThread;
    m_watchThread = nullptr;
    kvWatcher_Destroy(m_nats->watcher);
    m_nats->watcher = nullptr;
}

void FloorNatsWorker::restartWatcher()
{
    if (!m_ready || m_closing)
        return;
    stopWatcher();
    startWatcher();
}
