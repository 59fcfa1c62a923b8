#include "floor/FloorLink.h"

#include "core/QmlInstance.h"
#include "floor/FloorLogging.h"
#include "floor/FloorNatsWorker.h"

#include <QtCore/qthread.h>
#include <QtCore/qtimer.h>

#include <algorithm>

FloorLink::FloorLink(QObject *parent)
    : QObject(parent)
{ }

FloorLink::~FloorLink()
{
    stop();
}

void FloorLink::setQmlInstance(FloorLink *link)
{
    QmlInstance<FloorLink>::set(link);
}

FloorLink *FloorLink::create(QQmlEngine *, QJSEngine *)
{
    return QmlInstance<FloorLink>::get();
}

template<typename F>
void FloorLink::post(F &&call)
{
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, std::forward<F>(call), Qt::QueuedConnection);
}

void FloorLink::setStatus(Status status, const QString &reason)
{
    if (status == m_status && reason == m_reason)
        return;
    m_status = status;
    m_reason = reason;
    if (status == Failed)
        qCWarning(lcFloor) << "floor:" << reason;
    else
        qCInfo(lcFloor) << "floor: status" << status;
    Q_EMIT statusChanged();
}

void FloorLink::onWorkerStatus(Status status, const QString &reason)
{
    if (status == Connected) {
        m_restarting = false;
        m_restartDelayMs = RestartFirstMs;
    }
    setStatus(status, reason);
    // Started again and refused: the refusal stays in view until the next try.
    if (status == Failed && m_restarting)
        startAgainLater();
}

void FloorLink::startAgainLater()
{
    const int delay = m_restartDelayMs;
    qCInfo(lcFloor) << "floor: starting the link again in" << delay << "ms";
    // On m_context: a stop() or start() meanwhile cancels it.
    QTimer::singleShot(delay, m_context, [this, next = std::min(delay * 2, int(RestartMaxMs))] {
        const FloorSettings settings = m_settings;
        start(settings);
        m_restarting = true;
        m_restartDelayMs = next;
    });
}

void FloorLink::start(const FloorSettings &settings)
{
    stop();
    m_restarting = false;
    m_restartDelayMs = RestartFirstMs;
    m_settings = settings;
    if (!settings.configured()) {
        setStatus(Off, {});
        return;
    }
    const QString problem = settings.problem();
    if (!problem.isEmpty()) {
        setStatus(Failed, problem);
        return;
    }
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("floor"));
    m_worker = new FloorNatsWorker(settings);
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    // Everything from this worker goes through m_context: deleted by stop(), it takes the connections
    // and any signal still queued with it, so nothing of a stopped link arrives afterwards.
    m_context = new QObject(this);
    connect(m_worker, &FloorNatsWorker::statusChanged, m_context,
            [this](int status, const QString &reason) { onWorkerStatus(Status(status), reason); });
    connect(m_worker, &FloorNatsWorker::gaveUp, m_context, [this] {
        m_restarting = true;
        startAgainLater();
    });
    connect(m_worker, &FloorNatsWorker::serverChanged, m_context,
            [this](const QString &url) { m_server = url; });
    connect(m_worker, &FloorNatsWorker::entryChanged, m_context,
            [this](const QString &key, const QByteArray &value, bool removed) {
                Q_EMIT entryChanged(key, value, removed);
            });
    connect(m_worker, &FloorNatsWorker::watchSynced, m_context, [this] { Q_EMIT watchSynced(); });
    connect(m_worker, &FloorNatsWorker::entryWritten, m_context,
            [this](const QString &key, quint64 revision) { Q_EMIT entryWritten(key, revision); });
    connect(m_worker, &FloorNatsWorker::requestReceived, m_context,
            [this](const QString &subject, const QString &replySubject, const QByteArray &body) {
                Q_EMIT requestReceived(subject, replySubject, body);
            });
    connect(m_worker, &FloorNatsWorker::entryRefused, m_context, [this](const QString &key) {
        m_reason = tr("The floor does not permit this console to publish %1").arg(key);
        Q_EMIT statusChanged();
        Q_EMIT entryRefused(key);
    });
    connect(m_worker, &FloorNatsWorker::replyReceived, m_context,
            [this](quint64 token, const QByteArray &body, bool noResponders) {
                onReply(token, body, noResponders);
            });
    connect(m_worker, &FloorNatsWorker::auditAppended, m_context,
            [this](bool ok, const QString &error) { Q_EMIT auditAppended(ok, error); });
    m_thread->start();
    m_liveThread = new QThread(this);
    m_liveThread->setObjectName(QStringLiteral("floor-live"));
    m_live = new QObject;
    m_live->moveToThread(m_liveThread);
    connect(m_liveThread, &QThread::finished, m_live, &QObject::deleteLater);
    m_liveThread->start();
    setStatus(Connecting, {});
    FloorNatsWorker *worker = m_worker;
    post([worker] { worker->open(); });
}

