#pragma once

#include <cstddef>

// Bytes the C heap has handed out and not got back (glibc mallinfo2), for memory figures that do
// not depend on page granularity the way resident set size does.
namespace HeapCounter {
std::size_t bytesInUse();
std::size_t residentBytes();
} // namespace HeapCounter
