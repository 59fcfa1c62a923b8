// libFuzzer entry point for the HID report-descriptor parser. Besides ASan/UBSan findings it
// traps on broken result invariants, so logic errors show up as crashes too.

#include "DescriptorJson.h"
#include "ReportDescriptorParser.h"

#include <cstddef>
#include <cstdint>

using namespace hookline::hid;

namespace {

void require(bool condition)
{
    if (!condition)
        __builtin_trap();
}

void checkControls(const DescriptorParseResult &result, const QList<TelephonyControl> &controls,
                   ReportType type)
{
    for (const TelephonyControl &control : controls) {
        // Every control lies inside a report the descriptor declares.
        const std::optional<ReportLayout> report = result.report(type, control.reportId);
        require(report.has_value());
        require(control.bitSize > 0 && control.reportCount > 0);
        require(quint64(control.bitOffset) + quint64(control.bitSize) * control.reportCount
                <= report->bitLength);
        require(control.usageMaximum >= control.usage);
        require(control.isVariable() || !control.arrayUsages.isEmpty() || control.kind == ControlKind::Other);
        if (control.isVariable()) {
            // A run covers consecutive usages or repeats one usage.
            require(control.usageMaximum == control.usage
                    || quint64(control.usageMaximum) - control.usage + 1 == control.reportCount);
        } else if (control.kind != ControlKind::Keypad) {
            require(control.usageMaximum == control.usage);
        }
        if (control.usageMaximum != control.usage)
            require(control.usagePage() == quint16(control.usageMaximum >> 16));
        if (control.outsideCollection)
            require(control.kind == ControlKind::Other);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const DescriptorParseResult result =
        ReportDescriptorParser::parse(std::span<const std::uint8_t>(data, size));

    require(result.descriptorSize == qsizetype(size));
    if (!result.isValid()) {
        require(result.error.byteOffset >= 0 && result.error.byteOffset <= qsizetype(size));
        require(result.collections.isEmpty() && result.reports.isEmpty());
        require(!result.error.message().isEmpty());
    } else {
        for (const TelephonyCollection &collection : result.collections) {
            require(collection.byteOffset >= 0 && collection.byteOffset < qsizetype(size));
            checkControls(result, collection.inputs, ReportType::Input);
            checkControls(result, collection.outputs, ReportType::Output);
        }
    }

    // The JSON view must cope with whatever the parser produced.
    const QByteArray json = DescriptorJson::toDocument(result).toJson(QJsonDocument::Compact);
    require(!json.isEmpty());
    return 0;
}
