#pragma once

#include <QtCore/qobject.h>
#include <QtCore/qstring.h>
#include <QtQml/qqmlregistration.h>

// Text from outside the console (caller names and numbers, UUI) shown to the agent. Bidirectional
// controls in it (embeddings and overrides U+202A..U+202E, isolates U+2066..U+2069, marks U+200E/U+200F
// and U+061C) could make "‮evil.exe‬" read "exe.live" or reorder the text around it: each is replaced
// by U+FFFD (visible: something was there), and text with controls or right-to-left letters becomes one
// first-strong isolate (U+2068 ... U+2069), so it cannot reorder what surrounds it either ("(2001)" after
// a Hebrew name). Left-to-right text without controls is returned as it is. One place for the console,
// the notification and history.
class UntrustedText : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

public:
    using QObject::QObject;

    static constexpr QChar Mark = QChar(0xFFFD);
    static bool isBidiControl(char32_t c);
    // The text as it is shown: controls replaced by Mark, isolated when needed. Empty stays empty.
    static QString forDisplay(const QString &text);
    // True when forDisplay() had to replace something.
    static bool hasBidiControls(const QString &text);

    Q_INVOKABLE QString display(const QString &text) const { return forDisplay(text); }
};
