#pragma once

#include <QtCore/qstring.h>

class Line;

// What a Line asks of whoever owns the calls on it (the CallEngine): lines sit below the session layer,
// so a line's actions go up through this interface instead of naming the engine (docs/architecture.md,
// "Layers").
class LineOwner
{
public:
    virtual ~LineOwner() = default;
    // lineMakeCall: a request id or a negative Tapi::LineError.
    virtual int makeCall(Line *line, const QString &number) = 0;
    // lineClose: every handle on the line becomes invalid; CLOSEDROP decides the live calls.
    virtual void closeLine(Line *line) = 0;
};
