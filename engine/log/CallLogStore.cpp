#include "log/CallLogStore.h"

#include "core/Tapi.h"
#include "lines/DialString.h"
#include "log/CallLogSchema.h"
#include "log/LogCategory.h"
#include "log/OrphanRecordings.h"

#include <QtCore/qcoreapplication.h>
#include <QtCore/qdatetime.h>
#include <QtCore/qdir.h>
#include <QtCore/qfile.h>
#include <QtCore/qfileinfo.h>
#include <QtSql/qsqldatabase.h>
#include <QtSql/qsqlerror.h>
#include <QtSql/qsqlquery.h>

namespace {

// Call data (names, numbers, UUI, notes) is the agent's alone whatever the umask: the folder 0700, the
// database 0600 (created so before SQLite opens it; SQLite gives -wal and -shm the database's mode), and
// files an earlier build left looser are tightened.
void restrictToOwner(const QString &path)
{
    const QString folder = QFileInfo(path).absolutePath();
    QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    const QByteArray name = QFile::encodeName(path);
    CallLogSchema::createOwnerOnly(name);
    for (const char *suffix : {"", "-wal", "-shm", "-journal"})
        CallLogSchema::tightenToOwner(name + suffix);
}

QString translated(const char *text)
{
    // The context stays CallLog: these are the call log's messages to the agent.
    return QCoreApplication::translate("CallLog", text);
}

} // namespace

CallLogStore::CallLogStore(const QString &connectionName)
    : m_connection(connectionName)
    , m_retry(new QTimer(this))
{
    m_retry->setSingleShot(true);
    connect(m_retry, &QTimer::timeout, this, &CallLogStore::retryPending);
}

CallLogStore::~CallLogStore()
{
    closeConnection();
}

bool CallLogStore::exec(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (query.exec(sql))
        return true;
    setError(QStringLiteral("%1: %2").arg(m_status.path, query.lastError().text()));
    return false;
}

void CallLogStore::setError(const QString &error)
{
    if (m_status.error == error)
        return;
    if (!error.isEmpty())
        qCWarning(lcCallLog).noquote() << error;
    m_status.error = error;
}

void CallLogStore::setProblem(const QString &problem)
{
    m_status.problem = problem;
}

void CallLogStore::publish()
{
    m_status.open = isOpen();
    if (!m_status.open)
        m_status.interruptedRecordings.clear();
    m_status.pending = int(m_pending.size());
    ++m_status.serial;
    Q_EMIT statusChanged(m_status);
}

bool CallLogStore::isOpen() const
{
    return QSqlDatabase::contains(m_connection) && QSqlDatabase::database(m_connection, false).isOpen();
}

