#include "SipLineProvider.h"

#include "SipDisconnectMapping.h"
#include "SipLogging.h"
#include "SipStack.h"
#include "SipUserToUser.h"
#include "core/Tapi.h"
#include "providers/LineEventSink.h"

using namespace Tapi;

SipLineProvider::SipLineProvider(const QList<SipAccountConfig> &accounts, SipStack *stack, QObject *parent)
    : QObject(parent)
    , m_accounts(accounts)
    , m_stack(stack)
{
    qRegisterMetaType<SipCallEnd>();
    qRegisterMetaType<std::shared_ptr<LineAudioEndpoint>>();
    m_stack->setParent(this);
}

SipLineProvider::~SipLineProvider()
{
    stop();
}

LineDescriptor SipLineProvider::descriptorFor(const SipAccountConfig &account)
{
    LineDescriptor d;
    d.id = account.lineId();
    d.name = account.displayName.isEmpty() ? account.user + QLatin1Char('@') + account.registrar
                                           : account.displayName;
    // The address a supervisor's console dials for a coaching leg, shown with the line and its calls:
    // the user when it is a number, else the address-of-record URI (SipAccountConfig::lineAddress).
    d.address = account.lineAddress();
    // A SIP line: hold and resume by re-INVITE, DTMF both ways, blind transfer by REFER, consult
    // transfer by REFER with Replaces; conferences hosted on the console (each party its own dialog,
    // the console mixes): dropping the conference drops every party (CONFDROP, the mix goes with the
    // console), any party can be removed (BYE: it goes IDLE).
    d.caps.canReject = true;
    d.caps.uuiDropSize = d.caps.uuiAnswerSize = d.caps.uuiMakeCallSize = SipUserToUser::MaxOctets;
    d.caps.uuiSendSize = SipUserToUser::MaxOctets; // INFO with User-to-User
    d.caps.uuiCallInfoSize = SipUserToUser::MaxOctets;
    d.caps.maxConference = MaxConferenceParties;
    d.caps.confDrop = true;
    d.caps.removeFromConfCaps = RemoveAny;
    d.caps.removeFromConfState = Idle;
    d.caps.callFeatures = FeatureAnswer | FeatureDrop | FeatureDial | FeatureReject | FeatureHold
        | FeatureUnhold | FeatureGenerateDigits | FeatureMonitorDigits | FeatureBlindTransfer
        | FeatureSetupTransfer | FeatureCompleteTransfer | FeatureSendUserUser | FeatureSetupConf
        | FeaturePrepareAddConf | FeatureAddToConf | FeatureRemoveFromConf;
    // A shared address-of-record: calls at the other stations appear here, inactive (dialog-info).
    if (account.sharedLine)
        d.caps.addressSharing = SharingBridgedShared;
    d.inService = false;
    d.outOfServiceReason = QStringLiteral("registering with %1").arg(account.registrar);
    return d;
}

