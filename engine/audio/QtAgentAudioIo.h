#pragma once

#include "audio/AgentAudioIo.h"

#include <QtCore/qobject.h>
#include <QtMultimedia/qaudioformat.h>

#include <memory>
#include <vector>

class QAudioSink;
class QAudioSource;
class QIODevice;

// AgentAudioIo on real devices with QtMultimedia: a QAudioSource and a QAudioSink in push mode, created
// on (and used from) the audio thread. 48 kHz mono Int16 when the device takes it, else the device's
// preferred format converted here (first channel in, the same sample on every channel out). Device buffers
// are asked for 10 ms each way; the server may round that.
class QtAgentAudioIo : public QObject, public AgentAudioIo
{
    Q_OBJECT

public:
    static constexpr int PreferredRate = 48000;
    static constexpr int BufferMs = 10;

    explicit QtAgentAudioIo(QObject *parent = nullptr);
    ~QtAgentAudioIo() override;

    bool open(const QAudioDevice &capture, const QAudioDevice &playback, QString *error) override;
    void close() override;
    bool isOpen(Direction direction) const override;
    int sampleRate(Direction direction) const override;
    QString deviceName(Direction direction) const override;
    std::size_t bufferSamples(Direction direction) const override;
    std::size_t readCapture(std::span<int16_t> out) override;
    std::size_t playbackRoom() const override;
    std::size_t writePlayback(std::span<const int16_t> samples) override;

private:
    bool openCapture(const QAudioDevice &device, QString *error);
    bool openPlayback(const QAudioDevice &device, QString *error);
    void closeCapture();
    void closePlayback();

    std::unique_ptr<QAudioSource> m_source;
    std::unique_ptr<QAudioSink> m_sink;
    QIODevice *m_captureIo = nullptr;
    QIODevice *m_playbackIo = nullptr;
    QAudioDevice m_captureDevice;
    QAudioDevice m_playbackDevice;
    QAudioFormat m_captureFormat;
    QAudioFormat m_playbackFormat;
    QByteArray m_bytes; // conversion scratch, reused
};
