#include "SipSdp.h"

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

SipSdp::Codec codecForEncoding(QByteArrayView encoding)
{
    const QByteArray name = encoding.toByteArray().toUpper();
    if (name == "PCMU/8000" || name == "PCMU/8000/1")
        return SipSdp::Codec::Pcmu;
    if (name == "PCMA/8000" || name == "PCMA/8000/1")
        return SipSdp::Codec::Pcma;
    return SipSdp::Codec::None;
}

} // namespace

std::optional<SipSdp> SipSdp::parse(QByteArrayView text)
{
    SipSdp sdp;
    QByteArray sessionAddress;
    QByteArray sessionDirection;
    bool inAudio = false;
    bool sawAudio = false;
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
                if (sdp.payloadTypes.size() < 64 && !sdp.payloadTypes.contains(pt)) {
                    sdp.payloadTypes.append(pt);
                    sdp.codecs.append(codecOf(pt));
                }
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
            } else if (inAudio && attribute.startsWith("rtpmap:")) {
                const QByteArrayView map = attribute.sliced(7);
                const qsizetype space = map.indexOf(' ');
                if (space <= 0)
                    continue;
                bool ok = false;
                const int pt = map.first(space).toByteArray().toInt(&ok);
                const qsizetype index = ok ? sdp.payloadTypes.indexOf(pt) : -1;
                if (index >= 0 && pt >= 96) {
                    const QByteArrayView encoding = map.sliced(space + 1);
                    sdp.codecs[index] = codecForEncoding(encoding);
                    if (sdp.telephoneEvent < 0
                        && encoding.toByteArray().toLower().startsWith("telephone-event/8000"))
                        sdp.telephoneEvent = pt;
                }
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

int SipSdp::firstCommonPayloadType() const
{
    if (port == 0)
        return -1;
    for (qsizetype i = 0; i < payloadTypes.size(); ++i) {
        if (codecs.at(i) != Codec::None)
            return payloadTypes.at(i);
    }
    return -1;
}

QByteArray SipSdp::build(const QByteArray &address, quint16 port, quint64 sessionId, quint64 version,
                         const QList<int> &payloadTypes, int telephoneEvent, const QByteArray &direction)
{
    const QByteArray family = address.contains(':') ? "IP6" : "IP4";
    QByteArray sdp = "v=0\r\n";
    sdp += "o=hookline " + QByteArray::number(sessionId) + ' ' + QByteArray::number(version) + " IN " + family
        + ' ' + address + "\r\n";
    sdp += "s=-\r\nc=IN " + family + ' ' + address + "\r\nt=0 0\r\n";
    sdp += "m=audio " + QByteArray::number(port) + " RTP/AVP";
    for (int pt : payloadTypes)
        sdp += ' ' + QByteArray::number(pt);
    if (telephoneEvent >= 0)
        sdp += ' ' + QByteArray::number(telephoneEvent);
    sdp += "\r\n";
    for (int pt : payloadTypes) {
        const Codec codec = codecOf(pt);
        if (codec == Codec::Pcmu)
            sdp += "a=rtpmap:0 PCMU/8000\r\n";
        else if (codec == Codec::Pcma)
            sdp += "a=rtpmap:8 PCMA/8000\r\n";
    }
    if (telephoneEvent >= 0) {
        const QByteArray pt = QByteArray::number(telephoneEvent);
        sdp += "a=rtpmap:" + pt + " telephone-event/8000\r\na=fmtp:" + pt + " 0-15\r\n";
    }
    sdp += "a=ptime:20\r\na=" + direction + "\r\n";
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
