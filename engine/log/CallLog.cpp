#include "log/CallLog.h"
#include "core/QmlInstance.h"

#include "core/Tapi.h"
#include "lines/DialString.h"
#include "log/LogCategory.h"
#include "session/CallEngine.h"
#include "session/CallSession.h"

#include <QtCore/qdir.h>
#include <QtCore/qfile.h>
#include <QtCore/qfileinfo.h>
#include <QtCore/qstandardpaths.h>
#include <QtQml/qjsengine.h>
#include <QtSql/qsqldatabase.h>
#include <QtSql/qsqlerror.h>
#include <QtSql/qsqlquery.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {
int s_connectionCounter = 0;
// 2: recording_path. 3: outcome, remote_digits (the remote number's digits, for search by digits).
constexpr int SchemaVersion = 3;
// The outcome of a row whose call is still going on; readers do not list it. Found when the log is
// opened, it means the console stopped during the call: the row becomes interrupted.
constexpr auto LiveOutcome = "live";

const char *const CreateSchema = R"(
CREATE TABLE IF NOT EXISTS calls (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id INTEGER NOT NULL,
    line_id TEXT NOT NULL,
    address TEXT,
    direction INTEGER,
    remote_number TEXT,
    remote_name TEXT,
    called_number TEXT,
    offered_at INTEGER,
    connected_at INTEGER,
    dropped_at INTEGER,
    idle_at INTEGER,
    terminated_at INTEGER NOT NULL,
    duration_ms INTEGER,
    final_state TEXT,
    final_mode TEXT,
    disconnect_mode TEXT,
    uui_sent BLOB,
    disposition TEXT,
    notes TEXT,
    is_conference INTEGER NOT NULL DEFAULT 0,
    privilege TEXT,
    recording_path TEXT,
    outcome TEXT,
    remote_digits TEXT
))";

const char *const CreateUuiTable = R"(
CREATE TABLE IF NOT EXISTS received_uui (
    call_id INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    bytes BLOB NOT NULL,
    PRIMARY KEY (call_id, seq)
))";

const char *const Columns =
    "id, session_id, line_id, address, direction, remote_number, remote_name, called_number, "
    "offered_at, connected_at, dropped_at, idle_at, terminated_at, duration_ms, final_state, "
    "final_mode, disconnect_mode, uui_sent, disposition, notes, is_conference, "
    "privilege, recording_path, outcome";

// Call data (names, numbers, UUI, notes) is the agent's alone whatever the umask: the folder 0700, the
// database 0600 (created so before SQLite opens it; SQLite gives -wal and -shm the database's mode), and
// files an earlier build left looser are tightened.
void restrictToOwner(const QString &path)
{
    const QString folder = QFileInfo(path).absolutePath();
    QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    const QByteArray name = QFile::encodeName(path);
    const int fd = ::open(name.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0)
        ::close(fd);
    for (const char *suffix : {"", "-wal", "-shm", "-journal"}) {
        const QByteArray file = name + suffix;
        struct stat info
        {
        };
        if (::stat(file.constData(), &info) == 0 && (info.st_mode & 0777) != 0600)
            ::chmod(file.constData(), 0600);
    }
}

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

// The calls table's record columns after session_id and line_id, in the order recordValues() gives
// them: the row written at call start and its completion share one list.
const QStringList &recordColumns()
{
    static const QStringList columns {
        QStringLiteral("address"),       QStringLiteral("direction"),       QStringLiteral("remote_number"),
        QStringLiteral("remote_name"),   QStringLiteral("called_number"),   QStringLiteral("offered_at"),
        QStringLiteral("connected_at"),  QStringLiteral("dropped_at"),      QStringLiteral("idle_at"),
        QStringLiteral("terminated_at"), QStringLiteral("duration_ms"),     QStringLiteral("final_state"),
        QStringLiteral("final_mode"),    QStringLiteral("disconnect_mode"), QStringLiteral("uui_sent"),
        QStringLiteral("disposition"),   QStringLiteral("notes"),           QStringLiteral("is_conference"),
        QStringLiteral("privilege"),     QStringLiteral("recording_path"),  QStringLiteral("outcome"),
        QStringLiteral("remote_digits"),
    };
    return columns;
}

