// answer (lineAnswer), also rejoining an inactive bridged call: docs/tapi-semantics.md 6 (answer mode)
// and 7.
#include "session/CallEngine.h"
#include "session/CallSession.h"
#include "session/verbs/VerbGate.h"

using namespace Tapi;
using namespace Verbs;

int CallEngine::answer(CallSession *session, const QByteArray &uui)
{
    Call *call = nullptr;
    QByteArray accepted;
    const VerbGate gate {
        .state = [](const Call &c) { return isOffered(c) || isInactive(c) ? Success : InvalCallState; },
        .available = [](const Call &c) { return hasFeature(c, FeatureAnswer); },
        // [D-10]: UUI on the answer only where the line can send it (uuiAnswerSize 0 refuses it).
        .arguments =
            [&](const Call &c) {
                const LineCapabilities &caps = c.line->capabilities();
                return checkUuiSize(uui, caps.uuiAnswerSize, caps.uuiZeroLimitCompat, &accepted);
            },
    };
    if (int error = checkGate(session, gate, &call))
        return error;
    const bool rejoin = isInactive(*call);
    const LineCapabilities &caps = call->line->capabilities();
    LineCommand command;
    command.kind = LineCommand::Answer;
    command.otherAction = caps.answerMode;
    command.uui = accepted;
    if (!rejoin && (caps.answerMode == AnswerDrop || caps.answerMode == AnswerHold)) {
        // [ANS]: answering a second call drops or holds the active one on the same line.
        for (auto &[id, other] : m_calls) {
            if (other.get() != call && other->line == call->line && other->state == Connected
                && !(other->mode & ConnectedInactive) && !other->isConferenceParent && !other->closed) {
                command.other = other->id;
                break;
            }
        }
    }
    return issue(RequestAction::Answer, session, call, command, &CallEngine::completeAnswer);
}

void CallEngine::completeAnswer(const PendingRequest &request, const CommandOutcome &)
{
    if (Call *victim = request.other; victim && victim->state == Connected) {
        if (request.command.otherAction == AnswerDrop) {
            setState(victim, Idle);
            becameIdle(victim);
        } else if (request.command.otherAction == AnswerHold) {
            setState(victim, OnHold);
        }
    }
    noteSentUui(request.call, request.command.uui);
    setState(request.call, Connected, ConnectedActive);
}
