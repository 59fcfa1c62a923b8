#pragma once

#include "providers/PhoneDevice.h"

#include <QtCore/qobject.h>
#include <QtCore/qpointer.h>
#include <QtCore/qset.h>
#include <QtCore/qvariant.h>
#include <QtQml/qqmlregistration.h>

class CallEngine;
class ConsoleSettings;
class CallSession;
class Line;

// Binds the agent's active phone (a USB headset) to the sessions. Presses become session actions
// through the same engine methods every other entry point uses; lamps and ringer mirror the sessions.
//
// Presses (each one becomes at most one action, except Flash with two calls, which swaps):
//   off-hook: answers the offered session        on-hook: drops the active (connected/dialling) one
//   Flash: holds the active one, resumes the held one, or swaps the two (hold, then resume)
//   Hold: holds/resumes like Flash without swapping     Drop: rejects the offered one, else drops
//   Reject: rejects the offered one                    Redial: Line::makeCall(last dialled number)
//   Mute: one toggle request to CallEngine::mute(); within muteLockWindowMs after an unmute a
//         headset mute request means "the hardware mute is locked": it mutes (never toggles back),
//         so a boom-arm lock that bounces an unmute ends muted instead of looping.
//   Keypad: dials the digit on a session that is collecting digits (dial tone / dialling).
// A press that finds nothing to act on, and an action that fails, re-send the lamps so the device
// reverts at once (pressIgnored / the failed request).
//
// Lamps: Ring + Ringer while a session is offered and the agent is available; Off-Hook and On-Line
// while a call is in progress at this station (held calls included: hold keeps Off-Hook, see
// docs/device-facts.md 1.3); Hold while one is held; Mute and Microphone while muted. All off on shutdown().
//
// The active phone is activePhoneId when set (the console stores it in QSettings under
// ActivePhoneSettingsKey), otherwise the first usable phone that appeared. Only its presses act;
// the others are listed in `phones`. A phone that goes away mid-call changes no session.
class PhoneBinding : public QObject, public PhoneEventSink
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The console creates the phone binding")
    Q_PROPERTY(bool available READ isAvailable WRITE setAvailable NOTIFY availableChanged FINAL)
    Q_PROPERTY(
        QString activePhoneId READ activePhoneId WRITE setActivePhoneId NOTIFY activePhoneChanged FINAL)
    Q_PROPERTY(bool activePhonePresent READ activePhonePresent NOTIFY phonesChanged FINAL)
    Q_PROPERTY(QVariantList phones READ phones NOTIFY phonesChanged FINAL)
    Q_PROPERTY(bool muteLocked READ isMuteLocked NOTIFY muteLockedChanged FINAL)

public:
    static constexpr qint64 DefaultMuteLockWindowMs = 1000;

    explicit PhoneBinding(CallEngine *engine, QObject *parent = nullptr);
    ~PhoneBinding() override;

    // Starts the device with this binding as its sink. The device must outlive the binding or be
    // detached with shutdown() first.
    void attach(PhoneDevice *device);
    // Lamps and ringer of the active phone off; no further device calls.
    void shutdown();

    bool isAvailable() const { return m_available; }
    void setAvailable(bool available);
    // The configured phone id, or the first usable phone when none is configured.
    QString activePhoneId() const;
    void setActivePhoneId(const QString &phoneId);
    // The settings that keep the active phone (devices/activeHeadset): its value becomes the active phone
    // now and whenever it changes. `settings` outlives this object.
    void useSettings(ConsoleSettings *settings);
    // Sets the active phone and stores the choice in the settings; false (nothing changes) when the
    // administrator pinned the setting.
    Q_INVOKABLE bool chooseActivePhone(const QString &phoneId);
    bool activePhonePresent() const;
    // [{phoneId, name, present, usable, reason}] in the order the phones appeared. A phone that went
    // away stays listed (present false, the reason it went) until it returns or is dismissed.
    QVariantList phones() const;
    // Forgets a phone that is gone (the agent's "dismiss"); false for a present or unknown one.
    Q_INVOKABLE bool dismissPhone(const QString &phoneId);
    bool isMuteLocked() const { return m_muteLocked; }
    void setMuteLockWindowMs(qint64 ms) { m_muteLockWindowMs = ms; }

    // PhoneEventSink
    void phoneAdded(const QString &phoneId, const QString &name) override;
    void phoneRemoved(const QString &phoneId, const QString &reason) override;
    void phoneUnusable(const QString &phoneId, const QString &name, const QString &reason) override;
    void phoneButton(const QString &phoneId, Button button, int value) override;

Q_SIGNALS:
    void availableChanged();
    void activePhoneChanged();
    void phonesChanged();
    void muteLockedChanged();
    // A press became this action ("answer", "drop", "reject", "hold", "unhold", "swap", "redial",
    // "mute", "unmute", "muteLocked", "dial"); sessionId 0 when no session is involved.
    void pressHandled(const QString &phoneId, const QString &action, int sessionId);
    // A press found nothing to act on; the device was told to revert.
    void pressIgnored(const QString &phoneId, int button, int value);

private:
    struct PhoneEntry
    {
        QString phoneId;
        QString name;
        bool present = false;
        bool usable = false;
        QString reason;
    };
    struct Lamps
    {
        bool offHook = false, ring = false, ringer = false, hold = false, mute = false, onLine = false;
        friend bool operator==(const Lamps &, const Lamps &) = default;
    };

    void handleHook(const QString &phoneId, bool offHook);
    void handleFlash(const QString &phoneId, bool allowSwap);
    void handleMute(const QString &phoneId);
    void handleRedial(const QString &phoneId);
    void handleKeypad(const QString &phoneId, int key);
    void reject(const QString &phoneId, CallSession *offered);
    void drop(const QString &phoneId, CallSession *active);
    // Records a request the headset caused; a failure makes the device revert.
    void track(const QString &phoneId, const QString &action, CallSession *session, int requestId);
    void ignore(const QString &phoneId, Button button, int value);
    void onRequestCompleted(int requestId, int error);
    void onSessionStateChanged(CallSession *session);

    CallSession *ownedSession(std::initializer_list<int> states) const;
    CallSession *offeredSession() const;
    CallSession *activeSession() const;
    CallSession *heldSession() const;
    Lamps desiredLamps() const;
    void syncLamps();
    void pushLamps(const QString &phoneId, const Lamps &lamps, const Lamps &previous);
    PhoneEntry *entry(const QString &phoneId);
    void upsert(const PhoneEntry &phone);

    CallEngine *m_engine;
    PhoneDevice *m_device = nullptr;
    bool m_available = true;
    QString m_configuredPhoneId;
    ConsoleSettings *m_settings = nullptr;
    QString m_lampPhoneId; // the phone m_pushed describes
    Lamps m_pushed;
    QList<PhoneEntry> m_phones;
    bool m_muteLocked = false;
    qint64 m_muteLockWindowMs = DefaultMuteLockWindowMs;
    qint64 m_lastUnmuteAtMs = -1;
    QString m_lastNumber;
    QPointer<Line> m_lastLine;
    QHash<int, QString> m_requests; // request id -> phone id, for requests a press caused
    // Flash with two calls: the hold request, and the session to resume or answer once it completed.
    int m_afterHoldRequest = 0;
    QPointer<CallSession> m_afterHold;
};