QVariantList recordValues(const CallRecord &record)
{
    return {record.address,      record.direction,
            record.remoteNumber, record.remoteName,
            record.calledNumber, record.offeredAt,
            record.connectedAt,  record.droppedAt,
            record.idleAt,       record.terminatedAt,
            record.durationMs,   record.finalState,
            record.finalMode,    record.disconnectMode,
            record.uuiSent,      record.disposition,
            record.notes,        int(record.isConference),
            record.privilege,    record.recordingPath,
            record.outcome,      DialString::digits(record.remoteNumber)};
}
} // namespace

CallLog::CallLog(QObject *parent)
    : QObject(parent)
    , m_connection(QStringLiteral("hookline-calllog-%1").arg(++s_connectionCounter))
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &CallLog::retryPending);
}

CallLog::~CallLog()
{
    close();
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

bool CallLog::exec(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (query.exec(sql))
        return true;
    setError(QStringLiteral("%1: %2").arg(m_path, query.lastError().text()));
    return false;
}

void CallLog::setError(const QString &error)
{
    if (!error.isEmpty())
        qCWarning(lcCallLog).noquote() << error;
    if (m_error == error)
        return;
    m_error = error;
    Q_EMIT errorStringChanged();
}

bool CallLog::open(const QString &path)
{
    QString why;
    const OpenResult result = openDatabase(path, &why);
    if (result == OpenResult::Opened)
        loadPending();
    if (result == OpenResult::Failed && QFileInfo(QFileInfo(path).absolutePath()).isDir()) {
        // Locked or read-only now, maybe not for long: calls wait in the queue, and opening is retried.
        m_journal = CallLogJournal(path + QStringLiteral(".pending"));
        m_pending = m_journal.load();
        Q_EMIT pendingCountChanged();
        if (!m_retry.isActive())
            m_retry.start(m_retryDelayMs);
    }
    if (result != OpenResult::Unusable)
        return result == OpenResult::Opened;
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
        setProblem(tr("The call history file %1 is damaged and cannot be moved aside: calls are not being "
                      "recorded.")
                       .arg(path));
        return false;
    }
    qCWarning(lcCallLog).noquote() << path << "is damaged (" << why << "); set aside as" << aside;
    if (openDatabase(path, &why) != OpenResult::Opened)
        return false;
    loadPending();
    setProblem(tr("The call history file was damaged. It was set aside as %1 and a new, empty history "
                  "was started; calls are recorded again.")
                   .arg(aside));
    return true;
}

void CallLog::loadPending()
{
    m_journal = CallLogJournal(m_path + QStringLiteral(".pending"));
    m_pending = m_journal.load();
    Q_EMIT pendingCountChanged();
    if (!m_pending.isEmpty()) {
        qCInfo(lcCallLog) << m_pending.size() << "call-log write(s) pending from an earlier run";
        m_retryDelayMs = FirstRetryMs;
        retryPending();
    }
}

void CallLog::setProblem(const QString &problem)
{
    if (m_problem == problem)
        return;
    m_problem = problem;
    Q_EMIT problemChanged();
}

