#include "lines/DialString.h"

#include <QtCore/qcoreapplication.h>
#include <QtCore/qregularexpression.h>

namespace {
bool isFormatting(QChar c)
{
    return c.isSpace() || c == QLatin1Char('.') || c == QLatin1Char('-') || c == QLatin1Char('/')
        || c == QLatin1Char('(') || c == QLatin1Char(')') || c == QChar(0x2010) || c == QChar(0x2013);
}

enum class Verdict { Ok, Empty, Letters, MisplacedPlus };

Verdict examine(const QString &text, QString *out)
{
    QString result;
    bool anyDigit = false;
    for (QChar c : text) {
        if (isFormatting(c))
            continue;
        if (c == QLatin1Char('+')) {
            if (!result.isEmpty())
                return Verdict::MisplacedPlus;
            result += c;
        } else if (c >= QLatin1Char('0') && c <= QLatin1Char('9')) {
            result += c;
            anyDigit = true;
        } else if (c == QLatin1Char('*') || c == QLatin1Char('#')) {
            result += c;
            anyDigit = true;
        } else {
            return Verdict::Letters;
        }
    }
    if (!anyDigit)
        return Verdict::Empty;
    if (out)
        *out = result;
    return Verdict::Ok;
}
} // namespace

DialString::DialString(QObject *parent)
    : QObject(parent)
{ }

QString DialString::normalized(const QString &text)
{
    QString result;
    return examine(text, &result) == Verdict::Ok ? result : QString();
}

QString DialString::problem(const QString &text)
{
    switch (examine(text, nullptr)) {
    case Verdict::Ok:
        return QString();
    case Verdict::Empty:
        return QCoreApplication::translate("DialString", "Type the number to call.");
    case Verdict::Letters:
        return QCoreApplication::translate(
            "DialString", "Only digits, + at the start, * and # can be dialled; letters cannot.");
    case Verdict::MisplacedPlus:
        return QCoreApplication::translate("DialString", "A + can only start the number.");
    }
    return QString();
}

QString DialString::digits(const QString &text)
{
    QString result;
    for (QChar c : text) {
        if (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
            result += c;
    }
    return result;
}

bool DialString::looksLikeUri(const QString &text)
{
    const QString trimmed = text.trimmed();
    return trimmed.startsWith(QLatin1String("sip:"), Qt::CaseInsensitive)
        || trimmed.startsWith(QLatin1String("sips:"), Qt::CaseInsensitive);
}

QString DialString::sipUri(const QString &text)
{
    // scheme : user @ host [: port] [; parameters]
    static const QRegularExpression uri(
        QStringLiteral(
            "^(sip):([^\\s<>\"@:;]+)@([A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+\\])"
            "(?::([0-9]{1,5}))?((?:;[^\\s<>\";]+)*)$"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = uri.match(text.trimmed());
    if (!match.hasMatch())
        return QString();
    const QString port = match.captured(4);
    if (!port.isEmpty() && (port.toInt() < 1 || port.toInt() > 65535))
        return QString();
    QString normalized = QStringLiteral("sip:") + match.captured(2) + u'@' + match.captured(3).toLower();
    if (!port.isEmpty())
        normalized += u':' + QString::number(port.toInt());
    return normalized + match.captured(5);
}
