#include "LinuxHidBackend.h"

#include "HeadsetLogging.h"
#include "HidUsages.h"
#include "UdevMonitor.h"
#include "transport/HidrawTransport.h"

#include <QtCore/qfile.h>
#include <QtCore/qfileinfo.h>

#include <atomic>

#include <hidapi.h>
#include <unistd.h>

namespace hookline::hid {

namespace {
QString fromWide(const wchar_t *text)
{
    return text ? QString::fromWCharArray(text) : QString();
}

// hid_init()/hid_exit() are process-wide: only the last back end to go may call hid_exit().
std::atomic_int hidapiUsers {0};

bool isTelephonyCollection(const hid_device_info *info)
{
    return info->usage_page == usages::pageTelephony
        && (info->usage == usages::telephonyHeadset || info->usage == usages::telephonyPhone
            || info->usage == usages::telephonyHandset);
}
} // namespace

LinuxHidBackend::LinuxHidBackend(QObject *parent)
    : HidBackend(parent)
    , m_monitor(new UdevMonitor(this))
{
    m_hidapiReady = hid_init() == 0;
    if (m_hidapiReady)
        ++hidapiUsers;
    if (!m_hidapiReady)
        qCWarning(lcHeadset) << "hid_init failed: no headsets";
    connect(m_monitor, &UdevMonitor::hidrawEvent, this, [this](const QString &action, const QString &) {
        // "change" follows `udevadm trigger` after the udev rule was installed: permissions may be new.
        if (action == QLatin1String("add") || action == QLatin1String("remove")
            || action == QLatin1String("change"))
            Q_EMIT devicesChanged();
    });
}

LinuxHidBackend::~LinuxHidBackend()
{
    if (m_hidapiReady && --hidapiUsers == 0)
        hid_exit();
}

QByteArray LinuxHidBackend::readSysfsDescriptor(const QString &devicePath, QString *error)
{
    const QString node = QFileInfo(devicePath).fileName();
    QFile file(QStringLiteral("/sys/class/hidraw/%1/device/report_descriptor").arg(node));
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString());
        return {};
    }
    // sysfs reports size 4096 for the attribute; read until EOF.
    QByteArray bytes = file.readAll();
    if (bytes.isEmpty())
        *error = QStringLiteral("%1 is empty").arg(file.fileName());
    return bytes;
}

QList<HidDeviceInfo> LinuxHidBackend::enumerate()
{
    QList<HidDeviceInfo> devices;
    if (!m_hidapiReady)
        return devices;
    // One entry per (usage page, usage) pair per node (docs/device-facts.md 2): keep telephony ones, once per
    // path.
    hid_device_info *list = hid_enumerate(0, 0);
    for (const hid_device_info *info = list; info; info = info->next) {
        if (!isTelephonyCollection(info) || !info->path)
            continue;
        const QString path = QFile::decodeName(info->path);
        if (std::any_of(devices.cbegin(), devices.cend(),
                        [&](const HidDeviceInfo &d) { return d.path == path; }))
            continue;
        HidDeviceInfo device;
        device.path = path;
        device.vendorId = info->vendor_id;
        device.productId = info->product_id;
        device.manufacturer = fromWide(info->manufacturer_string);
        device.product = fromWide(info->product_string);
        device.serial = fromWide(info->serial_number);
        device.interfaceNumber = info->interface_number;
        device.descriptor = readSysfsDescriptor(path, &device.descriptorError);
        const QByteArray node = QFile::encodeName(path);
        if (::access(node.constData(), R_OK | W_OK) == 0)
            device.access = HidDeviceInfo::Access::ReadWrite;
        else if (::access(node.constData(), F_OK) == 0)
            device.access = HidDeviceInfo::Access::NoPermission;
        devices.append(device);
    }
    hid_free_enumeration(list);
    return devices;
}

std::shared_ptr<HidTransport> LinuxHidBackend::open(const HidDeviceInfo &device, QString *error,
                                                    bool *permissionDenied)
{
    return HidrawTransport::open(device.path, error, permissionDenied);
}

} // namespace hookline::hid
