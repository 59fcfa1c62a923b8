// SipLineProvider: dialog-info (RFC 4235). A monitored address is a MONITORED line whose busy/idle
// status follows the dialogs its NOTIFYs report [D-13], ringing told apart (early dialogs it receives); on a
// shared line the dialogs confirmed at other stations are bridged appearances here, CONNECTED/INACTIVE until
// they end [D-16][D-18]. docs/provider-guide.md, "Monitored and shared addresses".
#include "SipLineProvider.h"

#include "SipLogging.h"
#include "SipStack.h"
#include "core/Tapi.h"
#include "providers/LineEventSink.h"

using namespace Tapi;

LineDescriptor SipLineProvider::monitorDescriptorFor(const SipAccountConfig &account, qsizetype index)
{
    const QString uri = account.monitor.value(index);
    LineDescriptor d;
    d.id = account.monitorLineId(index);
    d.name = SipDialogInfo::userOf(uri);
    d.address = SipDialogInfo::userOf(uri);
    d.caps.addressSharing = SharingMonitored;
    d.caps.canReject = false;
    d.caps.callFeatures = {};
    d.caps.maxConference = 0;
    d.inService = false;
    d.outOfServiceReason = QStringLiteral("subscribing to the dialog state of %1").arg(uri);
    return d;
}

void SipLineProvider::startDialogInfo()
{
    for (qsizetype a = 0; a < m_accounts.size(); ++a) {
        const SipAccountConfig &account = m_accounts.at(a);
        for (qsizetype i = 0; i < account.monitor.size(); ++i) {
            m_sink->lineAdded(this, monitorDescriptorFor(account, i));
            m_watches.append({int(a), account.monitor.at(i), account.monitorLineId(i), {}, false, false});
        }
        if (account.sharedLine)
            m_watches.append({int(a), account.aor(), {}, {}, false, false});
    }
    connect(m_stack, &SipStack::dialogSubscriptionChanged, this, &SipLineProvider::onDialogSubscription);
    connect(m_stack, &SipStack::dialogInfoReceived, this, &SipLineProvider::onDialogInfo);
}

SipLineProvider::Watch *SipLineProvider::ownWatch(int account)
{
    for (Watch &watch : m_watches) {
        if (watch.account == account && watch.lineId.isEmpty())
            return &watch;
    }
    return nullptr;
}

void SipLineProvider::onDialogSubscription(int account, const QString &uri, bool active,
                                           const QString &reason)
{
    for (Watch &watch : m_watches) {
        if (watch.account != account || watch.uri != uri)
            continue;
        if (!active)
            watch.tracker.reset(); // the next subscription starts its versions over
        qCInfo(lcSip).noquote() << m_accounts.value(account).lineId() << "dialog subscription to" << uri
                                << (active ? QStringLiteral("active") : QStringLiteral("down: ") + reason);
        if (m_sink && !watch.lineId.isEmpty())
            m_sink->lineStatusChanged(watch.lineId, active, active ? QString() : reason);
    }
}

void SipLineProvider::onDialogInfo(int account, const QString &uri, const QByteArray &body)
{
    Watch *watch = nullptr;
    for (Watch &candidate : m_watches) {
        if (candidate.account == account && candidate.uri == uri)
            watch = &candidate;
    }
    if (!watch || !m_sink)
        return;
    if (body.isEmpty()) {
        watch->tracker.applyEmpty(); // no dialogs known to the notifier
        watch->resyncAsked = false;
        applyDialogs(*watch);
        return;
    }
    const std::optional<SipDialogInfo> info = SipDialogInfo::parse(body);
    if (!info) {
        qCInfo(lcSip).noquote() << "dialog-info for" << uri << "refused: not a well-formed document of"
                                << body.size() << "bytes";
        return;
    }
    switch (watch->tracker.apply(*info)) {
    case SipDialogInfoTracker::Result::Stale:
        qCInfo(lcSip).noquote() << "dialog-info for" << uri << "version" << info->version
                                << "ignored: not newer than" << watch->tracker.version();
        return;
    case SipDialogInfoTracker::Result::Resync:
        if (!std::exchange(watch->resyncAsked, true)) {
            qCInfo(lcSip).noquote() << "dialog-info for" << uri << "version" << info->version
                                    << "does not follow the last one: subscribing again for the full state";
            watch->tracker.reset();
            m_stack->resubscribe(account, uri);
        }
        return;
    case SipDialogInfoTracker::Result::Applied:
        watch->resyncAsked = false;
        break;
    }
    applyDialogs(*watch);
}

