// LibreSipCore: what happens during a call: hold and resume by re-INVITE both ways, DTMF (RFC 4733
// events out and in, INFO in), UUI by INFO, and the end of a call whose far end has gone quiet (RTP
// timeout). Transfers are in LibreSipCoreTransfer.cpp.
#include "LibreSipCorePrivate.h"

#include "SipDtmfInfo.h"
#include "SipSdp.h"

using namespace LibreSipCoreDetail;

void LibreSipCore::applyDirection(Call &call, const QByteArray &localDirection)
{
    call.localDirection = localDirection;
    // While the far end holds, its music on hold is welcome but not owed: many PBXs send nothing then,
    // so silence is no reason to end the call.
    if (call.rtp)
        call.rtp->setDirection(localDirection == "sendrecv" || localDirection == "sendonly",
                               (localDirection == "sendrecv" || localDirection == "recvonly")
                                   && !call.remoteHeld);
}

int LibreSipCore::offer(struct mbuf **description, const struct sip_msg *msg, void *arg)
{
    // The far end's re-INVITE. With SDP: follow its address and codec, answer with the direction that
    // matches ours, and report its hold or resume. Without: it asks for our offer (the answer comes in
    // the ACK).
    auto *call = static_cast<Call *>(arg);
    LibreSipCore *core = call->core;
    if (!call->rtp)
        return EPROTO;
    ++call->sdpVersion;
    if (!mbuf_get_left(msg->mb)) {
        const QByteArray direction = call->localHold ? "sendonly" : "sendrecv";
        *description = bodyOf(core->sdpFor(*call, true, direction));
        return *description ? 0 : ENOMEM;
    }
    if (!core->takeRemoteSdp(*call, msg))
        return EPROTO; // libre answers 488; the call goes on as it was
    const QByteArray direction = SipSdp::answerDirection(call->remoteDirection, call->localHold);
    *description = bodyOf(core->sdpFor(*call, false, direction));
    if (!*description)
        return ENOMEM;
    call->localDirection = direction;
    const bool held = SipSdp::isHoldOffer(call->remoteDirection);
    const bool changed = held != call->remoteHeld;
    call->remoteHeld = held;
    core->startAudio(*call);
    if (changed) {
        qCInfo(lcSip) << "call" << call->token << (held ? "held by the far end" : "resumed by the far end");
        Q_EMIT core->m_stack->callRemoteHold(call->token, held);
    }
    return 0;
}

void LibreSipCore::hold(quint64 token, bool onHold)
{
    auto it = m_calls.find(token);
    if (it == m_calls.end() || !it->second->session || !it->second->rtp || it->second->modifyPending) {
        Q_EMIT m_stack->commandDone(token, it == m_calls.end() ? ENOENT : EBUSY);
        return;
    }
    Call &call = *it->second;
    // RFC 3264 8.4 (RFC 6337 5.3): sendonly puts the far end on hold (it may hear music on hold);
    // when it holds us too, nothing flows either way: inactive. Resuming offers what the far end allows.
    QByteArray direction;
    if (onHold)
        direction = call.remoteHeld ? "inactive" : "sendonly";
    else
        direction = call.remoteHeld ? "recvonly" : "sendrecv";
    ++call.sdpVersion;
    struct mbuf *body = bodyOf(sdpFor(call, false, direction));
    const int err = body ? sipsess_modify(call.session, body) : ENOMEM;
    mem_deref(body);
    if (err) {
        Q_EMIT m_stack->commandDone(token, err);
        return;
    }
    call.localHold = onHold;
    call.modifyPending = true; // done in answered(), or failed in reinviteFailed() / closed()
    applyDirection(call, direction);
}

void LibreSipCore::reinviteFailed(Account &account, const struct sip_msg *msg)
{
    // A final error to our re-INVITE (libre 1.1 does not tell the session): the hold or resume failed,
    // the call goes on as before. 401/407 (libre authenticates), 491 and 500 (libre tries again) are
    // not final for the request; 408 and 481 end the session (closed() completes the request).
    if (msg->scode < 300 || msg->scode == 401 || msg->scode == 407 || msg->scode == 491 || msg->scode == 500
        || msg->scode == 408 || msg->scode == 481)
        return;
    const QByteArray callId = fromPl(msg->callid);
    for (auto &[token, call] : m_calls) {
        if (call->account != &account || call->callId != callId || !call->modifyPending)
            continue;
        call->modifyPending = false;
        call->localHold = !call->localHold;
        applyDirection(*call, SipSdp::answerDirection(call->remoteDirection, call->localHold));
        qCInfo(lcSip) << "call" << token << "re-INVITE refused:" << msg->scode;
        Q_EMIT m_stack->commandDone(token, EPROTO);
        return;
    }
}

