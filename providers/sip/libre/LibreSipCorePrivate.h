#pragma once

// What LibreSipCore's two source files share: its account and call records and the header helpers.
// Included by LibreSipCore*.cpp only.

#include "LibreRtpStream.h"
#include "LibreSipCore.h"
#include "LibreTlsContext.h"
#include "SipLogging.h"
#include "SipReason.h"
#include "SipSdp.h"
#include "SipUserToUser.h"

namespace LibreSipCoreDetail {

inline QByteArray fromPl(const struct pl &pl)
{
    return pl.p ? QByteArray(pl.p, qsizetype(pl.l)) : QByteArray();
}

// The Request-URI parameter that makes libre use the account's transport.
inline QByteArray transportParameter(const SipAccountConfig &config)
{
    switch (config.transport) {
    case SipAccountConfig::Transport::Tcp:
        return ";transport=tcp";
    case SipAccountConfig::Transport::Tls:
        return ";transport=tls";
    case SipAccountConfig::Transport::Udp:
        break;
    }
    return {};
}

// A display name without its quotes ("Dana Target" -> Dana Target).
inline QByteArray unquoted(QByteArray name)
{
    name = name.trimmed();
    if (name.size() >= 2 && name.startsWith('"') && name.endsWith('"'))
        name = name.mid(1, name.size() - 2);
    return name;
}

inline QString errorText(int err)
{
    return QString::fromLocal8Bit(strerror(err));
}

// Reason and User-to-User headers as this console sends them (each line ends with CRLF).
inline QByteArray closingHeaders(int cause, const QByteArray &uui)
{
    QByteArray headers;
    if (cause >= 0)
        headers += "Reason: " + SipReason::formatQ850(cause) + "\r\n";
    if (!uui.isEmpty())
        headers += "User-to-User: " + SipUserToUser::format(uui) + "\r\n";
    return headers;
}

// Reason (every instance; Q.850 and SIP protocols) and User-to-User of a BYE, CANCEL or response.
inline void readEndHeaders(const struct sip_msg *msg, SipCallEnd *end)
{
    for (struct le *le = list_head(&msg->hdrl); le; le = le->next) {
        const auto *header = static_cast<const struct sip_hdr *>(le->data);
        const QByteArray name = fromPl(header->name).toLower();
        const QByteArray value = fromPl(header->val);
        if (name == "reason") {
            if (std::optional<SipReason> q850 = SipReason::findQ850(value); q850 && end->q850Cause < 0)
                end->q850Cause = q850->cause;
            if (std::optional<SipReason> sip = SipReason::parse(value); sip
                && sip->protocol.compare(QLatin1String("SIP"), Qt::CaseInsensitive) == 0 && end->sipCause < 0)
                end->sipCause = sip->cause;
        } else if (name == "user-to-user" && end->uui.isEmpty()) {
            if (std::optional<SipUserToUser> uui = SipUserToUser::parse(value))
                end->uui = uui->data;
        }
    }
}

} // namespace LibreSipCoreDetail

// A SUBSCRIBE to one address's dialog event and its NOTIFYs.
struct LibreSipCore::DialogSubscription
{
    Account *account = nullptr;
    QString uri;
    QByteArray uriBytes;
    struct sipsub *sub = nullptr;
    bool active = false;
    bool reported = false;
    QString reason;
    struct tmr retry
    {
    };
    DialogSubscription() { tmr_init(&retry); }
    ~DialogSubscription()
    {
        tmr_cancel(&retry);
        mem_deref(sub);
    }
};

