// sendUserUserInfo and releaseUserUserInfo; UUI on drop, answer and makeCall is checked by those verbs.
// docs/tapi-semantics.md 8.
#include "session/CallEngine.h"
#include "session/CallSession.h"
#include "session/verbs/VerbGate.h"

using namespace Tapi;
using namespace Verbs;

int CallEngine::sendUserUserInfo(CallSession *session, const QByteArray &uui)
{
    QByteArray accepted;
    Call *call = nullptr;
    const VerbGate gate {
        .state =
            [](const Call &c) {
                const int s = c.state;
                return s == Connected || s == Offering || s == Accepted || s == Ringback
                    ? Success
                    : InvalCallState; // [SUUI]
            },
        .available = [](const Call &c) { return hasFeature(c, FeatureSendUserUser); },
        .arguments =
            [&](const Call &c) {
                if (uui.isEmpty())
                    return int(InvalPointer);
                const LineCapabilities &caps = c.line->capabilities();
                return checkUuiSize(uui, caps.uuiSendSize, caps.uuiZeroLimitCompat, &accepted);
            },
    };
    if (int error = checkGate(session, gate, &call))
        return error;
    LineCommand command;
    command.kind = LineCommand::SendUserUserInfo;
    command.uui = accepted;
    return issue(RequestAction::SendUserUserInfo, session, call, command,
                 &CallEngine::completeSendUserUserInfo);
}

void CallEngine::completeSendUserUserInfo(const PendingRequest &request, const CommandOutcome &)
{
    noteSentUui(request.call, request.command.uui);
}

void CallEngine::noteSentUui(Call *call, const QByteArray &uui)
{
    if (uui.isEmpty())
        return;
    call->sentUui = uui;
    for (CallSession *handle : call->handles)
        Q_EMIT handle->userUserInfoChanged();
}

int CallEngine::releaseUserUserInfo(CallSession *session)
{
    Call *call = nullptr;
    // [RUUI]: owner only, any state; something must be there to release.
    const VerbGate gate {.available = [](const Call &c) {
        return !c.receivedUui.empty();
    }};
    if (int error = checkGate(session, gate, &call))
        return error;
    return issue(RequestAction::ReleaseUserUserInfo, session, call, LineCommand(),
                 &CallEngine::completeReleaseUserUserInfo);
}

void CallEngine::completeReleaseUserUserInfo(const PendingRequest &request, const CommandOutcome &)
{
    Call *call = request.call;
    if (call->receivedUui.empty())
        return;
    call->receivedUui.pop_front();
    // [TSP++]: while more remain, USERUSERINFO is raised again for the next one.
    for (CallSession *handle : call->handles) {
        Q_EMIT handle->userUserInfoChanged();
        if (!call->receivedUui.empty()) {
            Q_EMIT handle->callInfoChanged(InfoUserUserInfo);
            Q_EMIT userUserInfoDelivered(handle, call->receivedUui.front());
        }
    }
    refreshFeatures(call);
}
