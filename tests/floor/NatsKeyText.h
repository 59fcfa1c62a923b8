#pragma once

// How NATS writes keys and seeds as text (nkeys): base32 without padding of the raw bytes followed by
// their CRC-16/XMODEM, low byte first. Shared by the tests' key generator and their random seeds.
#include <QtCore/qbytearray.h>

namespace NatsKeyText {
// Type prefixes (the first 5 bits of the decoded key, so the first base32 letter).
constexpr quint8 SeedPrefix = 18 << 3; // 'S'
constexpr quint8 OperatorPrefix = 14 << 3; // 'O'
constexpr quint8 AccountPrefix = 0; // 'A'
constexpr quint8 UserPrefix = 20 << 3; // 'U'

inline quint16 crc16(const QByteArray &raw)
{
    quint16 crc = 0;
    for (const char byte : raw) {
        crc ^= quint16(quint8(byte)) << 8;
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc & 0x8000) ? quint16((crc << 1) ^ 0x1021) : quint16(crc << 1);
    }
    return crc;
}

inline QByteArray base32(const QByteArray &raw)
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    QByteArray out;
    quint32 buffer = 0;
    int bits = 0;
    for (const char byte : raw) {
        buffer = (buffer << 8) | quint8(byte);
        bits += 8;
        while (bits >= 5) {
            out.append(alphabet[(buffer >> (bits - 5)) & 31]);
            bits -= 5;
        }
    }
    if (bits > 0)
        out.append(alphabet[(buffer << (5 - bits)) & 31]);
    return out;
}

// The text of raw key bytes (prefix included): base32 of them and their checksum.
inline QByteArray encode(QByteArray raw)
{
    const quint16 crc = crc16(raw);
    raw.append(char(crc & 0xff));
    raw.append(char(crc >> 8));
    return base32(raw);
}

// The text of a seed: the seed prefix and the key's type prefix packed in two bytes ("SU" for a user),
// then the 32 private bytes.
inline QByteArray seed(quint8 typePrefix, const QByteArray &privateBytes)
{
    QByteArray raw;
    raw.append(char(SeedPrefix | (typePrefix >> 5)));
    raw.append(char((typePrefix & 31) << 3));
    raw.append(privateBytes);
    return encode(raw);
}
} // namespace NatsKeyText
