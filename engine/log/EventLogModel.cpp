#include "log/EventLogModel.h"
#include "core/QmlInstance.h"

#include "core/Tapi.h"
#include "log/LogCategory.h"
#include "session/CallEngine.h"
#include "session/CallSession.h"

#include <QtCore/qdatetime.h>
#include <QtCore/qfile.h>
#include <QtCore/qjsondocument.h>
#include <QtCore/qjsonobject.h>
#include <QtCore/qsavefile.h>
#include <QtCore/qurl.h>
#include <QtQml/qjsengine.h>

namespace { }

EventLogModel::EventLogModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

void EventLogModel::setQmlInstance(EventLogModel *log)
{
    QmlInstance<EventLogModel>::set(log);
}

EventLogModel *EventLogModel::create(QQmlEngine *, QJSEngine *)
{
    return QmlInstance<EventLogModel>::get();
}

void EventLogModel::attach(CallEngine *engine)
{
    if (m_engine)
        disconnect(m_engine, nullptr, this, nullptr);
    m_engine = engine;
    if (!engine)
        return;
    connect(engine, &CallEngine::sessionStateChanged, this,
            [this](CallSession *session, Tapi::CallState oldState, Tapi::CallState state, int mode) {
                stateChanged(session, oldState, state, mode);
            });
    connect(engine, &CallEngine::sessionTerminated, this,
            [this](int sessionId) { m_conferenceOfSession.remove(sessionId); });
}

void EventLogModel::stateChanged(CallSession *session, Tapi::CallState oldState, Tapi::CallState state,
                                 int mode)
{
    Event event;
    event.timeMs = m_engine ? m_engine->nowMs() : QDateTime::currentMSecsSinceEpoch();
    event.sessionId = session->sessionId();
    event.lineId = session->lineId();
    event.oldState = oldState;
    event.state = state;
    event.mode = mode;
    event.cause = session->eventCause3();
    int conference = 0;
    if (session->isConference())
        conference = session->sessionId();
    else if (state == Tapi::Conferenced && mode)
        conference = mode; // CONFERENCED carries the conference handle as its mode
    else if (const CallSession *parent = session->conferenceParent())
        conference = parent->sessionId();
    if (conference)
        m_conferenceOfSession.insert(event.sessionId, conference);
    else
        conference = m_conferenceOfSession.value(event.sessionId); // e.g. the IDLE of a party that left
    event.conferenceId = conference;
    append(event);
}

void EventLogModel::append(const Event &event)
{
    const qint64 sequence = m_firstSequence + qint64(m_events.size());
    m_events.push_back(event);
    if (matches(event)) {
        const int row = int(m_visible.size());
        beginInsertRows(QModelIndex(), row, row);
        m_visible.push_back(sequence);
        endInsertRows();
    }
    trim();
    Q_EMIT countChanged();
}

void EventLogModel::trim()
{
    if (m_capacity <= 0 || m_events.size() <= size_t(m_capacity))
        return;
    const qint64 drop = qint64(m_events.size()) - m_capacity;
    const qint64 newFirst = m_firstSequence + drop;
    size_t hidden = 0;
    while (hidden < m_visible.size() && m_visible[hidden] < newFirst)
        ++hidden;
    if (hidden > 0) {
        beginRemoveRows(QModelIndex(), 0, int(hidden) - 1);
        m_visible.erase(m_visible.begin(), m_visible.begin() + qsizetype(hidden));
        endRemoveRows();
    }
    m_events.erase(m_events.begin(), m_events.begin() + drop);
    m_firstSequence = newFirst;
}

bool EventLogModel::matches(const Event &event) const
{
    if (m_sessionFilter && event.sessionId != m_sessionFilter)
        return false;
    if (m_conferenceFilter && event.conferenceId != m_conferenceFilter
        && event.sessionId != m_conferenceFilter)
        return false;
    return true;
}

void EventLogModel::refilter()
{
    beginResetModel();
    m_visible.clear();
    for (size_t i = 0; i < m_events.size(); ++i) {
        if (matches(m_events[i]))
            m_visible.push_back(m_firstSequence + qint64(i));
    }
    endResetModel();
    Q_EMIT countChanged();
}

void EventLogModel::setSessionFilter(int sessionId)
{
    if (m_sessionFilter == sessionId)
        return;
    m_sessionFilter = qMax(0, sessionId);
    refilter();
    Q_EMIT filterChanged();
}

void EventLogModel::setConferenceFilter(int conferenceId)
{
    if (m_conferenceFilter == conferenceId)
        return;
    m_conferenceFilter = qMax(0, conferenceId);
    refilter();
    Q_EMIT filterChanged();
}

