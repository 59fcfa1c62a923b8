#include "floor/FloorRequestHandler.h"

#include "agent/AgentState.h"
#include "core/QmlInstance.h"
#include "core/Tapi.h"
#include "core/UntrustedText.h"
#include "floor/FloorCoaching.h"
#include "floor/FloorLink.h"
#include "floor/FloorLogging.h"
#include "session/CallEngine.h"
#include "session/CallSession.h"

#include <QtCore/qdatetime.h>
#include <QtCore/qjsondocument.h>
#include <QtCore/qmetaobject.h>
#include <QtCore/qtimer.h>

namespace {
QJsonObject refusal(const QString &result, const QString &message)
{
    return QJsonObject {{QStringLiteral("ok"), false},
                        {QStringLiteral("result"), result},
                        {QStringLiteral("error"), 0},
                        {QStringLiteral("message"), message}};
}

QJsonObject tapiResult(int error)
{
    return QJsonObject {
        {QStringLiteral("ok"), error == 0},
        {QStringLiteral("result"), error == 0 ? QStringLiteral("OK") : Tapi::errorName(error)},
        {QStringLiteral("error"), error},
        {QStringLiteral("message"), QString()}};
}
} // namespace

FloorRequestHandler::FloorRequestHandler(FloorLink *link, CallEngine *engine, AgentState *agent,
                                         QObject *parent)
    : QObject(parent)
    , m_link(link)
    , m_engine(engine)
    , m_agent(agent)
{
    connect(link, &FloorLink::requestReceived, this, &FloorRequestHandler::handle);
    connect(engine, &CallEngine::requestCompleted, this, &FloorRequestHandler::onEngineCompleted);
    const auto serve = [this] {
        if (m_link->status() == FloorLink::Connecting)
            m_link->serve(requestSubject(m_link->agentId(), QStringLiteral("*")));
    };
    connect(link, &FloorLink::statusChanged, this, serve);
    serve();
}

void FloorRequestHandler::setQmlInstance(FloorRequestHandler *handler)
{
    QmlInstance<FloorRequestHandler>::set(handler);
}

FloorRequestHandler *FloorRequestHandler::create(QQmlEngine *, QJSEngine *)
{
    return QmlInstance<FloorRequestHandler>::get();
}

QString FloorRequestHandler::requestSubject(const QString &agentId, const QString &supervisorId)
{
    return QStringLiteral("hookline.agent.%1.request.%2").arg(agentId, supervisorId);
}

QString FloorRequestHandler::supervisorOf(const QString &subject)
{
    const QStringList tokens = subject.split(u'.');
    if (tokens.size() != 5 || tokens.at(3) != QLatin1String("request"))
        return {};
    return tokens.at(4);
}

QString FloorRequestHandler::auditSubject(const QString &agentId)
{
    return QStringLiteral("hookline.audit.%1").arg(agentId);
}

void FloorRequestHandler::handle(const QString &subject, const QString &replySubject, const QByteArray &body)
{
    const QString by = supervisorOf(subject);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    const QJsonObject request = document.object();
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        finish(replySubject, by, request,
               refusal(QStringLiteral("invalid"), QStringLiteral("not a JSON object")), {});
        return;
    }
    // Read before acting: a dropped party's name is still the one the agent knew it by.
    const QVariantMap details = detailsOf(request);
    int engineRequest = 0;
    const QJsonObject reply = execute(by, request, &engineRequest);
    if (!reply.isEmpty()) {
        finish(replySubject, by, request, reply, details);
        return;
    }
    m_waiting.insert(engineRequest, Pending {replySubject, by, request, details});
    // A provider that never completes must not leave the supervisor without an answer.
    QTimer::singleShot(CompletionTimeoutMs, this, [this, engineRequest] {
        if (m_waiting.contains(engineRequest)) {
            const Pending pending = m_waiting.take(engineRequest);
            finish(
                pending.replySubject, pending.by, pending.request,
                refusal(QStringLiteral("timeout"), QStringLiteral("the line did not complete the request")),
                pending.details);
        }
    });
}

