#pragma once

#include <QtCore/qglobal.h>

namespace hookline::hid {

// One Usage (minimum == maximum) or one Usage Minimum/Maximum pair, both as 32-bit usages on the
// same page. The parser keeps ranges instead of expanding them, so "Usage Minimum 0, Usage
// Maximum 0xFFFF" costs eight bytes, not 64 K entries.
struct UsageRange
{
    quint32 minimum = 0;
    quint32 maximum = 0;

    quint16 page() const { return quint16(minimum >> 16); }
    quint64 count() const { return quint64(maximum) - minimum + 1; }
    bool contains(quint32 usage) const { return usage >= minimum && usage <= maximum; }

    friend bool operator==(const UsageRange &, const UsageRange &) = default;
};

} // namespace hookline::hid
