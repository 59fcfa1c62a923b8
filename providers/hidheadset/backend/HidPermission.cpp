#include "HidPermission.h"

#include <QtCore/qcoreapplication.h>

namespace hookline::hid {

QString noPermissionReason(const QString &devicePath)
{
    return QCoreApplication::translate(
               "HeadsetStatus",
               "no permission to open %1. Fix: install the udev rule and re-plug the headset: "
               "sudo install -m 644 resources/linux/%2 /etc/udev/rules.d/ && "
               "sudo udevadm control --reload && sudo udevadm trigger --subsystem-match=hidraw "
               "(see README, \"USB headsets\")")
        .arg(devicePath, QLatin1String(udevRuleFileName));
}

} // namespace hookline::hid
