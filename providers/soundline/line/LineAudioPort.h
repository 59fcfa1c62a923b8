#pragma once

#include <QtCore/qlist.h>
#include <QtCore/qobject.h>

#include <cstdint>

// The line's audio: 8 kHz mono int16 frames captured from the line interface and played to it.
// Lives on the line's worker thread. The QtMultimedia sound-card binding is part of the audio
// issue; BufferLineAudioPort is the file/buffer twin used by tests and the "captureFile" setting.
class LineAudioPort : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // Starts capture and playback; false with *error (device and reason) when the device is missing.
    virtual bool start(QString *error) = 0;
    virtual void stop() = 0;
    // Audio for the line (DTMF dialling, the agent's voice path belongs to the audio issue).
    virtual void play(const int16_t *samples, int count) = 0;

Q_SIGNALS:
    void captured(const QList<int16_t> &samples);
    void lost(const QString &reason);
};