void SipLineProvider::start(LineEventSink *sink)
{
    m_sink = sink;
    for (const SipAccountConfig &account : std::as_const(m_accounts))
        m_sink->lineAdded(this, descriptorFor(account));
    startDialogInfo();

    connect(m_stack, &SipStack::registrationChanged, this,
            [this](int account, bool registered, const QString &reason) {
                if (m_sink && account >= 0 && account < m_accounts.size())
                    m_sink->lineStatusChanged(m_accounts.at(account).lineId(), registered, reason);
            });
    connect(m_stack, &SipStack::callIncoming, this,
            [this](quint64 token, int account, const QString &number, const QString &name,
                   const QString &called, const QByteArray &uui) {
                if (!m_sink || account < 0 || account >= m_accounts.size()) {
                    m_stack->reject(token, 480, 20, {});
                    return;
                }
                CallOffer offer;
                offer.callerNumber = number;
                offer.callerName = name;
                offer.calledNumber = called;
                offer.uui = uui;
                Call call;
                call.account = account;
                call.id = m_sink->callOffered(m_accounts.at(account).lineId(), offer);
                if (!call.id) {
                    // The engine takes no call on this line now (it is being removed): 480 Temporarily
                    // Unavailable, Q.850 cause 20 (subscriber absent).
                    m_stack->reject(token, 480, 20, {});
                    return;
                }
                m_calls.insert(token, call);
                m_tokenOf.insert(call.id, token);
            });
    connect(m_stack, &SipStack::commandDone, this, &SipLineProvider::onCommandDone);
    connect(m_stack, &SipStack::callReplaced, this,
            [this](quint64 token, quint64 newToken, const QString &number, const QString &name) {
                // The session goes on with the replacing far end: the same CallId, the new dialog's token,
                // and the new party's number and name.
                auto it = m_calls.find(token);
                if (it == m_calls.end()) {
                    m_stack->hangup(newToken, SipDisconnectMapping::q850ForMode(DisconnectNormal), {});
                    return;
                }
                Call call = *it;
                m_calls.erase(it);
                if (m_sink && call.audioAttached)
                    m_sink->callAudioDetached(call.id);
                call.audioAttached = false;
                call.established = true;
                m_calls.insert(newToken, call);
                m_tokenOf.insert(call.id, newToken);
                if (m_sink && !number.isEmpty())
                    m_sink->remotePartyChanged(call.id, number, name);
            });
    connect(m_stack, &SipStack::transferCallPlaced, this,
            [this](quint64 token, quint64 newToken, const QString &target) {
                // The far end transferred its call here: the new call is this station's, outbound,
                // reason TRANSFER (the engine shows it DIALING; the stack's reports follow).
                auto original = m_calls.constFind(token);
                if (!m_sink || original == m_calls.cend()) {
                    m_stack->hangup(newToken, SipDisconnectMapping::q850ForMode(DisconnectNormal), {});
                    return;
                }
                Call call;
                call.account = original->account;
                call.outbound = true;
                call.placed = true;
                const QString user = target.section(QLatin1Char(':'), 1).section(QLatin1Char('@'), 0, 0);
                call.id = m_sink->callOriginated(m_accounts.at(call.account).lineId(), user);
                if (!call.id) {
                    m_stack->hangup(newToken, SipDisconnectMapping::q850ForMode(DisconnectNormal), {});
                    return;
                }
                m_calls.insert(newToken, call);
                m_tokenOf.insert(call.id, newToken);
            });
    connect(m_stack, &SipStack::callProgress, this, [this](quint64 token, int status, bool) {
        auto it = m_calls.find(token);
        if (!m_sink || it == m_calls.end() || it->released || it->ended || !it->outbound)
            return;
        if (status == 180 && !it->ringback) {
            it->ringback = true;
            m_sink->callStateReported(it->id, Ringback, 0);
        } else if (status != 180 && !it->ringback && !it->proceeding) {
            it->proceeding = true; // 100 and 183 (or several 18x) are one PROCEEDING
            m_sink->callStateReported(it->id, Proceeding, 0);
        }
    });
    connect(m_stack, &SipStack::callEstablished, this, [this](quint64 token) {
        auto it = m_calls.find(token);
        if (m_sink && it != m_calls.end() && it->outbound && !it->released && !it->ended) {
            it->established = true;
            m_sink->callStateReported(it->id, Connected, ConnectedActive);
        }
    });
    connect(m_stack, &SipStack::callRemoteHold, this, [this](quint64 token, bool held) {
        auto it = m_calls.find(token);
        if (it == m_calls.end() || it->released || it->ended || it->remoteHeld == held)
            return;
        it->remoteHeld = held;
        reportConnectedMode(*it);
    });
    connect(m_stack, &SipStack::userUserInfoReceived, this, [this](quint64 token, const QByteArray &uui) {
        auto it = m_calls.find(token);
        if (m_sink && it != m_calls.end() && !it->released && !it->ended)
            m_sink->userUserInfoReceived(it->id, uui);
    });
    connect(m_stack, &SipStack::digitReceived, this, [this](quint64 token, QChar digit) {
        auto it = m_calls.find(token);
        if (m_sink && it != m_calls.end() && !it->released && !it->ended)
            m_sink->digitReceived(it->id, digit);
    });
    connect(m_stack, &SipStack::callEnded, this, &SipLineProvider::onCallEnded);
    connect(m_stack, &SipStack::callDialogKnown, this,
            [this](quint64 token, const QByteArray &callId, const QByteArray &localTag) {
                if (auto it = m_calls.find(token); it != m_calls.end()) {
                    it->callId = callId;
                    it->localTag = localTag;
                }
            });
    connect(m_stack, &SipStack::callAudioReady, this,
            [this](quint64 token, const std::shared_ptr<LineAudioEndpoint> &endpoint) {
                auto it = m_calls.find(token);
                if (it != m_calls.end())
                    it->audioAttached = true;
                if (m_sink && it != m_calls.end() && !it->released)
                    m_sink->callAudioAttached(it->id, endpoint);
            });
    connect(m_stack, &SipStack::callAudioGone, this, [this](quint64 token) {
        auto it = m_calls.find(token);
        if (it != m_calls.end())
            it->audioAttached = false;
        if (m_sink && it != m_calls.end())
            m_sink->callAudioDetached(it->id);
        if (it != m_calls.end() && it->released && it->pending.isEmpty())
            forget(token);
    });
    m_stack->start(m_accounts);
}

