#include "ReportDescriptorParser.h"

#include "DescriptorItemReader.h"
#include "DescriptorLimits.h"
#include "DescriptorLogging.h"
#include "HidUsages.h"

#include <algorithm>
#include <array>
#include <optional>
#include <tuple>

namespace hookline::hid {

namespace {

using Code = DescriptorError::Code;

// Main item tags (HID 1.11, 6.2.2.4).
enum MainTag : quint8 {
    MainInput = 0x8,
    MainOutput = 0x9,
    MainCollection = 0xA,
    MainFeature = 0xB,
    MainEndCollection = 0xC,
};

// Global item tags (6.2.2.7).
enum GlobalTag : quint8 {
    GlobalUsagePage = 0x0,
    GlobalLogicalMinimum = 0x1,
    GlobalLogicalMaximum = 0x2,
    GlobalPhysicalMinimum = 0x3,
    GlobalPhysicalMaximum = 0x4,
    GlobalUnitExponent = 0x5,
    GlobalUnit = 0x6,
    GlobalReportSize = 0x7,
    GlobalReportId = 0x8,
    GlobalReportCount = 0x9,
    GlobalPush = 0xA,
    GlobalPop = 0xB,
};

// Local item tags (6.2.2.8).
enum LocalTag : quint8 {
    LocalUsage = 0x0,
    LocalUsageMinimum = 0x1,
    LocalUsageMaximum = 0x2,
    LocalDelimiter = 0xA,
};

constexpr quint32 collectionTypeApplication = 0x01;

constexpr std::size_t reportKeyCount = 3 * 256;

std::size_t reportKey(ReportType type, quint8 reportId)
{
    return std::size_t(type) * 256 + reportId;
}

bool isTelephonyApplication(quint32 collectionType, quint32 usage)
{
    if (collectionType != collectionTypeApplication || usages::pageOf(usage) != usages::pageTelephony)
        return false;
    const quint16 id = usages::idOf(usage);
    return id == usages::telephonyHeadset || id == usages::telephonyPhone || id == usages::telephonyHandset;
}

QString hex(quint32 value, int width = 2)
{
    return QStringLiteral("0x%1").arg(value, width, 16, QLatin1Char('0'));
}

} // namespace

// One pass over the items, then one pass turning the recorded fields into telephony controls.
class ReportDescriptorParser::Walk
{
public:
    explicit Walk(std::span<const std::uint8_t> bytes)
        : m_bytes(bytes)
        , m_reader(bytes)
    { }

    DescriptorParseResult run();

private:
    struct GlobalState
    {
        quint16 usagePage = 0;
        qint64 logicalMinimum = 0;
        // Kept raw: whether Logical Maximum is signed depends on Logical Minimum, which may come
        // later (resolved at the Main item).
        quint32 logicalMaximumData = 0;
        quint8 logicalMaximumSize = 0;
        quint32 reportSize = 0;
        quint32 reportCount = 0;
        quint8 reportId = 0;

        qint64 logicalMaximum() const
        {
            if (logicalMinimum < 0) {
                DescriptorItem item;
                item.data = logicalMaximumData;
                item.dataSize = logicalMaximumSize;
                return item.signedData();
            }
            return logicalMaximumData;
        }
    };

    // A usage value as declared; needsPage marks a 1/2-byte usage declared while no Usage Page
    // was set yet, which takes the page in effect at the Main item instead.
    struct DeclaredUsage
    {
        quint32 value = 0;
        bool needsPage = false;
    };

    struct DeclaredRange
    {
        DeclaredUsage minimum;
        DeclaredUsage maximum;
    };

    struct LocalState
    {
        QList<DeclaredRange> usages;
        std::optional<DeclaredUsage> pendingMinimum;
        std::optional<DeclaredUsage> pendingMaximum;
        bool delimiterOpen = false;
        bool delimiterSetHasUsage = false;
    };

    struct CollectionFrame
    {
        quint32 type = 0;
        qsizetype byteOffset = 0;
        int telephonyIndex = -1; // innermost telephony collection this frame is part of
    };

    // A non-constant Input/Output/Feature item as placed in its report.
    struct Field
    {
        ReportType type = ReportType::Input;
        quint8 reportId = 0;
        quint32 bitOffset = 0;
        quint32 bitSize = 0;
        quint32 count = 0;
        MainItemFlags flags;
        qint64 logicalMinimum = 0;
        qint64 logicalMaximum = 0;
        QList<UsageRange> usages;
        int owner = -1; // index into m_result.collections, -1 outside any telephony collection
    };

    bool fail(Code code, qsizetype byteOffset, const QString &detail = QString());

    bool handleMain(const DescriptorItem &item);
    bool handleGlobal(const DescriptorItem &item);
    bool handleLocal(const DescriptorItem &item);

