#include "floor/FloorCoachingCaller.h"

#include "core/Tapi.h"
#include "floor/FloorCoaching.h"
#include "floor/FloorLink.h"
#include "floor/FloorLogging.h"
#include "floor/FloorRequestHandler.h"
#include "lines/Line.h"
#include "session/CallEngine.h"
#include "session/CallSession.h"

#include <QtCore/qjsondocument.h>
#include <QtCore/qjsonobject.h>

#include <algorithm>

FloorCoachingCaller::FloorCoachingCaller(FloorLink *link, CallEngine *engine, QStringList providers,
                                         QObject *parent)
    : QObject(parent)
    , m_link(link)
    , m_engine(engine)
    , m_providers(std::move(providers))
{
    connect(link, &FloorLink::replyReceived, this, &FloorCoachingCaller::replied);
    connect(engine, &CallEngine::linesChanged, this, &FloorCoachingCaller::availableChanged);
}

Line *FloorCoachingCaller::line() const
{
    for (Line *line : m_engine->lines()) {
        if (m_providers.contains(line->providerId()) && line->canMakeCalls()
            && line->capabilities().uuiMakeCallSize >= FloorCoaching::UserUserInfoOctets)
            return line;
    }
    return nullptr;
}

QString FloorCoachingCaller::unavailableReason() const
{
    return available() ? QString() : tr("This console has no SIP line to join calls with.");
}

QString FloorCoachingCaller::keyOf(const QString &agentId, int sessionId)
{
    return agentId + u'/' + QString::number(sessionId);
}

CallSession *FloorCoachingCaller::leg(const QString &agentId, int sessionId) const
{
    return m_legs.value(keyOf(agentId, sessionId));
}

bool FloorCoachingCaller::isLeg(const CallSession *session) const
{
    if (!session)
        return false;
    for (const QPointer<CallSession> &leg : m_legs) {
        if (leg == session)
            return true;
    }
    return false;
}

QVariantList FloorCoachingCaller::coachingNow() const
{
    QStringList keys = m_legs.keys();
    std::sort(keys.begin(), keys.end());
    QVariantList now;
    for (const QString &key : std::as_const(keys)) {
        const CallSession *leg = m_legs.value(key);
        if (!leg || !leg->isValid() || leg->state() == Tapi::Idle || leg->state() == Tapi::Disconnected)
            continue;
        const qsizetype slash = key.lastIndexOf(u'/');
        now.append(QVariantMap {{QStringLiteral("agentId"), key.left(slash)},
                                {QStringLiteral("sessionId"), key.mid(slash + 1).toInt()},
                                {QStringLiteral("mode"), m_modes.value(key)}});
    }
    return now;
}

qint64 FloorCoachingCaller::coach(const QString &agentId, int sessionId, const QString &mode)
{
    if (mode != QLatin1String("endCoaching") && !available())
        return 0;
    QJsonObject request {{QStringLiteral("action"), mode}, {QStringLiteral("sessionId"), sessionId}};
    // The name the agent is told (FloorRequestHandler's supervisorName), as every request of the Floor page
    // carries it (FloorModel::send); the id the subject names stays what is checked.
    if (const QString name = m_link->settings().agentName; !name.isEmpty())
        request.insert(QStringLiteral("byName"), name);
    const quint64 token = m_link->request(FloorRequestHandler::requestSubject(agentId, m_link->agentId()),
                                          QJsonDocument(request).toJson(QJsonDocument::Compact));
    m_asked.insert(token, Asked {agentId, sessionId, mode});
    return qint64(token);
}

void FloorCoachingCaller::legStateChanged(const QString &key, CallSession *leg)
{
    // An ended leg is forgotten: a later request for that call places a new one.
    if ((leg->state() == Tapi::Idle || leg->state() == Tapi::Disconnected) && m_legs.value(key) == leg) {
        m_legs.remove(key);
        m_modes.remove(key);
    }
    Q_EMIT coachingChanged();
}

int FloorCoachingCaller::stop(const QString &agentId, int sessionId)
{
    CallSession *leg = this->leg(agentId, sessionId);
    if (!leg || !leg->isValid())
        return Tapi::InvalCallHandle;
    qCInfo(lcFloor) << "floor: stops coaching session" << sessionId << "of" << agentId;
    return leg->drop(QByteArray());
}

void FloorCoachingCaller::replied(quint64 token, const QByteArray &body, const QString &error)
{
    if (!m_asked.contains(token))
        return;
    const Asked asked = m_asked.take(token);
    if (!error.isEmpty()) {
        Q_EMIT finished(qint64(token), asked.agentId, asked.mode, false, QString(), error);
        return;
    }
    const QJsonObject reply = QJsonDocument::fromJson(body).object();
    const bool ok = reply.value(QStringLiteral("ok")).toBool();
    const QString result = reply.value(QStringLiteral("result")).toString();
    const QString key = keyOf(asked.agentId, asked.sessionId);
    if (!ok || asked.mode == QLatin1String("endCoaching") || m_legs.value(key)) {
        // Refused, ended (the agent's console drops the leg), or a mode change of a placed leg.
        if (ok && asked.mode == QLatin1String("endCoaching")) {
            m_legs.remove(key);
            m_modes.remove(key);
            Q_EMIT coachingChanged();
        } else if (ok && m_modes.value(key) != asked.mode) {
            m_modes.insert(key, asked.mode);
            Q_EMIT coachingChanged();
        }
        Q_EMIT finished(qint64(token), asked.agentId, asked.mode, ok, result,
                        reply.value(QStringLiteral("message")).toString());
        return;
    }
    Line *line = this->line();
    const QString address = reply.value(QStringLiteral("address")).toString();
    const QByteArray uui = reply.value(QStringLiteral("userUserInfo")).toString().toUtf8();
    // The leg is the first session the call makes on that line.
    QMetaObject::Connection *added = new QMetaObject::Connection;
    const QString mode = asked.mode;
    *added = connect(m_engine, &CallEngine::sessionAdded, this,
                     [this, added, key, line, mode](CallSession *session) {
                         if (session->line() != line)
                             return;
                         m_legs.insert(key, session);
                         // Marked before it talks: closed without a wrap-up, left alone by the recording
                         // policy, a coaching row in the call log.
                         session->markSupervisionLeg();
                         m_modes.insert(key, mode);
                         connect(session, &CallSession::stateChanged, this,
                                 [this, key, session] { legStateChanged(key, session); });
                         disconnect(*added);
                         delete added;
                         Q_EMIT legPlaced(session);
                         Q_EMIT coachingChanged();
                     });
    const int placed = line ? m_engine->makeCall(line, address, uui) : -1;
    if (placed < 0) {
        disconnect(*added);
        delete added;
        qCWarning(lcFloor) << "floor: the coaching leg could not be placed:" << placed;
        Q_EMIT finished(qint64(token), asked.agentId, asked.mode, false, QStringLiteral("noLine"),
                        QString::number(placed));
        return;
    }
    Q_EMIT finished(qint64(token), asked.agentId, asked.mode, true, result, QString());
}
