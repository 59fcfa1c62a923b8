// LibreSipCore: calls (INVITE sessions both ways, SDP, their RTP stream, the end of a call).
#include "LibreSipCorePrivate.h"

#include "SipSdp.h"

using namespace LibreSipCoreDetail;

bool LibreSipCore::takeRemoteSdp(Call &call, const struct sip_msg *msg)
{
    if (!msg || !mbuf_get_left(msg->mb))
        return false;
    const QByteArrayView body(reinterpret_cast<const char *>(mbuf_buf(msg->mb)),
                              qsizetype(mbuf_get_left(msg->mb)));
    const std::optional<SipSdp> sdp = SipSdp::parse(body);
    if (!sdp)
        return false;
    const SipSdp::Format format = sdp->firstCommon(call.account->config.codecs);
    if (format.payloadType < 0)
        return false;
    call.remoteAddress = sdp->address;
    call.remotePort = sdp->port;
    call.format = format;
    call.packetMs = sdp->packetTimeFor(format.codec);
    call.telephoneEvent = sdp->telephoneEventFor(format.codec, &call.telephoneEventRate);
    call.remoteDirection = sdp->direction;
    return true;
}

QByteArray LibreSipCore::sdpFor(const Call &call, bool offerAll, const QByteArray &direction) const
{
    // A first offer lists the account's codecs in its order with our telephone-event types (8 kHz, and
    // 48 kHz for Opus); an answer, or an offer once a codec is agreed, the one codec under the far end's
    // payload type and the telephone-event type chosen for it, if the far end offered one. The fmtp is
    // always ours: what we want to receive. a=ptime says the packet time we send with: 20 ms until the far
    // end asks for another, then the one chosen for its a=ptime (an answer echoes what it honours).
    if (offerAll || call.format.payloadType < 0) {
        const QList<SipSdp::Format> formats = SipSdp::offerFormats(call.account->config.codecs);
        const bool opus = call.account->config.codecs.contains(SipSdp::Codec::Opus);
        return SipSdp::build(call.rtp->localAddress(), call.rtp->localPort(), call.token & 0xffffffffu,
                             call.sdpVersion, formats, SipSdp::OfferedTelephoneEvent, direction,
                             opus ? SipSdp::OfferedTelephoneEvent48k : -1, call.packetMs);
    }
    const SipSdp::Format ours {call.format.payloadType, call.format.codec,
                               SipSdp::offeredParameters(call.format.codec)};
    const bool wideEvents = call.telephoneEventRate == 48000;
    return SipSdp::build(call.rtp->localAddress(), call.rtp->localPort(), call.token & 0xffffffffu,
                         call.sdpVersion, {ours}, wideEvents ? -1 : call.telephoneEvent, direction,
                         wideEvents ? call.telephoneEvent : -1, call.packetMs);
}

struct mbuf *LibreSipCore::bodyOf(const QByteArray &text)
{
    struct mbuf *mb = mbuf_alloc(size_t(text.size()));
    if (!mb)
        return nullptr;
    mbuf_write_mem(mb, reinterpret_cast<const uint8_t *>(text.constData()), size_t(text.size()));
    mb->pos = 0;
    return mb;
}

void LibreSipCore::prepareStream(Call &call)
{
    const quint64 token = call.token;
    call.rtp->setDigitHandler([this, token](QChar digit) { Q_EMIT m_stack->digitReceived(token, digit); });
}

void LibreSipCore::startAudio(Call &call, bool answered)
{
    if (!call.rtp || call.format.payloadType < 0)
        return;
    if (answered && !call.timeoutArmed) {
        // The RTP timeout counts from the answer: early media may stay silent for as long as it rings.
        call.timeoutArmed = true;
        const quint64 token = call.token;
        call.rtp->setReceiveTimeout(call.account->config.rtpTimeout * 1000,
                                    [this, token] { mediaTimedOut(token); });
    }
    call.rtp->setTelephoneEvent(call.telephoneEvent, call.telephoneEventRate);
    if (!call.rtp->start(call.remoteAddress, call.remotePort, call.format, call.packetMs))
        return; // the call goes on without audio; the RTP timeout ends it if the far end expects some
    applyDirection(call, call.localDirection);
    if (!call.audioAnnounced) {
        call.audioAnnounced = true;
        Q_EMIT m_stack->callAudioReady(call.token, call.rtp->endpoint());
    }
}

