#include "floor/FloorCoaching.h"

#include "core/Tapi.h"
#include "floor/FloorLogging.h"
#include "floor/FloorRequestHandler.h"
#include "lines/DialString.h"
#include "session/CallEngine.h"
#include "session/CallSession.h"
#include "settings/ConsoleSettings.h"

#include <QtCore/qrandom.h>

namespace {
QJsonObject answer(bool ok, const QString &result, const QString &message, int error = 0)
{
    return QJsonObject {{QStringLiteral("ok"), ok},
                        {QStringLiteral("result"), result},
                        {QStringLiteral("error"), error},
                        {QStringLiteral("message"), message}};
}
} // namespace

FloorCoaching::FloorCoaching(CallEngine *engine, ConsoleSettings *settings, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_settings(settings)
{
    // A grant lives as long as the call it was made on.
    connect(engine, &CallEngine::sessionStateChanged, this,
            [this](CallSession *session, Tapi::CallState, Tapi::CallState state) {
                if (state != Tapi::Idle)
                    return;
                for (const Grant &grant : m_grants.values()) {
                    if (grant.sessionId == session->sessionId())
                        withdraw(grant.token);
                }
            });
    connect(engine, &CallEngine::sessionRemoved, this, [this](CallSession *session) {
        for (const Grant &grant : m_grants.values()) {
            if (grant.sessionId == session->sessionId())
                withdraw(grant.token);
        }
    });
}

bool FloorCoaching::isCoachingAction(const QString &action)
{
    return modeOf(action) != None || action == QLatin1String("endCoaching");
}

FloorCoaching::Mode FloorCoaching::modeOf(const QString &name)
{
    if (name == QLatin1String("listen"))
        return Listen;
    if (name == QLatin1String("whisper"))
        return Whisper;
    if (name == QLatin1String("barge"))
        return Barge;
    return None;
}

QString FloorCoaching::nameOf(Mode mode)
{
    switch (mode) {
    case Listen:
        return QStringLiteral("listen");
    case Whisper:
        return QStringLiteral("whisper");
    case Barge:
        return QStringLiteral("barge");
    case None:
        break;
    }
    return QStringLiteral("off");
}

QString FloorCoaching::userUserInfoOf(const QString &token)
{
    return QStringLiteral("hookline-coach:") + token;
}

QString FloorCoaching::tokenOfUserUserInfo(const QString &text)
{
    static const QString prefix = QStringLiteral("hookline-coach:");
    const QString trimmed = text.trimmed();
    if (!trimmed.startsWith(prefix))
        return {};
    const QString token = trimmed.mid(prefix.size());
    return token.isEmpty() ? QString() : token;
}

FloorCoaching::Mode FloorCoaching::most() const
{
    return modeOf(m_settings->value(SettingsSchema::CoachingMost).toString());
}

QStringList FloorCoaching::coaches() const
{
    QStringList ids =
        m_settings->value(SettingsSchema::CoachingSupervisors).toString().split(u',', Qt::SkipEmptyParts);
    for (QString &id : ids)
        id = id.trimmed();
    ids.removeAll(QString());
    return ids;
}

QString FloorCoaching::tokenOf(const QString &supervisorId, int sessionId) const
{
    for (const Grant &grant : m_grants) {
        if (grant.supervisorId == supervisorId && grant.sessionId == sessionId)
            return grant.token;
    }
    return {};
}

QJsonObject FloorCoaching::request(const QString &by, const QJsonObject &request)
{
    const QString action = request.value(QStringLiteral("action")).toString();
    const int sessionId = request.value(QStringLiteral("sessionId")).toInt();
    const QString existing = tokenOf(by, sessionId);
    if (action == QLatin1String("endCoaching")) {
        if (existing.isEmpty())
            return answer(false, QStringLiteral("invalid"), QStringLiteral("no coaching on that call"));
        withdraw(existing);
        return answer(true, QStringLiteral("OK"), QString());
    }
    const Mode mode = modeOf(action);
    if (most() == None)
        return answer(false, QStringLiteral("forbidden"),
                      QStringLiteral("this agent does not take coaching"));
    const QStringList allowed = coaches();
    if (!allowed.isEmpty() && !allowed.contains(by))
        return answer(false, QStringLiteral("forbidden"), QStringLiteral("not a coach of this agent"));
    if (mode > most())
        return answer(false, QStringLiteral("forbidden"),
                      QStringLiteral("this agent allows at most %1").arg(nameOf(most())));
    CallSession *session = m_engine->session(sessionId);
    if (!session || !session->isValid())
        return answer(false, Tapi::errorName(Tapi::InvalCallHandle), QString(), Tapi::InvalCallHandle);
    // Coaching joins a talking call (a party of a conference is coached through its conference).
    if (session->state() != Tapi::Connected || session->conferenceParent())
        return answer(false, QStringLiteral("invalid"), QStringLiteral("not a connected call"));

    // The leg is a call to the coached call's line: its address must be one a console can dial, a
    // number or a SIP URI (DialString).
    const QString address = session->address();
    const QString dialled =
        DialString::looksLikeUri(address) ? DialString::sipUri(address) : DialString::normalized(address);
    if (dialled.isEmpty())
        return answer(
            false, QStringLiteral("invalid"),
            QStringLiteral("the call's line address '%1' is neither a number nor a SIP URI").arg(address));

    Grant grant;
    if (!existing.isEmpty()) {
        grant = m_grants.value(existing);
    } else {
        grant.token =
            QStringLiteral("%1").arg(QRandomGenerator::system()->generate64(), 16, 16, QLatin1Char('0'));
        grant.supervisorId = by;
        grant.sessionId = sessionId;
    }
    grant.mode = mode;
    grant.supervisorName = FloorRequestHandler::supervisorNameOf(request);
    m_grants.insert(grant.token, grant);
    qCInfo(lcFloor) << "floor: coaching" << nameOf(mode) << "granted to" << by << "on session" << sessionId;
    Q_EMIT grantChanged(grant.token, grant.sessionId, grant.supervisorId, grant.mode);
    QJsonObject reply = answer(true, QStringLiteral("OK"), QString());
    reply.insert(QStringLiteral("mode"), nameOf(mode));
    reply.insert(QStringLiteral("address"), dialled);
    reply.insert(QStringLiteral("token"), grant.token);
    reply.insert(QStringLiteral("userUserInfo"), userUserInfoOf(grant.token));
    return reply;
}

FloorCoaching::Grant FloorCoaching::grantFor(const QString &token) const
{
    return m_grants.value(token);
}

void FloorCoaching::withdraw(const QString &token)
{
    const Grant grant = m_grants.take(token);
    if (grant.sessionId == 0)
        return;
    qCInfo(lcFloor) << "floor: coaching of" << grant.supervisorId << "on session" << grant.sessionId
                    << "ends";
    Q_EMIT grantChanged(grant.token, grant.sessionId, grant.supervisorId, None);
}
