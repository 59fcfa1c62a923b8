#pragma once

#include "providers/PhoneDevice.h"

#include <QtCore/qobject.h>

class HidHeadsetPlugin : public QObject, public PhoneProviderPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "org.hookline.PhoneProviderPlugin/2.0" FILE "hidheadset.json")
    Q_INTERFACES(PhoneProviderPlugin)

public:
    // config: "echoWindowMs" (optional, default 500): how long hook changes after our own Off-Hook
    // or Hold write count as the device's echo.
    PhoneDevice *createPhoneDevice(const QVariantMap &config, QObject *parent, QString *error) override;
};
