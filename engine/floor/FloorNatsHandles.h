#pragma once

// Private to FloorNatsWorker's source files.
#include <QtCore/qbytearray.h>
#include <QtCore/qlist.h>
#include <QtCore/qstring.h>

#include <nats/nats.h>

// The libnats objects of one connection.
struct FloorNatsHandles
{
    natsOptions *options = nullptr;
    natsConnection *connection = nullptr;
    jsCtx *js = nullptr;
    kvStore *kv = nullptr;
    // The watcher's own: its requests (the consumer's creation) wait WatchProbeMs, not the puts' 2 s, so
    // that a cluster electing leaders is asked again soon.
    jsCtx *watchJs = nullptr;
    natsSubscription *inboxSub = nullptr;
    natsSubscription *liveSub = nullptr; // a supervisor's: every console's live changes
    QList<natsSubscription *> served;
    // The bucket's watch: a plain push consumer, not libnats' kvWatcher (see FloorNatsWorkerWatch.cpp).
    natsSubscription *watchSub = nullptr;
};

// Replies and JetStream's deliveries to a console come under this prefix (its floor id), so that a
// server's permissions can give each user its own inboxes only.
inline QByteArray inboxPrefixOf(const QString &id)
{
    return QByteArrayLiteral("_INBOX.") + id.toUtf8();
}
