#pragma once

#include "HidBackend.h"

namespace hookline::hid {

class UdevMonitor;

// hidapi 0.13 (hidraw back end) for enumeration, sysfs for the report descriptor (0.13 has no
// hid_get_report_descriptor), the hidraw node for I/O (HidrawTransport) and libudev for hot-plug.
// With no devices, no udev or no permission it degrades to an empty or "unusable" list.
class LinuxHidBackend final : public HidBackend
{
    Q_OBJECT

public:
    explicit LinuxHidBackend(QObject *parent = nullptr);
    ~LinuxHidBackend() override;

    QList<HidDeviceInfo> enumerate() override;
    std::shared_ptr<HidTransport> open(const HidDeviceInfo &device, QString *error,
                                       bool *permissionDenied) override;

    // /sys/class/hidraw/<node>/device/report_descriptor for /dev/<node>; error text when unreadable.
    static QByteArray readSysfsDescriptor(const QString &devicePath, QString *error);

private:
    UdevMonitor *m_monitor;
    bool m_hidapiReady = false;
};

} // namespace hookline::hid
