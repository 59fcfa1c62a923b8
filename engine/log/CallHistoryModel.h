#pragma once

#include "log/CallLog.h"
#include "log/CallRecord.h"

#include <QtCore/qabstractitemmodel.h>
#include <QtCore/qpointer.h>
#include <QtQml/qqmlregistration.h>

// The call log's rows for the history page, newest first, narrowed by a search text. A record
// written while the model is shown appears at the top when it matches.
class CallHistoryModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(CallLog *log READ log WRITE setLog NOTIFY logChanged FINAL)
    Q_PROPERTY(QString search READ search WRITE setSearch NOTIFY searchChanged FINAL)
    Q_PROPERTY(int limit READ limit WRITE setLimit NOTIFY limitChanged FINAL)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged FINAL)

public:
    enum Role {
        RecordIdRole = Qt::UserRole + 1,
        SessionIdRole,
        LineIdRole,
        DirectionRole,
        RemoteNumberRole,
        RemoteNameRole,
        CalledNumberRole,
        OfferedAtRole,
        ConnectedAtRole,
        TerminatedAtRole,
        DurationMsRole,
        FinalStateRole,
        FinalModeRole,
        DisconnectModeRole,
        UuiReceivedRole,
        UuiSentRole,
        DispositionRole,
        NotesRole,
        IsConferenceRole,
        OutcomeRole,
    };
    Q_ENUM(Role)

    explicit CallHistoryModel(QObject *parent = nullptr);

    CallLog *log() const { return m_log; }
    void setLog(CallLog *log);
    QString search() const { return m_search; }
    void setSearch(const QString &search);
    int limit() const { return m_limit; }
    void setLimit(int limit);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    Q_INVOKABLE void reload();
    const CallRecord &recordAt(int row) const { return m_rows.at(row); }

Q_SIGNALS:
    void logChanged();
    void searchChanged();
    void limitChanged();
    void countChanged();

private:
    void recordWritten(qint64 id);
    void recordUpdated(qint64 id);

    QPointer<CallLog> m_log;
    QString m_search;
    int m_limit = 1000;
    QList<CallRecord> m_rows;
};
