#include "LibreRtpStream.h"

#include "SipAudioTranscoder.h"
#include "SipLogging.h"
#include "SipPlayout.h"
#include "providers/LineAudioEndpoint.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <vector>

#include <sys/socket.h>

namespace {
constexpr int FrameMs = SipAudioCodec::FrameMs;
// At most this many packets out of the jitter buffer per packet time (10 ms packets: 4 at 40 ms).
constexpr int MaxPacketsPerFrame = 8;
// The jitter buffer holds 1 to 10 packets: 20 ms to 200 ms.
constexpr int JitterMinFrames = 1;
constexpr int JitterMaxFrames = 10;
// At most this many datagrams read per tick (a flood does not hold the thread).
constexpr int MaxReadsPerTick = 64;
constexpr std::size_t DatagramBytes = 8192;
// A clock that was stalled longer than this starts over instead of catching up.
constexpr qint64 MaxCatchUpNs = 200'000'000;
// libre's timers count whole milliseconds and may fire up to one early: a packet time due within it
// is run on this tick rather than another.
constexpr qint64 OwnTickEarlyNs = 1'000'000;
constexpr qint64 MsNs = 1'000'000;

qint64 steadyNowNs()
{
    return std::chrono::steady_clock::now().time_since_epoch().count();
}
} // namespace

LibreRtpStream::LibreRtpStream()
    : m_jitter(JitterMinFrames, JitterMaxFrames)
{ }

LibreRtpStream::~LibreRtpStream()
{
    // First: waits for the mixer if it is inside a packet time of ours.
    if (m_endpoint)
        m_endpoint->setPacketClock(nullptr);
    tmr_cancel(&m_timer);
    mem_deref(m_rtp); // closes the socket (its udp_sock)
    mem_deref(m_received);
    mem_deref(m_sent);
    mem_deref(m_telev);
}

std::unique_ptr<LibreRtpStream> LibreRtpStream::open(const struct sa &localAddress, QByteArray *error)
{
    std::unique_ptr<LibreRtpStream> stream(new LibreRtpStream);
    tmr_init(&stream->m_timer);
    stream->m_received = mbuf_alloc(DatagramBytes);
    stream->m_sent = mbuf_alloc(RTP_HEADER_SIZE + SipAudioCodec::MaxPayload);
    int err = stream->m_received && stream->m_sent ? 0 : ENOMEM;
    if (!err)
        err = telev_alloc(&stream->m_telev, FrameMs);
    if (!err)
        err = rtp_listen(&stream->m_rtp, IPPROTO_UDP, &localAddress, 10000, 60000, false,
                         &LibreRtpStream::receive, nullptr, stream.get());
    if (!err) {
        // libre stops watching the socket (fd_close only leaves its poll; the udp_sock still owns and
        // closes the descriptor): the tick reads it.
        stream->m_fd =
            udp_sock_fd(static_cast<struct udp_sock *>(rtp_sock(stream->m_rtp)), sa_af(&localAddress));
        if (stream->m_fd < 0)
            err = EBADF;
        else
            fd_close(stream->m_fd);
    }
    if (err) {
        *error = QByteArray("no RTP port: ") + strerror(err);
        return nullptr;
    }
    return stream;
}

quint16 LibreRtpStream::localPort() const
{
    return sa_port(rtp_local(m_rtp));
}

QByteArray LibreRtpStream::localAddress() const
{
    char text[64] = {};
    sa_ntop(rtp_local(m_rtp), text, sizeof text);
    return QByteArray(text);
}

int LibreRtpStream::packetMs() const
{
    const std::lock_guard lock(m_lock);
    return int(packetNs() / MsNs);
}

qint64 LibreRtpStream::packetNs() const
{
    return qint64(m_transcoder ? m_transcoder->codec().packetMs() : FrameMs) * MsNs;
}

