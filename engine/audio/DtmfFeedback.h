#pragma once

#include <QtCore/qbytearray.h>
#include <QtCore/qobject.h>
#include <QtQml/qqmlregistration.h>

class AudioDevices;
class PcmOutput;
class QJSEngine;
class QQmlEngine;

// The local tone the agent hears when pressing a dial-pad key: the digit's DTMF pair (spandsp's dtmf_tx),
// about 100 ms, on the agent's playback device. Generation and playback run on a thread of their own;
// a key pressed while the previous tone still plays cuts it short.
class DtmfFeedback : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged FINAL)

public:
    static constexpr int ToneMs = 100;

    // `devices` outlives this object. No default arguments: Qt 6.4 would construct a
    // default-constructible QML singleton itself.
    DtmfFeedback(AudioDevices *devices, QObject *parent);
    ~DtmfFeedback() override;

    // The instance QML sees; the composition root sets it before the QML loads.
    static void setQmlInstance(DtmfFeedback *feedback);
    static DtmfFeedback *create(QQmlEngine *, QJSEngine *);

    // Plays `digit` (0-9, *, #, A-D); false, and nothing plays, for anything else.
    Q_INVOKABLE bool play(const QString &digit);
    // The last playback failure (no playback device, the device refused); empty while all is well.
    QString errorString() const { return m_error; }

    // The digit's tone as mono 16-bit PCM at `sampleRate`: ToneMs of DTMF made at 8 kHz, then resampled.
    // Empty with *error for a character that is not a DTMF digit.
    static QByteArray render(QChar digit, int sampleRate, QString *error);
    static bool isDigit(QChar digit);

Q_SIGNALS:
    void errorStringChanged();

private:
    void setError(const QString &error);

    AudioDevices *m_devices;
    PcmOutput *m_output;
    QString m_error;
};
