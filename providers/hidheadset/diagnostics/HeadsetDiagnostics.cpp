#include "HeadsetDiagnostics.h"

#include "ReportDescriptorParser.h"
#include "backend/HidPermission.h"
#include "backend/LinuxHidBackend.h"

namespace hookline::hid {

namespace {
QString controlLine(const TelephonyControl &control)
{
    return QStringLiteral("%1 report 0x%2 bit %3 size %4 %5%6")
        .arg(controlKindName(control.kind))
        .arg(control.reportId, 2, 16, QLatin1Char('0'))
        .arg(control.bitOffset)
        .arg(control.bitSize)
        .arg(control.isAbsolute() ? QStringLiteral("abs") : QStringLiteral("rel"))
        .arg(control.isVariable() ? QStringLiteral(" ") + onOffControlTypeName(control.onOffType)
                                  : QStringLiteral(" array"));
}

void printControls(const DescriptorParseResult &parsed, QTextStream &out)
{
    for (const TelephonyCollection &collection : parsed.collections) {
        out << "  collection 0x0b:0x"
            << QString::number(collection.usageId(), 16).rightJustified(2, QLatin1Char('0'))
            << (collection.isUsable() ? "" : " (no call controls)") << "\n";
        for (const TelephonyControl &control : collection.inputs) {
            if (control.isCallControl() && !control.outsideCollection)
                out << "    in  " << controlLine(control) << "\n";
        }
        for (const TelephonyControl &control : collection.outputs) {
            if (control.isCallControl() && !control.outsideCollection)
                out << "    out " << controlLine(control) << "\n";
        }
    }
}
} // namespace

int listHeadsets(HidBackend &backend, QTextStream &out)
{
    const QList<HidDeviceInfo> devices = backend.enumerate();
    if (devices.isEmpty()) {
        out << "no telephony HID devices found\n";
        return 0;
    }
    for (const HidDeviceInfo &device : devices) {
        out << device.path << ": " << device.displayName() << "\n";
        out << "  id " << device.stableId() << ", manufacturer \"" << device.manufacturer << "\", interface "
            << device.interfaceNumber << "\n";
        switch (device.access) {
        case HidDeviceInfo::Access::ReadWrite:
            out << "  permission: ok (read/write)\n";
            break;
        case HidDeviceInfo::Access::NoPermission:
            out << "  permission: " << noPermissionReason(device.path) << "\n";
            break;
        case HidDeviceInfo::Access::Unknown:
            out << "  permission: not checked\n";
            break;
        }
        if (device.descriptor.isEmpty()) {
            out << "  descriptor: " << device.descriptorError << "\n";
            continue;
        }
        const DescriptorParseResult parsed = ReportDescriptorParser::parse(QByteArrayView(device.descriptor));
        if (!parsed.isValid()) {
            out << "  descriptor: " << parsed.error.message() << "\n";
            continue;
        }
        out << "  descriptor: " << device.descriptor.size() << " bytes"
            << (parsed.usesReportIds ? ", numbered reports" : ", unnumbered reports") << "\n";
        printControls(parsed, out);
    }
    return 0;
}

int listHeadsets(QTextStream &out)
{
    LinuxHidBackend backend;
    return listHeadsets(backend, out);
}

} // namespace hookline::hid
