#pragma once

#include "DescriptorError.h"
#include "ReportLayout.h"
#include "TelephonyCollection.h"

#include <QtCore/qlist.h>

#include <optional>

namespace hookline::hid {

// Outcome of ReportDescriptorParser::parse(). On error only `error` and `descriptorSize` are
// meaningful; collections and reports stay empty so nobody acts on half a descriptor.
struct DescriptorParseResult
{
    DescriptorError error;
    qsizetype descriptorSize = 0;
    // Any Report ID item present: hidraw reads then start with the report ID byte.
    bool usesReportIds = false;
    // Telephony application collections in descriptor order.
    QList<TelephonyCollection> collections;
    // Every (type, report ID) the descriptor declares, ordered by type then ID.
    QList<ReportLayout> reports;

    bool isValid() const { return !error.isError(); }
    bool hasUsableTelephonyCollection() const;
    std::optional<ReportLayout> report(ReportType type, quint8 reportId) const;
};

} // namespace hookline::hid
