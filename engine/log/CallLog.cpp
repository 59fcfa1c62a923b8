#include "log/CallLog.h"

#include "core/QmlInstance.h"
#include "core/Tapi.h"
#include "lines/DialString.h"
#include "log/CallLogSchema.h"
#include "log/LogCategory.h"
#include "session/CallEngine.h"
#include "session/CallSession.h"

#include <QtCore/qdir.h>
#include <QtCore/qstandardpaths.h>
#include <QtQml/qjsengine.h>
#include <QtSql/qsqldatabase.h>
#include <QtSql/qsqlerror.h>
#include <QtSql/qsqlquery.h>

#include <utility>

namespace {
int s_connectionCounter = 0;

qint64 msOf(const QDateTime &time)
{
    return time.isValid() ? time.toMSecsSinceEpoch() : -1;
}

// A substring for LIKE ... ESCAPE '\': the user's % and _ are literal characters.
QString likePattern(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('%'), QLatin1String("\\%"));
    escaped.replace(QLatin1Char('_'), QLatin1String("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

} // namespace

CallLog::CallLog(QObject *parent)
    : QObject(parent)
    , m_connection(QStringLiteral("hookline-calllog-%1").arg(++s_connectionCounter))
    , m_writerThread(new QThread(this))
    , m_store(new CallLogStore(m_connection + QStringLiteral("-writer")))
{
    qRegisterMetaType<CallLogStatus>();
    m_writerThread->setObjectName(QStringLiteral("hookline-calllog"));
    m_store->moveToThread(m_writerThread);
    connect(m_writerThread, &QThread::finished, m_store, &QObject::deleteLater);
    connect(m_store, &CallLogStore::statusChanged, this, &CallLog::applyStatus, Qt::QueuedConnection);
    connect(m_store, &CallLogStore::recordWritten, this, &CallLog::recordWritten, Qt::QueuedConnection);
    connect(m_store, &CallLogStore::recordUpdated, this, &CallLog::recordUpdated, Qt::QueuedConnection);
    m_wrapUpTimer.setSingleShot(true);
    m_wrapUpTimer.setInterval(WrapUpWriteDelayMs);
    connect(&m_wrapUpTimer, &QTimer::timeout, this, &CallLog::writeWrapUps);
    m_writerThread->start();
}

CallLog::~CallLog()
{
    close();
    m_writerThread->quit();
    m_writerThread->wait();
}

void CallLog::setQmlInstance(CallLog *log)
{
    QmlInstance<CallLog>::set(log);
}

CallLog *CallLog::create(QQmlEngine *, QJSEngine *)
{
    return QmlInstance<CallLog>::get();
}

QString CallLog::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("calls.sqlite"));
}

void CallLog::post(std::function<void(CallLogStore *)> command)
{
    CallLogStore *store = m_store;
    QMetaObject::invokeMethod(
        store, [store, command = std::move(command)] { command(store); }, Qt::QueuedConnection);
}

void CallLog::setRecordingFolders(const QStringList &folders)
{
    post([folders](CallLogStore *store) { store->setRecordingFolders(folders); });
}

bool CallLog::open(const QString &path)
{
    CallLogStatus status;
    CallLogStore *store = m_store;
    QMetaObject::invokeMethod(
        store, [store, path, &status] { status = store->open(path); }, Qt::BlockingQueuedConnection);
    applyStatus(status);
    return status.open;
}

void CallLog::close()
{
    if (!m_writerThread->isRunning())
        return;
    writeWrapUps(); // what the agent typed last goes in before the log closes
    CallLogStatus status;
    CallLogStore *store = m_store;
    QMetaObject::invokeMethod(
        store,
        [store, &status] {
            store->close();
            status = store->status();
        },
        Qt::BlockingQueuedConnection);
    applyStatus(status);
}

void CallLog::waitForWrites()
{
    if (m_writerThread->isRunning())
        QMetaObject::invokeMethod(
            m_store, [] {}, Qt::BlockingQueuedConnection);
}

