#pragma once

#include "core/Tapi.h"
#include "providers/LineCommand.h"

#include <QtCore/qdatetime.h>
#include <QtCore/qobject.h>
#include <QtCore/qpointer.h>
#include <QtCore/qvariant.h>
#include <QtQml/qqmlregistration.h>

#include "lines/Line.h"

class CallEngine;
struct Call;

// A handle onto a call at this station: TAPI's hCall. Every action is a method here and goes
// through the engine's one implementation, whichever entry point (button, shortcut, headset,
// script) calls it. Actions return a request id (> 0) or a negative Tapi::LineError at once;
// the engine emits requestCompleted(id, error) first and then one stateChanged per affected session.
class CallSession : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Sessions are created by the engine")
    Q_PROPERTY(int sessionId READ sessionId CONSTANT FINAL)
    Q_PROPERTY(bool valid READ isValid NOTIFY terminated FINAL)
    Q_PROPERTY(Line *line READ line CONSTANT FINAL)
    Q_PROPERTY(QString lineId READ lineId CONSTANT FINAL)
    Q_PROPERTY(QString address READ address CONSTANT FINAL)
    Q_PROPERTY(Tapi::CallState state READ state NOTIFY stateChanged FINAL)
    // The mode's enum depends on the state (Tapi::ConnectedMode for CONNECTED, Tapi::DisconnectMode for
    // DISCONNECTED, ...), so it is an int, tested against that enum's names: mode & Tapi.ConnectedInactive.
    Q_PROPERTY(int mode READ mode NOTIFY stateChanged FINAL)
    Q_PROPERTY(QString stateName READ stateName NOTIFY stateChanged FINAL)
    Q_PROPERTY(QString modeName READ modeName NOTIFY stateChanged FINAL)
    Q_PROPERTY(Tapi::CallState3 callState3 READ callState3 NOTIFY stateChanged FINAL)
    Q_PROPERTY(Tapi::EventCause3 eventCause3 READ eventCause3 NOTIFY stateChanged FINAL)
    Q_PROPERTY(Tapi::DisconnectMode disconnectMode READ disconnectMode NOTIFY stateChanged FINAL)
    Q_PROPERTY(Tapi::Direction direction READ direction CONSTANT FINAL)
    Q_PROPERTY(Tapi::CallReason callReason READ callReason CONSTANT FINAL)
    Q_PROPERTY(Tapi::CallPrivilege privilege READ privilege NOTIFY privilegeChanged FINAL)
    Q_PROPERTY(QString remoteNumber READ remoteNumber NOTIFY callInfoChanged FINAL)
    Q_PROPERTY(QString remoteName READ remoteName NOTIFY callInfoChanged FINAL)
    Q_PROPERTY(QString calledNumber READ calledNumber NOTIFY callInfoChanged FINAL)
    Q_PROPERTY(QString callerIdDate READ callerIdDate NOTIFY callInfoChanged FINAL)
    Q_PROPERTY(QString numberAbsence READ numberAbsence NOTIFY callInfoChanged FINAL)
    Q_PROPERTY(QString nameAbsence READ nameAbsence NOTIFY callInfoChanged FINAL)
    Q_PROPERTY(int numOwners READ numOwners NOTIFY callInfoChanged FINAL)
    Q_PROPERTY(int numMonitors READ numMonitors NOTIFY callInfoChanged FINAL)
    Q_PROPERTY(Tapi::CallFeatures features READ features NOTIFY featuresChanged FINAL)
    Q_PROPERTY(bool isConference READ isConference NOTIFY conferenceChanged FINAL)
    Q_PROPERTY(CallSession *conferenceParent READ conferenceParent NOTIFY conferenceChanged FINAL)
    Q_PROPERTY(QList<CallSession *> members READ members NOTIFY conferenceChanged FINAL)
    Q_PROPERTY(CallSession *consultCall READ consultCall NOTIFY consultChanged FINAL)
    Q_PROPERTY(CallSession *consultOf READ consultOf NOTIFY consultChanged FINAL)
    Q_PROPERTY(ConsultKind consultKind READ consultKind NOTIFY consultChanged FINAL)
    Q_PROPERTY(QString outcome READ outcome NOTIFY stateChanged FINAL)
    Q_PROPERTY(bool needsWrapUp READ needsWrapUp NOTIFY stateChanged FINAL)
    Q_PROPERTY(QByteArray userUserInfo READ userUserInfo NOTIFY userUserInfoChanged FINAL)
    Q_PROPERTY(QString userUserInfoText READ userUserInfoText NOTIFY userUserInfoChanged FINAL)
    Q_PROPERTY(int pendingUserUserInfo READ pendingUserUserInfo NOTIFY userUserInfoChanged FINAL)
    Q_PROPERTY(QByteArray sentUserUserInfo READ sentUserUserInfo NOTIFY userUserInfoChanged FINAL)
    Q_PROPERTY(QDateTime offeredAt READ offeredAt NOTIFY timesChanged FINAL)
    Q_PROPERTY(QDateTime connectedAt READ connectedAt NOTIFY timesChanged FINAL)
    Q_PROPERTY(QDateTime droppedAt READ droppedAt NOTIFY timesChanged FINAL)
    Q_PROPERTY(QDateTime idleAt READ idleAt NOTIFY timesChanged FINAL)
    Q_PROPERTY(qint64 duration READ duration NOTIFY timesChanged FINAL)
    // The agent's wrap-up of this call (a disposition code and free notes): the one place it lives; the call
    // log follows wrapUpChanged into the call's row (the live row while the call goes on, the completed
    // row when the session is terminated).
    Q_PROPERTY(QString disposition READ disposition NOTIFY wrapUpChanged FINAL)
    Q_PROPERTY(QString notes READ notes WRITE setNotes NOTIFY wrapUpChanged FINAL)
    // The call's recording: its state and file (empty while it is not recorded), the one place they live.
    // The audio router sets them on every handle of the call as the recorder reports; the console's
    // controls, the call log and the floor follow the NOTIFY signals.
    Q_PROPERTY(RecordingState recordingState READ recordingState NOTIFY recordingStateChanged FINAL)
    Q_PROPERTY(QString recordingPath READ recordingPath NOTIFY recordingPathChanged FINAL)

