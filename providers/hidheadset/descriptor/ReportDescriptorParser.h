#pragma once

#include "DescriptorParseResult.h"

#include <QtCore/qbytearrayview.h>

#include <cstdint>
#include <span>

namespace hookline::hid {

// Reads a USB HID report descriptor (the bytes of /sys/class/hidraw/hidrawN/device/report_descriptor)
// and finds the telephony collections a headset provider can drive. Pure: no I/O, no global
// state, never throws, never reads outside the span; malformed input yields result.error with the
// byte offset of the offending item.
//
// What it understands: short and long items; Push/Pop of the global state; nested collections;
// Usage, Usage Minimum/Maximum and 32-bit extended usages; Delimiter sets (first usage of a set
// wins); Report ID, Report Size/Count; Logical Minimum/Maximum (Maximum read unsigned unless the
// Minimum is negative, like Linux does); Input/Output/Feature flags. Bit offsets are counted per
// (report type, report ID) across the whole descriptor and exclude the report-ID byte.
//
// Usage Page semantics follow HID 1.11 6.2.2.7: a 1- or 2-byte usage takes the Usage Page in effect
// when the usage is declared (Jabra's "Usage (Programmable Button), Usage Page (Button), Input"
// stays Programmable Button). Only usages declared before any Usage Page take the page in effect
// at the Main item, which tolerates descriptors that put the Usage Page after the Usage.
class ReportDescriptorParser
{
public:
    static DescriptorParseResult parse(std::span<const std::uint8_t> descriptor);
    static DescriptorParseResult parse(QByteArrayView descriptor);

private:
    class Walk;
};

} // namespace hookline::hid
