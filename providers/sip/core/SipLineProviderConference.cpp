// Conferences on SIP lines, hosted on the console (docs/provider-guide.md, "SIP lines"): the engine keeps
// the conference (parent, members, consult, collapse); every party keeps its own dialog and RTP stream,
// and the console's audio mixes the parties for each other. Here the conference commands become
// re-INVITEs (hold while a party is being added, resume when it joins) and BYEs.
#include "SipLineProvider.h"
#include "SipLogging.h"
#include "SipStack.h"
#include "core/Tapi.h"
#include "providers/LineEventSink.h"

using namespace Tapi;

bool SipLineProvider::isConferenceMember(CallId call) const
{
    for (const Conference &conference : m_conferences) {
        if (conference.members.contains(call))
            return true;
    }
    return false;
}

void SipLineProvider::forgetMember(CallId call)
{
    QList<CallId> affected;
    for (auto it = m_conferences.begin(); it != m_conferences.end(); ++it) {
        if (it->members.removeAll(call) || it->consult == call)
            affected.append(it.key());
        if (it->consult == call)
            it->consult = 0;
    }
    for (CallId conference : affected)
        endIfCollapsed(conference);
}

void SipLineProvider::endIfCollapsed(CallId conference)
{
    // A party still held waits for the engine's Reconnect, which resumes it.
    auto it = m_conferences.constFind(conference);
    if (it == m_conferences.cend() || it->members.size() >= 2 || it->consult)
        return;
    for (CallId member : it->members) {
        auto call = m_calls.constFind(m_tokenOf.value(member));
        if (call != m_calls.cend() && call->localHold && !call->released && !call->ended)
            return;
    }
    m_conferences.remove(conference);
}

void SipLineProvider::addConsult(const LineCommand &command, int account)
{
    // The consult is an outbound call in dial tone: dial() sends its INVITE.
    Call consult;
    consult.id = command.other;
    consult.account = account;
    consult.outbound = true;
    m_calls.insert(command.other, consult);
    m_tokenOf.insert(command.other, command.other);
}

void SipLineProvider::executeConference(const LineCommand &command, int account)
{
    auto talking = [this](CallId id) {
        auto it = m_calls.constFind(m_tokenOf.value(id));
        return it != m_calls.cend() && it->established && !it->released && !it->ended;
    };
    switch (command.kind) {
    case LineCommand::SetupConference: {
        // The original is the first party; it waits on hold (re-INVITE) while the consult is dialled.
        auto original = m_calls.constFind(m_tokenOf.value(command.call));
        if (!command.call || !talking(command.call) || original->localHold) {
            completeLater(command.requestId, InvalCallState);
            return;
        }
        m_conferences.insert(command.conference, Conference {{command.call}, command.other});
        addConsult(command, account);
        reinviteParties(command, {command.call}, true);
        return;
    }
    case LineCommand::PrepareAddToConference: {
        auto conference = m_conferences.find(command.conference);
        if (conference == m_conferences.end()) {
            completeLater(command.requestId, InvalConfCallHandle);
            return;
        }
        conference->consult = command.other;
        addConsult(command, account);
        reinviteParties(command, conference->members, true);
        return;
    }
    case LineCommand::AddToConference: {
        auto conference = m_conferences.find(command.conference);
        auto consult = m_calls.constFind(m_tokenOf.value(command.other));
        if (conference == m_conferences.end() || consult == m_calls.cend() || consult->released
            || consult->ended) {
            completeLater(command.requestId, InvalCallState);
            return;
        }
        if (conference->members.size() >= MaxConferenceParties) {
            completeLater(command.requestId, ConferenceFull);
            return;
        }
        // The consult joins (ringing or talking); every held party, the consult too, is resumed.
        conference->members.append(command.other);
        conference->consult = 0;
        reinviteParties(command, conference->members, false);
        return;
    }
    case LineCommand::RemoveFromConference: {
        // The removed party leaves the console's mix for good (removeFromConfState IDLE): BYE.
        forgetMember(command.call);
        releaseParties(command, {command.call});
        return;
    }
    case LineCommand::ReleaseConference: {
        // CONFDROP: every party and a pending consult are dropped; the mix was the console's, so the
        // parties cannot go on without it.
        m_conferences.remove(command.call);
        QList<CallId> calls = command.members;
        if (command.other)
            calls.append(command.other);
        releaseParties(command, calls);
        return;
    }
    default:
        completeLater(command.requestId, OperationUnavail);
        return;
    }
}

