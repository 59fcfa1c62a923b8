#pragma once

#include "audio/PcmOutput.h"

#include <QtCore/qobject.h>
#include <QtMultimedia/qaudio.h>

class QAudioSink;
class PcmSource;

// PcmOutput's half on the output thread: renders the sound at the device's rate and feeds a QAudioSink.
class PcmOutputWorker : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    ~PcmOutputWorker() override;

    void play(const QAudioDevice &device, const PcmOutput::Render &render, bool loop);
    void stop();

Q_SIGNALS:
    void started(const QString &device);
    void stopped();
    void failed(const QString &message);

private:
    void sinkStateChanged(QAudio::State state);
    void release();

    QAudioSink *m_sink = nullptr;
    PcmSource *m_source = nullptr;
    int m_channels = 1;
};
