// makeCall (lineMakeCall, on a Line) and dial (lineDial): docs/tapi-semantics.md 3 ([D-4] progressions).
#include "lines/DialString.h"
#include "session/CallEngine.h"
#include "session/CallSession.h"
#include "session/verbs/VerbGate.h"

#include <QtCore/qregularexpression.h>

using namespace Tapi;
using namespace Verbs;

int CallEngine::makeCall(Line *line, const QString &number, const QByteArray &uui)
{
    if (!line || !line->isOpen())
        return InvalLineHandle;
    if (!line->inService() || line->isRetiring())
        return ResourceUnavail;
    if (line->capabilities().addressSharing == SharingMonitored)
        return OperationUnavail;
    // An empty number opens a dial tone; anything else is dialled as the line dials it ("+1 555 0103"
    // as "+15550103"), a SIP URI as it is (sip:user@host, DialString::sipUri), and text that is neither
    // is refused.
    const QString dialled =
        DialString::looksLikeUri(number) ? DialString::sipUri(number) : DialString::normalized(number);
    if (!number.trimmed().isEmpty() && dialled.isEmpty())
        return InvalAddress;
    // [D-10]: UUI in the call parameters only where the line can send it with a set-up (uuiMakeCallSize);
    // without a number it goes with the set-up that dial() starts.
    QByteArray accepted;
    const LineCapabilities &caps = line->capabilities();
    if (const int error = Verbs::checkUuiSize(uui, caps.uuiMakeCallSize, caps.uuiZeroLimitCompat, &accepted))
        return error;
    LineCommand command;
    command.kind = LineCommand::MakeCall;
    command.call = m_nextCallId++;
    command.digits = dialled;
    command.uui = accepted;
    return issueOnLine(RequestAction::MakeCall, line, command, &CallEngine::completeMakeCall,
                       number.simplified());
}

void CallEngine::completeMakeCall(const PendingRequest &request, const CommandOutcome &)
{
    Line *line = request.line;
    if (!line || !line->isOpen())
        return;
    Call *created = request.call ? request.call : newCallWithId(request.command.call, line, Outbound);
    created->remoteNumber = request.shownNumber.isEmpty() ? request.command.digits : request.shownNumber;
    created->calledNumber = created->remoteNumber;
    if (created->handles.empty())
        addHandlesFor(created);
    noteSentUui(created, request.command.uui);
    setState(created, DialTone, DialToneNormal);
}

int CallEngine::dial(CallSession *session, const QString &digits)
{
    // Formatting as the UI shows numbers (spaces, dots, dashes, brackets) is not dialled.
    static const QRegularExpression formatting(QStringLiteral("[\\s.()/-]"));
    static const QRegularExpression dialable(QStringLiteral("^[0-9A-Da-d*#+,!WwPpTt@$]*$"));
    const QString stripped = QString(digits).remove(formatting);
    Call *call = nullptr;
    const VerbGate gate {
        .state =
            [](const Call &c) {
                const bool dialling = c.state == DialTone || c.state == Dialing || c.state == Proceeding;
                return dialling || c.state == Connected ? Success : InvalCallState;
            },
        .arguments =
            [&stripped](const Call &) {
                return stripped.isEmpty() || !dialable.match(stripped).hasMatch() ? InvalAddress : Success;
            },
    };
    if (int error = checkGate(session, gate, &call))
        return error;
    LineCommand command;
    command.kind = LineCommand::Dial;
    command.digits = stripped;
    return issue(RequestAction::Dial, session, call, command, &CallEngine::completeDial, nullptr,
                 digits.simplified());
}

void CallEngine::completeDial(const PendingRequest &request, const CommandOutcome &)
{
    Call *call = request.call;
    if (call->state != DialTone)
        return;
    // The dialled number is the remote party's from dialling on (lists, history, supervisor), as the
    // agent wrote it.
    call->remoteNumber += request.shownNumber.isEmpty() ? request.command.digits : request.shownNumber;
    call->calledNumber = call->remoteNumber;
    if (!call->closed) {
        for (CallSession *handle : call->handles)
            Q_EMIT handle->callInfoChanged(InfoCalledId);
    }
    setState(call, Dialing);
}
