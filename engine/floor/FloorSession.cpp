#include "floor/FloorSession.h"

#include "floor/FloorModel.h"

#include <QtCore/qjsonarray.h>

FloorSession::FloorSession(FloorModel *model, const QString &agentId, int sessionId)
    : QObject(model)
    , m_model(model)
    , m_agentId(agentId)
    , m_sessionId(sessionId)
    , m_agentName(agentId)
{ }

Tapi::CallPrivilege FloorSession::ownerPrivilege() const
{
    const QString name = m_value.value(QStringLiteral("privilege")).toString();
    for (const Tapi::CallPrivilege privilege :
         {Tapi::PrivilegeNone, Tapi::PrivilegeMonitor, Tapi::PrivilegeOwner}) {
        if (name == Tapi::privilegeName(privilege))
            return privilege;
    }
    return Tapi::PrivilegeUnchanged;
}

Tapi::CallState FloorSession::state() const
{
    return Tapi::CallState(m_value.value(QStringLiteral("stateCode")).toInt());
}

QString FloorSession::stateName() const
{
    return m_value.value(QStringLiteral("state")).toString();
}

QString FloorSession::line() const
{
    return m_value.value(QStringLiteral("line")).toString();
}

QString FloorSession::remoteNumber() const
{
    return m_value.value(QStringLiteral("remoteNumber")).toString();
}

QString FloorSession::remoteName() const
{
    return m_value.value(QStringLiteral("remoteName")).toString();
}

qint64 FloorSession::offeredMs() const
{
    return m_value.value(QStringLiteral("offeredMs")).toInteger();
}

qint64 FloorSession::connectedMs() const
{
    return m_value.value(QStringLiteral("connectedMs")).toInteger();
}

bool FloorSession::isConference() const
{
    return m_value.value(QStringLiteral("isConference")).toBool();
}

int FloorSession::conference() const
{
    return m_value.value(QStringLiteral("conference")).toInt();
}

QList<int> FloorSession::members() const
{
    QList<int> ids;
    const QJsonArray members = m_value.value(QStringLiteral("members")).toArray();
    for (const QJsonValue &member : members)
        ids << member.toInt();
    return ids;
}

int FloorSession::drop(const QVariant &uui)
{
    Q_UNUSED(uui)
    // [D-5]: the handle first, then the privilege; a monitor never reaches the call.
    return m_valid ? Tapi::NotOwner : Tapi::InvalCallHandle;
}

int FloorSession::reject()
{
    return m_valid ? Tapi::NotOwner : Tapi::InvalCallHandle;
}

qint64 FloorSession::requestDropParty()
{
    return m_model->dropParty(m_agentId, m_sessionId);
}

qint64 FloorSession::requestDropConference()
{
    return m_model->dropConference(m_agentId, m_sessionId);
}

qint64 FloorSession::requestEndCall()
{
    return m_model->endCall(m_agentId, m_sessionId);
}

void FloorSession::setValue(const QJsonObject &value)
{
    if (value == m_value)
        return;
    m_value = value;
    Q_EMIT changed();
}

void FloorSession::setAgentName(const QString &name)
{
    const QString shown = name.isEmpty() ? m_agentId : name;
    if (shown == m_agentName)
        return;
    m_agentName = shown;
    Q_EMIT agentNameChanged();
}

void FloorSession::invalidate()
{
    if (!m_valid)
        return;
    m_valid = false;
    Q_EMIT validChanged();
}
