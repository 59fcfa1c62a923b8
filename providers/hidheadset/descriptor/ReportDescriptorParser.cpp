#include "ReportDescriptorParser.h"
#include "ReportDescriptorWalk.h"

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