void LibreSipCore::incoming(const struct sip_msg *msg, void *arg)
{
    auto *account = static_cast<Account *>(arg);
    LibreSipCore *core = account->core;
    auto call = std::make_unique<Call>();
    call->core = core;
    call->account = account;
    if (mbuf_get_left(msg->mb) && !core->takeRemoteSdp(*call, msg)) {
        // An offer we cannot answer (none of the account's codecs): 488 as RFC 3261 asks. Without SDP ours
        // goes in the 200.
        sip_treply(nullptr, account->sip, msg, 488, "Not Acceptable Here");
        return;
    }
    // RFC 3891: an INVITE with Replaces takes over one of our confirmed dialogs (an attended transfer
    // completed at the far end); one that names none is refused 481.
    quint64 replaced = 0;
    if (const struct sip_hdr *replaces = sip_msg_xhdr(msg, "Replaces")) {
        replaced = core->replacedBy(*account, fromPl(replaces->val));
        if (!replaced) {
            sip_treply(nullptr, account->sip, msg, 481, "Call/Transaction Does Not Exist");
            return;
        }
    }
    QByteArray error;
    call->rtp = LibreRtpStream::open(account->localAddress, &error);
    if (!call->rtp) {
        qCWarning(lcSip) << "incoming call refused:" << error;
        sip_treply(nullptr, account->sip, msg, 500, "Server Internal Error");
        return;
    }
    call->token = core->m_nextInbound++;
    const int err = sipsess_accept(&call->session, account->sessions, msg, 180, "Ringing",
                                   account->contactUser.constData(), "application/sdp", nullptr,
                                   &LibreSipCore::authenticate, account, false, &LibreSipCore::offer,
                                   &LibreSipCore::answered, &LibreSipCore::established, &LibreSipCore::info,
                                   &LibreSipCore::referred, &LibreSipCore::closed, call.get(), nullptr);
    if (err) {
        qCWarning(lcSip) << "incoming call could not be accepted:" << errorText(err);
        return;
    }
    call->callId = fromPl(msg->callid);
    core->prepareStream(*call);
    QByteArray uui;
    if (const struct sip_hdr *header = sip_msg_xhdr(msg, "User-to-User")) {
        if (std::optional<SipUserToUser> parsed = SipUserToUser::parse(fromPl(header->val)))
            uui = parsed->data;
    }
    QByteArray name = unquoted(fromPl(msg->from.dname));
    const quint64 token = call->token;
    core->m_calls.emplace(token, std::move(call));
    if (replaced) {
        // The user already talks on the replaced call: answer at once and leave that dialog (BYE). The
        // party is now whoever sent this INVITE: as the network asserts it (P-Asserted-Identity, RFC
        // 3325), else its From.
        QByteArray number = fromPl(msg->from.uri.user);
        if (const struct sip_hdr *asserted = sip_msg_hdr(msg, SIP_HDR_P_ASSERTED_IDENTITY)) {
            struct sip_addr identity
            {
            };
            if (sip_addr_decode(&identity, &asserted->val) == 0) {
                // sip:/sips: name the number in the user part; tel: in what follows the scheme.
                const QByteArray user = !pl_strcasecmp(&identity.uri.scheme, "tel")
                    ? fromPl(identity.uri.host)
                    : fromPl(identity.uri.user);
                if (!user.isEmpty()) {
                    number = user;
                    name = unquoted(fromPl(identity.dname));
                }
            }
        }
        Q_EMIT core->m_stack->callReplaced(replaced, token, QString::fromUtf8(number),
                                           QString::fromUtf8(name));
        Call &replacing = *core->m_calls[token];
        struct mbuf *body = bodyOf(core->sdpFor(replacing, false));
        const int answerError = sipsess_answer(replacing.session, 200, "OK", body, "%s", "");
        mem_deref(body);
        if (!answerError && replacing.format.payloadType >= 0)
            core->startAudio(replacing);
        if (auto old = core->m_calls.find(replaced); old != core->m_calls.end()) {
            sipsess_set_close_headers(old->second->session, "%s", closingHeaders(16, {}).constData());
            core->destroyCall(replaced);
        }
        return;
    }
    Q_EMIT core->m_stack->callIncoming(token, account->index, QString::fromUtf8(fromPl(msg->from.uri.user)),
                                       QString::fromUtf8(name), QString::fromUtf8(fromPl(msg->to.uri.user)),
                                       uui);
    Q_EMIT core->m_stack->callDialogKnown(token, fromPl(msg->callid), {});
}

