#pragma once

#include <QtCore/qbytearray.h>
#include <QtCore/qobject.h>
#include <QtCore/qprocess.h>

// Records what a harness sink plays by reading its monitor with `parec` (pulseaudio-utils) as mono
// Int16 at a fixed rate, so a test hears exactly what Hookline sent to a card.
class MonitorCapture : public QObject
{
    Q_OBJECT

public:
    explicit MonitorCapture(QObject *parent = nullptr);
    ~MonitorCapture() override;

    // Starts recording `sinkName`.monitor (e.g. "hookline_speakers"); false with *error.
    bool start(const QString &sinkName, int sampleRate, QString *error);
    QByteArray pcm() const { return m_pcm; }
    // Samples recorded so far and the PCM after sample `from`.
    qsizetype samples() const { return m_pcm.size() / 2; }
    QByteArray since(qsizetype fromSample) const { return m_pcm.mid(fromSample * 2); }
    // The last `ms` of what was recorded.
    QByteArray last(int ms) const;
    int sampleRate() const { return m_rate; }
    // The monitor's stream is connected and delivering (a silent sink delivers silence): start sounds
    // after this, or their first milliseconds may be missed.
    bool isFlowing() const { return samples() >= m_rate / 20; }

private:
    QProcess m_parec;
    QByteArray m_pcm;
    int m_rate = 0;
};
