#pragma once

#include <QtCore/qbytearrayview.h>

// SIP's linear whitespace around a header value or parameter (RFC 3261 section 25.1: SP and HTAB once lines
// are unfolded). Narrower than QByteArrayView::trimmed(), which also takes CR, LF, VT and FF.
inline QByteArrayView trimLinearWhitespace(QByteArrayView text)
{
    while (!text.isEmpty() && (text.front() == ' ' || text.front() == '\t'))
        text = text.sliced(1);
    while (!text.isEmpty() && (text.back() == ' ' || text.back() == '\t'))
        text.chop(1);
    return text;
}
