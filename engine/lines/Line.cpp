#include "lines/Line.h"

#include "core/UserUserBytes.h"
#include "lines/LineOwner.h"
#include "providers/LineProvider.h"

Line::Line(LineOwner *owner, LineProvider *provider, const QString &id, const QString &name,
           const QString &address, const LineCapabilities &caps, QObject *parent)
    : QObject(parent)
    , m_owner(owner)
    , m_provider(provider)
    , m_providerId(provider ? provider->providerId() : QString())
    , m_id(id)
    , m_name(name)
    , m_address(address)
    , m_caps(caps)
{ }

void Line::setCapabilities(const LineCapabilities &caps)
{
    if (m_caps == caps)
        return;
    m_caps = caps;
    Q_EMIT capabilitiesChanged();
    Q_EMIT canMakeCallsChanged();
}

int Line::makeCall(const QString &number, const QByteArray &uui)
{
    return m_owner->makeCall(this, number, uui);
}

int Line::makeCall(const QString &number, const QVariant &uui)
{
    return m_owner->makeCall(this, number, Tapi::uuiFromVariant(uui));
}

bool Line::canMakeCalls() const
{
    return m_open && m_inService && !m_retiring && m_caps.addressSharing != Tapi::SharingMonitored;
}

void Line::close()
{
    m_owner->closeLine(this);
}

void Line::setServiceState(bool inService, const QString &reason)
{
    if (m_inService == inService && m_reason == reason)
        return;
    m_inService = inService;
    m_reason = inService ? QString() : reason;
    Q_EMIT serviceChanged();
    Q_EMIT canMakeCallsChanged();
}

void Line::setAddressInUse(bool inUse)
{
    if (m_addressInUse == inUse)
        return;
    m_addressInUse = inUse;
    if (!inUse)
        m_addressRinging = false;
    Q_EMIT addressStatusChanged();
}

void Line::setAddressRinging(bool ringing)
{
    if (m_addressRinging == ringing && (!ringing || m_addressInUse))
        return;
    m_addressRinging = ringing;
    if (ringing)
        m_addressInUse = true;
    Q_EMIT addressStatusChanged();
}

void Line::markClosed()
{
    if (!m_open)
        return;
    m_open = false;
    Q_EMIT openChanged();
    Q_EMIT canMakeCallsChanged();
}

void Line::markRetiring()
{
    if (m_retiring)
        return;
    m_retiring = true;
    Q_EMIT retiringChanged();
    Q_EMIT canMakeCallsChanged();
}

void Line::markRemoved()
{
    m_removed = true;
    m_provider = nullptr;
    markClosed();
}
