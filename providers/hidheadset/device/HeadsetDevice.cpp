#include "HeadsetDevice.h"

#include "HeadsetLogging.h"
#include "HidReader.h"
#include "core/EngineClock.h"

#include <QtCore/qmetaobject.h>

namespace hookline::hid {

HeadsetDevice::HeadsetDevice(const QString &phoneId, const HidDeviceInfo &info,
                             const DescriptorParseResult &descriptor, std::shared_ptr<HidTransport> transport,
                             const EngineClock *clock, QObject *parent)
    : QObject(parent)
    , m_phoneId(phoneId)
    , m_info(info)
    , m_protocol(descriptor)
    , m_transport(std::move(transport))
    , m_clock(clock)
    , m_reader(new HidReader(m_transport, this))
{
    connect(m_reader, &HidReader::reportRead, this, &HeadsetDevice::handleReport, Qt::QueuedConnection);
    connect(
        m_reader, &HidReader::readFailed, this,
        [this](const QString &error) {
            m_lost = true;
            qCInfo(lcHeadset).noquote() << m_phoneId << "lost:" << error;
            Q_EMIT lost(error);
        },
        Qt::QueuedConnection);
}

HeadsetDevice::~HeadsetDevice()
{
    m_reader->stop();
}

void HeadsetDevice::start()
{
    markDirty(m_protocol.outputReportIds());
    m_reader->start();
}

void HeadsetDevice::handleReport(const QByteArray &report)
{
    const QList<HeadsetRequest> requests = m_protocol.decodeInput(report, m_clock->nowMs());
    qCDebug(lcHeadset).noquote() << m_phoneId << "in" << report.toHex(' ') << "->" << requests.size()
                                 << "requests";
    for (const HeadsetRequest &request : requests)
        Q_EMIT requested(request.button, request.value);
    Q_EMIT inputDecoded(report);
}

void HeadsetDevice::setOutput(ControlKind kind, bool on)
{
    markDirty(m_protocol.setOutput(kind, on));
}

void HeadsetDevice::refresh()
{
    markDirty(m_protocol.outputReportIds());
}

void HeadsetDevice::switchAllOff()
{
    for (ControlKind kind : m_protocol.outputKinds())
        markDirty(m_protocol.setOutput(kind, false));
    flush();
}

void HeadsetDevice::markDirty(const QList<quint8> &reportIds)
{
    for (quint8 id : reportIds) {
        if (!m_dirty.contains(id))
            m_dirty.append(id);
    }
    if (m_dirty.isEmpty() || m_flushQueued)
        return;
    m_flushQueued = true;
    QMetaObject::invokeMethod(this, &HeadsetDevice::flush, Qt::QueuedConnection);
}

void HeadsetDevice::flush()
{
    m_flushQueued = false;
    const QList<quint8> dirty = std::exchange(m_dirty, {});
    if (m_lost)
        return;
    for (quint8 id : dirty) {
        const QByteArray report = m_protocol.buildOutputReport(id);
        QString error;
        if (!m_transport->write(report, &error)) {
            // An unplugged device also fails its read; the reader reports that as `lost`.
            qCWarning(lcHeadset).noquote() << m_phoneId << error;
            continue;
        }
        m_protocol.noteWritten(id, m_clock->nowMs());
        qCDebug(lcHeadset).noquote() << m_phoneId << "out" << report.toHex(' ');
        Q_EMIT reportWritten(report);
    }
}

} // namespace hookline::hid
