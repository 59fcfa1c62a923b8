// LibreSipCore: transfers by REFER (RFC 3515): blind (Refer-To the target) and consult (Refer-To the far
// end of our consult call with Replaces naming that dialog, RFC 3891), each followed by its NOTIFYs; and
// a far end's REFER carried out here (a new call to its Refer-To, NOTIFYs back).
#include "LibreSipCorePrivate.h"

using namespace LibreSipCoreDetail;

void LibreSipCore::transfer(quint64 token, const QString &target)
{
    auto it = m_calls.find(token);
    if (it == m_calls.end() || !it->second->session || it->second->transferPending) {
        Q_EMIT m_stack->commandDone(token, it == m_calls.end() ? ENOENT : EBUSY);
        return;
    }
    Call &call = *it->second;
    call.replacedConsult = 0;
    call.consultEnd.reset();
    if (const int err = sendRefer(call, uriFor(*call.account, target)))
        Q_EMIT m_stack->commandDone(token, err);
}

void LibreSipCore::transferReplacing(quint64 token, quint64 consultToken)
{
    auto it = m_calls.find(token);
    auto consult = m_calls.find(consultToken);
    if (it == m_calls.end() || consult == m_calls.end() || !it->second->session) {
        Q_EMIT m_stack->commandDone(token, ENOENT);
        return;
    }
    Call &call = *it->second;
    const Call &target = *consult->second;
    if (call.transferPending) {
        Q_EMIT m_stack->commandDone(token, EBUSY);
        return;
    }
    // RFC 3891: only a confirmed dialog can be replaced by someone else's INVITE (an early one we started
    // would be refused 481 by the target).
    if (!target.session || !sip_dialog_established(sipsess_dialog(target.session))
        || target.localTag.isEmpty() || target.remoteTag.isEmpty() || target.targetUri.isEmpty()) {
        Q_EMIT m_stack->commandDone(token, ENOTCONN);
        return;
    }
    // The transferee's INVITE goes where our consult call went; its Replaces names the consult dialog as
    // the target sees it (to-tag: the target's own tag, from-tag: ours), escaped as a URI header.
    const QByteArray replaces =
        target.callId + ";to-tag=" + target.remoteTag + ";from-tag=" + target.localTag;
    const QByteArray referTo = target.targetUri + "?Replaces=" + replaces.toPercentEncoding();
    call.replacedConsult = consultToken;
    call.consultEnd.reset();
    if (const int err = sendRefer(call, referTo))
        Q_EMIT m_stack->commandDone(token, err);
}

int LibreSipCore::sendRefer(Call &call, const QByteArray &referTo)
{
    Account &account = *call.account;
    call.refer = static_cast<struct sipsub *>(mem_deref(call.refer));
    call.referAccepted = false;
    call.transferStatus = 0;
    // RFC 3515: REFER in the call's dialog; its NOTIFYs (message/sipfrag) tell how the new call goes.
    const int err = sipevent_drefer(
        &call.refer, account.events, sipsess_dialog(call.session), account.contactUser.constData(),
        &LibreSipCore::authenticate, &account, false, &LibreSipCore::referNotify, &LibreSipCore::referClosed,
        &call, "Refer-To: <%s>\r\nReferred-By: <%s>\r\n", referTo.constData(), account.aor.constData());
    if (err)
        return err;
    call.transferPending = true;
    qCInfo(lcSip) << "call" << call.token << "REFER to" << referTo;
    return 0;
}

void LibreSipCore::referNotify(struct sip *sip, const struct sip_msg *msg, void *arg)
{
    auto *call = static_cast<Call *>(arg);
    sip_treply(nullptr, sip, msg, 200, "OK");
    call->referAccepted = true;
    // The body is the new call's status line: "SIP/2.0 180 Ringing".
    const QByteArray body =
        QByteArray(reinterpret_cast<const char *>(mbuf_buf(msg->mb)), qsizetype(mbuf_get_left(msg->mb)))
            .trimmed();
    const QList<QByteArray> fields = body.left(64).split(' ');
    bool ok = false;
    const int status = fields.size() >= 2 && fields.at(0) == "SIP/2.0" ? fields.at(1).toInt(&ok) : 0;
    if (!ok || status < 100 || status > 699)
        return;
    qCInfo(lcSip) << "call" << call->token << "transfer progress:" << status;
    if (status >= 200 && call->transferPending && !call->transferStatus) {
        call->transferStatus = status;
        tmr_start(&call->transferDone, 0, &LibreSipCore::transferTimer, call); // not inside libre's handler
    }
}

void LibreSipCore::referClosed(int err, const struct sip_msg *msg, const struct sipevent_substate *,
                               void *arg)
{
    // The REFER refused, its subscription ended without a final NOTIFY, or (after the final NOTIFY)
    // simply ended.
    auto *call = static_cast<Call *>(arg);
    if (call->transferPending && !call->transferStatus) {
        call->transferStatus = msg && msg->scode >= 300 ? msg->scode : err ? 500 : 487;
        tmr_start(&call->transferDone, 0, &LibreSipCore::transferTimer, call);
    }
}

void LibreSipCore::transferTimer(void *arg)
{
    auto *call = static_cast<Call *>(arg);
    call->core->finishTransfer(call->token);
}

