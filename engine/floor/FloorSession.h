#pragma once

#include "core/Tapi.h"

#include <QtCore/qjsonobject.h>
#include <QtCore/qobject.h>
#include <QtQml/qqmlregistration.h>

class FloorModel;

// Another agent's session as the supervisor's console holds it: a handle with TAPI's MONITOR privilege
// (LINECALLPRIVILEGE_MONITOR) onto a call owned by that agent's console, made from the entry the console
// publishes (call.<agentId>.<sessionId>). It follows the call as published; the agent's console stays the
// owner. TAPI's rule holds for it as for any monitor handle (docs/tapi-semantics.md, section 9): drop()
// and reject() return NOTOWNER (INVALCALLHANDLE once the call has left the floor) and send nothing, and
// it has no call features. What a supervisor may do to the call is asked of the owning console: each
// request*() sends the request through FloorModel and returns its token; requestFinished(token, ...)
// follows once, with the owner's result (its TAPI result, or why it was refused or not answered).
// Made, updated and released by FloorModel (a conference's parties are sessions of the same agent).
class FloorSession : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Floor sessions are made by FloorModel")
    Q_PROPERTY(QString agentId READ agentId CONSTANT FINAL)
    Q_PROPERTY(int sessionId READ sessionId CONSTANT FINAL)
    // The owning agent's name as published (its id when it has none).
    Q_PROPERTY(QString agentName READ agentName NOTIFY agentNameChanged FINAL)
    // False once the call has left the floor (its entry deleted or expired).
    Q_PROPERTY(bool valid READ isValid NOTIFY validChanged FINAL)
    // This handle's privilege: always MONITOR (the owner is the agent's console).
    Q_PROPERTY(Tapi::CallPrivilege privilege READ privilege CONSTANT FINAL)
    // What a monitor handle may do itself: nothing (TAPI's features, privilege included).
    Q_PROPERTY(Tapi::CallFeatures features READ features CONSTANT FINAL)
    // The privilege of the agent's own handle, as its console published it.
    Q_PROPERTY(Tapi::CallPrivilege ownerPrivilege READ ownerPrivilege NOTIFY changed FINAL)
    Q_PROPERTY(Tapi::CallState state READ state NOTIFY changed FINAL)
    Q_PROPERTY(QString stateName READ stateName NOTIFY changed FINAL)
    Q_PROPERTY(QString line READ line NOTIFY changed FINAL)
    Q_PROPERTY(QString remoteNumber READ remoteNumber NOTIFY changed FINAL)
    Q_PROPERTY(QString remoteName READ remoteName NOTIFY changed FINAL)
    Q_PROPERTY(qint64 offeredMs READ offeredMs NOTIFY changed FINAL)
    Q_PROPERTY(qint64 connectedMs READ connectedMs NOTIFY changed FINAL)
    Q_PROPERTY(bool isConference READ isConference NOTIFY changed FINAL)
    // The conference this call is a party of (its session id, 0 when none).
    Q_PROPERTY(int conference READ conference NOTIFY changed FINAL)
    Q_PROPERTY(bool isParty READ isParty NOTIFY changed FINAL)
    // A conference's parties (session ids), in the conference's order.
    Q_PROPERTY(QList<int> members READ members NOTIFY changed FINAL)

public:
    FloorSession(FloorModel *model, const QString &agentId, int sessionId);

    QString agentId() const { return m_agentId; }
    int sessionId() const { return m_sessionId; }
    QString agentName() const { return m_agentName; }
    bool isValid() const { return m_valid; }
    Tapi::CallPrivilege privilege() const { return Tapi::PrivilegeMonitor; }
    Tapi::CallFeatures features() const { return {}; }
    Tapi::CallPrivilege ownerPrivilege() const;
    Tapi::CallState state() const;
    QString stateName() const;
    QString line() const;
    QString remoteNumber() const;
    QString remoteName() const;
    qint64 offeredMs() const;
    qint64 connectedMs() const;
    bool isConference() const;
    int conference() const;
    bool isParty() const { return conference() != 0; }
    QList<int> members() const;
    // The published entry, as it is now.
    QJsonObject value() const { return m_value; }

    // lineDrop and reject through a monitor handle: NOTOWNER (INVALCALLHANDLE when the call is gone),
    // synchronously; nothing reaches the owning console.
    Q_INVOKABLE int drop(const QVariant &uui = QVariant());
    Q_INVOKABLE int reject();

    // Requests to the owning console (FloorModel's dropParty, dropConference, endCall for this call).
    Q_INVOKABLE qint64 requestDropParty();
    Q_INVOKABLE qint64 requestDropConference();
    Q_INVOKABLE qint64 requestEndCall();

    // FloorModel's side.
    void setValue(const QJsonObject &value);
    void setAgentName(const QString &name);
    void invalidate();

Q_SIGNALS:
    void changed();
    void agentNameChanged();
    void validChanged();
    // The owning console's answer to a request*() (as FloorModel::actionFinished).
    void requestFinished(qint64 token, const QString &action, bool ok, const QString &result,
                         const QString &message, int error);

private:
    FloorModel *m_model;
    QString m_agentId;
    int m_sessionId;
    QString m_agentName;
    QJsonObject m_value;
    bool m_valid = true;
};
