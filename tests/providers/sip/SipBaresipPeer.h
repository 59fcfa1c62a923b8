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
    // Before start(): baresip also takes commands over TCP (its ctrl_tcp module, on a free port).
    void enableControl() { m_control = true; }
    // Sends one command as ctrl_tcp takes it (a netstring of {"command", "params"}), e.g. "sndcode" "12#"
    // (DTMF digits on the current call); false when it cannot be delivered.
    bool command(const QByteArray &command, const QByteArray &params);
    // The DTMF digits baresip received so far (its CALL_DTMF_START events on the control connection).
    QString digitsReceived();
    // Waits (at most `ms`) until baresip has printed `text`.
    bool waitForOutput(const QByteArray &text, int ms);
    // Whether it records what it hears (sndfile; before start(), on by default). bench_sip turns it off
    // so that baresip's CPU figure is its calls' alone.
    void setRecording(bool recording) { m_recording = recording; }
    // Waits (5 s at most) for "baresip is ready".
    bool waitReady();
    // Registers the peer's user at `registrar` (host:port) with `password` instead of listening unregistered:
    // another phone of an address-of-record (dialog-info tests). Call before start().
    void setRegistrar(const QString &registrar, const QString &password)
    {
        m_registrar = registrar;
        m_password = password;
    }
    // Before start(): a phone that plays what it hears and captures what it says, as the console does with
    // every call: baresip's aubridge player and source on one device (what it plays is what it captures
    // next, at its own 20 ms pace), instead of the tone file and no player at all. bench_sip compares the
    // CPU of the two ends of a call this way; the far end then says back what the console sent it.
    void setPlayAndCapture(bool on) { m_playAndCapture = on; }
    // Before start(): the packet time its account sends with and asks for (a=ptime); 0: baresip's 20 ms.
    void setPacketTime(int ms) { m_packetMs = ms; }
    // Ends it by its PID and waits; afterwards the recording is complete.
    void stop();
    QString log();
    // CPU time (user + system) baresip has used so far, in seconds; -1 when it does not run.
    double cpuSeconds() const;
    // What it heard, mono 16-bit at `*sampleRate` (the first channel of sndfile's decode dump); with
    // `sent`, what it sent (the encode dump). Empty when it recorded nothing.
    QByteArray recording(int *sampleRate, bool sent = false) const;

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    QString m_registrar, m_password;
    void readOutput();

    QByteArray m_output; // what it printed so far (waitReady, waitForOutput), read from its log file
    bool m_control = false;
    quint16 m_controlPort = 0;
    int m_controlFd = -1; // connected once baresip is ready; events arrive on it
    QByteArray m_controlInput; // netstrings not parsed yet
    QString m_digits;
    bool m_recording = true;
    bool m_playAndCapture = false;
    int m_packetMs = 0;
};
