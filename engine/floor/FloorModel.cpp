#include "floor/FloorModel.h"

#include "core/QmlInstance.h"
#include "core/Tapi.h"
#include "floor/FloorLink.h"
#include "floor/FloorRequestHandler.h"
#include "floor/FloorSession.h"

#include <QtCore/qdatetime.h>
#include <QtCore/qjsonarray.h>
#include <QtCore/qjsondocument.h>

#include <set>

namespace {
// A call at the agent's station with a voice path or on its way to one.
bool inProgress(int state)
{
    switch (state) {
    case Tapi::DialTone:
    case Tapi::Dialing:
    case Tapi::Proceeding:
    case Tapi::Ringback:
    case Tapi::Connected:
    case Tapi::OnHold:
    case Tapi::Conferenced:
    case Tapi::OnHoldPendConf:
    case Tapi::OnHoldPendTransfer:
        return true;
    default:
        return false;
    }
}

bool waiting(int state)
{
    return state == Tapi::Offering || state == Tapi::Accepted;
}
} // namespace

FloorModel::FloorModel(FloorLink *link, QObject *parent)
    : QAbstractListModel(parent)
    , m_link(link)
    , m_now([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    connect(link, &FloorLink::entryChanged, this, &FloorModel::onEntry);
    connect(link, &FloorLink::watchSynced, this, [this] {
        if (!m_synced) {
            m_synced = true;
            Q_EMIT syncedChanged();
        }
    });
    connect(
        link, &FloorLink::replyReceived, this,
        [this](quint64 token, const QByteArray &body, const QString &error) {
            if (!m_actions.contains(qint64(token)))
                return;
            const Action asked = m_actions.take(qint64(token));
            const QJsonObject reply = QJsonDocument::fromJson(body).object();
            const bool ok = error.isEmpty() && reply.value(QStringLiteral("ok")).toBool();
            const QString result =
                error.isEmpty() ? reply.value(QStringLiteral("result")).toString() : QString();
            const QString message =
                error.isEmpty() ? reply.value(QStringLiteral("message")).toString() : error;
            const int tapiError = error.isEmpty() ? reply.value(QStringLiteral("error")).toInt() : 0;
            // The handle that asked hears first, then the floor's log.
            if (FloorSession *handle = session(asked.agentId, asked.sessionId))
                Q_EMIT handle->requestFinished(qint64(token), asked.action, ok, result, message, tapiError);
            Q_EMIT actionFinished(qint64(token), asked.agentId, asked.action, ok, result, message, tapiError);
        });
    // A link that (re)starts has no watch yet.
    connect(link, &FloorLink::statusChanged, this, [this] {
        if (m_link->status() == FloorLink::Connecting) {
            m_expiryMs = qint64(m_link->settings().ttlSeconds) * 1000;
            if (m_watching)
                m_link->watch();
        }
    });
    connect(this, &QAbstractItemModel::rowsInserted, this, &FloorModel::countChanged);
    connect(this, &QAbstractItemModel::rowsRemoved, this, &FloorModel::countChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &FloorModel::countChanged);
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, [this] {
        sweep();
        recompute();
    });
    m_tick.start();
}

void FloorModel::setCoaching(FloorCoachingCaller *coaching)
{
    if (m_coaching == coaching)
        return;
    m_coaching = coaching;
    Q_EMIT coachingChanged();
}

void FloorModel::setQmlInstance(FloorModel *model)
{
    QmlInstance<FloorModel>::set(model);
}

FloorModel *FloorModel::create(QQmlEngine *, QJSEngine *)
{
    return QmlInstance<FloorModel>::get();
}

void FloorModel::watch()
{
    if (m_watching)
        return;
    m_watching = true;
    if (m_link->status() != FloorLink::Off) {
        m_expiryMs = qint64(m_link->settings().ttlSeconds) * 1000;
        m_link->watch();
    }
    Q_EMIT watchingChanged();
}

