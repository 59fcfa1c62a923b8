#pragma once

#include <QtCore/qobject.h>

struct udev;
struct udev_monitor;
class QSocketNotifier;

namespace hookline::hid {

// libudev monitor on the hidraw subsystem, read through a QSocketNotifier on the GUI thread.
// Listens to the "udev" netlink group, so an `add` arrives after the rules ran (and set the
// permissions), which avoids the EACCES race of polling. Without udev it stays inactive.
class UdevMonitor : public QObject
{
    Q_OBJECT

public:
    explicit UdevMonitor(QObject *parent = nullptr);
    ~UdevMonitor() override;

    bool isActive() const { return m_monitor != nullptr; }
    QString error() const { return m_error; }

Q_SIGNALS:
    // action: "add", "remove", "change", ...; devnode: /dev/hidrawN
    void hidrawEvent(const QString &action, const QString &devnode);

private:
    void readEvents();

    struct udev *m_udev = nullptr;
    struct udev_monitor *m_monitor = nullptr;
    QSocketNotifier *m_notifier = nullptr;
    QString m_error;
};

} // namespace hookline::hid
