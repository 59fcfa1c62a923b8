#include "floor/FloorNatsWorker.h"

#include "floor/FloorLogging.h"
#include "floor/FloorNatsHandles.h"

#include <QtCore/qcoreapplication.h>
#include <QtCore/qdatetime.h>
#include <QtCore/qelapsedtimer.h>
#include <QtCore/qthread.h>

#include <nats/nats.h>

#include <mutex>

// What libnats' threads call back through. A relay is never freed: libnats may still deliver a
// connection event or a message after the connection was closed and the worker deleted, and a
// relay whose worker is gone simply drops it. One small object per floor connection started.
struct FloorNatsRelay
{
    std::mutex mutex;
    FloorNatsWorker *worker = nullptr;
};

namespace {
// Every relay made, reachable for the whole run (so leak checkers see them kept, not lost).
FloorNatsRelay *newRelay()
{
    static std::mutex mutex;
    static auto *relays = new std::vector<FloorNatsRelay *>;
    std::lock_guard lock(mutex);
    relays->push_back(new FloorNatsRelay);
    return relays->back();
}

using RelayCall = void (FloorNatsWorker::*)();

void relay(void *closure, RelayCall call)
{
    auto *r = static_cast<FloorNatsRelay *>(closure);
    std::lock_guard lock(r->mutex);
    if (r->worker)
        (r->worker->*call)();
}

void onConnected(natsConnection *, void *closure)
{
    relay(closure, &FloorNatsWorker::relayConnected);
}
void onDisconnected(natsConnection *, void *closure)
{
    relay(closure, &FloorNatsWorker::relayDisconnected);
}
void onReconnected(natsConnection *, void *closure)
{
    relay(closure, &FloorNatsWorker::relayReconnected);
}
void onClosed(natsConnection *, void *closure)
{
    relay(closure, &FloorNatsWorker::relayClosed);
}

void onLive(natsConnection *, natsSubscription *, natsMsg *msg, void *closure)
{
    auto *r = static_cast<FloorNatsRelay *>(closure);
    {
        std::lock_guard lock(r->mutex);
        if (r->worker)
            r->worker->relayLive(QByteArray(natsMsg_GetSubject(msg)),
                                 QByteArray(natsMsg_GetData(msg), natsMsg_GetDataLength(msg)));
    }
    natsMsg_Destroy(msg);
}

void onAsyncError(natsConnection *, natsSubscription *sub, natsStatus err, void *closure)
{
    qCWarning(lcFloor) << "floor: asynchronous error:" << natsStatus_GetText(err);
    auto *r = static_cast<FloorNatsRelay *>(closure);
    std::lock_guard lock(r->mutex);
    if (r->worker)
        r->worker->relayAsyncError(sub, err);
}

QByteArray dataOf(natsMsg *msg)
{
    return QByteArray(natsMsg_GetData(msg), natsMsg_GetDataLength(msg));
}

void onRequest(natsConnection *, natsSubscription *, natsMsg *msg, void *closure)
{
    auto *r = static_cast<FloorNatsRelay *>(closure);
    const char *reply = natsMsg_GetReply(msg);
    if (reply && *reply) {
        std::lock_guard lock(r->mutex);
        if (r->worker)
            Q_EMIT r->worker->requestReceived(QString::fromUtf8(natsMsg_GetSubject(msg)),
                                              QString::fromUtf8(reply), dataOf(msg));
    }
    natsMsg_Destroy(msg);
}

void onReply(natsConnection *, natsSubscription *, natsMsg *msg, void *closure)
{
    auto *r = static_cast<FloorNatsRelay *>(closure);
    // The reply subject is <inbox>.<token>.
    const QByteArray subject(natsMsg_GetSubject(msg));
    bool ok = false;
    const quint64 token = subject.mid(subject.lastIndexOf('.') + 1).toULongLong(&ok);
    if (ok) {
        std::lock_guard lock(r->mutex);
        if (r->worker)
            Q_EMIT r->worker->replyReceived(token, dataOf(msg), natsMsg_IsNoResponders(msg));
    }
    natsMsg_Destroy(msg);
}
} // namespace

