#include "SipSdp.h"

#include <algorithm>

namespace {

QByteArrayView trimmedLine(QByteArrayView line)
{
    while (!line.isEmpty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
        line.chop(1);
    return line;
}

// "IN IP4 192.0.2.1" (IP6 too): the address, or empty.
QByteArray connectionAddress(QByteArrayView value)
{
    const QList<QByteArray> fields = value.toByteArray().split(' ');
    if (fields.size() < 3 || fields.at(0) != "IN" || (fields.at(1) != "IP4" && fields.at(1) != "IP6"))
        return {};
    QByteArray address = fields.at(2);
    const qsizetype slash = address.indexOf('/'); // multicast TTL
    if (slash >= 0)
        address.truncate(slash);
    return address;
}

// "PCMU/8000", "G722/8000/1", "opus/48000/2" (RFC 4566 rtpmap: name/clock rate[/channels]): the codec,
// or None for anything else or anything malformed. Opus must say 48000/2 (RFC 7587 section 7).
SipSdp::Codec codecForEncoding(QByteArrayView encoding)
{
    const QList<QByteArray> parts = encoding.toByteArray().trimmed().split('/');
    if (parts.size() < 2 || parts.size() > 3)
        return SipSdp::Codec::None;
    bool ok = false;
    const int rate = parts.at(1).toInt(&ok);
    if (!ok)
        return SipSdp::Codec::None;
    int channels = 1;
    if (parts.size() == 3) {
        channels = parts.at(2).toInt(&ok);
        if (!ok)
            return SipSdp::Codec::None;
    }
    const std::optional<SipSdp::Codec> codec = SipSdp::codecFromName(parts.at(0));
    if (!codec)
        return SipSdp::Codec::None;
    if (*codec == SipSdp::Codec::Opus)
        return rate == 48000 && channels == 2 ? *codec : SipSdp::Codec::None;
    return rate == 8000 && channels == 1 ? *codec : SipSdp::Codec::None;
}

// "<payload type> <rest>" of an rtpmap or fmtp attribute: the type (-1 when malformed) and the rest.
std::pair<int, QByteArrayView> splitPayloadType(QByteArrayView value)
{
    const qsizetype space = value.indexOf(' ');
    if (space <= 0 || space > 3)
        return {-1, {}};
    bool ok = false;
    const int pt = value.first(space).toByteArray().toInt(&ok);
    if (!ok || pt < 0 || pt > 127)
        return {-1, {}};
    QByteArrayView rest = value.sliced(space + 1);
    while (!rest.isEmpty() && (rest.front() == ' ' || rest.front() == '\t'))
        rest = rest.sliced(1);
    return {pt, rest};
}

// fmtp values longer than this are not parameters any codec here has: ignored.
constexpr qsizetype MaxParameters = 256;

} // namespace

std::optional<SipSdp> SipSdp::parse(QByteArrayView text)
{
    SipSdp sdp;
    QByteArray sessionAddress;
    QByteArray sessionDirection;
    bool inAudio = false;
    bool sawAudio = false;
    bool sawMedia = false; // any m= line: what follows is no longer session-level
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype end = text.indexOf('\n', start);
        if (end < 0)
            end = text.size();
        const QByteArrayView line = trimmedLine(text.sliced(start, end - start));
        start = end + 1;
        if (line.size() < 2 || line[1] != '=')
            continue;
        const char type = line[0];
        const QByteArrayView value = line.sliced(2);
        if (type == 'm') {
            sawMedia = true;
            if (sawAudio) {
                inAudio = false; // only the first audio stream is ours
                continue;
            }
            const QList<QByteArray> fields = value.toByteArray().split(' ');
            inAudio = fields.size() >= 4 && fields.at(0) == "audio";
            if (!inAudio)
                continue;
            sawAudio = true;
            bool ok = false;
            const uint port = fields.at(1).split('/').front().toUInt(&ok);
            if (!ok || port > 65535 || !fields.at(2).startsWith("RTP/AVP"))
                return std::nullopt;
            sdp.port = quint16(port);
            for (qsizetype i = 3; i < fields.size(); ++i) {
                const int pt = fields.at(i).toInt(&ok);
                if (!ok || pt < 0 || pt > 127)
                    return std::nullopt;
                const bool listed =
                    std::any_of(sdp.formats.cbegin(), sdp.formats.cend(),
                                [pt](const Format &format) { return format.payloadType == pt; });
                if (sdp.formats.size() < 64 && !listed)
                    sdp.formats.append({pt, staticCodec(pt), {}});
            }
        } else if (type == 'c') {
            const QByteArray address = connectionAddress(value);
            if (inAudio)
                sdp.address = address;
            else if (!sawAudio)
                sessionAddress = address;
        } else if (type == 'a') {
            const QByteArrayView attribute = value;
            if (attribute == "sendrecv" || attribute == "sendonly" || attribute == "recvonly"
                || attribute == "inactive") {
                if (inAudio)
                    sdp.direction = attribute.toByteArray();
                else if (!sawAudio)
                    sessionDirection = attribute.toByteArray();
            } else if (attribute.startsWith("ptime:") || attribute.startsWith("maxptime:")) {
                const bool max = attribute.startsWith("maxptime:");
                bool ok = false;
                const int ms = attribute.sliced(max ? 9 : 6).trimmed().toInt(&ok);
                if (!ok || ms < 1 || ms > 1000 || (!inAudio && sawMedia))
                    continue;
                // A media-level value wins over the session's (given before the m= line).
                (max ? sdp.maxptime : sdp.ptime) = ms;
            } else if (inAudio && (attribute.startsWith("rtpmap:") || attribute.startsWith("fmtp:"))) {
                const bool rtpmap = attribute.startsWith("rtpmap:");
                // Not a structured binding: clang 14 (the fuzz build) cannot capture one.
                const std::pair<int, QByteArrayView> split =
                    splitPayloadType(attribute.sliced(rtpmap ? 7 : 5));
                const int pt = split.first;
                const QByteArrayView rest = split.second;
                auto format = std::find_if(sdp.formats.begin(), sdp.formats.end(),
                                           [pt](const Format &f) { return f.payloadType == pt; });
                if (pt < 0 || rest.isEmpty() || format == sdp.formats.end())
                    continue;
                if (!rtpmap) {
                    if (rest.size() <= MaxParameters)
                        format->parameters = rest.toByteArray();
                    continue;
                }
                if (pt < 96)
                    continue; // a static type's codec is fixed (RFC 3551): its rtpmap only repeats it
                format->codec = codecForEncoding(rest);
                const QByteArray encoding = rest.toByteArray().trimmed().toLower();
                if (sdp.telephoneEvent < 0
                    && (encoding == "telephone-event/8000" || encoding == "telephone-event/8000/1"))
                    sdp.telephoneEvent = pt;
                else if (sdp.telephoneEvent48k < 0
                         && (encoding == "telephone-event/48000" || encoding == "telephone-event/48000/1"))
                    sdp.telephoneEvent48k = pt;
            }
        }
    }
    if (!sawAudio)
        return std::nullopt;
    if (sdp.address.isEmpty())
        sdp.address = sessionAddress;
    if (sdp.address.isEmpty())
        return std::nullopt;
    if (!sessionDirection.isEmpty() && sdp.direction == "sendrecv")
        sdp.direction = sessionDirection;
    return sdp;
}

