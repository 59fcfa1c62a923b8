#pragma once

#include "core/Tapi.h"

#include <QtCore/qabstractitemmodel.h>
#include <QtCore/qhash.h>
#include <QtCore/qpointer.h>
#include <QtQml/qqmlregistration.h>

#include <deque>
#include <vector>

class CallEngine;
class CallSession;
class QIODevice;
class QQmlEngine;
class QJSEngine;

// Every state change the engine signals (session, old and new state, mode, cause, time), oldest
// first, bounded by capacity. sessionFilter and conferenceFilter narrow the rows (0 = all); the
// visible rows export as JSON lines.
class EventLogModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(int sessionFilter READ sessionFilter WRITE setSessionFilter NOTIFY filterChanged FINAL)
    Q_PROPERTY(
        int conferenceFilter READ conferenceFilter WRITE setConferenceFilter NOTIFY filterChanged FINAL)
    Q_PROPERTY(int capacity READ capacity WRITE setCapacity NOTIFY capacityChanged FINAL)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged FINAL)
    Q_PROPERTY(int totalCount READ totalCount NOTIFY countChanged FINAL)

public:
    struct Event
    {
        qint64 timeMs = 0;
        int sessionId = 0;
        int conferenceId = 0; // the conference the session belonged to, 0 for none
        QString lineId;
        Tapi::CallState oldState = Tapi::NoState;
        Tapi::CallState state = Tapi::NoState;
        int mode = 0; // the state's own enum (Tapi::ConnectedMode, ...), as CallSession.mode
        Tapi::EventCause3 cause = Tapi::CecNone; // TAPI 3 event cause
    };

    enum Role {
        TimeRole = Qt::UserRole + 1,
        TimeMsRole,
        SessionIdRole,
        ConferenceIdRole,
        LineIdRole,
        OldStateNameRole,
        StateNameRole,
        ModeNameRole,
        CauseRole,
        // The numbers behind the names, for the UI's translated names (Names.stateAndMode).
        OldStateRole,
        StateRole,
        ModeRole,
        CauseValueRole,
    };
    Q_ENUM(Role)

    // No default argument: Qt 6.4 constructs a default-constructible QML singleton itself instead of
    // calling create(), and the UI would bind to an empty event log.
    explicit EventLogModel(QObject *parent);

    static void setQmlInstance(EventLogModel *log);
    static EventLogModel *create(QQmlEngine *, QJSEngine *);

    void attach(CallEngine *engine);
    void append(const Event &event);

    int sessionFilter() const { return m_sessionFilter; }
    void setSessionFilter(int sessionId);
    int conferenceFilter() const { return m_conferenceFilter; }
    void setConferenceFilter(int conferenceId);
    int capacity() const { return m_capacity; }
    void setCapacity(int capacity);
    int totalCount() const { return int(m_events.size()); }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    const Event &eventAt(int row) const;
    static QByteArray toJsonLine(const Event &event);
    // The visible rows, one JSON object per line. False with *error when the file cannot be written.
    bool exportJsonLines(QIODevice *out, QString *error) const;
    // QML: a local file path or file: URL. Returns an empty string on success, else the reason.
    Q_INVOKABLE QString exportToFile(const QString &pathOrUrl) const;
    Q_INVOKABLE void clear();

Q_SIGNALS:
    void filterChanged();
    void capacityChanged();
    void countChanged();

private:
    bool matches(const Event &event) const;
    void refilter();
    void trim();
    void stateChanged(CallSession *session, Tapi::CallState oldState, Tapi::CallState state, int mode);

    QPointer<CallEngine> m_engine;
    std::deque<Event> m_events;
    qint64 m_firstSequence = 0; // sequence number of m_events.front()
    std::vector<qint64> m_visible; // sequence numbers of the rows shown
    QHash<int, int> m_conferenceOfSession; // last conference each live session was part of
    int m_sessionFilter = 0;
    int m_conferenceFilter = 0;
    int m_capacity = 20000;
};