void FloorModel::setClock(std::function<qint64()> nowMs)
{
    m_now = std::move(nowMs);
    recompute();
}

int FloorModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QHash<int, QByteArray> FloorModel::roleNames() const
{
    return {{AgentIdRole, "agentId"},
            {NameRole, "name"},
            {StateRole, "state"},
            {ReasonRole, "reason"},
            {StateSinceMsRole, "stateSinceMs"},
            {OnCallRole, "onCall"},
            {CallsRole, "calls"},
            {CallCountRole, "callCount"},
            {TeamRole, "team"},
            {LinesRole, "lines"},
            {SessionsRole, "sessions"},
            {CoachingRole, "coaching"}};
}

QVariant FloorModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Agent &agent = *m_agents.constFind(m_rows.at(index.row()));
    switch (role) {
    case Qt::DisplayRole:
    case AgentIdRole:
        return m_rows.at(index.row());
    case NameRole:
        return agent.value.value(QStringLiteral("name")).toString();
    case StateRole:
        return agent.value.value(QStringLiteral("state")).toString();
    case ReasonRole:
        return agent.value.value(QStringLiteral("reason")).toString();
    case StateSinceMsRole:
        return agent.value.value(QStringLiteral("stateSinceMs")).toInteger();
    case OnCallRole:
        return agent.value.value(QStringLiteral("onCall")).toBool();
    case CallsRole: {
        QVariantList calls;
        for (const QJsonObject &call : agent.calls) {
            QVariantMap value = call.toVariantMap();
            // Each coaching supervisor by name: the one his console sent, else his own agent entry's.
            if (const QJsonArray coaching = call.value(QStringLiteral("coaching")).toArray();
                !coaching.isEmpty()) {
                QVariantList named;
                for (const QJsonValue &entry : coaching) {
                    QVariantMap item = entry.toObject().toVariantMap();
                    if (item.value(QStringLiteral("supervisorName")).toString().isEmpty()) {
                        const auto found =
                            m_agents.constFind(item.value(QStringLiteral("supervisorId")).toString());
                        if (found != m_agents.cend())
                            item.insert(QStringLiteral("supervisorName"),
                                        found->value.value(QStringLiteral("name")).toString());
                    }
                    named << item;
                }
                value.insert(QStringLiteral("coaching"), named);
            }
            calls << value;
        }
        return calls;
    }
    case CallCountRole:
        return int(agent.calls.size());
    case TeamRole:
        return agent.value.value(QStringLiteral("team")).toString();
    case LinesRole: {
        std::set<QString> lines;
        for (const QJsonObject &call : agent.calls)
            lines.insert(call.value(QStringLiteral("line")).toString());
        lines.erase(QString());
        return QStringList(lines.begin(), lines.end());
    }
    case CoachingRole: {
        QVariantList coaching;
        for (const QJsonValue &entry : agent.value.value(QStringLiteral("coaching")).toArray()) {
            QVariantMap item = entry.toObject().toVariantMap();
            const QString coached = item.value(QStringLiteral("agentId")).toString();
            const auto found = m_agents.constFind(coached);
            const QString name =
                found != m_agents.cend() ? found->value.value(QStringLiteral("name")).toString() : QString();
            item.insert(QStringLiteral("agentName"), name.isEmpty() ? coached : name);
            coaching << item;
        }
        return coaching;
    }
    case SessionsRole: {
        QVariantList sessions;
        for (FloorSession *session : agent.sessions)
            sessions << QVariant::fromValue(session);
        return sessions;
    }
    default:
        return {};
    }
}

int FloorModel::rowOf(const QString &agentId) const
{
    return m_rowOf.value(agentId, -1);
}