CallLogStatus CallLogStore::open(const QString &path)
{
    m_rowOfCall.clear();
    m_liveRows.clear();
    m_reportedClosed = false;
    QString why;
    const OpenResult result = openDatabase(path, &why);
    if (result == OpenResult::Opened)
        loadPending();
    if (result == OpenResult::Failed && QFileInfo(QFileInfo(path).absolutePath()).isDir()) {
        // Locked or read-only now, maybe not for long: calls wait in the queue, and opening is retried.
        m_journal = CallLogJournal(path + QStringLiteral(".pending"));
        m_pending = m_journal.load();
        if (!m_retry->isActive())
            m_retry->start(m_retryDelayMs);
    }
    if (result == OpenResult::Unusable) {
        // A damaged file is kept for whoever wants to look at it, and the log starts afresh: calls go on
        // being recorded.
        const QString aside =
            QStringLiteral("%1.corrupt-%2")
                .arg(path, QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
        bool moved = QFile::rename(path, aside);
        for (const char *suffix : {"-wal", "-shm"}) {
            const QString companion = path + QLatin1String(suffix);
            if (moved && QFileInfo::exists(companion))
                moved = QFile::rename(companion, aside + QLatin1String(suffix));
        }
        if (!moved) {
            setError(QStringLiteral("%1 is damaged (%2) and cannot be set aside").arg(path, why));
            setProblem(translated(QT_TRANSLATE_NOOP("CallLog",
                                                    "The call history file %1 is damaged and cannot be "
                                                    "moved aside: calls are not being recorded."))
                           .arg(path));
        } else {
            qCWarning(lcCallLog).noquote() << path << "is damaged (" << why << "); set aside as" << aside;
            if (openDatabase(path, &why) == OpenResult::Opened) {
                loadPending();
                setProblem(
                    translated(QT_TRANSLATE_NOOP("CallLog",
                                                 "The call history file was damaged. It was set aside as "
                                                 "%1 and a new, empty history was started; calls are "
                                                 "recorded again."))
                        .arg(aside));
            }
        }
    }
    publish();
    return m_status;
}

void CallLogStore::loadPending()
{
    m_journal = CallLogJournal(m_status.path + QStringLiteral(".pending"));
    m_pending = m_journal.load();
    if (!m_pending.isEmpty()) {
        qCInfo(lcCallLog) << m_pending.size() << "call-log write(s) pending from an earlier run";
        m_retryDelayMs = FirstRetryMs;
        retryPending();
    }
}

CallLogStore::OpenResult CallLogStore::openDatabase(const QString &path, QString *why)
{
    closeConnection();
    m_status.path = path;
    const QString folder = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(folder)) {
        setError(QStringLiteral("cannot create the folder %1 for the call log").arg(folder));
        return OpenResult::Failed;
    }
    restrictToOwner(path);
    auto fail = [this](OpenResult result) {
        closeConnection();
        return result;
    };
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(path);
    if (!db.open()) {
        setError(QStringLiteral("%1: %2").arg(path, db.lastError().text()));
        db = QSqlDatabase();
        return fail(OpenResult::Failed);
    }
    // Garbage or damaged pages: quick_check reads every page (a few ms for a year of calls).
    if (isUnusable(db, why)) {
        db = QSqlDatabase();
        return fail(OpenResult::Unusable);
    }
    // WAL: readers never block the writer; FULL: a committed record survives a crash of the process
    // and of the machine.
    {
        QSqlQuery mode(db);
        if (!mode.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !mode.next()
            || mode.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
            setError(QStringLiteral("%1: the database cannot use write-ahead logging").arg(path));
            mode = QSqlQuery();
            db = QSqlDatabase();
            return fail(OpenResult::Failed);
        }
    }
    // A database another process holds locked is not waited for (QtSql's default waits 5 s): the write
    // is queued and retried.
    bool ok = exec(db, QStringLiteral("PRAGMA synchronous=FULL"))
        && exec(db, QStringLiteral("PRAGMA busy_timeout=10"));
    for (const QString &statement : CallLogSchema::createStatements()) {
        if (ok)
            ok = exec(db, statement);
    }
    if (ok) {
        QSqlQuery version(db);
        ok = version.exec(QStringLiteral("PRAGMA user_version")) && version.next();
        const int found = ok ? version.value(0).toInt() : -1;
        version.finish();
        if (ok && found > CallLogSchema::Version) {
            setError(QStringLiteral("%1: written by a newer Hookline (schema %2, this one knows %3)")
                         .arg(path)
                         .arg(found)
                         .arg(CallLogSchema::Version));
            ok = false;
        } else if (ok && found < CallLogSchema::Version) {
            ok = migrate(db, found)
                && exec(db, QStringLiteral("PRAGMA user_version=%1").arg(CallLogSchema::Version));
        }
    }
    if (ok)
        ok = markInterrupted(db);
    if (!ok) {
        db = QSqlDatabase();
        return fail(OpenResult::Failed);
    }
    restrictToOwner(path); // -wal and -shm exist now
    setError(QString());
    qCInfo(lcCallLog) << "call log open at" << path;
    return OpenResult::Opened;
}

