#pragma once

#include <QtCore/qbytearray.h>
#include <QtCore/qprocess.h>
#include <QtCore/qstring.h>
#include <QtCore/qtemporarydir.h>

#include <memory>

// linphonec (Debian's linphone-cli 5.1, liblinphone on belle-sip) as a real far end of the transfer tests,
// on 127.0.0.1 only: its configuration (linphonerc) generated in a temporary HOME, listening for UDP on
// `sipPort` unregistered, no sound card ("soundcard use files": the call's microphone is a tone WAV the
// file player plays, its speaker a WAV file it records), auto-answer. Driven over its standard input with
// linphonec's own commands (call, transfer, terminate, calls); what it prints is kept for the checks.
// Started here, ended by its PID ("quit" first, then SIGTERM, SIGKILL if it hangs).
class SipLinphonePeer
{
public:
    SipLinphonePeer();
    ~SipLinphonePeer();

    // The peer is sip:<user>@127.0.0.1:<sipPort> and plays a sine of `toneHz` into its calls.
    bool start(quint16 sipPort, const QString &user, double toneHz, QString *error);
    // Before start(): its calls go out through this proxy (host:port; it does not register there), so a
    // URI without a port still reaches a phone the proxy knows.
    void setProxy(const QString &hostPort) { m_proxy = hostPort; }
    // Waits (10 s at most) until linphonec took its set-up commands (file sound, player, recorder,
    // auto-answer).
    bool waitReady();
    // One command line, as typed at linphonec's prompt.
    bool command(const QByteArray &line);
    // Waits (at most `ms`) until linphonec has printed `text` at or after offset `from` of its output.
    bool waitForOutput(const QByteArray &text, int ms, qsizetype from = 0);
    // Everything it printed so far (its offsets are those of waitForOutput).
    QByteArray output();
    // Ends it by its PID and waits; afterwards the recording is complete.
    void stop();
    // What it heard in its latest call, mono 16-bit at `*sampleRate` (the record file's first channel);
    // empty when it recorded nothing.
    QByteArray recording(int *sampleRate) const;

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_output;
    QString m_proxy;
};