void FloorModel::removeRow(int row)
{
    const QString agentId = m_rows.at(row);
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    m_rowOf.remove(agentId);
    for (int later = row; later < int(m_rows.size()); ++later)
        m_rowOf[m_rows.at(later)] = later;
    auto it = m_agents.find(agentId);
    uncount(*it);
    for (int sessionId : it->sessions.keys())
        releaseSession(*it, sessionId);
    m_agents.erase(it);
    endRemoveRows();
}

QJsonObject FloorModel::call(const QString &agentId, int sessionId) const
{
    return m_agents.value(agentId).calls.value(sessionId);
}

FloorSession *FloorModel::session(const QString &agentId, int sessionId) const
{
    const auto agent = m_agents.constFind(agentId);
    return agent == m_agents.cend() ? nullptr : agent->sessions.value(sessionId);
}

void FloorModel::updateSession(const QString &agentId, Agent &agent, int sessionId)
{
    FloorSession *&handle = agent.sessions[sessionId];
    if (!handle)
        handle = new FloorSession(this, agentId, sessionId);
    handle->setAgentName(agent.value.value(QStringLiteral("name")).toString());
    handle->setValue(agent.calls.value(sessionId));
}

void FloorModel::releaseSession(Agent &agent, int sessionId)
{
    FloorSession *handle = agent.sessions.take(sessionId);
    if (!handle)
        return;
    handle->invalidate();
    handle->deleteLater(); // views holding it let go first
}

void FloorModel::onEntry(const QString &key, const QByteArray &value, bool removed)
{
    const QStringList parts = key.split(u'.');
    const qint64 now = m_now();
    if (parts.size() == 2 && parts.at(0) == QLatin1String("agent")) {
        const QString &agentId = parts.at(1);
        const int row = rowOf(agentId);
        if (removed) {
            if (row >= 0)
                removeRow(row); // its calls go with it (deleted just before, or expiring)
        } else {
            Agent &agent = m_agents[agentId];
            uncount(agent);
            agent.value = QJsonDocument::fromJson(value).object();
            agent.seenMs = now;
            for (FloorSession *handle : std::as_const(agent.sessions))
                handle->setAgentName(agent.value.value(QStringLiteral("name")).toString());
            count(agentId, agent);
            if (row < 0) {
                beginInsertRows({}, int(m_rows.size()), int(m_rows.size()));
                m_rowOf.insert(agentId, int(m_rows.size()));
                m_rows << agentId;
                endInsertRows();
            } else {
                changedAgent(agentId);
            }
        }
    } else if (parts.size() == 3 && parts.at(0) == QLatin1String("call")) {
        const QString &agentId = parts.at(1);
        const int sessionId = parts.at(2).toInt();
        if (removed) {
            auto it = m_agents.find(agentId);
            if (it == m_agents.end() || !it->calls.contains(sessionId))
                return;
            const bool counted = it->counted;
            uncount(*it);
            it->calls.remove(sessionId);
            it->callSeenMs.remove(sessionId);
            releaseSession(*it, sessionId);
            if (counted)
                count(agentId, *it);
        } else {
            Agent &agent = m_agents[agentId];
            const bool counted = agent.counted;
            uncount(agent);
            agent.calls.insert(sessionId, QJsonDocument::fromJson(value).object());
            agent.callSeenMs.insert(sessionId, now);
            updateSession(agentId, agent, sessionId);
            if (counted)
                count(agentId, agent);
        }
        changedAgent(agentId);
    } else {
        return; // not ours
    }
    recompute();
}

void FloorModel::changedAgent(const QString &agentId)
{
    const int row = rowOf(agentId);
    if (row >= 0)
        Q_EMIT dataChanged(index(row), index(row));
}

