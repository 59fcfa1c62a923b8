#pragma once

#include "SipAccountConfig.h"

#include <QtCore/qbytearray.h>
#include <QtCore/qlist.h>
#include <QtCore/qobject.h>

#include <memory>

class LineAudioEndpoint;

// How a call ended at the far end, as the SIP messages said it.
struct SipCallEnd
{
    int status = 0; // final response to our INVITE (300..699); 0 for a BYE or CANCEL from the far end
    bool cancelled = false; // the far end sent CANCEL before we answered
    int q850Cause = -1; // Reason: Q.850;cause=, -1 when absent
    int sipCause = -1; // Reason: SIP;cause=, -1 when absent
    QByteArray uui; // User-to-User, decoded
    bool transportFailure = false; // no response, unreachable (then status is 408 or 503)
    bool mediaTimeout = false; // no RTP from the far end for the account's rtpTimeout: the stack sent BYE
};
Q_DECLARE_METATYPE(SipCallEnd)

// The SIP stack behind the SIP line provider: accounts, INVITE sessions and their media. The provider
// speaks TAPI and calls only this interface; LibreSipStack implements it on libre (its own thread), the
// simulated twin in tests. Every method returns at once; results come back as signals, in the order the
// stack saw them, on the thread the stack object lives on. Calls are named by tokens: the provider picks
// them for calls it places, the stack picks them (InboundTokenBase and up) for calls it receives.
class SipStack : public QObject
{
    Q_OBJECT

public:
    static constexpr quint64 InboundTokenBase = quint64(1) << 40;

    using QObject::QObject;
    ~SipStack() override = default;

    // Registers every account (index = position in the list) and listens for calls; subscribes to the
    // dialog event (RFC 4235) of each account's dialogSubscriptions(), refreshing them and subscribing
    // again (after the retry interval) when a subscription ends or fails.
    virtual void start(const QList<SipAccountConfig> &accounts) = 0;
    // Ends every call without signalling results and unregisters; returns when the stack is idle.
    virtual void stop() = 0;

    virtual void placeCall(quint64 token, int account, const QString &target, const QByteArray &uui) = 0;
    // 200 OK with our SDP answer (and User-to-User when uui is not empty).
    virtual void answer(quint64 token, const QByteArray &uui) = 0;
    // A final response to an offered call: `status` 486/603 with Reason Q.850 `cause` and the UUI.
    virtual void reject(quint64 token, int status, int cause, const QByteArray &uui) = 0;
    // BYE with Reason and UUI on an established call, CANCEL on one still ringing out.
    virtual void hangup(quint64 token, int cause, const QByteArray &uui) = 0;
    // re-INVITE putting the call on hold (a=sendonly, or inactive while the far end holds too) or
    // resuming it; done once the far end accepted it (2xx with its answer), an error when it refused.
    virtual void hold(quint64 token, bool onHold) = 0;
    // DTMF digits (0-9 * # A-D) as RFC 4733 telephone-events on the call's RTP stream, one after the
    // other; done once they are queued (an error when the far end did not negotiate telephone-event).
    virtual void sendDigits(quint64 token, const QString &digits) = 0;
    // Blind transfer: REFER with Refer-To the target (a number at the registrar, `user@host` or a URI).
    // Done when the far end's NOTIFY says the new call was answered (sipfrag 2xx; then this side sends
    // BYE and forgets the call, no callEnded), or when it hangs up after accepting the REFER; an error
    // when it refused the REFER or the new call failed (the call goes on).
    virtual void transfer(quint64 token, const QString &target) = 0;
    // Consult transfer (RFC 3515 with RFC 3891): REFER in `token`'s dialog whose Refer-To is where the
    // answered call `consultToken` went, with a Replaces naming that call's dialog. Done as transfer();
    // on success the stack ends both calls (BYE) without callEnded for either. The target's BYE of the
    // replaced consult dialog while the REFER runs is part of the transfer: reported (callEnded) only
    // when the transfer then fails. An error (ENOTCONN) when the consult call is not answered.
    virtual void transferReplacing(quint64 token, quint64 consultToken) = 0;
    // INFO with the UUI in a User-to-User header, on an answered call; done on the far end's 2xx.
    virtual void sendUserUserInfo(quint64 token, const QByteArray &uui) = 0;
    // A new SUBSCRIBE for `uri`'s dialog event in place of the current one: its first NOTIFY brings the
    // full state again (the subscriber lost track of the versions).
    virtual void resubscribe(int account, const QString &uri) = 0;

Q_SIGNALS:
    void registrationChanged(int account, bool registered, const QString &reason);
    void callIncoming(quint64 token, int account, const QString &callerNumber, const QString &callerName,
                      const QString &calledNumber, const QByteArray &uui);
    // The result of placeCall/answer/reject/hangup: 0, or an errno-style code when nothing was sent.
    void commandDone(quint64 token, int error);
    void callProgress(quint64 token, int status, bool earlyMedia);
    void callEstablished(quint64 token);
    void callEnded(quint64 token, const SipCallEnd &end);
    // The call's RTP stream runs: its audio is in this endpoint until callAudioGone.
    void callAudioReady(quint64 token, const std::shared_ptr<LineAudioEndpoint> &endpoint);
    void callAudioGone(quint64 token);
    // The far end's re-INVITE put this side on hold (sendonly or inactive offer) or resumed it.
    void callRemoteHold(quint64 token, bool held);
    // A DTMF digit from the far end: an RFC 4733 event, or an INFO (application/dtmf-relay,
    // application/dtmf).
    void digitReceived(quint64 token, QChar digit);
    // The far end of `token` transferred its call here (REFER, answered 202): the stack placed call
    // `newToken` to `target` (the Refer-To URI, with its Replaces when it had one) and tells the far
    // end how it goes (NOTIFY); the new call then reports as placed calls do. The original call goes
    // on until its far end ends it.
    void transferCallPlaced(quint64 token, quint64 newToken, const QString &target);
    // An INVITE with Replaces (RFC 3891) took over call `token`: the stack answered it as call `newToken`
    // (its audio follows with callAudioReady) and left the old dialog (BYE, no callEnded).
    void callReplaced(quint64 token, quint64 newToken, const QString &number, const QString &name);
    // The User-to-User header of an INFO from the far end, decoded.
    void userUserInfoReceived(quint64 token, const QByteArray &uui);
    // The call's dialog as dialog-info names it (Call-ID and this side's tag), once both are known.
    void callDialogKnown(quint64 token, const QByteArray &callId, const QByteArray &localTag);
    // The dialog subscription to `uri` is in place (a 2xx, or its first NOTIFY) or not (refused, ended,
    // no answer: `reason`); the stack tries again by itself.
    void dialogSubscriptionChanged(int account, const QString &uri, bool active, const QString &reason);
    // The body of a NOTIFY of `uri`'s dialog event (application/dialog-info+xml), as received; empty for
    // a NOTIFY without a body (the notifier has no state to report).
    void dialogInfoReceived(int account, const QString &uri, const QByteArray &body);
};
