#pragma once

#include "core/Tapi.h"

#include <QtCore/qbytearray.h>
#include <QtCore/qlist.h>
#include <QtCore/qstring.h>

using CallId = quint32;

// A primitive command the engine sends to a provider. Cascades are the engine's business:
// the provider only executes the primitive and reports completion with the request id.
struct LineCommand
{
    enum Kind {
        MakeCall, // call = new call id, digits = number
        Dial, // call, digits
        Answer, // call; other = call to drop (answerMode DROP) or hold (HOLD), see otherAction
        Release, // call, uui, farEndMode (what the far end is told: NORMAL, REJECT, CANCELLED or 0)
        ReleaseConference, // call = parent, members, other = pending consult; clearParties = CONFDROP
        Hold, // call
        Unhold, // call; other = consult call to release (transfer/conference set-up)
        SetupConference, // call = original (0 if none), conference = new parent id, other = new consult id
        PrepareAddToConference, // conference, other = new consult id
        AddToConference, // conference, other = consult
        RemoveFromConference, // call, conference
        SetupTransfer, // call = original, other = new consult id
        CompleteTransfer, // call = original, other = consult
        BlindTransfer, // call, digits = destination (normalised)
        SendUserUserInfo, // call, uui
        Reconnect, // call (no reply): the switch brings a held original back after its consult ended;
                   // call = conference = parent: a conference held for a consult that ended comes back
        CloseCall, // call (no reply): the last handle went or the line closed; dropCall per CLOSEDROP,
                   // farEndMode as Release (CANCELLED before the answer [D-14]) when dropCall
    };

    Kind kind = Release;
    int requestId = 0; // 0 for notifications that expect no reply
    QString lineId;
    CallId call = 0;
    CallId other = 0;
    CallId conference = 0;
    QList<CallId> members;
    QByteArray uui;
    QString digits;
    int farEndMode = 0;
    Tapi::AnswerMode otherAction = Tapi::AnswerNone; // for Answer: what becomes of `other`
    bool clearParties = true;
    bool dropCall = false;
};

// Facts only the provider knows, returned with a completion.
struct CommandOutcome
{
    bool activeElsewhere = false; // bridged address: the call stays up at other stations
};
