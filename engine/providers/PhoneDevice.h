#pragma once

#include <QtCore/qobject.h>
#include <QtCore/qstring.h>
#include <QtCore/qvariant.h>

// TAPI's second device kind: the agent's terminal (a USB headset): hook switch, buttons, lamps, ringer.
// Every call arrives on the thread that called PhoneDevice::start() (the GUI thread).
class PhoneEventSink
{
public:
    enum Button { HookSwitch, Mute, Flash, Redial, Drop, Reject, Hold, Keypad };
    virtual ~PhoneEventSink() = default;
    virtual void phoneAdded(const QString &phoneId, const QString &name) = 0;
    virtual void phoneRemoved(const QString &phoneId, const QString &reason) = 0;
    // A phone that is attached but cannot be used (no permission to open it, no call controls).
    // `reason` says why and what fixes it, in words a user can act on.
    virtual void phoneUnusable(const QString &phoneId, const QString &name, const QString &reason) = 0;
    // One user request per call. value: for HookSwitch 1 = off-hook, 0 = on-hook; for Mute and Hold
    // 1 = "please toggle" (a device with separate off and on buttons reports a toggle only when the
    // button asks for the other state than its lamp shows); for the other buttons 1 = pressed; for
    // Keypad the key as a character code ('0'..'9', '*', '#', 'A'..'D').
    virtual void phoneButton(const QString &phoneId, Button button, int value) = 0;
};

class PhoneDevice
{
public:
    enum Lamp { LampOffHook, LampRing, LampMute, LampMicrophone, LampHold, LampOnLine };
    virtual ~PhoneDevice() = default;
    virtual QString providerId() const = 0;
    virtual void start(PhoneEventSink *sink) = 0;
    // Lamps and the ringer are cached per phone; a device gets the complete state of the report
    // that changed. Setting the value a lamp already has writes nothing.
    virtual void setLamp(const QString &phoneId, Lamp lamp, bool on) = 0;
    virtual void setRinger(const QString &phoneId, bool ringing) = 0;
    // Re-sends the cached lamp state: the host's "no" to a button press it did not act on, so the
    // device reverts instead of waiting for its own time-out.
    virtual void refreshLamps(const QString &phoneId) = 0;
    // Turns every lamp and ringer off, releases the devices; no events after it returns.
    virtual void stop() = 0;
};

// 2.0: phoneUnusable, refreshLamps, documented button values.
#define HOOKLINE_PHONE_PROVIDER_IID "org.hookline.PhoneProviderPlugin/2.0"

class PhoneProviderPlugin
{
public:
    virtual ~PhoneProviderPlugin() = default;
    // The returned object is a QObject implementing PhoneDevice, owned by `parent`.
    virtual PhoneDevice *createPhoneDevice(const QVariantMap &config, QObject *parent, QString *error) = 0;
};

Q_DECLARE_INTERFACE(PhoneProviderPlugin, HOOKLINE_PHONE_PROVIDER_IID)