bool LibreRtpStream::start(const QByteArray &remoteAddress, quint16 remotePort, const SipSdp::Format &format,
                           int packetMs)
{
    std::unique_lock lock(m_lock);
    const bool hadEndpoint = m_endpoint != nullptr;
    sa_set_str(&m_remote, remoteAddress.constData(), remotePort);
    if (!m_transcoder || format.codec != m_format.codec || format.parameters != m_format.parameters) {
        std::unique_ptr<SipAudioCodec> codec = SipAudioCodec::create(format);
        if (!codec) {
            qCWarning(lcSip) << "codec" << SipSdp::codecName(format.codec) << "could not be set up";
            return false;
        }
        if (!m_endpoint)
            m_endpoint = std::make_shared<LineAudioEndpoint>(
                codec->sampleRate(),
                QStringLiteral("SIP RTP %1").arg(QLatin1String(SipSdp::codecName(format.codec))));
        qCInfo(lcSip).noquote() << "RTP" << SipSdp::codecName(format.codec) << "payload type"
                                << format.payloadType << "at" << codec->sampleRate() << "Hz, endpoint at"
                                << m_endpoint->sampleRate() << "Hz";
        if (m_transcoder)
            m_jitter.flush(); // packets of the old codec would decode as noise with the new one
        m_playout.reset();
        m_transcoder = std::make_unique<SipAudioTranscoder>(std::move(codec), m_endpoint->sampleRate());
        m_playout = std::make_unique<SipPlayout>(*m_transcoder);
        m_playedAhead = 0;
        m_marker = true; // a new codec starts a talkspurt
    }
    if (packetMs != m_transcoder->codec().packetMs()) {
        if (!m_transcoder->setPacketMs(packetMs))
            m_transcoder->setPacketMs(FrameMs); // SipSdp::packetTimeFor gives only what the codec takes
        qCInfo(lcSip) << "RTP packets of" << m_transcoder->codec().packetMs() << "ms";
        // Events go out one packet per packet time: telev counts their duration in it.
        struct telev *telev = nullptr;
        if (telev_alloc(&telev, uint32_t(m_transcoder->codec().packetMs())) == 0) {
            telev_set_srate(telev, uint32_t(m_telephoneEventRate));
            mem_deref(m_telev);
            m_telev = telev;
        }
    }
    m_format = format;
    if (!m_running) {
        m_running = true;
        drainSocket(false); // what came before the stream ran was never played, as before
        m_nextPacketNs = steadyNowNs();
        m_lastReceiveNs = m_nextPacketNs;
        tmr_start(&m_timer, 0, &LibreRtpStream::tick, this);
    }
    lock.unlock();
    // Not under our lock: the endpoint's lock comes first when the mixer calls in.
    if (!hadEndpoint)
        m_endpoint->setPacketClock(this);
    return true;
}

void LibreRtpStream::setDirection(bool send, bool expectReceive)
{
    const std::lock_guard lock(m_lock);
    m_sending = send;
    if (expectReceive && !m_expectReceive)
        m_lastReceiveNs = steadyNowNs(); // the wait starts now, not when the far end went quiet on hold
    m_expectReceive = expectReceive;
}

void LibreRtpStream::setReceiveTimeout(int ms, std::function<void()> timedOut)
{
    const std::lock_guard lock(m_lock);
    m_receiveTimeoutMs = ms;
    m_lastReceiveNs = steadyNowNs();
    m_timeoutHandler = std::move(timedOut);
}

void LibreRtpStream::setDigitHandler(std::function<void(QChar)> handler)
{
    const std::lock_guard lock(m_lock);
    m_digitHandler = std::move(handler);
}

void LibreRtpStream::setTelephoneEvent(int payloadType, int clockRate)
{
    const std::lock_guard lock(m_lock);
    m_telephoneEvent = payloadType;
    m_telephoneEventRate = clockRate;
    telev_set_srate(m_telev, uint32_t(clockRate));
}

bool LibreRtpStream::sendDigit(QChar digit)
{
    const int code = telev_digit2code(digit.toLatin1());
    const std::lock_guard lock(m_lock);
    if (m_telephoneEvent < 0 || code < 0 || !m_running)
        return false;
    // Start, then end: telev sends the event for at least its minimum length, then the end packets.
    return telev_send(m_telev, code, false) == 0 && telev_send(m_telev, 0, true) == 0;
}

void LibreRtpStream::receive(const struct sa *, const struct rtp_header *header, struct mbuf *mb, void *arg)
{
    auto *self = static_cast<LibreRtpStream *>(arg);
    if (!self->m_running || !mbuf_get_left(mb))
        return;
    self->m_lastReceiveNs = steadyNowNs();
    // The far end sends with the types it announced, or (answering our offer) with ours.
    if (header->pt == self->m_format.payloadType
        || header->pt == SipSdp::offeredPayloadType(self->m_format.codec))
        self->m_jitter.put(header->seq, std::span<const uint8_t>(mbuf_buf(mb), mbuf_get_left(mb)));
    else if (header->pt == self->m_telephoneEvent || header->pt == SipSdp::OfferedTelephoneEvent
             || header->pt == SipSdp::OfferedTelephoneEvent48k)
        self->receiveEvent(mb);
}

