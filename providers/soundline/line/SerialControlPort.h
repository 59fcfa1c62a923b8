#pragma once

#include <QtCore/qobject.h>
#include <QtCore/qstring.h>

// The line interface's modem-control lines: ring (RI), loop current (DCD/DSR/CTS) in, the hook
// relay (DTR/RTS) out. Lives on the line's worker thread; reports changes by signals.
class SerialControlPort : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // Opens the port; false with *error (named port and reason) when it is missing or refused.
    virtual bool open(QString *error) = 0;
    virtual void close() = 0;
    virtual bool isOpen() const = 0;
    // Drives the hook relay; false when the port cannot (no relay pin, ioctl refused).
    virtual bool setOffHook(bool offHook) = 0;

Q_SIGNALS:
    void ringChanged(bool ringing);
    void loopCurrentChanged(bool present);
    // The port went away (USB adapter unplugged, pseudo-terminal closed): reason names it.
    void lost(const QString &reason);
};
