#pragma once

#include <QtCore/qbytearray.h>
#include <QtCore/qprocess.h>
#include <QtCore/qstring.h>
#include <QtCore/qtemporarydir.h>

#include <memory>

// baresip (Debian's baresip-core 1.0.0) as a real far end of the audio tests, on 127.0.0.1 only: a
// configuration generated in a temporary HOME, one codec (the account's audio_codecs), the aufile
// source playing a tone WAV, the sndfile filter recording what it hears, auto-answer for calls to it,
// and an optional call placed at start (-e "/dial ..."). Started here, ended by its PID (SIGTERM, which
// closes its recordings; SIGKILL if it hangs).
class SipBaresipPeer
{
public:
    SipBaresipPeer();
    ~SipBaresipPeer();

    // `codec` as baresip names it ("PCMU/8000/1", "G722/16000/1", "opus/48000/2"); the peer listens on
    // `sipPort`, is sip:<user>@127.0.0.1 and plays a sine of `toneHz`; `dial`: a SIP URI to call at once.
    bool start(const QString &codec, quint16 sipPort, const QString &user, double toneHz, const QString &dial,
               QString *error);
    // Whether it records what it hears (sndfile; before start(), on by default). bench_sip turns it off
    // so that baresip's CPU figure is its calls' alone.
    void setRecording(bool recording) { m_recording = recording; }
    // Waits (5 s at most) for "baresip is ready".
    bool waitReady();
    // Ends it by its PID and waits; afterwards the recording is complete.
    void stop();
    QString log() const;
    // CPU time (user + system) baresip has used so far, in seconds; -1 when it does not run.
    double cpuSeconds() const;
    // What it heard, mono 16-bit at `*sampleRate` (the first channel of sndfile's decode dump); empty
    // when it recorded nothing.
    QByteArray recording(int *sampleRate) const;

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    bool m_recording = true;
};
