#pragma once

#include <QtCore/qlist.h>
#include <QtCore/qprocess.h>
#include <QtCore/qstring.h>
#include <QtCore/qtemporarydir.h>

#include <memory>

class SipLoopbackPeers;

// bench_sip's load generator: sipp playing uac_echo_call.xml toward agent1 through the loopback Kamailio,
// `calls` calls at `rate` per second, each held `holdMs`, the console's RTP echoed back (-rtp_echo) with
// one codec. sipp logs every message with its time, whence each call's set-up time (INVITE to 200 OK).
// Started here with free ports, bounded by sipp's own global timeout, ended by its PID.
class SippEchoCaller
{
public:
    SippEchoCaller();
    ~SippEchoCaller();

    bool start(SipLoopbackPeers &peers, int calls, int rate, int holdMs, int payloadType,
               const QString &rtpmap, QString *error);
    bool isRunning() const { return m_process && m_process->state() != QProcess::NotRunning; }
    // Waits for sipp's end (up to `ms`); true when every call succeeded.
    bool finish(int ms, QString *output);
    // The set-up times (ms) sipp recorded, one per call.
    QList<double> setupTimesMs() const;

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
};