void FloorLink::stop()
{
    if (!m_thread)
        return;
    // The live path first: nothing is published live after the worker's leaving removals.
    m_liveThread->quit();
    m_liveThread->wait();
    delete m_liveThread;
    m_liveThread = nullptr;
    m_live = nullptr; // deleted with its thread's end
    FloorNatsWorker *worker = m_worker;
    post([worker] { worker->shutdown(); });
    delete m_context;
    m_context = nullptr;
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    m_worker = nullptr;
    const QList<quint64> tokens = m_pending.keys();
    for (quint64 token : tokens)
        onReply(token, {}, false);
    setStatus(Off, {});
}

void FloorLink::setEntry(const QString &key, const QByteArray &value)
{
    FloorNatsWorker *worker = m_worker;
    // The live path first, on its own thread: the floor thread may be waiting for JetStream (a cluster's
    // election).
    if (m_live)
        QMetaObject::invokeMethod(
            m_live, [worker, key, value] { worker->publishLiveNow(key, value); }, Qt::QueuedConnection);
    post([worker, key, value] { worker->setEntry(key, value); });
}

void FloorLink::removeEntry(const QString &key)
{
    FloorNatsWorker *worker = m_worker;
    if (m_live)
        QMetaObject::invokeMethod(
            m_live, [worker, key] { worker->publishLiveNow(key, {}); }, Qt::QueuedConnection);
    post([worker, key] { worker->removeEntry(key); });
}

void FloorLink::watch()
{
    FloorNatsWorker *worker = m_worker;
    post([worker] { worker->watch(); });
}

void FloorLink::serve(const QString &subject)
{
    FloorNatsWorker *worker = m_worker;
    post([worker, subject] { worker->serve(subject); });
}

void FloorLink::reply(const QString &replySubject, const QByteArray &body)
{
    FloorNatsWorker *worker = m_worker;
    post([worker, replySubject, body] { worker->publish(replySubject, body); });
}

quint64 FloorLink::request(const QString &subject, const QByteArray &body)
{
    const quint64 token = m_nextToken++;
    auto *timeout = new QTimer(this);
    timeout->setSingleShot(true);
    connect(timeout, &QTimer::timeout, this, [this, token] {
        if (QTimer *timer = m_pending.take(token)) {
            timer->deleteLater();
            Q_EMIT replyReceived(token, {}, tr("No answer in time"));
        }
    });
    m_pending.insert(token, timeout);
    timeout->start(RequestTimeoutMs);
    if (!m_worker) {
        // Answered on the next turn, like every other outcome, so callers can store the token first.
        QMetaObject::invokeMethod(
            this, [this, token] { onReply(token, {}, false); }, Qt::QueuedConnection);
        return token;
    }
    FloorNatsWorker *worker = m_worker;
    post([worker, subject, body, token] { worker->request(subject, body, token); });
    return token;
}

void FloorLink::onReply(quint64 token, const QByteArray &body, bool noResponders)
{
    QTimer *timer = m_pending.take(token);
    if (!timer)
        return; // timed out before
    timer->deleteLater();
    if (noResponders)
        Q_EMIT replyReceived(token, {}, tr("No console answers for this agent"));
    else if (body.isEmpty())
        Q_EMIT replyReceived(token, {}, tr("Not connected to the floor"));
    else
        Q_EMIT replyReceived(token, body, {});
}

void FloorLink::appendAudit(const QString &subject, const QByteArray &body)
{
    FloorNatsWorker *worker = m_worker;
    post([worker, subject, body] { worker->appendAudit(subject, body); });
}
