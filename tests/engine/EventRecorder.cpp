#include "EventRecorder.h"

#include "SimSwitch.h"
#include "core/Tapi.h"
#include "session/CallEngine.h"
#include "session/CallSession.h"

#include <QtCore/qmetaobject.h>

namespace {
QString stateWithMode(int state, int mode)
{
    QString text = Tapi::stateName(state);
    const QString modeText = Tapi::modeName(state, mode);
    if (!modeText.isEmpty())
        text += QLatin1Char('/') + modeText;
    return text;
}

QString infoNames(int infoStates)
{
    const QMetaEnum e = QMetaEnum::fromType<Tapi::CallInfoState>();
    QStringList names;
    for (int i = 0; i < e.keyCount(); ++i) {
        if (infoStates & e.value(i))
            names << QString::fromLatin1(e.key(i)).mid(4).toUpper(); // "InfoNumOwnerDecr" -> "NUMOWNERDECR"
    }
    return names.isEmpty() ? QString::number(infoStates) : names.join(QLatin1Char('|'));
}
} // namespace

EventRecorder::EventRecorder(QObject *parent)
    : QObject(parent)
{ }

void EventRecorder::attach(CallEngine *engine, SimSwitch *sim)
{
    connect(engine, &CallEngine::requestCompleted, this,
            [this](int requestId, int error) { record(Replies, 0, requestId, error); });
    connect(engine, &CallEngine::sessionStateChanged, this,
            [this](CallSession *session, int, int state, int mode, int) {
                record(States, session->sessionId(), state, mode);
            });
    connect(engine, &CallEngine::sessionAdded, this, [this](CallSession *session) {
        const int id = session->sessionId();
        record(Sessions, id, 1, 0);
        // Per-session signals: the connection goes away with the session object.
        connect(session, &CallSession::callInfoChanged, this,
                [this, id](int infoStates) { record(Info, id, infoStates, 0); });
    });
    connect(engine, &CallEngine::sessionTerminated, this,
            [this](int sessionId) { record(Sessions, sessionId, 0, 0); });
    if (!sim)
        return;
    connect(sim, &SimSwitch::farEndChanged, this,
            [this](const QString &farEnd, int state, int mode) { record(Peers, 0, state, mode, farEnd); });
    connect(sim, &SimSwitch::farEndReceivedUserUserInfo, this,
            [this](const QString &farEnd, const QByteArray &uui) {
                record(PeerUui, 0, 0, 0, farEnd, formatPayload(uui));
            });
}

void EventRecorder::name(const CallSession *session, const QString &name)
{
    if (session)
        m_names.insert(session->sessionId(), name);
}

void EventRecorder::name(int sessionId, const QString &name)
{
    m_names.insert(sessionId, name);
}

QString EventRecorder::nameOf(int sessionId) const
{
    return m_names.value(sessionId, QStringLiteral("#%1").arg(sessionId));
}

QStringList EventRecorder::events() const
{
    QStringList result;
    for (const Event &event : m_events) {
        if (m_categories & event.category)
            result << format(event);
    }
    return result;
}

QString EventRecorder::formatPayload(const QByteArray &bytes)
{
    for (char c : bytes) {
        if (c < 0x20 || c > 0x7e)
            return QStringLiteral("0x") + QString::fromLatin1(bytes.toHex());
    }
    return QString::fromLatin1(bytes);
}

void EventRecorder::record(Category category, int sessionId, int a, int b, const QString &text,
                           const QString &detail)
{
    m_events.append(Event {category, sessionId, a, b, text, detail});
}

QString EventRecorder::format(const Event &event) const
{
    switch (event.category) {
    case Replies:
        return QStringLiteral("reply(%1,%2)")
            .arg(event.a)
            .arg(event.b == 0 ? QStringLiteral("0") : Tapi::errorName(event.b));
    case States: {
        QString state;
        if (event.a == Tapi::Conferenced) // the mode is the parent's session id; 0 is the null parent [LCS]
            state = QStringLiteral("CONFERENCED(%1)").arg(event.b ? nameOf(event.b) : QStringLiteral("null"));
        else
            state = stateWithMode(event.a, event.b);
        return QStringLiteral("S(%1)=%2").arg(nameOf(event.sessionId), state);
    }
    case Peers:
        return QStringLiteral("peer(%1)=%2").arg(event.text, stateWithMode(event.a, event.b));
    case Info:
        return QStringLiteral("info(%1)=%2").arg(nameOf(event.sessionId), infoNames(event.a));
    case PeerUui:
        return QStringLiteral("peerUui(%1)=%2").arg(event.text, event.detail);
    case Sessions:
        return QStringLiteral("%1(%2)").arg(event.a ? QStringLiteral("add") : QStringLiteral("term"),
                                            nameOf(event.sessionId));
    default:
        return QStringLiteral("?");
    }
}