    DeclaredUsage declareUsage(const DescriptorItem &item) const;
    bool addUsageRange(const DeclaredRange &range, qsizetype byteOffset);
    QList<UsageRange> takeUsages(qsizetype byteOffset);

    bool openCollection(const DescriptorItem &item, const QList<UsageRange> &usages);
    bool addField(ReportType type, const DescriptorItem &item, QList<UsageRange> usages);
    int currentTelephonyIndex() const
    {
        return m_collections.isEmpty() ? -1 : m_collections.constLast().telephonyIndex;
    }

    bool buildControls();
    bool expandField(const Field &field, bool own, TelephonyCollection &collection);
    bool expandVariableRange(const Field &field, bool own, quint32 first, quint32 last, quint64 firstElement,
                             TelephonyCollection &collection);
    bool appendControl(const Field &field, bool own, ControlKind kind, quint32 usage, quint32 usageMaximum,
                       quint64 element, quint64 count, TelephonyCollection &collection);

    std::span<const std::uint8_t> m_bytes;
    DescriptorItemReader m_reader;
    GlobalState m_global;
    QList<GlobalState> m_globalStack;
    LocalState m_local;
    QList<CollectionFrame> m_collections;
    int m_topLevelCollections = 0;
    std::array<quint32, reportKeyCount> m_reportBits {};
    QList<Field> m_fields;
    DescriptorParseResult m_result;
};

bool ReportDescriptorParser::Walk::fail(Code code, qsizetype byteOffset, const QString &detail)
{
    m_result.error = DescriptorError {code, byteOffset, detail};
    return false;
}

DescriptorParseResult ReportDescriptorParser::Walk::run()
{
    const qsizetype size = qsizetype(m_bytes.size());
    m_result.descriptorSize = size;

    const auto failed = [this]() {
        DescriptorParseResult result;
        result.error = m_result.error;
        result.descriptorSize = m_result.descriptorSize;
        return result;
    };

    if (size == 0) {
        fail(Code::EmptyDescriptor, 0, QStringLiteral("a report descriptor has at least one item"));
        return failed();
    }
    if (size > DescriptorLimits::maxDescriptorBytes) {
        fail(Code::DescriptorTooLarge, DescriptorLimits::maxDescriptorBytes,
             QStringLiteral("%1 bytes, at most %2 allowed")
                 .arg(size)
                 .arg(DescriptorLimits::maxDescriptorBytes));
        return failed();
    }

    while (!m_reader.atEnd()) {
        DescriptorItem item;
        if (!m_reader.readNext(item, m_result.error))
            return failed();

        bool ok = true;
        switch (item.type) {
        case DescriptorItem::Type::Main:
            ok = handleMain(item);
            break;
        case DescriptorItem::Type::Global:
            ok = handleGlobal(item);
            break;
        case DescriptorItem::Type::Local:
            ok = handleLocal(item);
            break;
        case DescriptorItem::Type::Reserved:
        case DescriptorItem::Type::Long:
            // No tags are defined for either; skipping them is what the HID spec asks for.
            qCDebug(lcHidDescriptor) << "skipping reserved/long item at byte offset" << item.byteOffset;
            break;
        }
        if (!ok)
            return failed();
    }

    if (!m_collections.isEmpty()) {
        fail(Code::UnbalancedCollections, size,
             QStringLiteral("%1 collection(s) still open, the innermost opened at byte offset %2")
                 .arg(m_collections.size())
                 .arg(m_collections.constLast().byteOffset));
        return failed();
    }

    if (!buildControls())
        return failed();

    for (std::size_t key = 0; key < reportKeyCount; ++key) {
        if (m_reportBits[key] == 0)
            continue;
        m_result.reports.append(ReportLayout {ReportType(key / 256), quint8(key % 256), m_reportBits[key]});
    }
    return std::move(m_result);
}

bool ReportDescriptorParser::Walk::handleMain(const DescriptorItem &item)
{
    // Local state applies to exactly one Main item, whatever its tag.
    QList<UsageRange> usages = takeUsages(item.byteOffset);

    switch (item.tag) {
    case MainInput:
        return addField(ReportType::Input, item, std::move(usages));
    case MainOutput:
        return addField(ReportType::Output, item, std::move(usages));
    case MainFeature:
        return addField(ReportType::Feature, item, std::move(usages));
    case MainCollection:
        return openCollection(item, usages);
    case MainEndCollection:
        if (m_collections.isEmpty())
            return fail(Code::EndCollectionWithoutCollection, item.byteOffset);
        m_collections.removeLast();
        return true;
    default:
        // Reserved main tags: Linux warns and carries on, so do we.
        qCDebug(lcHidDescriptor) << "ignoring reserved main item tag" << item.tag << "at byte offset"
                                 << item.byteOffset;
        return true;
    }
}

bool ReportDescriptorParser::Walk::handleGlobal(const DescriptorItem &item)
{
    switch (item.tag) {
    case GlobalUsagePage:
        // Usage pages are 16 bit; a 4-byte item only adds zero (or meaningless) high bytes.
        m_global.usagePage = quint16(item.data & 0xFFFF);
        return true;
    case GlobalLogicalMinimum:
        m_global.logicalMinimum = item.signedData();
        return true;
    case GlobalLogicalMaximum:
        m_global.logicalMaximumData = item.data;
        m_global.logicalMaximumSize = item.dataSize;
        return true;
    case GlobalPhysicalMinimum:
    case GlobalPhysicalMaximum:
    case GlobalUnitExponent:
    case GlobalUnit:
        return true; // irrelevant for on/off telephony controls
    case GlobalReportSize:
        if (item.data > DescriptorLimits::maxReportSizeBits) {
            return fail(Code::InvalidReportSize, item.byteOffset,
                        QStringLiteral("Report Size %1, at most %2 bits allowed")
                            .arg(item.data)
                            .arg(DescriptorLimits::maxReportSizeBits));
        }
        m_global.reportSize = item.data;
        return true;
    case GlobalReportId:
        if (item.data == 0 || item.data > 0xFF) {
            return fail(Code::InvalidReportId, item.byteOffset,
                        QStringLiteral("Report ID %1, must be 1..255").arg(item.data));
        }
        m_global.reportId = quint8(item.data);
        m_result.usesReportIds = true;
        return true;
    case GlobalReportCount:
        if (item.data > DescriptorLimits::maxReportCount) {
            return fail(Code::InvalidReportCount, item.byteOffset,
                        QStringLiteral("Report Count %1, at most %2 allowed")
                            .arg(item.data)
                            .arg(DescriptorLimits::maxReportCount));
        }
        m_global.reportCount = item.data;
        return true;
    case GlobalPush:
        if (m_globalStack.size() >= DescriptorLimits::maxGlobalStackDepth) {
            return fail(
                Code::PushOverflow, item.byteOffset,
                QStringLiteral("more than %1 nested Push items").arg(DescriptorLimits::maxGlobalStackDepth));
        }
        m_globalStack.append(m_global);
        return true;
    case GlobalPop:
        if (m_globalStack.isEmpty())
            return fail(Code::PopWithoutPush, item.byteOffset);
        m_global = m_globalStack.takeLast();
        return true;
    default:
        return fail(Code::UnknownGlobalItem, item.byteOffset,
                    QStringLiteral("reserved global tag %1").arg(item.tag));
    }
}

ReportDescriptorParser::Walk::DeclaredUsage
ReportDescriptorParser::Walk::declareUsage(const DescriptorItem &item) const
{
    // A 4-byte usage is an extended usage: page in the high 16 bits, no Usage Page involved.
    if (item.dataSize == 4)
        return DeclaredUsage {item.data, false};
    return DeclaredUsage {usages::make(m_global.usagePage, quint16(item.data)), m_global.usagePage == 0};
}

bool ReportDescriptorParser::Walk::addUsageRange(const DeclaredRange &range, qsizetype byteOffset)
{
    if (m_local.delimiterOpen) {
        // A delimited set lists alternative usages for the same control; the first is preferred.
        if (m_local.delimiterSetHasUsage)
            return true;
        m_local.delimiterSetHasUsage = true;
    }
    if (m_local.usages.size() >= DescriptorLimits::maxUsagesPerMainItem) {
        return fail(Code::TooManyUsages, byteOffset,
                    QStringLiteral("more than %1 usages before one main item")
                        .arg(DescriptorLimits::maxUsagesPerMainItem));
    }
    m_local.usages.append(range);
    return true;
}

bool ReportDescriptorParser::Walk::handleLocal(const DescriptorItem &item)
{
    switch (item.tag) {
    case LocalUsage: {
        const DeclaredUsage usage = declareUsage(item);
        return addUsageRange(DeclaredRange {usage, usage}, item.byteOffset);
    }
    case LocalUsageMinimum:
    case LocalUsageMaximum: {
        (item.tag == LocalUsageMinimum ? m_local.pendingMinimum : m_local.pendingMaximum) =
            declareUsage(item);
        if (!m_local.pendingMinimum || !m_local.pendingMaximum)
            return true;
        const DeclaredRange range {*m_local.pendingMinimum, *m_local.pendingMaximum};
        m_local.pendingMinimum.reset();
        m_local.pendingMaximum.reset();
        return addUsageRange(range, item.byteOffset);
    }
    case LocalDelimiter:
        if (item.data != 0) {
            if (m_local.delimiterOpen)
                return fail(Code::DelimiterMismatch, item.byteOffset,
                            QStringLiteral("nested Delimiter (Open)"));
            m_local.delimiterOpen = true;
            m_local.delimiterSetHasUsage = false;
        } else {
            if (!m_local.delimiterOpen)
                return fail(Code::DelimiterMismatch, item.byteOffset,
                            QStringLiteral("Delimiter (Close) without Open"));
            m_local.delimiterOpen = false;
        }
        return true;
    default:
        return true; // designators and strings do not affect report layout
    }
}

QList<UsageRange> ReportDescriptorParser::Walk::takeUsages(qsizetype byteOffset)
{
    const quint16 page = m_global.usagePage;
    const auto resolve = [page](const DeclaredUsage &usage) {
        return usage.needsPage ? usages::make(page, usages::idOf(usage.value)) : usage.value;
    };

    QList<UsageRange> ranges;
    ranges.reserve(m_local.usages.size());
    for (const DeclaredRange &declared : std::as_const(m_local.usages)) {
        const UsageRange range {resolve(declared.minimum), resolve(declared.maximum)};
        // HID 1.11 requires both ends on the same page; a reversed or cross-page range has no
        // meaningful elements, so it is dropped rather than guessed at.
        if (range.minimum > range.maximum || usages::pageOf(range.minimum) != usages::pageOf(range.maximum)) {
            qCDebug(lcHidDescriptor) << "dropping invalid usage range" << hex(range.minimum, 8) << ".."
                                     << hex(range.maximum, 8) << "before byte offset" << byteOffset;
            continue;
        }
        ranges.append(range);
    }
    m_local = LocalState {};
    return ranges;
}

bool ReportDescriptorParser::Walk::openCollection(const DescriptorItem &item, const QList<UsageRange> &usages)
{
    if (m_collections.size() >= DescriptorLimits::maxCollectionDepth) {
        return fail(
            Code::CollectionTooDeep, item.byteOffset,
            QStringLiteral("more than %1 nested collections").arg(DescriptorLimits::maxCollectionDepth));
    }

    const quint32 usage = usages.isEmpty() ? 0 : usages.constFirst().minimum;
    if (m_collections.isEmpty())
        ++m_topLevelCollections;

    CollectionFrame frame {item.data, item.byteOffset, currentTelephonyIndex()};
    if (isTelephonyApplication(item.data, usage)) {
        if (m_result.collections.size() >= DescriptorLimits::maxTelephonyCollections) {
            return fail(Code::TooManyTelephonyCollections, item.byteOffset,
                        QStringLiteral("more than %1").arg(DescriptorLimits::maxTelephonyCollections));
        }
        TelephonyCollection collection;
        collection.usage = usage;
        collection.topLevelIndex = m_topLevelCollections - 1;
        collection.byteOffset = item.byteOffset;
        frame.telephonyIndex = int(m_result.collections.size());
        m_result.collections.append(collection);
    }
    m_collections.append(frame);
    return true;
}

bool ReportDescriptorParser::Walk::addField(ReportType type, const DescriptorItem &item,
                                            QList<UsageRange> usages)
{
    const std::size_t key = reportKey(type, m_global.reportId);
    // Both factors are bounded by DescriptorLimits, so the product cannot overflow 64 bit.
    const quint64 fieldBits = quint64(m_global.reportSize) * m_global.reportCount;
    const quint64 endBit = quint64(m_reportBits[key]) + fieldBits;
    if (endBit > DescriptorLimits::maxReportBits) {
        return fail(Code::ReportTooLarge, item.byteOffset,
                    QStringLiteral("%1 report %2 would grow to %3 bits (Report Size %4 * Report Count %5), "
                                   "at most %6 allowed")
                        .arg(reportTypeName(type), hex(m_global.reportId))
                        .arg(endBit)
                        .arg(m_global.reportSize)
                        .arg(m_global.reportCount)
                        .arg(DescriptorLimits::maxReportBits));
    }

    const MainItemFlags flags {item.data};
    if (!flags.isConstant() && fieldBits > 0) {
        Field field;
        field.type = type;
        field.reportId = m_global.reportId;
        field.bitOffset = m_reportBits[key];
        field.bitSize = m_global.reportSize;
        field.count = m_global.reportCount;
        field.flags = flags;
        field.logicalMinimum = m_global.logicalMinimum;
        field.logicalMaximum = m_global.logicalMaximum();
        field.usages = std::move(usages);
        field.owner = currentTelephonyIndex();
        m_fields.append(std::move(field));
    }
    m_reportBits[key] = quint32(endBit);
    return true;
}

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

DescriptorParseResult ReportDescriptorParser::parse(std::span<const std::uint8_t> descriptor)
{
    return Walk(descriptor).run();
}

DescriptorParseResult ReportDescriptorParser::parse(QByteArrayView descriptor)
{
    return parse(std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t *>(descriptor.data()),
                                               std::size_t(descriptor.size())));
}

} // namespace hookline::hid
