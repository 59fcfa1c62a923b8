#pragma once

#include "core/EngineClock.h"

#include <functional>
#include <map>

// Deterministic time for the simulated switch: events run in time order (FIFO within the same
// millisecond) when the clock is advanced, never on their own.
class VirtualClock final : public EngineClock
{
public:
    explicit VirtualClock(qint64 epochMs = 1767258000000); // 2026-01-01T09:00:00Z

    qint64 nowMs() const override { return m_epoch + m_elapsed; }
    qint64 elapsedMs() const { return m_elapsed; }
    void schedule(qint64 delayMs, std::function<void()> event);
    bool hasEvents() const { return !m_events.empty(); }
    qint64 nextEventElapsed() const; // -1 when there is none
    // Runs everything due now (including events those events schedule for now).
    int runDue();
    // Moves time forward by delta, running events in order; returns how many ran.
    int advance(qint64 deltaMs);
    // Runs the next event, moving time to it; false when none is left.
    bool step();
    void clear() { m_events.clear(); }
    // Told the new elapsed time whenever time moves forward, before the events due then run (the
    // simulated far ends' audio follows the clock this way without events of its own).
    void setTimeListener(std::function<void(qint64 elapsedMs)> listener) { m_listener = std::move(listener); }

private:
    struct Key
    {
        qint64 at;
        quint64 sequence;
        bool operator<(const Key &other) const
        {
            return at < other.at || (at == other.at && sequence < other.sequence);
        }
    };
    qint64 m_epoch;
    qint64 m_elapsed = 0;
    quint64 m_sequence = 0;
    std::map<Key, std::function<void()>> m_events;
    std::function<void(qint64)> m_listener;

    void moveTo(qint64 elapsedMs);
};
