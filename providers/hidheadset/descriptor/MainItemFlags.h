#pragma once

#include <QtCore/qglobal.h>

namespace hookline::hid {

// The data bits of an Input, Output or Feature main item (HID 1.11, 6.2.2.5). Bit clear is the
// default meaning (Data, Array, Absolute, No Wrap, Linear, Preferred State, No Null, ...).
struct MainItemFlags
{
    quint32 bits = 0;

    bool isConstant() const { return bits & 0x001; }
    bool isVariable() const { return bits & 0x002; }
    bool isArray() const { return !isVariable(); }
    bool isRelative() const { return bits & 0x004; }
    bool isAbsolute() const { return !isRelative(); }
    bool wraps() const { return bits & 0x008; }
    bool isNonLinear() const { return bits & 0x010; }
    bool hasPreferredState() const { return !(bits & 0x020); }
    bool hasNullState() const { return bits & 0x040; }
    // Bit 7 is reserved for Input items and means Volatile for Output/Feature items.
    bool isVolatile() const { return bits & 0x080; }
    bool isBufferedBytes() const { return bits & 0x100; }

    friend bool operator==(const MainItemFlags &, const MainItemFlags &) = default;
};

} // namespace hookline::hid
