#pragma once

#include "core/EngineClock.h"
#include "lines/Line.h"
#include "lines/LineOwner.h"
#include "providers/LineEventSink.h"
#include "providers/LineProvider.h"
#include "session/CallSession.h"
#include "session/MuteState.h"
#include "session/PendingRequest.h"
#include "session/models/ConferenceModel.h"
#include "session/models/SessionModel.h"

#include <QtCore/qhash.h>
#include <QtCore/qobject.h>
#include <QtCore/qpointer.h>
#include <QtQml/qqmlregistration.h>

#include <memory>
#include <unordered_map>
#include <vector>

struct Call;
class QQmlEngine;
class QJSEngine;
struct VerbGate;

// The engine owns the truth about every call. It applies the TAPI rules of docs/tapi-semantics.md once,
// for every provider: validation order [D-5] (checkGate), completion before state signals [D-7]
// (finishRequest), cascades of conferences, consultations and bridged appearances. Each verb lives in one
// file of engine/session/verbs/ (its gate, its command, its completion); docs/architecture.md lists them.
class CallEngine : public QObject, public LineEventSink, public LineOwner
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(SessionModel *sessions READ sessions CONSTANT FINAL)
    Q_PROPERTY(ConferenceModel *conferences READ conferences CONSTANT FINAL)
    Q_PROPERTY(QList<Line *> lines READ lines NOTIFY linesChanged FINAL)
    Q_PROPERTY(int sessionCount READ sessionCount NOTIFY sessionCountChanged FINAL)
    Q_PROPERTY(MuteState *mute READ mute CONSTANT FINAL)
    Q_PROPERTY(int callsInProgress READ callsInProgress NOTIFY callsInProgressChanged FINAL)

public:
    // No default argument: Qt 6.4 constructs a default-constructible QML singleton itself instead of
    // calling create(), and the UI would bind to an empty engine.
    explicit CallEngine(QObject *parent);
    ~CallEngine() override;

    // QML singleton: the composition root creates the engine and hands it to QML.
    static void setQmlInstance(CallEngine *engine);
    static CallEngine *create(QQmlEngine *, QJSEngine *);

    // Starts the provider: its lines come with lineAddedSignal. Also at run time (an account added in the
    // settings).
    void attachProvider(LineProvider *provider);
    // Takes one provider out at run time (an account removed or changed in the settings). Its lines take
    // no new call from now on (retiring: offers refused, makeCall RESOURCEUNAVAIL); once none of them has
    // a call in progress or a request outstanding, the provider is stopped (a SIP account un-registers),
    // each line leaves lines() (lineRemoved, then linesChanged) and providerDetached says the provider
    // may be deleted. The handles of its calls stay valid, queryable until terminated; so do their lines'
    // objects (closed, without a provider). A removed line is freed (deleteLater) once no call names it:
    // at once when it has none, else after its last handle is terminated. Never inside the call: at the
    // earliest on the next turn of the event loop, so a provider may be detached from inside its own
    // report.
    void detachProvider(LineProvider *provider);
    bool isDetaching(const LineProvider *provider) const;
    void detachProviders();
    void setClock(const EngineClock *clock);
    qint64 nowMs() const { return m_clock->nowMs(); }

    SessionModel *sessions() const { return m_sessionModel; }
    MuteState *mute() const { return m_mute; }
    // Calls with a voice path at this station (dialling to connected, held, conferenced). When the
    // last one ends the microphone is unmuted, so the next call never starts muted by surprise.
    int callsInProgress() const { return m_callsInProgress; }
    ConferenceModel *conferences() const { return m_conferenceModel; }
    QList<Line *> lines() const { return m_lineList; }
    Q_INVOKABLE Line *line(const QString &lineId) const;
    Q_INVOKABLE CallSession *session(int sessionId) const;
    QList<CallSession *> sessionList() const { return m_sessionOrder; }
    int sessionCount() const { return int(m_sessionOrder.size()); }
    int callRecordCount() const { return int(m_calls.size()); }
    int pendingRequestCount() const { return int(m_requests.size()); }
    // The id the engine gave a call (for providers and diagnostics).
    CallId callIdOf(const CallSession *session) const;
    QList<CallSession *> handlesOf(CallId call) const;

    // Actions: CallSession and Line forward here. Each returns a request id or a negative LineError.
    int drop(CallSession *session, const QByteArray &uui);
    int reject(CallSession *session);
    int answer(CallSession *session, const QByteArray &uui = {});
    int terminate(CallSession *session);
    int hold(CallSession *session);
    int unhold(CallSession *session);
    int dial(CallSession *session, const QString &digits);
    int setupConference(CallSession *session);
    int prepareAddToConference(CallSession *conference);
    int addToConference(CallSession *conference, CallSession *consult);
    int removeFromConference(CallSession *session);
    int setupTransfer(CallSession *session);
    int completeTransfer(CallSession *session, CallSession *consult);
    int blindTransfer(CallSession *session, const QString &destination);
    int sendUserUserInfo(CallSession *session, const QByteArray &uui);
    int releaseUserUserInfo(CallSession *session);
    int disconnect3(CallSession *session, int code);
    CallSession *openHandle(CallSession *session, Tapi::CallPrivilege privilege);
    int makeCall(Line *line, const QString &number, const QByteArray &uui = {}) override;
    void closeLine(Line *line) override;

    // LineEventSink
    void lineAdded(LineProvider *provider, const LineDescriptor &line) override;
    void lineStatusChanged(const QString &lineId, bool inService, const QString &reason) override;
    void lineClosed(const QString &lineId) override;
    void addressStatusChanged(const QString &lineId, bool inUse) override;
    CallId callOffered(const QString &lineId, const CallOffer &offer) override;
    CallId callOriginated(const QString &lineId, const QString &number) override;
    void callStateReported(CallId call, int state, int mode) override;
    void remoteDisconnected(CallId call, int disconnectMode, const QByteArray &uui) override;
    void callCleared(CallId call) override;
    void userUserInfoReceived(CallId call, const QByteArray &uui) override;
    void remotePartyChanged(CallId call, const QString &number, const QString &name) override;
    void digitReceived(CallId call, QChar digit) override;
    void callParticipantsChanged(CallId call, int otherStations) override;
    void commandCompleted(int requestId, int error, const CommandOutcome &outcome) override;
    void callAudioAttached(CallId call, std::shared_ptr<LineAudioEndpoint> endpoint) override;
    void callAudioDetached(CallId call) override;
    void addressRingingChanged(const QString &lineId, bool ringing) override;

    // The session's voice path (null when its call has none now); for the audio bridge.
    std::shared_ptr<LineAudioEndpoint> audioEndpoint(const CallSession *session) const;

