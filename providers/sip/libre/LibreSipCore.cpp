#include "LibreSipCore.h"

#include "LibreRtpStream.h"
#include "SipLogging.h"
#include "SipReason.h"
#include "SipSdp.h"
#include "SipUserToUser.h"

namespace {

QByteArray fromPl(const struct pl &pl)
{
    return pl.p ? QByteArray(pl.p, qsizetype(pl.l)) : QByteArray();
}

QString errorText(int err)
{
    return QString::fromLocal8Bit(strerror(err));
}

// Reason and User-to-User headers as this console sends them (each line ends with CRLF).
QByteArray closingHeaders(int cause, const QByteArray &uui)
{
    QByteArray headers;
    if (cause >= 0)
        headers += "Reason: " + SipReason::formatQ850(cause) + "\r\n";
    if (!uui.isEmpty())
        headers += "User-to-User: " + SipUserToUser::format(uui) + "\r\n";
    return headers;
}

// Reason (every instance; Q.850 and SIP protocols) and User-to-User of a BYE, CANCEL or response.
void readEndHeaders(const struct sip_msg *msg, SipCallEnd *end)
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

} // namespace

struct LibreSipCore::Account
{
    LibreSipCore *core = nullptr;
    int index = 0;
    SipAccountConfig config;
    struct dnsc *dns = nullptr;
    struct sip *sip = nullptr;
    struct sipsess_sock *sessions = nullptr;
    struct sipreg *registration = nullptr;
    struct tmr retry
    {
    };
    struct sa localAddress
    {
    };
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

    bool closing = false; // sip_close() called, waiting for libre's exit handler
    bool closed = false;

