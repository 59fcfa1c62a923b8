#pragma once

#include <QtCore/qbytearray.h>
#include <QtCore/qhash.h>
#include <QtCore/qmutex.h>
#include <QtCore/qstring.h>

// A supervisor hears each change of the floor twice: at once on the live subject (core NATS, which a
// cluster routes as soon as the consoles are connected again after a server died) and from the bucket's
// watcher (JetStream, which waits for the cluster to elect the stream's new leader, 4-9 s in nats-server
// 2.9). Both carry the same bytes. This decides which deliveries reach the model, so that the view
// follows the live path without going back to an older value the bucket still holds:
// - a live value is always delivered (a rewrite of the same value keeps the entry from expiring);
// - a bucket value equal to the last live one is the bucket catching up: not delivered again;
// - a bucket value that differs is older than the live one while the live one is recent (holdMs), and
//   is held back; after that the bucket is right (a live message was lost: core NATS is at most once).
// Live values are accepted only for the sender's own keys (agent.<id>, call.<id>.*): the subject's
// sender token is what the server's permissions vouch for. Called from libnats' and the watcher's
// threads (hence the mutex).
class FloorLiveMerge
{
public:
    explicit FloorLiveMerge(qint64 holdMs);

    // The live subject of a key written by the console `agentId`.
    static QByteArray liveSubject(const QString &agentId, const QString &key);
    // The wildcard a supervisor subscribes to.
    static QByteArray liveWildcard();
    // The key a live subject carries, when it is the sender's own (empty otherwise).
    static QString keyOf(const QByteArray &subject);

    // Each returns whether the delivery goes to the model; an empty value is a removal.
    bool fromLive(const QString &key, const QByteArray &value, qint64 nowMs);
    bool fromBucket(const QString &key, const QByteArray &value, qint64 nowMs);

private:
    struct Live
    {
        QByteArray value;
        qint64 atMs = 0;
    };

    qint64 m_holdMs;
    QMutex m_mutex;
    QHash<QString, Live> m_live; // keys whose last delivery came from the live path
};
