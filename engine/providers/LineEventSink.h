#pragma once

#include "providers/LineCommand.h"
#include "providers/LineDescriptor.h"

#include <memory>

class LineAudioEndpoint;

class LineProvider;

// Caller ID and addressing of a newly offered call.
struct CallOffer
{
    QString callerNumber;
    QString callerName;
    QString calledNumber;
    // Caller-ID extras, as the network sent them: the date/time (analogue caller ID: MMDDHHMM, no
    // year) and why the number or name is absent ("private", "out_of_area", ...; empty when sent).
    QString callerIdDate;
    QString numberAbsence;
    QString nameAbsence;
    int offeringMode = 0x1; // Tapi::OfferingActive
    QByteArray uui; // UUI that arrived with the offer
};

// What providers report to the engine: primitive events only. Always called on the engine's thread
// (providers with device threads marshal with queued signals first).
class LineEventSink
{
public:
    virtual ~LineEventSink() = default;

    virtual void lineAdded(LineProvider *provider, const LineDescriptor &line) = 0;
    virtual void lineStatusChanged(const QString &lineId, bool inService, const QString &reason) = 0;
    virtual void lineClosed(const QString &lineId) = 0;
    virtual void addressStatusChanged(const QString &lineId, bool inUse) = 0;

    // Returns the engine's id for the new call; the provider uses it in every later report.
    virtual CallId callOffered(const QString &lineId, const CallOffer &offer) = 0;
    // A call the provider places because the network asked (the far end of another call on the line
    // transferred it here: SIP REFER): outbound, reason TRANSFER, DIALING to `number`; later states are
    // reported as for any call. Returns the engine's id, 0 when the line cannot take it.
    virtual CallId callOriginated(const QString &lineId, const QString &number) = 0;
    virtual void callStateReported(CallId call, int state, int mode) = 0;
    virtual void remoteDisconnected(CallId call, int disconnectMode, const QByteArray &uui) = 0;
    // The call vanished at the switch without this station taking part (bridged, transferred away).
    virtual void callCleared(CallId call) = 0;
    virtual void userUserInfoReceived(CallId call, const QByteArray &uui) = 0;
    // The party at the far end changed while the call went on (the far end completed an attended transfer
    // to this station: SIP INVITE with Replaces): the session's remote number and name become these
    // (TAPI's connected ID, LINECALLINFOSTATE_CONNECTEDID).
    virtual void remotePartyChanged(CallId call, const QString &number, const QString &name) = 0;
    virtual void digitReceived(CallId call, QChar digit) = 0;
    // How many other stations take part in the call now (a bridged address: those connected and active
    // there). A provider that knows reports every change; the engine then refuses a hold at once while
    // others take part [D-15]. One that does not never calls it and refuses the hold in its completion.
    virtual void callParticipantsChanged(CallId call, int otherStations) = 0;

    virtual void commandCompleted(int requestId, int error, const CommandOutcome &outcome) = 0;

    // The call has a voice path: the far end's audio and the agent's, through `endpoint`. A provider
    // attaches it when the path exists (answer, connect; early media may come sooner) and detaches it
    // when the path is gone; the engine also lets go of it when the call goes IDLE.
    virtual void callAudioAttached(CallId call, std::shared_ptr<LineAudioEndpoint> endpoint) = 0;
    virtual void callAudioDetached(CallId call) = 0;

    // A monitored address where a call rings now (true: in use and ringing, one change) or no longer
    // (false: answered, still in use; addressStatusChanged(false) ends both). For providers that tell
    // ringing apart (dialog-info's early dialogs); the others report addressStatusChanged only. Last in
    // the class, so the slots of plugins built before it stay where they were.
    virtual void addressRingingChanged(const QString &lineId, bool ringing) = 0;
};
