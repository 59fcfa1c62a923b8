#pragma once

#include "floor/FloorSettings.h"

#include <QtCore/qhash.h>
#include <QtCore/qobject.h>
#include <QtCore/qpointer.h>
#include <QtCore/qtimer.h>
#include <QtQml/qqmlregistration.h>

class FloorNatsWorker;
class QJSEngine;
class QQmlEngine;
class QThread;

// This console's link to the floor (issue 16): NATS with JetStream through libnats, on a thread of its
// own. Nothing here waits for the server; results arrive as signals on the GUI thread. Unconfigured
// (no servers) the status is Off and nothing is started: the console works alone.
//
// The link is generic: keys and values for the bucket, subjects and JSON bodies for requests. What the
// console publishes is FloorPublisher's, what it accepts FloorRequestHandler's, what a supervisor sees
// FloorModel's. A QML singleton (the console's link).
class FloorLink : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(Status status READ status NOTIFY statusChanged FINAL)
    Q_PROPERTY(QString statusReason READ statusReason NOTIFY statusChanged FINAL)
    Q_PROPERTY(QString agentId READ agentId NOTIFY statusChanged FINAL)
    // The server of the cluster this console is connected to (empty when not connected).
    Q_PROPERTY(QString server READ server NOTIFY statusChanged FINAL)

public:
    enum Status { Off, Connecting, Connected, Reconnecting, Failed };
    Q_ENUM(Status)

    static constexpr int RequestTimeoutMs = 5000;
    // A connection libnats gave up (it heard the same refusal twice in a row on its reconnects, or had no
    // server left) is started again after this, then after twice as long while it is refused, up to
    // RestartMaxMs: a server restarted with another configuration, or briefly refusing, must not leave the
    // console alone for good.
    static constexpr int RestartFirstMs = 2000;
    static constexpr int RestartMaxMs = 30000;

    // No default argument: Qt 6.4 constructs a default-constructible QML singleton itself instead of
    // calling create().
    explicit FloorLink(QObject *parent);
    ~FloorLink() override;

    // QML singleton: the composition root creates the link and hands it to QML.
    static void setQmlInstance(FloorLink *link);
    static FloorLink *create(QQmlEngine *, QJSEngine *);

    // Starts with these settings (after stopping a running link). Unconfigured: Off; unusable
    // (FloorSettings::problem): Failed with the reason.
    void start(const FloorSettings &settings);
    // Leaves the floor: this console's entries are deleted when connected, the connection closed.
    // Waits for the floor thread (at most the server's answer to those deletes).
    void stop();

    Status status() const { return m_status; }
    QString statusReason() const { return m_reason; }
    QString agentId() const { return m_settings.agentId; }
    QString server() const { return m_status == Connected ? m_server : QString(); }
    const FloorSettings &settings() const { return m_settings; }

    // The bucket (keys such as agent.<id>, call.<agentId>.<sessionId>).
    void setEntry(const QString &key, const QByteArray &value);
    void removeEntry(const QString &key);
    // Every entry of the bucket, now and as it changes: entryChanged, then watchSynced once the entries
    // present at the start have all been delivered.
    void watch();

    // Request/reply. serve(): requestReceived for each request on the subject (wildcards allowed: subject
    // is the one the request was sent to); answer with reply().
    void serve(const QString &subject);
    void reply(const QString &replySubject, const QByteArray &body);
    // Sends a request; replyReceived(token, body, error) follows once: error empty with the answer, or
    // why there is none (no console answers, not connected, timed out).
    quint64 request(const QString &subject, const QByteArray &body);
    // Appends to the audit stream (kept until the server takes it).
    void appendAudit(const QString &subject, const QByteArray &body);

Q_SIGNALS:
    void statusChanged();
    void entryChanged(const QString &key, const QByteArray &value, bool removed);
    void watchSynced();
    void entryWritten(const QString &key, quint64 revision);
    void requestReceived(const QString &subject, const QString &replySubject, const QByteArray &body);
    // The server's permissions forbid this console to write the key: given up, the others go on (the
    // status stays, statusReason says so).
    void entryRefused(const QString &key);
    void replyReceived(quint64 token, const QByteArray &body, const QString &error);
    void auditAppended(bool ok, const QString &error);

private:
    void setStatus(Status status, const QString &reason);
    void onWorkerStatus(Status status, const QString &reason);
    // Starts the link again after m_restartDelayMs (doubled for the next time), keeping the restarting.
    void startAgainLater();
    void onReply(quint64 token, const QByteArray &body, bool noResponders);
    template<typename F>
    void post(F &&call);

    FloorSettings m_settings;
    Status m_status = Off;
    QString m_reason;
    QString m_server;
    QThread *m_thread = nullptr;
    // The live path's thread: each change is published from there at once (the floor thread may be
    // waiting for JetStream, and the GUI thread does no network writes).
    QThread *m_liveThread = nullptr;
    QObject *m_live = nullptr; // lives on m_liveThread
    FloorNatsWorker *m_worker = nullptr;
    QObject *m_context = nullptr;
    // Set while the link is started again after libnats gave it up (cleared once connected, or by start()).
    bool m_restarting = false;
    int m_restartDelayMs = RestartFirstMs;
    quint64 m_nextToken = 1;
    QHash<quint64, QTimer *> m_pending; // requests waiting for their reply, with their timeout
};