FloorNatsWorker::FloorNatsWorker(const FloorSettings &settings)
    : m_settings(settings)
    , m_nats(std::make_unique<FloorNatsHandles>())
    , m_relay(newRelay())
{
    m_relay->worker = this;
    m_refresh.setInterval(std::max(1000, m_settings.ttlSeconds * 1000 / 3));
    connect(&m_refresh, &QTimer::timeout, this, &FloorNatsWorker::refreshAll);
    m_bucketProbe.setSingleShot(true);
    connect(&m_bucketProbe, &QTimer::timeout, this, &FloorNatsWorker::probeBucket);
    m_watchProbe.setInterval(WatchProbeMs);
    connect(&m_watchProbe, &QTimer::timeout, this, &FloorNatsWorker::probeWatcher);
}

FloorNatsWorker::~FloorNatsWorker()
{
    {
        std::lock_guard lock(m_relay->mutex);
        m_relay->worker = nullptr;
    }
    stopWatcher();
    for (natsSubscription *sub : std::as_const(m_nats->served))
        natsSubscription_Destroy(sub);
    natsSubscription_Destroy(m_nats->inboxSub);
    natsSubscription_Destroy(m_nats->liveSub);
    jsCtx_Destroy(m_nats->watchJs);
    kvStore_Destroy(m_nats->kv);
    jsCtx_Destroy(m_nats->js);
    setLiveConnection(nullptr);
    if (m_nats->connection) {
        natsConnection_Close(m_nats->connection);
        natsConnection_Destroy(m_nats->connection);
    }
    natsOptions_Destroy(m_nats->options);
}

void FloorNatsWorker::setStatus(Status status, const QString &reason)
{
    m_status = status;
    Q_EMIT statusChanged(status, reason);
}

