// FloorNatsWorker's entries in the key-value bucket: the keys this console wants written or removed, written
// together on the next turn of the floor thread, and rewritten in full to keep them from expiring.
#include "floor/FloorLogging.h"
#include "floor/FloorNatsHandles.h"
#include "floor/FloorNatsWorker.h"

#include <nats/nats.h>

void FloorNatsWorker::setEntry(const QString &key, const QByteArray &value)
{
    m_desired.insert(key, value);
    m_removed.remove(key);
    m_dirty.insert(key);
    scheduleFlush();
}

void FloorNatsWorker::removeEntry(const QString &key)
{
    if (m_desired.remove(key) == 0)
        return;
    m_dirty.remove(key);
    m_removed.insert(key);
    scheduleFlush();
}

void FloorNatsWorker::scheduleFlush()
{
    if (m_flushQueued)
        return;
    m_flushQueued = true;
    QMetaObject::invokeMethod(
        this, [this] { flush(); }, Qt::QueuedConnection);
}

void FloorNatsWorker::flush()
{
    m_flushQueued = false;
    if (!m_ready || m_closing || m_awaitingBucket)
        return; // kept: written when the connection is ready, or the bucket's stream led again
    const QList<QString> dirty(m_dirty.cbegin(), m_dirty.cend());
    for (const QString &key : dirty) {
        const QByteArray value = m_desired.value(key);
        uint64_t revision = 0;
        const natsStatus s = kvStore_Put(&revision, m_nats->kv, key.toUtf8().constData(), value.constData(),
                                         int(value.size()));
        if (s != NATS_OK && refusedByServer(key, s))
            continue; // dropped: the others still go
        if (s == NATS_TIMEOUT || s == NATS_NO_RESPONDERS) { // the stream is between leaders
            awaitBucket(lastError(s));
            return;
        }
        if (s != NATS_OK) {
            qCWarning(lcFloor) << "floor: put" << key << "failed:" << lastError(s);
            return; // the rest waits for the next refresh or reconnect
        }
        m_dirty.remove(key);
        Q_EMIT entryWritten(key, revision);
    }
    const QList<QString> removed(m_removed.cbegin(), m_removed.cend());
    for (const QString &key : removed) {
        const natsStatus s = kvStore_Delete(m_nats->kv, key.toUtf8().constData());
        if (s != NATS_OK && refusedByServer(key, s))
            continue;
        if (s == NATS_TIMEOUT || s == NATS_NO_RESPONDERS) {
            awaitBucket(lastError(s));
            return;
        }
        if (s != NATS_OK) {
            qCWarning(lcFloor) << "floor: delete" << key << "failed:" << lastError(s);
            return;
        }
        m_removed.remove(key);
        Q_EMIT entryWritten(key, 0);
    }
}

bool FloorNatsWorker::refusedByServer(const QString &key, int status)
{
    // The server answers a publish its permissions forbid with a permissions violation naming the
    // subject (the put itself then times out waiting for its acknowledgement). Such a key is given up:
    // written again it would be refused again, and it must not hold back this console's other keys.
    const QString subject = QStringLiteral("$KV.%1.%2").arg(m_settings.bucket, key);
    const QString error = lastError(status);
    if (!error.contains(QLatin1String("Permissions Violation"), Qt::CaseInsensitive)
        || !error.contains(QLatin1Char('"') + subject + QLatin1Char('"')))
        return false;
    m_desired.remove(key);
    m_dirty.remove(key);
    m_removed.remove(key);
    forgetLive(key);
    qCWarning(lcFloor) << "floor: the server does not permit this console to write" << key;
    Q_EMIT entryRefused(key);
    return true;
}

void FloorNatsWorker::refreshAll()
{
    for (auto it = m_desired.cbegin(); it != m_desired.cend(); ++it)
        m_dirty.insert(it.key());
    republishLive(); // also while JetStream is away: the supervisors' views must not expire the entries
    flush();
}
