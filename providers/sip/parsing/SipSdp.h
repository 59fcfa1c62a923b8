#pragma once

#include <QtCore/qbytearray.h>
#include <QtCore/qlist.h>
#include <QtCore/qstring.h>

#include <optional>

// The audio part of an SDP offer or answer (RFC 4566, RFC 3264), as far as this console uses it: the
// first audio stream's address, port, payload types in the sender's order, direction and RFC 4733
// telephone-event payload type. G.711 only (payload types 0 PCMU and 8 PCMA, static or by rtpmap);
// other codecs are listed and ignored.
struct SipSdp
{
    enum class Codec { None, Pcmu, Pcma };

    QByteArray address; // c= of the stream, or of the session
    quint16 port = 0; // 0: the stream is refused
    QList<int> payloadTypes;
    QList<Codec> codecs; // per payload type: what it is, Codec::None for anything else
    QByteArray direction = "sendrecv";
    int telephoneEvent = -1; // payload type of telephone-event/8000 (RFC 4733), -1 when not offered

    // The payload type this console offers for telephone-event.
    static constexpr int OfferedTelephoneEvent = 101;

    // nullopt when the text has no usable audio stream (no m=audio, no address, bad port).
    static std::optional<SipSdp> parse(QByteArrayView text);
    // The first of the sender's payload types this console can decode, or -1 (then the answer is 488).
    int firstCommonPayloadType() const;
    static Codec codecOf(int payloadType)
    {
        return payloadType == 0 ? Codec::Pcmu : payloadType == 8 ? Codec::Pcma : Codec::None;
    }

    // An offer with both G.711 laws (µ-law first), or an answer with the one payload type chosen; with
    // telephone-event (events 0-15) when `telephoneEvent` >= 0; `direction` as RFC 3264 (hold: sendonly
    // or inactive).
    static QByteArray build(const QByteArray &address, quint16 port, quint64 sessionId, quint64 version,
                            const QList<int> &payloadTypes, int telephoneEvent = -1,
                            const QByteArray &direction = "sendrecv");
    // The direction of an answer to an offer of `offered`, when this side holds the call (`holding`)
    // or not: RFC 3264 section 6.1.
    static QByteArray answerDirection(const QByteArray &offered, bool holding);
    // Whether an offer with this direction puts this side on hold (the far end sends nothing to us, or
    // only, e.g. music on hold).
    static bool isHoldOffer(const QByteArray &direction)
    {
        return direction == "sendonly" || direction == "inactive";
    }
};