SipSdp::Format SipSdp::firstCommon(const QList<Codec> &accepted) const
{
    if (port == 0)
        return {};
    for (const Format &format : formats) {
        if (format.codec != Codec::None && accepted.contains(format.codec))
            return format;
    }
    return {};
}

int SipSdp::telephoneEventFor(Codec codec, int *rate) const
{
    const bool wide = codec == Codec::Opus && telephoneEvent48k >= 0;
    if (rate)
        *rate = wide ? 48000 : 8000;
    return wide ? telephoneEvent48k : telephoneEvent;
}

QList<int> SipSdp::packetTimes(Codec codec)
{
    if (codec == Codec::Opus)
        return {10, 20, 40};
    if (codec == Codec::None)
        return {};
    return {10, 20, 30, 40};
}

int SipSdp::packetTimeFor(Codec codec) const
{
    const QList<int> allowed = packetTimes(codec);
    if (allowed.isEmpty())
        return DefaultPacketMs;
    // The longest allowed no longer than `limit`; `fallback` when none is.
    auto longestUpTo = [&allowed](int limit, int fallback) {
        int best = fallback;
        for (int ms : allowed) {
            if (ms <= limit)
                best = ms;
        }
        return best;
    };
    int ms =
        ptime > 0 ? (allowed.contains(ptime) ? ptime : longestUpTo(ptime, DefaultPacketMs)) : DefaultPacketMs;
    if (maxptime > 0 && ms > maxptime)
        ms = longestUpTo(maxptime, allowed.front());
    return ms;
}

SipSdp::Codec SipSdp::staticCodec(int payloadType)
{
    switch (payloadType) {
    case 0:
        return Codec::Pcmu;
    case 8:
        return Codec::Pcma;
    case 9:
        return Codec::G722;
    default:
        return Codec::None;
    }
}

