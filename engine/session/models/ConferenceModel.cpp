#include "session/models/ConferenceModel.h"

#include "session/CallEngine.h"
#include "session/CallSession.h"

ConferenceModel::ConferenceModel(CallEngine *engine, QObject *parent)
    : QAbstractListModel(parent)
{
    connect(engine, &CallEngine::sessionAdded, this, &ConferenceModel::insert);
    connect(engine, &CallEngine::sessionRemoved, this, &ConferenceModel::remove);
    connect(engine, &CallEngine::conferenceMembershipChanged, this, [this](CallSession *conference) {
        changed(conference, {MemberCountRole, MembersRole});
    });
}

int ConferenceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_conferences.size());
}

QVariant ConferenceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    CallSession *c = m_conferences.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return QStringLiteral("conference %1").arg(c->sessionId());
    case ConferenceRole:
        return QVariant::fromValue(c);
    case SessionIdRole:
        return c->sessionId();
    case StateRole:
        return c->state();
    case StateNameRole:
        return c->stateName();
    case MemberCountRole:
        return int(c->members().size());
    case MembersRole:
        return QVariant::fromValue(c->members());
    case LineIdRole:
        return c->lineId();
    default:
        return {};
    }
}

QHash<int, QByteArray> ConferenceModel::roleNames() const
{
    return {
        {ConferenceRole, "conference"}, {SessionIdRole, "sessionId"},     {StateRole, "state"},
        {StateNameRole, "stateName"},   {MemberCountRole, "memberCount"}, {MembersRole, "members"},
        {LineIdRole, "lineId"},
    };
}

CallSession *ConferenceModel::conferenceAt(int row) const
{
    return row >= 0 && row < m_conferences.size() ? m_conferences.at(row) : nullptr;
}

void ConferenceModel::insert(CallSession *session)
{
    if (!session->isConference())
        return;
    const int row = int(m_conferences.size());
    beginInsertRows(QModelIndex(), row, row);
    m_conferences.append(session);
    endInsertRows();
    Q_EMIT countChanged();
    connect(session, &CallSession::stateChanged, this, [this, session] {
        changed(session, {StateRole, StateNameRole});
    });
}

void ConferenceModel::remove(CallSession *session)
{
    const int row = int(m_conferences.indexOf(session));
    if (row < 0)
        return;
    disconnect(session, nullptr, this, nullptr);
    beginRemoveRows(QModelIndex(), row, row);
    m_conferences.removeAt(row);
    endRemoveRows();
    Q_EMIT countChanged();
}

void ConferenceModel::changed(CallSession *session, const QList<int> &roles)
{
    const int row = int(m_conferences.indexOf(session));
    if (row < 0)
        return;
    const QModelIndex idx = index(row);
    Q_EMIT dataChanged(idx, idx, roles);
}
