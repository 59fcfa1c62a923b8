#include "log/OrphanRecordings.h"

#include "log/CallLogStore.h"
#include "log/LogCategory.h"

#include <QtCore/qdatetime.h>
#include <QtCore/qdir.h>
#include <QtCore/qfileinfo.h>
#include <QtCore/qregularexpression.h>
#include <QtCore/qset.h>
#include <QtSql/qsqldatabase.h>
#include <QtSql/qsqlerror.h>
#include <QtSql/qsqlquery.h>

std::optional<OrphanRecordings::Name> OrphanRecordings::parse(const QString &fileName)
{
    // CallAudioRouter::newRecordingPath's names, with the extension of any format Hookline records.
    static const QRegularExpression pattern(
        QStringLiteral("^call-(\\d{8}-\\d{6})-s(\\d{1,9})(?:-\\d{1,6})?\\.(?:wav|flac|opus)$"));
    const QRegularExpressionMatch match = pattern.match(fileName);
    if (!match.hasMatch())
        return std::nullopt;
    const QDateTime started = QDateTime::fromString(match.captured(1), QStringLiteral("yyyyMMdd-HHmmss"));
    if (!started.isValid())
        return std::nullopt;
    return Name {started.toMSecsSinceEpoch(), match.captured(2).toInt()};
}

QStringList OrphanRecordings::link(QSqlDatabase &db, const QStringList &folders)
{
    QSet<QString> linked;
    QSqlQuery paths(db);
    if (!paths.exec(QStringLiteral("SELECT recording_path FROM calls WHERE recording_path != ''")))
        return {};
    while (paths.next())
        linked.insert(QFileInfo(paths.value(0).toString()).absoluteFilePath());
    paths.finish();

    QStringList repaired;
    QSet<QString> seen;
    for (const QString &folder : folders) {
        const QDir dir(folder);
        if (folder.isEmpty() || seen.contains(dir.absolutePath()))
            continue;
        seen.insert(dir.absolutePath());
        const QFileInfoList files = dir.entryInfoList({QStringLiteral("call-*")}, QDir::Files, QDir::Name);
        for (const QFileInfo &file : files) {
            const QString path = file.absoluteFilePath();
            const std::optional<Name> name = parse(file.fileName());
            if (!name || linked.contains(path))
                continue;
            // The row began before the recording did (offered, or connected for a call placed here); the
            // name keeps whole seconds.
            QSqlQuery row(db);
            row.prepare(
                QStringLiteral("SELECT id FROM calls WHERE session_id = ? AND outcome = ? AND "
                               "COALESCE(recording_path, '') = '' "
                               "AND (CASE WHEN offered_at > 0 THEN offered_at ELSE connected_at END) < ? "
                               "ORDER BY id DESC LIMIT 1"));
            row.addBindValue(name->sessionId);
            row.addBindValue(QLatin1String(CallLogStore::InterruptedOutcome));
            row.addBindValue(name->startedMs + 1000);
            if (!row.exec() || !row.next())
                continue;
            const qint64 id = row.value(0).toLongLong();
            row.finish();
            QSqlQuery update(db);
            update.prepare(QStringLiteral("UPDATE calls SET recording_path = ? WHERE id = ?"));
            update.addBindValue(path);
            update.addBindValue(id);
            if (!update.exec()) {
                qCWarning(lcCallLog).noquote()
                    << "cannot link the recording" << path << "to its call:" << update.lastError().text();
                continue;
            }
            qCInfo(lcCallLog).noquote() << "recording" << path << "linked to its interrupted call, row" << id;
            linked.insert(path);
            repaired << path;
        }
    }
    return repaired;
}
