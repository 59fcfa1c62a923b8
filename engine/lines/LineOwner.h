#pragma once

#include <QtCore/qbytearray.h>
#include <QtCore/qstring.h>

class Line;

// What a Line asks of whoever owns the calls on it (the CallEngine): lines sit below the session layer,
// so a line's actions go up through this interface instead of naming the engine (docs/architecture.md,
// "Layers").
class LineOwner
{
public:
    virtual ~LineOwner() = default;
    // lineMakeCall: a request id or a negative Tapi::LineError. `uui` is LINECALLPARAMS' user-user
    // information, sent with the call's set-up.
    virtual int makeCall(Line *line, const QString &number, const QByteArray &uui) = 0;
    // lineClose: every handle on the line becomes invalid; CLOSEDROP decides the live calls.
    virtual void closeLine(Line *line) = 0;
};
