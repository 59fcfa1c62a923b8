#pragma once

#include "log/CallLogStore.h"
#include "log/CallRecord.h"

#include <QtCore/qhash.h>
#include <QtCore/qobject.h>
#include <QtCore/qpointer.h>
#include <QtCore/qset.h>
#include <QtCore/qthread.h>
#include <QtCore/qtimer.h>

#include <QtQml/qqmlregistration.h>
#include <functional>

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
// Writes run on a writer thread (CallLogStore), in the order the calls happen: an fsync, a locked file
// or a damaged one never holds up the GUI thread. Reads (the History page) use their own connection here;
// WAL lets them run beside the writer. A row appears to readers when recordWritten() says so.
// Wrap-up (disposition and notes), the recording and the received UUI live on the session: the log
// observes it (wrapUpChanged, recordingPathChanged) and keeps the call's row in step, the live row while
// the call goes on (a kill keeps them) and the completed row when the session is terminated.
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
    // errorString() on failure; a locked or read-only file is retried in the background, and openChanged
    // says when it opens. Waits for the writer thread: called at start-up, before calls.
    bool open(const QString &path = defaultPath());
    // The folders recordings go to (the one in Settings, the default one): open() links a recording that a
    // kill left without its row's link to the interrupted call it belongs to (OrphanRecordings), and lists
    // it with interruptedRecordings(). Set before open().
    void setRecordingFolders(const QStringList &folders);
    // Writes what is queued, then closes. Waits for the writer thread.
    void close();
    // The console is closing with handles it has not terminated: every one of their rows is completed as
    // the handle stands (a call that ended keeps its outcome, final state and UUI; one still in progress is
    // "interrupted"), as terminating them would. Without it they stayed "live" until the next start.
    void finishOpenCalls();
    // Waits until the writer has carried out everything posted so far (a write the database refused stays
    // queued for its retry). For tools and tests that read right after a call; the console never waits.
    void waitForWrites();
    bool isOpen() const;
    QString path() const { return m_status.path; }
    QString errorString() const { return m_status.error; }
    QString problem() const { return m_status.problem; }
    int pendingCount() const { return m_status.pending; }
    // The recordings of the calls open() found live (the console stopped during them): for
    // RecordingRepair.
    QStringList interruptedRecordings() const { return m_status.interruptedRecordings; }
    // The QSqlDatabase connection name readers use (one per CallLog, on the thread that created it).
    QString connectionName() const { return m_connection; }

    // Writes a row for every session the engine terminates.
    void attach(CallEngine *engine);

    // A finished record that belongs to no session of this run (imports, tools): written in the
    // background; recordWritten() gives its row.
    void write(const CallRecord &record);
    // Newest first; search matches numbers, names, line, disposition and notes (a plain substring,
    // never SQL). limit <= 0 means all.
    QList<CallRecord> records(const QString &search = {}, int limit = 0, qint64 onlyId = 0) const;
    int recordCount() const;

    static CallRecord recordOf(const CallSession *session, qint64 terminatedAt);
    // A wrap-up typed during a call reaches its live row this long after the last change (notes are kept
    // on the session as they are typed: one write, not one per key).
    static constexpr int WrapUpWriteDelayMs = 300;
    // The outcome of a row whose call was live when the console stopped (killed, power lost).
    static constexpr auto InterruptedOutcome = "interrupted";
    // The outcome of a supervisor's coaching leg's row (CallSession::isSupervisionLeg: answered here for a
    // supervisor, or placed here to coach an agent), not a call with a customer. The coached call keeps
    // its own row; who coached it, how and when is in the floor's audit stream.
    static constexpr auto CoachingOutcome = "coaching";

Q_SIGNALS:
    void openChanged();
    void errorStringChanged();
    void problemChanged();
    void pendingCountChanged();
    void recordWritten(qint64 id, int sessionId);
    void recordUpdated(qint64 id);

private:
    void applyStatus(const CallLogStatus &status);
    void openReader();
    void closeReader();
    void sessionAdded(CallSession *session);
    void sessionRemoved(CallSession *session);
    void writeWrapUps();
    // recordOf(), with the outcome of a coaching leg.
    CallRecord recordFor(const CallSession *session, qint64 terminatedAt) const;
    // Runs `command` on the writer thread, after every command posted before it.
    void post(std::function<void(CallLogStore *)> command);

    QString m_connection;
    CallLogStatus m_status;
    QThread *m_writerThread = nullptr;
    CallLogStore *m_store = nullptr; // lives on m_writerThread
    QPointer<CallEngine> m_engine;
    // The writer's name for the row of each live session of the attached engine (the log's own
    // bookkeeping: what the call holds is read from the session).
    QHash<const CallSession *, quint64> m_callOfSession;
    // Live sessions whose wrap-up changed since it last went to their rows.
    QSet<const CallSession *> m_wrapUpChanged;
    QTimer m_wrapUpTimer;
    quint64 m_lastCall = 0;
};
