#include "SipFmtp.h"

std::optional<QByteArray> SipFmtp::value(QByteArrayView parameters, QByteArrayView key)
{
    qsizetype start = 0;
    while (start <= parameters.size()) {
        qsizetype end = parameters.indexOf(';', start);
        if (end < 0)
            end = parameters.size();
        const QByteArrayView item = parameters.sliced(start, end - start);
        start = end + 1;
        const qsizetype equals = item.indexOf('=');
        const QByteArrayView name = (equals < 0 ? item : item.first(equals)).trimmed();
        if (name.compare(key, Qt::CaseInsensitive) == 0)
            return (equals < 0 ? QByteArrayView() : item.sliced(equals + 1).trimmed()).toByteArray();
    }
    return std::nullopt;
}

int SipFmtp::number(QByteArrayView parameters, QByteArrayView key, int low, int high, int fallback)
{
    const std::optional<QByteArray> text = value(parameters, key);
    if (!text)
        return fallback;
    bool ok = false;
    const int parsed = text->toInt(&ok);
    return ok && parsed >= low && parsed <= high ? parsed : fallback;
}