public:
    // What a consultation is for: a transfer (setupTransfer) or a conference (setupConference,
    // prepareAddToConference). Both sides of the relation report it.
    enum ConsultKind { NoConsult, TransferConsult, ConferenceConsult };
    Q_ENUM(ConsultKind)
    // The recording of the call, as the recorder reports it (the same order as Recorder::State).
    enum RecordingState { NotRecorded, Recording, RecordingPaused, RecordingFinished, RecordingFailed };
    Q_ENUM(RecordingState)

    CallSession(CallEngine *engine, Call *call, int sessionId, int privilege);
    ~CallSession() override;

    int sessionId() const { return m_sessionId; }
    bool isValid() const { return m_call != nullptr; }
    // The line the call was on, also after the line left the engine (CallEngine::lineRemoved): a removed
    // line is freed only after the last handle on it (docs/architecture.md, "Lines at run time").
    Line *line() const { return m_line; }
    QString lineId() const;
    QString address() const;
    Tapi::CallState state() const;
    int mode() const;
    QString stateName() const;
    QString modeName() const;
    Tapi::CallState3 callState3() const;
    Tapi::EventCause3 eventCause3() const;
    Tapi::DisconnectMode disconnectMode() const;
    Tapi::Direction direction() const { return Tapi::Direction(m_direction); }
    // LINECALLINFO's dwReason: Tapi::ReasonDirect, or ReasonTransfer for a call this station placed
    // because a far end transferred its call here (SIP REFER).
    Tapi::CallReason callReason() const { return Tapi::CallReason(m_callReason); }
    Tapi::CallPrivilege privilege() const { return Tapi::CallPrivilege(m_privilege); }
    QString remoteNumber() const;
    QString remoteName() const;
    QString calledNumber() const;
    // Caller-ID date/time as sent (MMDDHHMM on analogue lines) and why number or name is withheld.
    QString callerIdDate() const;
    QString numberAbsence() const;
    QString nameAbsence() const;
    int numOwners() const;
    int numMonitors() const;
    Tapi::CallFeatures features() const { return Tapi::CallFeatures::fromInt(m_features); }
    Q_INVOKABLE bool hasFeature(int feature) const { return (m_features & feature) == feature; }
    bool isConference() const;
    CallSession *conferenceParent() const;
    QList<CallSession *> members() const;
    // On a held original or a conference parent: its live consultation call; else null.
    CallSession *consultCall() const;
    // On a consultation call: the held original or the conference it belongs to; else null.
    CallSession *consultOf() const;
    ConsultKind consultKind() const;
    // How the call went for this station, as the call log keeps it: "answered", "missed", "rejected",
    // "unanswered" (outbound), "transferred", "consult" (a consultation leg), "conference" (the parent),
    // "elsewhere" (an appearance of a call taken at another station).
    QString outcome() const;
    // An ended call the agent wraps up: an owner's call that was talked here and is not a consultation
    // leg, a conference parent or a supervisor's coaching leg. Every other ended call can be closed
    // without asking the agent.
    bool needsWrapUp() const;
    // A supervisor's coaching leg (issue 16), on the supervisor's console or the agent's: marked by the
    // floor's coaching before it connects; no wrap-up, and its talk does not start the agent's wrap-up.
    bool isSupervisionLeg() const;
    void markSupervisionLeg();
    QByteArray userUserInfo() const;
    QString userUserInfoText() const;
    // The whole received FIFO, head first.
    QList<QByteArray> receivedUserUserInfo() const;
    // Every message received on the call, oldest first, also those released since (the call log keeps
    // them all).
    QList<QByteArray> everyReceivedUserUserInfo() const;
    int pendingUserUserInfo() const;
    QByteArray sentUserUserInfo() const;
    QDateTime offeredAt() const;
    QDateTime connectedAt() const;
    QDateTime droppedAt() const;
    QDateTime idleAt() const;
    qint64 duration() const; // ms connected, up to the drop or now

    // TAPI 2 actions. C++ callers pass bytes; QML passes a string (sent as UTF-8) or bytes.
    int drop(const QByteArray &uui);
    Q_INVOKABLE int drop(const QVariant &uui = QVariant());
    Q_INVOKABLE int reject();
    // lineAnswer; UUI rides on the answer where the line allows it (uuiAnswerSize).
    int answer(const QByteArray &uui);
    Q_INVOKABLE int answer(const QVariant &uui = QVariant());
    Q_INVOKABLE int terminate();
    Q_INVOKABLE int hold();
    Q_INVOKABLE int unhold();
    Q_INVOKABLE int dial(const QString &digits);
    Q_INVOKABLE int setupConference();
    Q_INVOKABLE int prepareAddToConference();
    Q_INVOKABLE int addToConference(CallSession *consult);
    Q_INVOKABLE int removeFromConference();
    Q_INVOKABLE int dropAll() { return drop(QByteArray()); }
    Q_INVOKABLE int setupTransfer();
    Q_INVOKABLE int completeTransfer(CallSession *consult);
    // lineBlindTransfer: the far end is handed to the destination; this station leaves the call.
    Q_INVOKABLE int blindTransfer(const QString &destination);
    Q_INVOKABLE int sendUserUserInfo(const QVariant &uui);
    Q_INVOKABLE int releaseUserUserInfo();
    // Another handle onto the same call (lineGetNewCalls / lineGetConfRelatedCalls).
    Q_INVOKABLE CallSession *openHandle(Tapi::CallPrivilege privilege);
    // TAPI 3 view: ITBasicCallControl::Disconnect. Returns Tapi::SOk, Tapi::SFalse or a LineError.
    Q_INVOKABLE int disconnect3(int code);

    QString disposition() const { return m_disposition; }
    QString notes() const { return m_notes; }
    // Emits wrapUpChanged once when either changes.
    Q_INVOKABLE void setWrapUp(const QString &disposition, const QString &notes);
    void setNotes(const QString &notes) { setWrapUp(m_disposition, notes); }
    QString recordingPath() const { return m_recordingPath; }
    RecordingState recordingState() const { return m_recordingState; }
    // The audio router's report: recordingPathChanged first (when the file changes), then
    // recordingStateChanged (when the state does).
    void setRecording(RecordingState state, const QString &path);

    // Engine-side plumbing.
    Call *call() const { return m_call; }
    void detach(); // the handle is freed: further calls return INVALCALLHANDLE
    void setPrivilegeValue(int privilege);
    bool updateFeatures(int features);
    // Emits stateChanged unless state and mode equal what this handle last saw (TAPI rule 8).
    bool notifyState(int state, int mode, int *privilegeParam);
    int lastReportedMode() const { return m_lastMode; }

