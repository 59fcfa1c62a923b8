// FloorNatsWorker's live path: each change of this console on its live subject (core NATS), and a
// supervisor's deliveries from there merged with the bucket's (FloorLiveMerge). Publishing runs on
// whichever thread calls (FloorLink's live thread, libnats' on a reconnect, the worker's for the
// periodic rewrite), serialised by m_liveMutex so that a key's last publication is its latest value.
#include "floor/FloorLogging.h"
#include "floor/FloorNatsHandles.h"
#include "floor/FloorNatsWorker.h"

#include <QtCore/qdatetime.h>

void FloorNatsWorker::setLiveConnection(natsConnection *connection)
{
    std::lock_guard lock(m_liveMutex);
    m_liveConnection = connection;
}

void FloorNatsWorker::publishLiveLocked(const QString &key, const QByteArray &value)
{
    if (!m_liveConnection || m_liveRefused)
        return;
    const QByteArray subject = FloorLiveMerge::liveSubject(m_settings.agentId, key);
    // Fails only when the connection is closed or its reconnect buffer is full: the next rewrite or
    // reconnect sends the value again.
    natsConnection_Publish(m_liveConnection, subject.constData(), value.constData(), int(value.size()));
}

void FloorNatsWorker::publishLiveNow(const QString &key, const QByteArray &value)
{
    std::lock_guard lock(m_liveMutex);
    if (value.isEmpty()) {
        if (m_liveValues.remove(key) == 0)
            return; // never published: nothing to remove
    } else {
        m_liveValues.insert(key, value);
    }
    publishLiveLocked(key, value);
}

void FloorNatsWorker::republishLive()
{
    std::lock_guard lock(m_liveMutex);
    for (auto it = m_liveValues.cbegin(); it != m_liveValues.cend(); ++it)
        publishLiveLocked(it.key(), it.value());
}

void FloorNatsWorker::forgetLive(const QString &key)
{
    std::lock_guard lock(m_liveMutex);
    m_liveValues.remove(key);
}

void FloorNatsWorker::leaveLive()
{
    std::lock_guard lock(m_liveMutex);
    for (auto it = m_liveValues.cbegin(); it != m_liveValues.cend(); ++it)
        publishLiveLocked(it.key(), {});
    m_liveValues.clear();
    if (m_liveConnection && natsConnection_Status(m_liveConnection) == NATS_CONN_STATUS_CONNECTED)
        natsConnection_FlushTimeout(m_liveConnection, 500);
    m_liveConnection = nullptr;
}

void FloorNatsWorker::relayLive(const QByteArray &subject, const QByteArray &value)
{
    // On a libnats thread: only the merge (which locks) and a signal.
    const QString key = FloorLiveMerge::keyOf(subject);
    if (key.isEmpty())
        return; // not the sender's own key
    if (m_merge.fromLive(key, value, QDateTime::currentMSecsSinceEpoch()))
        Q_EMIT entryChanged(key, value, value.isEmpty());
}
