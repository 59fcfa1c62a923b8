#pragma once

#include "core/Tapi.h"
#include "providers/LineCommand.h"

#include <QtCore/qbytearray.h>
#include <QtCore/qlist.h>
#include <QtCore/qstring.h>

#include <deque>
#include <memory>
#include <vector>

class CallSession;
class Line;
class LineAudioEndpoint;

// One call appearance at this station, as the switch sees it. Every CallSession is a handle onto a
// Call; state, caller id, UUI and relations live here once and are shared by all handles.
struct Call
{
    CallId id = 0;
    Line *line = nullptr;
    int state = Tapi::NoState;
    int mode = 0;
    int disconnectMode = 0; // last remote disconnect reason, readable until terminate
    int direction = Tapi::Inbound;
    int otherStations = 0; // other stations taking part, as the provider reports them [D-15]
    int reason =
        Tapi::ReasonDirect; // TRANSFER: placed because the far end of another call transferred it here
    QString remoteNumber;
    QString remoteName;
    QString calledNumber;
    QString callerIdDate; // as CallOffer
    QString numberAbsence;
    QString nameAbsence;

    std::deque<QByteArray> receivedUui; // FIFO; the head is what callInfo shows until released
    QList<QByteArray> everyReceivedUui; // every message received, also those released since (history)
    QByteArray sentUui;

    qint64 createdAt = -1;
    qint64 offeredAt = -1;
    qint64 connectedAt = -1;
    qint64 droppedAt = -1;
    qint64 idleAt = -1;

    // Conference relations: a parent has members; a member points at its parent.
    bool isConferenceParent = false;
    Call *confParent = nullptr;
    std::vector<Call *> members;
    Call *lastAdded = nullptr;
    // Consultation relations (conference set-up or transfer): the held call and its consult.
    Call *consult = nullptr;
    Call *consultFor = nullptr;
    bool consultIsTransfer = false;
    bool consultLeg = false; // created as a consultation call (transfer or conference)
    // A supervisor's coaching leg (issue 16: FloorCoachingLegs, FloorCoachingCaller): no customer's call,
    // so neither wrapped up nor a conversation that starts wrap-up.
    bool supervisionLeg = false;
    bool rejected = false; // the agent refused it while it was offered
    bool transferred = false; // completeTransfer or blindTransfer took it away from this station

    std::shared_ptr<LineAudioEndpoint> audio; // the voice path, while the provider has one

    std::vector<CallSession *> handles;
    int externalOwners = 0;
    int pendingRequests = 0; // requests in flight keep the record alive after its last handle goes
    bool dropPending = false;
    bool closed = false; // the last handle was freed: no more signals to anyone
    bool wasConnected = false; // for the T3 S_FALSE rule and history
    bool talkedHere = false; // connected and active at this station (not only an inactive appearance)

    // A message from the far end: queued for the application and kept for the call's history.
    void receiveUui(const QByteArray &uui)
    {
        receivedUui.push_back(uui);
        everyReceivedUui.append(uui);
    }
    int numOwners() const;
    int numMonitors() const;
    bool isMember() const { return confParent != nullptr && state == Tapi::Conferenced; }
};
