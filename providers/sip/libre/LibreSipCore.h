#pragma once

#include "LibreHeaders.h"
#include "SipAccountConfig.h"
#include "SipStack.h"

#include <QtCore/qhash.h>

#include <functional>
#include <map>
#include <memory>
#include <vector>

class LibreRtpStream;

// The libre side of LibreSipStack: lives and runs on libre's thread only (created there by the first
// job, deleted by the last). Reports by emitting the stack's signals, which Qt queues to the receivers.
class LibreSipCore
{
public:
    LibreSipCore(SipStack *stack, int retrySeconds);
    ~LibreSipCore();

    // Ends every call, withdraws the registrations, and calls `finished` once libre has let go of every
    // SIP stack (or after ShutdownDeadlineMs); `finished` may delete this.
    void shutdown(std::function<void()> finished);

    void start(const QList<SipAccountConfig> &accounts);
    void placeCall(quint64 token, int account, const QString &target, const QByteArray &uui);
    void answer(quint64 token, const QByteArray &uui);
    void reject(quint64 token, int status, int cause, const QByteArray &uui);
    void hangup(quint64 token, int cause, const QByteArray &uui);
    void hold(quint64 token, bool onHold);
    void sendDigits(quint64 token, const QString &digits);
    void transfer(quint64 token, const QString &target);
    void transferReplacing(quint64 token, quint64 consultToken);
    void sendUserUserInfo(quint64 token, const QByteArray &uui);
    void resubscribe(int account, const QString &uri);

private:
    struct Account;
    struct Call;
    struct DialogSubscription;

    void openAccount(Account &account);
    void registerAccount(Account &account);
    void setRegistration(Account &account, bool registered, const QString &reason);
    void destroyCall(quint64 token);
    // The confirmed dialog a Replaces header names, 0 when none.
    quint64 replacedBy(const Account &account, const QByteArray &replaces) const;
    // Starts or updates the call's RTP stream; `answered` false for early media (183).
    void startAudio(Call &call, bool answered = true);
    // Our SDP: an offer of every codec of the account (`offerAll`, or no codec agreed yet), else the
    // agreed one.
    QByteArray sdpFor(const Call &call, bool offerAll, const QByteArray &direction = "sendrecv") const;
    static struct mbuf *bodyOf(const QByteArray &text);
    static QByteArray uriFor(const Account &account, const QString &target);
    void finishTransfer(quint64 token);
    int sendRefer(Call &call, const QByteArray &referTo);
    int invite(quint64 token, Account &account, const QByteArray &to, const QByteArray &headers);
    // The far end of `call`'s referrer learns the call's progress (NOTIFY message/sipfrag); final
    // statuses end the subscription.
    void notifyReferrer(Call &call, int status, const QByteArray &reason);
    void notifyReferrerOf(quint64 token, int status, const QByteArray &reason);
    void prepareStream(Call &call);
    void applyDirection(Call &call, const QByteArray &localDirection);
    void mediaTimedOut(quint64 token);
    void reinviteFailed(Account &account, const struct sip_msg *msg);
    bool takeRemoteSdp(Call &call, const struct sip_msg *msg);
    static void rememberInvite(Account &account, enum sip_transp transport, const struct sa *destination,
                               const uint8_t *packet, size_t length);
    static bool sendCancel(const Call &call, const QByteArray &headers);

    bool checkShutdown();
    void finishShutdown();
    static void sipExited(void *arg);
    static void shutdownDeadline(void *arg);
    static int authenticate(char **user, char **password, const char *realm, void *arg);
    static void registrationResponse(int err, const struct sip_msg *msg, void *arg);
    static void retryRegistration(void *arg);
    static void retryOpen(void *arg); // an account whose TLS files could not be used
    void watchTlsRefusals(Account &account);
    static void tlsRefused(void *arg); // the TLS server refused the connection (LibreTlsContext)
    static void tlsUnanswered(void *arg); // it asked for our certificate, then said nothing
    void refuseTls(Account &account, QString reason);
    static void retryTls(void *arg); // after a refusal: the TLS files read again, then REGISTER
    static void trace(bool tx, enum sip_transp transport, const struct sa *src, const struct sa *dst,
                      const uint8_t *packet, size_t length, void *arg);
    static void incoming(const struct sip_msg *msg, void *arg);
    static int offer(struct mbuf **description, const struct sip_msg *msg, void *arg);
    static int answered(const struct sip_msg *msg, void *arg);
    static void progress(const struct sip_msg *msg, void *arg);
    static void established(const struct sip_msg *msg, void *arg);
    static void closed(int err, const struct sip_msg *msg, void *arg);
    static void info(struct sip *sip, const struct sip_msg *msg, void *arg);
    static void referNotify(struct sip *sip, const struct sip_msg *msg, void *arg);
    static void referClosed(int err, const struct sip_msg *msg, const struct sipevent_substate *substate,
                            void *arg);
    static void transferTimer(void *arg);
    static void referred(struct sip *sip, const struct sip_msg *msg, void *arg);
    static void referNotifierClosed(int err, const struct sip_msg *msg, void *arg);
    static void infoResponse(int err, const struct sip_msg *msg, void *arg);

    // Dialog-info subscriptions (RFC 4235): LibreSipCoreDialogInfo.cpp.
    void subscribeDialogs(Account &account);
    void subscribe(DialogSubscription &subscription);
    void setSubscription(DialogSubscription &subscription, bool active, const QString &reason);
    static void dialogNotify(struct sip *sip, const struct sip_msg *msg, void *arg);
    static void dialogSubscriptionClosed(int err, const struct sip_msg *msg,
                                         const struct sipevent_substate *substate, void *arg);
    static void retrySubscription(void *arg);

    SipStack *m_stack;
    int m_retrySeconds;
    std::vector<std::unique_ptr<Account>> m_accounts;
    std::map<quint64, std::unique_ptr<Call>> m_calls;
    quint64 m_nextInbound = SipStack::InboundTokenBase;
    static constexpr uint64_t ShutdownDeadlineMs = 2000;
    struct tmr m_shutdownDeadline
    {
    };
    std::function<void()> m_shutdownFinished;
};
