#include "audio/PcmOutputWorker.h"

#include "audio/PcmSource.h"
#include "core/Logging.h"

#include <QtMultimedia/qaudiosink.h>

#include <cstdint>

namespace {
constexpr qint64 TrailingSilenceUs = 250000;
} // namespace

PcmOutputWorker::~PcmOutputWorker()
{
    release();
}

void PcmOutputWorker::play(const QAudioDevice &device, const PcmOutput::Render &render, bool loop)
{
    const bool wasPlaying = m_sink != nullptr;
    release();
    if (wasPlaying)
        Q_EMIT stopped();
    if (device.isNull()) {
        Q_EMIT failed(QStringLiteral("no output device to play on"));
        return;
    }
    // Mono at the device's own rate when it takes it; otherwise its preferred channel count, with the
    // sound copied to every channel.
    QAudioFormat format = device.preferredFormat();
    if (format.sampleRate() <= 0)
        format.setSampleRate(48000);
    format.setSampleFormat(QAudioFormat::Int16);
    format.setChannelCount(1);
    if (!device.isFormatSupported(format))
        format.setChannelCount(qMax(1, device.preferredFormat().channelCount()));
    m_channels = format.channelCount();

    QString error;
    QByteArray pcm = render(format.sampleRate(), &error);
    if (pcm.isEmpty()) {
        Q_EMIT failed(error.isEmpty() ? QStringLiteral("nothing to play") : error);
        return;
    }
    if (m_channels > 1) {
        const auto *mono = reinterpret_cast<const int16_t *>(pcm.constData());
        const qsizetype frames = pcm.size() / qsizetype(sizeof(int16_t));
        QByteArray wide(frames * m_channels * qsizetype(sizeof(int16_t)), Qt::Uninitialized);
        auto *out = reinterpret_cast<int16_t *>(wide.data());
        for (qsizetype f = 0; f < frames; ++f)
            for (int c = 0; c < m_channels; ++c)
                out[f * m_channels + c] = mono[f];
        pcm = wide;
    }
    if (!loop) {
        // The sink reports the end when the last bytes are handed over, not when they were heard; trailing
        // silence keeps the stream open until the sound itself has left the device buffers.
        pcm.append(QByteArray(qsizetype(format.bytesForDuration(TrailingSilenceUs)), '\0'));
    }
    m_source = new PcmSource(pcm, loop, this);
    m_source->open(QIODevice::ReadOnly);
    m_sink = new QAudioSink(device, format, this);
    connect(m_sink, &QAudioSink::stateChanged, this, &PcmOutputWorker::sinkStateChanged);
    m_sink->start(m_source);
    if (m_sink->error() != QAudio::NoError) {
        release();
        Q_EMIT failed(QStringLiteral("%1 refused the sound").arg(device.description()));
        return;
    }
    Q_EMIT started(device.description());
}

void PcmOutputWorker::stop()
{
    if (!m_sink)
        return;
    release();
    Q_EMIT stopped();
}

void PcmOutputWorker::sinkStateChanged(QAudio::State state)
{
    if (!m_sink)
        return;
    if (state == QAudio::IdleState && m_source && m_source->atEnd()) {
        release(); // played once to its end
        Q_EMIT stopped();
    } else if (state == QAudio::StoppedState && m_sink->error() != QAudio::NoError) {
        release();
        qCWarning(lcAudio) << "local sound stopped by a device error";
        Q_EMIT failed(QStringLiteral("the output device failed"));
    }
}

void PcmOutputWorker::release()
{
    if (m_sink) {
        m_sink->disconnect(this);
        m_sink->stop();
        delete m_sink;
        m_sink = nullptr;
    }
    delete m_source;
    m_source = nullptr;
}