QJsonObject FloorRequestHandler::execute(const QString &by, const QJsonObject &request, int *engineRequest)
{
    const QString action = request.value(QStringLiteral("action")).toString();
    if (!FloorSettings::isToken(by))
        return refusal(QStringLiteral("invalid"), QStringLiteral("no supervisor id"));
    const QJsonValue claimed = request.value(QStringLiteral("by"));
    if (!claimed.isUndefined() && claimed.toString() != by)
        return refusal(QStringLiteral("forbidden"), QStringLiteral("the request names another supervisor"));
    const QStringList &allowed = m_link->settings().supervisors;
    if (!allowed.isEmpty() && !allowed.contains(by))
        return refusal(QStringLiteral("forbidden"), QStringLiteral("not a supervisor of this agent"));

    if (m_coaching && FloorCoaching::isCoachingAction(action))
        return m_coaching->request(by, request);

    if (action == QLatin1String("forceState")) {
        const QByteArray name = request.value(QStringLiteral("state")).toString().toLatin1();
        bool known = false;
        const int state = QMetaEnum::fromType<AgentState::State>().keyToValue(name.constData(), &known);
        if (!known || state == AgentState::WrapUp)
            return refusal(QStringLiteral("invalid"), QStringLiteral("unknown state"));
        const AgentState::RequestResult result = m_agent->requestState(
            AgentState::State(state), request.value(QStringLiteral("reason")).toString());
        return QJsonObject {
            {QStringLiteral("ok"), result != AgentState::Refused},
            {QStringLiteral("result"),
             QString::fromLatin1(QMetaEnum::fromType<AgentState::RequestResult>().valueToKey(result))},
            {QStringLiteral("error"), 0},
            {QStringLiteral("message"), QString()},
        };
    }

    const bool sessionAction = action == QLatin1String("dropParty")
        || action == QLatin1String("dropConference") || action == QLatin1String("endCall");
    if (!sessionAction)
        return refusal(QStringLiteral("invalid"), QStringLiteral("unknown action"));
    CallSession *session = m_engine->session(request.value(QStringLiteral("sessionId")).toInt());
    if (!session || !session->isValid())
        return tapiResult(Tapi::InvalCallHandle);
    int result = 0;
    if (action == QLatin1String("dropParty")) {
        if (!session->conferenceParent())
            return refusal(QStringLiteral("invalid"), QStringLiteral("not a conference party"));
        result = session->drop(QByteArray()); // the party's Drop button
    } else if (action == QLatin1String("dropConference")) {
        if (!session->isConference())
            return refusal(QStringLiteral("invalid"), QStringLiteral("not a conference"));
        result = session->dropAll(); // the conference card's Drop conference
    } else {
        // A stuck call: an ended one is closed, a live one dropped.
        result = session->state() == Tapi::Idle ? session->terminate() : session->drop(QByteArray());
    }
    if (result > 0) {
        *engineRequest = result;
        return {};
    }
    return tapiResult(result);
}

void FloorRequestHandler::onEngineCompleted(int requestId, int error)
{
    if (!m_waiting.contains(requestId))
        return;
    const Pending pending = m_waiting.take(requestId);
    finish(pending.replySubject, pending.by, pending.request, tapiResult(error), pending.details);
}

QString FloorRequestHandler::supervisorNameOf(const QJsonObject &request)
{
    const QString byName =
        request.value(QStringLiteral("byName")).toString().simplified().left(MaxSupervisorNameLength);
    return byName.isEmpty() ? QString() : UntrustedText::forDisplay(byName);
}

QVariantMap FloorRequestHandler::detailsOf(const QJsonObject &request) const
{
    QVariantMap details;
    // The name the supervisor's console sent (its floor/agentName), shown to the agent; the id the
    // subject names stays what is checked and audited. Text from elsewhere: bidi controls neutralised.
    if (const QString byName = supervisorNameOf(request); !byName.isEmpty())
        details.insert(QStringLiteral("supervisorName"), byName);
    if (request.contains(QStringLiteral("sessionId"))) {
        const int sessionId = request.value(QStringLiteral("sessionId")).toInt();
        details.insert(QStringLiteral("sessionId"), sessionId);
        if (CallSession *session = m_engine->session(sessionId); session && session->isValid()) {
            details.insert(QStringLiteral("remoteName"), session->remoteName());
            details.insert(QStringLiteral("remoteNumber"), session->remoteNumber());
        }
    }
    if (request.contains(QStringLiteral("state"))) {
        details.insert(QStringLiteral("state"), request.value(QStringLiteral("state")).toString());
        details.insert(QStringLiteral("reason"), request.value(QStringLiteral("reason")).toString());
    }
    return details;
}

void FloorRequestHandler::finish(const QString &replySubject, const QString &by, const QJsonObject &request,
                                 const QJsonObject &reply, const QVariantMap &details)
{
    m_link->reply(replySubject, QJsonDocument(reply).toJson(QJsonDocument::Compact));
    const QString action = request.value(QStringLiteral("action")).toString();
    const QString result = reply.value(QStringLiteral("result")).toString();
    appendAudit(by, request, reply);
    qCInfo(lcFloor) << "floor: request" << action << "from" << by << "->" << result;
    Q_EMIT supervisorActed(by, action, result, reply.value(QStringLiteral("ok")).toBool(), details);
}

void FloorRequestHandler::appendAudit(const QString &by, const QJsonObject &request, const QJsonObject &reply)
{
    QJsonObject audit {
        {QStringLiteral("atMs"), QDateTime::currentMSecsSinceEpoch()},
        {QStringLiteral("agentId"), m_link->agentId()},
        {QStringLiteral("by"), by},
        {QStringLiteral("action"), request.value(QStringLiteral("action")).toString()},
        {QStringLiteral("request"), request},
        {QStringLiteral("ok"), reply.value(QStringLiteral("ok")).toBool()},
        {QStringLiteral("result"), reply.value(QStringLiteral("result")).toString()},
    };
    m_link->appendAudit(auditSubject(m_link->agentId()), QJsonDocument(audit).toJson(QJsonDocument::Compact));
}

void FloorRequestHandler::auditSupervisorLeft(const QString &supervisorId, const QString &mode,
                                              const QVariantMap &details)
{
    const QJsonObject what {
        {QStringLiteral("action"), QStringLiteral("stopCoaching")},
        {QStringLiteral("mode"), mode},
        {QStringLiteral("sessionId"), details.value(QStringLiteral("sessionId")).toInt()},
    };
    appendAudit(supervisorId, what,
                {{QStringLiteral("ok"), true}, {QStringLiteral("result"), QStringLiteral("OK")}});
    qCInfo(lcFloor) << "floor:" << supervisorId << "stopped" << mode << "on session"
                    << details.value(QStringLiteral("sessionId")).toInt();
}
