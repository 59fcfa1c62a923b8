#pragma once

#include "HidTransport.h"

#include <QtCore/qstring.h>

#include <memory>

namespace hookline::hid {

// A /dev/hidrawN node (the path hidapi's hidraw back end enumerates), opened read-write.
//
// Why not hid_open_path()/hid_read_timeout(): hidapi 0.13 exposes no file descriptor, so a read
// blocked in hid_read_timeout() cannot be woken for a write or a stop; the I/O thread would poll
// with a short time-out instead. poll() on the hidraw fd plus an eventfd gives a read that
// interrupt() ends at once. (The kernel's hidraw interface: reads and writes of whole reports.)
class HidrawTransport final : public HidTransport
{
public:
    ~HidrawTransport() override;

    // nullptr with *error (naming EACCES as a permission problem) when the node cannot be opened.
    static std::unique_ptr<HidrawTransport> open(const QString &devicePath, QString *error,
                                                 bool *permissionDenied = nullptr);

    int read(std::span<std::uint8_t> buffer, int timeoutMs, QString *error) override;
    bool write(QByteArrayView report, QString *error) override;
    void interrupt() override;

private:
    HidrawTransport(int fd, int wakeFd, const QString &path);

    int m_fd;
    int m_wakeFd;
    QString m_path;
};

} // namespace hookline::hid