CallLog::OpenResult CallLog::openDatabase(const QString &path, QString *why)
{
    close();
    m_path = path;
    const QString folder = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(folder)) {
        setError(QStringLiteral("cannot create the folder %1 for the call log").arg(folder));
        Q_EMIT openChanged();
        return OpenResult::Failed;
    }
    restrictToOwner(path);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(path);
    if (!db.open()) {
        setError(QStringLiteral("%1: %2").arg(path, db.lastError().text()));
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connection);
        Q_EMIT openChanged();
        return OpenResult::Failed;
    }
    // Garbage or damaged pages: quick_check reads every page (a few ms for a year of calls).
    if (isUnusable(db, why)) {
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connection);
        return OpenResult::Unusable;
    }
    // WAL: readers never block the writer; FULL: a committed record survives a crash of the process
    // and of the machine.
    QSqlQuery mode(db);
    if (!mode.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !mode.next()
        || mode.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
        setError(QStringLiteral("%1: the database cannot use write-ahead logging").arg(path));
        mode = QSqlQuery();
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connection);
        Q_EMIT openChanged();
        return OpenResult::Failed;
    }
    mode.finish();
    // A database another process holds locked is not waited for (QtSql's default waits 5 s): the write
    // is queued and retried.
    bool ok = exec(db, QStringLiteral("PRAGMA synchronous=FULL"))
        && exec(db, QStringLiteral("PRAGMA busy_timeout=10")) && exec(db, QString::fromLatin1(CreateSchema))
        && exec(db, QString::fromLatin1(CreateUuiTable))
        && exec(db, QStringLiteral("CREATE INDEX IF NOT EXISTS calls_terminated ON calls(terminated_at)"));
    if (ok) {
        QSqlQuery version(db);
        ok = version.exec(QStringLiteral("PRAGMA user_version")) && version.next();
        const int found = ok ? version.value(0).toInt() : -1;
        version.finish();
        if (ok && found > SchemaVersion) {
            setError(QStringLiteral("%1: written by a newer Hookline (schema %2, this one knows %3)")
                         .arg(path)
                         .arg(found)
                         .arg(SchemaVersion));
            ok = false;
        } else if (ok && found < SchemaVersion) {
            ok = migrate(db, found) && exec(db, QStringLiteral("PRAGMA user_version=%1").arg(SchemaVersion));
        }
    }
    if (!ok) {
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connection);
        Q_EMIT openChanged();
        return OpenResult::Failed;
    }
    if (ok)
        ok = markInterrupted(db);
    if (!ok) {
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connection);
        Q_EMIT openChanged();
        return OpenResult::Failed;
    }
    restrictToOwner(path); // -wal and -shm exist now
    setError(QString());
    qCInfo(lcCallLog) << "call log open at" << path;
    Q_EMIT openChanged();
    return OpenResult::Opened;
}

bool CallLog::isUnusable(QSqlDatabase &db, QString *why)
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