void LibreRtpStream::receiveEvent(struct mbuf *mb)
{
    int event = -1;
    bool end = false;
    if (telev_recv(m_telev, mb, &event, &end) != 0)
        return; // a repeat of the event or of its end
    // A digit counts once: at its start, or at its end when the start packets were lost.
    const bool report = !end || !m_eventStarted;
    m_eventStarted = !end;
    const int digit = telev_code2digit(event);
    if (report && digit > 0 && m_digitHandler)
        m_digitHandler(QChar(digit));
}

void LibreRtpStream::drainSocket(bool keep)
{
    for (int i = 0; i < MaxReadsPerTick; ++i) {
        struct mbuf *mb = m_received;
        struct sa source;
        sa_init(&source, AF_UNSPEC);
        source.len = sizeof source.u;
        const ssize_t n = ::recvfrom(m_fd, mb->buf, mb->size, MSG_DONTWAIT, &source.u.sa, &source.len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return; // EAGAIN: nothing more now (or an error the next tick meets again)
        }
        if (!keep)
            continue;
        mb->pos = 0;
        mb->end = std::size_t(n);
        struct rtp_header header
        {
        };
        if (rtp_decode(m_rtp, mb, &header) == 0)
            receive(&source, &header, mb, this);
    }
}

int LibreRtpStream::takeDuePacketTimes(qint64 nowNs)
{
    if (!m_running || m_nextPacketNs > nowNs)
        return -1;
    if (nowNs > m_nextPacketNs + MaxCatchUpNs)
        m_nextPacketNs = nowNs;
    const qint64 packet = packetNs();
    const auto due = int((nowNs - m_nextPacketNs) / packet) + 1;
    m_nextPacketNs += due * packet;
    return due;
}

void LibreRtpStream::tick(void *arg)
{
    auto *self = static_cast<LibreRtpStream *>(arg);
    std::unique_lock lock(self->m_lock);
    const qint64 now = steadyNowNs();
    if (!self->m_driven) {
        // Frames the mixer received but did not have sent before it gave the clock back go first.
        for (; self->m_sendsDue > 0; --self->m_sendsDue)
            self->sendFrame();
        self->drainSocket(true);
        for (int due = self->takeDuePacketTimes(now + OwnTickEarlyNs); due > 0; --due) {
            self->sendFrame();
            self->playFrame(true);
        }
    }
    if (self->m_receiveTimeoutMs > 0 && self->m_expectReceive && !self->m_timedOut
        && now > self->m_lastReceiveNs + qint64(self->m_receiveTimeoutMs) * MsNs && self->m_timeoutHandler) {
        self->m_timedOut = true;
        const std::function<void()> timedOut = std::move(self->m_timeoutHandler);
        lock.unlock();
        timedOut(); // may destroy this stream: nothing of it is used after
        return;
    }
    const qint64 next = self->m_driven ? now + qint64(DrivenCheckMs) * MsNs : self->m_nextPacketNs;
    const qint64 waitMs = std::max<qint64>(0, (next - now + MsNs - 1) / MsNs);
    tmr_start(&self->m_timer, uint64_t(waitMs), &LibreRtpStream::tick, self);
}

void LibreRtpStream::setDriven(bool driven)
{
    const std::lock_guard lock(m_lock);
    m_driven = driven;
}

qint64 LibreRtpStream::nextPacketNs() const
{
    const std::lock_guard lock(m_lock);
    return m_running && m_driven ? m_nextPacketNs : 0;
}

int LibreRtpStream::receivePackets(qint64 nowNs)
{
    const std::lock_guard lock(m_lock);
    if (!m_driven)
        return 0;
    const int due = takeDuePacketTimes(nowNs);
    if (due <= 0)
        return 0;
    drainSocket(true);
    for (int i = 0; i < due; ++i)
        playFrame(false); // the mixer takes it next, in this cycle
    m_sendsDue += due;
    return due;
}

void LibreRtpStream::sendPackets()
{
    const std::lock_guard lock(m_lock);
    for (; m_sendsDue > 0; --m_sendsDue)
        sendFrame();
}

