// LibreSipCore: accounts (SIP socket, registration and its retry), the SIP trace hook that reads what
// libre 1.1 does not hand over (BYE/CANCEL headers, the INVITE a CANCEL copies), and the shutdown.
#include "LibreSipCorePrivate.h"

using namespace LibreSipCoreDetail;

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
        tmr_cancel(&account->tlsRefused);
        tmr_cancel(&account->tlsWatch);
        account->subscriptions.clear(); // un-SUBSCRIBE (expires 0) while the stack still runs
        account->registration = static_cast<struct sipreg *>(mem_deref(account->registration));
        account->sessions = static_cast<struct sipsess_sock *>(mem_deref(account->sessions));
        account->events = static_cast<struct sipevent_sock *>(mem_deref(account->events));
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
        tmr_init(&account->tlsRefused);
        tmr_init(&account->tlsWatch);
        m_accounts.push_back(std::move(account));
        openAccount(*m_accounts.back());
    }
}

void LibreSipCore::openAccount(Account &account)
{
    const SipAccountConfig &config = account.config;
    const QByteArray transportParam = transportParameter(config);
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

    if (config.transport == SipAccountConfig::Transport::Tls) {
        // Every TLS connection of the account checks the server's certificate (LibreTlsContext).
        QString problem;
        account.tls = LibreTlsContext::create(config, &problem);
        if (!account.tls) {
            // Read again at the retry interval: a file put right (or mounted late) brings the line up.
            setRegistration(account, false, QStringLiteral("TLS: %1").arg(problem));
            tmr_start(&account.retry, uint64_t(m_retrySeconds) * 1000, &LibreSipCore::retryOpen, &account);
            return;
        }
        watchTlsRefusals(account);
    }
    int err = dnsc_alloc(&account.dns, nullptr, nullptr, 0);
    if (!err)
        err =
            sip_alloc(&account.sip, account.dns, 32, 32, 32, "Hookline", &LibreSipCore::sipExited, &account);
    // A TLS account speaks TLS only: no plain socket beside it that would take unprotected requests.
    if (!err && config.transport != SipAccountConfig::Transport::Tls)
        err = sip_transp_add(account.sip, SIP_TRANSP_UDP, &account.localAddress);
    if (!err && config.transport == SipAccountConfig::Transport::Tcp)
        err = sip_transp_add(account.sip, SIP_TRANSP_TCP, &account.localAddress);
    if (!err && config.transport == SipAccountConfig::Transport::Tls)
        err = sip_transp_add(account.sip, SIP_TRANSP_TLS, &account.localAddress, account.tls->tls());
    if (!err)
        err = sipsess_listen(&account.sessions, account.sip, 32, &LibreSipCore::incoming, &account);
    if (!err)
        err = sipevent_listen(&account.events, account.sip, 32, 32, nullptr, nullptr);
    if (err) {
        setRegistration(account, false, QStringLiteral("cannot open a SIP socket: %1").arg(errorText(err)));
        return;
    }
    sip_set_trace_handler(account.sip, &LibreSipCore::trace);
    registerAccount(account);
    subscribeDialogs(account);
}