    // Only after close() has finished (or never started): then nothing of libre refers to it.
    ~Account()
    {
        tmr_cancel(&retry);
        mem_deref(registration);
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
    QByteArray remoteAddress;
    quint16 remotePort = 0;
    int payloadType = -1;
    quint64 sdpVersion = 1;

    ~Call() { mem_deref(session); }
};

LibreSipCore::LibreSipCore(SipStack *stack, int retrySeconds)
    : m_stack(stack)
    , m_retrySeconds(qMax(1, retrySeconds))
{
    tmr_init(&m_shutdownDeadline);
}

LibreSipCore::~LibreSipCore()
{
    tmr_cancel(&m_shutdownDeadline);
}

void LibreSipCore::shutdown(std::function<void()> finished)
{
    // Quietly: no signals while the stack stops. BYE and CANCEL go out as each session is released,
    // the registrations are withdrawn (REGISTER with expires 0), and libre's exit handler says when every
    // transaction has ended; a deadline bounds the wait when a peer no longer answers.
    m_shutdownFinished = std::move(finished);
    for (auto &[token, call] : m_calls)
        call->rtp.reset();
    m_calls.clear();
    for (const std::unique_ptr<Account> &account : m_accounts) {
        tmr_cancel(&account->retry);
        account->registration = static_cast<struct sipreg *>(mem_deref(account->registration));
        account->sessions = static_cast<struct sipsess_sock *>(mem_deref(account->sessions));
        if (account->sip) {
            account->closing = true;
            sip_close(account->sip, false); // drops our reference; the exit handler follows
        }
    }
    tmr_start(&m_shutdownDeadline, ShutdownDeadlineMs, &LibreSipCore::shutdownDeadline, this);
    checkShutdown();
}

void LibreSipCore::sipExited(void *arg)
{
    auto *account = static_cast<Account *>(arg);
    account->closed = true;
    // Inside libre's destructor of the SIP stack: finish from the timer, not from here.
    tmr_start(&account->core->m_shutdownDeadline, 0, &LibreSipCore::shutdownDeadline, account->core);
}

void LibreSipCore::shutdownDeadline(void *arg)
{
    auto *core = static_cast<LibreSipCore *>(arg);
    if (!core->checkShutdown()) {
        // A peer did not answer in time: drop the remaining transactions.
        for (const std::unique_ptr<Account> &account : core->m_accounts) {
            if (account->closing && !account->closed) {
                qCInfo(lcSip).noquote()
                    << account->config.lineId() << "shutdown: dropping unfinished SIP transactions";
                sip_close(account->sip, true);
            }
        }
        if (!core->checkShutdown())
            core->finishShutdown();
    }
}

bool LibreSipCore::checkShutdown()
{
    for (const std::unique_ptr<Account> &account : m_accounts) {
        if (account->closing && !account->closed)
            return false;
    }
    finishShutdown();
    return true;
}

void LibreSipCore::finishShutdown()
{
    tmr_cancel(&m_shutdownDeadline);
    for (const std::unique_ptr<Account> &account : m_accounts) {
        // After the exit handler libre holds the stack for us to release; without it (deadline) we
        // leave it to libre rather than free it under a live transaction.
        if (account->closing && !account->closed)
            account->sip = nullptr;
    }
    m_accounts.clear();
    if (std::function<void()> finished = std::exchange(m_shutdownFinished, nullptr))
        finished(); // deletes this
}

void LibreSipCore::start(const QList<SipAccountConfig> &accounts)
{
    for (qsizetype i = 0; i < accounts.size(); ++i) {
        auto account = std::make_unique<Account>();
        account->core = this;
        account->index = int(i);
        account->config = accounts.at(i);
        tmr_init(&account->retry);
        m_accounts.push_back(std::move(account));
        openAccount(*m_accounts.back());
    }
}

void LibreSipCore::openAccount(Account &account)
{
    const SipAccountConfig &config = account.config;
    const QByteArray transportParam =
        config.transport == SipAccountConfig::Transport::Tcp ? ";transport=tcp" : "";
    account.aor = "sip:" + config.user.toUtf8() + '@' + config.registrar.toUtf8();
    account.registrarUri = "sip:" + config.registrar.toUtf8() + transportParam;
    if (!config.proxy.isEmpty())
        account.route = "sip:" + config.proxy.toUtf8() + ";lr" + transportParam;
    account.contactUser = config.user.toUtf8();
    account.displayName = config.displayName.toUtf8();

    // The local address toward the registrar: loopback for a loopback registrar, else the default route's.
    struct sa registrar
    {
    };
    const QByteArray registrarText = config.registrar.toUtf8();
    const bool registrarIsIp =
        sa_decode(&registrar, registrarText.constData(), size_t(registrarText.size())) == 0
        || sa_set_str(&registrar, registrarText.constData(), 0) == 0;
    if (registrarIsIp && sa_is_loopback(&registrar))
        sa_set_str(&account.localAddress, sa_af(&registrar) == AF_INET6 ? "::1" : "127.0.0.1", 0);
    else if (net_default_source_addr_get(AF_INET, &account.localAddress) != 0)
        sa_set_str(&account.localAddress, "127.0.0.1", 0);
    sa_set_port(&account.localAddress, uint16_t(config.localPort));

    int err = dnsc_alloc(&account.dns, nullptr, nullptr, 0);
    if (!err)
        err =
            sip_alloc(&account.sip, account.dns, 32, 32, 32, "Hookline", &LibreSipCore::sipExited, &account);
    if (!err)
        err = sip_transp_add(account.sip, SIP_TRANSP_UDP, &account.localAddress);
    if (!err && config.transport == SipAccountConfig::Transport::Tcp)
        err = sip_transp_add(account.sip, SIP_TRANSP_TCP, &account.localAddress);
    if (!err)
        err = sipsess_listen(&account.sessions, account.sip, 32, &LibreSipCore::incoming, &account);
    if (err) {
        setRegistration(account, false, QStringLiteral("cannot open a SIP socket: %1").arg(errorText(err)));
        return;
    }
    sip_set_trace_handler(account.sip, &LibreSipCore::trace);
    registerAccount(account);
}

void LibreSipCore::registerAccount(Account &account)
{
    account.registration = static_cast<struct sipreg *>(mem_deref(account.registration));
    const char *routes[1] = {account.route.constData()};
    const int err = sipreg_register(
        &account.registration, account.sip, account.registrarUri.constData(), account.aor.constData(),
        account.displayName.isEmpty() ? nullptr : account.displayName.constData(), account.aor.constData(),
        uint32_t(account.config.expires), account.contactUser.constData(),
        account.route.isEmpty() ? nullptr : routes, account.route.isEmpty() ? 0 : 1, 0,
        &LibreSipCore::authenticate, &account, false, &LibreSipCore::registrationResponse, &account, nullptr,
        nullptr);
    if (err) {
        setRegistration(account, false, QStringLiteral("cannot send REGISTER: %1").arg(errorText(err)));
        tmr_start(&account.retry, uint64_t(m_retrySeconds) * 1000, &LibreSipCore::retryRegistration,
                  &account);
    }
}

void LibreSipCore::setRegistration(Account &account, bool registered, const QString &reason)
{
    if (account.reported && account.registered == registered && account.reason == reason)
        return;
    account.reported = true;
    account.registered = registered;
    account.reason = reason;
    if (registered)
        qCInfo(lcSip).noquote() << account.config.lineId() << "registered at" << account.config.registrar;
    else
        qCInfo(lcSip).noquote() << account.config.lineId() << "out of service:" << reason;
    Q_EMIT m_stack->registrationChanged(account.index, registered, reason);
}

int LibreSipCore::authenticate(char **user, char **password, const char *, void *arg)
{
    const auto *account = static_cast<const Account *>(arg);
    int err = str_dup(user, account->config.authUser.toUtf8().constData());
    err |= str_dup(password, account->config.password.toUtf8().constData());
    return err;
}

void LibreSipCore::registrationResponse(int err, const struct sip_msg *msg, void *arg)
{
    auto *account = static_cast<Account *>(arg);
    LibreSipCore *core = account->core;
    if (!err && msg && msg->scode >= 200 && msg->scode < 300) {
        core->setRegistration(*account, true, {});
        return;
    }
    QString reason;
    if (err) {
        reason = QStringLiteral("registrar %1 does not answer (%2)")
                     .arg(account->config.registrar, errorText(err));
    } else if (msg && (msg->scode == 401 || msg->scode == 407 || msg->scode == 403)) {
        reason = QStringLiteral("registrar %1 refused the credentials of %2 (%3 %4)")
                     .arg(account->config.registrar, account->config.authUser)
                     .arg(msg->scode)
                     .arg(QString::fromUtf8(fromPl(msg->reason)));
    } else if (msg) {
        reason = QStringLiteral("registrar %1 refused the registration (%2 %3)")
                     .arg(account->config.registrar)
                     .arg(msg->scode)
                     .arg(QString::fromUtf8(fromPl(msg->reason)));
    } else {
        return;
    }
    core->setRegistration(*account, false, reason);
    // libre's own back-off waits minutes; ours tries again at the configured interval.
    account->registration = static_cast<struct sipreg *>(mem_deref(account->registration));
    tmr_start(&account->retry, uint64_t(core->m_retrySeconds) * 1000, &LibreSipCore::retryRegistration,
              account);
}

void LibreSipCore::retryRegistration(void *arg)
{
    auto *account = static_cast<Account *>(arg);
    account->core->registerAccount(*account);
}

void LibreSipCore::trace(bool tx, enum sip_transp transport, const struct sa *, const struct sa *dst,
                         const uint8_t *packet, size_t length, void *arg)
{
    if (lcSipTrace().isDebugEnabled()) {
        qCDebug(lcSipTrace).noquote()
            << (tx ? "sent" : "received") << length << "bytes\n"
            << QString::fromUtf8(reinterpret_cast<const char *>(packet), qsizetype(length));
    }
    if (length < 8)
        return;
    const QByteArrayView start(reinterpret_cast<const char *>(packet), qsizetype(qMin<size_t>(length, 8)));
    if (tx) {
        if (start.startsWith("INVITE "))
            rememberInvite(*static_cast<Account *>(arg), transport, dst, packet, length);
        return;
    }
    const bool bye = start.startsWith("BYE ");
    const bool cancel = start.startsWith("CANCEL ");
    if (!bye && !cancel)
        return;
    struct mbuf *mb = mbuf_alloc(length);
    if (!mb)
        return;
    mbuf_write_mem(mb, packet, length);
    mb->pos = 0;
    struct sip_msg *msg = nullptr;
    if (sip_msg_decode(&msg, mb) == 0) {
        auto *account = static_cast<Account *>(arg);
        SipCallEnd end;
        end.cancelled = cancel;
        readEndHeaders(msg, &end);
        if (account->endings.size() > 64)
            account->endings.clear(); // only the latest matter; never let a flood grow it
        account->endings.insert(fromPl(msg->callid), end);
    }
    mem_deref(msg);
    mem_deref(mb);
}

void LibreSipCore::rememberInvite(Account &account, enum sip_transp transport, const struct sa *destination,
                                  const uint8_t *packet, size_t length)
{
    struct mbuf *mb = mbuf_alloc(length);
    if (!mb)
        return;
    mbuf_write_mem(mb, packet, length);
    mb->pos = 0;
    struct sip_msg *msg = nullptr;
    if (sip_msg_decode(&msg, mb) == 0 && !pl_isset(&msg->to.tag)) {
        Account::SentInvite invite;
        invite.requestUri = fromPl(msg->ruri);
        invite.cseq = QByteArray::number(msg->cseq.num);
        invite.destination = *destination;
        invite.transport = transport;
        for (struct le *le = list_head(&msg->hdrl); le; le = le->next) {
            const auto *header = static_cast<const struct sip_hdr *>(le->data);
            if (header->id == SIP_HDR_VIA && invite.via.isEmpty())
                invite.via = fromPl(header->val);
            else if (header->id == SIP_HDR_FROM)
                invite.from = fromPl(header->val);
            else if (header->id == SIP_HDR_TO)
                invite.to = fromPl(header->val);
            else if (header->id == SIP_HDR_ROUTE)
                invite.routes.append(fromPl(header->val));
        }
        if (account.invites.size() > 64)
            account.invites.clear(); // stale entries only: calls remove their own
        account.invites.insert(fromPl(msg->callid), invite);
    }
    mem_deref(msg);
    mem_deref(mb);
}

bool LibreSipCore::sendCancel(const Call &call, const QByteArray &headers)
{
    // RFC 3261 9.1: the CANCEL of an INVITE copies its Request-URI, top Via, To, From, Call-ID, CSeq
    // number and Route, and is sent only after a provisional response.
    const auto it = call.account->invites.constFind(call.callId);
    if (!call.provisional || it == call.account->invites.constEnd())
        return false;
    const Account::SentInvite &invite = it.value();
    QByteArray cancel = "CANCEL " + invite.requestUri + " SIP/2.0\r\n";
    cancel += "Via: " + invite.via + "\r\n";
    cancel += "Max-Forwards: 70\r\n";
    cancel += "To: " + invite.to + "\r\nFrom: " + invite.from + "\r\n";
    cancel += "Call-ID: " + call.callId + "\r\nCSeq: " + invite.cseq + " CANCEL\r\n";
    for (const QByteArray &route : invite.routes)
        cancel += "Route: " + route + "\r\n";
    cancel += headers + "Content-Length: 0\r\n\r\n";
    struct mbuf *mb = mbuf_alloc(size_t(cancel.size()));
    if (!mb)
        return false;
    mbuf_write_mem(mb, reinterpret_cast<const uint8_t *>(cancel.constData()), size_t(cancel.size()));
    mb->pos = 0;
    struct sa destination = invite.destination;
    const int err = sip_send(call.account->sip, nullptr, invite.transport, &destination, mb);
    mem_deref(mb);
    return err == 0;
}

bool LibreSipCore::takeRemoteSdp(Call &call, const struct sip_msg *msg)
{
    if (!msg || !mbuf_get_left(msg->mb))
        return false;
    const QByteArrayView body(reinterpret_cast<const char *>(mbuf_buf(msg->mb)),
                              qsizetype(mbuf_get_left(msg->mb)));
    const std::optional<SipSdp> sdp = SipSdp::parse(body);
    if (!sdp)
        return false;
    const int payloadType = sdp->firstCommonPayloadType();
    if (payloadType < 0)
        return false;
    call.remoteAddress = sdp->address;
    call.remotePort = sdp->port;
    call.payloadType = payloadType;
    return true;
}

QByteArray LibreSipCore::sdpFor(const Call &call, const QList<int> &payloadTypes) const
{
    return SipSdp::build(call.rtp->localAddress(), call.rtp->localPort(), call.token & 0xffffffffu,
                         call.sdpVersion, payloadTypes);
}

void LibreSipCore::startAudio(Call &call)
{
    if (!call.rtp || call.payloadType < 0)
        return;
    call.rtp->start(call.remoteAddress, call.remotePort, call.payloadType);
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
    if (!core->takeRemoteSdp(*call, msg)) {
        // No offer we can answer (no SDP, no G.711): 488 as RFC 3261 asks.
        sip_treply(nullptr, account->sip, msg, 488, "Not Acceptable Here");
        return;
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
                                   &LibreSipCore::answered, &LibreSipCore::established, nullptr, nullptr,
                                   &LibreSipCore::closed, call.get(), nullptr);
    if (err) {
        qCWarning(lcSip) << "incoming call could not be accepted:" << errorText(err);
        return;
    }
    call->callId = fromPl(msg->callid);
    QByteArray uui;
    if (const struct sip_hdr *header = sip_msg_xhdr(msg, "User-to-User")) {
        if (std::optional<SipUserToUser> parsed = SipUserToUser::parse(fromPl(header->val)))
            uui = parsed->data;
    }
    QByteArray name = fromPl(msg->from.dname);
    if (name.size() >= 2 && name.startsWith('"') && name.endsWith('"'))
        name = name.mid(1, name.size() - 2);
    const quint64 token = call->token;
    core->m_calls.emplace(token, std::move(call));
    Q_EMIT core->m_stack->callIncoming(token, account->index, QString::fromUtf8(fromPl(msg->from.uri.user)),
                                       QString::fromUtf8(name), QString::fromUtf8(fromPl(msg->to.uri.user)),
                                       uui);
}

int LibreSipCore::offer(struct mbuf **description, const struct sip_msg *msg, void *arg)
{
    // A re-INVITE: keep the stream, follow the far end's new address, answer with what we use.
    auto *call = static_cast<Call *>(arg);
    if (!call->core->takeRemoteSdp(*call, msg) || !call->rtp)
        return EPROTO;
    ++call->sdpVersion;
    const QByteArray sdp = call->core->sdpFor(*call, {call->payloadType});
    *description = mbuf_alloc(size_t(sdp.size()));
    if (!*description)
        return ENOMEM;
    mbuf_write_mem(*description, reinterpret_cast<const uint8_t *>(sdp.constData()), size_t(sdp.size()));
    (*description)->pos = 0;
    call->core->startAudio(*call);
    return 0;
}

int LibreSipCore::answered(const struct sip_msg *msg, void *arg)
{
    auto *call = static_cast<Call *>(arg);
    if (!call->core->takeRemoteSdp(*call, msg))
        return EPROTO; // libre ends the session
    call->core->startAudio(*call);
    return 0;
}

void LibreSipCore::progress(const struct sip_msg *msg, void *arg)
{
    auto *call = static_cast<Call *>(arg);
    call->provisional = true;
    const bool earlyMedia = msg->scode == 183 && call->core->takeRemoteSdp(*call, msg);
    Q_EMIT call->core->m_stack->callProgress(call->token, msg->scode, earlyMedia);
    if (earlyMedia)
        call->core->startAudio(*call);
}

void LibreSipCore::established(const struct sip_msg *, void *arg)
{
    auto *call = static_cast<Call *>(arg);
    if (call->outbound)
        Q_EMIT call->core->m_stack->callEstablished(call->token);
}

void LibreSipCore::closed(int err, const struct sip_msg *msg, void *arg)
{
    auto *call = static_cast<Call *>(arg);
    LibreSipCore *core = call->core;
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
    // destroyCall() releases our reference to the session: libre keeps it while it finishes.
    const quint64 token = call->token;
    Q_EMIT core->m_stack->callEnded(token, end);
    core->destroyCall(token);
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

void LibreSipCore::placeCall(quint64 token, int accountIndex, const QString &target, const QByteArray &uui)
{
    if (accountIndex < 0 || accountIndex >= int(m_accounts.size())
        || !m_accounts[size_t(accountIndex)]->sessions) {
        Q_EMIT m_stack->commandDone(token, ENODEV);
        return;
    }
    Account &account = *m_accounts[size_t(accountIndex)];
    QByteArray to = target.trimmed().toUtf8();
    if (!to.startsWith("sip:")) {
        if (!to.contains('@'))
            to += '@' + account.config.registrar.toUtf8();
        to = "sip:" + to;
        if (account.config.transport == SipAccountConfig::Transport::Tcp)
            to += ";transport=tcp";
    }
    auto call = std::make_unique<Call>();
    call->core = this;
    call->account = &account;
    call->token = token;
    call->outbound = true;
    QByteArray error;
    call->rtp = LibreRtpStream::open(account.localAddress, &error);
    if (!call->rtp) {
        qCWarning(lcSip) << "call not placed:" << error;
        Q_EMIT m_stack->commandDone(token, EADDRINUSE);
        return;
    }
    const QByteArray sdp = sdpFor(*call, {0, 8});
    struct mbuf *offerBody = mbuf_alloc(size_t(sdp.size()));
    mbuf_write_mem(offerBody, reinterpret_cast<const uint8_t *>(sdp.constData()), size_t(sdp.size()));
    offerBody->pos = 0;
    const QByteArray headers = closingHeaders(-1, uui);
    const char *routes[1] = {account.route.constData()};
    const int err = sipsess_connect(
        &call->session, account.sessions, to.constData(),
        account.displayName.isEmpty() ? nullptr : account.displayName.constData(), account.aor.constData(),
        account.contactUser.constData(), account.route.isEmpty() ? nullptr : routes,
        account.route.isEmpty() ? 0 : 1, "application/sdp", offerBody, &LibreSipCore::authenticate, &account,
        false, &LibreSipCore::offer, &LibreSipCore::answered, &LibreSipCore::progress,
        &LibreSipCore::established, nullptr, nullptr, &LibreSipCore::closed, call.get(), "%s",
        headers.constData());
    mem_deref(offerBody);
    if (err) {
        qCWarning(lcSip) << "INVITE to" << to << "not sent:" << errorText(err);
        call->session = nullptr;
        Q_EMIT m_stack->commandDone(token, err);
        return;
    }
    if (const char *callId = sip_dialog_callid(sipsess_dialog(call->session)))
        call->callId = callId;
    m_calls.emplace(token, std::move(call));
    Q_EMIT m_stack->commandDone(token, 0);
}

void LibreSipCore::answer(quint64 token, const QByteArray &uui)
{
    auto it = m_calls.find(token);
    if (it == m_calls.end() || !it->second->session) {
        Q_EMIT m_stack->commandDone(token, ENOENT);
        return;
    }
    Call &call = *it->second;
    const QByteArray sdp = sdpFor(call, {call.payloadType});
    struct mbuf *answerBody = mbuf_alloc(size_t(sdp.size()));
    mbuf_write_mem(answerBody, reinterpret_cast<const uint8_t *>(sdp.constData()), size_t(sdp.size()));
    answerBody->pos = 0;
    const QByteArray headers = closingHeaders(-1, uui);
    const int err = sipsess_answer(call.session, 200, "OK", answerBody, "%s", headers.constData());
    mem_deref(answerBody);
    if (!err)
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
