#pragma once

#include "SerialControlPort.h"

#include <QtCore/qlist.h>
#include <QtCore/qmutex.h>

// The simulated twin of a serial line interface: a test raises ring and loop current and reads back
// the hook relay. Thread-safe setters; signals are emitted on the port's thread. A Linux
// pseudo-terminal cannot stand in for this: it has no modem-control lines (TIOCMGET/TIOCMBIS
// fail with ENOTTY), so the pty tests exercise QtSerialControlPort's open/lost/re-plug path only.
class PinTwinControlPort : public SerialControlPort
{
    Q_OBJECT

public:
    explicit PinTwinControlPort(const QString &portName, bool hasRelay = true, QObject *parent = nullptr);

    bool open(QString *error) override;
    void close() override;
    bool isOpen() const override;
    bool setOffHook(bool offHook) override;

    void setRing(bool ringing);
    void setLoopCurrent(bool present);
    void setPresent(bool present);
    QList<bool> relayHistory() const; // every relay write, in order
    bool offHook() const;

private:
    const QString m_portName;
    const bool m_hasRelay;
    mutable QMutex m_mutex;
    bool m_present = true;
    bool m_open = false;
    QList<bool> m_relay;
};
