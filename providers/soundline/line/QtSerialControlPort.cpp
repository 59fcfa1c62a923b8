#include "QtSerialControlPort.h"

#include "SoundlineLogging.h"

#include <QtCore/qfileinfo.h>
#include <QtCore/qtimer.h>
#include <QtSerialPort/qserialport.h>

namespace {
constexpr int PollMs = 20;
constexpr int PresenceEveryPolls = 10; // 200 ms

QSerialPort::PinoutSignal signalOf(SoundLineConfig::Pin pin)
{
    switch (pin) {
    case SoundLineConfig::Pin::Ri:
        return QSerialPort::RingIndicatorSignal;
    case SoundLineConfig::Pin::Dcd:
        return QSerialPort::DataCarrierDetectSignal;
    case SoundLineConfig::Pin::Dsr:
        return QSerialPort::DataSetReadySignal;
    case SoundLineConfig::Pin::Cts:
        return QSerialPort::ClearToSendSignal;
    default:
        return QSerialPort::NoSignal;
    }
}
} // namespace

QtSerialControlPort::QtSerialControlPort(const SoundLineConfig &config, QObject *parent)
    : SerialControlPort(parent)
    , m_config(config)
    , m_port(new QSerialPort(this))
    , m_poll(new QTimer(this))
{
    m_port->setPortName(config.serialPort);
    m_poll->setInterval(PollMs);
    connect(m_poll, &QTimer::timeout, this, &QtSerialControlPort::poll);
    connect(m_port, &QSerialPort::errorOccurred, this, [this](QSerialPort::SerialPortError error) {
        if (error == QSerialPort::ResourceError && m_port->isOpen())
            fail(tr("serial port %1 went away: %2").arg(m_config.serialPort, m_port->errorString()));
    });
    // Whatever the line interface sends is not ours to interpret; drain it so the port stays live.
    connect(m_port, &QSerialPort::readyRead, this, [this] { m_port->readAll(); });
}

QtSerialControlPort::~QtSerialControlPort()
{
    close();
}

bool QtSerialControlPort::open(QString *error)
{
    if (m_port->isOpen())
        return true;
    if (!m_port->open(QIODevice::ReadWrite)) {
        *error = tr("serial port %1: %2").arg(m_config.serialPort, m_port->errorString());
        m_port->clearError();
        return false;
    }
    m_pinsReadable = true;
    m_firstPoll = true;
    setOffHook(false);
    m_poll->start();
    poll();
    return m_port->isOpen();
}

void QtSerialControlPort::close()
{
    m_poll->stop();
    if (m_port->isOpen()) {
        setOffHook(false);
        m_port->close();
    }
}

bool QtSerialControlPort::isOpen() const
{
    return m_port->isOpen();
}

bool QtSerialControlPort::setOffHook(bool offHook)
{
    if (!m_port->isOpen() || m_config.hookRelayPin == SoundLineConfig::Pin::None)
        return false;
    const bool level = offHook != m_config.relayActiveLow;
    const bool ok = m_config.hookRelayPin == SoundLineConfig::Pin::Dtr ? m_port->setDataTerminalReady(level)
                                                                       : m_port->setRequestToSend(level);
    if (!ok) {
        qCWarning(lcSoundline) << "hook relay on" << m_config.serialPort
                               << "refused:" << m_port->errorString();
        m_port->clearError();
    }
    return ok;
}

void QtSerialControlPort::poll()
{
    if (!m_port->isOpen())
        return;
    // An unplugged USB adapter's device node disappears; some drivers (and ptys) report no error on
    // the open descriptor, so look at the node as well.
    if (++m_polls % PresenceEveryPolls == 0 && !QFileInfo::exists(m_config.serialPort)) {
        fail(tr("serial port %1 went away: the device node is gone").arg(m_config.serialPort));
        return;
    }
    if (!m_pinsReadable)
        return;
    const QSerialPort::PinoutSignals pins = m_port->pinoutSignals();
    if (m_port->error() != QSerialPort::NoError) {
        const QSerialPort::SerialPortError error = m_port->error();
        const QString text = m_port->errorString();
        m_port->clearError();
        if (error == QSerialPort::ResourceError) {
            fail(tr("serial port %1 went away: %2").arg(m_config.serialPort, text));
            return;
        }
        m_pinsReadable = false;
        qCWarning(lcSoundline).noquote() << "serial port" << m_config.serialPort
                                         << "cannot report modem-control lines (" + text
                + "); ring and loop "
                  "current come from the audio only";
        return;
    }
    const QSerialPort::PinoutSignal ringSignal = signalOf(m_config.ringPin);
    const QSerialPort::PinoutSignal loopSignal = signalOf(m_config.loopCurrentPin);
    const bool ring = ringSignal != QSerialPort::NoSignal && pins.testFlag(ringSignal);
    const bool loop = loopSignal != QSerialPort::NoSignal && pins.testFlag(loopSignal);
    if (ring != m_ring) {
        m_ring = ring;
        Q_EMIT ringChanged(ring);
    }
    if (loopSignal != QSerialPort::NoSignal && (loop != m_loop || m_firstPoll)) {
        m_loop = loop;
        Q_EMIT loopCurrentChanged(loop);
    }
    m_firstPoll = false;
}

void QtSerialControlPort::fail(const QString &reason)
{
    m_poll->stop();
    m_port->close();
    m_port->clearError();
    Q_EMIT lost(reason);
}
