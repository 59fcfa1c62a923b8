#pragma once

#include "LibreHeaders.h"

#include <QtCore/qbytearray.h>

#include <memory>

class LineAudioEndpoint;

// One call's G.711 RTP stream on libre's thread: packets in go through libre's jitter buffer (jbuf)
// and are decoded into the endpoint's fromLine every 20 ms; every 20 ms 160 samples of toLine (silence
// when the console has none) are encoded and sent. Created and destroyed on the libre thread only.
class LibreRtpStream
{
public:
    ~LibreRtpStream();

    // Opens the RTP socket on `localAddress` (any free even port from 10000 up); nullptr on failure.
    static std::unique_ptr<LibreRtpStream> open(const struct sa &localAddress, QByteArray *error);

    quint16 localPort() const;
    QByteArray localAddress() const;
    // Sets where to send and which payload type (0 PCMU, 8 PCMA) both ways; starts the 20 ms clock.
    void start(const QByteArray &remoteAddress, quint16 remotePort, int payloadType);
    bool isRunning() const { return m_running; }
    std::shared_ptr<LineAudioEndpoint> endpoint() const { return m_endpoint; }
    void setEndpoint(std::shared_ptr<LineAudioEndpoint> endpoint) { m_endpoint = std::move(endpoint); }

private:
    LibreRtpStream() = default;
    static void receive(const struct sa *src, const struct rtp_header *header, struct mbuf *mb, void *arg);
    static void tick(void *arg);
    void sendFrame();
    void playFrame();

    struct rtp_sock *m_rtp = nullptr;
    struct jbuf *m_jitter = nullptr;
    struct tmr m_timer
    {
    };
    struct sa m_remote
    {
    };
    int m_payloadType = 0;
    quint32 m_timestamp = 0;
    bool m_marker = true;
    bool m_running = false;
    quint64 m_nextFrameMs = 0;
    std::shared_ptr<LineAudioEndpoint> m_endpoint;
};
