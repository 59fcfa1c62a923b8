// LibreSipCore: dialog-info subscriptions (RFC 4235): SUBSCRIBE with Event: dialog to each monitored
// address (and the account's own on a shared line), libre refreshing them; every NOTIFY's body goes
// to the provider as received (it parses and orders them). A subscription that is refused, ends or
// gets no answer is reported down and tried again after the registration's retry interval.
#include "LibreSipCorePrivate.h"

using namespace LibreSipCoreDetail;

namespace {
constexpr uint32_t SubscriptionExpires = 600; // seconds asked for; libre refreshes before they run out
}

void LibreSipCore::subscribeDialogs(Account &account)
{
    for (const QString &uri : account.config.dialogSubscriptions()) {
        auto subscription = std::make_unique<DialogSubscription>();
        subscription->account = &account;
        subscription->uri = uri;
        subscription->uriBytes = uri.toUtf8();
        account.subscriptions.push_back(std::move(subscription));
        subscribe(*account.subscriptions.back());
    }
}

void LibreSipCore::subscribe(DialogSubscription &subscription)
{
    Account &account = *subscription.account;
    subscription.sub = static_cast<struct sipsub *>(mem_deref(subscription.sub));
    const char *routes[1] = {account.route.constData()};
    const int err = sipevent_subscribe(
        &subscription.sub, account.events, subscription.uriBytes.constData(),
        account.displayName.isEmpty() ? nullptr : account.displayName.constData(), account.aor.constData(),
        "dialog", nullptr, SubscriptionExpires, account.contactUser.constData(),
        account.route.isEmpty() ? nullptr : routes, account.route.isEmpty() ? 0 : 1,
        &LibreSipCore::authenticate, &account, false, nullptr, &LibreSipCore::dialogNotify,
        &LibreSipCore::dialogSubscriptionClosed, &subscription, "Accept: application/dialog-info+xml\r\n");
    if (err) {
        subscription.sub = nullptr;
        setSubscription(subscription, false, QStringLiteral("cannot send SUBSCRIBE: %1").arg(errorText(err)));
        tmr_start(&subscription.retry, uint64_t(m_retrySeconds) * 1000, &LibreSipCore::retrySubscription,
                  &subscription);
    }
}

void LibreSipCore::resubscribe(int account, const QString &uri)
{
    if (account < 0 || size_t(account) >= m_accounts.size())
        return;
    for (const std::unique_ptr<DialogSubscription> &subscription :
         m_accounts[size_t(account)]->subscriptions) {
        if (subscription->uri == uri) {
            tmr_cancel(&subscription->retry);
            subscribe(*subscription); // the old one ends (SUBSCRIBE expires 0) as it is released
        }
    }
}

void LibreSipCore::setSubscription(DialogSubscription &subscription, bool active, const QString &reason)
{
    if (subscription.reported && subscription.active == active && subscription.reason == reason)
        return;
    subscription.reported = true;
    subscription.active = active;
    subscription.reason = reason;
    Q_EMIT m_stack->dialogSubscriptionChanged(subscription.account->index, subscription.uri, active, reason);
}

void LibreSipCore::dialogNotify(struct sip *sip, const struct sip_msg *msg, void *arg)
{
    auto *subscription = static_cast<DialogSubscription *>(arg);
    LibreSipCore *core = subscription->account->core;
    const bool dialogInfo = msg_ctype_cmp(&msg->ctyp, "application", "dialog-info+xml");
    if (mbuf_get_left(msg->mb) && !dialogInfo) {
        sip_treply(nullptr, sip, msg, 415, "Unsupported Media Type");
        return;
    }
    sip_treply(nullptr, sip, msg, 200, "OK");
    core->setSubscription(*subscription, true, {});
    // The body, or none (Kamailio's presence server sends none while nothing was published).
    const QByteArray body(reinterpret_cast<const char *>(mbuf_buf(msg->mb)),
                          qsizetype(mbuf_get_left(msg->mb)));
    Q_EMIT core->m_stack->dialogInfoReceived(subscription->account->index, subscription->uri, body);
}

void LibreSipCore::dialogSubscriptionClosed(int err, const struct sip_msg *msg,
                                            const struct sipevent_substate *substate, void *arg)
{
    auto *subscription = static_cast<DialogSubscription *>(arg);
    LibreSipCore *core = subscription->account->core;
    QString reason;
    if (msg && msg->scode >= 300)
        reason = QStringLiteral("SUBSCRIBE refused (%1 %2)")
                     .arg(msg->scode)
                     .arg(QString::fromUtf8(fromPl(msg->reason)));
    else if (err)
        reason = QStringLiteral("no answer to SUBSCRIBE (%1)").arg(errorText(err));
    else if (substate)
        reason = QStringLiteral("the subscription ended (%1)")
                     .arg(QString::fromLatin1(sipevent_reason_name(substate->reason)));
    else
        reason = QStringLiteral("the subscription ended");
    core->setSubscription(*subscription, false, reason);
    // libre is done with it; release it and subscribe again from the timer, not inside libre's handler.
    tmr_start(&subscription->retry, uint64_t(core->m_retrySeconds) * 1000, &LibreSipCore::retrySubscription,
              subscription);
}

void LibreSipCore::retrySubscription(void *arg)
{
    auto *subscription = static_cast<DialogSubscription *>(arg);
    subscription->account->core->subscribe(*subscription);
}