bool CallLogStore::isUnusable(QSqlDatabase &db, QString *why)
{
    QSqlQuery check(db);
    if (!check.exec(QStringLiteral("PRAGMA quick_check"))) {
        *why = check.lastError().text();
        // SQLITE_CORRUPT, SQLITE_NOTADB; busy, read-only or missing permissions are not damage.
        const QString code = check.lastError().nativeErrorCode();
        return code == QLatin1String("11") || code == QLatin1String("26");
    }
    QStringList problems;
    while (check.next()) {
        if (const QString line = check.value(0).toString(); line != QLatin1String("ok"))
            problems << line;
    }
    *why = problems.join(QLatin1String("; "));
    return !problems.isEmpty();
}

bool CallLogStore::migrate(QSqlDatabase &db, int fromVersion)
{
    // CREATE TABLE IF NOT EXISTS leaves an older table as it was: add the columns it lacks. Checked by
    // name rather than by version, so a database with user_version 0 from any earlier build works too.
    QSqlQuery columns(db);
    if (!columns.exec(QStringLiteral("PRAGMA table_info(calls)"))) {
        setError(QStringLiteral("%1: %2").arg(m_status.path, columns.lastError().text()));
        return false;
    }
    QStringList have;
    while (columns.next())
        have << columns.value(1).toString();
    columns.finish();
    qCInfo(lcCallLog) << "migrating the call log from schema" << fromVersion << "to"
                      << CallLogSchema::Version;
    if (!have.contains(QLatin1String("recording_path"))
        && !exec(db, QStringLiteral("ALTER TABLE calls ADD COLUMN recording_path TEXT")))
        return false;
    if (!have.contains(QLatin1String("outcome"))) {
        // Rows from before schema 3 get the outcome their times and final state tell.
        if (!exec(db, QStringLiteral("ALTER TABLE calls ADD COLUMN outcome TEXT"))
            || !exec(
                db,
                QStringLiteral("UPDATE calls SET outcome = CASE WHEN is_conference != 0 THEN 'conference' "
                               "WHEN connected_at >= 0 THEN 'answered' "
                               "WHEN direction = %1 THEN 'unanswered' ELSE 'missed' END")
                    .arg(Tapi::Outbound)))
            return false;
    }
    if (!have.contains(QLatin1String("remote_digits"))) {
        QString digits = QStringLiteral("remote_number");
        for (const char *formatting : {" ", "+", "-", ".", "(", ")", "/"})
            digits = QStringLiteral("REPLACE(%1, '%2', '')").arg(digits, QLatin1String(formatting));
        if (!exec(db, QStringLiteral("ALTER TABLE calls ADD COLUMN remote_digits TEXT"))
            || !exec(db, QStringLiteral("UPDATE calls SET remote_digits = %1").arg(digits)))
            return false;
    }
    return true;
}

bool CallLogStore::markInterrupted(QSqlDatabase &db)
{
    // Rows still live when the log is opened belong to a console that was killed (or lost power) during
    // the call: they end at the last time the row knew of. Their recordings were cut short too.
    m_status.interruptedRecordings.clear();
    QSqlQuery recordings(db);
    if (recordings.exec(
            QStringLiteral("SELECT recording_path FROM calls WHERE outcome = '%1' AND recording_path != ''")
                .arg(QLatin1String(LiveOutcome)))) {
        while (recordings.next())
            m_status.interruptedRecordings << recordings.value(0).toString();
    }
    recordings.finish();
    QSqlQuery mark(db);
    if (!mark.exec(
            QStringLiteral("UPDATE calls SET outcome = '%1', terminated_at = MAX(COALESCE(offered_at, -1), "
                           "COALESCE(connected_at, -1), COALESCE(dropped_at, -1), COALESCE(idle_at, -1)) "
                           "WHERE outcome = '%2'")
                .arg(QLatin1String(InterruptedOutcome), QLatin1String(LiveOutcome)))) {
        setError(QStringLiteral("%1: %2").arg(m_status.path, mark.lastError().text()));
        return false;
    }
    if (const int marked = mark.numRowsAffected(); marked > 0) {
        qCWarning(lcCallLog) << marked << "call(s) were live when Hookline last stopped; marked interrupted";
        // A kill between a recording's start and its row's link left the file unnamed by any row.
        m_status.interruptedRecordings << OrphanRecordings::link(db, m_recordingFolders);
    }
    return true;
}