void CallLog::applyStatus(const CallLogStatus &status)
{
    if (status.serial <= m_status.serial)
        return; // open() or close() already applied this report, or a newer one
    const CallLogStatus before = m_status;
    m_status = status;
    const bool readerWanted = status.open;
    if (readerWanted && (!isOpen() || before.path != status.path))
        openReader();
    else if (!readerWanted)
        closeReader();
    if (before.error != status.error)
        Q_EMIT errorStringChanged();
    if (before.problem != status.problem)
        Q_EMIT problemChanged();
    if (before.pending != status.pending)
        Q_EMIT pendingCountChanged();
    if (before.open != status.open || before.path != status.path)
        Q_EMIT openChanged();
}

void CallLog::openReader()
{
    closeReader();
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(m_status.path);
    if (!db.open()) {
        qCWarning(lcCallLog).noquote() << "cannot read the call log:" << db.lastError().text();
        return;
    }
    QSqlQuery pragma(db);
    pragma.exec(QStringLiteral("PRAGMA query_only=1")); // the writer thread writes
}

void CallLog::closeReader()
{
    CallLogSchema::closeConnection(m_connection);
}

bool CallLog::isOpen() const
{
    return m_status.open && QSqlDatabase::contains(m_connection)
        && QSqlDatabase::database(m_connection, false).isOpen();
}

void CallLog::attach(CallEngine *engine)
{
    if (engine == m_engine)
        return; // its sessions are watched already
    if (m_engine) {
        disconnect(m_engine, nullptr, this, nullptr);
        for (CallSession *session : m_engine->sessionList())
            disconnect(session, nullptr, this, nullptr);
    }
    writeWrapUps();
    m_callOfSession.clear();
    m_engine = engine;
    if (!engine)
        return;
    // sessionRemoved comes before the handle is freed: everything about the call is still readable.
    connect(engine, &CallEngine::sessionRemoved, this, &CallLog::sessionRemoved);
    connect(engine, &CallEngine::sessionAdded, this, &CallLog::sessionAdded);
    for (CallSession *session : engine->sessionList())
        sessionAdded(session);
}

void CallLog::sessionAdded(CallSession *session)
{
    // The row exists from the start of the call, so a kill during it leaves the call in the log.
    if (m_callOfSession.contains(session))
        return;
    const quint64 call = ++m_lastCall;
    m_callOfSession.insert(session, call);
    post([call, record = recordOf(session, -1)](CallLogStore *store) { store->startCall(call, record); });
    connect(session, &QObject::destroyed, this, [this, session] {
        m_callOfSession.remove(session);
        m_wrapUpChanged.remove(session);
    });
    connect(session, &CallSession::timesChanged, this, [this, session, call] {
        post([call, offered = msOf(session->offeredAt()), connected = msOf(session->connectedAt()),
              dropped = msOf(session->droppedAt())](CallLogStore *store) {
            store->updateLiveTimes(call, offered, connected, dropped);
        });
    });
    // The session is the one place the recording's file is known: its row links it as soon as it starts.
    connect(session, &CallSession::recordingPathChanged, this, [this, session, call] {
        post([call, path = session->recordingPath()](CallLogStore *store) {
            store->linkRecording(call, path);
        });
    });
    // Wrap-up goes through the session only: while the call lives its row follows (coalesced, the notes
    // change as they are typed); once terminated, the completed row carries it and a change the detached
    // handle still gets (before it is freed) updates that row after its completion.
    connect(session, &CallSession::wrapUpChanged, this, [this, session, call] {
        if (m_callOfSession.contains(session)) {
            m_wrapUpChanged.insert(session);
            if (!m_wrapUpTimer.isActive())
                m_wrapUpTimer.start();
            return;
        }
        post([call, disposition = session->disposition(), notes = session->notes()](CallLogStore *store) {
            store->setWrapUp(call, disposition, notes);
        });
    });
}

