#pragma once

#include <QtCore/qbytearray.h>
#include <QtCore/qlist.h>
#include <QtCore/qstring.h>

#include <optional>

// The audio part of an SDP offer or answer (RFC 4566, RFC 3264), as far as this console uses it: the
// first audio stream's address, port, formats in the sender's order, direction and RFC 4733
// telephone-event payload type. Codecs: G.711 µ-law and A-law (static 0 and 8), G.722 (static 9,
// "G722/8000" although it samples at 16 kHz, RFC 3551 4.5.2) and Opus (dynamic, "opus/48000/2", RFC
// 7587); a dynamic type names its codec by rtpmap. Anything else is listed as Codec::None.
struct SipSdp
{
    enum class Codec { None, Pcmu, Pcma, G722, Opus };

    // One payload type of the m= line: what it carries and its fmtp parameters (as sent, trimmed).
    struct Format
    {
        int payloadType = -1; // -1: no format (nothing in common)
        Codec codec = Codec::None;
        QByteArray parameters;
        bool operator==(const Format &) const = default;
    };

    QByteArray address; // c= of the stream, or of the session
    quint16 port = 0; // 0: the stream is refused
    QList<Format> formats; // in the sender's order, 64 at most
    QByteArray direction = "sendrecv";
    int telephoneEvent = -1; // payload type of telephone-event/8000 (RFC 4733), -1 when not offered
    int telephoneEvent48k = -1; // of telephone-event/48000, the clock of an Opus stream (RFC 4733 2.1)
    // a=ptime and a=maxptime (RFC 4566 section 6, RFC 3264 section 5.1): the packet time the sender wants
    // to receive and the longest it takes, in ms; 0 when not given (or not a number from 1 to 1000).
    int ptime = 0;
    int maxptime = 0;
    // The packet time we send with when the far end asks for none (RFC 3551 4.5: 20 ms for G.711 and G.722).
    static constexpr int DefaultPacketMs = 20;

    // The payload types this console offers: telephone-event (at 8 kHz, and at 48 kHz beside Opus), and
    // Opus's dynamic type.
    static constexpr int OfferedTelephoneEvent = 101;
    static constexpr int OfferedTelephoneEvent48k = 102;
    static constexpr int OfferedOpus = 111;
    // The account default (docs/provider-guide.md, "Codecs"): wideband first, G.711 for every PBX.
    static QList<Codec> defaultPreference() { return {Codec::Opus, Codec::G722, Codec::Pcmu, Codec::Pcma}; }

    // nullopt when the text has no usable audio stream (no m=audio, no address, bad port).
    static std::optional<SipSdp> parse(QByteArrayView text);
    // The first of the sender's formats whose codec is in `accepted`; payloadType -1 when none (then
    // an offer is answered 488), or when the stream is refused (port 0).
    Format firstCommon(const QList<Codec> &accepted) const;
    // The telephone-event payload type to use with `codec`: the one on the codec's RTP clock (48 kHz for
    // Opus, else 8 kHz); for Opus the 8 kHz one when that is all there is (common, e.g. baresip). -1: none.
    // *rate (if given) gets its clock rate.
    int telephoneEventFor(Codec codec, int *rate = nullptr) const;
    // The packet time to send `codec` with to this sender: its a=ptime when the codec takes it (else the
    // longest it takes below that, else 20 ms), no longer than its a=maxptime (the longest the codec
    // takes up to that; the shortest when none fits). DefaultPacketMs when the SDP says nothing.
    int packetTimeFor(Codec codec) const;
    // The packet times (ms) we send `codec` with: 10, 20, 30 and 40 for G.711 and G.722; 10, 20 and 40
    // for Opus (whose frames are 2.5 to 60 ms: no 30).
    static QList<int> packetTimes(Codec codec);
    // The codec a static payload type stands for (0, 8, 9), Codec::None for any other.
    static Codec staticCodec(int payloadType);
    // The payload type this console offers `codec` with, and the fmtp it asks for (what it wants to
    // receive; Opus: mono, in-band FEC).
    static int offeredPayloadType(Codec codec);
    static QByteArray offeredParameters(Codec codec);
    // The formats of an offer for `preference` (duplicates and Codec::None skipped).
    static QList<Format> offerFormats(const QList<Codec> &preference);
    // "PCMU", "PCMA", "G722", "opus" (the settings' names, case-insensitive on input).
    static QByteArray codecName(Codec codec);
    static std::optional<Codec> codecFromName(QByteArrayView name);

    // An offer or answer with `formats` in that order (rtpmap for each, fmtp where it has parameters);
    // with telephone-event/8000 and telephone-event/48000 (events 0-15) when their payload type >= 0;
    // `direction` as RFC 3264 (hold: sendonly or inactive); a=ptime: `packetMs`, the packet time we send
    // with (DefaultPacketMs until the far end asks for another, then the one packetTimeFor chose).
    static QByteArray build(const QByteArray &address, quint16 port, quint64 sessionId, quint64 version,
                            const QList<Format> &formats, int telephoneEvent = -1,
                            const QByteArray &direction = "sendrecv", int telephoneEvent48k = -1,
                            int packetMs = DefaultPacketMs);
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
