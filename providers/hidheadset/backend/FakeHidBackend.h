#pragma once

#include "HidBackend.h"

#include <QtCore/qhash.h>

#include <memory>

namespace hookline::hid {

class FakeHidTransport;

// The simulated twin of LinuxHidBackend: devices are plugged and unplugged by the test, each with
// a real report descriptor (a fixture file) and a FakeHidTransport that replays authored reports.
class FakeHidBackend final : public HidBackend
{
    Q_OBJECT

public:
    using HidBackend::HidBackend;

    // Attaches a device with a fresh transport and announces it like a udev `add`.
    std::shared_ptr<FakeHidTransport> plug(const HidDeviceInfo &device);
    // Detaches it: the transport's next read fails (-1), then a udev `remove` is announced.
    void unplug(const QString &path);
    // Changes a device's permission and announces it like a udev `change` (after `udevadm trigger`).
    void setAccess(const QString &path, HidDeviceInfo::Access access);
    std::shared_ptr<FakeHidTransport> transport(const QString &path) const;
    int openCount(const QString &path) const { return m_openCounts.value(path); }

    QList<HidDeviceInfo> enumerate() override;
    std::shared_ptr<HidTransport> open(const HidDeviceInfo &device, QString *error,
                                       bool *permissionDenied) override;

private:
    struct Attached
    {
        HidDeviceInfo info;
        std::shared_ptr<FakeHidTransport> transport;
    };
    QList<Attached> m_attached;
    QHash<QString, int> m_openCounts;
};

} // namespace hookline::hid