void SipLineProvider::holdConference(const LineCommand &command)
{
    // The parent held or resumed (also the engine's Reconnect after a consult ended): every party follows.
    reinviteParties(command, m_conferences.value(command.call).members, command.kind == LineCommand::Hold);
}

void SipLineProvider::reinviteParties(const LineCommand &command, const QList<CallId> &calls, bool onHold)
{
    PartedRequest parted;
    parted.command = command;
    for (CallId id : calls) {
        const quint64 token = m_tokenOf.value(id);
        auto it = m_calls.find(token);
        // A party still ringing, gone, or already where it should be needs no re-INVITE.
        if (it == m_calls.end() || !it->established || it->released || it->ended || it->localHold == onHold)
            continue;
        it->pending.append({command.requestId, onHold ? LineCommand::Hold : LineCommand::Unhold});
        ++parted.left;
        qCDebug(lcSip) << "conference party" << id << (onHold ? "held" : "resumed");
        m_stack->hold(token, onHold);
    }
    if (!command.requestId)
        return;
    if (parted.left == 0) {
        finishParted(parted, Success);
        completeLater(command.requestId, Success);
        return;
    }
    m_parted.insert(command.requestId, parted);
}

void SipLineProvider::releaseParties(const LineCommand &command, const QList<CallId> &calls)
{
    PartedRequest parted;
    parted.command = command;
    for (CallId id : calls) {
        const quint64 token = m_tokenOf.value(id);
        auto it = m_calls.find(token);
        if (it == m_calls.end() || it->released)
            continue;
        LineCommand bye;
        bye.kind = LineCommand::Release;
        bye.call = id;
        bye.farEndMode = DisconnectNormal;
        // Only a dialog the network still has answers later (BYE or CANCEL); the others end here at once.
        const bool sent = !(it->ended || (it->outbound && !it->placed));
        bye.requestId = sent ? command.requestId : 0;
        parted.left += sent ? 1 : 0;
        release(bye, *it);
    }
    if (!command.requestId)
        return;
    if (parted.left == 0) {
        completeLater(command.requestId, Success);
        return;
    }
    m_parted.insert(command.requestId, parted);
}

bool SipLineProvider::partDone(int requestId, int error, int *reported)
{
    auto it = m_parted.find(requestId);
    if (error && !it->error)
        it->error = error;
    if (--it->left > 0)
        return false;
    const PartedRequest done = *it;
    m_parted.erase(it);
    finishParted(done, done.error);
    *reported = done.error ? OperationFailed : Success;
    return true;
}

void SipLineProvider::finishParted(const PartedRequest &request, int error)
{
    const LineCommand &command = request.command;
    if (!error)
        return;
    qCInfo(lcSip) << "conference command" << command.kind << "failed at the SIP stack:" << error;
    switch (command.kind) {
    case LineCommand::SetupConference:
    case LineCommand::PrepareAddToConference: {
        // The engine makes no consult and leaves the conference as it was: parties held for it resume.
        forget(m_tokenOf.value(command.other));
        LineCommand resume;
        resume.kind = LineCommand::Unhold;
        if (command.kind == LineCommand::SetupConference) {
            const QList<CallId> original {command.call};
            m_conferences.remove(command.conference);
            reinviteParties(resume, original, false);
        } else if (auto conference = m_conferences.find(command.conference);
                   conference != m_conferences.end()) {
            conference->consult = 0;
            reinviteParties(resume, conference->members, false);
        }
        break;
    }
    case LineCommand::AddToConference:
        // The engine leaves the consult out of the conference: it is still the one being added.
        if (auto conference = m_conferences.find(command.conference); conference != m_conferences.end()) {
            conference->members.removeAll(command.other);
            conference->consult = command.other;
        }
        break;
    default:
        break;
    }
}
