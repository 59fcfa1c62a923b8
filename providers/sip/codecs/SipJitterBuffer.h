#pragma once

#include <QtCore/qglobal.h>

#include <cstdint>
#include <span>
#include <vector>

// A call's received RTP packets between the socket and SipPlayout, in sequence order, with a target
// depth. Like libre's jbuf (which it replaced) it keeps `minPackets` back: get() gives a packet only while
// more than that are held, so a packet a little late is still in time; it holds at most `maxPackets` (the
// oldest goes when a new one finds it full), drops duplicates and packets whose place was already played.
//
// Unlike jbuf it does not keep a depth it was pushed to. A stall (this thread or the far end's late, then
// its packets in a burst) leaves more packets waiting than the target; played one per packet time, that
// excess would stay as added delay for the rest of the call. The caller reports the depth once per packet
// time (frameDone()); when the smallest depth over the last ShedWindowFrames packet times is above the
// target, the excess is standing, not jitter, and shed() hands out one packet per packet time until it
// is gone (the caller decodes it and merges it into the frame: SipPlayout::shorten). A burst after a
// stall is back at the target within ShedWindowFrames plus its excess packet times.
//
// No libre and no allocation per packet: the payloads are copied into slots made at construction.
class SipJitterBuffer
{
public:
    static constexpr int ShedWindowFrames = 10;
    static constexpr std::size_t MaxPayload = 1500;
    // A packet this many sequence numbers behind the last one played is a new start, not a late one.
    static constexpr int RestartDistance = 100;

    enum class PutResult { Stored, Late, Duplicate };

    struct Packet
    {
        quint16 sequence = 0;
        std::span<const uint8_t> payload; // valid until the next put() or flush()
    };

    SipJitterBuffer(int minPackets, int maxPackets);

    // One packet in (its payload copied; a longer one than MaxPayload is cut).
    PutResult put(quint16 sequence, std::span<const uint8_t> payload);
    // The oldest packet, while more than minPackets are held; false otherwise.
    bool get(Packet *packet);
    // Once per packet time, after its get()s: notes the depth left for the shedding decision.
    void frameDone();
    // One packet to shed now (the oldest), when the depth has stood above the target; false otherwise.
    bool shed(Packet *packet);
    // Everything dropped (a new codec): the next packet starts afresh.
    void flush();

    int depth() const { return int(m_order.size()); }
    int target() const { return m_min; }
    int overflows() const { return m_overflows; }
    int shedPackets() const { return m_shed; }

private:
    struct Slot
    {
        quint16 sequence = 0;
        std::size_t size = 0;
        std::vector<uint8_t> data;
    };

    Packet take();

    int m_min;
    int m_max;
    std::vector<Slot> m_slots;
    std::vector<int> m_order; // indices of held slots, oldest (lowest sequence) first
    std::vector<int> m_free;
    bool m_started = false;
    quint16 m_lastOut = 0; // sequence of the last packet handed out
    std::vector<int> m_depths; // the depth left at each of the last ShedWindowFrames packet times (a ring)
    std::size_t m_nextDepth = 0;
    int m_frames = 0; // packet times noted since the start (or flush), up to ShedWindowFrames
    int m_overflows = 0;
    int m_shed = 0;
};
