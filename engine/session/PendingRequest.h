#pragma once

#include "providers/LineCommand.h"

#include <QtCore/qlist.h>
#include <QtCore/qpointer.h>

class CallEngine;
class CallSession;
struct CommandOutcome;
struct PendingRequest;

// A verb's step of a request, run by CallEngine::finishRequest on success.
using RequestStep = void (CallEngine::*)(const PendingRequest &, const CommandOutcome &);
class Line;
struct Call;

enum class RequestAction {
    Drop,
    Reject,
    Answer,
    Hold,
    Unhold,
    Dial,
    SetupConference,
    PrepareAddToConference,
    AddToConference,
    RemoveFromConference,
    SetupTransfer,
    CompleteTransfer,
    BlindTransfer,
    SendUserUserInfo,
    ReleaseUserUserInfo,
    MakeCall,
};

// An asynchronous request between its id being returned and its completion.
struct PendingRequest
{
    int id = 0;
    RequestAction action = RequestAction::Drop;
    QPointer<CallSession> issuer;
    Line *line = nullptr; // line-level requests (makeCall)
    Call *call = nullptr;
    Call *other = nullptr; // consult, answer-mode victim, or the call created by the request
    Call *extra = nullptr; // second created call (setupConference: the consult)
    QList<int> joinedIds; // [D-6]: further drops while this one was pending, answered with it
    LineCommand command;
    // makeCall and dial: the number as the agent wrote it ("+1 555 0103"), which the session shows; the
    // line dials command.digits ("+15550103").
    QString shownNumber;
    RequestStep beforeReply = nullptr; // creates the calls the request makes, before requestCompleted [D-7]
    RequestStep complete = nullptr; // the verb's state changes, after requestCompleted [D-7]
    // API < 2.0: the issuing handle was deallocated, so no LINE_REPLY goes out for it [DEA].
    bool replySuppressed = false;
};

const char *requestActionName(RequestAction action);
