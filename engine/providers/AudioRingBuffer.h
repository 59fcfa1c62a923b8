#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>

// A single-producer single-consumer ring of 16-bit samples. One thread writes, one thread reads, no locks:
// audio threads must never wait on each other or on the GUI. A full ring refuses what does not fit (the
// writer counts it as an overrun); an empty ring gives what it has (the reader pads with silence).
class AudioRingBuffer
{
public:
    // `capacity` is rounded up to a power of two.
    explicit AudioRingBuffer(std::size_t capacity)
    {
        std::size_t size = 1;
        while (size < capacity)
            size <<= 1;
        m_mask = size - 1;
        m_samples = std::make_unique<int16_t[]>(size);
    }

    std::size_t capacity() const { return m_mask + 1; }
    // Samples ready for the reader. Exact on the reader's thread; a lower bound elsewhere.
    std::size_t available() const
    {
        return m_written.load(std::memory_order_acquire) - m_read.load(std::memory_order_acquire);
    }
    std::size_t freeSpace() const { return capacity() - available(); }

    // Writer side: copies as much of `samples` as fits and returns how many were taken.
    std::size_t write(std::span<const int16_t> samples)
    {
        const std::size_t written = m_written.load(std::memory_order_relaxed);
        const std::size_t count =
            std::min(samples.size(), capacity() - (written - m_read.load(std::memory_order_acquire)));
        // At most two copies: up to the end of the storage, then from its start.
        const std::size_t at = written & m_mask;
        const std::size_t first = std::min(count, capacity() - at);
        std::copy_n(samples.data(), first, m_samples.get() + at);
        std::copy_n(samples.data() + first, count - first, m_samples.get());
        m_written.store(written + count, std::memory_order_release);
        return count;
    }

    // Reader side: copies up to `out.size()` samples and returns how many were there.
    std::size_t read(std::span<int16_t> out)
    {
        const std::size_t read = m_read.load(std::memory_order_relaxed);
        const std::size_t count = std::min(out.size(), m_written.load(std::memory_order_acquire) - read);
        const std::size_t at = read & m_mask;
        const std::size_t first = std::min(count, capacity() - at);
        std::copy_n(m_samples.get() + at, first, out.data());
        std::copy_n(m_samples.get(), count - first, out.data() + first);
        m_read.store(read + count, std::memory_order_release);
        return count;
    }

    // Reader side: forgets everything written so far (a path that was on hold starts fresh).
    void discard() { m_read.store(m_written.load(std::memory_order_acquire), std::memory_order_release); }

private:
    std::unique_ptr<int16_t[]> m_samples;
    std::size_t m_mask = 0;
    alignas(64) std::atomic<std::size_t> m_written {0};
    alignas(64) std::atomic<std::size_t> m_read {0};
};