int SipLineProvider::accountOf(const QString &lineId) const
{
    for (qsizetype i = 0; i < m_accounts.size(); ++i) {
        if (m_accounts.at(i).lineId() == lineId)
            return int(i);
    }
    return -1;
}

void SipLineProvider::completeLater(int requestId, int error)
{
    if (!requestId)
        return;
    QMetaObject::invokeMethod(
        this,
        [this, requestId, error] {
            if (m_sink)
                m_sink->commandCompleted(requestId, error, {});
        },
        Qt::QueuedConnection);
}

void SipLineProvider::execute(const LineCommand &command)
{
    const int account = accountOf(command.lineId);
    if (account < 0) {
        completeLater(command.requestId, InvalLineHandle);
        return;
    }
    if (command.call && m_appearances.contains(command.call)) {
        executeOnAppearance(command);
        return;
    }
    const quint64 token = m_tokenOf.value(command.call);
    auto it = m_calls.find(token);

    switch (command.kind) {
    case LineCommand::MakeCall: {
        Call call;
        call.id = command.call;
        call.account = account;
        call.outbound = true;
        call.setupUui = command.uui;
        m_calls.insert(command.call, call);
        m_tokenOf.insert(command.call, command.call);
        if (command.digits.isEmpty()) {
            completeLater(command.requestId, Success); // dial tone: the number follows with Dial
            return;
        }
        Call &placed = m_calls[command.call];
        placed.placed = true;
        placed.pending.append({command.requestId, command.kind});
        m_stack->placeCall(command.call, account, command.digits, command.uui);
        return;
    }
    case LineCommand::Dial:
        if (it != m_calls.end() && it->outbound && !it->placed && !command.digits.isEmpty()) {
            it->placed = true;
            it->pending.append({command.requestId, command.kind});
            m_stack->placeCall(token, account, command.digits, std::exchange(it->setupUui, {}));
            return;
        }
        sendDigits(command, it == m_calls.end() ? nullptr : &*it, token);
        return;
    case LineCommand::Hold:
    case LineCommand::Unhold:
        if (m_conferences.contains(command.call)) {
            holdConference(command);
            return;
        }
        if (command.conference)
            m_conferences.remove(command.conference); // unholding the original ends the set-up
        holdOrResume(command, it == m_calls.end() ? nullptr : &*it, token);
        return;
    case LineCommand::SendUserUserInfo:
        // INFO needs the dialog libre has once the call is answered; before that there is no way to send.
        if (it == m_calls.end() || !it->established || it->released || it->ended) {
            completeLater(command.requestId, OperationUnavail);
            return;
        }
        it->pending.append({command.requestId, command.kind});
        m_stack->sendUserUserInfo(token, command.uui);
        return;
    case LineCommand::SetupTransfer:
        setupTransfer(command, it == m_calls.end() ? nullptr : &*it, token);
        return;
    case LineCommand::CompleteTransfer:
        completeTransfer(command, it == m_calls.end() ? nullptr : &*it, token);
        return;
    case LineCommand::BlindTransfer:
        if (it == m_calls.end() || !it->established || it->released || it->ended) {
            completeLater(command.requestId, InvalCallState);
            return;
        }
        it->pending.append({command.requestId, command.kind});
        m_stack->transfer(token, command.digits);
        return;
    case LineCommand::Answer:
        if (it == m_calls.end() || it->outbound || it->released || it->ended) {
            completeLater(command.requestId, InvalCallState);
            return;
        }
        it->pending.append({command.requestId, command.kind});
        m_stack->answer(token, command.uui);
        return;
    case LineCommand::Release:
        forgetMember(command.call);
        if (it == m_calls.end()) {
            completeLater(command.requestId, Success);
            return;
        }
        release(command, *it);
        return;
    case LineCommand::CloseCall:
        forgetMember(command.call);
        m_conferences.remove(command.call);
        if (command.dropCall && it != m_calls.end() && !it->released)
            release(command, *it);
        return;
    case LineCommand::SetupConference:
    case LineCommand::PrepareAddToConference:
    case LineCommand::AddToConference:
    case LineCommand::RemoveFromConference:
    case LineCommand::ReleaseConference:
        executeConference(command, account);
        return;
    case LineCommand::Reconnect:
        if (m_conferences.contains(command.call)) {
            // The conference's consult ended: the engine brought the conference back, its parties resume.
            LineCommand resume = command;
            resume.kind = LineCommand::Unhold;
            holdConference(resume);
            endIfCollapsed(command.call);
            return;
        }
        // The consult ended and the engine brought the original back: resume it (no reply expected).
        if (it != m_calls.end() && it->localHold && it->established && !it->released && !it->ended) {
            it->pending.append({0, LineCommand::Unhold});
            m_stack->hold(token, false);
        }
        return;
    default:
        completeLater(command.requestId, OperationUnavail);
        return;
    }
}

