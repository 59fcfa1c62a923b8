#pragma once

#include "providers/LineCommand.h"

#include <QtCore/qstring.h>

class LineEventSink;

// A source of lines (simulated switch, sound-card line, SIP account). Implementations are QObjects
// created by a LineProviderPlugin; the engine only sees this interface.
class LineProvider
{
public:
    virtual ~LineProvider() = default;

    virtual QString providerId() const = 0;
    // Announces the provider's lines through sink->lineAdded() and starts reporting events.
    virtual void start(LineEventSink *sink) = 0;
    // Executes a primitive; completion (if requestId != 0) comes later via sink->commandCompleted(),
    // never from inside execute().
    virtual void execute(const LineCommand &command) = 0;
    // Releases devices; no events after it returns.
    virtual void stop() = 0;
};
