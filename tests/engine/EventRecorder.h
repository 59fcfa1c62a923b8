#pragma once

#include <QtCore/qbytearray.h>
#include <QtCore/qhash.h>
#include <QtCore/qlist.h>
#include <QtCore/qobject.h>
#include <QtCore/qstringlist.h>

class CallEngine;
class CallSession;
class SimSwitch;

// Records what the engine and the simulated far ends emit, in emission order, as compact strings a
// test compares with QCOMPARE:
//   reply(7,0)  reply(7,OPERATIONFAILED)           CallEngine::requestCompleted
//   S(A)=IDLE  S(X)=CONNECTED/INACTIVE  S(A)=CONFERENCED(C)  CONFERENCED(null)
//                                                  CallEngine::sessionStateChanged
//   peer(alice)=DISCONNECTED/NORMAL                SimSwitch::farEndChanged
//   info(A)=USERUSERINFO                           CallSession::callInfoChanged       (Info)
//   peerUui(alice)=payload                         SimSwitch::farEndReceivedUserUserInfo (PeerUui)
//   add(A)  term(A)                                sessionAdded / sessionTerminated   (Sessions)
// Events keep session ids and are formatted when read, so sessions the engine creates inside a
// cascade (conference parent, consult call) can be named after the fact.
class EventRecorder : public QObject
{
    Q_OBJECT

public:
    enum Category {
        Replies = 0x1,
        States = 0x2,
        Peers = 0x4,
        Info = 0x8,
        PeerUui = 0x10,
        Sessions = 0x20,
        Default = Replies | States | Peers,
        All = 0xff,
    };
    Q_DECLARE_FLAGS(Categories, Category)

    explicit EventRecorder(QObject *parent = nullptr);

    void attach(CallEngine *engine, SimSwitch *sim);
    void setCategories(Categories categories) { m_categories = categories; }
    Categories categories() const { return m_categories; }

    void name(const CallSession *session, const QString &name);
    void name(int sessionId, const QString &name);
    QString nameOf(int sessionId) const;

    QStringList events() const;
    int count() const { return int(m_events.size()); }
    void clear() { m_events.clear(); }

    // Formats a payload the way peerUui() entries show it: printable ASCII as text, otherwise hex.
    static QString formatPayload(const QByteArray &bytes);

private:
    struct Event
    {
        Category category;
        int sessionId = 0;
        int a = 0;
        int b = 0;
        QString text; // far-end id
        QString detail; // payload
    };
    void record(Category category, int sessionId, int a, int b, const QString &text = {},
                const QString &detail = {});
    QString format(const Event &event) const;

    Categories m_categories = Default;
    QList<Event> m_events;
    QHash<int, QString> m_names;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(EventRecorder::Categories)