void CallLogStore::closeConnection()
{
    CallLogSchema::closeConnection(m_connection);
}

void CallLogStore::close()
{
    m_retry->stop();
    closeConnection();
    m_rowOfCall.clear();
    m_liveRows.clear();
    publish();
}

void CallLogStore::startCall(quint64 key, const CallRecord &record)
{
    if (!isOpen())
        return; // the finished call is queued or reported when it ends
    CallRecord live = record;
    live.outcome = QLatin1String(LiveOutcome);
    live.uuiReceived.clear(); // written with the completed row
    if (const qint64 row = insertRow(live)) {
        m_rowOfCall.insert(key, row);
        m_liveRows.insert(row);
    } else {
        publish();
    }
}

void CallLogStore::updateLiveTimes(quint64 key, qint64 offeredAt, qint64 connectedAt, qint64 droppedAt)
{
    // An interrupted call shows how far it got: answered, and when.
    const qint64 row = m_rowOfCall.value(key);
    if (!row || !m_liveRows.contains(row) || !isOpen())
        return;
    updateRow(row, QStringLiteral("offered_at = ?, connected_at = ?, dropped_at = ?"),
              {offeredAt, connectedAt, droppedAt}, false);
}

void CallLogStore::linkRecording(quint64 key, const QString &path)
{
    const qint64 row = m_rowOfCall.value(key);
    if (!row) {
        // No row yet (the log was locked at the call's start): the finished record carries the path, and
        // a recording reported after that reaches a queued record.
        for (PendingWrite &write : m_pending) {
            if (write.kind == PendingWrite::Finished && write.callKey == key)
                write.record.recordingPath = path;
        }
        m_journal.rewrite(m_pending);
        return;
    }
    // A live call's row links its recording as soon as it starts: a kill leaves both linked.
    const bool live = m_liveRows.contains(row);
    if (!updateRow(row, QStringLiteral("recording_path = ?"), {path}, !live) && !live)
        keepOrReport({PendingWrite::Recording, row, {}, {}, {}, path, key});
}

void CallLogStore::finishCall(quint64 key, const CallRecord &record)
{
    const qint64 row = m_rowOfCall.value(key);
    if (row && m_liveRows.remove(row)) {
        CallRecord finished = record;
        finished.id = row;
        if (!completeRow(finished))
            keepOrReport({PendingWrite::Finished, row, finished, {}, {}, {}, key});
        return;
    }
    if (const qint64 inserted = insertRow(record)) {
        m_rowOfCall.insert(key, inserted);
        Q_EMIT recordWritten(inserted, record.sessionId);
        return;
    }
    keepOrReport({PendingWrite::Finished, 0, record, {}, {}, {}, key});
}

void CallLogStore::setWrapUp(quint64 key, const QString &disposition, const QString &notes)
{
    const qint64 row = m_rowOfCall.value(key);
    if (!row) {
        for (PendingWrite &write : m_pending) {
            if (write.kind == PendingWrite::Finished && write.callKey == key) {
                write.record.disposition = disposition;
                write.record.notes = notes;
            }
        }
        m_journal.rewrite(m_pending);
        return;
    }
    // A live call's row keeps the wrap-up as it is typed (a kill keeps it); its completion carries it
    // anyway, so a refused write to a live row is not queued.
    const bool live = m_liveRows.contains(row);
    if (!updateRow(row, QStringLiteral("disposition = ?, notes = ?"), {disposition, notes}, !live) && !live)
        keepOrReport({PendingWrite::WrapUp, row, {}, disposition, notes, {}, key});
}

