#pragma once

#include <QtCore/qabstractitemmodel.h>
#include <QtCore/qhash.h>
#include <QtCore/qpointer.h>
#include <QtCore/qset.h>
#include <QtQml/qqmlregistration.h>

class CallEngine;
class Line;

// The addresses the console monitors (lines whose address sharing is MONITORED, such as a SIP account's
// `monitor` entries watched through dialog-info, RFC 4235) with their status, in the engine's order of
// lines, updating live: busy/idle as [D-13] has it (Line.addressInUse), and ringing told apart where the
// provider reports it (Line.addressRinging: the SIP provider's early dialogs at the address), for a busy
// lamp field. A monitored line out of service (its subscription not active yet, or refused) or closed has
// an unknown status, with the provider's reason. In QML: MonitoredAddressModel { engine: CallEngine }.
class MonitoredAddressModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(CallEngine *engine READ engine WRITE setEngine NOTIFY engineChanged FINAL)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged FINAL)

public:
    enum Status {
        Unknown, // not watched now: subscribing, refused or closed (reason says why)
        Idle,
        Busy, // in use: on a call, or placing one
        Ringing, // in use by a call that rings there, not answered yet
    };
    Q_ENUM(Status)

    enum Role {
        LineRole = Qt::UserRole + 1,
        LineIdRole,
        NameRole,
        AddressRole,
        StatusRole,
        ReasonRole,
    };
    Q_ENUM(Role)

    explicit MonitoredAddressModel(QObject *parent = nullptr);

    CallEngine *engine() const { return m_engine; }
    void setEngine(CallEngine *engine);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    static Status statusOf(const Line *line);

Q_SIGNALS:
    void engineChanged();
    void countChanged();

private:
    void sync();
    void watch(Line *line);
    void unwatch(Line *line);
    void lineChanged(Line *line, const QList<int> &roles);

    QPointer<CallEngine> m_engine;
    QList<QPointer<Line>> m_rows;
    QHash<Line *, QList<QMetaObject::Connection>> m_rowConnections; // a listed line's status signals
    QSet<Line *> m_capabilitiesWatched; // every line of the engine
};
