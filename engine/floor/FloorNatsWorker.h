#pragma once

#include "floor/FloorLiveMerge.h"
#include "floor/FloorSettings.h"

#include <QtCore/qhash.h>
#include <QtCore/qlist.h>
#include <QtCore/qobject.h>
#include <QtCore/qset.h>
#include <QtCore/qtimer.h>

#include <atomic>
#include <memory>
#include <mutex>

class QThread;
struct FloorNatsHandles;
struct __natsConnection;
typedef struct __natsConnection natsConnection;
struct __natsMsg;
typedef struct __natsMsg natsMsg;
struct FloorNatsRelay;

// Everything that talks to libnats, on the floor thread (FloorLink owns the thread). libnats calls that
// wait for the server (JetStream puts, stream look-ups) run here, never on the GUI thread; libnats' own
// threads (connection events, subscriptions, the key-value watcher) only emit signals, which reach
// FloorLink queued.
//
// The bucket mirrors what setEntry/removeEntry asked for: writes are coalesced (one put per key per
// turn of this thread's loop), kept while the server is away and written again on reconnect, and every
// entry is rewritten each third of the bucket's TTL so a console that dies disappears within the TTL.
// Every write is also published at once on its live subject (core NATS, FloorLiveMerge): a supervisor
// watching hears it there as soon as both are connected, while the bucket may be waiting for a cluster
// to elect a new leader; the watcher's values are merged with the live ones.
class FloorNatsWorker : public QObject
{
    Q_OBJECT

public:
    // The same values as FloorLink::Status.
    enum Status { Off, Connecting, Connected, Reconnecting, Failed };
    // How often the watcher's consumer is asked after (and how long an answer is waited for).
    static constexpr int WatchProbeMs = 1000;
    // The watch's idle heartbeats: libnats reports a consumer that went silent after two missed ones.
    static constexpr int WatchHeartbeatMs = 5000;
    // JetStream set-up and the watcher are tried again this soon while the cluster elects leaders.
    static constexpr int RetryMs = 250;
    // How long a live value outranks a different one from the bucket (longer than a cluster's election).
    static constexpr int LiveHoldMs = 15000;
    // After a failover, how long a look at the bucket's stream waits for its answer: while the cluster
    // elects the stream's leader nobody answers, so the console asks again soon rather than waiting long.
    static constexpr int BucketProbeMs = 250;

    explicit FloorNatsWorker(const FloorSettings &settings);
    ~FloorNatsWorker() override;

    // All of these run on the floor thread (FloorLink invokes them queued).
    void open();
    void shutdown(); // deletes this console's entries when connected, then closes
    void setEntry(const QString &key, const QByteArray &value);
    void removeEntry(const QString &key);
    void serve(const QString &subject);
    void publish(const QString &subject, const QByteArray &body);
    void request(const QString &subject, const QByteArray &body, quint64 token);
    void appendAudit(const QString &subject, const QByteArray &body);
    void watch();

    // Called by libnats' threads through the relay.
    void relayConnected();
    void relayDisconnected();
    void relayReconnected();
    void relayClosed();
    void relayAsyncError(const void *subscription, int status);
    void relayLive(const QByteArray &subject, const QByteArray &value);

