#pragma once

#include <QtCore/qlist.h>
#include <QtCore/qstring.h>

// A pseudo-terminal standing in for a USB serial adapter, with modem-control lines. A Linux pty has
// none (TIOCMGET and friends fail with ENOTTY), so this test support interposes ioctl() in the test
// executable: for the pty's slave only, the modem-control requests read and write the lines kept
// here; every other call goes to the C library. QSerialPort thus runs its real code path (open,
// termios, TIOCMGET polling, TIOCMBIS/TIOCMBIC for DTR and RTS) against the pty.
// One instance at a time; the lines are shared with the line's worker thread, so they are atomic.
class PtyModemLines
{
public:
    // `path` is where the slave appears (a symlink, like /dev/ttyUSB0 would be).
    explicit PtyModemLines(const QString &path);
    ~PtyModemLines();
    PtyModemLines(const PtyModemLines &) = delete;
    PtyModemLines &operator=(const PtyModemLines &) = delete;

    bool plug();
    void unplug();

    // Inputs the line interface drives (RI, DCD, DSR, CTS).
    void setRing(bool on);
    void setCarrier(bool on);
    // How often the modem lines were read (TIOCMGET) so far: a test waits until the port has polled.
    int reads() const;
    // Every DTR/RTS write by the port, in order (true = asserted), and the lines now.
    QList<bool> dtrHistory() const;
    bool dtr() const;

private:
    QString m_path;
    int m_master = -1;
};