void EventLogModel::setCapacity(int capacity)
{
    if (m_capacity == capacity)
        return;
    m_capacity = capacity;
    Q_EMIT capacityChanged();
    trim();
    Q_EMIT countChanged();
}

void EventLogModel::clear()
{
    beginResetModel();
    m_firstSequence += qint64(m_events.size());
    m_events.clear();
    m_visible.clear();
    endResetModel();
    Q_EMIT countChanged();
}

int EventLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_visible.size());
}

const EventLogModel::Event &EventLogModel::eventAt(int row) const
{
    return m_events[size_t(m_visible[size_t(row)] - m_firstSequence)];
}

QVariant EventLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Event &e = eventAt(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return QStringLiteral("%1 %2 -> %3")
            .arg(e.sessionId)
            .arg(Tapi::stateName(e.oldState), Tapi::stateName(e.state));
    case TimeRole:
        return QDateTime::fromMSecsSinceEpoch(e.timeMs);
    case TimeMsRole:
        return e.timeMs;
    case SessionIdRole:
        return e.sessionId;
    case ConferenceIdRole:
        return e.conferenceId;
    case LineIdRole:
        return e.lineId;
    case OldStateNameRole:
        return Tapi::stateName(e.oldState);
    case StateNameRole:
        return Tapi::stateName(e.state);
    case ModeNameRole:
        return e.state == Tapi::Conferenced ? QString() : Tapi::modeName(e.state, e.mode);
    case CauseRole:
        return Tapi::eventCause3Name(e.cause);
    // Numbers for QML, which compares them with Tapi.Connected and the other names.
    case CauseValueRole:
        return int(e.cause);
    case OldStateRole:
        return int(e.oldState);
    case StateRole:
        return int(e.state);
    case ModeRole:
        return e.mode;
    default:
        return {};
    }
}

QHash<int, QByteArray> EventLogModel::roleNames() const
{
    return {
        {TimeRole, "time"},
        {TimeMsRole, "timeMs"},
        {SessionIdRole, "sessionId"},
        {ConferenceIdRole, "conferenceId"},
        {LineIdRole, "lineId"},
        {OldStateNameRole, "oldStateName"},
        {StateNameRole, "stateName"},
        {ModeNameRole, "modeName"},
        {CauseRole, "cause"},
        {OldStateRole, "oldStateValue"},
        {StateRole, "stateValue"},
        {ModeRole, "modeValue"},
        {CauseValueRole, "causeValue"},
    };
}

QByteArray EventLogModel::toJsonLine(const Event &e)
{
    QJsonObject o {
        {QStringLiteral("time"),
         QDateTime::fromMSecsSinceEpoch(e.timeMs, Qt::UTC).toString(Qt::ISODateWithMs)},
        {QStringLiteral("t"), e.timeMs},
        {QStringLiteral("session"), e.sessionId},
        {QStringLiteral("line"), e.lineId},
        {QStringLiteral("from"), Tapi::stateName(e.oldState)},
        {QStringLiteral("state"), Tapi::stateName(e.state)},
        {QStringLiteral("cause"), Tapi::eventCause3Name(e.cause)},
    };
    if (e.state != Tapi::Conferenced && e.mode)
        o.insert(QStringLiteral("mode"), Tapi::modeName(e.state, e.mode));
    if (e.conferenceId)
        o.insert(QStringLiteral("conference"), e.conferenceId);
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

bool EventLogModel::exportJsonLines(QIODevice *out, QString *error) const
{
    for (size_t row = 0; row < m_visible.size(); ++row) {
        const QByteArray line = toJsonLine(eventAt(int(row)));
        if (out->write(line) != line.size()) {
            *error = out->errorString();
            return false;
        }
    }
    return true;
}

QString EventLogModel::exportToFile(const QString &pathOrUrl) const
{
    const QUrl url(pathOrUrl);
    const QString path = url.isLocalFile() ? url.toLocalFile() : pathOrUrl;
    if (path.isEmpty() || (url.scheme().size() > 1 && !url.isLocalFile()))
        return tr("Only local files can be written: %1").arg(pathOrUrl);
    QSaveFile file(path);
    QString error;
    if (!file.open(QIODevice::WriteOnly) || !exportJsonLines(&file, &error) || !file.commit()) {
        const QString reason = error.isEmpty() ? file.errorString() : error;
        qCWarning(lcCallLog).noquote() << "event log export to" << path << "failed:" << reason;
        return tr("Cannot write %1: %2").arg(path, reason);
    }
    return {};
}
