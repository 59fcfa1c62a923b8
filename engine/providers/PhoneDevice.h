#pragma once

#include <QtCore/qobject.h>
#include <QtCore/qstring.h>

// TAPI's second device kind: the agent's terminal (a USB headset): hook switch, buttons, lamps, ringer.
class PhoneEventSink
{
public:
    enum Button { HookSwitch, Mute, Flash, Redial, Drop, Reject, Hold, Keypad };
    virtual ~PhoneEventSink() = default;
    virtual void phoneAdded(const QString &phoneId, const QString &name) = 0;
    virtual void phoneRemoved(const QString &phoneId, const QString &reason) = 0;
    // value: for the hook switch 1 = off-hook; for toggle buttons 1 = pressed; for the keypad a digit.
    virtual void phoneButton(const QString &phoneId, Button button, int value) = 0;
};

class PhoneDevice
{
public:
    enum Lamp { LampOffHook, LampRing, LampMute, LampMicrophone, LampHold, LampOnLine };
    virtual ~PhoneDevice() = default;
    virtual QString providerId() const = 0;
    virtual void start(PhoneEventSink *sink) = 0;
    virtual void setLamp(const QString &phoneId, Lamp lamp, bool on) = 0;
    virtual void setRinger(const QString &phoneId, bool ringing) = 0;
    virtual void stop() = 0;
};

#define HOOKLINE_PHONE_PROVIDER_IID "org.hookline.PhoneProviderPlugin/1.0"

class PhoneProviderPlugin
{
public:
    virtual ~PhoneProviderPlugin() = default;
    virtual PhoneDevice *createPhoneDevice(const QVariantMap &config, QObject *parent, QString *error) = 0;
};

Q_DECLARE_INTERFACE(PhoneProviderPlugin, HOOKLINE_PHONE_PROVIDER_IID)
