#pragma once

#include <QtCore/qstring.h>
#include <QtCore/qstringlist.h>

#include <optional>

class QSqlDatabase;

// A recording a kill left without its row's link. The audio thread creates the file when recording
// starts, and the call's row links it a moment later (the session reports it, the writer thread commits
// it): a kill in between leaves a file that no row names. When the call log is opened after such a kill,
// each file in the recording folders that Hookline named (call-YYYYMMDD-HHmmss-s<session>[-n].<ext>) and
// no row links goes to the interrupted row of that session begun before the file was, the newest such row
// with no recording of its own. Names are Hookline's alone (caller text never becomes part of a path), so
// nothing else in the folder is touched.
class OrphanRecordings
{
public:
    struct Name
    {
        qint64 startedMs = 0; // the recording's start to the second, local time, as ms since the epoch
        int sessionId = 0;
    };
    // The start and session a Hookline recording's file name holds; nothing for any other name.
    static std::optional<Name> parse(const QString &fileName);
    // Links the orphans found in `folders` to their rows; returns the files linked (their headers may be
    // short: for RecordingRepair).
    static QStringList link(QSqlDatabase &db, const QStringList &folders);
};
