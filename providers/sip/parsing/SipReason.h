#pragma once

#include <QtCore/qbytearray.h>
#include <QtCore/qstring.h>

#include <optional>

// One value of the Reason header (RFC 3326): `Q.850;cause=16;text="Normal call clearing"`. A header may
// hold several comma-separated values (SIP and Q.850); findQ850() picks the Q.850 one.
struct SipReason
{
    QString protocol; // "Q.850", "SIP", ...
    int cause = -1;
    QString text;

    static std::optional<SipReason> parse(QByteArrayView value);
    // The first Q.850 value with a cause in 0..127 among the comma-separated values of one header.
    static std::optional<SipReason> findQ850(QByteArrayView header);
    static QByteArray formatQ850(int cause, const QString &text = QString());
};
