#include "SipDtmfInfo.h"

#include <QtCore/qlist.h>

namespace {

std::optional<QChar> digitOf(QByteArrayView value)
{
    const QByteArray text = value.trimmed().toByteArray().toUpper();
    if (text == "10")
        return QChar(u'*');
    if (text == "11")
        return QChar(u'#');
    if (text.size() != 1)
        return std::nullopt;
    const char c = text.at(0);
    if ((c >= '0' && c <= '9') || c == '*' || c == '#' || (c >= 'A' && c <= 'D'))
        return QChar::fromLatin1(c);
    return std::nullopt;
}

} // namespace

namespace SipDtmfInfo {

bool isDtmfContentType(QByteArrayView contentType)
{
    const QByteArray type = contentType.trimmed().toByteArray().toLower();
    return type == "application/dtmf-relay" || type == "application/dtmf";
}

std::optional<QChar> parse(QByteArrayView contentType, QByteArrayView body)
{
    const QByteArray type = contentType.trimmed().toByteArray().toLower();
    if (type == "application/dtmf")
        return digitOf(body);
    if (type != "application/dtmf-relay")
        return std::nullopt;
    for (const QByteArray &line : body.toByteArray().split('\n')) {
        const qsizetype equals = line.indexOf('=');
        if (equals < 0)
            continue;
        if (line.left(equals).trimmed().toLower() == "signal")
            return digitOf(QByteArrayView(line).sliced(equals + 1));
    }
    return std::nullopt;
}

} // namespace SipDtmfInfo
