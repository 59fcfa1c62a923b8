#include "FakeHidBackend.h"

#include "transport/FakeHidTransport.h"

namespace hookline::hid {

std::shared_ptr<FakeHidTransport> FakeHidBackend::plug(const HidDeviceInfo &device)
{
    unplug(device.path);
    Attached attached {device, std::make_shared<FakeHidTransport>()};
    m_attached.append(attached);
    Q_EMIT devicesChanged();
    return attached.transport;
}

void FakeHidBackend::unplug(const QString &path)
{
    for (qsizetype i = 0; i < m_attached.size(); ++i) {
        if (m_attached.at(i).info.path != path)
            continue;
        m_attached.at(i).transport->unplug();
        m_attached.removeAt(i);
        Q_EMIT devicesChanged();
        return;
    }
}

void FakeHidBackend::setAccess(const QString &path, HidDeviceInfo::Access access)
{
    for (Attached &attached : m_attached) {
        if (attached.info.path == path) {
            attached.info.access = access;
            Q_EMIT devicesChanged();
            return;
        }
    }
}

std::shared_ptr<FakeHidTransport> FakeHidBackend::transport(const QString &path) const
{
    for (const Attached &attached : m_attached) {
        if (attached.info.path == path)
            return attached.transport;
    }
    return nullptr;
}

QList<HidDeviceInfo> FakeHidBackend::enumerate()
{
    QList<HidDeviceInfo> devices;
    for (const Attached &attached : std::as_const(m_attached))
        devices.append(attached.info);
    return devices;
}

std::shared_ptr<HidTransport> FakeHidBackend::open(const HidDeviceInfo &device, QString *error,
                                                   bool *permissionDenied)
{
    *permissionDenied = false;
    for (const Attached &attached : std::as_const(m_attached)) {
        if (attached.info.path != device.path)
            continue;
        if (attached.info.access == HidDeviceInfo::Access::NoPermission) {
            *permissionDenied = true;
            *error = QStringLiteral("cannot open %1: Permission denied").arg(device.path);
            return nullptr;
        }
        ++m_openCounts[device.path];
        return attached.transport;
    }
    *error = QStringLiteral("cannot open %1: No such device").arg(device.path);
    return nullptr;
}

} // namespace hookline::hid