void FloorNatsWorker::open()
{
    setStatus(Connecting);
    natsOptions *opts = nullptr;
    natsStatus s = natsOptions_Create(&opts);
    m_nats->options = opts;
    QList<QByteArray> servers;
    for (const QString &server : std::as_const(m_settings.servers))
        servers << server.toUtf8();
    std::vector<const char *> serverPtrs;
    for (const QByteArray &server : std::as_const(servers))
        serverPtrs.push_back(server.constData());
    if (s == NATS_OK)
        s = natsOptions_SetServers(opts, serverPtrs.data(), int(serverPtrs.size()));
    const QByteArray name = QByteArrayLiteral("hookline ") + m_settings.agentId.toUtf8();
    if (s == NATS_OK)
        s = natsOptions_SetName(opts, name.constData());
    // Replies and JetStream's deliveries come to inboxes under this console's id, so that a server's
    // permissions can give each user its own inboxes only (docs/architecture.md, the floor).
    const QByteArray inboxPrefix = inboxPrefixOf(m_settings.agentId);
    if (s == NATS_OK)
        s = natsOptions_SetCustomInboxPrefix(opts, inboxPrefix.constData());
    if (s == NATS_OK && !m_settings.credentialsFile.isEmpty()) {
        const QByteArray file = m_settings.credentialsFile.toLocal8Bit();
        s = natsOptions_SetUserCredentialsFromFiles(opts, file.constData(), nullptr);
    }
    if (s == NATS_OK && !m_settings.user.isEmpty()) {
        const QByteArray user = m_settings.user.toUtf8();
        const QByteArray password = m_settings.password.toUtf8();
        s = natsOptions_SetUserInfo(opts, user.constData(), password.constData());
    }
    const bool tls = usesTls();
    if (s == NATS_OK && tls)
        s = natsOptions_SetSecure(opts, true);
    if (s == NATS_OK && tls && !m_settings.caFile.isEmpty())
        s = natsOptions_LoadCATrustedCertificates(opts, m_settings.caFile.toLocal8Bit().constData());
    if (s == NATS_OK && tls && !m_settings.certFile.isEmpty())
        s = natsOptions_LoadCertificatesChain(opts, m_settings.certFile.toLocal8Bit().constData(),
                                              m_settings.keyFile.toLocal8Bit().constData());
    if (s == NATS_OK)
        s = natsOptions_SetTimeout(opts, m_settings.connectTimeoutMs);
    if (s == NATS_OK)
        s = natsOptions_SetAllowReconnect(opts, true);
    if (s == NATS_OK)
        s = natsOptions_SetMaxReconnect(opts, -1); // a console keeps trying for as long as it runs
    if (s == NATS_OK)
        s = natsOptions_SetReconnectWait(opts, m_settings.reconnectWaitMs);
    // A server gone without closing the socket is noticed after 2-3 s of unanswered pings (a killed one
    // closes it and is noticed at once); the watcher is made again on the server reconnected to.
    if (s == NATS_OK)
        s = natsOptions_SetPingInterval(opts, 1000);
    if (s == NATS_OK)
        s = natsOptions_SetMaxPingsOut(opts, 2);
    if (s == NATS_OK)
        s = natsOptions_SetRetryOnFailedConnect(opts, true, onConnected, m_relay);
    if (s == NATS_OK)
        s = natsOptions_SetDisconnectedCB(opts, onDisconnected, m_relay);
    if (s == NATS_OK)
        s = natsOptions_SetReconnectedCB(opts, onReconnected, m_relay);
    if (s == NATS_OK)
        s = natsOptions_SetClosedCB(opts, onClosed, m_relay);
    if (s == NATS_OK)
        s = natsOptions_SetErrorHandler(opts, onAsyncError, m_relay);
    if (s != NATS_OK) {
        setStatus(Failed,
                  QCoreApplication::translate("FloorLink", "Floor settings refused: %1").arg(lastError(s)));
        return;
    }
    s = natsConnection_Connect(&m_nats->connection, opts);
    setLiveConnection(m_nats->connection);
    if (s == NATS_OK) {
        relayConnected(); // connected at once: the callback is only for a connection made in the background
    } else if (s != NATS_NOT_YET_CONNECTED) {
        setStatus(Failed, QCoreApplication::translate("FloorLink", "Cannot connect: %1").arg(lastError(s)));
    }
}

void FloorNatsWorker::relayConnected()
{
    republishLive();
    QMetaObject::invokeMethod(
        this, [this] { connectionUp(); }, Qt::QueuedConnection);
}

void FloorNatsWorker::connectionUp()
{
    if (m_closing || !m_nats->connection)
        return;
    // Core NATS works as soon as the connection does, whatever JetStream's state (a cluster may still be
    // electing the bucket's leader): the live values went out from libnats' thread already (relay*), and
    // once more here, where the connection is known for certain.
    republishLive();
    subscribeLive();
    becameReady();
}

void FloorNatsWorker::subscribeLive()
{
    if (!m_watchWanted || m_nats->liveSub || !m_nats->connection
        || natsConnection_Status(m_nats->connection) != NATS_CONN_STATUS_CONNECTED)
        return;
    // libnats subscribes again by itself after each reconnect.
    const natsStatus s = natsConnection_Subscribe(
        &m_nats->liveSub, m_nats->connection, FloorLiveMerge::liveWildcard().constData(), onLive, m_relay);
    if (s != NATS_OK) {
        m_nats->liveSub = nullptr;
        qCWarning(lcFloor) << "floor: cannot hear live changes:" << lastError(s);
    }
}

void FloorNatsWorker::relayDisconnected()
{
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_closing || m_status == Failed)
                return;
            m_ready = false;
            setStatus(m_status == Connecting ? Connecting : Reconnecting);
        },
        Qt::QueuedConnection);
}

