#pragma once

#include "log/CallRecord.h"

#include <QtCore/qlist.h>
#include <QtCore/qstring.h>

#include <optional>

// A call-log write the database refused (locked by another process, read-only, full), kept until it
// goes through.
struct PendingWrite
{
    enum Kind { Finished, WrapUp, Recording };
    Kind kind = Finished;
    qint64 row = 0; // Finished: the live row to complete, 0 to insert; otherwise the row to update
    CallRecord record; // Finished
    QString disposition; // WrapUp
    QString notes; // WrapUp
    QString recordingPath; // Recording
    // The call this write belongs to in this run (CallLog's key), 0 for none; not kept in the file: keys
    // mean nothing to the next run.
    quint64 callKey = 0;
};

// The durable queue of pending call-log writes: an append-only file next to the database (0600), one
// JSON object per line, each append fsynced. It survives a restart; a line a kill cut short, or any line
// that is not a pending write, is skipped when it is read.
class CallLogJournal
{
public:
    explicit CallLogJournal(const QString &path = {})
        : m_path(path)
    { }
    QString path() const { return m_path; }

    static QByteArray encode(const PendingWrite &write);
    static std::optional<PendingWrite> decode(const QByteArray &line);
    static QList<PendingWrite> parse(const QByteArray &contents);

    bool append(const PendingWrite &write) const;
    QList<PendingWrite> load() const;
    // Replaces the file with `writes` (temporary file, fsync, rename); none left removes it.
    bool rewrite(const QList<PendingWrite> &writes) const;

private:
    QString m_path;
};
