#pragma once

#include "SipAccountConfig.h"
#include "SipDialogInfoTracker.h"
#include "providers/LineDescriptor.h"
#include "providers/LineProvider.h"

#include <QtCore/qhash.h>
#include <QtCore/qlist.h>
#include <QtCore/qobject.h>
#include <QtCore/qset.h>

class SipStack;
struct SipCallEnd;

// SIP accounts as lines: the TAPI side of SIP (docs/provider-guide.md, "SIP lines"). Lives on the
// engine's thread and turns LineCommands into SipStack calls and the stack's signals into
// LineEventSink reports. Knows nothing of libre: the stack may be the real one or the simulated twin.
class SipLineProvider : public QObject, public LineProvider
{
    Q_OBJECT

public:
    // Parties of one conference the console mixes (LineCapabilities::maxConference).
    static constexpr int MaxConferenceParties = 8;

    // Takes ownership of `stack`.
    SipLineProvider(const QList<SipAccountConfig> &accounts, SipStack *stack, QObject *parent = nullptr);
    ~SipLineProvider() override;

    QString providerId() const override { return QStringLiteral("sip"); }
    void start(LineEventSink *sink) override;
    void execute(const LineCommand &command) override;
    void stop() override;

    static LineDescriptor descriptorFor(const SipAccountConfig &account);
    // The line of the account's monitored address `index` (MONITORED: busy/idle only) [D-13].
    static LineDescriptor monitorDescriptorFor(const SipAccountConfig &account, qsizetype index);
    SipStack *stack() const { return m_stack; }

private:
    struct Call
    {
        CallId id = 0;
        int account = -1;
        bool outbound = false;
        bool placed = false; // outbound: INVITE handed to the stack
        bool released = false; // this station dropped it: later far-end reports are stale
        bool ended = false; // the far end ended it
        bool proceeding = false;
        bool ringback = false;
        bool established = false; // answered (either way): hold and digits may go out
        bool localHold = false; // this station holds it (the engine's ONHOLD)
        bool remoteHeld = false; // the far end holds it (CONNECTED/ACTIVEHELD while not held here)
        QByteArray setupUui; // makeCall's UUI for the INVITE that dial() sends from dial tone
        bool audioAttached = false; // between the stack's callAudioReady and callAudioGone
        QByteArray callId, localTag; // the dialog, as dialog-info names it (callDialogKnown)
        CallId consult = 0; // the consult call of a transfer set up on this one (SetupTransfer)
        struct Pending
        {
            int requestId = 0;
            LineCommand::Kind kind = LineCommand::Release;
        };
        QList<Pending> pending; // requests waiting for the stack's commandDone, in order
    };

    // A dialog subscription (RFC 4235): a monitored address (its line) or the account's own shared one.
    struct Watch
    {
        int account = -1;
        QString uri;
        QString lineId; // the monitored address's line; empty for the account's own (shared) address
        SipDialogInfoTracker tracker;
        bool busy = false; // as last reported to the engine
        bool ringing = false; // likewise (busy too)
        bool resyncAsked = false; // a new SUBSCRIBE is on its way: partial documents wait for its full one
    };
    // A call at another station of a shared line, here CONNECTED/INACTIVE [D-16][D-18].
    struct Appearance
    {
        int account = -1;
        QString dialogId; // empty until dialog-info names it (the CANCEL of the call came first)
        QByteArray callId;
    };

    // Dialog-info: SipLineProviderDialogs.cpp.
    void startDialogInfo();
    void onDialogSubscription(int account, const QString &uri, bool active, const QString &reason);
    void onDialogInfo(int account, const QString &uri, const QByteArray &body);
    void applyDialogs(Watch &watch);
    void updateAppearances(int account, const QList<SipDialogInfo::Dialog> &dialogs);
    bool isOwnDialog(int account, const SipDialogInfo::Dialog &dialog) const;
    // An inbound call offered here whose Call-ID is `callId`, not answered here: its token, or 0.
    quint64 offeredCall(int account, const QByteArray &callId) const;
    // The offered call `token` was answered at another station: it stays as an inactive appearance.
    CallId becomeAppearance(quint64 token, const QString &dialogId);
    void executeOnAppearance(const LineCommand &command);
    Watch *ownWatch(int account);

    void completeLater(int requestId, int error);
    void onCommandDone(quint64 token, int error);
    void onCallEnded(quint64 token, const SipCallEnd &end);
    void release(const LineCommand &command, Call &call);
    void holdOrResume(const LineCommand &command, Call *call, quint64 token);
    void sendDigits(const LineCommand &command, Call *call, quint64 token);
    void setupTransfer(const LineCommand &command, Call *call, quint64 token);
    void completeTransfer(const LineCommand &command, Call *call, quint64 token);
    void forget(quint64 token);

    // Conferences hosted on the console (SipLineProviderConference.cpp): every party keeps its own
    // dialog and RTP stream; the console's audio mixes them. The engine's conference logic decides;
    // these carry the commands out on the parties' dialogs.
    struct Conference
    {
        QList<CallId> members;
        CallId consult = 0; // the party being added (setupConference, prepareAddToConference)
    };
    // A request carried out on several dialogs (re-INVITEs, BYEs): completed when the last one is done.
    struct PartedRequest
    {
        int left = 0;
        int error = 0;
        LineCommand command;
    };
    void executeConference(const LineCommand &command, int account);
    bool isConferenceMember(CallId call) const;
    // A party or consult that left; a conference down to one party with nothing pending is over (the
    // engine's collapse), its last party a call of its own again.
    void forgetMember(CallId call);
    void endIfCollapsed(CallId conference);
    void holdConference(const LineCommand &command);
    // Re-INVITEs `calls` (held or resumed) for `command`'s request; completes at once when none needs one.
    void reinviteParties(const LineCommand &command, const QList<CallId> &calls, bool onHold);
    void releaseParties(const LineCommand &command, const QList<CallId> &calls);
    // One dialog of a parted request is done; true (with the error to report) when it was the last.
    bool partDone(int requestId, int error, int *reported);
    void finishParted(const PartedRequest &request, int error);
    void addConsult(const LineCommand &command, int account);
    void reportConnectedMode(const Call &call);
    int accountOf(const QString &lineId) const;

    QList<SipAccountConfig> m_accounts;
    SipStack *m_stack;
    LineEventSink *m_sink = nullptr;
    QHash<quint64, Call> m_calls; // by stack token
    QHash<CallId, quint64> m_tokenOf;
    QHash<CallId, Conference> m_conferences; // by the parent's CallId
    QHash<int, PartedRequest> m_parted; // by request id
    QList<Watch> m_watches;
    QHash<CallId, Appearance> m_appearances;
    QSet<QString> m_dismissed; // "<account>/<dialog id>": appearances dropped here while the call goes on
};
