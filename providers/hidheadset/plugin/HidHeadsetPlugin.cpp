#include "HidHeadsetPlugin.h"

#include "backend/LinuxHidBackend.h"
#include "device/HeadsetManager.h"

PhoneDevice *HidHeadsetPlugin::createPhoneDevice(const QVariantMap &config, QObject *parent, QString *error)
{
    using namespace hookline::hid;
    auto *manager = new HeadsetManager(new LinuxHidBackend, parent);
    const QVariant echo = config.value(QStringLiteral("echoWindowMs"));
    if (echo.isValid()) {
        bool ok = false;
        const qint64 ms = echo.toLongLong(&ok);
        if (!ok || ms < 0) {
            *error = QStringLiteral("hidheadset: echoWindowMs must be a non-negative number of milliseconds");
            delete manager;
            return nullptr;
        }
        manager->setEchoWindowMs(ms);
    }
    return manager;
}