void SipLineProvider::applyDialogs(Watch &watch)
{
    if (watch.lineId.isEmpty()) {
        updateAppearances(watch.account, watch.tracker.dialogs());
        return;
    }
    // One report per change: ringing (in use as well), answered (ringing no longer, still in use), or
    // in use and idle as before.
    const SipDialogInfoTracker::Activity activity = watch.tracker.activity();
    const bool busy = activity != SipDialogInfoTracker::Activity::Idle;
    const bool ringing = activity == SipDialogInfoTracker::Activity::Ringing;
    if (busy == watch.busy && ringing == watch.ringing)
        return;
    if (ringing || (watch.ringing && busy))
        m_sink->addressRingingChanged(watch.lineId, ringing);
    else
        m_sink->addressStatusChanged(watch.lineId, busy);
    watch.busy = busy;
    watch.ringing = ringing;
}

bool SipLineProvider::isOwnDialog(int account, const SipDialogInfo::Dialog &dialog) const
{
    // Ours: a call of this station with that Call-ID whose side of the dialog this is. An offered call's
    // Call-ID is shared by every station the proxy forked it to: the tag names the one that answered
    // (without tags, a call not answered here is not ours once the dialog is confirmed).
    // A Call-ID this station placed is its own (a forked call's other dialogs are the far end's).
    for (const Call &call : m_calls) {
        if (call.account != account || call.callId.isEmpty() || call.callId != dialog.callId.toUtf8())
            continue;
        if (call.outbound)
            return true;
        if (!dialog.localTag.isEmpty() && !call.localTag.isEmpty())
            return dialog.localTag.toUtf8() == call.localTag;
        return call.established || dialog.state != SipDialogInfo::DialogState::Confirmed;
    }
    return false;
}

quint64 SipLineProvider::offeredCall(int account, const QByteArray &callId) const
{
    for (auto it = m_calls.cbegin(); it != m_calls.cend(); ++it) {
        if (it->account == account && !it->callId.isEmpty() && it->callId == callId && !it->outbound
            && !it->established && !it->released && !it->ended)
            return it.key();
    }
    return 0;
}

CallId SipLineProvider::becomeAppearance(quint64 token, const QString &dialogId)
{
    auto it = m_calls.find(token);
    if (it == m_calls.end())
        return 0;
    const Call call = *it;
    // The SIP call is over here (the CANCEL came or will come): only the appearance goes on.
    m_calls.erase(it);
    m_tokenOf.remove(call.id);
    m_appearances.insert(call.id, {call.account, dialogId, call.callId});
    qCInfo(lcSip) << "call" << call.id << "answered at another station of the shared line: inactive here";
    if (m_sink) {
        if (call.audioAttached)
            m_sink->callAudioDetached(call.id);
        m_sink->callStateReported(call.id, Connected, ConnectedInactive);
        m_sink->callParticipantsChanged(call.id, 1);
    }
    return call.id;
}

