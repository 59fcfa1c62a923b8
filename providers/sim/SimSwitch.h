#pragma once

#include "SimFarEnd.h"
#include "VirtualClock.h"
#include "providers/LineDescriptor.h"
#include "providers/LineEventSink.h"
#include "providers/LineProvider.h"

#include <QtCore/qhash.h>
#include <QtCore/qobject.h>

#include <functional>
#include <memory>

class SimAudioPump;
class SimFarEndAudio;

// A simulated switch and its far ends. It executes the engine's primitive commands and plays the
// far-end side of every call: remote answer, hang-up with a mode and UUI, busy, no answer, bridged
// stations. All timing goes through a VirtualClock, so runs are deterministic.
class SimSwitch : public QObject, public LineProvider
{
    Q_OBJECT

public:
    struct LineSetup
    {
        LineDescriptor descriptor;
        QString bridgeGroup; // lines sharing a bridged address
        bool primary = true; // where a bridged call alerts (OFFERING/ACTIVE)
    };

    explicit SimSwitch(QObject *parent = nullptr);
    ~SimSwitch() override;

    // LineProvider
    QString providerId() const override { return QStringLiteral("sim"); }
    void start(LineEventSink *sink) override;
    void execute(const LineCommand &command) override;
    void stop() override;

    VirtualClock &clock() { return m_clock; }
    void addLine(const LineSetup &line);
    void addFarEnd(const SimFarEnd &farEnd);
    SimFarEnd *farEnd(const QString &id);
    const SimFarEnd *farEndByNumber(const QString &number) const;
    QStringList farEndIds() const { return m_farEndOrder; }
    void setCommandLatency(qint64 ms) { m_latency = ms; }
    // The next completion fails with this LineError and has no effect.
    void failNextCommand(int error) { m_failNext = error; }
    // Whether the switch tells the engine who takes part in a call (callParticipantsChanged, [D-15]); on by
    // default. Off, it is a switch that only refuses a hold in the completion.
    void setReportsParticipants(bool reports) { m_reportsParticipants = reports; }

    // Far-end and network events (scenario steps and tests). Each returns false with *error set
    // when it cannot apply (unknown line, no such call, ...).
    QList<CallId> offerCall(const QString &lineId, const QString &farEndId, const QByteArray &uui = {},
                            QString *error = nullptr);
    bool remoteAnswer(const QString &farEndId, QString *error = nullptr);
    bool remoteHangup(const QString &farEndId, int disconnectMode, const QByteArray &uui = {},
                      QString *error = nullptr);
    bool remoteUserUserInfo(const QString &farEndId, const QByteArray &uui, QString *error = nullptr);
    bool remoteDigits(const QString &farEndId, const QString &digits, QString *error = nullptr);
    void reportState(CallId call, int state, int mode);
    void setLineInService(const QString &lineId, bool inService, const QString &reason);
    void closeLine(const QString &lineId);
    CallId callOfFarEnd(const QString &farEndId) const;

    // How the far ends' audio keeps time: with the virtual clock (deterministic, the default) or with the
    // wall clock on a pump thread of its own (the console). Set before calls connect.
    enum AudioPacing { VirtualPacing, WallClockPacing };
    void setAudioPacing(AudioPacing pacing);
    AudioPacing audioPacing() const { return m_pump ? WallClockPacing : VirtualPacing; }
    // The far end's ear and mouth (what it heard in its latest call); null before its first voice path.
    std::shared_ptr<SimFarEndAudio> farEndAudio(const QString &farEndId) const
    {
        return m_audio.value(farEndId);
    }
    SimAudioPump *audioPump() const { return m_pump.get(); }
    // Virtual pacing: told the time after every 20 ms the far ends' audio moves (and once for a jump
    // with no voice path), so the agent's side can run its audio in step with them.
    void setAudioFollower(std::function<void(qint64 elapsedMs)> follower)
    {
        m_follower = std::move(follower);
    }

Q_SIGNALS:
    void farEndChanged(const QString &farEndId, int state, int mode);
    void farEndReceivedUserUserInfo(const QString &farEndId, const QByteArray &uui);
    // The far end's recording could not be created; its call and audio go on.
    void farEndAudioError(const QString &farEndId, const QString &message);

private:
    // A physical call through the switch: one far end and this station's appearances of it.
    struct Connection
    {
        int id = 0;
        QString farEnd;
        QList<CallId> appearances;
        QList<CallId> active; // appearances taking part (bridged-shared may have several)
    };

    void complete(const LineCommand &command);
    void apply(const LineCommand &command);
    void setFarEnd(const QString &farEndId, int state, int mode = 0);
    // Another appearance of the call's connection takes part (bridged addresses).
    bool othersTakePart(CallId call);
    void otherStationAnswered(CallId answered);
    // Reports every appearance whose count of other active stations changed since the last report.
    void reportParticipants();
    void releaseAppearance(CallId call, int farEndMode, const QByteArray &uui, CommandOutcome *outcome,
                           bool deferFarEnd);
    void endConnection(Connection *connection, CallId except, int farEndMode, const QByteArray &uui);
    // `uui` travels with the set-up: the far end receives it when the call alerts there.
    void startOutbound(CallId call, const QString &number, const QByteArray &uui);
    void deliverUui(const QString &farEndId, const QByteArray &uui);
    Connection *connectionOf(CallId call);
    const LineSetup *lineSetup(const QString &lineId) const;

    // A connected far end's voice path (or the early media of a far end an outbound call rings), keyed
    // by connection id.
    struct AudioPath
    {
        QString farEnd;
        CallId call = 0;
        std::shared_ptr<SimFarEndAudio> audio;
        qint64 startMs = 0; // virtual pacing: when it started and how far it has run
        qint64 blocksDone = 0;
    };
    // Attaches a voice path to every connection whose far end is connected (or rung with early media),
    // and detaches the rest.
    void updateAudio();
    void endAudio(const AudioPath &path);
    void advanceAudio(qint64 elapsedMs);

    LineEventSink *m_sink = nullptr;
    VirtualClock m_clock;
    QList<LineSetup> m_lines;
    QHash<QString, SimFarEnd> m_farEnds;
    QStringList m_farEndOrder;
    QHash<int, Connection> m_connections;
    QHash<CallId, int> m_connectionOfCall;
    QHash<CallId, QString> m_lineOfCall;
    QHash<CallId, QByteArray> m_setupUuiOfCall; // makeCall's UUI while the number comes by dial()
    int m_nextConnection = 1;
    qint64 m_latency = 0;
    int m_failNext = 0;
    bool m_reportsParticipants = true;
    QHash<CallId, int> m_reportedOthers; // appearances last reported with other stations taking part
    bool m_stopped = false;
    QHash<int, AudioPath> m_audioPaths;
    QHash<QString, std::shared_ptr<SimFarEndAudio>> m_audio;
    std::unique_ptr<SimAudioPump> m_pump;
    std::function<void(qint64)> m_follower;
    qint64 m_audioMs = 0; // virtual pacing: how far the audio has run
};
