#pragma once

#include <QtCore/qbytearray.h>
#include <QtCore/qiodevice.h>

// Read-only PCM for a QAudioSink in pull mode: the bytes once, or over and over. Lives on the thread of
// the sink that reads it.
class PcmSource : public QIODevice
{
    Q_OBJECT

public:
    PcmSource(const QByteArray &pcm, bool loop, QObject *parent = nullptr);

    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override;
    bool atEnd() const override;

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_pcm;
    bool m_loop;
    qint64 m_position = 0;
};
