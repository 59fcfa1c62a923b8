#include "floor/FloorFilterModel.h"

#include "agent/AgentState.h"
#include "floor/FloorModel.h"

#include <QtCore/qmetaobject.h>

namespace {
// Where a published state goes in ByState; unknown states last.
int stateRank(const QString &state)
{
    static const QList<int> order {AgentState::Ready, AgentState::NotReady, AgentState::WrapUp,
                                   AgentState::Offline};
    bool known = false;
    const int value =
        QMetaEnum::fromType<AgentState::State>().keyToValue(state.toLatin1().constData(), &known);
    return known ? int(order.indexOf(value)) : int(order.size());
}
} // namespace

FloorFilterModel::FloorFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    sort(0, m_sortOrder);
    connect(this, &QAbstractItemModel::rowsInserted, this, &FloorFilterModel::countChanged);
    connect(this, &QAbstractItemModel::rowsRemoved, this, &FloorFilterModel::countChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &FloorFilterModel::countChanged);
}

void FloorFilterModel::refilter()
{
    invalidateFilter();
    Q_EMIT filterChanged();
}

void FloorFilterModel::setTeam(const QString &team)
{
    if (team == m_team)
        return;
    m_team = team;
    refilter();
}

void FloorFilterModel::setState(const QString &state)
{
    if (state == m_state)
        return;
    m_state = state;
    refilter();
}

void FloorFilterModel::setLine(const QString &line)
{
    if (line == m_line)
        return;
    m_line = line;
    refilter();
}

void FloorFilterModel::setSortKey(SortKey key)
{
    if (key == m_sortKey)
        return;
    m_sortKey = key;
    invalidate(); // the order changes with the same sort column and order
    Q_EMIT sortChanged();
}

void FloorFilterModel::setSortOrder(Qt::SortOrder order)
{
    if (order == m_sortOrder)
        return;
    m_sortOrder = order;
    sort(0, order);
    Q_EMIT sortChanged();
}

QString FloorFilterModel::agentIdAt(int row) const
{
    return data(index(row, 0), FloorModel::AgentIdRole).toString();
}

bool FloorFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex agent = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_team.isEmpty() && agent.data(FloorModel::TeamRole).toString() != m_team)
        return false;
    if (!m_state.isEmpty() && agent.data(FloorModel::StateRole).toString() != m_state)
        return false;
    if (!m_line.isEmpty() && !agent.data(FloorModel::LinesRole).toStringList().contains(m_line))
        return false;
    return true;
}

bool FloorFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    // Ties go by arrival (the source's row order), so equal agents keep their places.
    const auto byArrival = [&] {
        return left.row() < right.row();
    };
    switch (m_sortKey) {
    case ByArrival:
        break;
    case ByName: {
        const int names = QString::localeAwareCompare(left.data(FloorModel::NameRole).toString(),
                                                      right.data(FloorModel::NameRole).toString());
        if (names != 0)
            return names < 0;
        const int ids = QString::compare(left.data(FloorModel::AgentIdRole).toString(),
                                         right.data(FloorModel::AgentIdRole).toString());
        if (ids != 0)
            return ids < 0;
        break;
    }
    case ByState: {
        const int a = stateRank(left.data(FloorModel::StateRole).toString());
        const int b = stateRank(right.data(FloorModel::StateRole).toString());
        if (a != b)
            return a < b;
        break;
    }
    case ByTimeInState: {
        // The later the state began, the shorter the time in it; the order holds as the clock runs.
        const qint64 a = left.data(FloorModel::StateSinceMsRole).toLongLong();
        const qint64 b = right.data(FloorModel::StateSinceMsRole).toLongLong();
        if (a != b)
            return a > b;
        break;
    }
    case ByCallCount: {
        const int a = left.data(FloorModel::CallCountRole).toInt();
        const int b = right.data(FloorModel::CallCountRole).toInt();
        if (a != b)
            return a < b;
        break;
    }
    }
    return byArrival();
}
