#include "audio/QtAgentAudioIo.h"
#include "audio/DeviceSampleFormat.h"

#include "core/Logging.h"

#include <QtMultimedia/qaudiosink.h>
#include <QtMultimedia/qaudiosource.h>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace {

qsizetype bufferBytes(const QAudioFormat &format)
{
    return format.bytesForDuration(qint64(QtAgentAudioIo::BufferMs) * 1000);
}

} // namespace

QtAgentAudioIo::QtAgentAudioIo(QObject *parent)
    : QObject(parent)
{ }

QtAgentAudioIo::~QtAgentAudioIo()
{
    close();
}

bool QtAgentAudioIo::open(const QAudioDevice &capture, const QAudioDevice &playback, QString *error)
{
    QString captureError;
    QString playbackError;
    bool ok = true;
    if (capture.id() != m_captureDevice.id() || !m_source) {
        closeCapture();
        if (!capture.isNull())
            ok = openCapture(capture, &captureError) && ok;
    }
    if (playback.id() != m_playbackDevice.id() || !m_sink) {
        closePlayback();
        if (!playback.isNull())
            ok = openPlayback(playback, &playbackError) && ok;
    }
    if (!ok && error) {
        QStringList reasons;
        for (const QString &reason : {captureError, playbackError})
            if (!reason.isEmpty())
                reasons.append(reason);
        *error = reasons.join(QLatin1String("; "));
    }
    return ok;
}

bool QtAgentAudioIo::openCapture(const QAudioDevice &device, QString *error)
{
    m_captureFormat = DeviceSampleFormat::choose(device, PreferredRate);
    m_source = std::make_unique<QAudioSource>(device, m_captureFormat);
    m_source->setBufferSize(bufferBytes(m_captureFormat));
    connect(m_source.get(), &QAudioSource::stateChanged, this, [this](QAudio::State state) {
        qCDebug(lcAudio) << "capture state" << state << "error"
                         << (m_source ? m_source->error() : QAudio::NoError);
        if (state == QAudio::StoppedState && m_source && m_source->error() != QAudio::NoError
            && onDeviceError)
            onDeviceError(Capture,
                          tr("the microphone \"%1\" stopped (error %2)")
                              .arg(m_captureDevice.description())
                              .arg(int(m_source->error())));
    });
    m_captureIo = m_source->start();
    if (!m_captureIo || m_source->error() != QAudio::NoError) {
        *error = tr("cannot open the microphone \"%1\"").arg(device.description());
        m_source.reset();
        m_captureIo = nullptr;
        return false;
    }
    m_captureDevice = device;
    qCInfo(lcAudio).noquote() << "capture on" << device.description() << m_captureFormat.sampleRate() << "Hz"
                              << m_captureFormat.channelCount() << "ch, buffer" << m_source->bufferSize()
                              << "bytes";
    return true;
}

bool QtAgentAudioIo::openPlayback(const QAudioDevice &device, QString *error)
{
    m_playbackFormat = DeviceSampleFormat::choose(device, PreferredRate);
    m_sink = std::make_unique<QAudioSink>(device, m_playbackFormat);
    m_sink->setBufferSize(bufferBytes(m_playbackFormat));
    connect(m_sink.get(), &QAudioSink::stateChanged, this, [this](QAudio::State state) {
        qCDebug(lcAudio) << "playback state" << state << "error"
                         << (m_sink ? m_sink->error() : QAudio::NoError);
        if (state == QAudio::StoppedState && m_sink && m_sink->error() != QAudio::NoError && onDeviceError)
            onDeviceError(Playback,
                          tr("the earpiece \"%1\" stopped (error %2)")
                              .arg(m_playbackDevice.description())
                              .arg(int(m_sink->error())));
    });
    m_playbackIo = m_sink->start();
    if (!m_playbackIo || m_sink->error() != QAudio::NoError) {
        *error = tr("cannot open the earpiece \"%1\"").arg(device.description());
        m_sink.reset();
        m_playbackIo = nullptr;
        return false;
    }
    m_playbackDevice = device;
    qCInfo(lcAudio).noquote() << "playback on" << device.description() << m_playbackFormat.sampleRate()
                              << "Hz" << m_playbackFormat.channelCount() << "ch, buffer"
                              << m_sink->bufferSize() << "bytes";
    return true;
}

