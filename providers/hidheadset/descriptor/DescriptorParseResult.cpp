#include "DescriptorParseResult.h"

#include <algorithm>

namespace hookline::hid {

bool DescriptorParseResult::hasUsableTelephonyCollection() const
{
    return isValid()
        && std::any_of(collections.cbegin(), collections.cend(),
                       [](const TelephonyCollection &collection) { return collection.isUsable(); });
}

std::optional<ReportLayout> DescriptorParseResult::report(ReportType type, quint8 reportId) const
{
    for (const ReportLayout &layout : reports) {
        if (layout.type == type && layout.reportId == reportId)
            return layout;
    }
    return std::nullopt;
}

} // namespace hookline::hid
