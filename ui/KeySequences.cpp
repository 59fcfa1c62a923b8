#include "KeySequences.h"

#include <QtGui/qkeysequence.h>

KeySequences::KeySequences(QObject *parent)
    : QObject(parent)
{ }

QString KeySequences::fromKeyEvent(int key, int modifiers) const
{
    switch (key) {
    case Qt::Key_Shift:
    case Qt::Key_Control:
    case Qt::Key_Alt:
    case Qt::Key_AltGr:
    case Qt::Key_Meta:
    case Qt::Key_Super_L:
    case Qt::Key_Super_R:
    case Qt::Key_Hyper_L:
    case Qt::Key_Hyper_R:
    case Qt::Key_CapsLock:
    case Qt::Key_NumLock:
    case Qt::Key_ScrollLock:
    case Qt::Key_unknown:
    case 0:
        return QString();
    default:
        break;
    }
    const auto mods = Qt::KeyboardModifiers(modifiers)
        & (Qt::ShiftModifier | Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier);
    return QKeySequence(QKeyCombination(mods, Qt::Key(key))).toString(QKeySequence::PortableText);
}

QString KeySequences::normalized(const QString &sequence) const
{
    return QKeySequence::fromString(sequence, QKeySequence::PortableText)
        .toString(QKeySequence::PortableText);
}

QString KeySequences::nativeText(const QString &sequence) const
{
    return QKeySequence::fromString(sequence, QKeySequence::PortableText).toString(QKeySequence::NativeText);
}

bool KeySequences::isUsableShortcut(const QString &sequence) const
{
    const QKeySequence keys = QKeySequence::fromString(sequence, QKeySequence::PortableText);
    if (keys.isEmpty() || keys.count() != 1)
        return false;
    const QKeyCombination combination = keys[0];
    if (combination.keyboardModifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))
        return true;
    return combination.key() >= Qt::Key_F1 && combination.key() <= Qt::Key_F35;
}
