#include "session/models/MonitoredAddressModel.h"

#include "core/Tapi.h"
#include "lines/Line.h"
#include "session/CallEngine.h"

namespace {

bool isMonitored(const Line *line)
{
    return line && line->capabilities().addressSharing == Tapi::SharingMonitored;
}

} // namespace

MonitoredAddressModel::MonitoredAddressModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

void MonitoredAddressModel::setEngine(CallEngine *engine)
{
    if (engine == m_engine)
        return;
    if (m_engine) {
        disconnect(m_engine, nullptr, this, nullptr);
        for (Line *line : std::as_const(m_capabilitiesWatched))
            disconnect(line, nullptr, this, nullptr);
        m_capabilitiesWatched.clear();
    }
    m_engine = engine;
    if (m_engine)
        connect(m_engine, &CallEngine::linesChanged, this, &MonitoredAddressModel::sync);
    sync();
    Q_EMIT engineChanged();
}

MonitoredAddressModel::Status MonitoredAddressModel::statusOf(const Line *line)
{
    if (!line || !line->isOpen() || !line->inService())
        return Unknown;
    if (!line->addressInUse())
        return Idle;
    return line->addressRinging() ? Ringing : Busy;
}

int MonitoredAddressModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant MonitoredAddressModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Line *line = m_rows.at(index.row());
    if (!line)
        return {};
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return line->name();
    case LineRole:
        return QVariant::fromValue(const_cast<Line *>(line));
    case LineIdRole:
        return line->lineId();
    case AddressRole:
        return line->address();
    case StatusRole:
        return statusOf(line);
    case ReasonRole:
        // The provider's words; empty for a closed line (the status says unknown).
        return line->isOpen() && !line->inService() ? line->outOfServiceReason() : QString();
    default:
        return {};
    }
}

QHash<int, QByteArray> MonitoredAddressModel::roleNames() const
{
    return {
        {LineRole, "line"},       {LineIdRole, "lineId"}, {NameRole, "name"},
        {AddressRole, "address"}, {StatusRole, "status"}, {ReasonRole, "reason"},
    };
}

void MonitoredAddressModel::sync()
{
    QList<Line *> wanted;
    if (m_engine) {
        for (Line *line : m_engine->lines()) {
            // Any line may become a monitored address, or stop being one, when its capabilities change.
            if (!m_capabilitiesWatched.contains(line)) {
                m_capabilitiesWatched.insert(line);
                connect(line, &Line::capabilitiesChanged, this, &MonitoredAddressModel::sync);
                connect(line, &QObject::destroyed, this, [this, line] {
                    m_capabilitiesWatched.remove(line);
                    sync();
                });
            }
            if (isMonitored(line))
                wanted.append(line);
        }
    }
    const qsizetype before = m_rows.size();
    // Rows whose line is gone or no longer monitored go; what stays keeps the engine's order, so the
    // new ones then go in where the engine lists them.
    for (qsizetype row = m_rows.size() - 1; row >= 0; --row) {
        Line *line = m_rows.at(row);
        if (line && wanted.contains(line))
            continue;
        beginRemoveRows({}, int(row), int(row));
        unwatch(line);
        m_rows.removeAt(row);
        endRemoveRows();
    }
    for (qsizetype row = 0; row < wanted.size(); ++row) {
        if (row < m_rows.size() && m_rows.at(row) == wanted.at(row))
            continue;
        beginInsertRows({}, int(row), int(row));
        m_rows.insert(row, wanted.at(row));
        watch(wanted.at(row));
        endInsertRows();
    }
    if (m_rows.size() != before)
        Q_EMIT countChanged();
}

void MonitoredAddressModel::watch(Line *line)
{
    m_rowConnections.insert(line,
                            {
                                connect(line, &Line::addressStatusChanged, this,
                                        [this, line] { lineChanged(line, {StatusRole}); }),
                                connect(line, &Line::serviceChanged, this,
                                        [this, line] {
                                            lineChanged(line, {StatusRole, ReasonRole});
                                        }),
                                connect(line, &Line::openChanged, this,
                                        [this, line] {
                                            lineChanged(line, {StatusRole, ReasonRole});
                                        }),
                            });
}

void MonitoredAddressModel::unwatch(Line *line)
{
    // By the pointer: a destroyed line's connections are gone with it, its entry goes here.
    for (const QMetaObject::Connection &connection : m_rowConnections.take(line))
        disconnect(connection);
}

void MonitoredAddressModel::lineChanged(Line *line, const QList<int> &roles)
{
    const qsizetype row = m_rows.indexOf(line);
    if (row < 0)
        return;
    const QModelIndex at = index(int(row));
    Q_EMIT dataChanged(at, at, roles);
}
