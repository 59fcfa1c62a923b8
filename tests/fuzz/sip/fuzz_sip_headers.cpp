// libFuzzer entry point for the SIP line provider's own parsing of network input: the User-to-User
// header (RFC 7433), the Reason header (RFC 3326), the audio part of SDP, DTMF INFO bodies and dialog-info
// XML (RFC 4235) with the version ordering of a subscription's NOTIFYs. The first byte picks the parser,
// the rest is the header value or body (with the Opus fmtp the SDP carries). Besides ASan/UBSan findings
// it traps on broken invariants (what parse() accepts is in range, and formatting what was parsed parses
// back the same).

#include "../FuzzSupport.h"
#include "OpusCodec.h"
#include "SipDialogInfo.h"
#include "SipDialogInfoTracker.h"
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
    fuzz::require(parsed->formats.size() <= 64);
    fuzz::require(parsed->telephoneEvent >= -1 && parsed->telephoneEvent <= 127);
    fuzz::require(parsed->telephoneEvent48k >= -1 && parsed->telephoneEvent48k <= 127);
    // ptime and maxptime: 0 or 1..1000; the packet time we send is one the codec takes.
    fuzz::require(parsed->ptime >= 0 && parsed->ptime <= 1000 && parsed->maxptime >= 0
                  && parsed->maxptime <= 1000);
    for (SipSdp::Codec codec : SipSdp::defaultPreference())
        fuzz::require(SipSdp::packetTimes(codec).contains(parsed->packetTimeFor(codec)));
    for (const SipSdp::Format &format : parsed->formats) {
        fuzz::require(format.payloadType >= 0 && format.payloadType <= 127
                      && format.parameters.size() <= 256);
        // A static type keeps its codec whatever an rtpmap says; a dynamic one is never a static-only name.
        if (format.payloadType < 96)
            fuzz::require(format.codec == SipSdp::staticCodec(format.payloadType));
        // The fmtp parser takes anything; an Opus codec made from it works (its settings are bounded).
        if (format.codec == SipSdp::Codec::Opus) {
            OpusCodec opus(format.parameters);
            fuzz::require(opus.isValid() && opus.bitrate() >= 6000 && opus.bitrate() <= 510000);
            fuzz::require(opus.setPacketMs(parsed->packetTimeFor(SipSdp::Codec::Opus)));
        }
    }
    const SipSdp::Format chosen = parsed->firstCommon(SipSdp::defaultPreference());
    fuzz::require(chosen.payloadType == -1 || parsed->formats.contains(chosen));
    if (chosen.payloadType < 0)
        return;
    // An answer built from what was chosen offers exactly that format again (with our fmtp).
    const SipSdp::Format ours {chosen.payloadType, chosen.codec, SipSdp::offeredParameters(chosen.codec)};
    const std::optional<SipSdp> answer =
        SipSdp::parse(SipSdp::build("127.0.0.1", parsed->port, 1, 1, {ours}));
    fuzz::require(answer && answer->firstCommon(SipSdp::defaultPreference()) == ours
                  && answer->port == parsed->port);
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

void checkDocument(const SipDialogInfo &info)
{
    fuzz::require(!info.entity.isEmpty() && info.entity.size() <= SipDialogInfo::MaxFieldChars);
    fuzz::require(info.dialogs.size() <= SipDialogInfo::MaxDialogs);
    for (qsizetype i = 0; i < info.dialogs.size(); ++i) {
        const SipDialogInfo::Dialog &dialog = info.dialogs.at(i);
        fuzz::require(!dialog.id.isEmpty() && dialog.id.size() <= SipDialogInfo::MaxFieldChars);
        fuzz::require(dialog.remoteUri.size() <= SipDialogInfo::MaxFieldChars
                      && dialog.remoteName.size() <= SipDialogInfo::MaxFieldChars);
        fuzz::require(!SipDialogInfo::stateName(dialog.state).isEmpty());
        for (qsizetype j = 0; j < i; ++j)
            fuzz::require(info.dialogs.at(j).id != dialog.id);
    }
}

void dialogInfo(QByteArrayView input)
{
    // One document, or several separated by a NUL: the NOTIFYs of one subscription, in that order.
    SipDialogInfoTracker tracker;
    qsizetype start = 0;
    while (start <= input.size()) {
        qsizetype end = input.indexOf('\0', start);
        if (end < 0)
            end = input.size();
        const QByteArrayView document = input.sliced(start, end - start);
        start = end + 1;
        if (document.isEmpty()) { // a NOTIFY without a body: no dialogs
            tracker.applyEmpty();
            fuzz::require(tracker.isSynced() && !tracker.isBusy());
            continue;
        }
        const std::optional<SipDialogInfo> info = SipDialogInfo::parse(document);
        if (!info)
            continue;
        checkDocument(*info);
        const std::optional<SipDialogInfo> again = SipDialogInfo::parse(info->format());
        fuzz::require(again && *again == *info);
        const bool wasSynced = tracker.isSynced();
        const quint32 lastVersion = tracker.version();
        switch (tracker.apply(*info)) {
        case SipDialogInfoTracker::Result::Applied:
            fuzz::require(tracker.isSynced() && tracker.version() == info->version);
            break;
        case SipDialogInfoTracker::Result::Stale:
            fuzz::require(wasSynced && info->version <= lastVersion && tracker.version() == lastVersion);
            break;
        case SipDialogInfoTracker::Result::Resync:
            fuzz::require(!info->full && !tracker.isSynced());
            break;
        }
        fuzz::require(tracker.dialogs().size() <= SipDialogInfo::MaxDialogs);
        for (const SipDialogInfo::Dialog &dialog : tracker.dialogs())
            fuzz::require(dialog.state != SipDialogInfo::DialogState::Terminated);
        fuzz::require(tracker.isBusy() == !tracker.dialogs().isEmpty());
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > 8192)
        return 0;
    const QByteArrayView input(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    if (data[0] == '4' || data[0] == 4 || data[0] >= 0xf0) {
        dialogInfo(input);
        return 0;
    }
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
