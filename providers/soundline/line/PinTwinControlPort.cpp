#include "PinTwinControlPort.h"

#include <QtCore/qmetaobject.h>

PinTwinControlPort::PinTwinControlPort(const QString &portName, bool hasRelay, QObject *parent)
    : SerialControlPort(parent)
    , m_portName(portName)
    , m_hasRelay(hasRelay)
{ }

bool PinTwinControlPort::open(QString *error)
{
    QMutexLocker lock(&m_mutex);
    if (!m_present) {
        *error = QStringLiteral("serial port %1 is not present").arg(m_portName);
        return false;
    }
    m_open = true;
    return true;
}

void PinTwinControlPort::close()
{
    QMutexLocker lock(&m_mutex);
    m_open = false;
}

bool PinTwinControlPort::isOpen() const
{
    QMutexLocker lock(&m_mutex);
    return m_open;
}

bool PinTwinControlPort::setOffHook(bool offHook)
{
    QMutexLocker lock(&m_mutex);
    if (!m_open || !m_hasRelay)
        return false;
    m_relay.append(offHook);
    return true;
}

void PinTwinControlPort::setRing(bool ringing)
{
    QMetaObject::invokeMethod(
        this, [this, ringing] { Q_EMIT ringChanged(ringing); }, Qt::QueuedConnection);
}

void PinTwinControlPort::setLoopCurrent(bool present)
{
    QMetaObject::invokeMethod(
        this, [this, present] { Q_EMIT loopCurrentChanged(present); }, Qt::QueuedConnection);
}

void PinTwinControlPort::setPresent(bool present)
{
    QMetaObject::invokeMethod(
        this,
        [this, present] {
            bool wasOpen;
            {
                QMutexLocker lock(&m_mutex);
                wasOpen = m_open && !present;
                m_present = present;
                if (!present)
                    m_open = false;
            }
            if (wasOpen)
                Q_EMIT lost(QStringLiteral("serial port %1 was unplugged").arg(m_portName));
        },
        Qt::QueuedConnection);
}

QList<bool> PinTwinControlPort::relayHistory() const
{
    QMutexLocker lock(&m_mutex);
    return m_relay;
}

bool PinTwinControlPort::offHook() const
{
    QMutexLocker lock(&m_mutex);
    return !m_relay.isEmpty() && m_relay.last();
}
