#include "VirtualClock.h"

VirtualClock::VirtualClock(qint64 epochMs)
    : m_epoch(epochMs)
{
}

void VirtualClock::schedule(qint64 delayMs, std::function<void()> event)
{
    m_events.emplace(Key { m_elapsed + qMax<qint64>(0, delayMs), m_sequence++ }, std::move(event));
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
    m_elapsed = qMax(m_elapsed, it->first.at);
    std::function<void()> event = std::move(it->second);
    m_events.erase(it);
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
    m_elapsed = target;
    return ran;
}
