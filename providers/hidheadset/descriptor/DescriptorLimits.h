#pragma once

#include <QtCore/qglobal.h>

namespace hookline::hid {

// Upper bounds the parser enforces. A descriptor beyond them is reported as malformed instead of
// being walked, so a hostile or corrupted device cannot make the parser allocate or loop without
// bound. Every real headset descriptor seen so far stays far below each limit.
struct DescriptorLimits
{
    // wDescriptorLength of the HID class descriptor is 16 bit.
    static constexpr qsizetype maxDescriptorBytes = 65535;
    // The kernel allows 4 pushes; leave room for generous firmware without unbounded growth.
    static constexpr int maxGlobalStackDepth = 32;
    static constexpr int maxCollectionDepth = 32;
    // Linux hid-core rejects Report Size > 256 and Report Count > HID_MAX_USAGES (12288).
    static constexpr quint32 maxReportSizeBits = 256;
    static constexpr quint32 maxReportCount = 16384;
    // A report (per type and ID, report-ID byte excluded) must fit hidraw's 16 KiB buffer.
    static constexpr quint32 maxReportBits = 16384 * 8;
    // Usage / Usage Minimum+Maximum entries collected for one Main item.
    static constexpr int maxUsagesPerMainItem = 4096;
    // Headsets expose one or two telephony collections; anything beyond is not a headset.
    static constexpr int maxTelephonyCollections = 16;
    static constexpr int maxControlsPerCollection = 4096;
};

} // namespace hookline::hid
