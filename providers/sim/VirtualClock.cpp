#include "VirtualClock.h"

VirtualClock::VirtualClock(qint64 epochMs)
    : m_epoch(epochMs)
{ }

void VirtualClock::schedule(qint64 delayMs, std::function<void()> event)
{
    m_events.emplace(Key {m_elapsed + qMax<qint64>(0, delayMs), m_sequence++}, std::move(event));
}

qint64 VirtualClock::nextEventElapsed() const
{
    return m_events.empty() ? -1 : m_events.begin()->first.at;
}

bool VirtualClock::step()
{
    if (m_events.empty())
        return false;
    auto it = m_events.begin();
    std::function<void()> event = std::move(it->second);
    const qint64 at = it->first.at;
    m_events.erase(it);
    moveTo(at);
    event();
    return true;
}

int VirtualClock::runDue()
{
    int ran = 0;
    while (!m_events.empty() && m_events.begin()->first.at <= m_elapsed) {
        step();
        ++ran;
    }
    return ran;
}

int VirtualClock::advance(qint64 deltaMs)
{
    const qint64 target = m_elapsed + qMax<qint64>(0, deltaMs);
    int ran = 0;
    while (!m_events.empty() && m_events.begin()->first.at <= target) {
        step();
        ++ran;
    }
    moveTo(target);
    return ran;
}

void VirtualClock::moveTo(qint64 elapsedMs)
{
    if (elapsedMs <= m_elapsed)
        return;
    m_elapsed = elapsedMs;
    if (m_listener)
        m_listener(m_elapsed);
}
