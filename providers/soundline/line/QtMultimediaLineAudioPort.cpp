#include "QtMultimediaLineAudioPort.h"

#include "SoundlineLogging.h"
#include "audio/DeviceSampleFormat.h"

#include <QtCore/qtimer.h>
#include <QtMultimedia/qaudiosink.h>
#include <QtMultimedia/qaudiosource.h>
#include <QtMultimedia/qmediadevices.h>

#include <algorithm>
#include <cstring>

namespace {
constexpr int LineRate = 8000;
constexpr int PresenceCheckMs = 500; // half the one-second budget for noticing an unplugged card
// Capture in small fragments: the line's playback (dialling, the agent's voice) is paced by it, and a
// record stream left to PulseAudio's default fragment size arrives in bursts of a second or more.
constexpr int SourceFragmentMs = 20;
constexpr int SinkBufferMs = 120;
constexpr int MaxPendingMs = 300; // playback queued beyond the sink's buffer; older audio is dropped

QString describe(const QString &name, const QAudioDevice &device)
{
    return device.isNull() || device.description() == name
        ? QStringLiteral("'%1'").arg(name)
        : QStringLiteral("'%1' (%2)").arg(name, device.description());
}
} // namespace

QtMultimediaLineAudioPort::QtMultimediaLineAudioPort(const QString &captureDevice,
                                                     const QString &playbackDevice, QObject *parent)
    : LineAudioPort(parent)
    , m_captureName(captureDevice)
    , m_playbackName(playbackDevice)
    , m_presence(new QTimer(this))
{
    m_presence->setInterval(PresenceCheckMs);
    connect(m_presence, &QTimer::timeout, this, &QtMultimediaLineAudioPort::checkDevices);
}

QtMultimediaLineAudioPort::~QtMultimediaLineAudioPort()
{
    stop();
}

QAudioDevice QtMultimediaLineAudioPort::findDevice(const QList<QAudioDevice> &devices, const QString &name)
{
    const QByteArray id = name.toUtf8();
    for (const QAudioDevice &device : devices)
        if (device.id() == id)
            return device;
    for (const QAudioDevice &device : devices)
        if (device.description() == name)
            return device;
    return {};
}

bool QtMultimediaLineAudioPort::start(QString *error)
{
    if (m_running)
        return true;
    if (m_captureName.isEmpty()) {
        *error = tr("no capture sound card is configured (captureDevice)");
        return false;
    }
    m_captureDevice = findDevice(QMediaDevices::audioInputs(), m_captureName);
    if (m_captureDevice.isNull()) {
        *error = tr("capture sound card '%1' is not present").arg(m_captureName);
        return false;
    }
    m_playbackDevice = QAudioDevice();
    if (!m_playbackName.isEmpty()) {
        m_playbackDevice = findDevice(QMediaDevices::audioOutputs(), m_playbackName);
        if (m_playbackDevice.isNull()) {
            *error = tr("playback sound card '%1' is not present").arg(m_playbackName);
            return false;
        }
    }

    m_captureFormat = DeviceSampleFormat::choose(m_captureDevice, LineRate);
    m_toLineRate = std::make_unique<Resampler>(m_captureFormat.sampleRate(), LineRate, Resampler::Voice);
    if (!m_toLineRate->isValid()) {
        *error = tr("capture sound card %1: %2")
                     .arg(describe(m_captureName, m_captureDevice), m_toLineRate->errorString());
        return false;
    }
    m_source = new QAudioSource(m_captureDevice, m_captureFormat, this);
    connect(m_source, &QAudioSource::stateChanged, this, [this](QAudio::State state) {
        if (state == QAudio::StoppedState && m_running
            && (m_source->error() == QAudio::IOError || m_source->error() == QAudio::FatalError)) {
            checkDevices(); // an unplugged card says so
            fail(tr("capture sound card %1 stopped delivering audio")
                     .arg(describe(m_captureName, m_captureDevice)));
        }
    });
    m_source->setBufferSize(m_captureFormat.bytesForDuration(SourceFragmentMs * 1000));
    m_sourceIo = m_source->start();
    if (!m_sourceIo || m_source->error() != QAudio::NoError) {
        *error = tr("capture sound card %1 cannot be opened at %2 Hz")
                     .arg(describe(m_captureName, m_captureDevice))
                     .arg(m_captureFormat.sampleRate());
        stop();
        return false;
    }
    connect(m_sourceIo, &QIODevice::readyRead, this, &QtMultimediaLineAudioPort::readCapture);

    if (!m_playbackDevice.isNull()) {
        m_playbackFormat = DeviceSampleFormat::choose(m_playbackDevice, LineRate);
        m_toCardRate = std::make_unique<Resampler>(LineRate, m_playbackFormat.sampleRate(), Resampler::Voice);
        m_sink = new QAudioSink(m_playbackDevice, m_playbackFormat, this);
        m_sink->setBufferSize(m_playbackFormat.bytesForDuration(SinkBufferMs * 1000));
        connect(m_sink, &QAudioSink::stateChanged, this, [this](QAudio::State state) {
            if (state == QAudio::StoppedState && m_running
                && (m_sink->error() == QAudio::IOError || m_sink->error() == QAudio::FatalError)) {
                checkDevices();
                fail(tr("playback sound card %1 stopped taking audio")
                         .arg(describe(m_playbackName, m_playbackDevice)));
            }
        });
        m_sinkIo = m_sink->start();
        if (!m_sinkIo || m_sink->error() != QAudio::NoError) {
            *error = tr("playback sound card %1 cannot be opened at %2 Hz")
                         .arg(describe(m_playbackName, m_playbackDevice))
                         .arg(m_playbackFormat.sampleRate());
            stop();
            return false;
        }
    }
    m_running = true;
    m_presence->start();
    qCInfo(lcSoundline).noquote() << "line audio: capture" << describe(m_captureName, m_captureDevice) << "at"
                                  << m_captureFormat.sampleRate() << "Hz, playback"
                                  << (m_sink ? describe(m_playbackName, m_playbackDevice)
                                             : QStringLiteral("none"));
    return true;
}

