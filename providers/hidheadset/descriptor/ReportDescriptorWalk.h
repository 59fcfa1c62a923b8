#pragma once

// Private to the parser's source files: the walk over a descriptor's items (ReportDescriptorParser.cpp) and
// its second pass that turns the recorded fields into telephony controls (ReportDescriptorControls.cpp).
#include "DescriptorError.h"
#include "DescriptorItemReader.h"
#include "ReportDescriptorParser.h"

#include <array>
#include <optional>

namespace hookline::hid {

using Code = DescriptorError::Code;

// Bit offsets are counted per (report type, report ID): one slot for each.
constexpr std::size_t reportKeyCount = 3 * 256;

inline std::size_t reportKey(ReportType type, quint8 reportId)
{
    return std::size_t(type) * 256 + reportId;
}

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

} // namespace hookline::hid
