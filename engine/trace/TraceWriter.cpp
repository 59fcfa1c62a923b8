#include "trace/TraceWriter.h"

#include <QtCore/qfiledevice.h>

#include "core/Tapi.h"
#include "session/CallEngine.h"

#include <QtCore/qiodevice.h>
#include <QtCore/qjsondocument.h>

TraceWriter::TraceWriter(CallEngine *engine, QIODevice *out, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_out(out)
    , m_startMs(engine->nowMs())
{
    connect(engine, &CallEngine::requestIssued, this, [this](int id, const QString &action, int session) {
        write({ { QStringLiteral("event"), QStringLiteral("request") }, { QStringLiteral("id"), id },
                { QStringLiteral("action"), action }, { QStringLiteral("session"), session } });
    });
    connect(engine, &CallEngine::requestCompleted, this, [this](int id, int error) {
        write({ { QStringLiteral("event"), QStringLiteral("completed") }, { QStringLiteral("id"), id },
                { QStringLiteral("error"), error == 0 ? QStringLiteral("SUCCESS") : Tapi::errorName(error) } });
    });
    connect(engine, &CallEngine::sessionStateChanged, this,
            [this](CallSession *s, int oldState, int state, int mode, int privilege) {
                QJsonObject e { { QStringLiteral("event"), QStringLiteral("state") },
                                { QStringLiteral("session"), s->sessionId() },
                                { QStringLiteral("line"), s->lineId() },
                                { QStringLiteral("from"), Tapi::stateName(oldState) },
                                { QStringLiteral("state"), Tapi::stateName(state) },
                                { QStringLiteral("t3State"), Tapi::callState3Name(s->callState3()) },
                                { QStringLiteral("cause"), Tapi::eventCause3Name(s->eventCause3()) } };
                if (state == Tapi::Conferenced)
                    e.insert(QStringLiteral("confParent"), mode ? QJsonValue(mode) : QJsonValue());
                else if (mode)
                    e.insert(QStringLiteral("mode"), Tapi::modeName(state, mode));
                if (privilege)
                    e.insert(QStringLiteral("privilege"), Tapi::privilegeName(privilege));
                write(e);
            });
    connect(engine, &CallEngine::userUserInfoDelivered, this, [this](CallSession *s, const QByteArray &uui) {
        write({ { QStringLiteral("event"), QStringLiteral("uui") }, { QStringLiteral("session"), s->sessionId() },
                { QStringLiteral("bytes"), QString::fromLatin1(uui.toHex()) } });
    });
    connect(engine, &CallEngine::sessionTerminated, this, [this](int id) {
        write({ { QStringLiteral("event"), QStringLiteral("terminated") }, { QStringLiteral("session"), id } });
    });
    connect(engine, &CallEngine::errorEvent, this, [this](const QString &message) {
        write({ { QStringLiteral("event"), QStringLiteral("error") }, { QStringLiteral("message"), message } });
    });
}

void TraceWriter::write(QJsonObject event)
{
    if (!m_out)
        return;
    event.insert(QStringLiteral("t"), m_engine->nowMs() - m_startMs);
    m_out->write(QJsonDocument(event).toJson(QJsonDocument::Compact));
    m_out->write("\n");
    // Each event is on disk at once: a trace is followed live (tail -f) and survives a killed console.
    if (auto *file = qobject_cast<QFileDevice *>(m_out))
        file->flush();
}
