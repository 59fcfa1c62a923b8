#include "PhoneBinding.h"

#include "core/Logging.h"
#include "core/Tapi.h"
#include "lines/Line.h"
#include "session/CallEngine.h"
#include "session/CallSession.h"
#include "session/MuteState.h"

#include "settings/ConsoleSettings.h"

using namespace Tapi;

namespace {
// States in which a call holds the voice path of this station (Off-Hook lit).
constexpr std::initializer_list<int> activeStates {Connected, DialTone,    Dialing,      Proceeding, Ringback,
                                                   Busy,      SpecialInfo, Disconnected, Unknown};
constexpr std::initializer_list<int> heldStates {OnHold, OnHoldPendConf, OnHoldPendTransfer};
} // namespace

PhoneBinding::PhoneBinding(CallEngine *engine, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
{
    connect(engine, &CallEngine::sessionStateChanged, this,
            [this](CallSession *session, int, int, int, int) { onSessionStateChanged(session); });
    connect(engine, &CallEngine::sessionAdded, this, &PhoneBinding::syncLamps);
    connect(engine, &CallEngine::requestCompleted, this, &PhoneBinding::onRequestCompleted);
    connect(engine->mute(), &MuteState::mutedChanged, this, [this](bool muted, MuteState::Source) {
        if (!muted) {
            m_lastUnmuteAtMs = m_engine->nowMs();
            if (m_muteLocked) {
                m_muteLocked = false;
                Q_EMIT muteLockedChanged();
            }
        }
        syncLamps();
    });
}

PhoneBinding::~PhoneBinding()
{
    shutdown();
}

void PhoneBinding::attach(PhoneDevice *device)
{
    m_device = device;
    m_device->start(this);
}

void PhoneBinding::shutdown()
{
    if (!m_device)
        return;
    if (!m_lampPhoneId.isEmpty())
        pushLamps(m_lampPhoneId, Lamps(), m_pushed);
    m_pushed = Lamps();
    m_device = nullptr;
}

void PhoneBinding::setAvailable(bool available)
{
    if (available == m_available)
        return;
    m_available = available;
    Q_EMIT availableChanged();
    syncLamps();
}

QString PhoneBinding::activePhoneId() const
{
    if (!m_configuredPhoneId.isEmpty())
        return m_configuredPhoneId;
    for (const PhoneEntry &phone : m_phones) {
        if (phone.present && phone.usable)
            return phone.phoneId;
    }
    return QString();
}

void PhoneBinding::setActivePhoneId(const QString &phoneId)
{
    if (phoneId == m_configuredPhoneId)
        return;
    const QString before = activePhoneId();
    m_configuredPhoneId = phoneId;
    Q_EMIT activePhoneChanged();
    if (activePhoneId() != before)
        syncLamps();
}

void PhoneBinding::useSettings(ConsoleSettings *settings)
{
    m_settings = settings;
    Setting *active = settings->setting(SettingsSchema::ActiveHeadset);
    connect(active, &Setting::valueChanged, this,
            [this, active] { setActivePhoneId(active->value().toString()); });
    setActivePhoneId(active->value().toString());
}

bool PhoneBinding::chooseActivePhone(const QString &phoneId)
{
    if (m_settings && !m_settings->setValue(SettingsSchema::ActiveHeadset, phoneId))
        return false;
    setActivePhoneId(phoneId);
    return true;
}

bool PhoneBinding::activePhonePresent() const
{
    const QString active = activePhoneId();
    for (const PhoneEntry &phone : m_phones) {
        if (phone.phoneId == active)
            return phone.present && phone.usable;
    }
    return false;
}

QVariantList PhoneBinding::phones() const
{
    QVariantList list;
    for (const PhoneEntry &phone : m_phones) {
        list.append(QVariantMap {{QStringLiteral("phoneId"), phone.phoneId},
                                 {QStringLiteral("name"), phone.name},
                                 {QStringLiteral("present"), phone.present},
                                 {QStringLiteral("usable"), phone.usable},
                                 {QStringLiteral("reason"), phone.reason}});
    }
    return list;
}

bool PhoneBinding::dismissPhone(const QString &phoneId)
{
    for (qsizetype i = 0; i < m_phones.size(); ++i) {
        if (m_phones.at(i).phoneId != phoneId)
            continue;
        if (m_phones.at(i).present)
            return false;
        const QString activeBefore = activePhoneId();
        m_phones.removeAt(i);
        Q_EMIT phonesChanged();
        if (activePhoneId() != activeBefore)
            Q_EMIT activePhoneChanged();
        return true;
    }
    return false;
}

PhoneBinding::PhoneEntry *PhoneBinding::entry(const QString &phoneId)
{
    for (PhoneEntry &phone : m_phones) {
        if (phone.phoneId == phoneId)
            return &phone;
    }
    return nullptr;
}

void PhoneBinding::upsert(const PhoneEntry &phone)
{
    const QString activeBefore = activePhoneId();
    if (PhoneEntry *existing = entry(phone.phoneId))
        *existing = phone;
    else
        m_phones.append(phone);
    Q_EMIT phonesChanged();
    if (activePhoneId() != activeBefore)
        Q_EMIT activePhoneChanged();
}

void PhoneBinding::phoneAdded(const QString &phoneId, const QString &name)
{
    qCInfo(lcEngine).noquote() << "phone added:" << phoneId << name;
    upsert({phoneId, name, true, true, QString()});
    if (phoneId == activePhoneId()) {
        // A (re-)plugged device starts with every lamp off: push the whole state again.
        m_lampPhoneId.clear();
        syncLamps();
    }
}

void PhoneBinding::phoneRemoved(const QString &phoneId, const QString &reason)
{
    qCInfo(lcEngine).noquote() << "phone removed:" << phoneId << reason;
    PhoneEntry phone;
    if (const PhoneEntry *existing = entry(phoneId))
        phone = *existing;
    phone.phoneId = phoneId;
    phone.present = false;
    phone.reason = reason;
    upsert(phone);
    if (phoneId == m_lampPhoneId)
        m_lampPhoneId.clear(); // nothing to clear on a device that is gone
    syncLamps(); // another phone may have become the active one
}

void PhoneBinding::phoneUnusable(const QString &phoneId, const QString &name, const QString &reason)
{
    qCWarning(lcEngine).noquote() << "phone" << phoneId << name << "unusable:" << reason;
    upsert({phoneId, name, true, false, reason});
}

void PhoneBinding::phoneButton(const QString &phoneId, Button button, int value)
{
    if (!m_device)
        return;
    if (phoneId != activePhoneId()) {
        ignore(phoneId, button, value);
        return;
    }
    switch (button) {
    case HookSwitch:
        handleHook(phoneId, value != 0);
        return;
    case Flash:
        handleFlash(phoneId, true);
        return;
    case Hold:
        handleFlash(phoneId, false);
        return;
    case Mute:
        handleMute(phoneId);
        return;
    case Redial:
        handleRedial(phoneId);
        return;
    case Drop:
        if (CallSession *offered = offeredSession())
            reject(phoneId, offered);
        else if (CallSession *active = activeSession())
            drop(phoneId, active);
        else
            ignore(phoneId, button, value);
        return;
    case Reject:
        if (CallSession *offered = offeredSession())
            reject(phoneId, offered);
        else
            ignore(phoneId, button, value);
        return;
    case Keypad:
        handleKeypad(phoneId, value);
        return;
    }
}

void PhoneBinding::handleHook(const QString &phoneId, bool offHook)
{
    if (offHook) {
        if (CallSession *offered = offeredSession()) {
            track(phoneId, QStringLiteral("answer"), offered, offered->answer());
            return;
        }
    } else if (CallSession *active = activeSession()) {
        drop(phoneId, active);
        return;
    }
    ignore(phoneId, HookSwitch, offHook);
}

void PhoneBinding::handleFlash(const QString &phoneId, bool allowSwap)
{
    CallSession *active = ownedSession({Connected});
    CallSession *held = ownedSession({OnHold});
    CallSession *waiting = held ? nullptr : offeredSession();
    if (active && (held || waiting) && allowSwap) {
        // Swap, or take the waiting call: hold the active call, then resume the held one (answer the
        // waiting one) when the hold has completed.
        const int id = active->hold();
        track(phoneId, held ? QStringLiteral("swap") : QStringLiteral("answerWaiting"), active, id);
        if (id > 0) {
            m_afterHoldRequest = id;
            m_afterHold = held ? held : waiting;
        }
    } else if (active) {
        track(phoneId, QStringLiteral("hold"), active, active->hold());
    } else if (held) {
        track(phoneId, QStringLiteral("unhold"), held, held->unhold());
    } else {
        ignore(phoneId, allowSwap ? Flash : Hold, 1);
    }
}

void PhoneBinding::handleMute(const QString &phoneId)
{
    MuteState *mute = m_engine->mute();
    const qint64 now = m_engine->nowMs();
    if (m_lastUnmuteAtMs >= 0 && now - m_lastUnmuteAtMs < m_muteLockWindowMs) {
        // The headset asks to mute right after an unmute: a hardware mute lock bouncing it back.
        // End muted and stay there; a second bounce changes nothing, so there is no loop.
        mute->setMuted(true, MuteState::Headset);
        if (!m_muteLocked) {
            m_muteLocked = true;
            Q_EMIT muteLockedChanged();
        }
        qCInfo(lcEngine) << "headset mute lock: staying muted";
        Q_EMIT pressHandled(phoneId, QStringLiteral("muteLocked"), 0);
        return;
    }
    mute->toggle(MuteState::Headset);
    Q_EMIT pressHandled(phoneId, mute->isMuted() ? QStringLiteral("mute") : QStringLiteral("unmute"), 0);
}

void PhoneBinding::handleRedial(const QString &phoneId)
{
    if (m_lastNumber.isEmpty() || !m_lastLine || activeSession()) {
        ignore(phoneId, Redial, 1);
        return;
    }
    const int id = m_lastLine->makeCall(m_lastNumber);
    track(phoneId, QStringLiteral("redial"), nullptr, id);
}

void PhoneBinding::handleKeypad(const QString &phoneId, int key)
{
    CallSession *collecting = ownedSession({DialTone, Dialing});
    if (!collecting || key <= 0) {
        ignore(phoneId, Keypad, key);
        return;
    }
    track(phoneId, QStringLiteral("dial"), collecting, collecting->dial(QString(QChar(key))));
}

void PhoneBinding::reject(const QString &phoneId, CallSession *offered)
{
    track(phoneId, QStringLiteral("reject"), offered, offered->reject());
}

void PhoneBinding::drop(const QString &phoneId, CallSession *active)
{
    track(phoneId, QStringLiteral("drop"), active, active->drop(QByteArray()));
}

void PhoneBinding::track(const QString &phoneId, const QString &action, CallSession *session, int requestId)
{
    const int sessionId = session ? session->sessionId() : 0;
    if (requestId <= 0) {
        qCInfo(lcEngine).noquote() << "headset" << action << "refused:" << requestId;
        m_device->refreshLamps(phoneId);
        Q_EMIT pressIgnored(phoneId, -1, requestId);
        return;
    }
    m_requests.insert(requestId, phoneId);
    Q_EMIT pressHandled(phoneId, action, sessionId);
}

void PhoneBinding::ignore(const QString &phoneId, Button button, int value)
{
    qCDebug(lcEngine).noquote() << "headset press with nothing to do:" << phoneId << button << value;
    if (m_device)
        m_device->refreshLamps(phoneId);
    Q_EMIT pressIgnored(phoneId, button, value);
}

void PhoneBinding::onRequestCompleted(int requestId, int error)
{
    if (requestId == m_afterHoldRequest) {
        m_afterHoldRequest = 0;
        CallSession *next = m_afterHold;
        m_afterHold.clear();
        if (error == Success && next) {
            const int id = next->state() == OnHold ? next->unhold() : next->answer();
            if (id > 0)
                m_requests.insert(id, m_requests.value(requestId));
        }
    }
    const QString phoneId = m_requests.take(requestId);
    if (error != Success && !phoneId.isEmpty() && m_device) {
        qCInfo(lcEngine).noquote() << "headset request" << requestId << "failed:" << error;
        m_device->refreshLamps(phoneId);
    }
}

void PhoneBinding::onSessionStateChanged(CallSession *session)
{
    if (session->direction() == Outbound && !session->calledNumber().isEmpty()) {
        m_lastNumber = session->calledNumber();
        m_lastLine = session->line();
    }
    syncLamps();
}

CallSession *PhoneBinding::ownedSession(std::initializer_list<int> states) const
{
    for (int state : states) {
        for (CallSession *session : m_engine->sessionList()) {
            if (session->isValid() && session->privilege() == PrivilegeOwner && session->state() == state)
                return session;
        }
    }
    return nullptr;
}

CallSession *PhoneBinding::offeredSession() const
{
    return ownedSession({Offering, Accepted});
}

CallSession *PhoneBinding::activeSession() const
{
    for (int state : activeStates) {
        for (CallSession *session : m_engine->sessionList()) {
            if (!session->isValid() || session->privilege() != PrivilegeOwner || session->state() != state)
                continue;
            // An offered call the caller abandoned is DISCONNECTED too, but it never had a voice path.
            if (state == Disconnected && session->direction() == Inbound && !session->connectedAt().isValid())
                continue;
            return session;
        }
    }
    return nullptr;
}

CallSession *PhoneBinding::heldSession() const
{
    return ownedSession(heldStates);
}

PhoneBinding::Lamps PhoneBinding::desiredLamps() const
{
    Lamps lamps;
    const bool offered = offeredSession() != nullptr;
    const bool held = heldSession() != nullptr;
    // Conference members are CONFERENCED while the parent is CONNECTED: the parent counts.
    const bool inProgress = activeSession() != nullptr || held;
    lamps.ring = offered && m_available;
    lamps.ringer = lamps.ring;
    lamps.offHook = inProgress;
    lamps.onLine = inProgress;
    lamps.hold = held;
    lamps.mute = m_engine->mute()->isMuted();
    return lamps;
}

void PhoneBinding::syncLamps()
{
    if (!m_device)
        return;
    const QString active = activePhonePresent() ? activePhoneId() : QString();
    if (active != m_lampPhoneId) {
        if (!m_lampPhoneId.isEmpty()) // the previous phone goes dark
            pushLamps(m_lampPhoneId, Lamps(), m_pushed);
        m_lampPhoneId = active;
        m_pushed = Lamps();
        if (active.isEmpty())
            return;
        const Lamps lamps = desiredLamps();
        // A phone new to this binding: send every lamp once, whatever the device cached.
        Lamps unknown;
        unknown.offHook = !lamps.offHook;
        unknown.ring = !lamps.ring;
        unknown.ringer = !lamps.ringer;
        unknown.hold = !lamps.hold;
        unknown.mute = !lamps.mute;
        unknown.onLine = !lamps.onLine;
        pushLamps(active, lamps, unknown);
        m_pushed = lamps;
        return;
    }
    if (active.isEmpty())
        return;
    const Lamps lamps = desiredLamps();
    if (lamps == m_pushed)
        return;
    pushLamps(active, lamps, m_pushed);
    m_pushed = lamps;
}

void PhoneBinding::pushLamps(const QString &phoneId, const Lamps &lamps, const Lamps &previous)
{
    if (!m_device)
        return;
    if (lamps.ring != previous.ring)
        m_device->setLamp(phoneId, PhoneDevice::LampRing, lamps.ring);
    if (lamps.ringer != previous.ringer)
        m_device->setRinger(phoneId, lamps.ringer);
    if (lamps.offHook != previous.offHook)
        m_device->setLamp(phoneId, PhoneDevice::LampOffHook, lamps.offHook);
    if (lamps.onLine != previous.onLine)
        m_device->setLamp(phoneId, PhoneDevice::LampOnLine, lamps.onLine);
    if (lamps.hold != previous.hold)
        m_device->setLamp(phoneId, PhoneDevice::LampHold, lamps.hold);
    if (lamps.mute != previous.mute) {
        m_device->setLamp(phoneId, PhoneDevice::LampMute, lamps.mute);
        m_device->setLamp(phoneId, PhoneDevice::LampMicrophone, lamps.mute);
    }
}
