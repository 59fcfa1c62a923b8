#pragma once

#include "log/CallRecord.h"

#include <QtCore/qstringlist.h>
#include <QtCore/qvariant.h>

// The call log's tables as the writer (CallLogStore) and the readers (CallLog) both know them.
namespace CallLogSchema {
// 2: recording_path. 3: outcome, remote_digits (the remote number's digits, for search by digits).
constexpr int Version = 3;

// CREATE TABLE / INDEX statements, all IF NOT EXISTS.
QStringList createStatements();
// The calls table's record columns after session_id and line_id, in the order recordValues() gives
// them: the row written at call start and its completion share one list.
const QStringList &recordColumns();
QVariantList recordValues(const CallRecord &record);
// The columns readers select, in CallRecord's order.
QString selectColumns();

// Creates `path` 0600 if it does not exist (before SQLite does, with the umask's mode).
void createOwnerOnly(const QByteArray &path);
// Makes an existing file 0600.
void tightenToOwner(const QByteArray &path);
// Closes and removes the named QSqlDatabase connection, if there is one (on the thread that opened it).
void closeConnection(const QString &name);
} // namespace CallLogSchema
