#include "floor/FloorCredentials.h"

#include <QtCore/qcoreapplication.h>
#include <QtCore/qdatetime.h>
#include <QtCore/qfile.h>
#include <QtCore/qjsondocument.h>
#include <QtCore/qjsonobject.h>
#include <QtCore/qlist.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <memory>

namespace {
constexpr quint8 SeedPrefix = 18 << 3; // nkeys: a seed's first 5 bits
constexpr quint8 UserPrefix = 20 << 3; // nkeys: a user's key

// Wipes a buffer that held secret bytes.
void wipe(QByteArray &bytes)
{
    if (!bytes.isEmpty())
        OPENSSL_cleanse(bytes.data(), size_t(bytes.size()));
    bytes.clear();
}

QByteArray base32Decode(const QByteArray &text)
{
    QByteArray out;
    quint32 buffer = 0;
    int bits = 0;
    for (const char c : text) {
        int value = -1;
        if (c >= 'A' && c <= 'Z')
            value = c - 'A';
        else if (c >= '2' && c <= '7')
            value = c - '2' + 26;
        if (value < 0)
            return {};
        buffer = (buffer << 5) | quint32(value);
        bits += 5;
        if (bits >= 8) {
            out.append(char((buffer >> (bits - 8)) & 0xff));
            bits -= 8;
        }
    }
    return out;
}

// nkeys' checksum: CRC-16/XMODEM of everything before it, low byte first.
bool crcHolds(const QByteArray &raw)
{
    if (raw.size() < 3)
        return false;
    quint16 crc = 0;
    for (qsizetype i = 0; i < raw.size() - 2; ++i) {
        crc ^= quint16(quint8(raw.at(i))) << 8;
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc & 0x8000) ? quint16((crc << 1) ^ 0x1021) : quint16(crc << 1);
    }
    return quint8(raw.at(raw.size() - 2)) == (crc & 0xff) && quint8(raw.at(raw.size() - 1)) == (crc >> 8);
}
} // namespace

QByteArray FloorCredentials::block(const QByteArray &text, int index)
{
    int found = -1;
    bool inside = false;
    QByteArray content;
    for (const QByteArray &rawLine : text.split('\n')) {
        const QByteArray line = rawLine.trimmed();
        if (line.startsWith("---") && line.contains("BEGIN")) {
            inside = true;
            ++found;
            continue;
        }
        if (line.startsWith("---")) {
            if (inside && found == index)
                return content;
            inside = false;
            continue;
        }
        if (inside && found == index)
            content += line;
    }
    return {};
}

QByteArray FloorCredentials::rawPublicKey(const QByteArray &encoded)
{
    const QByteArray raw = base32Decode(encoded);
    if (raw.size() != 35 || quint8(raw.at(0)) != UserPrefix || !crcHolds(raw))
        return {};
    return raw.mid(1, 32);
}

QByteArray FloorCredentials::publicKeyOfSeed(const QByteArray &seed)
{
    QByteArray raw = base32Decode(seed);
    QByteArray pub;
    if (raw.size() == 36 && (quint8(raw.at(0)) & 0xf8) == SeedPrefix
        && quint8(((raw.at(0) & 7) << 5) | ((quint8(raw.at(1)) & 0xf8) >> 3)) == UserPrefix
        && crcHolds(raw)) {
        std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
            EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr,
                                         reinterpret_cast<const unsigned char *>(raw.constData()) + 2, 32),
            &EVP_PKEY_free);
        pub.resize(32);
        size_t length = 32;
        if (!key
            || EVP_PKEY_get_raw_public_key(key.get(), reinterpret_cast<unsigned char *>(pub.data()), &length)
                != 1
            || length != 32)
            pub.clear();
    }
    wipe(raw);
    return pub;
}

FloorCredentials FloorCredentials::read(const QString &path)
{
    FloorCredentials credentials;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        credentials.m_fault = Fault::Unreadable;
        credentials.m_fileError = file.errorString();
        return credentials;
    }
    QByteArray text = file.readAll();
    const QByteArray jwt = block(text, 0);
    QByteArray seed = block(text, 1);
    wipe(text);
    const QList<QByteArray> parts = jwt.split('.');
    const QJsonObject claims = parts.size() == 3
        ? QJsonDocument::fromJson(QByteArray::fromBase64(parts.at(1), QByteArray::Base64UrlEncoding)).object()
        : QJsonObject();
    credentials.m_userName = claims.value(QStringLiteral("name")).toString();
    credentials.m_userKey = claims.value(QStringLiteral("sub")).toString();
    credentials.m_accountKey = claims.value(QStringLiteral("iss")).toString();
    credentials.m_expires = qint64(claims.value(QStringLiteral("exp")).toDouble());
    const QByteArray userKey = rawPublicKey(credentials.m_userKey.toLatin1());
    const QByteArray seedKey = publicKeyOfSeed(seed);
    credentials.m_seedMatches = !userKey.isEmpty() && seedKey == userKey;
    if (jwt.isEmpty())
        credentials.m_fault = Fault::NoJwt;
    else if (userKey.isEmpty())
        credentials.m_fault = Fault::BadJwt;
    else if (seed.isEmpty())
        credentials.m_fault = Fault::NoSeed;
    else if (seedKey.isEmpty())
        credentials.m_fault = Fault::BadSeed;
    wipe(seed);
    return credentials;
}

QString FloorCredentials::problem(qint64 nowSecs) const
{
    switch (m_fault) {
    case Fault::Unreadable:
        return QCoreApplication::translate("FloorCredentials", "the credentials file cannot be read: %1")
            .arg(m_fileError);
    case Fault::NoJwt:
        return QCoreApplication::translate("FloorCredentials", "the credentials file holds no user JWT");
    case Fault::BadJwt:
        return QCoreApplication::translate("FloorCredentials",
                                           "the credentials file's JWT is not a NATS user's JWT");
    case Fault::NoSeed:
        return QCoreApplication::translate("FloorCredentials", "the credentials file holds no user seed");
    case Fault::BadSeed:
        return QCoreApplication::translate("FloorCredentials",
                                           "the credentials file's seed is not a NATS user's seed");
    case Fault::None:
        break;
    }
    if (m_expires > 0 && m_expires <= nowSecs)
        return QCoreApplication::translate(
                   "FloorCredentials",
                   "the credentials file's JWT (user %1) expired at %2; ask for a new one")
            .arg(m_userName,
                 QDateTime::fromSecsSinceEpoch(m_expires, Qt::UTC)
                     .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'")));
    if (!m_seedMatches)
        return QCoreApplication::translate(
                   "FloorCredentials",
                   "the seed in the credentials file is not the key of its JWT's user %1 "
                   "(%2)")
            .arg(m_userName, m_userKey);
    return {};
}

QString FloorCredentials::refusedAsValid() const
{
    return QCoreApplication::translate(
               "FloorCredentials",
               "user %1 (%2) of account %3 has a current JWT and its own seed: the account "
               "may have revoked it, or the server does not trust the account")
        .arg(m_userName, m_userKey, m_accountKey);
}
