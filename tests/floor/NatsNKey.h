#pragma once

#include <QtCore/qbytearray.h>

// An Ed25519 key pair in NATS' nkey encoding (the tests' own, made with OpenSSL): the public key is base32
// (no padding) of a type prefix byte, the 32 key bytes and a CRC-16/XMODEM (low byte first); the seed is
// base32 of the seed prefix and the type packed in two bytes, the 32 private bytes and the CRC.
class NatsNKey
{
public:
    enum Type { Operator, Account, User };

    static NatsNKey generate(Type type); // invalid when OpenSSL cannot make one
    bool isValid() const { return m_seed.size() == 32 && m_public.size() == 32; }
    Type type() const { return m_type; }
    QByteArray publicKey() const; // "O…", "A…" or "U…"
    QByteArray seed() const; // "SO…", "SA…" or "SU…"
    // Ed25519 signature of data (64 bytes; empty when OpenSSL fails).
    QByteArray sign(const QByteArray &data) const;

private:
    static quint8 prefixOf(Type type);

    Type m_type = User;
    QByteArray m_seed; // raw, 32 bytes
    QByteArray m_public; // raw, 32 bytes
};