void CallLogStore::insert(const CallRecord &record)
{
    if (const qint64 row = insertRow(record)) {
        Q_EMIT recordWritten(row, record.sessionId);
        return;
    }
    keepOrReport({PendingWrite::Finished, 0, record, {}, {}, {}, 0});
}

void CallLogStore::keepOrReport(const PendingWrite &write)
{
    if (!m_journal.path().isEmpty()) {
        enqueue(write);
        return;
    }
    // Never opened (no path, or a folder that cannot exist): said once, not once per call.
    if (!m_reportedClosed) {
        m_reportedClosed = true;
        setError(QStringLiteral("the call log is not open: calls are not recorded"));
    }
    publish();
}

bool CallLogStore::inTransaction(const QString &what,
                                 const std::function<bool(QSqlDatabase &, QString *)> &statements)
{
    if (!isOpen())
        return false;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.transaction()) {
        setError(QStringLiteral("%1: %2").arg(m_status.path, db.lastError().text()));
        return false;
    }
    QString failure;
    bool ok = statements(db, &failure);
    if (ok) {
        ok = db.commit();
        failure = db.lastError().text();
    }
    if (!ok) {
        setError(QStringLiteral("%1: %2: %3").arg(m_status.path, what, failure));
        db.rollback();
        return false;
    }
    return true;
}

bool CallLogStore::completeRow(const CallRecord &record)
{
    const bool ok = inTransaction(
        QStringLiteral("session %1 was not completed").arg(record.sessionId),
        [this, &record](QSqlDatabase &db, QString *failure) {
            QSqlQuery update(db);
            update.prepare(QStringLiteral("UPDATE calls SET %1 = ? WHERE id = ?")
                               .arg(CallLogSchema::recordColumns().join(QLatin1String(" = ?, "))));
            QVariantList values = CallLogSchema::recordValues(record);
            values.append(record.id);
            for (const QVariant &value : values)
                update.addBindValue(value);
            if (!update.exec()) {
                *failure = update.lastError().text();
                return false;
            }
            if (update.numRowsAffected() != 1) {
                *failure = QStringLiteral("no row %1").arg(record.id);
                return false;
            }
            QSqlQuery clearUui(db);
            clearUui.prepare(QStringLiteral("DELETE FROM received_uui WHERE call_id = ?"));
            clearUui.addBindValue(record.id);
            if (!clearUui.exec()) {
                *failure = clearUui.lastError().text();
                return false;
            }
            return insertUui(db, record.id, record.uuiReceived, failure);
        });
    if (ok) {
        qCDebug(lcCallLog) << "completed session" << record.sessionId << "in row" << record.id;
        Q_EMIT recordWritten(record.id, record.sessionId);
    }
    return ok;
}

bool CallLogStore::insertUui(QSqlDatabase &db, qint64 row, const QList<QByteArray> &messages,
                             QString *failure)
{
    QSqlQuery uui(db);
    uui.prepare(QStringLiteral("INSERT INTO received_uui (call_id, seq, bytes) VALUES (?, ?, ?)"));
    for (qsizetype i = 0; i < messages.size(); ++i) {
        uui.addBindValue(row);
        uui.addBindValue(int(i));
        uui.addBindValue(messages.at(i));
        if (!uui.exec()) {
            *failure = uui.lastError().text();
            return false;
        }
    }
    return true;
}

