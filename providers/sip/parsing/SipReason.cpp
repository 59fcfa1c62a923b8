#include "SipReason.h"

#include "SipLinearWhitespace.h"

#include <QtCore/qlist.h>

namespace {

// Splits at `separator` outside quoted strings (a text="a, b" must not split a Reason list).
QList<QByteArrayView> splitOutsideQuotes(QByteArrayView text, char separator)
{
    QList<QByteArrayView> parts;
    bool quoted = false;
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\\' && quoted) {
            ++i;
        } else if (c == '"') {
            quoted = !quoted;
        } else if (c == separator && !quoted) {
            parts.append(text.sliced(start, i - start));
            start = i + 1;
        }
    }
    parts.append(text.sliced(qMin(start, text.size())));
    return parts;
}

QString unquoted(QByteArrayView value)
{
    if (value.size() < 2 || !value.startsWith('"') || !value.endsWith('"'))
        return QString::fromUtf8(value);
    QByteArray text;
    for (qsizetype i = 1; i + 1 < value.size(); ++i) {
        if (value[i] == '\\' && i + 2 < value.size())
            ++i;
        text.append(value[i]);
    }
    return QString::fromUtf8(text);
}

} // namespace

std::optional<SipReason> SipReason::parse(QByteArrayView value)
{
    const QList<QByteArrayView> parts = splitOutsideQuotes(trimLinearWhitespace(value), ';');
    SipReason reason;
    reason.protocol = QString::fromLatin1(trimLinearWhitespace(parts.front()));
    if (reason.protocol.isEmpty())
        return std::nullopt;
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QByteArrayView param = trimLinearWhitespace(parts.at(i));
        const qsizetype eq = param.indexOf('=');
        if (eq < 0)
            continue;
        const QByteArray name = trimLinearWhitespace(param.first(eq)).toByteArray().toLower();
        const QByteArrayView paramValue = trimLinearWhitespace(param.sliced(eq + 1));
        if (name == "cause") {
            bool ok = false;
            const int cause = paramValue.toByteArray().toInt(&ok);
            if (!ok || cause < 0 || cause > 999)
                return std::nullopt;
            reason.cause = cause;
        } else if (name == "text") {
            reason.text = unquoted(paramValue);
        }
    }
    return reason;
}

std::optional<SipReason> SipReason::findQ850(QByteArrayView header)
{
    for (QByteArrayView value : splitOutsideQuotes(header, ',')) {
        std::optional<SipReason> reason = parse(value);
        if (reason && reason->protocol.compare(QLatin1String("Q.850"), Qt::CaseInsensitive) == 0
            && reason->cause >= 0 && reason->cause <= 127)
            return reason;
    }
    return std::nullopt;
}

QByteArray SipReason::formatQ850(int cause, const QString &text)
{
    QByteArray value = "Q.850;cause=" + QByteArray::number(cause);
    if (!text.isEmpty()) {
        QByteArray escaped = text.toUtf8();
        escaped.replace('\\', "\\\\").replace('"', "\\\"").replace('\r', ' ').replace('\n', ' ');
        value += ";text=\"" + escaped + '"';
    }
    return value;
}