bool CallLog::migrate(QSqlDatabase &db, int fromVersion)
{
    // CREATE TABLE IF NOT EXISTS leaves an older table as it was: add the columns it lacks. Checked by
    // name rather than by version, so a database with user_version 0 from any earlier build works too.
    QSqlQuery columns(db);
    if (!columns.exec(QStringLiteral("PRAGMA table_info(calls)"))) {
        setError(QStringLiteral("%1: %2").arg(m_path, columns.lastError().text()));
        return false;
    }
    QStringList have;
    while (columns.next())
        have << columns.value(1).toString();
    columns.finish();
    qCInfo(lcCallLog) << "migrating the call log from schema" << fromVersion << "to" << SchemaVersion;
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

bool CallLog::markInterrupted(QSqlDatabase &db)
{
    // Rows still live when the log is opened belong to a console that was killed (or lost power) during
    // the call: they end at the last time the row knew of. Their recordings were cut short too.
    m_interruptedRecordings.clear();
    QSqlQuery recordings(db);
    if (recordings.exec(
            QStringLiteral("SELECT recording_path FROM calls WHERE outcome = '%1' AND recording_path != ''")
                .arg(QLatin1String(LiveOutcome)))) {
        while (recordings.next())
            m_interruptedRecordings << recordings.value(0).toString();
    }
    recordings.finish();
    QSqlQuery mark(db);
    if (!mark.exec(
            QStringLiteral("UPDATE calls SET outcome = '%1', terminated_at = MAX(COALESCE(offered_at, -1), "
                           "COALESCE(connected_at, -1), COALESCE(dropped_at, -1), COALESCE(idle_at, -1)) "
                           "WHERE outcome = '%2'")
                .arg(QLatin1String(InterruptedOutcome), QLatin1String(LiveOutcome)))) {
        setError(QStringLiteral("%1: %2").arg(m_path, mark.lastError().text()));
        return false;
    }
    if (const int marked = mark.numRowsAffected(); marked > 0)
        qCWarning(lcCallLog) << marked << "call(s) were live when Hookline last stopped; marked interrupted";
    return true;
}

void CallLog::close()
{
    if (!QSqlDatabase::contains(m_connection))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
    Q_EMIT openChanged();
}

bool CallLog::isOpen() const
{
    return QSqlDatabase::contains(m_connection) && QSqlDatabase::database(m_connection, false).isOpen();
}

void CallLog::attach(CallEngine *engine)
{
    if (m_engine)
        disconnect(m_engine, nullptr, this, nullptr);
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
    trackUui(session);
    // The row exists from the start of the call, so a kill during it leaves the call in the log.
    if (m_rowOfSession.contains(session->sessionId()) || !isOpen())
        return;
    CallRecord record = recordOf(session, -1);
    record.outcome = QLatin1String(LiveOutcome);
    record.uuiReceived.clear(); // written with the completed row
    const qint64 row = insertRow(record);
    if (row <= 0)
        return;
    m_rowOfSession.insert(record.sessionId, row);
    // An interrupted call shows how far it got: answered, and when.
    connect(session, &CallSession::timesChanged, this, [this, session, row] {
        if (!m_liveRows.contains(row))
            return;
        updateRow(row, QStringLiteral("offered_at = ?, connected_at = ?, dropped_at = ?"),
                  {msOf(session->offeredAt()), msOf(session->connectedAt()), msOf(session->droppedAt())},
                  false);
    });
    m_liveRows.insert(row);
}

void CallLog::trackUui(CallSession *session)
{
    // The FIFO grows at the tail and is released from the head: whatever is new at the tail is a
    // message, whether or not the agent released earlier ones.
    auto update = [this, session] {
        ReceivedUui &seen = m_receivedUui[session->sessionId()];
        const QList<QByteArray> queue = session->receivedUserUserInfo();
        qsizetype popped = 0;
        while (popped < seen.queue.size()
               && seen.queue.mid(popped) != queue.mid(0, seen.queue.size() - popped))
            ++popped;
        seen.all += queue.mid(seen.queue.size() - popped);
        seen.queue = queue;
    };
    connect(session, &CallSession::userUserInfoChanged, this, update);
    update();
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
    r.uuiReceived = session->receivedUserUserInfo();
    r.uuiSent = session->sentUserUserInfo();
    r.isConference = session->isConference();
    r.privilege = Tapi::privilegeName(session->privilege());
    r.outcome = session->outcome();
    return r;
}

void CallLog::sessionRemoved(CallSession *session)
{
    CallRecord record = recordOf(session, m_engine ? m_engine->nowMs() : QDateTime::currentMSecsSinceEpoch());
    const int id = session->sessionId();
    if (m_receivedUui.contains(id))
        record.uuiReceived = m_receivedUui.take(id).all;
    const WrapUp wrapUp = m_wrapUps.take(id);
    record.disposition = wrapUp.disposition;
    record.notes = wrapUp.notes;
    record.recordingPath = m_recordingPaths.take(id);
    if (const qint64 row = m_rowOfSession.value(id); row && m_liveRows.remove(row)) {
        record.id = row;
        if (!completeRow(record))
            enqueue({PendingWrite::Finished, row, record, {}, {}, {}});
        return;
    }
    if (!write(record) && !m_journal.path().isEmpty())
        enqueue({PendingWrite::Finished, 0, record, {}, {}, {}});
}

qint64 CallLog::write(CallRecord record)
{
    record.id = insertRow(record);
    if (!record.id)
        return 0;
    m_rowOfSession.insert(record.sessionId, record.id);
    qCDebug(lcCallLog) << "recorded session" << record.sessionId << "as row" << record.id;
    Q_EMIT recordWritten(record.id, record.sessionId);
    return record.id;
}

bool CallLog::completeRow(const CallRecord &record)
{
    if (!isOpen())
        return false;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.transaction()) {
        setError(QStringLiteral("%1: %2").arg(m_path, db.lastError().text()));
        return false;
    }
    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE calls SET %1 = ? WHERE id = ?")
                       .arg(recordColumns().join(QLatin1String(" = ?, "))));
    QVariantList values = recordValues(record);
    values.append(record.id);
    for (const QVariant &value : values)
        update.addBindValue(value);
    bool ok = update.exec() && update.numRowsAffected() == 1;
    QString failure = update.lastError().text();
    QSqlQuery clearUui(db);
    if (ok) {
        clearUui.prepare(QStringLiteral("DELETE FROM received_uui WHERE call_id = ?"));
        clearUui.addBindValue(record.id);
        ok = clearUui.exec();
        failure = clearUui.lastError().text();
    }
    if (ok)
        ok = insertUui(db, record.id, record.uuiReceived, &failure);
    if (ok) {
        ok = db.commit();
        failure = db.lastError().text();
    }
    if (!ok) {
        setError(QStringLiteral("%1: session %2 was not completed: %3")
                     .arg(m_path)
                     .arg(record.sessionId)
                     .arg(failure));
        db.rollback();
        return false;
    }
    qCDebug(lcCallLog) << "completed session" << record.sessionId << "in row" << record.id;
    Q_EMIT recordWritten(record.id, record.sessionId);
    return true;
}

