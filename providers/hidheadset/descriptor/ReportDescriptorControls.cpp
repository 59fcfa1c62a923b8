// The walk's second pass: the Input/Output/Feature fields it recorded, turned into the telephony controls
// of their collections (one control per usage a field carries, arrays and variable ranges expanded).
#include "ReportDescriptorWalk.h"

#include "DescriptorLimits.h"
#include "HidUsages.h"

#include <algorithm>

namespace hookline::hid {

bool ReportDescriptorParser::Walk::buildControls()
{
    for (int index = 0; index < m_result.collections.size(); ++index) {
        TelephonyCollection &collection = m_result.collections[index];

        // Feature reports carry settings, not call control; only inputs and outputs are mapped.
        std::array<bool, reportKeyCount> ownReports {};
        for (const Field &field : std::as_const(m_fields)) {
            if (field.owner != index || field.type == ReportType::Feature)
                continue;
            if (!expandField(field, true, collection))
                return false;
            ownReports[reportKey(field.type, field.reportId)] = true;
        }
        // Report IDs are global: fields of other collections can live in the same report (EPOS
        // puts volume buttons next to the hook switch). Keep them as Other so a consumer knows
        // those bits are not call control.
        for (const Field &field : std::as_const(m_fields)) {
            if (field.owner == index || field.type == ReportType::Feature
                || !ownReports[reportKey(field.type, field.reportId)]) {
                continue;
            }
            if (!expandField(field, false, collection))
                return false;
        }

        const auto byPosition = [](const TelephonyControl &a, const TelephonyControl &b) {
            return std::tie(a.reportId, a.bitOffset) < std::tie(b.reportId, b.bitOffset);
        };
        std::stable_sort(collection.inputs.begin(), collection.inputs.end(), byPosition);
        std::stable_sort(collection.outputs.begin(), collection.outputs.end(), byPosition);
    }
    return true;
}

bool ReportDescriptorParser::Walk::appendControl(const Field &field, bool own, ControlKind kind,
                                                 quint32 usage, quint32 usageMaximum, quint64 element,
                                                 quint64 count, TelephonyCollection &collection)
{
    if (collection.inputs.size() + collection.outputs.size() >= DescriptorLimits::maxControlsPerCollection) {
        return fail(Code::TooManyControls, collection.byteOffset,
                    QStringLiteral("more than %1 fields share the reports of the telephony collection")
                        .arg(DescriptorLimits::maxControlsPerCollection));
    }

    TelephonyControl control;
    control.kind = kind;
    control.usage = usage;
    control.usageMaximum = usageMaximum;
    control.reportId = field.reportId;
    // element < count <= maxReportCount and the whole field fits maxReportBits: no overflow.
    control.bitOffset = field.bitOffset + quint32(element) * field.bitSize;
    control.bitSize = field.bitSize;
    control.reportCount = quint32(count);
    control.logicalMinimum = field.logicalMinimum;
    control.logicalMaximum = field.logicalMaximum;
    control.flags = field.flags;
    control.onOffType = onOffControlTypeFor(field.flags, field.logicalMinimum, field.logicalMaximum);
    if (field.flags.isArray())
        control.arrayUsages = field.usages;
    control.outsideCollection = !own;

    (field.type == ReportType::Output ? collection.outputs : collection.inputs).append(std::move(control));
    return true;
}

bool ReportDescriptorParser::Walk::expandVariableRange(const Field &field, bool own, quint32 first,
                                                       quint32 last, quint64 firstElement,
                                                       TelephonyCollection &collection)
{
    // Elements firstElement.. carry the usages first..last one by one. Call controls inside the
    // range get an entry each; the stretches between them become Other runs.
    quint64 cursor = first;
    if (own) {
        for (const quint32 usage : callControlUsages()) {
            if (usage < first || usage > last)
                continue;
            if (usage > cursor) {
                if (!appendControl(field, own, ControlKind::Other, quint32(cursor), usage - 1,
                                   firstElement + (cursor - first), usage - cursor, collection)) {
                    return false;
                }
            }
            if (!appendControl(field, own, controlKindForUsage(usage), usage, usage,
                               firstElement + (usage - first), 1, collection)) {
                return false;
            }
            cursor = quint64(usage) + 1;
        }
    }
    if (cursor <= last) {
        return appendControl(field, own, ControlKind::Other, quint32(cursor), last,
                             firstElement + (cursor - first), quint64(last) - cursor + 1, collection);
    }
    return true;
}

bool ReportDescriptorParser::Walk::expandField(const Field &field, bool own, TelephonyCollection &collection)
{
    if (field.flags.isArray()) {
        // One entry per call control the array can report; all share the field position.
        const quint32 firstUsage = field.usages.isEmpty() ? 0 : field.usages.constFirst().minimum;
        std::optional<UsageRange> keys;
        QList<quint32> controls;
        if (own) {
            for (const UsageRange &range : field.usages) {
                for (const quint32 usage : callControlUsages()) {
                    if (!range.contains(usage))
                        continue;
                    if (controlKindForUsage(usage) == ControlKind::Keypad) {
                        keys = keys
                            ? UsageRange {std::min(keys->minimum, usage), std::max(keys->maximum, usage)}
                            : UsageRange {usage, usage};
                    } else if (!controls.contains(usage)) {
                        controls.append(usage);
                    }
                }
            }
        }
        if (keys
            && !appendControl(field, own, ControlKind::Keypad, keys->minimum, keys->maximum, 0, field.count,
                              collection)) {
            return false;
        }
        for (const quint32 usage : std::as_const(controls)) {
            if (!appendControl(field, own, controlKindForUsage(usage), usage, usage, 0, field.count,
                               collection))
                return false;
        }
        // An array without call controls is named by its first usage; arrayUsages has them all.
        if (!keys && controls.isEmpty())
            return appendControl(field, own, ControlKind::Other, firstUsage, firstUsage, 0, field.count,
                                 collection);
        return true;
    }

    // Variable field: element i takes the i-th usage (ranges counted out); elements beyond the
    // list repeat the last usage (HID 1.11, 6.2.2.8).
    quint64 element = 0;
    for (const UsageRange &range : field.usages) {
        if (element >= field.count)
            break;
        const quint64 elements = std::min(range.count(), field.count - element);
        const quint32 last = quint32(range.minimum + (elements - 1));
        if (!expandVariableRange(field, own, range.minimum, last, element, collection))
            return false;
        element += elements;
    }
    if (element < field.count) {
        const quint32 repeated = field.usages.isEmpty() ? 0 : field.usages.constLast().maximum;
        const ControlKind kind = own ? controlKindForUsage(repeated) : ControlKind::Other;
        return appendControl(field, own, kind, repeated, repeated, element, field.count - element,
                             collection);
    }
    return true;
}

} // namespace hookline::hid
