#pragma once

#include "LineAudioPort.h"

#include <QtCore/qmutex.h>

// The file/buffer twin of a sound card. Whoever holds it (a test, the "captureFile" setting) pushes
// capture audio with feed()/feedFile() from any thread; it is delivered in 20 ms frames on the
// port's own thread, in order. Nothing plays by itself, so audio time is exactly what was fed.
// Played audio is kept for inspection. setPresent(false) unplugs it: start() fails, a running
// port reports lost(); setPresent(true) plugs it back.
class BufferLineAudioPort : public LineAudioPort
{
    Q_OBJECT

public:
    explicit BufferLineAudioPort(const QString &deviceName, QObject *parent = nullptr);

    bool start(QString *error) override;
    void stop() override;
    void play(const int16_t *samples, int count) override;

    // The "captureFile" setting: each start() plays this file once (a start fails, naming the
    // file, when it cannot be read).
    void setCaptureFile(const QString &path) { m_captureFile = path; }

    // Thread-safe.
    void feed(const QList<int16_t> &samples);
    bool feedFile(const QString &path, QString *error);
    void feedSilence(int ms);
    void setPresent(bool present);
    // Line-interface hybrid echo: what is played comes back in the following captured frames,
    // scaled by gain (0 = none).
    void setEchoGain(double gain);
    QList<int16_t> played() const;
    void clearPlayed();
    qint64 capturedSamples() const;

private:
    void deliver(const QList<int16_t> &samples);

    const QString m_deviceName;
    QString m_captureFile;
    mutable QMutex m_mutex;
    bool m_present = true;
    bool m_running = false;
    QList<int16_t> m_played;
    QList<int16_t> m_echo; // played audio not yet mixed back into the capture
    double m_echoGain = 0;
    qint64 m_captured = 0;
};
