// libFuzzer entry point for the HID report-descriptor parser. Besides ASan/UBSan findings it
// traps on broken result invariants, so logic errors show up as crashes too.

#include "../FuzzSupport.h"
#include "DescriptorJson.h"
#include "ReportDescriptorParser.h"

#include <cstddef>
#include <cstdint>

using namespace hookline::hid;

namespace {

void checkControls(const DescriptorParseResult &result, const QList<TelephonyControl> &controls,
                   ReportType type)
{
    for (const TelephonyControl &control : controls) {
        // Every control lies inside a report the descriptor declares.
        const std::optional<ReportLayout> report = result.report(type, control.reportId);
        fuzz::require(report.has_value());
        fuzz::require(control.bitSize > 0 && control.reportCount > 0);
        fuzz::require(quint64(control.bitOffset) + quint64(control.bitSize) * control.reportCount
                      <= report->bitLength);
        fuzz::require(control.usageMaximum >= control.usage);
        fuzz::require(control.isVariable() || !control.arrayUsages.isEmpty()
                      || control.kind == ControlKind::Other);
        if (control.isVariable()) {
            // A run covers consecutive usages or repeats one usage.
            fuzz::require(control.usageMaximum == control.usage
                          || quint64(control.usageMaximum) - control.usage + 1 == control.reportCount);
        } else if (control.kind != ControlKind::Keypad) {
            fuzz::require(control.usageMaximum == control.usage);
        }
        if (control.usageMaximum != control.usage)
            fuzz::require(control.usagePage() == quint16(control.usageMaximum >> 16));
        if (control.outsideCollection)
            fuzz::require(control.kind == ControlKind::Other);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const DescriptorParseResult result =
        ReportDescriptorParser::parse(std::span<const std::uint8_t>(data, size));

    fuzz::require(result.descriptorSize == qsizetype(size));
    if (!result.isValid()) {
        fuzz::require(result.error.byteOffset >= 0 && result.error.byteOffset <= qsizetype(size));
        fuzz::require(result.collections.isEmpty() && result.reports.isEmpty());
        fuzz::require(!result.error.message().isEmpty());
    } else {
        for (const TelephonyCollection &collection : result.collections) {
            fuzz::require(collection.byteOffset >= 0 && collection.byteOffset < qsizetype(size));
            checkControls(result, collection.inputs, ReportType::Input);
            checkControls(result, collection.outputs, ReportType::Output);
        }
    }

    // The JSON view must cope with whatever the parser produced.
    const QByteArray json = DescriptorJson::toDocument(result).toJson(QJsonDocument::Compact);
    fuzz::require(!json.isEmpty());
    return 0;
}