void CallLog::writeWrapUps()
{
    m_wrapUpTimer.stop();
    for (const CallSession *session : std::exchange(m_wrapUpChanged, {})) {
        if (const quint64 call = m_callOfSession.value(session))
            post([call, disposition = session->disposition(), notes = session->notes()](CallLogStore *store) {
                store->setWrapUp(call, disposition, notes);
            });
    }
}

CallRecord CallLog::recordOf(const CallSession *session, qint64 terminatedAt)
{
    CallRecord r;
    r.sessionId = session->sessionId();
    r.lineId = session->lineId();
    r.address = session->address();
    r.direction = session->direction();
    r.remoteNumber = session->remoteNumber();
    r.remoteName = session->remoteName();
    r.calledNumber = session->calledNumber();
    r.offeredAt = msOf(session->offeredAt());
    r.connectedAt = msOf(session->connectedAt());
    r.droppedAt = msOf(session->droppedAt());
    r.idleAt = msOf(session->idleAt());
    r.terminatedAt = terminatedAt;
    r.durationMs = session->duration();
    r.finalState = Tapi::stateName(session->state());
    r.finalMode = session->modeName();
    r.disconnectMode =
        session->disconnectMode() ? Tapi::disconnectModeName(session->disconnectMode()) : QString();
    r.uuiReceived = session->everyReceivedUserUserInfo();
    r.uuiSent = session->sentUserUserInfo();
    r.isConference = session->isConference();
    r.privilege = Tapi::privilegeName(session->privilege());
    r.outcome = session->outcome();
    r.disposition = session->disposition();
    r.notes = session->notes();
    r.recordingPath = session->recordingPath();
    return r;
}

CallRecord CallLog::recordFor(const CallSession *session, qint64 terminatedAt) const
{
    CallRecord record = recordOf(session, terminatedAt);
    if (session->isSupervisionLeg())
        record.outcome = QLatin1String(CoachingOutcome);
    return record;
}

void CallLog::sessionRemoved(CallSession *session)
{
    const CallRecord record =
        recordFor(session, m_engine ? m_engine->nowMs() : QDateTime::currentMSecsSinceEpoch());
    // The completed row carries the wrap-up as it is now.
    m_wrapUpChanged.remove(session);
    quint64 call = m_callOfSession.take(session);
    if (!call)
        call = ++m_lastCall;
    post([call, record](CallLogStore *store) { store->finishCall(call, record); });
}

void CallLog::finishOpenCalls()
{
    writeWrapUps();
    const qint64 now = m_engine ? m_engine->nowMs() : QDateTime::currentMSecsSinceEpoch();
    for (auto it = m_callOfSession.cbegin(); it != m_callOfSession.cend(); ++it) {
        const CallSession *session = it.key();
        CallRecord record = recordFor(session, now);
        const Tapi::CallState state = session->state();
        if (state != Tapi::Idle && state != Tapi::Disconnected)
            record.outcome = QLatin1String(InterruptedOutcome);
        post([call = it.value(), record](CallLogStore *store) { store->finishCall(call, record); });
    }
    m_callOfSession.clear();
    m_wrapUpChanged.clear();
}

void CallLog::write(const CallRecord &record)
{
    post([record](CallLogStore *store) { store->insert(record); });
}

