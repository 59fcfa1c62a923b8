#pragma once

#include "DescriptorError.h"
#include "DescriptorItem.h"

#include <cstdint>
#include <span>

namespace hookline::hid {

// Splits a report descriptor into items. Only reads inside the given span: an item whose data
// would run past the end is reported as an error and the reader stays where it was.
class DescriptorItemReader
{
public:
    explicit DescriptorItemReader(std::span<const std::uint8_t> bytes);

    bool atEnd() const { return m_position >= qsizetype(m_bytes.size()); }
    qsizetype position() const { return m_position; }

    // Decodes the item at position() into `item` and advances past it. Returns false and fills
    // `error` (TruncatedItem / LongItemOverrun) when the item does not fit; must not be called
    // atEnd().
    bool readNext(DescriptorItem &item, DescriptorError &error);

private:
    std::span<const std::uint8_t> m_bytes;
    qsizetype m_position = 0;
};

} // namespace hookline::hid
