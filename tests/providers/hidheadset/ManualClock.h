#pragma once

#include "core/EngineClock.h"

// Time that only moves when a test says so (echo and mute-lock windows are measured in it).
class ManualClock final : public EngineClock
{
public:
    qint64 nowMs() const override { return m_now; }
    void set(qint64 ms) { m_now = ms; }

private:
    qint64 m_now = 1767258000000;
};
