#pragma once

#include "transport/HidTransport.h"

#include <QtCore/qbytearray.h>
#include <QtCore/qthread.h>

#include <atomic>
#include <memory>

namespace hookline::hid {

// The reader thread of one device: blocks in HidTransport::read() and hands every input report to
// the GUI thread by a queued signal. Ends by itself when the device is gone (readFailed) or when
// stop() interrupts the read.
class HidReader : public QThread
{
    Q_OBJECT

public:
    // Long enough for Teams/vendor reports (up to 1023 bytes + report ID) sharing the node.
    static constexpr int BufferBytes = 1024;
    // Upper bound for one wait in read(); stop() interrupts it earlier.
    static constexpr int ReadTimeoutMs = 250;

    explicit HidReader(std::shared_ptr<HidTransport> transport, QObject *parent = nullptr);
    ~HidReader() override;

    // Interrupts the read and waits for the thread to end. Safe to call twice.
    void stop();

Q_SIGNALS:
    void reportRead(const QByteArray &report);
    void readFailed(const QString &error);

protected:
    void run() override;

private:
    std::shared_ptr<HidTransport> m_transport;
    std::atomic_bool m_stopping {false};
};

} // namespace hookline::hid
