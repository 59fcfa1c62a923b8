#pragma once

#include "log/CallLogJournal.h"
#include "log/CallRecord.h"

#include <QtCore/qhash.h>
#include <QtCore/qmetatype.h>
#include <QtCore/qobject.h>
#include <QtCore/qset.h>
#include <QtCore/qstringlist.h>
#include <QtCore/qtimer.h>

class QSqlDatabase;

// What the writer knows of the database, sent to the GUI thread whenever it changes.
struct CallLogStatus
{
    bool open = false;
    QString path;
    QString error; // technical, for the log file and the Settings page
    QString problem; // translated, for the agent: a damaged file set aside, or nothing recorded
    QStringList interruptedRecordings; // recordings of the calls the last run left live
    int pending = 0; // writes in the durable queue
    // Counts the writer's reports: one that arrives after a newer one (queued before open() returned its
    // own) is stale.
    quint64 serial = 0;
};
Q_DECLARE_METATYPE(CallLogStatus)

// The call log's writer: owns the database connection that writes, on CallLog's writer thread, so that
// SQLite's fsyncs (synchronous=FULL), a locked file's retries and a damaged file's recovery never hold
// up the GUI thread. CallLog posts it commands in the order the calls happen; commands name a call by
// a key CallLog gives each session, so that a wrap-up or a recording reported after the call ended
// reaches the row written for that call, whatever became of the session.
// Every method runs on the writer thread.
class CallLogStore : public QObject
{
    Q_OBJECT

public:
    explicit CallLogStore(const QString &connectionName);
    ~CallLogStore() override;

    // Creates the folder and the schema as needed. A damaged file (garbage, pages that fail quick_check)
    // is renamed <path>.corrupt-YYYYMMDD-HHMMSS and a fresh log is created. A locked or read-only file is
    // retried with backoff while calls wait in <path>.pending.
    CallLogStatus open(const QString &path);
    // Where recordings are kept: open() looks there for those a kill left unlinked (OrphanRecordings).
    void setRecordingFolders(const QStringList &folders) { m_recordingFolders = folders; }
    // Finishes what is queued (the durable queue keeps what the database refuses) and closes.
    void close();
    CallLogStatus status() const { return m_status; }

    // A call began: its row is written "live" at once, so a kill leaves it in the log.
    void startCall(quint64 key, const CallRecord &record);
    void updateLiveTimes(quint64 key, qint64 offeredAt, qint64 connectedAt, qint64 droppedAt);
    void linkRecording(quint64 key, const QString &path);
    // The call ended: its live row is completed (or a row inserted when there is none).
    void finishCall(quint64 key, const CallRecord &record);
    void setWrapUp(quint64 key, const QString &disposition, const QString &notes);
    // A finished record that belongs to no call of this run (imports, tools).
    void insert(const CallRecord &record);

    // The outcome of a row whose call was live when the console stopped (killed, power lost).
    static constexpr auto InterruptedOutcome = "interrupted";
    // The outcome of a row whose call is still going on; readers do not list it.
    static constexpr auto LiveOutcome = "live";

Q_SIGNALS:
    void statusChanged(const CallLogStatus &status);
    void recordWritten(qint64 row, int sessionId);
    void recordUpdated(qint64 row);

private:
    enum class OpenResult { Opened, Failed, Unusable };
    OpenResult openDatabase(const QString &path, QString *why);
    void closeConnection();
    bool isOpen() const;
    bool exec(QSqlDatabase &db, const QString &sql);
    bool migrate(QSqlDatabase &db, int fromVersion);
    bool markInterrupted(QSqlDatabase &db);
    static bool isUnusable(QSqlDatabase &db, QString *why);

    qint64 insertRow(const CallRecord &record);
    bool completeRow(const CallRecord &record);
    bool updateRow(qint64 row, const QString &assignments, const QVariantList &values, bool announce);
    static bool insertUui(QSqlDatabase &db, qint64 row, const QList<QByteArray> &messages, QString *failure);
    // Runs `statements` in one transaction; false (and rolled back) when any fails.
    bool inTransaction(const QString &what, const std::function<bool(QSqlDatabase &, QString *)> &statements);

    void loadPending();
    void enqueue(const PendingWrite &write);
    bool apply(const PendingWrite &write);
    void retryPending();
    // A write that cannot reach the database now: queued when a queue is kept, else reported once.
    void keepOrReport(const PendingWrite &write);

    void setError(const QString &error);
    void setProblem(const QString &problem);
    // Sends the status to CallLog.
    void publish();

    static constexpr int FirstRetryMs = 250;
    static constexpr int LastRetryMs = 30000;

    QString m_connection;
    CallLogStatus m_status;
    QStringList m_recordingFolders;
    CallLogJournal m_journal;
    QList<PendingWrite> m_pending;
    QTimer *m_retry = nullptr; // created on the writer thread
    int m_retryDelayMs = FirstRetryMs;
    bool m_reportedClosed = false;
    QHash<quint64, qint64> m_rowOfCall; // calls of this run that have a row
    QSet<qint64> m_liveRows; // rows written at a call's start and not completed yet
};