Q_SIGNALS:
    // privilege is the handle's privilege on its first signal only, 0 afterwards (LINE_CALLSTATE dwParam3).
    // mode is the state's own enum (Tapi::ConnectedMode, Tapi::DisconnectMode, ...), so it stays an int.
    void stateChanged(Tapi::CallState state, int mode, Tapi::CallPrivilege privilege);
    void requestCompleted(int requestId, int error);
    void featuresChanged();
    void privilegeChanged();
    void callInfoChanged(int infoStates);
    void userUserInfoChanged();
    void conferenceChanged();
    void consultChanged();
    void timesChanged();
    void wrapUpChanged();
    void recordingPathChanged();
    void recordingStateChanged();
    void digitReceived(const QString &digit);
    void terminated();

private:
    void setRecordingPath(const QString &path);

    CallEngine *m_engine;
    Call *m_call;
    QPointer<Line> m_line; // guarded: a retired handle may be read until its batch is deleted
    int m_sessionId;
    int m_privilege;
    int m_direction;
    int m_callReason;
    int m_features = 0;
    int m_lastState = Tapi::NoState;
    int m_lastMode = 0;
    bool m_privilegeReported = false;
    QString m_disposition;
    QString m_notes;
    QString m_recordingPath;
    RecordingState m_recordingState = NotRecorded;
};
