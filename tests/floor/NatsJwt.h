#pragma once

// NATS' decentralised JWTs for the floor's tests (what nsc makes, made here): an operator, its accounts
// (JetStream on) and their users with permissions. Header {"typ":"JWT","alg":"ed25519-nkey"}, claims with
// jti, iat, iss, sub, name and "nats" (type, version 2, ...), an Ed25519 signature of "header.payload" by the
// issuer's key; all three parts base64url without padding.
#include "NatsNKey.h"

#include <QtCore/qjsonobject.h>
#include <QtCore/qstringlist.h>

namespace NatsJwt {
struct UserClaims
{
    QString name;
    QStringList publishAllow; // empty: anything
    QStringList subscribeAllow; // empty: anything
    bool allowResponses = false; // may answer one request per request received
    qint64 issuedAt = 0; // seconds since the epoch; 0: now
    qint64 expires = 0; // seconds since the epoch; 0: never
};

QByteArray operatorJwt(const NatsNKey &operatorKey, const QString &name);
// jetStream: the account may use JetStream (not the system account's, which the server refuses).
// revocations: user public key -> the time (seconds) up to which (inclusive) its JWTs are revoked.
QByteArray accountJwt(const NatsNKey &operatorKey, const NatsNKey &accountKey, const QString &name,
                      bool jetStream, const QJsonObject &revocations = {});
QByteArray userJwt(const NatsNKey &accountKey, const NatsNKey &userKey, const UserClaims &claims);
// A JWT's claims (the payload decoded), empty when it is not one.
QJsonObject claimsOf(const QByteArray &jwt);
} // namespace NatsJwt
