#pragma once

#include <QtCore/qabstractitemmodel.h>
#include <QtQml/qqmlregistration.h>

class CallEngine;
#include "session/CallSession.h"

// Conference parents (one row per conference handle) with their parties.
class ConferenceModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Use CallEngine.conferences")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged FINAL)

public:
    enum Role {
        ConferenceRole = Qt::UserRole + 1,
        SessionIdRole,
        StateRole,
        StateNameRole,
        MemberCountRole,
        MembersRole,
        LineIdRole,
    };
    Q_ENUM(Role)

    ConferenceModel(CallEngine *engine, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    Q_INVOKABLE CallSession *conferenceAt(int row) const;

Q_SIGNALS:
    void countChanged();

private:
    void insert(CallSession *session);
    void remove(CallSession *session);
    void changed(CallSession *session, const QList<int> &roles);

    QList<CallSession *> m_conferences;
};