int SipSdp::offeredPayloadType(Codec codec)
{
    switch (codec) {
    case Codec::Pcmu:
        return 0;
    case Codec::Pcma:
        return 8;
    case Codec::G722:
        return 9;
    case Codec::Opus:
        return OfferedOpus;
    case Codec::None:
        break;
    }
    return -1;
}

QByteArray SipSdp::offeredParameters(Codec codec)
{
    // RFC 7587 section 7: we play mono, take FEC; the far end may send any bandwidth up to fullband.
    return codec == Codec::Opus ? QByteArray("maxplaybackrate=48000;stereo=0;sprop-stereo=0;useinbandfec=1")
                                : QByteArray();
}

QList<SipSdp::Format> SipSdp::offerFormats(const QList<Codec> &preference)
{
    QList<Format> formats;
    for (Codec codec : preference) {
        const bool listed = std::any_of(formats.cbegin(), formats.cend(),
                                        [codec](const Format &format) { return format.codec == codec; });
        if (codec != Codec::None && !listed)
            formats.append({offeredPayloadType(codec), codec, offeredParameters(codec)});
    }
    return formats;
}

QByteArray SipSdp::codecName(Codec codec)
{
    switch (codec) {
    case Codec::Pcmu:
        return "PCMU";
    case Codec::Pcma:
        return "PCMA";
    case Codec::G722:
        return "G722";
    case Codec::Opus:
        return "opus";
    case Codec::None:
        break;
    }
    return {};
}

std::optional<SipSdp::Codec> SipSdp::codecFromName(QByteArrayView name)
{
    for (Codec codec : {Codec::Pcmu, Codec::Pcma, Codec::G722, Codec::Opus}) {
        if (name.compare(codecName(codec), Qt::CaseInsensitive) == 0)
            return codec;
    }
    return std::nullopt;
}

QByteArray SipSdp::build(const QByteArray &address, quint16 port, quint64 sessionId, quint64 version,
                         const QList<Format> &formats, int telephoneEvent, const QByteArray &direction,
                         int telephoneEvent48k, int packetMs)
{
    const QByteArray family = address.contains(':') ? "IP6" : "IP4";
    QByteArray sdp = "v=0\r\n";
    sdp += "o=hookline " + QByteArray::number(sessionId) + ' ' + QByteArray::number(version) + " IN " + family
        + ' ' + address + "\r\n";
    sdp += "s=-\r\nc=IN " + family + ' ' + address + "\r\nt=0 0\r\n";
    sdp += "m=audio " + QByteArray::number(port) + " RTP/AVP";
    for (const Format &format : formats)
        sdp += ' ' + QByteArray::number(format.payloadType);
    if (telephoneEvent >= 0)
        sdp += ' ' + QByteArray::number(telephoneEvent);
    if (telephoneEvent48k >= 0)
        sdp += ' ' + QByteArray::number(telephoneEvent48k);
    sdp += "\r\n";
    for (const Format &format : formats) {
        const QByteArray pt = QByteArray::number(format.payloadType);
        if (format.codec == Codec::Opus)
            sdp += "a=rtpmap:" + pt + " opus/48000/2\r\n";
        else if (format.codec != Codec::None)
            sdp += "a=rtpmap:" + pt + ' ' + codecName(format.codec) + "/8000\r\n";
        if (!format.parameters.isEmpty())
            sdp += "a=fmtp:" + pt + ' ' + format.parameters + "\r\n";
    }
    for (const auto &[pt, rate] :
         {std::pair {telephoneEvent, "8000"}, std::pair {telephoneEvent48k, "48000"}}) {
        if (pt < 0)
            continue;
        const QByteArray type = QByteArray::number(pt);
        sdp += "a=rtpmap:" + type + " telephone-event/" + rate + "\r\na=fmtp:" + type + " 0-15\r\n";
    }
    // What we send: the far end may read our a=ptime as what we want to receive (RFC 4566 6) and most
    // echo the value they were offered, so saying what we send keeps both ways on one packet time.
    sdp += "a=ptime:" + QByteArray::number(packetMs > 0 ? packetMs : DefaultPacketMs) + "\r\na=" + direction
        + "\r\n";
    return sdp;
}

QByteArray SipSdp::answerDirection(const QByteArray &offered, bool holding)
{
    if (offered == "inactive")
        return "inactive";
    if (offered == "sendonly")
        return holding ? "inactive" : "recvonly";
    if (offered == "recvonly")
        return "sendonly";
    return holding ? "sendonly" : "sendrecv";
}