Q_SIGNALS:
    void linesChanged();
    void lineAddedSignal(Line *line);
    // The line left lines() (its provider was detached, its calls had ended). The object lives on while a
    // handle names it, and is deleted on a later turn of the event loop once none does (QPointer it).
    void lineRemoved(Line *line);
    // detachProvider() is done: the provider is stopped and none of its lines is in lines() any more.
    void providerDetached(LineProvider *provider);
    void sessionCountChanged();
    void callsInProgressChanged();
    void sessionAdded(CallSession *session);
    void sessionRemoved(CallSession *session); // before the handle is freed
    void sessionTerminated(int sessionId);
    void requestIssued(int requestId, const QString &action, int sessionId);
    void requestCompleted(int requestId, int error);
    void sessionStateChanged(CallSession *session, Tapi::CallState oldState, Tapi::CallState state, int mode,
                             Tapi::CallPrivilege privilege);
    void userUserInfoDelivered(CallSession *session, const QByteArray &uui);
    void conferenceMembershipChanged(CallSession *conference);
    // The session's voice path came or went (audioEndpoint(session) says which); once per handle.
    void callAudioChanged(CallSession *session);
    // Something a provider or script asked for that cannot be done; never fatal.
    void errorEvent(const QString &message);

private:
    Call *newCall(Line *line, int direction);
    Call *newCallWithId(CallId id, Line *line, int direction);
    CallSession *addHandle(Call *call, int privilege);
    void addHandlesFor(Call *call);
    void freeHandle(CallSession *session);
    void retire(CallSession *session);
    void maybeFreeCall(Call *call);
    void unlinkCall(Call *call);
    Call *findCall(CallId id) const;

    // Requests (CallEngineRequests.cpp): the [D-5] gate, issue, completion in [D-7] order.
    using Completion = RequestStep;
    int checkGate(CallSession *session, const VerbGate &gate, Call **call) const;
    // shownNumber: see PendingRequest::shownNumber.
    int issue(RequestAction action, CallSession *issuer, Call *call, LineCommand command, Completion complete,
              Completion beforeReply = nullptr, const QString &shownNumber = {});
    int issueOnLine(RequestAction action, Line *line, LineCommand command, Completion complete,
                    const QString &shownNumber = {});
    int newRequestId();
    void completeLocally(int requestId, int error);
    void finishRequest(PendingRequest &request, int error, const CommandOutcome &outcome);
    void emitCompleted(const PendingRequest &request, int error);

    // The verbs' completions (engine/session/verbs/).
    void completeDrop(const PendingRequest &request, const CommandOutcome &outcome);
    void completeAnswer(const PendingRequest &request, const CommandOutcome &outcome);
    void completeHold(const PendingRequest &request, const CommandOutcome &outcome);
    void completeUnhold(const PendingRequest &request, const CommandOutcome &outcome);
    void completeMakeCall(const PendingRequest &request, const CommandOutcome &outcome);
    void completeDial(const PendingRequest &request, const CommandOutcome &outcome);
    void createConference(const PendingRequest &request, const CommandOutcome &outcome);
    void createConsult(const PendingRequest &request, const CommandOutcome &outcome);
    void completeSetupConference(const PendingRequest &request, const CommandOutcome &outcome);
    void completePrepareAddToConference(const PendingRequest &request, const CommandOutcome &outcome);
    void completeAddToConference(const PendingRequest &request, const CommandOutcome &outcome);
    void completeRemoveFromConference(const PendingRequest &request, const CommandOutcome &outcome);
    void completeSetupTransfer(const PendingRequest &request, const CommandOutcome &outcome);
    void completeCompleteTransfer(const PendingRequest &request, const CommandOutcome &outcome);
    void completeBlindTransfer(const PendingRequest &request, const CommandOutcome &outcome);
    void completeSendUserUserInfo(const PendingRequest &request, const CommandOutcome &outcome);
    // UUI this station sent with a verb (drop, answer, makeCall): readable as sentUserUserInfo.
    void noteSentUui(Call *call, const QByteArray &uui);
    void completeReleaseUserUserInfo(const PendingRequest &request, const CommandOutcome &outcome);

    // Detaching providers at run time (CallEngineProviders.cpp).
    bool lineBusy(const Line *line) const;
    void scheduleDetachCheck();
    void finishDetaching();
    // Frees a removed line once no call record names it (its last handle terminated, or none).
    void freeIfRemoved(Line *line);

    // State changes and cascades.
    void setState(Call *call, int state, int mode = 0);
    void countInProgress(int oldState, int newState);
    void becameIdle(Call *call);
    void setAudio(Call *call, std::shared_ptr<LineAudioEndpoint> endpoint);
    void idleConsultation(Call *consult);
    void removeMember(Call *member);
    void collapseIfNeeded(Call *parent);
    void dropConference(Call *parent, bool clearParties);
    void refreshFeatures(Call *call);
    void refreshRelatedFeatures(Call *call);
    int featuresFor(const CallSession *session) const;
    int modeFor(const Call *call, const CallSession *handle) const;
    void notifyConference(Call *call);
    // Consultation relations: set and cleared only here, so consultChanged always follows.
    void linkConsult(Call *held, Call *consult, bool transfer);
    void unlinkConsult(Call *held);
    void notifyConsult(Call *call);
    void sendNotification(Call *call, LineCommand command);
    // What the far end is told when this station lets the call go (drop, the last handle's CLOSEDROP,
    // closing the line): REJECT for an offered call, CANCELLED before the answer [D-14], 0 for an inactive
    // offer [D-9] or a far end already gone, else NORMAL.
    static int farEndModeOnRelease(const Call *call);
    // A mode reported by a provider, as the application's API version may receive it [D-17].
    static int modeForApi(const Call *call, int state, int mode);

    std::unique_ptr<SystemClock> m_systemClock;
    const EngineClock *m_clock;
    SessionModel *m_sessionModel;
    ConferenceModel *m_conferenceModel;
    MuteState *m_mute;
    int m_callsInProgress = 0;
    std::vector<LineProvider *> m_providers;
    std::vector<LineProvider *> m_detaching; // detachProvider() waits for their lines' calls to end
    bool m_detachCheckQueued = false;
    QHash<QString, Line *> m_lines;
    QList<Line *> m_lineList;
    std::unordered_map<CallId, std::unique_ptr<Call>> m_calls;
    QHash<int, CallSession *> m_sessions;
    QList<CallSession *> m_sessionOrder;
    QPointer<QObject> m_retiredBatch; // parent of the handles freed in this turn, deleteLater()'d
    QHash<int, PendingRequest> m_requests;
    CallId m_nextCallId = 1;
    int m_nextSessionId = 1;
    int m_nextRequestId = 1;
    bool m_localCompletionQueued = false;
    std::vector<std::pair<int, int>> m_localCompletions;
};