void QtMultimediaLineAudioPort::stop()
{
    m_running = false;
    m_presence->stop();
    // deleteLater: stop() may run inside a stream's own stateChanged.
    if (m_sourceIo)
        m_sourceIo->disconnect(this);
    if (m_source) {
        m_source->disconnect(this);
        m_source->stop();
        m_source->deleteLater();
        m_source = nullptr;
    }
    if (m_sink) {
        m_sink->disconnect(this);
        m_sink->stop();
        m_sink->deleteLater();
        m_sink = nullptr;
    }
    m_sourceIo = nullptr;
    m_sinkIo = nullptr;
    m_toLineRate.reset();
    m_toCardRate.reset();
    m_captured.clear();
    m_pending.clear();
}

void QtMultimediaLineAudioPort::readCapture()
{
    if (!m_running || !m_sourceIo)
        return;
    const QByteArray bytes = m_sourceIo->readAll();
    const int frameBytes = m_captureFormat.bytesPerFrame();
    if (bytes.isEmpty() || frameBytes <= 0)
        return;
    // The line is mono: the first channel is the line interface's.
    const qsizetype frames = bytes.size() / frameBytes;
    std::vector<int16_t> mono(static_cast<std::size_t>(frames));
    for (qsizetype i = 0; i < frames; ++i)
        mono[std::size_t(i)] =
            DeviceSampleFormat::toInt16(bytes.constData() + i * frameBytes, m_captureFormat.sampleFormat());
    m_toLineRate->process(mono, m_captured);
    std::size_t offset = 0;
    while (m_captured.size() - offset >= std::size_t(FrameSamples)) {
        Q_EMIT captured(QList<int16_t>(m_captured.begin() + qsizetype(offset),
                                       m_captured.begin() + qsizetype(offset + FrameSamples)));
        offset += FrameSamples;
        if (!m_running)
            return; // a receiver stopped the port
    }
    m_captured.erase(m_captured.begin(), m_captured.begin() + qsizetype(offset));
}

void QtMultimediaLineAudioPort::play(const int16_t *samples, int count)
{
    if (!m_running || !m_sinkIo || count <= 0)
        return;
    std::vector<int16_t> cardRate;
    m_toCardRate->process(std::span<const int16_t>(samples, std::size_t(count)), cardRate);
    const int frameBytes = m_playbackFormat.bytesPerFrame();
    const int sampleBytes = m_playbackFormat.bytesPerSample();
    const qsizetype start = m_pending.size();
    m_pending.resize(start + qsizetype(cardRate.size()) * frameBytes);
    char *out = m_pending.data() + start;
    for (int16_t sample : cardRate) {
        for (int channel = 0; channel < m_playbackFormat.channelCount(); ++channel)
            DeviceSampleFormat::fromInt16(sample, out + channel * sampleBytes,
                                          m_playbackFormat.sampleFormat());
        out += frameBytes;
    }
    writePending();
}

void QtMultimediaLineAudioPort::writePending()
{
    if (m_pending.isEmpty())
        return;
    const qint64 room = m_sink->bytesFree();
    if (room > 0) {
        const qint64 written = m_sinkIo->write(m_pending.constData(), qMin<qint64>(room, m_pending.size()));
        if (written > 0)
            m_pending.remove(0, written);
    }
    // A card that plays slower than the line captures must not build up delay without bound.
    const qsizetype limit = m_playbackFormat.bytesForDuration(MaxPendingMs * 1000);
    if (m_pending.size() > limit) {
        const int frameBytes = m_playbackFormat.bytesPerFrame();
        m_pending.remove(0, (m_pending.size() - limit) / frameBytes * frameBytes);
    }
}

void QtMultimediaLineAudioPort::checkDevices()
{
    if (!m_running)
        return;
    const auto present = [](const QList<QAudioDevice> &devices, const QAudioDevice &device) {
        return std::any_of(devices.begin(), devices.end(),
                           [&](const QAudioDevice &d) { return d.id() == device.id(); });
    };
    if (!present(QMediaDevices::audioInputs(), m_captureDevice)) {
        fail(tr("capture sound card %1 was unplugged").arg(describe(m_captureName, m_captureDevice)));
        return;
    }
    if (!m_playbackDevice.isNull() && !present(QMediaDevices::audioOutputs(), m_playbackDevice)) {
        fail(tr("playback sound card %1 was unplugged").arg(describe(m_playbackName, m_playbackDevice)));
        return;
    }
    writePending(); // keeps the sink fed between captured frames
}

void QtMultimediaLineAudioPort::fail(const QString &reason)
{
    if (!m_running)
        return;
    stop();
    Q_EMIT lost(reason);
}
