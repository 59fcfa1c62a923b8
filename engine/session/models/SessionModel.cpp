#include "session/models/SessionModel.h"

#include "session/CallEngine.h"
#include "session/CallSession.h"

#include <algorithm>

SessionModel::SessionModel(CallEngine *engine, QObject *parent)
    : QAbstractListModel(parent)
{
    connect(engine, &CallEngine::sessionAdded, this, &SessionModel::insert);
    connect(engine, &CallEngine::sessionRemoved, this, &SessionModel::remove);
}

int SessionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_sessions.size());
}

QVariant SessionModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CallSession *s = m_sessions.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return QStringLiteral("%1 %2").arg(s->remoteNumber(), s->stateName());
    case SessionRole:
        return QVariant::fromValue(const_cast<CallSession *>(s));
    case SessionIdRole:
        return s->sessionId();
    case LineIdRole:
        return s->lineId();
    case AddressRole:
        return s->address();
    case StateRole:
        return s->state();
    case StateNameRole:
        return s->stateName();
    case ModeRole:
        return s->mode();
    case ModeNameRole:
        return s->modeName();
    case DirectionRole:
        return s->direction();
    case PrivilegeRole:
        return s->privilege();
    case RemoteNumberRole:
        return s->remoteNumber();
    case RemoteNameRole:
        return s->remoteName();
    case FeaturesRole:
        return s->features().toInt(); // roles carry numbers; delegates test them with Tapi's names
    case IsConferenceRole:
        return s->isConference();
    case ConferenceParentIdRole:
        return s->conferenceParent() ? s->conferenceParent()->sessionId() : 0;
    case DisconnectModeRole:
        return s->disconnectMode();
    case UserUserInfoTextRole:
        return s->userUserInfoText();
    case ConnectedAtRole:
        return s->connectedAt();
    default:
        return {};
    }
}

QHash<int, QByteArray> SessionModel::roleNames() const
{
    return {
        {SessionRole, "session"},
        {SessionIdRole, "sessionId"},
        {LineIdRole, "lineId"},
        {AddressRole, "address"},
        {StateRole, "state"},
        {StateNameRole, "stateName"},
        {ModeRole, "mode"},
        {ModeNameRole, "modeName"},
        {DirectionRole, "direction"},
        {PrivilegeRole, "privilege"},
        {RemoteNumberRole, "remoteNumber"},
        {RemoteNameRole, "remoteName"},
        {FeaturesRole, "features"},
        {IsConferenceRole, "isConference"},
        {ConferenceParentIdRole, "conferenceParentId"},
        {DisconnectModeRole, "disconnectMode"},
        {UserUserInfoTextRole, "userUserInfoText"},
        {ConnectedAtRole, "connectedAt"},
    };
}

CallSession *SessionModel::sessionAt(int row) const
{
    return row >= 0 && row < m_sessions.size() ? m_sessions.at(row) : nullptr;
}

// Rows are appended as the engine creates handles, whose ids only grow, and removals keep the order:
// the list stays sorted by session id, so a row is found by binary search, not a scan.
int SessionModel::rowOf(CallSession *session) const
{
    if (!session)
        return -1;
    const auto it = std::lower_bound(m_ids.cbegin(), m_ids.cend(), session->sessionId());
    const int row = int(it - m_ids.cbegin());
    return it != m_ids.cend() && m_sessions.at(row) == session ? row : -1;
}

void SessionModel::insert(CallSession *session)
{
    const int row = int(m_sessions.size());
    Q_ASSERT(m_ids.isEmpty() || m_ids.constLast() < session->sessionId());
    beginInsertRows(QModelIndex(), row, row);
    m_sessions.append(session);
    m_ids.append(session->sessionId());
    endInsertRows();
    Q_EMIT countChanged();
    // The role lists are built once: views get them by implicit sharing, not a fresh list per change.
    static const QList<int> stateRoles {StateRole,    StateNameRole,      ModeRole,
                                        ModeNameRole, DisconnectModeRole, Qt::DisplayRole};
    static const QList<int> featureRoles {FeaturesRole};
    static const QList<int> privilegeRoles {PrivilegeRole};
    static const QList<int> callInfoRoles {RemoteNumberRole, RemoteNameRole, Qt::DisplayRole};
    static const QList<int> conferenceRoles {IsConferenceRole, ConferenceParentIdRole};
    static const QList<int> uuiRoles {UserUserInfoTextRole};
    static const QList<int> timeRoles {ConnectedAtRole};
    connect(session, &CallSession::stateChanged, this, [this, session] { changed(session, stateRoles); });
    connect(session, &CallSession::featuresChanged, this,
            [this, session] { changed(session, featureRoles); });
    connect(session, &CallSession::privilegeChanged, this,
            [this, session] { changed(session, privilegeRoles); });
    connect(session, &CallSession::callInfoChanged, this,
            [this, session] { changed(session, callInfoRoles); });
    connect(session, &CallSession::conferenceChanged, this,
            [this, session] { changed(session, conferenceRoles); });
    connect(session, &CallSession::userUserInfoChanged, this,
            [this, session] { changed(session, uuiRoles); });
    connect(session, &CallSession::timesChanged, this, [this, session] { changed(session, timeRoles); });
}

void SessionModel::remove(CallSession *session)
{
    const int row = rowOf(session);
    if (row < 0)
        return;
    disconnect(session, nullptr, this, nullptr);
    beginRemoveRows(QModelIndex(), row, row);
    m_sessions.removeAt(row);
    m_ids.removeAt(row);
    endRemoveRows();
    Q_EMIT countChanged();
}

void SessionModel::changed(CallSession *session, const QList<int> &roles)
{
    const int row = rowOf(session);
    if (row < 0)
        return;
    const QModelIndex idx = index(row);
    Q_EMIT dataChanged(idx, idx, roles);
}
