#pragma once

#include "LineAudioPort.h"
#include "audio/Resampler.h"

#include <QtMultimedia/qaudiodevice.h>
#include <QtMultimedia/qaudioformat.h>

#include <memory>
#include <vector>

class QAudioSink;
class QAudioSource;
class QIODevice;
class QTimer;

// The line interface's sound card through QtMultimedia: QAudioSource for what the line says, QAudioSink
// for what is played to it. Devices are named as SoundLineConfig stores them (QAudioDevice id or
// description). The card runs at whatever rate it offers (8 kHz when it can); libsoxr (Voice quality)
// converts to and from the line's 8 kHz, and capture is delivered in 20 ms frames. Lives on the line's
// worker thread. Qt 6.4 may not signal device removal on Linux, so the devices' presence is checked on
// a timer as well as from the streams' errors; either way lost(reason) names the card.
class QtMultimediaLineAudioPort : public LineAudioPort
{
    Q_OBJECT

public:
    QtMultimediaLineAudioPort(const QString &captureDevice, const QString &playbackDevice,
                              QObject *parent = nullptr);
    ~QtMultimediaLineAudioPort() override;

    bool start(QString *error) override;
    void stop() override;
    void play(const int16_t *samples, int count) override;

    // The formats the cards were opened with (valid while running; for diagnostics and tests).
    QAudioFormat captureFormat() const { return m_captureFormat; }
    QAudioFormat playbackFormat() const { return m_playbackFormat; }

    // A capture or playback device by id or description among `devices`; null when absent.
    static QAudioDevice findDevice(const QList<QAudioDevice> &devices, const QString &name);

private:
    void readCapture();
    void writePending();
    void checkDevices();
    void fail(const QString &reason);

    const QString m_captureName;
    const QString m_playbackName;
    QAudioDevice m_captureDevice;
    QAudioDevice m_playbackDevice;
    QAudioFormat m_captureFormat;
    QAudioFormat m_playbackFormat;
    QAudioSource *m_source = nullptr;
    QAudioSink *m_sink = nullptr;
    QIODevice *m_sourceIo = nullptr;
    QIODevice *m_sinkIo = nullptr;
    std::unique_ptr<Resampler> m_toLineRate;
    std::unique_ptr<Resampler> m_toCardRate;
    std::vector<int16_t> m_captured; // 8 kHz samples not yet delivered as a full frame
    QByteArray m_pending; // playback bytes in the card's format the sink had no room for yet
    QTimer *m_presence;
    bool m_running = false;
};