int LibreSipCore::answered(const struct sip_msg *msg, void *arg)
{
    // The answer to our offer: in the 200 to our INVITE or re-INVITE, or in the ACK of our 200 (late offer).
    auto *call = static_cast<Call *>(arg);
    LibreSipCore *core = call->core;
    const bool modify = std::exchange(call->modifyPending, false);
    if (!core->takeRemoteSdp(*call, msg)) {
        if (modify) {
            // An unusable answer to our hold or resume: it did not happen, the call goes on as it was.
            call->localHold = !call->localHold;
            core->applyDirection(*call, SipSdp::answerDirection(call->remoteDirection, call->localHold));
            Q_EMIT core->m_stack->commandDone(call->token, EPROTO);
        }
        return EPROTO; // libre ends a session whose first answer is unusable
    }
    core->startAudio(*call);
    if (modify)
        Q_EMIT core->m_stack->commandDone(call->token, 0);
    return 0;
}

void LibreSipCore::progress(const struct sip_msg *msg, void *arg)
{
    auto *call = static_cast<Call *>(arg);
    call->provisional = true;
    const bool earlyMedia = msg->scode == 183 && call->core->takeRemoteSdp(*call, msg);
    if (msg->scode > 100)
        call->core->notifyReferrer(*call, msg->scode, fromPl(msg->reason));
    Q_EMIT call->core->m_stack->callProgress(call->token, msg->scode, earlyMedia);
    if (earlyMedia)
        call->core->startAudio(*call, false);
}

void LibreSipCore::established(const struct sip_msg *msg, void *arg)
{
    auto *call = static_cast<Call *>(arg);
    // The dialog's tags, for a Replaces that names it: our 2xx's From (outbound) or the caller's ACK.
    if (msg) {
        call->localTag = fromPl(call->outbound ? msg->from.tag : msg->to.tag);
        call->remoteTag = fromPl(call->outbound ? msg->to.tag : msg->from.tag);
        Q_EMIT call->core->m_stack->callDialogKnown(call->token, call->callId, call->localTag);
    }
    if (call->outbound) {
        call->core->notifyReferrer(*call, 200, "OK");
        Q_EMIT call->core->m_stack->callEstablished(call->token);
    }
}

