#include "LineEventJson.h"

#include <QtCore/qjsonarray.h>
#include <QtCore/qjsondocument.h>

namespace {
class JsonLine
{
public:
    void add(const char *key, const QString &value)
    {
        // QJsonDocument does the escaping (caller names are untrusted text).
        QByteArray quoted = QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact);
        raw(key, quoted.mid(1, quoted.size() - 2));
    }
    void add(const char *key, qint64 value) { raw(key, QByteArray::number(value)); }
    void raw(const char *key, const QByteArray &value)
    {
        m_text += m_text.isEmpty() ? "{\"" : ",\"";
        m_text += key;
        m_text += "\":";
        m_text += value;
    }
    QByteArray finish() const { return m_text + '}'; }

private:
    QByteArray m_text;
};

void addIfSet(JsonLine &line, const char *key, const QString &value)
{
    if (!value.isEmpty())
        line.add(key, value);
}
} // namespace

QByteArray lineEventToJson(const LineEvent &event, const QString &profileId)
{
    JsonLine line;
    line.add("t_ms", event.timeMs);
    line.add("event", LineEvent::kindName(event.kind));
    switch (event.kind) {
    case LineEvent::Digit:
        line.add("digit", QString(event.digit));
        break;
    case LineEvent::CallerId: {
        const CallerIdMessage &m = event.callerId;
        line.add("standard", callerIdStandardName(m.standard));
        line.add("format", m.format);
        addIfSet(line, "number", m.number);
        addIfSet(line, "name", m.name);
        addIfSet(line, "date", m.date);
        addIfSet(line, "called_number", m.calledNumber);
        addIfSet(line, "redirecting_number", m.redirectingNumber);
        addIfSet(line, "number_absent", m.numberAbsence);
        addIfSet(line, "name_absent", m.nameAbsence);
        if (m.callType >= 0)
            line.add("call_type", m.callType);
        break;
    }
    case LineEvent::Tone:
    case LineEvent::ToneEnded:
        line.add("tone", progressToneName(event.tone));
        line.add("profile", profileId);
        line.add("cycles", event.cycles);
        break;
    case LineEvent::Ring:
        line.add("ring", event.ring);
        break;
    case LineEvent::RingBurst:
        line.add("ring", event.ring);
        line.add("on_ms", event.durationMs);
        break;
    case LineEvent::Hangup:
        line.add("cause", hangupCauseName(event.cause));
        line.add("tone", progressToneName(event.tone));
        line.add("cycles", event.cycles);
        break;
    case LineEvent::Voice:
    case LineEvent::Silence:
        line.add("duration_ms", event.durationMs);
        break;
    }
    return line.finish();
}