void FloorModel::sweep()
{
    if (m_expiryMs <= 0)
        return;
    const qint64 now = m_now();
    for (auto it = m_agents.begin(); it != m_agents.end(); ++it) {
        QList<int> gone;
        for (auto call = it->callSeenMs.cbegin(); call != it->callSeenMs.cend(); ++call) {
            if (now - call.value() > m_expiryMs)
                gone << call.key();
        }
        if (gone.isEmpty())
            continue;
        const bool counted = it->counted;
        uncount(*it);
        for (int sessionId : gone) {
            it->calls.remove(sessionId);
            it->callSeenMs.remove(sessionId);
            releaseSession(*it, sessionId);
        }
        if (counted)
            count(it.key(), *it);
        changedAgent(it.key());
    }
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (now - m_agents.constFind(m_rows.at(row))->seenMs > m_expiryMs)
            removeRow(row);
    }
}

FloorModel::Share FloorModel::shareOf(const QString &agentId, const Agent &agent)
{
    Share share;
    share.state = agent.value.value(QStringLiteral("state")).toString();
    share.team = agent.value.value(QStringLiteral("team")).toString();
    std::set<QString> lines;
    for (const QJsonObject &call : agent.calls) {
        lines.insert(call.value(QStringLiteral("line")).toString());
        const int callState = call.value(QStringLiteral("stateCode")).toInt();
        // A conference counts once, as its parent; its parties are in it.
        if (inProgress(callState) && call.value(QStringLiteral("conference")).toInt() == 0) {
            ++share.calls;
            const qint64 connected = call.value(QStringLiteral("connectedMs")).toInteger();
            if (connected > 0 && (share.firstConnectedMs == 0 || connected < share.firstConnectedMs))
                share.firstConnectedMs = connected;
        }
        if (waiting(callState)) {
            const qint64 offered = call.value(QStringLiteral("offeredMs")).toInteger();
            if (offered > 0 && (share.firstOfferedMs == 0 || offered < share.firstOfferedMs))
                share.firstOfferedMs = offered;
        }
        if (!call.value(QStringLiteral("isConference")).toBool())
            continue;
        QVariantList parties;
        QVariantList partySessions;
        const QJsonArray members = call.value(QStringLiteral("members")).toArray();
        for (const QJsonValue &member : members) {
            const auto party = agent.calls.constFind(member.toInt());
            if (party != agent.calls.cend()) {
                parties << party->toVariantMap();
                partySessions << QVariant::fromValue(agent.sessions.value(member.toInt()));
            }
        }
        share.conferences << QVariantMap {
            {QStringLiteral("agentId"), agentId},
            {QStringLiteral("agentName"), agent.value.value(QStringLiteral("name")).toString()},
            {QStringLiteral("conference"), call.toVariantMap()},
            {QStringLiteral("parties"), parties},
            {QStringLiteral("session"),
             QVariant::fromValue(agent.sessions.value(call.value(QStringLiteral("sessionId")).toInt()))},
            {QStringLiteral("partySessions"), partySessions}};
    }
    lines.erase(QString());
    share.lines = QStringList(lines.begin(), lines.end());
    return share;
}

namespace {
template<typename Key>
void release(QHash<Key, int> &counts, const Key &key)
{
    auto it = counts.find(key);
    if (it != counts.end() && --*it <= 0)
        counts.erase(it);
}
} // namespace

void FloorModel::count(const QString &agentId, Agent &agent)
{
    agent.share = shareOf(agentId, agent);
    const Share &share = agent.share;
    ++m_stateCounts[share.state];
    ++m_teamCounts[share.team];
    for (const QString &line : share.lines)
        ++m_lineCounts[line];
    m_callCount += share.calls;
    if (share.firstConnectedMs > 0)
        m_connectedTimes.insert(share.firstConnectedMs);
    if (share.firstOfferedMs > 0)
        m_offeredTimes.insert(share.firstOfferedMs);
    if (!share.conferences.isEmpty())
        m_conferencesDirty = true;
    agent.counted = true;
}

