#include "UntrustedText.h"

namespace {
constexpr QChar FirstStrongIsolate(0x2068);
constexpr QChar PopDirectionalIsolate(0x2069);
} // namespace

bool UntrustedText::isBidiControl(char32_t c)
{
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F
        || c == 0x061C;
}

bool UntrustedText::hasBidiControls(const QString &text)
{
    for (const QChar c : text) {
        if (isBidiControl(c.unicode()))
            return true;
    }
    return false;
}

QString UntrustedText::forDisplay(const QString &text)
{
    // Left-to-right text without controls cannot reorder anything: it stays as it is (and so do the
    // accessible names built from it). Anything else is isolated, with its controls marked.
    bool needsIsolate = false;
    for (const QChar c : text) {
        const QChar::Direction d = c.direction();
        if (isBidiControl(c.unicode()) || d == QChar::DirR || d == QChar::DirAL) {
            needsIsolate = true;
            break;
        }
    }
    if (!needsIsolate)
        return text;
    QString shown;
    shown.reserve(text.size() + 2);
    shown += FirstStrongIsolate;
    for (const QChar c : text)
        shown += isBidiControl(c.unicode()) ? Mark : c;
    shown += PopDirectionalIsolate;
    return shown;
}
