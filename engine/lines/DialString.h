#pragma once

#include <QtCore/qobject.h>
#include <QtQml/qqmlregistration.h>

// Numbers as people type and read them ("+1 555 0103", "(555) 010-3", "555.0103") and as lines dial
// them ("+15550103"). Spaces, dots, dashes, slashes and brackets are formatting; a leading + stays;
// * and # are dialled keys. Anything else (letters) is refused, with a reason the UI shows.
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
    // Only the digits, for matching numbers whatever their formatting.
    Q_INVOKABLE static QString digits(const QString &text);
};