void SipLineProvider::release(const LineCommand &command, Call &call)
{
    const quint64 token = m_tokenOf.value(call.id);
    call.released = true;
    for (Call &original : m_calls) {
        if (original.consult == call.id)
            original.consult = 0; // a dropped consult: the original may set up another transfer
    }
    if (call.ended || (call.outbound && !call.placed)) {
        // Nothing to tell the network: the far end is gone, or no INVITE went out.
        completeLater(command.requestId, Success);
        if (call.pending.isEmpty()) {
            m_tokenOf.remove(call.id);
            m_calls.remove(token);
        }
        return;
    }
    call.pending.append({command.requestId, command.kind});
    if (command.farEndMode == DisconnectReject && !call.outbound) {
        const int status = m_accounts.at(call.account).rejectStatus;
        m_stack->reject(token, status,
                        SipDisconnectMapping::q850ForMode(status == 486 ? DisconnectBusy : DisconnectReject),
                        command.uui);
    } else {
        m_stack->hangup(token, SipDisconnectMapping::q850ForMode(DisconnectNormal), command.uui);
    }
}

void SipLineProvider::holdOrResume(const LineCommand &command, Call *call, quint64 token)
{
    if (command.kind == LineCommand::Unhold && command.other) {
        // Unholding the original ends the transfer set-up: its consult call goes (BYE or CANCEL).
        const quint64 consultToken = m_tokenOf.value(command.other);
        if (auto consult = m_calls.find(consultToken); consultToken && consult != m_calls.end()) {
            LineCommand ending;
            ending.call = command.other;
            release(ending, *consult);
        }
        if (call)
            call->consult = 0;
    }
    if (!call || !call->established || call->released || call->ended) {
        completeLater(command.requestId, InvalCallState);
        return;
    }
    call->pending.append({command.requestId, command.kind});
    m_stack->hold(token, command.kind == LineCommand::Hold);
}