QList<CallRecord> CallLog::records(const QString &search, int limit, qint64 onlyId) const
{
    QList<CallRecord> result;
    if (!isOpen())
        return result;
    QString sql = QStringLiteral("SELECT %1 FROM calls WHERE outcome IS NOT '%2'")
                      .arg(CallLogSchema::selectColumns(), QLatin1String(CallLogStore::LiveOutcome));
    if (onlyId > 0)
        sql += QStringLiteral(" AND id = ?");
    const QString text = search.trimmed();
    // A query that is a number however it is formatted ("+1 555 0103", "(555) 010-3") also matches the
    // stored numbers by their digits, however they were formatted.
    const QString queryDigits = DialString::normalized(text).isEmpty() ? QString() : DialString::digits(text);
    if (!text.isEmpty()) {
        sql += QStringLiteral(" AND (remote_number LIKE ? ESCAPE '\\' OR remote_name LIKE ? ESCAPE '\\' "
                              "OR called_number LIKE ? ESCAPE '\\' OR line_id LIKE ? ESCAPE '\\' "
                              "OR disposition LIKE ? ESCAPE '\\' OR notes LIKE ? ESCAPE '\\' "
                              "OR EXISTS (SELECT 1 FROM received_uui u WHERE u.call_id = calls.id "
                              "AND CAST(u.bytes AS TEXT) LIKE ? ESCAPE '\\') "
                              "OR CAST(uui_sent AS TEXT) LIKE ? ESCAPE '\\'%1)")
                   .arg(queryDigits.isEmpty() ? QString() : QStringLiteral(" OR remote_digits LIKE ?"));
    }
    sql += QStringLiteral(" ORDER BY terminated_at DESC, id DESC");
    if (limit > 0)
        sql += QStringLiteral(" LIMIT %1").arg(limit);
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.setForwardOnly(true);
    query.prepare(sql);
    if (onlyId > 0)
        query.addBindValue(onlyId);
    if (!text.isEmpty()) {
        const QString pattern = likePattern(text);
        for (int i = 0; i < 8; ++i)
            query.addBindValue(pattern);
        if (!queryDigits.isEmpty())
            query.addBindValue(likePattern(queryDigits));
    }
    if (!query.exec()) {
        qCWarning(lcCallLog).noquote() << m_status.path << query.lastError().text();
        return result;
    }
    while (query.next()) {
        CallRecord r;
        int c = 0;
        r.id = query.value(c++).toLongLong();
        r.sessionId = query.value(c++).toInt();
        r.lineId = query.value(c++).toString();
        r.address = query.value(c++).toString();
        r.direction = query.value(c++).toInt();
        r.remoteNumber = query.value(c++).toString();
        r.remoteName = query.value(c++).toString();
        r.calledNumber = query.value(c++).toString();
        r.offeredAt = query.value(c++).toLongLong();
        r.connectedAt = query.value(c++).toLongLong();
        r.droppedAt = query.value(c++).toLongLong();
        r.idleAt = query.value(c++).toLongLong();
        r.terminatedAt = query.value(c++).toLongLong();
        r.durationMs = query.value(c++).toLongLong();
        r.finalState = query.value(c++).toString();
        r.finalMode = query.value(c++).toString();
        r.disconnectMode = query.value(c++).toString();
        r.uuiSent = query.value(c++).toByteArray();
        r.disposition = query.value(c++).toString();
        r.notes = query.value(c++).toString();
        r.isConference = query.value(c++).toInt() != 0;
        r.privilege = query.value(c++).toString();
        r.recordingPath = query.value(c++).toString();
        r.outcome = query.value(c++).toString();
        result.append(r);
    }
    QSqlQuery uui(QSqlDatabase::database(m_connection, false));
    uui.setForwardOnly(true);
    uui.prepare(QStringLiteral("SELECT bytes FROM received_uui WHERE call_id = ? ORDER BY seq"));
    for (CallRecord &r : result) {
        uui.addBindValue(r.id);
        if (!uui.exec())
            break;
        while (uui.next())
            r.uuiReceived.append(uui.value(0).toByteArray());
    }
    return result;
}

int CallLog::recordCount() const
{
    if (!isOpen())
        return 0;
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    return query.exec(QStringLiteral("SELECT COUNT(*) FROM calls WHERE outcome IS NOT '%1'")
                          .arg(QLatin1String(CallLogStore::LiveOutcome)))
            && query.next()
        ? query.value(0).toInt()
        : 0;
}