void LibreRtpStream::sendFrame()
{
    const auto frameTicks = quint32(m_transcoder->codec().frameTicks());
    std::vector<int16_t> &pcm = m_frame;
    pcm.assign(std::size_t(m_transcoder->endpointFrameSamples()), 0);
    const std::size_t got = m_endpoint->toLine.read(pcm);
    if (got < pcm.size() && got > 0)
        m_endpoint->underruns.fetch_add(1, std::memory_order_relaxed);
    // Half a frame or more still waiting is delay the console added once (its audio thread or this one
    // was late; in step the mixer leaves next to nothing behind): dropped, so that the agent's delay to
    // the far end does not keep it for the rest of the call.
    if (const std::size_t behind = m_endpoint->toLine.available(); behind >= pcm.size() / 2) {
        m_skipped.resize(behind);
        m_endpoint->toLine.read(m_skipped);
    }
    // The one send buffer: rtp_send writes the header in front of the payload and sends at once.
    struct mbuf *mb = m_sent;
    mb->pos = mb->end = RTP_HEADER_SIZE;
    bool eventMarker = false;
    if (m_telephoneEvent >= 0 && telev_poll(m_telev, &eventMarker, mb) == 0) {
        // An RFC 4733 event replaces the audio frame; all its packets carry its start's timestamp.
        if (eventMarker)
            m_eventTimestamp = m_timestamp;
        mb->pos = RTP_HEADER_SIZE;
        rtp_send(m_rtp, &m_remote, false, eventMarker, uint8_t(m_telephoneEvent), m_eventTimestamp, mb);
        m_timestamp += frameTicks;
        return;
    }
    if (!m_sending) {
        m_timestamp += frameTicks;
        return;
    }
    // Encoded straight into the buffer behind the header's room.
    const std::size_t bytes =
        m_transcoder->encode(pcm, std::span<uint8_t>(mb->buf + RTP_HEADER_SIZE, SipAudioCodec::MaxPayload));
    if (bytes > 0) {
        mb->end = RTP_HEADER_SIZE + bytes;
        mb->pos = RTP_HEADER_SIZE;
        rtp_send(m_rtp, &m_remote, false, m_marker, uint8_t(m_format.payloadType), m_timestamp, mb);
        m_marker = false;
    }
    m_timestamp += frameTicks;
}

void LibreRtpStream::playFrame(bool announce)
{
    // This packet time plays endpointFrameSamples(): take packets until that much is there; what a long
    // packet gives beyond it counts for the next times (never a debt: see below).
    const int frame = m_transcoder->endpointFrameSamples();
    m_playedAhead -= frame;
    std::vector<int16_t> &pcm = m_decoded;
    pcm.clear();
    // A packet time that finds nothing (the due packet a little late, or lost) plays nothing and is not
    // owed to the next: taking two packets then would only move the late one's delay past the jitter
    // buffer, into the mixer's queue, where nothing takes it back out. Left in the jitter buffer it is
    // depth above the target, which goes if it stands (shed below). A packet really lost is concealed
    // when the one after it comes out (SipPlayout::packet). A far end that stops sending (hold, DTX, a
    // network gone) leaves silence: the bridge plays what it has.
    SipJitterBuffer::Packet packet;
    for (int i = 0; m_playedAhead + int(pcm.size()) < 0 && i < MaxPacketsPerFrame && m_jitter.get(&packet);
         ++i)
        m_playout->packet(packet.sequence, packet.payload, pcm);
    m_jitter.frameDone();
    // A depth that stood above the target (a stall, then a burst) goes one packet per packet time: the
    // packet is decoded (the codec's state goes on) and merged into this frame's end.
    if (!pcm.empty() && m_jitter.shed(&packet)) {
        const std::size_t before = pcm.size();
        if (m_playout->packet(packet.sequence, packet.payload, pcm))
            SipPlayout::shorten(pcm, pcm.size() - before);
    }
    m_playedAhead = std::max(0, m_playedAhead + int(pcm.size()));
    if (m_endpoint->fromLine.write(pcm) < pcm.size())
        m_endpoint->overruns.fetch_add(1, std::memory_order_relaxed);
    if (announce && !pcm.empty())
        m_endpoint->notifyFromLine(); // the mixer takes the frame now, not at its next cycle
}
