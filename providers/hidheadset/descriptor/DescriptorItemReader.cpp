#include "DescriptorItemReader.h"

namespace hookline::hid {

namespace {

constexpr std::uint8_t longItemPrefix = 0xFE;
// bSize 0..3 encodes 0, 1, 2 and 4 data bytes.
constexpr quint8 shortItemDataSizes[4] = {0, 1, 2, 4};

} // namespace

DescriptorItemReader::DescriptorItemReader(std::span<const std::uint8_t> bytes)
    : m_bytes(bytes)
{ }

bool DescriptorItemReader::readNext(DescriptorItem &item, DescriptorError &error)
{
    const qsizetype start = m_position;
    const qsizetype remaining = qsizetype(m_bytes.size()) - start;
    if (remaining <= 0) {
        error = {DescriptorError::Code::TruncatedItem, start, QStringLiteral("no item left to read")};
        return false;
    }

    const std::uint8_t prefix = m_bytes[std::size_t(start)];
    if (prefix == longItemPrefix) {
        // Long item: prefix, bDataSize, bLongItemTag, data. No long item tags are defined; skip.
        if (remaining < 3) {
            error = {DescriptorError::Code::LongItemOverrun, start,
                     QStringLiteral("long item header needs 3 bytes, %1 left").arg(remaining)};
            return false;
        }
        const quint8 dataSize = m_bytes[std::size_t(start + 1)];
        if (3 + qsizetype(dataSize) > remaining) {
            error = {
                DescriptorError::Code::LongItemOverrun, start,
                QStringLiteral("long item declares %1 data bytes, %2 left").arg(dataSize).arg(remaining - 3)};
            return false;
        }
        item = DescriptorItem {};
        item.type = DescriptorItem::Type::Long;
        item.tag = m_bytes[std::size_t(start + 2)];
        item.dataSize = dataSize;
        item.byteOffset = start;
        item.totalLength = 3 + qsizetype(dataSize);
        m_position += item.totalLength;
        return true;
    }

    const quint8 dataSize = shortItemDataSizes[prefix & 0x03];
    if (1 + qsizetype(dataSize) > remaining) {
        error = {DescriptorError::Code::TruncatedItem, start,
                 QStringLiteral("item 0x%1 needs %2 data bytes, %3 left")
                     .arg(prefix, 2, 16, QLatin1Char('0'))
                     .arg(dataSize)
                     .arg(remaining - 1)};
        return false;
    }

    quint32 data = 0;
    for (quint8 i = 0; i < dataSize; ++i)
        data |= quint32(m_bytes[std::size_t(start + 1 + i)]) << (8 * i);

    item = DescriptorItem {};
    item.type = DescriptorItem::Type((prefix >> 2) & 0x03);
    item.tag = quint8(prefix >> 4);
    item.dataSize = dataSize;
    item.byteOffset = start;
    item.totalLength = 1 + qsizetype(dataSize);
    item.data = data;
    m_position += item.totalLength;
    return true;
}

} // namespace hookline::hid
