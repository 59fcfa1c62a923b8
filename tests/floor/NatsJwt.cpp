#include "NatsJwt.h"

#include "NatsKeyText.h"

#include <QtCore/qcryptographichash.h>
#include <QtCore/qdatetime.h>
#include <QtCore/qjsonarray.h>
#include <QtCore/qjsondocument.h>

namespace {
constexpr auto Base64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QByteArray encode(const NatsNKey &issuer, const QByteArray &subject, const QString &name,
                  const QJsonObject &nats, qint64 issuedAt = 0, qint64 expires = 0)
{
    QJsonObject claims;
    claims.insert(QStringLiteral("iat"), issuedAt > 0 ? issuedAt : QDateTime::currentSecsSinceEpoch());
    if (expires > 0)
        claims.insert(QStringLiteral("exp"), expires);
    claims.insert(QStringLiteral("iss"), QString::fromLatin1(issuer.publicKey()));
    claims.insert(QStringLiteral("sub"), QString::fromLatin1(subject));
    claims.insert(QStringLiteral("name"), name);
    claims.insert(QStringLiteral("nats"), nats);
    // The id: a hash of the claims without it (as nsc does; the server does not check it).
    const QByteArray unnamed = QJsonDocument(claims).toJson(QJsonDocument::Compact);
    claims.insert(QStringLiteral("jti"),
                  QString::fromLatin1(
                      NatsKeyText::base32(QCryptographicHash::hash(unnamed, QCryptographicHash::Sha256))));
    const QByteArray header = QByteArrayLiteral(R"({"typ":"JWT","alg":"ed25519-nkey"})").toBase64(Base64Url);
    const QByteArray payload = QJsonDocument(claims).toJson(QJsonDocument::Compact).toBase64(Base64Url);
    const QByteArray signed_ = header + '.' + payload;
    return signed_ + '.' + issuer.sign(signed_).toBase64(Base64Url);
}

QJsonObject allowList(const QStringList &subjects)
{
    QJsonObject permission;
    if (!subjects.isEmpty())
        permission.insert(QStringLiteral("allow"), QJsonArray::fromStringList(subjects));
    return permission;
}
} // namespace

QByteArray NatsJwt::operatorJwt(const NatsNKey &operatorKey, const QString &name)
{
    return encode(operatorKey, operatorKey.publicKey(), name,
                  {{QStringLiteral("type"), QStringLiteral("operator")}, {QStringLiteral("version"), 2}});
}

QByteArray NatsJwt::accountJwt(const NatsNKey &operatorKey, const NatsNKey &accountKey, const QString &name,
                               bool jetStream, const QJsonObject &revocations)
{
    // No limits; JetStream on when a storage limit is other than 0.
    QJsonObject limits {{QStringLiteral("subs"), -1},        {QStringLiteral("data"), -1},
                        {QStringLiteral("payload"), -1},     {QStringLiteral("imports"), -1},
                        {QStringLiteral("exports"), -1},     {QStringLiteral("wildcards"), true},
                        {QStringLiteral("conn"), -1},        {QStringLiteral("leaf"), -1},
                        {QStringLiteral("mem_storage"), -1}, {QStringLiteral("disk_storage"), -1},
                        {QStringLiteral("streams"), -1},     {QStringLiteral("consumer"), -1}};
    if (!jetStream) {
        for (const char *key : {"mem_storage", "disk_storage", "streams", "consumer"})
            limits.insert(QLatin1String(key), 0);
    }
    QJsonObject nats {{QStringLiteral("type"), QStringLiteral("account")},
                      {QStringLiteral("version"), 2},
                      {QStringLiteral("limits"), limits}};
    if (!revocations.isEmpty())
        nats.insert(QStringLiteral("revocations"), revocations);
    return encode(operatorKey, accountKey.publicKey(), name, nats);
}

QByteArray NatsJwt::userJwt(const NatsNKey &accountKey, const NatsNKey &userKey, const UserClaims &claims)
{
    QJsonObject nats {{QStringLiteral("type"), QStringLiteral("user")},
                      {QStringLiteral("version"), 2},
                      {QStringLiteral("subs"), -1},
                      {QStringLiteral("data"), -1},
                      {QStringLiteral("payload"), -1},
                      {QStringLiteral("pub"), allowList(claims.publishAllow)},
                      {QStringLiteral("sub"), allowList(claims.subscribeAllow)}};
    if (claims.allowResponses)
        nats.insert(QStringLiteral("resp"),
                    QJsonObject {{QStringLiteral("max"), 1}, {QStringLiteral("ttl"), 0}});
    return encode(accountKey, userKey.publicKey(), claims.name, nats, claims.issuedAt, claims.expires);
}

QJsonObject NatsJwt::claimsOf(const QByteArray &jwt)
{
    const QList<QByteArray> parts = jwt.split('.');
    if (parts.size() != 3)
        return {};
    return QJsonDocument::fromJson(QByteArray::fromBase64(parts.at(1), Base64Url)).object();
}