void LibreSipCore::registerAccount(Account &account)
{
    account.registration = static_cast<struct sipreg *>(mem_deref(account.registration));
    if (account.tls)
        account.tls->clearFailure();
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
    if (err && account->tls && !account->tls->refusal().isEmpty()) {
        reason = account->tls->refusal();
    } else if (err && account->tls && !account->tls->failure().isEmpty()) {
        const SipAccountConfig &config = account->config;
        reason = QStringLiteral("the TLS certificate of %1 is not trusted: %2")
                     .arg(config.proxy.isEmpty() ? QStringLiteral("registrar ") + config.registrar
                                                 : QStringLiteral("proxy ") + config.proxy,
                          account->tls->failure());
    } else if (err) {
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

void LibreSipCore::retryOpen(void *arg)
{
    auto *account = static_cast<Account *>(arg);
    account->core->openAccount(*account);
}

namespace {
// How long a server that asked for our TLS certificate has to answer the request that went out on the
// connection (a REGISTER is answered in milliseconds): its refusal may never reach us (below).
constexpr uint64_t CertificateAnswerMs = 4000;
} // namespace

void LibreSipCore::watchTlsRefusals(Account &account)
{
    Account *watched = &account;
    account.tls->setRefusalHandler(
        [watched] { tmr_start(&watched->tlsRefused, 0, &LibreSipCore::tlsRefused, watched); });
    // The server's alert can be lost: it closes the connection at once, and the REGISTER we sent after our
    // handshake makes its TCP answer a reset, which discards what we had not read yet. A server that asked
    // for our certificate and then answers nothing has refused it.
    account.tls->setCertificateRequestHandler([watched] {
        watched->certificateRequestedMs = tmr_jiffies();
        tmr_start(&watched->tlsWatch, CertificateAnswerMs, &LibreSipCore::tlsUnanswered, watched);
    });
}

void LibreSipCore::tlsRefused(void *arg)
{
    auto *account = static_cast<Account *>(arg);
    if (account->tls && !account->tls->refusal().isEmpty())
        account->core->refuseTls(*account, account->tls->refusal());
}

void LibreSipCore::tlsUnanswered(void *arg)
{
    auto *account = static_cast<Account *>(arg);
    if (!account->tls || account->lastResponseMs >= account->certificateRequestedMs)
        return; // answered: the server took the connection
    account->core->refuseTls(*account,
                             account->tls->refusal().isEmpty() ? account->tls->unansweredReason()
                                                               : account->tls->refusal());
}

void LibreSipCore::refuseTls(Account &account, QString reason)
{
    // The connection is gone and the REGISTER on it will never be answered: out of service now, with the
    // server's reason, rather than when the transaction times out (32 s).
    if (account.closing)
        return;
    tmr_cancel(&account.tlsWatch);
    const SipAccountConfig &config = account.config;
    reason.replace(QStringLiteral("the server"),
                   config.proxy.isEmpty() ? QStringLiteral("registrar ") + config.registrar
                                          : QStringLiteral("proxy ") + config.proxy);
    setRegistration(account, false, reason);
    account.registration = static_cast<struct sipreg *>(mem_deref(account.registration));
    tmr_start(&account.retry, uint64_t(m_retrySeconds) * 1000, &LibreSipCore::retryTls, &account);
}

void LibreSipCore::retryTls(void *arg)
{
    // The TLS files read again (a certificate put in place, or replaced by one the server accepts): a new
    // context for the TLS transport, then the registration.
    auto *account = static_cast<Account *>(arg);
    LibreSipCore *core = account->core;
    QString problem;
    std::unique_ptr<LibreTlsContext> tls = LibreTlsContext::create(account->config, &problem);
    if (!tls) {
        core->setRegistration(*account, false, QStringLiteral("TLS: %1").arg(problem));
        tmr_start(&account->retry, uint64_t(core->m_retrySeconds) * 1000, &LibreSipCore::retryTls, account);
        return;
    }
    sip_transp_flush(account->sip);
    const int err = sip_transp_add(account->sip, SIP_TRANSP_TLS, &account->localAddress, tls->tls());
    account->tls = std::move(tls);
    core->watchTlsRefusals(*account);
    if (err) {
        core->setRegistration(*account, false,
                              QStringLiteral("cannot open a SIP socket: %1").arg(errorText(err)));
        tmr_start(&account->retry, uint64_t(core->m_retrySeconds) * 1000, &LibreSipCore::retryTls, account);
        return;
    }
    core->registerAccount(*account);
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
    const bool response = start.startsWith("SIP/2.0 ");
    if (response)
        static_cast<Account *>(arg)->lastResponseMs = tmr_jiffies();
    if (!bye && !cancel && !response)
        return;
    struct mbuf *mb = mbuf_alloc(length);
    if (!mb)
        return;
    mbuf_write_mem(mb, packet, length);
    mb->pos = 0;
    struct sip_msg *msg = nullptr;
    if (sip_msg_decode(&msg, mb) == 0 && response) {
        // A final error to a re-INVITE of ours (to-tag set: inside the dialog).
        if (!pl_strcmp(&msg->cseq.met, "INVITE") && pl_isset(&msg->to.tag) && msg->scode >= 300) {
            auto *account = static_cast<Account *>(arg);
            account->core->reinviteFailed(*account, msg);
        }
    } else if (msg) {
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
