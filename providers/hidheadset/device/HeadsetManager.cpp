#include "HeadsetManager.h"

#include "HeadsetDevice.h"
#include "HeadsetLogging.h"
#include "HeadsetProtocol.h"
#include "ReportDescriptorParser.h"
#include "backend/HidBackend.h"
#include "backend/HidPermission.h"
#include "core/EngineClock.h"

namespace hookline::hid {

namespace {
ControlKind kindForLamp(PhoneDevice::Lamp lamp)
{
    switch (lamp) {
    case PhoneDevice::LampOffHook:
        return ControlKind::LedOffHook;
    case PhoneDevice::LampRing:
        return ControlKind::LedRing;
    case PhoneDevice::LampMute:
        return ControlKind::LedMute;
    case PhoneDevice::LampMicrophone:
        return ControlKind::LedMicrophone;
    case PhoneDevice::LampHold:
        return ControlKind::LedHold;
    case PhoneDevice::LampOnLine:
        return ControlKind::LedOnLine;
    }
    return ControlKind::Other;
}
} // namespace

HeadsetManager::HeadsetManager(HidBackend *backend, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
    , m_systemClock(std::make_unique<SystemClock>())
    , m_clock(m_systemClock.get())
    , m_echoWindowMs(HeadsetProtocol::DefaultEchoWindowMs)
{
    m_backend->setParent(this);
    connect(m_backend, &HidBackend::devicesChanged, this, &HeadsetManager::rescan);
}

HeadsetManager::~HeadsetManager()
{
    stop();
}

void HeadsetManager::setClock(const EngineClock *clock)
{
    m_clock = clock ? clock : m_systemClock.get();
}

void HeadsetManager::setEchoWindowMs(qint64 ms)
{
    m_echoWindowMs = ms;
}

void HeadsetManager::start(PhoneEventSink *sink)
{
    m_sink = sink;
    rescan();
}

void HeadsetManager::stop()
{
    // LEDs and ringer off first, then the readers end; no sink calls afterwards.
    for (const QString &path : std::as_const(m_order)) {
        Entry &entry = m_entries[path];
        if (entry.device) {
            entry.device->switchAllOff();
            delete entry.device;
            entry.device = nullptr;
        }
    }
    m_entries.clear();
    m_order.clear();
    m_sink = nullptr;
}

void HeadsetManager::rescan()
{
    if (!m_sink)
        return;
    const QList<HidDeviceInfo> devices = m_backend->enumerate();
    const QList<QString> known = m_order;
    for (const QString &path : known) {
        const bool present = std::any_of(devices.cbegin(), devices.cend(),
                                         [&](const HidDeviceInfo &device) { return device.path == path; });
        if (!present)
            removeEntry(path, tr("unplugged"));
    }
    for (const HidDeviceInfo &device : devices) {
        const auto it = m_entries.constFind(device.path);
        // A device refused for permission is tried again once its node became accessible (the udev
        // rule was installed and `udevadm trigger` sent a change event).
        if (it != m_entries.cend() && !it->device && it->access == HidDeviceInfo::Access::NoPermission
            && device.access == HidDeviceInfo::Access::ReadWrite)
            removeEntry(device.path, tr("permission granted"));
        if (!m_entries.contains(device.path))
            addDevice(device);
    }
}

QString HeadsetManager::uniquePhoneId(const HidDeviceInfo &info) const
{
    const QString base = info.stableId();
    QString id = base;
    for (int n = 2;; ++n) {
        const bool taken = std::any_of(m_entries.cbegin(), m_entries.cend(),
                                       [&](const Entry &entry) { return entry.status.phoneId == id; });
        if (!taken)
            return id;
        id = QStringLiteral("%1#%2").arg(base).arg(n);
    }
}

void HeadsetManager::addDevice(const HidDeviceInfo &info)
{
    Entry entry;
    entry.access = info.access;
    entry.status.phoneId = uniquePhoneId(info);
    entry.status.name = info.displayName();
    entry.status.path = info.path;
    const DescriptorParseResult parsed = ReportDescriptorParser::parse(QByteArrayView(info.descriptor));

    QString reason;
    std::shared_ptr<HidTransport> transport;
    if (info.descriptor.isEmpty()) {
        reason = QStringLiteral("report descriptor unreadable: %1").arg(info.descriptorError);
    } else if (!parsed.isValid()) {
        reason = QStringLiteral("malformed report descriptor: %1").arg(parsed.error.message());
    } else if (!parsed.hasUsableTelephonyCollection()) {
        reason = QStringLiteral("no call controls in its telephony collection");
    } else if (info.access == HidDeviceInfo::Access::NoPermission) {
        reason = noPermissionReason(info.path);
    } else {
        QString error;
        bool permissionDenied = false;
        transport = m_backend->open(info, &error, &permissionDenied);
        if (!transport)
            reason = permissionDenied ? noPermissionReason(info.path) : error;
    }

    m_order.append(info.path);
    if (!transport) {
        entry.status.usable = false;
        entry.status.reason = reason;
        m_entries.insert(info.path, entry);
        qCWarning(lcHeadset).noquote() << entry.status.name << "(" << info.path << ") unusable:" << reason;
        m_sink->phoneUnusable(entry.status.phoneId, entry.status.name, reason);
        Q_EMIT phonesChanged();
        return;
    }

    auto *device = new HeadsetDevice(entry.status.phoneId, info, parsed, transport, m_clock, this);
    device->protocol().setEchoWindowMs(m_echoWindowMs);
    entry.device = device;
    entry.status.usable = true;
    m_entries.insert(info.path, entry);
    const QString phoneId = entry.status.phoneId;
    const QString path = info.path;
    connect(device, &HeadsetDevice::requested, this,
            [this, phoneId](PhoneEventSink::Button button, int value) {
                if (m_sink)
                    m_sink->phoneButton(phoneId, button, value);
            });
    connect(device, &HeadsetDevice::lost, this,
            [this, path](const QString &reason) { removeEntry(path, reason); });
    qCInfo(lcHeadset).noquote() << "headset" << entry.status.name << "at" << info.path << "as" << phoneId;
    device->start();
    m_sink->phoneAdded(phoneId, entry.status.name);
    Q_EMIT phonesChanged();
}

void HeadsetManager::removeEntry(const QString &path, const QString &reason)
{
    const auto it = m_entries.find(path);
    if (it == m_entries.end())
        return;
    const Entry entry = it.value();
    m_entries.erase(it);
    m_order.removeAll(path);
    if (entry.device) {
        // Called from the device's own signal when its read failed: delete it after that returns.
        entry.device->disconnect(this);
        entry.device->deleteLater();
    }
    qCInfo(lcHeadset).noquote() << entry.status.name << "removed:" << reason;
    if (m_sink)
        m_sink->phoneRemoved(entry.status.phoneId, reason);
    Q_EMIT phonesChanged();
}

void HeadsetManager::setLamp(const QString &phoneId, Lamp lamp, bool on)
{
    if (HeadsetDevice *headset = device(phoneId))
        headset->setOutput(kindForLamp(lamp), on);
}

void HeadsetManager::setRinger(const QString &phoneId, bool ringing)
{
    if (HeadsetDevice *headset = device(phoneId))
        headset->setOutput(ControlKind::Ringer, ringing);
}

void HeadsetManager::refreshLamps(const QString &phoneId)
{
    if (HeadsetDevice *headset = device(phoneId))
        headset->refresh();
}

QList<HeadsetManager::PhoneStatus> HeadsetManager::phones() const
{
    QList<PhoneStatus> result;
    for (const QString &path : m_order)
        result.append(m_entries.value(path).status);
    return result;
}

HeadsetDevice *HeadsetManager::device(const QString &phoneId) const
{
    for (const Entry &entry : m_entries) {
        if (entry.status.phoneId == phoneId)
            return entry.device;
    }
    return nullptr;
}

} // namespace hookline::hid