bool CallLog::insertUui(QSqlDatabase &db, qint64 row, const QList<QByteArray> &messages, QString *failure)
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

qint64 CallLog::insertRow(CallRecord record)
{
    if (!isOpen()) {
        setError(
            QStringLiteral("the call log is not open: session %1 was not recorded").arg(record.sessionId));
        return 0;
    }
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.transaction()) {
        setError(QStringLiteral("%1: %2").arg(m_path, db.lastError().text()));
        return 0;
    }
    QSqlQuery insert(db);
    const QStringList columns =
        QStringList {QStringLiteral("session_id"), QStringLiteral("line_id")} + recordColumns();
    insert.prepare(QStringLiteral("INSERT INTO calls (%1) VALUES (%2)")
                       .arg(columns.join(QLatin1String(", ")),
                            QStringList(columns.size(), QStringLiteral("?")).join(QLatin1String(", "))));
    const QVariantList values = QVariantList {record.sessionId, record.lineId} + recordValues(record);
    for (const QVariant &value : values)
        insert.addBindValue(value);
    bool ok = insert.exec();
    QString failure = insert.lastError().text();
    record.id = insert.lastInsertId().toLongLong();
    if (ok)
        ok = insertUui(db, record.id, record.uuiReceived, &failure);
    if (ok) {
        ok = db.commit();
        failure = db.lastError().text();
    }
    if (!ok) {
        setError(QStringLiteral("%1: session %2 was not recorded: %3")
                     .arg(m_path)
                     .arg(record.sessionId)
                     .arg(failure));
        db.rollback();
        return 0;
    }
    return record.id;
}

bool CallLog::setWrapUp(int sessionId, const QString &disposition, const QString &notes)
{
    const qint64 row = m_rowOfSession.value(sessionId);
    const bool live = m_engine && m_engine->session(sessionId);
    if (live || !row) {
        if (!live && m_engine) {
            setError(QStringLiteral("no session %1 to attach a wrap-up to").arg(sessionId));
            return false;
        }
        m_wrapUps.insert(sessionId, {disposition, notes});
        return true;
    }
    if (!updateRow(row, QStringLiteral("disposition = ?, notes = ?"), {disposition, notes}))
        enqueue({PendingWrite::WrapUp, row, {}, disposition, notes, {}});
    return true;
}

