#include "UdevMonitor.h"

#include "HeadsetLogging.h"

#include <QtCore/qsocketnotifier.h>

#include <libudev.h>

namespace hookline::hid {

UdevMonitor::UdevMonitor(QObject *parent)
    : QObject(parent)
{
    m_udev = udev_new();
    if (!m_udev) {
        m_error = QStringLiteral("udev_new failed: no hot-plug detection");
        qCWarning(lcHeadset).noquote() << m_error;
        return;
    }
    m_monitor = udev_monitor_new_from_netlink(m_udev, "udev");
    if (!m_monitor || udev_monitor_filter_add_match_subsystem_devtype(m_monitor, "hidraw", nullptr) < 0
        || udev_monitor_enable_receiving(m_monitor) < 0) {
        m_error = QStringLiteral("cannot listen to udev hidraw events: no hot-plug detection");
        qCWarning(lcHeadset).noquote() << m_error;
        if (m_monitor)
            udev_monitor_unref(m_monitor);
        m_monitor = nullptr;
        return;
    }
    m_notifier = new QSocketNotifier(udev_monitor_get_fd(m_monitor), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &UdevMonitor::readEvents);
}

UdevMonitor::~UdevMonitor()
{
    delete m_notifier;
    if (m_monitor)
        udev_monitor_unref(m_monitor);
    if (m_udev)
        udev_unref(m_udev);
}

void UdevMonitor::readEvents()
{
    // The monitor socket is non-blocking: drain every queued event.
    while (udev_device *device = udev_monitor_receive_device(m_monitor)) {
        const QString action = QString::fromLatin1(udev_device_get_action(device));
        const char *node = udev_device_get_devnode(device);
        const QString devnode = node ? QString::fromLocal8Bit(node) : QString();
        udev_device_unref(device);
        qCDebug(lcHeadset) << "udev" << action << devnode;
        Q_EMIT hidrawEvent(action, devnode);
    }
}

} // namespace hookline::hid