void FloorNatsWorker::relayReconnected()
{
    republishLive(); // at once: the worker's thread may be waiting for JetStream
    QMetaObject::invokeMethod(
        this, [this] { connectionUp(); }, Qt::QueuedConnection);
}

void FloorNatsWorker::relayClosed()
{
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_ready = false;
            if (m_closing)
                return;
            const QString refused = closedReason();
            if (!refused.isEmpty()) {
                setStatus(Failed, refused);
                return;
            }
            setStatus(Reconnecting,
                      QCoreApplication::translate("FloorLink", "Connection closed: %1; connecting again")
                          .arg(lastError(NATS_CONNECTION_CLOSED)));
            Q_EMIT gaveUp();
        },
        Qt::QueuedConnection);
}

void FloorNatsWorker::relayAsyncError(const void *subscription, int status)
{
    QMetaObject::invokeMethod(
        this,
        [this, subscription, status] {
            // Only compared, never used: the subscription may be gone by now.
            if (!subscription && status == NATS_NOT_PERMITTED && !m_liveRefused
                && lastError(status).contains(QLatin1String("Publish to \"hookline.live."),
                                              Qt::CaseInsensitive)) {
                // Permissions without the live subjects: the bucket alone carries the changes.
                m_liveRefused = true;
                qCWarning(lcFloor)
                    << "floor: the server does not permit live changes; the bucket carries them";
                return;
            }
            const bool ours = subscription == m_nats->inboxSub || subscription == m_nats->liveSub
                || std::any_of(m_nats->served.cbegin(), m_nats->served.cend(),
                               [subscription](natsSubscription *sub) { return sub == subscription; });
            // The watch's consumer lived on a server that went away (missed heartbeats), or its
            // heartbeat says a message was missed (mismatch): a new watch delivers every entry again.
            if (!ours && subscription && m_watchThread
                && (status == NATS_MISSED_HEARTBEAT || status == NATS_MISMATCH || status == NATS_TIMEOUT))
                restartWatcher();
        },
        Qt::QueuedConnection);
}

bool FloorNatsWorker::setUpJetStream(QString *error)
{
    natsStatus s = NATS_OK;
    if (!m_nats->js) {
        jsOptions jo;
        jsOptions_Init(&jo);
        jo.Wait = 2000;
        s = natsConnection_JetStream(&m_nats->js, m_nats->connection, &jo);
    }
    const QByteArray bucket = m_settings.bucket.toUtf8();
    if (s == NATS_OK) {
        // While a cluster elects the bucket stream's leader, requests go unanswered: asked with a short
        // wait (and again after RetryMs) the console is back soon after the election.
        jsOptions quick;
        jsOptions_Init(&quick);
        quick.Wait = m_everReady ? BucketProbeMs : WatchProbeMs;
        jsStreamInfo *info = nullptr;
        const natsStatus probe =
            js_GetStreamInfo(&info, m_nats->js, ("KV_" + bucket).constData(), &quick, nullptr);
        jsStreamInfo_Destroy(info);
        if (probe != NATS_OK && probe != NATS_NOT_FOUND)
            s = probe;
    }
    if (s == NATS_OK && !m_nats->kv) {
        s = js_KeyValue(&m_nats->kv, m_nats->js, bucket.constData());
        if (s == NATS_NOT_FOUND) {
            // Created by the first console that finds none (an administrator may create it beforehand).
            kvConfig kc;
            kvConfig_Init(&kc);
            kc.Bucket = bucket.constData();
            kc.History = 1;
            kc.TTL = qint64(m_settings.ttlSeconds) * 1000 * 1000 * 1000; // ns
            kc.StorageType = js_MemoryStorage; // live state only: a restart of the floor starts empty
            kc.Replicas = m_settings.replicas;
            s = js_CreateKeyValue(&m_nats->kv, m_nats->js, &kc);
            if (s != NATS_OK) // another console created it first, with its own settings
                s = js_KeyValue(&m_nats->kv, m_nats->js, bucket.constData());
        }
    }
    // The audit stream is looked up (or made) once: after a failover the bucket's writes do not wait for
    // its leader too; appends wait in flushAudit's queue until it answers.
    if (s == NATS_OK && !m_everReady) {
        const QByteArray stream = m_settings.auditStream.toUtf8();
        jsStreamInfo *info = nullptr;
        jsErrCode jerr = jsErrCode(0);
        s = js_GetStreamInfo(&info, m_nats->js, stream.constData(), nullptr, &jerr);
        if (s == NATS_NOT_FOUND) {
            const QByteArray subjects = stream == "hookline_audit" ? QByteArrayLiteral("hookline.audit.>")
                                                                   : "hookline." + stream + ".>";
            const char *subjectList[] = {subjects.constData()};
            jsStreamConfig sc;
            jsStreamConfig_Init(&sc);
            sc.Name = stream.constData();
            sc.Subjects = subjectList;
            sc.SubjectsLen = 1;
            sc.Storage = js_FileStorage; // the audit trail outlives restarts
            sc.Replicas = m_settings.replicas;
            s = js_AddStream(&info, m_nats->js, &sc, nullptr, &jerr);
            if (s != NATS_OK) {
                jsStreamInfo_Destroy(info);
                info = nullptr;
                s = js_GetStreamInfo(&info, m_nats->js, stream.constData(), nullptr, &jerr);
            }
        }
        jsStreamInfo_Destroy(info);
    }
    if (s != NATS_OK) {
        *error = lastError(s);
        return false;
    }
    return true;
}