void LibreSipCore::closed(int err, const struct sip_msg *msg, void *arg)
{
    auto *call = static_cast<Call *>(arg);
    LibreSipCore *core = call->core;
    if (std::exchange(call->modifyPending, false))
        Q_EMIT core->m_stack->commandDone(call->token, ECONNRESET); // the hold or resume never finished
    if (std::exchange(call->transferPending, false)) {
        const quint64 consultToken = std::exchange(call->replacedConsult, 0);
        std::optional<SipCallEnd> consultEnd = std::exchange(call->consultEnd, std::nullopt);
        if (call->referAccepted && err == ECONNRESET) {
            // The far end accepted the REFER and hung up before its final NOTIFY: it went to the target.
            qCInfo(lcSip) << "call" << call->token << "transferred (the far end hung up after accepting)";
            Q_EMIT core->m_stack->commandDone(call->token, 0);
            core->destroyCall(call->token);
            if (auto consult = core->m_calls.find(consultToken);
                consultToken && consult != core->m_calls.end()) {
                sipsess_set_close_headers(consult->second->session, "%s", closingHeaders(16, {}).constData());
                core->destroyCall(consultToken);
            }
            return;
        }
        Q_EMIT core->m_stack->commandDone(call->token, ECONNRESET);
        if (consultEnd)
            Q_EMIT core->m_stack->callEnded(consultToken, *consultEnd);
    }
    SipCallEnd end;
    if (msg && !msg->req && msg->scode >= 300) {
        end.status = msg->scode;
        readEndHeaders(msg, &end);
    } else if (err == ECONNRESET) {
        // The far end's BYE or CANCEL: its headers were kept by the trace handler.
        end = call->account->endings.take(call->callId);
    } else if (err) {
        end.transportFailure = true;
        end.status = err == ETIMEDOUT ? 408 : 503;
    }
    qCInfo(lcSip) << "call" << call->token << "closed by the far end:" << (err ? errorText(err) : QString())
                  << "status" << end.status;
    // A call placed for a far end's REFER that failed: the final NOTIFY says how (after a 2xx the
    // referrer was told already and is no longer linked).
    if (end.status >= 300)
        core->notifyReferrer(*call, end.status,
                             msg && !msg->req ? fromPl(msg->reason) : QByteArray("Failed"));
    else
        core->notifyReferrer(*call, 487, "Request Terminated");
    // destroyCall() releases our reference to the session: libre keeps it while it finishes.
    const quint64 token = call->token;
    for (auto &[originalToken, original] : core->m_calls) {
        if (original->transferPending && original->replacedConsult == token) {
            // The target ends the dialog the transferee's INVITE replaced: part of the transfer.
            original->consultEnd = end;
            core->destroyCall(token);
            return;
        }
    }
    Q_EMIT core->m_stack->callEnded(token, end);
    core->destroyCall(token);
}

quint64 LibreSipCore::replacedBy(const Account &account, const QByteArray &replaces) const
{
    // "call-id;to-tag=<our tag>;from-tag=<the far end's>" (RFC 3891 section 6.1), parameters in any order.
    const QList<QByteArray> fields = replaces.trimmed().split(';');
    QByteArray toTag, fromTag;
    for (qsizetype i = 1; i < fields.size(); ++i) {
        const QByteArray field = fields.at(i).trimmed();
        if (field.toLower().startsWith("to-tag="))
            toTag = field.mid(7);
        else if (field.toLower().startsWith("from-tag="))
            fromTag = field.mid(9);
    }
    const QByteArray callId = fields.value(0).trimmed();
    for (const auto &[token, call] : m_calls) {
        if (call->account == &account && !callId.isEmpty() && call->callId == callId
            && call->localTag == toTag && call->remoteTag == fromTag && call->session
            && sip_dialog_established(sipsess_dialog(call->session)))
            return token;
    }
    return 0;
}

void LibreSipCore::destroyCall(quint64 token)
{
    auto it = m_calls.find(token);
    if (it == m_calls.end())
        return;
    std::unique_ptr<Call> call = std::move(it->second);
    m_calls.erase(it);
    call->account->invites.remove(call->callId);
    call->rtp.reset();
    if (call->audioAnnounced)
        Q_EMIT m_stack->callAudioGone(token);
    // ~Call releases the session: BYE when established, CANCEL while ringing out, 486 if never answered.
}

QByteArray LibreSipCore::uriFor(const Account &account, const QString &target)
{
    QByteArray uri = target.trimmed().toUtf8();
    if (!uri.startsWith("sip:")) {
        if (!uri.contains('@'))
            uri += '@' + account.config.registrar.toUtf8();
        uri = "sip:" + uri;
        uri += transportParameter(account.config);
    }
    return uri;
}

void LibreSipCore::placeCall(quint64 token, int accountIndex, const QString &target, const QByteArray &uui)
{
    if (accountIndex < 0 || accountIndex >= int(m_accounts.size())
        || !m_accounts[size_t(accountIndex)]->sessions) {
        Q_EMIT m_stack->commandDone(token, ENODEV);
        return;
    }
    Account &account = *m_accounts[size_t(accountIndex)];
    const int err = invite(token, account, uriFor(account, target), closingHeaders(-1, uui));
    Q_EMIT m_stack->commandDone(token, err);
}

