#pragma once

#include <QtCore/qobject.h>
#include <QtCore/qstring.h>
#include <QtQml/qqmlregistration.h>

// Key sequences for the shortcut editor: what QML cannot do itself. Sequences are stored in the
// portable form ("Ctrl+Shift+A", what Shortcut.sequence reads) and shown in the native one.
class KeySequences : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

public:
    explicit KeySequences(QObject *parent = nullptr);

    // The sequence a key press makes (key and modifiers of a QML KeyEvent), or "" for a lone
    // modifier key and keys without a name. The keypad flag is dropped ("Ctrl+5" either way).
    Q_INVOKABLE QString fromKeyEvent(int key, int modifiers) const;
    // The portable form of a sequence, so equal sequences compare equal ("ctrl+a" == "Ctrl+A").
    Q_INVOKABLE QString normalized(const QString &sequence) const;
    // The sequence as the platform writes it, for display.
    Q_INVOKABLE QString nativeText(const QString &sequence) const;
    // Whether a sequence may be an application-wide shortcut: it needs Ctrl, Alt or Meta, unless it
    // is a function key, so that typing in a text field never triggers a call action.
    Q_INVOKABLE bool isUsableShortcut(const QString &sequence) const;
};
