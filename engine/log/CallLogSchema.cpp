#include "log/CallLogSchema.h"

#include "lines/DialString.h"

#include <QtSql/qsqldatabase.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace CallLogSchema {

QStringList createStatements()
{
    return {
        QStringLiteral(R"(
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
))"),
        QStringLiteral(R"(
CREATE TABLE IF NOT EXISTS received_uui (
    call_id INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    bytes BLOB NOT NULL,
    PRIMARY KEY (call_id, seq)
))"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS calls_terminated ON calls(terminated_at)"),
    };
}

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

QString selectColumns()
{
    return QStringLiteral(
        "id, session_id, line_id, address, direction, remote_number, remote_name, called_number, "
        "offered_at, connected_at, dropped_at, idle_at, terminated_at, duration_ms, final_state, "
        "final_mode, disconnect_mode, uui_sent, disposition, notes, is_conference, "
        "privilege, recording_path, outcome");
}

void createOwnerOnly(const QByteArray &path)
{
    const int fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0)
        ::close(fd);
}

void tightenToOwner(const QByteArray &path)
{
    struct stat info
    {
    };
    if (::stat(path.constData(), &info) == 0 && (info.st_mode & 0777) != 0600)
        ::chmod(path.constData(), 0600);
}

void closeConnection(const QString &name)
{
    if (!QSqlDatabase::contains(name))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace CallLogSchema
