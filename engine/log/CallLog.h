#pragma once

#include "log/CallLogJournal.h"
#include "log/CallRecord.h"

#include <QtCore/qhash.h>
#include <QtCore/qobject.h>
#include <QtCore/qpointer.h>
#include <QtCore/qset.h>
#include <QtCore/qtimer.h>
#include <QtQml/qqmlregistration.h>

class CallEngine;
class CallSession;
class QQmlEngine;
class QJSEngine;
class QSqlDatabase;

// The call history: an SQLite database (QtSql) in the user's data folder, in WAL mode, owner-only (0600
// in a 0700 folder). Every session becomes one row, written as "live" when the session appears (offered
// or dialled) and completed when it is terminated, each in its own committed transaction
// (synchronous=FULL): killing the process at any moment loses no finished record, and a call live at the
// kill keeps its row (with its recording) and is marked interrupted when the log is next opened.
// Wrap-up (disposition and notes) is attached to the session before it is closed; given after the
// session is gone it updates the row this run wrote for it.
class CallLog : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool isOpen READ isOpen NOTIFY openChanged FINAL)
    Q_PROPERTY(QString path READ path NOTIFY openChanged FINAL)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged FINAL)
    // For the agent, translated: what went wrong with the history file and what became of it (a damaged
    // file set aside). Empty when all is well.
    Q_PROPERTY(QString problem READ problem NOTIFY problemChanged FINAL)
    // Writes the database refused (locked, read-only), kept in <path>.pending and retried with backoff.
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY pendingCountChanged FINAL)

public:
    // No default argument: Qt 6.4 constructs a default-constructible QML singleton itself instead of
    // calling create(), and the UI would bind to an empty log.
    explicit CallLog(QObject *parent);
    ~CallLog() override;

    static void setQmlInstance(CallLog *log);
    static CallLog *create(QQmlEngine *, QJSEngine *);
    // <AppDataLocation>/calls.sqlite
    static QString defaultPath();

    // Creates the folder and the schema as needed. A damaged file (garbage, pages that fail quick_check) is
    // renamed <path>.corrupt-YYYYMMDD-HHMMSS and a fresh log is created (problem() says so). False with
    // errorString() on failure.
    bool open(const QString &path = defaultPath());
    void close();
    bool isOpen() const;
    QString path() const { return m_path; }
    QString errorString() const { return m_error; }
    QString problem() const { return m_problem; }
    int pendingCount() const { return int(m_pending.size()); }
    // The recordings of the calls open() found live (the console stopped during them): for
    // RecordingRepair.
    QStringList interruptedRecordings() const { return m_interruptedRecordings; }
    // The QSqlDatabase connection name readers use (one per CallLog).
    QString connectionName() const { return m_connection; }

    // Writes a row for every session the engine terminates.
    void attach(CallEngine *engine);

    // Wrap-up for a session: kept until it is terminated, or written into its row if it already is.
    Q_INVOKABLE bool setWrapUp(int sessionId, const QString &disposition, const QString &notes);
    Q_INVOKABLE QString disposition(int sessionId) const;
    Q_INVOKABLE QString notes(int sessionId) const;
    // Where the session's recording went: kept until it is terminated, or written into its row if it
    // already is (the recorder may report after the call ended).
    bool setRecordingPath(int sessionId, const QString &path);

    // One transaction per record. Returns the row id or 0 (errorString() says why).
    qint64 write(CallRecord record);
    // Newest first; search matches numbers, names, line, disposition and notes (a plain substring,
    // never SQL). limit <= 0 means all.
    QList<CallRecord> records(const QString &search = {}, int limit = 0, qint64 onlyId = 0) const;
    int recordCount() const;

    static CallRecord recordOf(const CallSession *session, qint64 terminatedAt);
    // The outcome of a row whose call was live when the console stopped (killed, power lost).
    static constexpr auto InterruptedOutcome = "interrupted";

Q_SIGNALS:
    void openChanged();
    void errorStringChanged();
    void problemChanged();
    void pendingCountChanged();
    void recordWritten(qint64 id, int sessionId);
    void recordUpdated(qint64 id);

private:
    // UPDATE calls SET <assignments> WHERE id = row, with the values bound in order; emits recordUpdated.
    // recordUpdated is for finished rows; live rows are not listed.
    bool updateRow(qint64 row, const QString &assignments, const QVariantList &values, bool announce = true);
    struct WrapUp
    {
        QString disposition;
        QString notes;
    };
    bool exec(QSqlDatabase &db, const QString &sql);
    bool migrate(QSqlDatabase &db, int fromVersion);
    enum class OpenResult { Opened, Failed, Unusable };
    OpenResult openDatabase(const QString &path, QString *why);
    static bool isUnusable(QSqlDatabase &db, QString *why);
    void setProblem(const QString &problem);
    void loadPending();
    void enqueue(const PendingWrite &write);
    bool apply(const PendingWrite &write);
    void retryPending();
    static constexpr int FirstRetryMs = 250;
    static constexpr int LastRetryMs = 30000;
    CallLogJournal m_journal;
    QList<PendingWrite> m_pending;
    QTimer m_retry;
    int m_retryDelayMs = FirstRetryMs;
    bool markInterrupted(QSqlDatabase &db);
    qint64 insertRow(CallRecord record);
    bool completeRow(const CallRecord &record);
    bool insertUui(QSqlDatabase &db, qint64 row, const QList<QByteArray> &messages, QString *failure);
    void sessionAdded(CallSession *session);
    void setError(const QString &error);
    void sessionRemoved(CallSession *session);

    QString m_connection;
    QString m_path;
    QString m_error;
    QString m_problem;
    QPointer<CallEngine> m_engine;
    QHash<int, WrapUp> m_wrapUps; // live sessions
    QHash<int, QString> m_recordingPaths; // live sessions
    struct ReceivedUui
    {
        QList<QByteArray> queue; // the session's FIFO when last seen
        QList<QByteArray> all; // every message, also those released since
    };
    void trackUui(CallSession *session);
    QHash<int, ReceivedUui> m_receivedUui;
    QHash<int, qint64> m_rowOfSession; // sessions this run wrote
    QStringList m_interruptedRecordings;
    QSet<qint64> m_liveRows; // written at the start of a call this run, not completed yet
};
