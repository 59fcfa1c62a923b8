#pragma once

#include <QtCore/qbytearray.h>

#include <optional>

// The parameters of an SDP fmtp attribute as codecs with key=value lists write them ("a=fmtp:111
// maxplaybackrate=16000; useinbandfec=1", RFC 7587): keys are case-insensitive, blanks around ';' and
// '=' are allowed, a key without '=' has an empty value.
struct SipFmtp
{
    // The value of `key`, nullopt when absent; the first occurrence counts.
    static std::optional<QByteArray> value(QByteArrayView parameters, QByteArrayView key);
    // The value of `key` as a whole number in [low, high]; `fallback` when absent or anything else.
    static int number(QByteArrayView parameters, QByteArrayView key, int low, int high, int fallback);
};
