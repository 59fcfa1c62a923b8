#pragma once

#include <QtCore/qlist.h>
#include <QtCore/qobject.h>

#include <cstdint>

// The line's audio: 8 kHz mono int16 frames captured from the line interface and played to it.
// Lives on the line's worker thread. QtMultimediaLineAudioPort is the sound-card binding;
// BufferLineAudioPort is the file/buffer twin used by tests and the "captureFile" setting.
class LineAudioPort : public QObject
{
    Q_OBJECT

public:
    // Captured audio is reported in frames of 20 ms at the line's 8 kHz, what a sound card period typically
    // is.
    static constexpr int FrameSamples = 160;

    using QObject::QObject;

    // Starts capture and playback; false with *error (device and reason) when the device is missing.
    virtual bool start(QString *error) = 0;
    virtual void stop() = 0;
    // Audio for the line: DTMF dialling and, in a call, the agent's voice (the worker plays
    // continuously, silence included, paced by the captured frames).
    virtual void play(const int16_t *samples, int count) = 0;

Q_SIGNALS:
    void captured(const QList<int16_t> &samples);
    void lost(const QString &reason);
};