void LibreSipCore::sendDigits(quint64 token, const QString &digits)
{
    auto it = m_calls.find(token);
    if (it == m_calls.end() || !it->second->rtp) {
        Q_EMIT m_stack->commandDone(token, ENOENT);
        return;
    }
    LibreRtpStream &rtp = *it->second->rtp;
    if (rtp.telephoneEvent() < 0) {
        Q_EMIT m_stack->commandDone(token, ENOTSUP); // the far end did not negotiate telephone-event
        return;
    }
    for (QChar digit : digits) {
        if (!rtp.sendDigit(digit)) {
            Q_EMIT m_stack->commandDone(token, EOVERFLOW);
            return;
        }
    }
    Q_EMIT m_stack->commandDone(token, 0);
}

void LibreSipCore::info(struct sip *sip, const struct sip_msg *msg, void *arg)
{
    auto *call = static_cast<Call *>(arg);
    // UUI by INFO (a User-to-User header; any body is read below as well).
    if (const struct sip_hdr *header = sip_msg_xhdr(msg, "User-to-User")) {
        if (std::optional<SipUserToUser> uui = SipUserToUser::parse(fromPl(header->val))) {
            Q_EMIT call->core->m_stack->userUserInfoReceived(call->token, uui->data);
            if (!mbuf_get_left(msg->mb)) {
                sip_reply(sip, msg, 200, "OK");
                return;
            }
        }
    }
    const QByteArray type = fromPl(msg->ctyp.type) + '/' + fromPl(msg->ctyp.subtype);
    const QByteArrayView body(reinterpret_cast<const char *>(mbuf_buf(msg->mb)),
                              qsizetype(mbuf_get_left(msg->mb)));
    if (body.isEmpty()) {
        sip_reply(sip, msg, 200, "OK"); // an empty INFO (a keep-alive) is fine
        return;
    }
    if (!SipDtmfInfo::isDtmfContentType(type)) {
        sip_reply(sip, msg, 415, "Unsupported Media Type");
        return;
    }
    const std::optional<QChar> digit = SipDtmfInfo::parse(type, body);
    if (!digit) {
        sip_reply(sip, msg, 400, "Bad Request");
        return;
    }
    sip_reply(sip, msg, 200, "OK");
    Q_EMIT call->core->m_stack->digitReceived(call->token, *digit);
}

void LibreSipCore::mediaTimedOut(quint64 token)
{
    auto it = m_calls.find(token);
    if (it == m_calls.end())
        return;
    Call &call = *it->second;
    qCInfo(lcSip) << "call" << token << "no RTP for" << call.account->config.rtpTimeout << "s: ending it";
    // The far end (or the network to it) is gone: BYE with Q.850 41 "temporary failure", and the call
    // ends for the console as the far end's disconnect.
    sipsess_set_close_headers(call.session, "%s", closingHeaders(41, {}).constData());
    SipCallEnd end;
    end.mediaTimeout = true;
    Q_EMIT m_stack->callEnded(token, end);
    destroyCall(token);
}

void LibreSipCore::sendUserUserInfo(quint64 token, const QByteArray &uui)
{
    auto it = m_calls.find(token);
    if (it == m_calls.end() || !it->second->session
        || !sip_dialog_established(sipsess_dialog(it->second->session))) {
        Q_EMIT m_stack->commandDone(token, it == m_calls.end() ? ENOENT : ENOTCONN);
        return;
    }
    Call &call = *it->second;
    if (call.info) {
        Q_EMIT m_stack->commandDone(token, EBUSY);
        return;
    }
    // RFC 7433 names no INFO package for UUI: the header rides on a plain INFO without a body, which
    // is what PBXs that relay UUI mid-call accept.
    const QByteArray headers = closingHeaders(-1, uui);
    const int err = sip_drequestf(&call.info, call.account->sip, true, "INFO", sipsess_dialog(call.session),
                                  0, nullptr, nullptr, &LibreSipCore::infoResponse, &call,
                                  "%sContent-Length: 0\r\n\r\n", headers.constData());
    if (err)
        Q_EMIT m_stack->commandDone(token, err);
}

void LibreSipCore::infoResponse(int err, const struct sip_msg *msg, void *arg)
{
    auto *call = static_cast<Call *>(arg);
    if (!err && msg && msg->scode < 200)
        return;
    const int result = err ? err : msg && msg->scode >= 300 ? EPROTO : 0;
    if (result)
        qCInfo(lcSip) << "call" << call->token << "INFO with UUI failed:" << (msg ? msg->scode : 0) << err;
    Q_EMIT call->core->m_stack->commandDone(call->token, result);
}
