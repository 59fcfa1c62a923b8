// libFuzzer entry point for the SIP line provider's own parsing of network input: the User-to-User
// header (RFC 7433), the Reason header (RFC 3326) and the audio part of SDP. The first byte picks the
// parser, the rest is the header value or SDP body. Besides ASan/UBSan findings it traps on broken
// invariants (what parse() accepts is in range, and formatting what was parsed parses back the same).

#include "../FuzzSupport.h"
#include "SipDtmfInfo.h"
#include "SipReason.h"
#include "SipSdp.h"
#include "SipUserToUser.h"

#include <cstddef>
#include <cstdint>

namespace {

void userToUser(QByteArrayView input)
{
    const std::optional<SipUserToUser> uui = SipUserToUser::parse(input);
    if (!uui)
        return;
    fuzz::require(!uui->data.isEmpty() && uui->data.size() <= SipUserToUser::MaxOctets);
    const std::optional<SipUserToUser> again = SipUserToUser::parse(SipUserToUser::format(uui->data));
    fuzz::require(again && again->data == uui->data);
}

void reason(QByteArrayView input)
{
    if (const std::optional<SipReason> q850 = SipReason::findQ850(input)) {
        fuzz::require(q850->cause >= 0 && q850->cause <= 127);
        const std::optional<SipReason> again =
            SipReason::findQ850(SipReason::formatQ850(q850->cause, q850->text));
        fuzz::require(again && again->cause == q850->cause);
    }
    if (const std::optional<SipReason> any = SipReason::parse(input))
        fuzz::require(any->cause >= -1 && any->cause <= 999 && !any->protocol.isEmpty());
}

void sdp(QByteArrayView input)
{
    const std::optional<SipSdp> parsed = SipSdp::parse(input);
    if (!parsed)
        return;
    fuzz::require(!parsed->address.isEmpty());
    fuzz::require(parsed->payloadTypes.size() == parsed->codecs.size() && parsed->payloadTypes.size() <= 64);
    const int chosen = parsed->firstCommonPayloadType();
    fuzz::require(chosen == -1 || parsed->payloadTypes.contains(chosen));
    if (chosen < 0 || chosen >= 96)
        return;
    // An answer built from what was chosen offers exactly that payload type again.
    const std::optional<SipSdp> answer =
        SipSdp::parse(SipSdp::build("127.0.0.1", parsed->port, 1, 1, {chosen}));
    fuzz::require(answer && answer->firstCommonPayloadType() == chosen && answer->port == parsed->port);
}

void dtmfInfo(QByteArrayView input)
{
    // The first line is the Content-Type, the rest the body.
    const qsizetype newline = input.indexOf('\n');
    const QByteArrayView type = newline < 0 ? input : input.first(newline);
    const QByteArrayView body = newline < 0 ? QByteArrayView() : input.sliced(newline + 1);
    if (const std::optional<QChar> digit = SipDtmfInfo::parse(type, body)) {
        fuzz::require(SipDtmfInfo::isDtmfContentType(type));
        fuzz::require(QStringLiteral("0123456789*#ABCD").contains(*digit));
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > 8192)
        return 0;
    const QByteArrayView input(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    switch (data[0] % 4) {
    case 0:
        userToUser(input);
        break;
    case 1:
        reason(input);
        break;
    case 2:
        sdp(input);
        break;
    default:
        dtmfInfo(input);
        break;
    }
    return 0;
}
