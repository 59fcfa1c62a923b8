#pragma once

#include "providers/LineCapabilities.h"

#include <QtCore/qbytearray.h>
#include <QtCore/qobject.h>
#include <QtCore/qvariant.h>
#include <QtQml/qqmlregistration.h>

class LineOwner;
class LineProvider;

// A line device with one address. Created by the engine when a provider announces it.
class Line : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Lines are announced by providers")
    Q_PROPERTY(QString lineId READ lineId CONSTANT FINAL)
    Q_PROPERTY(QString name READ name CONSTANT FINAL)
    Q_PROPERTY(QString address READ address CONSTANT FINAL)
    Q_PROPERTY(QString providerId READ providerId CONSTANT FINAL)
    Q_PROPERTY(LineCapabilities capabilities READ capabilities NOTIFY capabilitiesChanged FINAL)
    Q_PROPERTY(bool open READ isOpen NOTIFY openChanged FINAL)
    Q_PROPERTY(bool inService READ inService NOTIFY serviceChanged FINAL)
    Q_PROPERTY(QString outOfServiceReason READ outOfServiceReason NOTIFY serviceChanged FINAL)
    Q_PROPERTY(bool addressInUse READ addressInUse NOTIFY addressStatusChanged FINAL)
    // A monitored address where a call rings (in use too): for a busy lamp field; false where the provider
    // cannot tell ringing apart.
    Q_PROPERTY(bool addressRinging READ addressRinging NOTIFY addressStatusChanged FINAL)
    Q_PROPERTY(bool canMakeCalls READ canMakeCalls NOTIFY canMakeCallsChanged FINAL)
    // Its provider is being taken out (a SIP account removed or changed in the settings): the line takes
    // no new calls and leaves CallEngine.lines once its calls have ended.
    Q_PROPERTY(bool retiring READ isRetiring NOTIFY retiringChanged FINAL)

public:
    Line(LineOwner *owner, LineProvider *provider, const QString &id, const QString &name,
         const QString &address, const LineCapabilities &caps, QObject *parent = nullptr);

    QString lineId() const { return m_id; }
    QString name() const { return m_name; }
    QString address() const { return m_address; }
    QString providerId() const { return m_providerId; }
    // Null once the line was removed (CallEngine::lineRemoved): its provider is gone.
    LineProvider *provider() const { return m_provider; }
    // The line left the engine (markRemoved); the engine frees it once no call record names it.
    bool isRemoved() const { return m_removed; }
    const LineCapabilities &capabilities() const { return m_caps; }
    void setCapabilities(const LineCapabilities &caps);
    bool isOpen() const { return m_open; }
    bool inService() const { return m_inService; }
    QString outOfServiceReason() const { return m_reason; }
    bool addressInUse() const { return m_addressInUse; }
    bool addressRinging() const { return m_addressRinging; }
    bool isRetiring() const { return m_retiring; }
    // Whether makeCall can work now: open, in service, not retiring, and not a monitored-only address.
    bool canMakeCalls() const;

    QList<int> handlePrivileges() const { return m_handlePrivileges; }
    void setHandlePrivileges(const QList<int> &privileges) { m_handlePrivileges = privileges; }
    int externalOwners() const { return m_externalOwners; }
    void setExternalOwners(int owners) { m_externalOwners = owners; }

    // lineMakeCall: returns a request id (> 0) or a negative Tapi::LineError. The new session is
    // announced by CallEngine::sessionAdded after the completion.
    // UUI goes with the call's set-up where the line allows it (uuiMakeCallSize); from QML a string (sent
    // as UTF-8) or bytes.
    int makeCall(const QString &number, const QByteArray &uui);
    Q_INVOKABLE int makeCall(const QString &number, const QVariant &uui = QVariant());
    // lineClose: every handle on this line becomes invalid; with CLOSEDROP live calls are cleared.
    Q_INVOKABLE void close();

    void setServiceState(bool inService, const QString &reason);
    // Not in use is not ringing either; in use keeps what is known of ringing.
    void setAddressInUse(bool inUse);
    // Ringing is in use (one change); not ringing leaves the address in use.
    void setAddressRinging(bool ringing);
    void markClosed();
    void markRetiring();
    // The line left the engine: closed, without a provider; the handles that name it keep answering.
    void markRemoved();

Q_SIGNALS:
    void capabilitiesChanged();
    void openChanged();
    void serviceChanged();
    void addressStatusChanged();
    void canMakeCallsChanged();
    void retiringChanged();

private:
    LineOwner *m_owner;
    LineProvider *m_provider;
    QString m_providerId;
    QString m_id;
    QString m_name;
    QString m_address;
    LineCapabilities m_caps;
    QList<int> m_handlePrivileges;
    int m_externalOwners = 0;
    bool m_open = true;
    bool m_retiring = false;
    bool m_removed = false;
    bool m_inService = true;
    QString m_reason;
    bool m_addressInUse = false;
    bool m_addressRinging = false;
};