void SipLineProvider::sendDigits(const LineCommand &command, Call *call, quint64 token)
{
    if (!call || !call->established || call->released || call->ended) {
        completeLater(command.requestId, InvalCallState);
        return;
    }
    // DTMF carries 0-9 * # A-D; the dial string's pauses and waits (, W @ ...) have no SIP meaning here.
    QString digits;
    for (QChar c : command.digits) {
        const QChar upper = c.toUpper();
        if (upper.isDigit() || upper == QLatin1Char('*') || upper == QLatin1Char('#')
            || (upper >= QLatin1Char('A') && upper <= QLatin1Char('D')))
            digits += upper;
    }
    if (digits.isEmpty()) {
        completeLater(command.requestId, Success);
        return;
    }
    call->pending.append({command.requestId, command.kind});
    m_stack->sendDigits(token, digits);
}

void SipLineProvider::setupTransfer(const LineCommand &command, Call *call, quint64 token)
{
    // The original goes on hold by re-INVITE; the consult is an outbound call in dial tone whose INVITE
    // dial() sends.
    if (!call || !call->established || call->released || call->ended || call->localHold || call->consult) {
        completeLater(command.requestId, InvalCallState);
        return;
    }
    Call consult;
    consult.id = command.other;
    consult.account = call->account;
    consult.outbound = true;
    call->consult = command.other;
    call->pending.append({command.requestId, command.kind});
    m_calls.insert(command.other, consult);
    m_tokenOf.insert(command.other, command.other);
    m_stack->hold(token, true);
}

void SipLineProvider::completeTransfer(const LineCommand &command, Call *call, quint64 token)
{
    // REFER with Replaces needs the consult's confirmed dialog: a consult still ringing cannot be
    // replaced by the transferee's INVITE (RFC 3891 section 3), so the request fails and both calls stay.
    const quint64 consultToken = m_tokenOf.value(command.other);
    auto consult = m_calls.find(consultToken);
    if (!call || !call->established || call->released || call->ended || consult == m_calls.end()
        || consult->released || consult->ended) {
        completeLater(command.requestId, InvalCallState);
        return;
    }
    if (!consult->established) {
        qCInfo(lcSip) << "call" << call->id << "consult transfer refused: consult" << consult->id
                      << "not answered";
        completeLater(command.requestId, OperationFailed);
        return;
    }
    call->pending.append({command.requestId, command.kind});
    m_stack->transferReplacing(token, consultToken);
}

void SipLineProvider::forget(quint64 token)
{
    auto it = m_calls.find(token);
    if (it == m_calls.end())
        return;
    m_tokenOf.remove(it->id);
    m_calls.erase(it);
}

void SipLineProvider::reportConnectedMode(const Call &call)
{
    // The far end's hold shows while this station talks on the call (CONNECTED): ACTIVEHELD, TAPI's
    // "connected here and held elsewhere"; while held here the call stays ONHOLD.
    // A conference party stays CONFERENCED: its dialog's hold is the conference's, not a state of its own.
    if (m_sink && call.established && !call.localHold && !call.released && !call.ended
        && !isConferenceMember(call.id))
        m_sink->callStateReported(call.id, Connected,
                                  call.remoteHeld ? ConnectedActiveHeld : ConnectedActive);
}

