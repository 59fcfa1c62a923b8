#pragma once

#include "EventRecorder.h"
#include "SimSwitch.h"
#include "providers/LineCapabilities.h"
#include "session/CallEngine.h"

#include <QtCore/qpointer.h>
#include <QtCore/qstringlist.h>

#include <functional>
#include <memory>

class CallSession;
class Line;

// A one-row data table for a test function that implements a single case, so the case number shows
// in the test output ("tst_x::f(case 11: drop on idle)") like the rows of data-driven cases.
void caseRow(const char *tag);
// Expected event lists write request ids as {id}, {id2}, ...; the engine picks the numbers.
QStringList withIds(QStringList events, const QList<int> &ids);

// The real CallEngine wired to a SimSwitch the way the console wires them: one private line
// "sim/desk" with the capabilities a test row asks for, a fixed set of far ends, the switch's virtual
// clock as the engine clock, and an EventRecorder attached before anything happens.
//
// Far ends (none answers or hangs up on its own; tests drive them):
//   alice 2001, bob 2002, carol 2003, dave 2004, erin 2005, busy 2099 (always busy).
//
// Time only moves when a test says so: settle() runs what is due now and turns the event loop until
// nothing more happens; runUntil() steps the virtual clock from event to event.
class SimFixture
{
public:
    // Where stage() leaves session "A". Inbound stages talk to alice, outbound ones to bob.
    enum Stage {
        StageIdle, // answered, then dropped locally
        StageOffering,
        StageAccepted, // the switch reports ACCEPTED for the offered call
        StageDialTone, // makeCall without a number
        StageDialing,
        StageProceeding, // far end not yet alerted
        StageProceedingAlerting, // the switch re-reports PROCEEDING while bob is already alerted
        StageRingback,
        StageBusy, // BUSY/STATION from the always-busy far end
        StageSpecialInfo, // the switch reports SPECIALINFO/NOCIRCUIT while dialing
        StageConnected, // inbound, answered
        StageOnHold,
        StageDisconnectedBusy, // alice hung up with LINEDISCONNECTMODE_BUSY
        StageUnknown, // the switch reports UNKNOWN for a connected call
    };

    struct Conference
    {
        CallSession *parent = nullptr;
        QList<CallSession *> members; // in the order they joined
    };

    static constexpr auto DefaultLineId = "sim/desk";

    explicit SimFixture(const LineCapabilities &caps = LineCapabilities(), int externalOwners = 0);
    ~SimFixture();
    SimFixture(const SimFixture &) = delete;
    SimFixture &operator=(const SimFixture &) = delete;

    SimSwitch &sim() { return *m_sim; }
    CallEngine &engine() { return *m_engine; }
    EventRecorder &recorder() { return *m_recorder; }
    QStringList events() const { return m_recorder->events(); }
    Line *line() const { return m_line; }

    // Further lines, e.g. stations of a bridged address (same bridgeGroup; primary = alerting station).
    Line *addLine(const QString &id, const LineCapabilities &caps, const QString &bridgeGroup = {},
                  bool primary = true, int externalOwners = 0);

    SimFarEnd *peer(const QString &farEndId) { return m_sim->farEnd(farEndId); }
    QString peerNumber(const QString &farEndId) const;
    // "DISCONNECTED/NORMAL", as the recorder prints far ends.
    QString peerState(const QString &farEndId);

    void settle();
    // Steps the virtual clock from event to event until done() holds; false if it never does.
    bool runUntil(const std::function<bool()> &done, qint64 limitMs = 60000);

    QList<CallSession *> sessionsAddedSince(int mark) const;
    int addedMark() const { return int(m_added.size()); }

    // Building blocks. Each settles, returns nullptr (with a warning saying why) when the switch or
    // the engine did not reach the expected state, and leaves the recorder as it was.
    CallSession *offer(const QString &farEndId, Line *line = nullptr, const QByteArray &uui = {});
    CallSession *answered(const QString &farEndId, Line *line = nullptr);
    CallSession *dialOut(const QString &number, Line *line = nullptr);
    // Dials the far end from a DIALTONE session (a consult call) and has it answer: CONNECTED.
    bool dialAndConnect(CallSession *session, const QString &farEndId);
    // Runs the clock until the outbound session rings the far end, then has the far end answer.
    bool connectOutbound(CallSession *session, const QString &farEndId);
    // Session "A" in the given stage, recorder cleared. *farEndId is the far end of the call.
    CallSession *stage(Stage stage, QString *farEndId = nullptr);
    // A conference over far ends [0..n): the first is an answered inbound call conferenced with
    // setupConference, every further one a dialled consult added with addToConference.
    Conference conference(const QStringList &farEndIds);

    // Waits for an action's completion: settles and returns the reported error, or 1 if none came.
    int completionOf(int requestId);

private:
    std::unique_ptr<EventRecorder> m_recorder;
    std::unique_ptr<SimSwitch> m_sim;
    std::unique_ptr<CallEngine> m_engine;
    Line *m_line = nullptr;
    QList<QPointer<CallSession>> m_added;
    QHash<int, int> m_completions;
};
