#pragma once

#include <QtCore/qbytearray.h>
#include <QtCore/qstring.h>

#include <optional>

// The User-to-User header (RFC 7433, package isdn-uui of RFC 7434): the UUI octets as hex with
// ";encoding=hex". Parsing takes what the network sends (quoted or token data, parameters in any
// order, no encoding parameter meaning hex); formatting writes the one canonical form.
struct SipUserToUser
{
    // ISDN user-user information carries at most 128 octets; the isdn-uui package keeps that limit.
    static constexpr int MaxOctets = 128;

    QByteArray data;
    QString purpose; // "isdn-uui" unless the far end says otherwise

    // The header value (without "User-to-User:"); nullopt when it is not hex UUI of at most MaxOctets.
    static std::optional<SipUserToUser> parse(QByteArrayView value);
    // The header value for `data` (which must not be empty and at most MaxOctets octets).
    static QByteArray format(const QByteArray &data);
};
