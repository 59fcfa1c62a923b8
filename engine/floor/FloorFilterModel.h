#pragma once

#include <QtCore/qsortfilterproxymodel.h>
#include <QtQml/qqmlregistration.h>

// The supervisor's view of the floor (FloorModel as sourceModel): agents of one team, in one agent state,
// or with a call on one line (an empty filter lets every agent through), in the order of sortKey and
// sortOrder. Sorting and filtering follow the floor as it changes.
class FloorFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString team READ team WRITE setTeam NOTIFY filterChanged FINAL)
    // An AgentState::State key as published ("Ready", "NotReady", "WrapUp", "Offline").
    Q_PROPERTY(QString state READ state WRITE setState NOTIFY filterChanged FINAL)
    Q_PROPERTY(QString line READ line WRITE setLine NOTIFY filterChanged FINAL)
    Q_PROPERTY(SortKey sortKey READ sortKey WRITE setSortKey NOTIFY sortChanged FINAL)
    Q_PROPERTY(Qt::SortOrder sortOrder READ sortOrder WRITE setSortOrder NOTIFY sortChanged FINAL)
    Q_PROPERTY(int count READ count NOTIFY countChanged FINAL)

public:
    // ByArrival: as the agents came onto the floor; ByName: by name (then id); ByState: Ready, Not
    // ready, Wrap-up, Offline; ByTimeInState: shortest first; ByCallCount: fewest calls first. Ties keep
    // the arrival order. Descending reverses each.
    enum SortKey { ByArrival, ByName, ByState, ByTimeInState, ByCallCount };
    Q_ENUM(SortKey)

    explicit FloorFilterModel(QObject *parent = nullptr);

    QString team() const { return m_team; }
    void setTeam(const QString &team);
    QString state() const { return m_state; }
    void setState(const QString &state);
    QString line() const { return m_line; }
    void setLine(const QString &line);
    SortKey sortKey() const { return m_sortKey; }
    void setSortKey(SortKey key);
    Qt::SortOrder sortOrder() const { return m_sortOrder; }
    void setSortOrder(Qt::SortOrder order);
    int count() const { return rowCount(); }

    // The source row's agent id at a row of this model (empty outside it).
    Q_INVOKABLE QString agentIdAt(int row) const;

Q_SIGNALS:
    void filterChanged();
    void sortChanged();
    void countChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void refilter();

    QString m_team;
    QString m_state;
    QString m_line;
    SortKey m_sortKey = ByArrival;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};