void SipLineProvider::onCommandDone(quint64 token, int error)
{
    auto it = m_calls.find(token);
    if (it == m_calls.end() || it->pending.isEmpty())
        return;
    const Call::Pending done = it->pending.takeFirst();
    const int requestId = done.requestId;
    const CallId id = it->id;
    const bool placedNow = it->outbound && it->placed && !it->released && !it->ended
        && (done.kind == LineCommand::MakeCall || done.kind == LineCommand::Dial) && !it->established;
    if (!error && done.kind == LineCommand::Answer)
        it->established = true;
    if (!error && (done.kind == LineCommand::Hold || done.kind == LineCommand::Unhold))
        it->localHold = done.kind == LineCommand::Hold;
    if (!error && done.kind == LineCommand::BlindTransfer)
        it->released = true; // the far end talks to the target now; the engine idles the call
    if (!error && done.kind == LineCommand::SetupTransfer)
        it->localHold = true;
    CallId consultDone = 0; // a consult transfer's consult call: the stack ended it with the original
    if (!error && done.kind == LineCommand::CompleteTransfer) {
        it->released = true;
        consultDone = std::exchange(it->consult, 0);
    }
    if (error && done.kind == LineCommand::SetupTransfer) {
        forget(m_tokenOf.value(std::exchange(it->consult, 0))); // no consult call: the engine makes none
        it = m_calls.find(token);
    }
    if (consultDone) {
        const quint64 consultToken = m_tokenOf.value(consultDone);
        if (auto consult = m_calls.find(consultToken); consult != m_calls.end()) {
            consult->released = true;
            if (!consult->audioAttached && consult->pending.isEmpty())
                forget(consultToken);
        }
        it = m_calls.find(token);
    }
    if (error)
        qCInfo(lcSip) << "call" << id << "command failed at the SIP stack:" << error;
    int reported = error ? OperationFailed : Success;
    const bool complete =
        requestId && (!m_parted.contains(requestId) || partDone(requestId, error, &reported));
    if (m_sink && complete)
        m_sink->commandCompleted(requestId, reported, {});
    it = m_calls.find(token); // the engine may have acted on the completion
    if (it == m_calls.end())
        return;
    if (placedNow && !error && m_sink && requestId)
        m_sink->callStateReported(id, Dialing, 0);
    // Resumed while the far end still holds: the engine's CONNECTED/ACTIVE becomes ACTIVEHELD.
    if (!error && done.kind == LineCommand::Unhold && it->remoteHeld)
        reportConnectedMode(*it);
    const bool neverPlaced = placedNow && error; // no INVITE went out: the engine has no call
    if ((it->released || neverPlaced) && it->pending.isEmpty()) {
        m_tokenOf.remove(it->id);
        m_calls.erase(it);
    }
}

void SipLineProvider::onCallEnded(quint64 token, const SipCallEnd &end)
{
    auto it = m_calls.find(token);
    if (it == m_calls.end() || it->released || it->ended)
        return;
    // [D-16] on a shared line: a CANCEL because another station answered (Reason SIP;cause=200, RFC
    // 3326) leaves the call here as an inactive appearance, which dialog-info then follows; without a
    // working subscription to the line's own address nothing would end it, so it ends as any CANCEL.
    if (end.cancelled && end.sipCause == 200 && !it->outbound && !it->established
        && m_accounts.value(it->account).sharedLine) {
        if (Watch *own = ownWatch(it->account); own && own->tracker.isSynced()) {
            becomeAppearance(token, {});
            return;
        }
    }
    it->ended = true;
    // RTP timeout: the far end or the network to it is gone; TEMPFAILURE, as the Q.850 41 of our BYE says.
    const int mode = end.mediaTimeout
        ? int(DisconnectTempFailure)
        : SipDisconnectMapping::farEndMode(end.status, end.cancelled, end.q850Cause, end.sipCause);
    qCInfo(lcSip) << "call" << it->id << "ended by the far end: status" << end.status << "cancelled"
                  << end.cancelled << "Q.850" << end.q850Cause << "->" << disconnectModeName(mode);
    if (m_sink)
        m_sink->remoteDisconnected(it->id, mode, end.uui);
}

void SipLineProvider::stop()
{
    if (m_stack)
        m_stack->stop();
    m_calls.clear();
    m_tokenOf.clear();
    m_conferences.clear();
    m_parted.clear();
    m_watches.clear();
    m_appearances.clear();
    m_dismissed.clear();
    m_sink = nullptr;
}