bool CallLog::setRecordingPath(int sessionId, const QString &path)
{
    const qint64 row = m_rowOfSession.value(sessionId);
    const bool live = m_engine && m_engine->session(sessionId);
    if (live || !row) {
        if (!live && m_engine) {
            setError(QStringLiteral("no session %1 to attach a recording to").arg(sessionId));
            return false;
        }
        m_recordingPaths.insert(sessionId, path);
        // A live call's row links its recording as soon as it starts: a kill leaves both linked.
        return !row || updateRow(row, QStringLiteral("recording_path = ?"), {path}, false);
    }
    if (!updateRow(row, QStringLiteral("recording_path = ?"), {path}))
        enqueue({PendingWrite::Recording, row, {}, {}, {}, path});
    return true;
}

void CallLog::enqueue(const PendingWrite &write)
{
    m_pending.append(write);
    if (!m_journal.append(write))
        qCWarning(lcCallLog).noquote() << "cannot keep the pending call-log write in" << m_journal.path();
    qCInfo(lcCallLog) << "call-log write queued;" << m_pending.size() << "pending";
    Q_EMIT pendingCountChanged();
    if (!m_retry.isActive())
        m_retry.start(m_retryDelayMs);
}

bool CallLog::apply(const PendingWrite &write)
{
    switch (write.kind) {
    case PendingWrite::Finished: {
        CallRecord record = write.record;
        record.id = write.row;
        // The live row is completed; when it is gone (a fresh log after a damaged one) the call is inserted.
        if (write.row && completeRow(record))
            return true;
        return this->write(record) > 0;
    }
    case PendingWrite::WrapUp:
        return updateRow(write.row, QStringLiteral("disposition = ?, notes = ?"),
                         {write.disposition, write.notes});
    case PendingWrite::Recording:
        return updateRow(write.row, QStringLiteral("recording_path = ?"), {write.recordingPath});
    }
    return false;
}

void CallLog::retryPending()
{
    if (!isOpen()) {
        if (m_path.isEmpty() || m_journal.path().isEmpty())
            return;
        m_retryDelayMs = std::min(m_retryDelayMs * 2, LastRetryMs);
        open(m_path); // replays the queue when it opens, retries later when it does not
        return;
    }
    const qsizetype before = m_pending.size();
    // In order: a wrap-up never lands before the row it belongs to.
    while (!m_pending.isEmpty() && apply(m_pending.first()))
        m_pending.removeFirst();
    if (m_pending.size() != before) {
        m_journal.rewrite(m_pending);
        Q_EMIT pendingCountChanged();
    }
    if (m_pending.isEmpty()) {
        m_retryDelayMs = FirstRetryMs;
        return;
    }
    m_retryDelayMs = std::min(m_retryDelayMs * 2, LastRetryMs);
    m_retry.start(m_retryDelayMs);
}

bool CallLog::updateRow(qint64 row, const QString &assignments, const QVariantList &values, bool announce)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE calls SET %1 WHERE id = ?").arg(assignments));
    for (const QVariant &value : values)
        update.addBindValue(value);
    update.addBindValue(row);
    if (!update.exec()) {
        setError(QStringLiteral("%1: %2").arg(m_path, update.lastError().text()));
        return false;
    }
    if (announce)
        Q_EMIT recordUpdated(row);
    return true;
}

QString CallLog::disposition(int sessionId) const
{
    return m_wrapUps.value(sessionId).disposition;
}

QString CallLog::notes(int sessionId) const
{
    return m_wrapUps.value(sessionId).notes;
}

QList<CallRecord> CallLog::records(const QString &search, int limit, qint64 onlyId) const
{
    QList<CallRecord> result;
    if (!isOpen())
        return result;
    QString sql = QStringLiteral("SELECT %1 FROM calls WHERE outcome IS NOT '%2'")
                      .arg(QLatin1String(Columns), QLatin1String(LiveOutcome));
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
        qCWarning(lcCallLog).noquote() << m_path << query.lastError().text();
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
                          .arg(QLatin1String(LiveOutcome)))
            && query.next()
        ? query.value(0).toInt()
        : 0;
}
