#pragma once

#include <QtCore/qobject.h>
#include <QtCore/qpointer.h>
#include <QtCore/qthread.h>
#include <QtMultimedia/qaudiodevice.h>

#include <functional>

class PcmOutputWorker;

// Short local sounds (the ringtone, dial-pad tones) played on one output device from a thread of their
// own: decoding, tone generation and the QAudioSink never run on the GUI thread, and a stalled GUI does not
// stall them. Calls return at once; what happened comes back as queued signals.
class PcmOutput : public QObject
{
    Q_OBJECT

public:
    // Makes mono 16-bit PCM at `sampleRate` (called on the output's thread); empty with `*error` on failure.
    using Render = std::function<QByteArray(int sampleRate, QString *error)>;

    explicit PcmOutput(const QString &threadName, QObject *parent = nullptr);
    ~PcmOutput() override;

    // Stops what plays and plays what `render` makes on `device`, once or looped. A null device fails.
    void play(const QAudioDevice &device, Render render, bool loop);
    void stop();

Q_SIGNALS:
    // The device accepted the sound (`device` is its description) / the sound ended or was stopped.
    void started(const QString &device);
    void stopped();
    void failed(const QString &message);

private:
    QThread m_thread;
    PcmOutputWorker *m_worker; // lives on m_thread
};
