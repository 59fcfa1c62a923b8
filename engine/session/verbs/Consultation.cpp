// The consultation call that setupTransfer (Transfer.cpp) and setupConference / prepareAddToConference
// (Conference.cpp) create: linking it to the held call, and what the held call does when it ends.
// docs/tapi-semantics.md 6.
#include "lines/Line.h"
#include "session/Call.h"
#include "session/CallEngine.h"
#include "session/CallSession.h"

using namespace Tapi;

void CallEngine::idleConsultation(Call *consult)
{
    Call *held = consult->consultFor;
    unlinkConsult(held);
    const LineCapabilities &caps = held->line->capabilities();
    if (consult->consultIsTransfer) {
        // [XFER]: the held original normally returns to CONNECTED (LINEADDRCAPFLAGS_AUTORECONNECT).
        if (held->state == OnHoldPendTransfer && caps.autoReconnect) {
            LineCommand command;
            command.kind = LineCommand::Reconnect;
            command.call = held->id;
            sendNotification(held, command);
            setState(held, Connected, ConnectedActive);
        } else {
            refreshFeatures(held);
        }
        return;
    }
    // Conference consult: with 2+ parties the parent comes back; with only the original underneath
    // the conference collapses to the 2-party call [SUC][PREP].
    if (held->state != OnHoldPendConf) {
        refreshFeatures(held);
        return;
    }
    // The switch brings the held conference back (a console-hosted one resumes its parties).
    LineCommand command;
    command.kind = LineCommand::Reconnect;
    command.call = held->id;
    command.conference = held->id;
    sendNotification(held, command);
    if (held->members.size() >= 2) {
        setState(held, Connected, ConnectedActive);
    } else {
        collapseIfNeeded(held);
    }
}

void CallEngine::linkConsult(Call *held, Call *consult, bool transfer)
{
    held->consult = consult;
    consult->consultFor = held;
    consult->consultLeg = true;
    consult->consultIsTransfer = transfer;
    notifyConsult(held);
    notifyConsult(consult);
}

void CallEngine::unlinkConsult(Call *held)
{
    Call *consult = held->consult;
    if (!consult)
        return;
    held->consult = nullptr;
    consult->consultFor = nullptr;
    notifyConsult(held);
    notifyConsult(consult);
}

void CallEngine::notifyConsult(Call *call)
{
    if (call->closed)
        return;
    for (CallSession *handle : call->handles)
        Q_EMIT handle->consultChanged();
}
