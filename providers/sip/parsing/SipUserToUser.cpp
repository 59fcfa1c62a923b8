#include "SipUserToUser.h"

#include "SipLinearWhitespace.h"

#include <QtCore/qlist.h>

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

std::optional<SipUserToUser> SipUserToUser::parse(QByteArrayView value)
{
    value = trimLinearWhitespace(value);
    QByteArrayView dataPart;
    QByteArrayView rest;
    if (value.startsWith('"')) {
        const qsizetype close = value.indexOf('"', 1);
        if (close < 0)
            return std::nullopt;
        dataPart = value.sliced(1, close - 1);
        rest = value.sliced(close + 1);
    } else {
        const qsizetype semicolon = value.indexOf(';');
        dataPart = semicolon < 0 ? value : value.first(semicolon);
        rest = semicolon < 0 ? QByteArrayView() : value.sliced(semicolon);
    }
    dataPart = trimLinearWhitespace(dataPart);
    SipUserToUser result;
    result.purpose = QStringLiteral("isdn-uui");
    for (QByteArrayView param : QByteArray(rest.toByteArray()).split(';')) {
        param = trimLinearWhitespace(param);
        if (param.isEmpty())
            continue;
        const qsizetype eq = param.indexOf('=');
        const QByteArray name =
            trimLinearWhitespace(eq < 0 ? param : param.first(eq)).toByteArray().toLower();
        QByteArray paramValue =
            eq < 0 ? QByteArray() : trimLinearWhitespace(param.sliced(eq + 1)).toByteArray();
        if (paramValue.size() >= 2 && paramValue.startsWith('"') && paramValue.endsWith('"'))
            paramValue = paramValue.mid(1, paramValue.size() - 2);
        if (name == "encoding" && paramValue.toLower() != "hex")
            return std::nullopt; // only hex is defined; anything else is not ours to read
        if (name == "purpose" && !paramValue.isEmpty())
            result.purpose = QString::fromLatin1(paramValue);
    }
    if (dataPart.isEmpty() || dataPart.size() % 2 || dataPart.size() / 2 > MaxOctets)
        return std::nullopt;
    result.data.resize(dataPart.size() / 2);
    for (qsizetype i = 0; i < result.data.size(); ++i) {
        const int high = hexValue(dataPart[2 * i]);
        const int low = hexValue(dataPart[2 * i + 1]);
        if (high < 0 || low < 0)
            return std::nullopt;
        result.data[i] = char(high << 4 | low);
    }
    return result;
}

QByteArray SipUserToUser::format(const QByteArray &data)
{
    return data.toHex() + ";encoding=hex;purpose=isdn-uui";
}
