#pragma once

#include <QtCore/qabstractitemmodel.h>
#include <QtQml/qqmlregistration.h>

class CallEngine;
#include "session/CallSession.h"

// Every live session (handle) of the engine, in creation order. Rows appear when a session is
// created and disappear when it is terminated; every property change is a dataChanged on its row.
class SessionModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Use CallEngine.sessions")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged FINAL)

public:
    enum Role {
        SessionRole = Qt::UserRole + 1,
        SessionIdRole,
        LineIdRole,
        AddressRole,
        StateRole,
        StateNameRole,
        ModeRole,
        ModeNameRole,
        DirectionRole,
        PrivilegeRole,
        RemoteNumberRole,
        RemoteNameRole,
        FeaturesRole,
        IsConferenceRole,
        ConferenceParentIdRole,
        DisconnectModeRole,
        UserUserInfoTextRole,
        ConnectedAtRole,
    };
    Q_ENUM(Role)

    SessionModel(CallEngine *engine, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    Q_INVOKABLE CallSession *sessionAt(int row) const;
    Q_INVOKABLE int rowOf(CallSession *session) const;

Q_SIGNALS:
    void countChanged();

private:
    void insert(CallSession *session);
    void remove(CallSession *session);
    void changed(CallSession *session, const QList<int> &roles);

    QList<CallSession *> m_sessions;
    QList<int> m_ids; // m_sessions' session ids, ascending: row lookups search here, not in the objects
};
