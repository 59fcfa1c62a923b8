#pragma once

#include <QtCore/qobject.h>
#include <QtQml/qqmlregistration.h>

// Numbers as people type and read them ("+1 555 0103", "(555) 010-3", "555.0103") and as lines dial
// them ("+15550103"). Spaces, dots, dashes, slashes and brackets are formatting; a leading + stays;
// * and # are dialled keys. Anything else (letters) is refused, with a reason the UI shows. A SIP URI
// (sip:user@host, with an optional :port and ;parameters) is an address too: sipUri() checks and
// normalizes it, and CallEngine::makeCall passes it to the line as it is (a SIP line makes it the
// request URI); the dial pad and the number fields still take numbers only.
// In QML: DialString.normalized(text), DialString.problem(text), DialString.digits(text).
class DialString : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

public:
    explicit DialString(QObject *parent = nullptr);

    // The dialable form, or an empty string when the text cannot be dialled.
    Q_INVOKABLE static QString normalized(const QString &text);
    // Why the text cannot be dialled (translated), or an empty string when it can.
    Q_INVOKABLE static QString problem(const QString &text);
    // Whether the text is meant as a SIP URI (it starts with "sip:" or "sips:", in any case).
    Q_INVOKABLE static bool looksLikeUri(const QString &text);
    // The SIP URI in `text` with its scheme and host in lower case ("SIP:Sup@Host.Example:5070" as
    // "sip:Sup@host.example:5070"), or an empty string when it is not one: the scheme sip (sips is
    // refused), a user part without spaces, <, >, " or @, a host name, IPv4 or [IPv6] address, an optional
    // port from 1 to 65535 and optional ;parameters.
    Q_INVOKABLE static QString sipUri(const QString &text);
    // Only the digits, for matching numbers whatever their formatting.
    Q_INVOKABLE static QString digits(const QString &text);
};
