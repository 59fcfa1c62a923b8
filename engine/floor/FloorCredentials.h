#pragma once

#include <QtCore/qstring.h>

// A NATS credentials file (floor/credentialsFile: a user JWT and the user's nkey seed), read for the
// console's own account of why a server refused it. A server says only "Authorization Violation", whether
// the JWT expired, its seed is another key's or its account revoked it. Nothing secret is kept: only the
// JWT's public claims (user, account, expiry) and whether the seed is the JWT's key.
class FloorCredentials
{
public:
    static FloorCredentials read(const QString &path);

    // Why a server refuses these credentials, as far as the file tells (an unreadable file, no JWT or seed,
    // an expired JWT, a seed of another key); empty when the file looks good at nowSecs.
    QString problem(qint64 nowSecs) const;
    // The refusal of credentials that look good: the account revoked the user, or the server does not know
    // the account.
    QString refusedAsValid() const;

    QString userName() const { return m_userName; }
    QString userKey() const { return m_userKey; }
    QString accountKey() const { return m_accountKey; }
    qint64 expires() const { return m_expires; } // seconds since the epoch; 0: never
    bool seedMatches() const { return m_seedMatches; }

private:
    enum class Fault { None, Unreadable, NoJwt, BadJwt, NoSeed, BadSeed };
    // The seed's public key (raw, 32 bytes), empty when the text is no user seed.
    static QByteArray publicKeyOfSeed(const QByteArray &seed);
    // The raw 32 key bytes of an encoded public key, empty when the text is no such key.
    static QByteArray rawPublicKey(const QByteArray &encoded);
    // The text of the index-th block between "-----BEGIN ...-----" and "------END ...------" lines.
    static QByteArray block(const QByteArray &text, int index);

    Fault m_fault = Fault::None;
    QString m_fileError;
    QString m_userName;
    QString m_userKey;
    QString m_accountKey;
    qint64 m_expires = 0;
    bool m_seedMatches = false;
};
