#pragma once

#include <QtCore/qstring.h>

namespace hookline::hid {

// Why a report descriptor was rejected and where: byteOffset is the first byte of the offending
// item, or the descriptor size for problems only visible at the end (unclosed collections).
struct DescriptorError
{
    enum class Code {
        None,
        EmptyDescriptor,
        DescriptorTooLarge,
        TruncatedItem, // a short item's data runs past the end
        LongItemOverrun, // a long item's header or data runs past the end
        UnknownGlobalItem, // reserved global tag (Linux refuses these too)
        InvalidReportId, // Report ID 0 or > 255
        InvalidReportSize, // Report Size > DescriptorLimits::maxReportSizeBits
        InvalidReportCount, // Report Count > DescriptorLimits::maxReportCount
        ReportTooLarge, // Report Size * Report Count pushes a report past maxReportBits
        PushOverflow,
        PopWithoutPush,
        CollectionTooDeep,
        EndCollectionWithoutCollection,
        UnbalancedCollections, // collections still open at the end
        DelimiterMismatch, // nested Delimiter open, or close without open
        TooManyUsages,
        TooManyTelephonyCollections,
        TooManyControls,
    };

    Code code = Code::None;
    qsizetype byteOffset = -1;
    QString detail; // human-readable specifics, e.g. the declared and the available length

    bool isError() const { return code != Code::None; }
    // Stable lower-camel-case name of the code ("truncatedItem"), used in JSON.
    QString codeName() const;
    // "truncated item at byte offset 46: item needs 2 bytes, 1 left"
    QString message() const;
};

} // namespace hookline::hid