void FloorNatsWorker::becameReady()
{
    if (m_closing || !m_nats->connection)
        return;
    m_everConnected = true;
    // After a reconnect the bucket is looked up again: a server that restarted lost a memory bucket, and
    // the watcher's consumer may have gone with the server it lived on.
    const bool watching = m_watchThread != nullptr;
    stopWatcher();
    kvStore_Destroy(m_nats->kv);
    m_nats->kv = nullptr;
    QString error;
    QElapsedTimer took;
    took.start();
    if (!setUpJetStream(&error)) {
        // A server just started, or a cluster electing its leaders, answers "temporarily unavailable":
        // tried again every RetryMs for as long as the connection lasts. After a failover that is the
        // cluster catching up (requests and live changes already go through): still reconnecting, unless
        // the server refuses outright.
        m_ready = false;
        const bool transient =
            m_everReady && !error.contains(QLatin1String("Permissions Violation"), Qt::CaseInsensitive);
        setStatus(transient ? Reconnecting : Failed,
                  QCoreApplication::translate("FloorLink", "JetStream unavailable: %1").arg(error));
        // RetryMs after this attempt began: an attempt that waited for an answer is followed at once.
        QTimer::singleShot(int(std::max<qint64>(0, RetryMs - took.elapsed())), this, [this] {
            if (!m_ready && !m_closing
                && natsConnection_Status(m_nats->connection) == NATS_CONN_STATUS_CONNECTED)
                becameReady();
        });
        return;
    }
    m_ready = true;
    m_everReady = true;
    m_awaitingBucket = false; // the bucket's stream answered just now
    m_bucketProbe.stop();
    char url[256] = {};
    if (natsConnection_GetConnectedUrl(m_nats->connection, url, sizeof(url)) == NATS_OK)
        Q_EMIT serverChanged(QString::fromUtf8(url));
    subscribePending();
    setStatus(Connected);
    // Whatever changed while the server was away, and everything once more: a server that restarted
    // empty (memory storage) gets the whole state back.
    refreshAll();
    flushAudit();
    if (m_watchWanted || watching)
        startWatcher();
    m_refresh.start();
}

