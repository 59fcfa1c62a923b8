#pragma once

#include "LibreHeaders.h"
#include "SipAudioCodec.h"
#include "SipJitterBuffer.h"
#include "SipSdp.h"
#include "providers/LinePacketClock.h"

#include <QtCore/qbytearray.h>

#include <functional>
#include <memory>
#include <mutex>
#include <vector>

class LineAudioEndpoint;
class SipAudioTranscoder;
class SipPlayout;

// One call's RTP stream on libre's thread, woken once per packet time (the far end's a=ptime, 20 ms by
// default) by its own timer and by nothing else: libre does not watch the RTP socket (a wake-up per
// packet received cost as much as the clock's own); each tick first reads every packet that arrived
// since the last one, so a packet waits for the next tick in the socket instead of in the jitter buffer,
// which costs no delay. Packets in go through SipJitterBuffer (a target depth it returns to after a
// stall) and SipPlayout (lost packets concealed, Opus's recovered by in-band FEC) into the endpoint's
// fromLine; at each tick one frame of toLine (silence when the console has none) is encoded and sent,
// the timestamp moving by the codec's RTP clock (SipAudioCodec: G.711, G.722, Opus), and as much audio is
// taken out of the jitter buffer as that time plays (one packet, two of 10 ms, or a 40 ms one every other
// time). The endpoint is made at the first codec's sample rate. DTMF both ways as RFC 4733
// telephone-events (libre's telev); a far end that sends nothing for the timeout is reported once.
// Nothing is allocated per packet (one receive and one send buffer). Created and destroyed on the libre
// thread only.
//
// While the console's mixer bridges the call it drives the packet times itself (LinePacketClock): the
// packet work runs on the audio thread inside the mixer's cycle, the far end's packets just before it
// takes them and the agent's frame just after it wrote it, and this stream's own timer only looks for
// the receive timeout (every DrivenCheckMs). libre's socket and RTP calls used there are made for a
// sending thread of its own (baresip sends from its audio thread): rtp_send and rtp_decode keep their
// RTCP counts under libre's lock. The stream's state is under m_lock; the digit handler may then run
// on the audio thread, the timeout handler always runs on libre's.
class LibreRtpStream : public LinePacketClock
{
public:
    ~LibreRtpStream() override;
    // While the mixer drives the packets, the own timer's look at the receive timeout (and at the
    // mixer giving the clock back) comes this often.
    static constexpr int DrivenCheckMs = 200;

    // Opens the RTP socket on `localAddress` (any free even port from 10000 up); nullptr on failure.
    static std::unique_ptr<LibreRtpStream> open(const struct sa &localAddress, QByteArray *error);

    quint16 localPort() const;
    QByteArray localAddress() const;
    // Sets where to send, the negotiated format (the far end's payload type, its codec and fmtp) and the
    // packet time to send with (SipSdp::packetTimeFor); starts the clock. False when the codec cannot be
    // set up (then nothing is sent).
    bool start(const QByteArray &remoteAddress, quint16 remotePort, const SipSdp::Format &format,
               int packetMs = SipAudioCodec::FrameMs);
    int packetMs() const;
    bool isRunning() const { return m_running; }
    // What the negotiated direction allows: sending audio, and expecting the far end's (for the timeout).
    void setDirection(bool send, bool expectReceive);
    // The telephone-event payload type the far end takes (-1: none negotiated) and its clock rate
    // (durations count in it: 8000, or 48000 beside Opus).
    void setTelephoneEvent(int payloadType, int clockRate);
    int telephoneEvent() const { return m_telephoneEvent; }
    // Queues one digit (0-9 * # A-D) as an event of at least 100 ms; false if it cannot go out.
    bool sendDigit(QChar digit);
    // Called (last thing, from the 20 ms clock) once no packet came for `ms` while one was expected; 0:
    // never.
    void setReceiveTimeout(int ms, std::function<void()> timedOut);
    // Called for each digit the far end sends as an RFC 4733 event.
    void setDigitHandler(std::function<void(QChar)> handler);
    // Null until start() had a codec.
    std::shared_ptr<LineAudioEndpoint> endpoint() const { return m_endpoint; }

    // LinePacketClock, on the mixer's thread.
    void setDriven(bool driven) override;
    qint64 nextPacketNs() const override;
    int receivePackets(qint64 nowNs) override;
    void sendPackets() override;

private:
    LibreRtpStream();
    static void receive(const struct sa *src, const struct rtp_header *header, struct mbuf *mb, void *arg);
    static void tick(void *arg);
    qint64 packetNs() const;
    // Reads what the socket holds (at most a bound's worth per tick); with `keep` false it is dropped.
    void drainSocket(bool keep);
    // Packet times due by `nowNs` (a stall longer than MaxCatchUpMs starts over), counted out of
    // m_nextPacketNs; -1 when none is due (the socket not read).
    int takeDuePacketTimes(qint64 nowNs);
    void sendFrame();
    void playFrame(bool announce);
    void receiveEvent(struct mbuf *mb);

    struct rtp_sock *m_rtp = nullptr;
    int m_fd = -1; // the RTP socket, read on the tick
    struct mbuf *m_received = nullptr; // one datagram read
    struct mbuf *m_sent = nullptr; // one packet to send
    SipJitterBuffer m_jitter;
    struct tmr m_timer
    {
    };
    struct sa m_remote
    {
    };
    SipSdp::Format m_format;
    std::unique_ptr<SipAudioTranscoder> m_transcoder;
    std::unique_ptr<SipPlayout> m_playout; // on m_transcoder
    int m_playedAhead = 0; // samples (endpoint rate) written to fromLine beyond the packet times (>= 0)
    std::vector<int16_t> m_frame; // one frame of toLine, kept to spare an allocation per frame
    std::vector<int16_t> m_decoded;
    std::vector<int16_t> m_skipped; // agent audio dropped when a whole frame more was waiting
    mutable std::mutex m_lock;
    quint32 m_timestamp = 0;
    bool m_marker = true;
    bool m_running = false;
    bool m_driven = false; // the mixer runs the packet times
    int m_sendsDue = 0; // packet times received by the mixer whose frame it has not had sent yet
    qint64 m_nextPacketNs = 0; // std::chrono::steady_clock
    std::shared_ptr<LineAudioEndpoint> m_endpoint;
    bool m_sending = true;
    bool m_expectReceive = true;
    qint64 m_lastReceiveNs = 0;
    int m_receiveTimeoutMs = 0;
    bool m_timedOut = false;
    std::function<void()> m_timeoutHandler;
    struct telev *m_telev = nullptr;
    int m_telephoneEvent = -1;
    int m_telephoneEventRate = 8000;
    quint32 m_eventTimestamp = 0;
    bool m_eventStarted = false; // a received event's start was reported (its end is not reported again)
    std::function<void(QChar)> m_digitHandler;
};