struct LibreSipCore::Account
{
    LibreSipCore *core = nullptr;
    int index = 0;
    SipAccountConfig config;
    struct dnsc *dns = nullptr;
    struct sip *sip = nullptr;
    struct sipsess_sock *sessions = nullptr;
    struct sipevent_sock *events = nullptr; // NOTIFYs of our REFERs
    struct sipreg *registration = nullptr;
    struct tmr retry
    {
    };
    struct tmr tlsRefused // the TLS server refused a connection: handled outside OpenSSL's callback
    {
    };
    struct tmr tlsWatch // the TLS server asked for our certificate: an answer must follow
    {
    };
    quint64 certificateRequestedMs = 0; // when it asked (tmr_jiffies)
    quint64 lastResponseMs = 0; // when the last SIP response came (tmr_jiffies)
    struct sa localAddress
    {
    };
    std::unique_ptr<LibreTlsContext> tls; // transport tls: the context every connection checks with
    QByteArray aor, registrarUri, route, contactUser, displayName;
    bool registered = false;
    QString reason;
    bool reported = false;
    // What the far end's BYE or CANCEL said, by Call-ID: libre ends the session without the request.
    QHash<QByteArray, SipCallEnd> endings;
    // The last initial INVITE sent per Call-ID, to build a CANCEL that carries Reason and User-to-User
    // (libre 1.1 sends its own CANCEL without them).
    struct SentInvite
    {
        QByteArray requestUri, via, from, to, cseq;
        QList<QByteArray> routes;
        struct sa destination
        {
        };
        enum sip_transp transport = SIP_TRANSP_UDP;
    };
    QHash<QByteArray, SentInvite> invites;

    // Dialog-info subscriptions of this account (its dialogSubscriptions()).
    std::vector<std::unique_ptr<DialogSubscription>> subscriptions;

    bool closing = false; // sip_close() called, waiting for libre's exit handler
    bool closed = false;

    // Only after close() has finished (or never started): then nothing of libre refers to it.
    ~Account()
    {
        subscriptions.clear();
        tmr_cancel(&retry);
        tmr_cancel(&tlsRefused);
        tmr_cancel(&tlsWatch);
        mem_deref(registration);
        mem_deref(events);
        mem_deref(sessions);
        mem_deref(sip);
        mem_deref(dns);
    }
};

struct LibreSipCore::Call
{
    LibreSipCore *core = nullptr;
    quint64 token = 0;
    Account *account = nullptr;
    struct sipsess *session = nullptr;
    std::unique_ptr<LibreRtpStream> rtp;
    bool outbound = false;
    bool audioAnnounced = false;
    bool provisional = false; // outbound: a 1xx arrived, so a CANCEL may be sent
    QByteArray callId;
    QByteArray localTag, remoteTag; // the dialog's tags, known once it is established
    QByteArray targetUri; // outbound: the Request-URI we called (a consult transfer's Refer-To)
    QByteArray remoteAddress;
    quint16 remotePort = 0;
    // The far end's payload type, codec and fmtp for it; payloadType -1: no offer yet (an INVITE
    // without SDP: ours goes in the 200).
    SipSdp::Format format;
    int packetMs = 20; // what we send with: the far end's a=ptime / a=maxptime (SipSdp::packetTimeFor)
    int telephoneEvent = -1; // the far end's telephone-event payload type, -1 when not negotiated
    int telephoneEventRate = 8000; // its clock: 8000, or 48000 beside Opus
    QByteArray remoteDirection = "sendrecv"; // of the far end's last SDP
    QByteArray localDirection = "sendrecv"; // of ours
    bool localHold = false;
    bool remoteHeld = false;
    bool timeoutArmed = false; // the RTP timeout runs (from the answer on)
    bool modifyPending = false; // our re-INVITE (hold, resume) waits for its final response
    quint64 sdpVersion = 1;
    // Blind transfer: our REFER's implicit subscription and what its NOTIFYs said (sipfrag status).
    struct sipsub *refer = nullptr;
    struct sip_request *info = nullptr; // our INFO with UUI while it waits for its response (libre clears it)
    bool transferPending = false;
    // A far end's REFER to this call: the implicit subscription our NOTIFYs go to (RFC 3515).
    struct sipnot *referNotifier = nullptr;
    quint64 referrer = 0; // a call placed for a far end's REFER: the call whose far end asked
    quint64 replacedConsult = 0; // consult transfer: the call whose dialog our REFER's Replaces names
    // How that consult call ended while the transfer was under way (the target's BYE of the replaced
    // dialog): reported only if the transfer fails.
    std::optional<SipCallEnd> consultEnd;
    bool referAccepted = false; // a NOTIFY came: the far end took the REFER
    int transferStatus = 0; // final sipfrag status, or the REFER's own error response
    struct tmr transferDone
    {
    };
    Call() { tmr_init(&transferDone); }
    ~Call()
    {
        tmr_cancel(&transferDone);
        mem_deref(info); // before completion: libre cancels it without calling back
        mem_deref(referNotifier);
        mem_deref(refer);
        mem_deref(session);
    }
};