qint64 CallLogStore::insertRow(const CallRecord &record)
{
    qint64 row = 0;
    const bool ok = inTransaction(
        QStringLiteral("session %1 was not recorded").arg(record.sessionId),
        [&record, &row](QSqlDatabase &db, QString *failure) {
            QSqlQuery insert(db);
            const QStringList columns = QStringList {QStringLiteral("session_id"), QStringLiteral("line_id")}
                + CallLogSchema::recordColumns();
            insert.prepare(
                QStringLiteral("INSERT INTO calls (%1) VALUES (%2)")
                    .arg(columns.join(QLatin1String(", ")),
                         QStringList(columns.size(), QStringLiteral("?")).join(QLatin1String(", "))));
            const QVariantList values =
                QVariantList {record.sessionId, record.lineId} + CallLogSchema::recordValues(record);
            for (const QVariant &value : values)
                insert.addBindValue(value);
            if (!insert.exec()) {
                *failure = insert.lastError().text();
                return false;
            }
            row = insert.lastInsertId().toLongLong();
            return insertUui(db, row, record.uuiReceived, failure);
        });
    if (ok)
        qCDebug(lcCallLog) << "recorded session" << record.sessionId << "as row" << row;
    return ok ? row : 0;
}

bool CallLogStore::updateRow(qint64 row, const QString &assignments, const QVariantList &values,
                             bool announce)
{
    if (!isOpen())
        return false;
    QSqlQuery update(QSqlDatabase::database(m_connection, false));
    update.prepare(QStringLiteral("UPDATE calls SET %1 WHERE id = ?").arg(assignments));
    for (const QVariant &value : values)
        update.addBindValue(value);
    update.addBindValue(row);
    if (!update.exec()) {
        setError(QStringLiteral("%1: %2").arg(m_status.path, update.lastError().text()));
        publish();
        return false;
    }
    if (announce)
        Q_EMIT recordUpdated(row);
    return true;
}

void CallLogStore::enqueue(const PendingWrite &write)
{
    m_pending.append(write);
    if (!m_journal.append(write))
        qCWarning(lcCallLog).noquote() << "cannot keep the pending call-log write in" << m_journal.path();
    qCInfo(lcCallLog) << "call-log write queued;" << m_pending.size() << "pending";
    if (!m_retry->isActive())
        m_retry->start(m_retryDelayMs);
    publish();
}

bool CallLogStore::apply(const PendingWrite &write)
{
    switch (write.kind) {
    case PendingWrite::Finished: {
        CallRecord record = write.record;
        record.id = write.row;
        // The live row is completed; when it is gone (a fresh log after a damaged one) the call is inserted.
        if (write.row && completeRow(record))
            return true;
        record.id = 0;
        const qint64 row = insertRow(record);
        if (!row)
            return false;
        if (write.callKey)
            m_rowOfCall.insert(write.callKey, row);
        Q_EMIT recordWritten(row, record.sessionId);
        return true;
    }
    case PendingWrite::WrapUp:
        return updateRow(write.row, QStringLiteral("disposition = ?, notes = ?"),
                         {write.disposition, write.notes}, true);
    case PendingWrite::Recording:
        return updateRow(write.row, QStringLiteral("recording_path = ?"), {write.recordingPath}, true);
    }
    return false;
}

void CallLogStore::retryPending()
{
    if (!isOpen()) {
        if (m_status.path.isEmpty() || m_journal.path().isEmpty())
            return;
        m_retryDelayMs = std::min(m_retryDelayMs * 2, LastRetryMs);
        // Replays the queue when it opens, retries later when it does not. Never open so far, so no call
        // of this run has a row: the queue holds all they need.
        open(m_status.path);
        return;
    }
    const qsizetype before = m_pending.size();
    // In order: a wrap-up never lands before the row it belongs to.
    while (!m_pending.isEmpty() && apply(m_pending.first()))
        m_pending.removeFirst();
    if (m_pending.size() != before) {
        m_journal.rewrite(m_pending);
        if (m_pending.isEmpty())
            setError(QString());
        publish();
    }
    if (m_pending.isEmpty()) {
        m_retryDelayMs = FirstRetryMs;
        return;
    }
    m_retryDelayMs = std::min(m_retryDelayMs * 2, LastRetryMs);
    m_retry->start(m_retryDelayMs);
}