void FloorNatsWorker::subscribePending()
{
    if (m_replyInbox.isEmpty()) {
        // natsInbox_Create knows no connection's prefix: its unique part goes under ours.
        natsInbox *unique = nullptr;
        natsInbox_Create(&unique);
        m_replyInbox =
            inboxPrefixOf(m_settings.agentId) + QByteArray(unique).mid(qsizetype(qstrlen("_INBOX")));
        natsInbox_Destroy(unique);
        const QByteArray replies = m_replyInbox + ".*";
        const natsStatus s = natsConnection_Subscribe(&m_nats->inboxSub, m_nats->connection,
                                                      replies.constData(), onReply, m_relay);
        if (s != NATS_OK)
            qCWarning(lcFloor) << "floor: cannot subscribe to replies:" << lastError(s);
    }
    for (const QString &subject : std::as_const(m_serveWanted)) {
        natsSubscription *sub = nullptr;
        const natsStatus s = natsConnection_Subscribe(&sub, m_nats->connection, subject.toUtf8().constData(),
                                                      onRequest, m_relay);
        if (s == NATS_OK)
            m_nats->served << sub;
        else
            qCWarning(lcFloor) << "floor: cannot serve" << subject << lastError(s);
    }
    m_serveWanted.clear();
}

void FloorNatsWorker::shutdown()
{
    m_closing = true;
    m_refresh.stop();
    stopWatcher();
    leaveLive(); // the supervisors drop this console's entries at once, the bucket's deletes follow
    if (m_ready) {
        // Leaving the floor: this console's entries go at once instead of after the TTL.
        for (auto it = m_desired.cbegin(); it != m_desired.cend(); ++it)
            kvStore_Delete(m_nats->kv, it.key().toUtf8().constData());
        natsConnection_FlushTimeout(m_nats->connection, 1000);
    }
    m_ready = false;
    if (m_nats->connection)
        natsConnection_Close(m_nats->connection);
    setStatus(Off);
}

void FloorNatsWorker::serve(const QString &subject)
{
    m_serveWanted << subject;
    if (m_ready)
        subscribePending();
}

void FloorNatsWorker::publish(const QString &subject, const QByteArray &body)
{
    if (!m_nats->connection)
        return;
    const natsStatus s = natsConnection_Publish(m_nats->connection, subject.toUtf8().constData(),
                                                body.constData(), int(body.size()));
    if (s != NATS_OK)
        qCWarning(lcFloor) << "floor: reply not sent:" << lastError(s);
}

void FloorNatsWorker::request(const QString &subject, const QByteArray &body, quint64 token)
{
    if (!m_ready) {
        Q_EMIT replyReceived(token, {}, false); // FloorLink turns an empty reply into "not connected"
        return;
    }
    const QByteArray reply = m_replyInbox + '.' + QByteArray::number(token);
    const natsStatus s = natsConnection_PublishRequest(m_nats->connection, subject.toUtf8().constData(),
                                                       reply.constData(), body.constData(), int(body.size()));
    if (s != NATS_OK)
        Q_EMIT replyReceived(token, {}, false);
}

void FloorNatsWorker::appendAudit(const QString &subject, const QByteArray &body)
{
    m_auditQueue.append({subject, body});
    if (m_ready)
        flushAudit();
}

void FloorNatsWorker::flushAudit()
{
    while (m_ready && !m_auditQueue.isEmpty()) {
        const auto &[subject, body] = m_auditQueue.first();
        jsPubAck *ack = nullptr;
        jsErrCode jerr = jsErrCode(0);
        const natsStatus s = js_Publish(&ack, m_nats->js, subject.toUtf8().constData(), body.constData(),
                                        int(body.size()), nullptr, &jerr);
        jsPubAck_Destroy(ack);
        if (s != NATS_OK) {
            const QString error = lastError(s);
            qCWarning(lcFloor) << "floor: audit not appended yet:" << error;
            Q_EMIT auditAppended(false, error);
            return; // kept, appended on the next (re)connect
        }
        m_auditQueue.removeFirst();
        Q_EMIT auditAppended(true, {});
    }
}