void FloorModel::uncount(Agent &agent)
{
    if (!agent.counted)
        return;
    const Share &share = agent.share;
    release(m_stateCounts, share.state);
    release(m_teamCounts, share.team);
    for (const QString &line : share.lines)
        release(m_lineCounts, line);
    m_callCount -= share.calls;
    if (share.firstConnectedMs > 0)
        m_connectedTimes.erase(m_connectedTimes.find(share.firstConnectedMs));
    if (share.firstOfferedMs > 0)
        m_offeredTimes.erase(m_offeredTimes.find(share.firstOfferedMs));
    if (!share.conferences.isEmpty())
        m_conferencesDirty = true;
    agent.share = Share();
    agent.counted = false;
}

void FloorModel::recompute()
{
    if (m_conferencesDirty) {
        // Agent by agent, in row order.
        QVariantList conferences;
        for (const QString &agentId : std::as_const(m_rows))
            conferences << m_agents.constFind(agentId)->share.conferences;
        m_conferencesDirty = false;
        if (conferences != m_conferences) {
            m_conferences = conferences;
            Q_EMIT conferencesChanged();
        }
    }
    const qint64 now = m_now();
    QVariantMap perState;
    for (auto it = m_stateCounts.cbegin(); it != m_stateCounts.cend(); ++it)
        perState.insert(it.key(), it.value());
    const auto sortedNames = [](const QHash<QString, int> &counts) {
        QStringList names = counts.keys();
        names.removeAll(QString());
        names.sort();
        return names;
    };
    const QStringList teamList = sortedNames(m_teamCounts);
    const QStringList lineList = sortedNames(m_lineCounts);
    const int calls = m_callCount;
    const qint64 longestCall =
        m_connectedTimes.empty() ? 0 : std::max<qint64>(0, now - *m_connectedTimes.begin());
    const qint64 longestWait =
        m_offeredTimes.empty() ? 0 : std::max<qint64>(0, now - *m_offeredTimes.begin());
    if (perState == m_perState && calls == m_callsInProgress && longestCall == m_longestCallMs
        && longestWait == m_longestWaitMs && teamList == m_teams && lineList == m_lines)
        return;
    m_teams = teamList;
    m_lines = lineList;
    m_perState = perState;
    m_callsInProgress = calls;
    m_longestCallMs = longestCall;
    m_longestWaitMs = longestWait;
    Q_EMIT figuresChanged();
}

qint64 FloorModel::send(const QString &agentId, QJsonObject request)
{
    // Who sends it is the subject's last token, which the server's permissions vouch for; the name is
    // what the agent is shown (the id when there is none).
    if (const QString name = m_link->settings().agentName; !name.isEmpty())
        request.insert(QStringLiteral("byName"), name);
    const quint64 token = m_link->request(FloorRequestHandler::requestSubject(agentId, m_link->agentId()),
                                          QJsonDocument(request).toJson(QJsonDocument::Compact));
    m_actions.insert(qint64(token),
                     Action {agentId, request.value(QStringLiteral("action")).toString(),
                             request.value(QStringLiteral("sessionId")).toInt()});
    return qint64(token);
}

qint64 FloorModel::dropParty(const QString &agentId, int sessionId)
{
    return send(
        agentId,
        {{QStringLiteral("action"), QStringLiteral("dropParty")}, {QStringLiteral("sessionId"), sessionId}});
}

qint64 FloorModel::dropConference(const QString &agentId, int sessionId)
{
    return send(agentId,
                {{QStringLiteral("action"), QStringLiteral("dropConference")},
                 {QStringLiteral("sessionId"), sessionId}});
}

qint64 FloorModel::endCall(const QString &agentId, int sessionId)
{
    return send(
        agentId,
        {{QStringLiteral("action"), QStringLiteral("endCall")}, {QStringLiteral("sessionId"), sessionId}});
}

qint64 FloorModel::forceState(const QString &agentId, const QString &state, const QString &reason)
{
    return send(agentId,
                {{QStringLiteral("action"), QStringLiteral("forceState")},
                 {QStringLiteral("state"), state},
                 {QStringLiteral("reason"), reason}});
}
