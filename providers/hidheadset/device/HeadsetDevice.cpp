#include "HeadsetDevice.h"

#include "HeadsetLogging.h"
#include "HidIoThread.h"
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
    , m_io(new HidIoThread(m_transport, this))
{
    connect(m_io, &HidIoThread::reportRead, this, &HeadsetDevice::handleReport, Qt::QueuedConnection);
    connect(
        m_io, &HidIoThread::readFailed, this,
        [this](const QString &error) {
            m_lost = true;
            qCInfo(lcHeadset).noquote() << m_phoneId << "lost:" << error;
            Q_EMIT lost(error);
        },
        Qt::QueuedConnection);
    connect(
        m_io, &HidIoThread::reportWritten, this,
        [this](const QByteArray &report) {
            qCDebug(lcHeadset).noquote() << m_phoneId << "out" << report.toHex(' ');
            Q_EMIT reportWritten(report);
        },
        Qt::QueuedConnection);
    // An unplugged device also fails its read; the I/O thread reports that as `lost`.
    connect(
        m_io, &HidIoThread::writeFailed, this,
        [this](const QByteArray &report, const QString &error) {
            qCWarning(lcHeadset).noquote() << m_phoneId << "write" << report.toHex(' ') << "failed:" << error;
        },
        Qt::QueuedConnection);
}

HeadsetDevice::~HeadsetDevice()
{
    m_io->stop(); // writes what is queued (the LEDs-off report on quit) first
}

void HeadsetDevice::start()
{
    markDirty(m_protocol.outputReportIds());
    m_io->start();
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
        // The echo window starts when the report is handed over: at most a few ms before the device
        // sees it, which only makes the 500 ms window a little shorter.
        m_protocol.noteWritten(id, m_clock->nowMs());
        m_io->queueWrite(m_protocol.buildOutputReport(id));
    }
}

int HeadsetDevice::pendingWrites() const
{
    return m_io->pendingWrites();
}

} // namespace hookline::hid