void LibreSipCore::finishTransfer(quint64 token)
{
    auto it = m_calls.find(token);
    if (it == m_calls.end() || !it->second->transferPending)
        return;
    Call &call = *it->second;
    call.transferPending = false;
    call.refer = static_cast<struct sipsub *>(mem_deref(call.refer));
    if (call.transferStatus >= 300) {
        qCInfo(lcSip) << "call" << token << "transfer failed:" << call.transferStatus;
        const quint64 consultToken = std::exchange(call.replacedConsult, 0);
        std::optional<SipCallEnd> consultEnd = std::exchange(call.consultEnd, std::nullopt);
        Q_EMIT m_stack->commandDone(token, EPROTO); // the call goes on here
        if (consultEnd)
            Q_EMIT m_stack->callEnded(consultToken, *consultEnd); // the consult call did not
        return;
    }
    // The far end talks to the target: leave the call (BYE, normal clearing). After a consult transfer
    // our consult call goes too: the target ends the dialog the transferee's INVITE replaced, and our
    // BYE covers a target that does not (RFC 5589 section 7.2 leaves that to the transferor).
    const quint64 consultToken = std::exchange(call.replacedConsult, 0);
    Q_EMIT m_stack->commandDone(token, 0);
    sipsess_set_close_headers(call.session, "%s", closingHeaders(16, {}).constData());
    destroyCall(token);
    if (auto consult = m_calls.find(consultToken); consultToken && consult != m_calls.end()) {
        sipsess_set_close_headers(consult->second->session, "%s", closingHeaders(16, {}).constData());
        destroyCall(consultToken);
    }
}

void LibreSipCore::referred(struct sip *sip, const struct sip_msg *msg, void *arg)
{
    auto *call = static_cast<Call *>(arg);
    LibreSipCore *core = call->core;
    Account &account = *call->account;
    // Refer-To: <uri?headers>: the URI we call, and the header part (Replaces) that goes in our INVITE.
    const struct sip_hdr *referTo = sip_msg_hdr(msg, SIP_HDR_REFER_TO);
    QByteArray value = referTo ? fromPl(referTo->val).trimmed() : QByteArray();
    if (const qsizetype open = value.indexOf('<'); open >= 0) {
        const qsizetype close = value.indexOf('>', open);
        value = close > open ? value.mid(open + 1, close - open - 1) : QByteArray();
    }
    const qsizetype query = value.indexOf('?');
    const QByteArray uri = query >= 0 ? value.left(query) : value;
    if (!uri.startsWith("sip:") || call->referNotifier) {
        sip_reply(sip, msg, uri.startsWith("sip:") ? 491 : 400,
                  uri.startsWith("sip:") ? "Request Pending" : "Bad Refer-To");
        return;
    }
    QByteArray headers;
    if (query >= 0) {
        for (const QByteArray &field : value.mid(query + 1).split('&')) {
            const qsizetype equals = field.indexOf('=');
            if (equals > 0 && field.left(equals).compare("Replaces", Qt::CaseInsensitive) == 0)
                headers += "Replaces: " + QByteArray::fromPercentEncoding(field.mid(equals + 1)) + "\r\n";
        }
    }
    if (const struct sip_hdr *referredBy = sip_msg_hdr(msg, SIP_HDR_REFERRED_BY))
        headers += "Referred-By: " + fromPl(referredBy->val) + "\r\n";
    const int err = sipevent_accept(&call->referNotifier, account.events, msg, sipsess_dialog(call->session),
                                    nullptr, 202, "Accepted", 60, 60, 60, account.contactUser.constData(),
                                    "message/sipfrag", &LibreSipCore::authenticate, &account, false,
                                    &LibreSipCore::referNotifierClosed, call, "%s", "");
    if (err) {
        qCWarning(lcSip) << "call" << call->token << "REFER not accepted:" << errorText(err);
        sip_reply(sip, msg, 500, "Server Internal Error");
        return;
    }
    const quint64 newToken = core->m_nextInbound++;
    const quint64 token = call->token;
    qCInfo(lcSip) << "call" << token << "transferred here by the far end: calling" << uri;
    Q_EMIT core->m_stack->transferCallPlaced(token, newToken, QString::fromUtf8(uri));
    if (core->invite(newToken, account, uri, headers)) {
        // Nothing went out: the far end hears the failure at once, the console sees the call end.
        SipCallEnd end;
        end.status = 503;
        end.transportFailure = true;
        Q_EMIT core->m_stack->callEnded(newToken, end);
        core->notifyReferrerOf(token, 503, "Service Unavailable");
        return;
    }
    core->m_calls[newToken]->referrer = token;
    core->notifyReferrerOf(token, 100, "Trying");
}

void LibreSipCore::notifyReferrer(Call &call, int status, const QByteArray &reason)
{
    if (!call.referrer)
        return;
    const quint64 referrer = call.referrer;
    if (status >= 200)
        call.referrer = 0; // the final NOTIFY: nothing more to tell
    notifyReferrerOf(referrer, status, reason);
}

void LibreSipCore::notifyReferrerOf(quint64 token, int status, const QByteArray &reason)
{
    auto it = m_calls.find(token);
    if (it == m_calls.end() || !it->second->referNotifier)
        return;
    Call &original = *it->second;
    struct mbuf *mb = nullptr;
    const bool final = status >= 200;
    const int err = sipevent_notifyf(
        original.referNotifier, &mb, final ? SIPEVENT_TERMINATED : SIPEVENT_ACTIVE, SIPEVENT_NORESOURCE, 0,
        "SIP/2.0 %d %s\r\n", status, reason.isEmpty() ? "-" : reason.constData());
    mem_deref(mb);
    if (err)
        qCWarning(lcSip) << "call" << token << "NOTIFY of the transfer not sent:" << errorText(err);
    if (final)
        original.referNotifier = static_cast<struct sipnot *>(mem_deref(original.referNotifier));
}

void LibreSipCore::referNotifierClosed(int, const struct sip_msg *, void *arg)
{
    // The far end ended the subscription (or it timed out): no more NOTIFYs for its transfer.
    auto *call = static_cast<Call *>(arg);
    call->referNotifier = static_cast<struct sipnot *>(mem_deref(call->referNotifier));
}
