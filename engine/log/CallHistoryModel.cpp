#include "log/CallHistoryModel.h"

#include "log/CallLog.h"

#include <QtCore/qdatetime.h>

namespace {
QVariant timeOf(qint64 ms)
{
    return ms < 0 ? QVariant() : QVariant(QDateTime::fromMSecsSinceEpoch(ms));
}
} // namespace

CallHistoryModel::CallHistoryModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

void CallHistoryModel::setLog(CallLog *log)
{
    if (m_log == log)
        return;
    if (m_log)
        disconnect(m_log, nullptr, this, nullptr);
    m_log = log;
    if (log) {
        connect(log, &CallLog::recordWritten, this, &CallHistoryModel::recordWritten);
        connect(log, &CallLog::recordUpdated, this, &CallHistoryModel::recordUpdated);
        connect(log, &CallLog::openChanged, this, &CallHistoryModel::reload);
    }
    Q_EMIT logChanged();
    reload();
}

void CallHistoryModel::setSearch(const QString &search)
{
    if (m_search == search)
        return;
    m_search = search;
    Q_EMIT searchChanged();
    reload();
}

void CallHistoryModel::setLimit(int limit)
{
    if (m_limit == limit)
        return;
    m_limit = limit;
    Q_EMIT limitChanged();
    reload();
}

void CallHistoryModel::reload()
{
    const int before = int(m_rows.size());
    beginResetModel();
    m_rows = m_log ? m_log->records(m_search, m_limit) : QList<CallRecord>();
    endResetModel();
    if (before != m_rows.size())
        Q_EMIT countChanged();
}

void CallHistoryModel::recordWritten(qint64 id)
{
    // The log writes in the background: a row the model read when it (re)loaded may be announced after.
    for (const CallRecord &shown : std::as_const(m_rows)) {
        if (shown.id == id) {
            recordUpdated(id);
            return;
        }
    }
    const QList<CallRecord> found = m_log->records(m_search, 1, id);
    if (found.isEmpty())
        return; // does not match the search
    beginInsertRows(QModelIndex(), 0, 0);
    m_rows.prepend(found.first());
    endInsertRows();
    if (m_limit > 0 && m_rows.size() > m_limit) {
        beginRemoveRows(QModelIndex(), m_limit, int(m_rows.size()) - 1);
        m_rows.resize(m_limit);
        endRemoveRows();
    }
    Q_EMIT countChanged();
}

void CallHistoryModel::recordUpdated(qint64 id)
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id != id)
            continue;
        const QList<CallRecord> found = m_log->records(QString(), 1, id);
        if (found.isEmpty())
            return;
        m_rows[row] = found.first();
        Q_EMIT dataChanged(index(row), index(row));
        return;
    }
}

int CallHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant CallHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CallRecord &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return QStringLiteral("%1 %2").arg(r.remoteNumber, r.finalState);
    case RecordIdRole:
        return r.id;
    case SessionIdRole:
        return r.sessionId;
    case LineIdRole:
        return r.lineId;
    case DirectionRole:
        return r.direction;
    case RemoteNumberRole:
        return r.remoteNumber;
    case RemoteNameRole:
        return r.remoteName;
    case CalledNumberRole:
        return r.calledNumber;
    case OfferedAtRole:
        return timeOf(r.offeredAt);
    case ConnectedAtRole:
        return timeOf(r.connectedAt);
    case TerminatedAtRole:
        return timeOf(r.terminatedAt);
    case DurationMsRole:
        return r.durationMs;
    case FinalStateRole:
        return r.finalState;
    case FinalModeRole:
        return r.finalMode;
    case DisconnectModeRole:
        return r.disconnectMode;
    case UuiReceivedRole: {
        QStringList texts;
        for (const QByteArray &uui : r.uuiReceived)
            texts << QString::fromUtf8(uui);
        return texts;
    }
    case UuiSentRole:
        return QString::fromUtf8(r.uuiSent);
    case DispositionRole:
        return r.disposition;
    case NotesRole:
        return r.notes;
    case IsConferenceRole:
        return r.isConference;
    case OutcomeRole:
        return r.outcome;
    default:
        return {};
    }
}

QHash<int, QByteArray> CallHistoryModel::roleNames() const
{
    return {
        {RecordIdRole, "recordId"},
        {SessionIdRole, "sessionId"},
        {LineIdRole, "lineId"},
        {DirectionRole, "direction"},
        {RemoteNumberRole, "remoteNumber"},
        {RemoteNameRole, "remoteName"},
        {CalledNumberRole, "calledNumber"},
        {OfferedAtRole, "offeredAt"},
        {ConnectedAtRole, "connectedAt"},
        {TerminatedAtRole, "terminatedAt"},
        {DurationMsRole, "durationMs"},
        {FinalStateRole, "finalState"},
        {FinalModeRole, "finalMode"},
        {DisconnectModeRole, "disconnectMode"},
        {UuiReceivedRole, "uuiReceived"},
        {UuiSentRole, "uuiSent"},
        {DispositionRole, "disposition"},
        {NotesRole, "notes"},
        {IsConferenceRole, "isConference"},
        {OutcomeRole, "outcome"},
    };
}