    // The live path (FloorNatsWorkerLive.cpp), callable from any thread: publishing does not wait for
    // the server (libnats buffers while reconnecting). FloorLink publishes each change at once from a
    // thread of its own, so that it goes out even while this thread waits for JetStream; an empty value
    // is a removal.
    void publishLiveNow(const QString &key, const QByteArray &value);

Q_SIGNALS:
    void statusChanged(int status, const QString &reason);
    void serverChanged(const QString &url); // the server this console is connected to now
    void requestReceived(const QString &subject, const QString &replySubject, const QByteArray &body);
    void replyReceived(quint64 token, const QByteArray &body, bool noResponders);
    void entryChanged(const QString &key, const QByteArray &value, bool removed);
    void watchSynced();
    void auditAppended(bool ok, const QString &error);
    // A write the bucket acknowledged (key, revision): tests and the load generator measure with it.
    void entryWritten(const QString &key, quint64 revision);
    // The server's permissions forbid this console to write the key: it is given up.
    void entryRefused(const QString &key);
    // libnats closed the connection for good without a refusal this console can name (after statusChanged
    // to Reconnecting with what libnats said): FloorLink starts the link again.
    void gaveUp();

private:
    void setStatus(Status status, const QString &reason = {});
    void connectionUp();
    void subscribeLive();
    void setLiveConnection(natsConnection *connection);
    void republishLive(); // every live value again (a (re)connect, the periodic rewrite)
    void forgetLive(const QString &key);
    void leaveLive(); // removals for every live value; nothing is published afterwards
    void publishLiveLocked(const QString &key, const QByteArray &value); // m_liveMutex held
    bool setUpJetStream(QString *error);
    void becameReady();
    void scheduleFlush();
    void flush();
    void refreshAll();
    // Puts the bucket did not answer (its stream between leaders): kept, and written as soon as a short
    // look finds the stream led again (FloorNatsWorkerBucket.cpp).
    void awaitBucket(const QString &error);
    void probeBucket();
    bool refusedByServer(const QString &key, int natsStatus);
    void flushAudit();
    void startWatcher();
    void stopWatcher();
    void restartWatcher();
    // One message of the watch: emits entryChanged unless the live path said it already. False for a
    // message that is no bucket entry. Called on the watch thread.
    bool deliverWatched(natsMsg *msg, const QByteArray &subjectPrefix);
    void probeWatcher();
    void subscribePending();
    QString lastError(int natsStatus) const;
    // Why the servers closed a connection that never came up (libnats gives up on servers that refuse
    // it and says only "no server available"): one direct attempt, which reports the refusal itself
    // (credentials, the server's certificate, a client certificate wanted, TLS not offered).
    QString refusalReason();
    // Why the servers closed a connection: refusalReason() for one that never came up; for one that was up,
    // what its credentials file says when it now has a problem (its JWT expired meanwhile), else empty.
    QString closedReason();
    bool usesTls() const; // floor/tls, or a tls:// server

    FloorSettings m_settings;
    std::unique_ptr<FloorNatsHandles> m_nats;
    FloorNatsRelay *m_relay; // outlives this object: libnats may call back after the connection closed
    Status m_status = Off;
    bool m_ready = false; // connected and the bucket and stream are bound
    bool m_closing = false;
    bool m_everConnected = false; // a connection closed before this was set was refused
    bool m_everReady = false; // JetStream was bound once: later failures to bind are a failover's
    bool m_flushQueued = false;
    bool m_awaitingBucket = false; // a put went unanswered: the others wait for probeBucket()
    QTimer m_bucketProbe {this};
    bool m_watchWanted = false;
    QStringList m_serveWanted;
    QByteArray m_replyInbox; // <inbox prefix>.<unique>: replies to this console's requests come to .<token>
    QHash<QString, QByteArray> m_desired;
    QSet<QString> m_dirty;
    QSet<QString> m_removed;
    std::mutex m_liveMutex; // the three below
    natsConnection *m_liveConnection = nullptr;
    QHash<QString, QByteArray> m_liveValues; // what this console published live, by key
    std::atomic<bool> m_liveRefused = false; // the server does not let this console publish live changes
    FloorLiveMerge m_merge {LiveHoldMs};
    QList<QPair<QString, QByteArray>> m_auditQueue;
    QTimer m_refresh {this}; // a child, so it moves to the floor thread with the worker
    QThread *m_watchThread = nullptr;
    QTimer m_watchProbe {this};
    QByteArray m_watchConsumer; // the watch's consumer's name
    std::atomic<bool> m_watchStop {false};
};