void QtAgentAudioIo::closeCapture()
{
    if (m_source) {
        m_source->disconnect(this);
        m_source->stop();
    }
    m_source.reset();
    m_captureIo = nullptr;
    m_captureDevice = QAudioDevice();
}

void QtAgentAudioIo::closePlayback()
{
    if (m_sink) {
        m_sink->disconnect(this);
        m_sink->stop();
    }
    m_sink.reset();
    m_playbackIo = nullptr;
    m_playbackDevice = QAudioDevice();
}

void QtAgentAudioIo::close()
{
    closeCapture();
    closePlayback();
}

bool QtAgentAudioIo::isOpen(Direction direction) const
{
    return direction == Capture ? m_captureIo != nullptr : m_playbackIo != nullptr;
}

int QtAgentAudioIo::sampleRate(Direction direction) const
{
    if (!isOpen(direction))
        return 0;
    return direction == Capture ? m_captureFormat.sampleRate() : m_playbackFormat.sampleRate();
}

QString QtAgentAudioIo::deviceName(Direction direction) const
{
    if (!isOpen(direction))
        return {};
    return direction == Capture ? m_captureDevice.description() : m_playbackDevice.description();
}

std::size_t QtAgentAudioIo::bufferSamples(Direction direction) const
{
    if (!isOpen(direction))
        return 0;
    const QAudioFormat &format = direction == Capture ? m_captureFormat : m_playbackFormat;
    const qsizetype bytes = direction == Capture ? m_source->bufferSize() : m_sink->bufferSize();
    return std::size_t(std::max<qsizetype>(0, bytes) / std::max(1, format.bytesPerFrame()));
}

std::size_t QtAgentAudioIo::readCapture(std::span<int16_t> out)
{
    if (!m_captureIo || out.empty())
        return 0;
    const int frameBytes = m_captureFormat.bytesPerFrame();
    m_bytes.resize(qsizetype(out.size()) * frameBytes);
    const qint64 got = m_captureIo->read(m_bytes.data(), m_bytes.size());
    if (got <= 0)
        return 0;
    const std::size_t frames = std::size_t(got / frameBytes);
    const auto format = m_captureFormat.sampleFormat();
    if (format == QAudioFormat::Int16 && m_captureFormat.channelCount() == 1) {
        std::memcpy(out.data(), m_bytes.constData(), frames * sizeof(int16_t));
        return frames;
    }
    for (std::size_t i = 0; i < frames; ++i)
        out[i] = DeviceSampleFormat::toInt16(m_bytes.constData() + i * std::size_t(frameBytes),
                                             format); // first channel
    return frames;
}

std::size_t QtAgentAudioIo::playbackRoom() const
{
    if (!m_sink || !m_playbackIo)
        return 0;
    return std::size_t(std::max<qsizetype>(0, m_sink->bytesFree()) / m_playbackFormat.bytesPerFrame());
}

std::size_t QtAgentAudioIo::writePlayback(std::span<const int16_t> samples)
{
    if (!m_playbackIo || samples.empty())
        return 0;
    const int channels = m_playbackFormat.channelCount();
    const int sampleBytes = m_playbackFormat.bytesPerSample();
    const auto format = m_playbackFormat.sampleFormat();
    const char *data = reinterpret_cast<const char *>(samples.data());
    qint64 bytes = qint64(samples.size() * sizeof(int16_t));
    if (format != QAudioFormat::Int16 || channels != 1) {
        m_bytes.resize(qsizetype(samples.size()) * channels * sampleBytes);
        char *out = m_bytes.data();
        for (int16_t sample : samples)
            for (int c = 0; c < channels; ++c, out += sampleBytes)
                DeviceSampleFormat::fromInt16(sample, out, format);
        data = m_bytes.constData();
        bytes = m_bytes.size();
    }
    const qint64 written = m_playbackIo->write(data, bytes);
    return written <= 0 ? 0 : std::size_t(written / m_playbackFormat.bytesPerFrame());
}