int LibreSipCore::invite(quint64 token, Account &account, const QByteArray &to, const QByteArray &headers)
{
    auto call = std::make_unique<Call>();
    call->core = this;
    call->account = &account;
    call->token = token;
    call->outbound = true;
    QByteArray error;
    call->rtp = LibreRtpStream::open(account.localAddress, &error);
    if (!call->rtp) {
        qCWarning(lcSip) << "call not placed:" << error;
        return EADDRINUSE;
    }
    prepareStream(*call);
    struct mbuf *offerBody = bodyOf(sdpFor(*call, true));
    const char *routes[1] = {account.route.constData()};
    const int err = sipsess_connect(
        &call->session, account.sessions, to.constData(),
        account.displayName.isEmpty() ? nullptr : account.displayName.constData(), account.aor.constData(),
        account.contactUser.constData(), account.route.isEmpty() ? nullptr : routes,
        account.route.isEmpty() ? 0 : 1, "application/sdp", offerBody, &LibreSipCore::authenticate, &account,
        false, &LibreSipCore::offer, &LibreSipCore::answered, &LibreSipCore::progress,
        &LibreSipCore::established, &LibreSipCore::info, &LibreSipCore::referred, &LibreSipCore::closed,
        call.get(), "%s", headers.constData());
    mem_deref(offerBody);
    if (err) {
        qCWarning(lcSip) << "INVITE to" << to << "not sent:" << errorText(err);
        call->session = nullptr;
        return err;
    }
    if (const char *callId = sip_dialog_callid(sipsess_dialog(call->session)))
        call->callId = callId;
    call->targetUri = to;
    Q_EMIT m_stack->callDialogKnown(token, call->callId, {});
    m_calls.emplace(token, std::move(call));
    return 0;
}

void LibreSipCore::answer(quint64 token, const QByteArray &uui)
{
    auto it = m_calls.find(token);
    if (it == m_calls.end() || !it->second->session) {
        Q_EMIT m_stack->commandDone(token, ENOENT);
        return;
    }
    Call &call = *it->second;
    // Our answer to the caller's offer; or, when the INVITE came without SDP, our offer (the answer
    // follows in the ACK, and the audio starts then).
    const bool lateOffer = call.format.payloadType < 0;
    struct mbuf *body = bodyOf(sdpFor(call, lateOffer));
    const QByteArray headers = closingHeaders(-1, uui);
    const int err = sipsess_answer(call.session, 200, "OK", body, "%s", headers.constData());
    mem_deref(body);
    if (!err && !lateOffer)
        startAudio(call);
    Q_EMIT m_stack->commandDone(token, err);
}

void LibreSipCore::reject(quint64 token, int status, int cause, const QByteArray &uui)
{
    auto it = m_calls.find(token);
    if (it == m_calls.end()) {
        Q_EMIT m_stack->commandDone(token, ENOENT);
        return;
    }
    const QByteArray headers = closingHeaders(cause, uui);
    const char *reason = status == 486 ? "Busy Here" : status == 480 ? "Temporarily Unavailable" : "Decline";
    const int err = sipsess_reject(it->second->session, uint16_t(status), reason, "%s", headers.constData());
    destroyCall(token);
    Q_EMIT m_stack->commandDone(token, err);
}

void LibreSipCore::hangup(quint64 token, int cause, const QByteArray &uui)
{
    auto it = m_calls.find(token);
    if (it == m_calls.end()) {
        Q_EMIT m_stack->commandDone(token, ENOENT);
        return;
    }
    Call &call = *it->second;
    if (!call.outbound && !sip_dialog_established(sipsess_dialog(call.session)) && !call.audioAnnounced) {
        reject(token, 480, cause, uui); // not answered yet: a final response, not a BYE
        return;
    }
    const QByteArray headers = closingHeaders(cause, uui);
    if (call.outbound && !sip_dialog_established(sipsess_dialog(call.session))) {
        // libre 1.1 cancels with a CANCEL of its own, without extra headers: ours goes first with
        // Reason and User-to-User; libre's follows as a retransmission of it (same transaction).
        sendCancel(call, headers);
    } else {
        sipsess_set_close_headers(call.session, "%s", headers.constData());
    }
    destroyCall(token);
    Q_EMIT m_stack->commandDone(token, 0);
}
