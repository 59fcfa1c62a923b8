#pragma once

#include <QtCore/qbytearrayview.h>
#include <QtCore/qstring.h>

#include <cstdint>
#include <span>

namespace hookline::hid {

// One opened HID device. read() and write() run on the device's I/O thread; interrupt() is called
// from the GUI thread while read() may be waiting.
class HidTransport
{
public:
    virtual ~HidTransport() = default;

    // Waits up to timeoutMs for one input report and copies it into `buffer` exactly as hidraw
    // delivers it (report ID first only for numbered reports). Returns its length, 0 when nothing
    // came (time-out or interrupt()), or -1 when the device is gone, with *error saying why.
    virtual int read(std::span<std::uint8_t> buffer, int timeoutMs, QString *error) = 0;
    // Writes one output report: report ID (or 0 for unnumbered reports) followed by the data.
    virtual bool write(QByteArrayView report, QString *error) = 0;
    // Makes a read() that is waiting return 0 at once, so the I/O thread can write or stop.
    virtual void interrupt() = 0;
};

} // namespace hookline::hid