void SipLineProvider::updateAppearances(int account, const QList<SipDialogInfo::Dialog> &dialogs)
{
    using State = SipDialogInfo::DialogState;
    const QString prefix = QString::number(account) + QLatin1Char('/');
    QSet<QString> confirmedElsewhere;
    QSet<QByteArray> liveCallIds;
    for (const SipDialogInfo::Dialog &dialog : dialogs) {
        liveCallIds.insert(dialog.callId.toUtf8());
        if (dialog.state != State::Confirmed || isOwnDialog(account, dialog))
            continue;
        confirmedElsewhere.insert(dialog.id);
        bool known = m_dismissed.contains(prefix + dialog.id)
            || m_dismissed.contains(prefix + QStringLiteral("call:") + dialog.callId);
        for (Appearance &appearance : m_appearances) {
            if (appearance.account != account)
                continue;
            if (appearance.dialogId == dialog.id)
                known = true;
            else if (appearance.dialogId.isEmpty() && !dialog.callId.isEmpty()
                     && appearance.callId == dialog.callId.toUtf8()) {
                appearance.dialogId = dialog.id; // the call answered elsewhere, now named
                known = true;
            }
        }
        if (known)
            continue;
        if (const quint64 token = offeredCall(account, dialog.callId.toUtf8())) {
            becomeAppearance(token, dialog.id); // [D-16]: the offer here follows the answer elsewhere
            continue;
        }
        // [D-18]: a call at another station appears here, connected there and inactive here.
        CallOffer offer;
        offer.callerNumber = SipDialogInfo::userOf(dialog.remoteUri);
        offer.callerName = dialog.remoteName;
        offer.calledNumber = dialog.direction == SipDialogInfo::Direction::Initiator
            ? offer.callerNumber
            : m_accounts.at(account).user;
        offer.offeringMode = OfferingInactive;
        const CallId id = m_sink->callOffered(m_accounts.at(account).lineId(), offer);
        if (!id)
            continue;
        m_appearances.insert(id, {account, dialog.id, dialog.callId.toUtf8()});
        m_sink->callStateReported(id, Connected, ConnectedInactive);
        m_sink->callParticipantsChanged(id, 1);
    }
    // Appearances whose dialog ended (or that a full state no longer lists) go away; one not named yet
    // stays while its call's dialog is reported at all (an early state sent before the answer).
    const QList<CallId> ids = m_appearances.keys();
    for (CallId id : ids) {
        const Appearance appearance = m_appearances.value(id);
        if (appearance.account != account)
            continue;
        const bool live = appearance.dialogId.isEmpty() ? liveCallIds.contains(appearance.callId)
                                                        : confirmedElsewhere.contains(appearance.dialogId);
        if (live)
            continue;
        m_appearances.remove(id);
        if (m_sink)
            m_sink->callCleared(id);
    }
    for (auto it = m_dismissed.begin(); it != m_dismissed.end();) {
        const QString key = it->mid(prefix.size());
        const bool live = key.startsWith(QLatin1String("call:")) ? liveCallIds.contains(key.mid(5).toUtf8())
                                                                 : confirmedElsewhere.contains(key);
        if (it->startsWith(prefix) && !live)
            it = m_dismissed.erase(it);
        else
            ++it;
    }
}

void SipLineProvider::executeOnAppearance(const LineCommand &command)
{
    const Appearance appearance = m_appearances.value(command.call);
    switch (command.kind) {
    case LineCommand::Release:
    case LineCommand::CloseCall:
        // This station lets go of its appearance; the call goes on at the other station, and the
        // appearance does not come back while that dialog lasts.
        m_appearances.remove(command.call);
        m_dismissed.insert(QString::number(appearance.account) + QLatin1Char('/')
                           + (appearance.dialogId.isEmpty()
                                  ? QStringLiteral("call:") + QString::fromUtf8(appearance.callId)
                                  : appearance.dialogId));
        if (command.kind == LineCommand::Release)
            completeLater(command.requestId, Success);
        return;
    default:
        // Joining (answer) needs an INVITE with Join (RFC 3911), which this provider does not send; the
        // other verbs act on a call this station does not take part in.
        completeLater(command.requestId, OperationUnavail);
        return;
    }
}
