#pragma once

#include <QtCore/qglobal.h>

namespace hookline::hid {

// One decoded item of a report descriptor (HID 1.11, 6.2.2.2 short items, 6.2.2.3 long items).
struct DescriptorItem
{
    enum class Type : quint8 { Main = 0, Global = 1, Local = 2, Reserved = 3, Long = 4 };

    Type type = Type::Main;
    quint8 tag = 0; // bTag of a short item, bLongItemTag of a long item
    quint8 dataSize = 0; // 0, 1, 2 or 4 for short items; bDataSize for long items
    qsizetype byteOffset = 0; // of the prefix byte
    qsizetype totalLength = 1; // prefix + header + data
    quint32 data = 0; // short items: little-endian, zero-extended

    // Short items: data sign-extended from its own size (Logical Minimum/Maximum are signed).
    qint32 signedData() const
    {
        switch (dataSize) {
        case 1:
            return qint8(quint8(data));
        case 2:
            return qint16(quint16(data));
        case 4:
            return qint32(data);
        default:
            return 0;
        }
    }
};

} // namespace hookline::hid
