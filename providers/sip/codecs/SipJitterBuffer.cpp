#include "SipJitterBuffer.h"

#include <algorithm>
#include <cstring>

namespace {
// Sequence numbers wrap at 65536: a before b when the signed 16-bit difference is negative.
bool before(quint16 a, quint16 b)
{
    return qint16(quint16(a - b)) < 0;
}
} // namespace

SipJitterBuffer::SipJitterBuffer(int minPackets, int maxPackets)
    : m_min(std::max(0, minPackets))
    , m_max(std::max(m_min + 1, maxPackets))
    , m_slots(std::size_t(m_max))
{
    m_order.reserve(std::size_t(m_max));
    m_free.reserve(std::size_t(m_max));
    for (int i = m_max - 1; i >= 0; --i) {
        m_slots[std::size_t(i)].data.resize(MaxPayload);
        m_free.push_back(i);
    }
    m_depths.assign(std::size_t(ShedWindowFrames), 0);
}

SipJitterBuffer::PutResult SipJitterBuffer::put(quint16 sequence, std::span<const uint8_t> payload)
{
    if (m_started && !before(m_lastOut, sequence)) {
        // Its place was played (or concealed) already; far behind, the far end started its numbers anew.
        if (quint16(m_lastOut - sequence) <= RestartDistance)
            return PutResult::Late;
        flush();
    }
    // Its place in sequence order, from the newest end (packets mostly come in order).
    auto position = m_order.end();
    while (position != m_order.begin()) {
        const quint16 held = m_slots[std::size_t(*(position - 1))].sequence;
        if (held == sequence)
            return PutResult::Duplicate;
        if (before(held, sequence))
            break;
        --position;
    }
    if (m_free.empty()) {
        // Full: the oldest goes (a far end far ahead of us, or a stall longer than the buffer).
        if (position == m_order.begin())
            return PutResult::Late; // older than all it holds: it would be the one to go
        m_free.push_back(m_order.front());
        m_order.erase(m_order.begin());
        --position;
        ++m_overflows;
    }
    const int index = m_free.back();
    m_free.pop_back();
    Slot &slot = m_slots[std::size_t(index)];
    slot.sequence = sequence;
    slot.size = std::min(payload.size(), MaxPayload);
    std::memcpy(slot.data.data(), payload.data(), slot.size);
    m_order.insert(position, index);
    return PutResult::Stored;
}

SipJitterBuffer::Packet SipJitterBuffer::take()
{
    const int index = m_order.front();
    m_order.erase(m_order.begin());
    m_free.push_back(index);
    const Slot &slot = m_slots[std::size_t(index)];
    m_started = true;
    m_lastOut = slot.sequence;
    return Packet {slot.sequence, std::span<const uint8_t>(slot.data.data(), slot.size)};
}

bool SipJitterBuffer::get(Packet *packet)
{
    if (depth() <= m_min)
        return false;
    *packet = take();
    return true;
}

void SipJitterBuffer::frameDone()
{
    m_depths[m_nextDepth] = depth();
    m_nextDepth = (m_nextDepth + 1) % m_depths.size();
    m_frames = std::min(m_frames + 1, ShedWindowFrames);
}

bool SipJitterBuffer::shed(Packet *packet)
{
    // Above the target at every one of the last ShedWindowFrames packet times: that is standing delay,
    // not jitter (which comes back down to the target in between).
    if (m_frames < ShedWindowFrames || depth() <= m_min
        || *std::min_element(m_depths.begin(), m_depths.end()) <= m_min)
        return false;
    ++m_shed;
    *packet = take();
    return true;
}

void SipJitterBuffer::flush()
{
    for (int index : m_order)
        m_free.push_back(index);
    m_order.clear();
    m_started = false;
    m_frames = 0;
}
