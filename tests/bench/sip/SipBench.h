#pragma once

#include <QtCore/qlist.h>
#include <QtCore/qstring.h>

#include <functional>
#include <map>

class SipLoopbackConsole;
class SipLoopbackPeers;

// bench_sip's phases (tests/bench/sip/bench_sip.cpp runs them in turn and prints their figures). Each
// runs against the loopback Kamailio of `peers`, with the console (CallEngine + SIP provider on libre)
// of `console`, registered as agent1.
namespace SipBench {

// Process CPU time (user + system) of this process so far, in seconds.
double processCpuSeconds();
// CPU time on a CPU of each of this process's threads so far, in seconds, summed by thread name (the
// kernel's comm: "hookline-audio" is the mixer, "libre" the SIP stack and RTP; /proc schedstat, ns).
// With `runs`, also how many times each was put on a CPU (wake-ups and returns after preemption), and
// under "<name> sleeps" how many times it went to sleep by itself (its wake-ups alone).
std::map<QString, double> threadCpuSeconds(std::map<QString, double> *runs = nullptr);
// Runs the event loop until `done` or `ms` pass; false on time-out.
bool waitFor(const std::function<bool()> &done, int ms);
// Runs the event loop for `ms` without polling (the CPU figures' windows).
void idle(int ms);
// The p-th percentile (0..100) of `values` (0 when empty).
double percentile(QList<double> values, double p);

// (1) CPU per call: the console calls a baresip far end (one codec, auto-answer) `calls` times; all the
// calls are bridged to the agent's headset (buffer twin) and held for `seconds`. Prints the console's and
// baresip's CPU per call-second. With `farEndPlays`, baresip plays what it hears and captures it back
// (SipBaresipPeer::setPlayAndCapture), as the console plays and captures; else it says a tone file and
// plays nothing. False when a call fails.
bool runCpu(SipLoopbackPeers &peers, SipLoopbackConsole &console, const QString &codec, int calls,
            double seconds, bool farEndPlays);

// (2) Latency: a sipp caller with one codec echoes the console's RTP (-rtp_echo, on loopback); the agent's
// microphone says a short burst every second and the earpiece hears it back. Prints the round trip and
// half of it (the console's added delay each way). False when the call fails.
bool runLatency(SipLoopbackPeers &peers, SipLoopbackConsole &console, int payloadType, const QString &rtpmap,
                double seconds);

// (3, 4) Load: sipp places `calls` calls at `rate` per second (RTP echoed), the console answers each at
// once and reads every call's audio as a bridge would (no headset mix). Prints the set-up times sipp
// measured (INVITE to 200 OK), audio gaps, and the GUI thread's timer intervals. False when a call fails.
bool runLoad(SipLoopbackPeers &peers, SipLoopbackConsole &console, int calls, int rate, double seconds);

} // namespace SipBench
