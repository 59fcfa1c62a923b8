#pragma once

#include <QtCore/qdatetime.h>

// Where the engine reads the time for timestamps and durations. The simulated switch substitutes a
// virtual clock so tests and scenarios are deterministic.
class EngineClock
{
public:
    virtual ~EngineClock() = default;
    virtual qint64 nowMs() const = 0; // ms since the Unix epoch
};

class SystemClock final : public EngineClock
{
public:
    qint64 nowMs() const override { return QDateTime::currentMSecsSinceEpoch(); }
};
