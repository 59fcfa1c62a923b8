#pragma once

#include "log/CallRecord.h"

#include <QtCore/qhash.h>
#include <QtCore/qobject.h>
#include <QtCore/qpointer.h>
#include <QtQml/qqmlregistration.h>

class CallEngine;
class CallSession;
class QQmlEngine;
class QJSEngine;
class QSqlDatabase;

// The call history: an SQLite database (QtSql) in the user's data folder, in WAL mode. Every
// terminated session becomes one row, written when the session is terminated in its own committed
// transaction (synchronous=FULL), so killing the process at any moment loses no finished record.
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

public:
    // No default argument: Qt 6.4 constructs a default-constructible QML singleton itself instead of
    // calling create(), and the UI would bind to an empty log.
    explicit CallLog(QObject *parent);
    ~CallLog() override;

    static void setQmlInstance(CallLog *log);
    static CallLog *create(QQmlEngine *, QJSEngine *);
    // <AppDataLocation>/calls.sqlite
    static QString defaultPath();

    // Creates the folder and the schema as needed. False with errorString() on failure.
    bool open(const QString &path = defaultPath());
    void close();
    bool isOpen() const;
    QString path() const { return m_path; }
    QString errorString() const { return m_error; }
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

Q_SIGNALS:
    void openChanged();
    void errorStringChanged();
    void recordWritten(qint64 id, int sessionId);
    void recordUpdated(qint64 id);

private:
    // UPDATE calls SET <assignments> WHERE id = row, with the values bound in order; emits recordUpdated.
    bool updateRow(qint64 row, const QString &assignments, const QVariantList &values);
    struct WrapUp
    {
        QString disposition;
        QString notes;
    };
    bool exec(QSqlDatabase &db, const QString &sql);
    bool migrate(QSqlDatabase &db, int fromVersion);
    void setError(const QString &error);
    void sessionRemoved(CallSession *session);

    QString m_connection;
    QString m_path;
    QString m_error;
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
};
