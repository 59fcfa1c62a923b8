#pragma once

#include <QtCore/qstring.h>

namespace hookline::hid {

enum class ReportType { Input, Output, Feature };

inline QString reportTypeName(ReportType type)
{
    switch (type) {
    case ReportType::Input:
        return QStringLiteral("input");
    case ReportType::Output:
        return QStringLiteral("output");
    case ReportType::Feature:
        return QStringLiteral("feature");
    }
    return QString();
}

// Size of one report as the descriptor declares it (sum of all its Main items, padding
// included). A hidraw write needs 1 + byteLength() bytes: the report ID (or 0) comes first.
struct ReportLayout
{
    ReportType type = ReportType::Input;
    quint8 reportId = 0; // 0 = the device uses unnumbered reports
    quint32 bitLength = 0; // report-ID byte excluded

    quint32 byteLength() const { return (bitLength + 7) / 8; }

    friend bool operator==(const ReportLayout &, const ReportLayout &) = default;
};

} // namespace hookline::hid
