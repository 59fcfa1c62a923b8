#include "ScenarioRunner.h"

#include "SimAgentAudio.h"
#include "SimFarEndAudio.h"
#include "SimSwitch.h"
#include "audio/CallAudioMixer.h"
#include "core/Logging.h"
#include "core/Tapi.h"
#include "lines/Line.h"
#include "session/CallEngine.h"
#include "session/MuteState.h"

#include <algorithm>

#include <QtCore/qjsonarray.h>
#include <QtCore/qtimer.h>

using namespace Tapi;

ScenarioRunner::ScenarioRunner(const Scenario &scenario, SimSwitch *sim, QObject *parent)
    : QObject(parent)
    , m_scenario(scenario)
    , m_sim(sim)
{ }

ScenarioRunner::~ScenarioRunner()
{
    m_sim->setAudioFollower(nullptr);
}

void ScenarioRunner::configureSwitch()
{
    m_sim->setCommandLatency(m_scenario.commandLatencyMs);
    for (const SimSwitch::LineSetup &line : std::as_const(m_scenario.lines))
        m_sim->addLine(line);
    for (const SimFarEnd &farEnd : std::as_const(m_scenario.farEnds))
        m_sim->addFarEnd(farEnd);
}

void ScenarioRunner::play(CallEngine *engine, bool realTime,
                          std::function<void(const ScenarioPlayer::Result &)> finished)
{
    m_engine = engine;
    m_realTime = realTime;
    m_wallClock = realTime || m_scenario.wallClock();
    m_sim->setAudioPacing(m_wallClock ? SimSwitch::WallClockPacing : SimSwitch::VirtualPacing);
    if (!realTime) {
        // Headless: the agent's side is the console's own audio router on the scenario's clock, or on
        // the wall clock when SIP far ends speak in real time.
        m_agentAudio = std::make_unique<SimAgentAudio>(engine, m_scenario.agent);
        if (m_wallClock) {
            m_agentAudioTimer.setTimerType(Qt::PreciseTimer);
            m_agentAudioTimer.setInterval(int(CallAudioMixer::SteppedCycleMs));
            connect(&m_agentAudioTimer, &QTimer::timeout, this,
                    [this] { m_agentAudio->advanceTo(m_wall.elapsed()); });
        } else {
            m_sim->setAudioFollower(
                [agent = m_agentAudio.get()](qint64 elapsedMs) { agent->advanceTo(elapsedMs); });
        }
    }
    m_done = std::move(finished);
    connect(engine, &CallEngine::requestCompleted, this, [this](int id, int error) {
        m_completingRequest = id;
        if (error == Success)
            labelConsultCalls(id);
        m_consultLabels.remove(id);
    });
    connect(engine, &CallEngine::sessionAdded, this, [this](CallSession *session) {
        QStringList &labels = m_labelsForRequest[m_completingRequest];
        if (!labels.isEmpty() && session->privilege() == PrivilegeOwner)
            m_labels.insert(labels.takeFirst(), session);
        if (labels.isEmpty())
            m_labelsForRequest.remove(m_completingRequest);
        // A real phone's call on a SIP line waits for an `incoming` step to name it.
        if (session->direction() == Inbound && session->privilege() == PrivilegeOwner
            && session->lineId().startsWith(QLatin1String("sip/")))
            m_unclaimed[session->lineId()].append(session);
    });
    m_wall.start();
    if (m_agentAudio && m_wallClock)
        m_agentAudioTimer.start();
    if (!m_scenario.sipLines.isEmpty()) {
        waitForRegistration();
        return;
    }
    scheduleSteps();
}

void ScenarioRunner::scheduleSteps()
{
    // The scenario's time starts now: the wait for registration does not count.
    m_pausedMs = m_wallClock ? m_wall.elapsed() : 0;
    m_stepsLeft = int(m_scenario.steps.size());
    for (const ScenarioStep &step : std::as_const(m_scenario.steps))
        m_sim->clock().schedule(step.at - m_sim->clock().elapsedMs(), [this, step] {
            --m_stepsLeft;
            run(step);
        });
    if (m_wallClock) {
        // The console keeps the switch running after the last step, so what the agent does (answer,
        // drop, dial, conference) completes and far ends keep answering. A request wakes it at once.
        m_realTimePump.setSingleShot(true);
        connect(&m_realTimePump, &QTimer::timeout, this,
                m_realTime ? &ScenarioRunner::pumpRealTime : &ScenarioRunner::pumpWallClock);
        connect(m_engine, &CallEngine::requestIssued, this, [this] { m_realTimePump.start(0); });
        m_realTimePump.start(0);
        return;
    }
    QTimer::singleShot(0, this, &ScenarioRunner::pump);
}

void ScenarioRunner::pumpRealTime()
{
    VirtualClock &clock = m_sim->clock();
    clock.advance(qMax<qint64>(0, m_wall.elapsed() - m_pausedMs - clock.elapsedMs()));
    if (m_stepsLeft == 0 && !m_finished)
        finish(0, QStringLiteral("scenario '%1': every step played").arg(m_scenario.name));
    // Sleep until the next event, but wake at least every 250 ms so durations read from the engine's
    // clock stay close to the wall clock.
    const qint64 next = clock.hasEvents() ? clock.nextEventElapsed() - (m_wall.elapsed() - m_pausedMs) : 250;
    m_realTimePump.start(int(qBound<qint64>(qint64(0), next, qint64(250))));
}

void ScenarioRunner::pump()
{
    if (m_finished)
        return;
    VirtualClock &clock = m_sim->clock();
    if (!clock.hasEvents()) {
        if (m_engine->pendingRequestCount() > 0) {
            QTimer::singleShot(0, this, &ScenarioRunner::pump); // engine-local completions still due
            return;
        }
        finish(0, QStringLiteral("scenario '%1': every expectation held").arg(m_scenario.name));
        return;
    }
    if (m_realTime) {
        const qint64 wait = clock.nextEventElapsed() - m_wall.elapsed();
        if (wait > 0) {
            QTimer::singleShot(int(qMin<qint64>(wait, 1000)), this, &ScenarioRunner::pump);
            return;
        }
    }
    clock.step();
    QTimer::singleShot(0, this, &ScenarioRunner::pump);
}

void ScenarioRunner::finish(int exitCode, const QString &message)
{
    if (m_finished)
        return;
    m_finished = true;
    m_agentAudioTimer.stop();
    if (m_done)
        m_done({exitCode, message});
}

void ScenarioRunner::error(const ScenarioStep &step, const QString &message)
{
    Q_EMIT m_engine->errorEvent(QStringLiteral("%1: %2").arg(step.where, message));
}

void ScenarioRunner::run(const ScenarioStep &step)
{
    if (m_finished)
        return;
    switch (step.kind) {
    case ScenarioStep::Offer: {
        const QString lineId = QStringLiteral("sim/") + step.args.value(QLatin1String("line")).toString();
        QString problem;
        const QList<CallId> calls =
            m_sim->offerCall(lineId, step.args.value(QLatin1String("from")).toString(),
                             step.args.value(QLatin1String("uui")).toString().toUtf8(), &problem);
        if (!problem.isEmpty())
            error(step, problem);
        const QString label = step.args.value(QLatin1String("as")).toString();
        for (CallId call : calls) {
            const QList<CallSession *> handles = m_engine->handlesOf(call);
            if (label.isEmpty() || handles.isEmpty())
                continue;
            const bool onNamedLine = handles.first()->lineId() == lineId;
            m_labels.insert(onNamedLine ? label : label + QLatin1Char('@') + handles.first()->lineId().mid(4),
                            handles.first());
        }
        return;
    }
    case ScenarioStep::Agent:
        runAgent(step);
        return;
    case ScenarioStep::Remote:
        runRemote(step);
        return;
    case ScenarioStep::Expect: {
        QString mismatch;
        if (check(step, &mismatch))
            return;
        if (m_realTime) {
            // In the console a person acts, not the script: what the scenario expected is a note in
            // the log and the far ends go on with their steps.
            qCInfo(lcScenario).noquote() << step.where << mismatch;
            return;
        }
        finish(1, QStringLiteral("%1: %2").arg(step.where, mismatch));
        return;
    }
    case ScenarioStep::LineService: {
        const bool inService = step.args.value(QLatin1String("lineService")).toBool();
        m_sim->setLineInService(QStringLiteral("sim/") + step.args.value(QLatin1String("line")).toString(),
                                inService, step.args.value(QLatin1String("reason")).toString());
        return;
    }
    case ScenarioStep::Incoming:
        m_awaited.step = step;
        m_awaited.sinceMs = m_wall.elapsed();
        if (claimIncoming()) {
            m_awaited.sinceMs = -1;
        } else if (m_realTime) {
            // In the console the person takes the calls; the scenario only names one that is there.
            m_awaited.sinceMs = -1;
            qCInfo(lcScenario).noquote() << step.where << "no call on the SIP line to name yet";
        }
        return;
    case ScenarioStep::CloseLine:
        m_sim->closeLine(QStringLiteral("sim/") + step.args.value(QLatin1String("closeLine")).toString());
        return;
    }
}

void ScenarioRunner::runAgent(const ScenarioStep &step)
{
    const QJsonObject &a = step.args;
    const QString verb = step.verb;
    const QString label = a.value(QLatin1String("session")).toString();
    CallSession *session = m_labels.value(label);
    int result = 0;
    if (verb == QLatin1String("makeCall")) {
        Line *line = m_engine->line(m_scenario.engineLineId(a.value(QLatin1String("line")).toString()));
        if (!line) {
            error(step, QStringLiteral("unknown line '%1'").arg(a.value(QLatin1String("line")).toString()));
            return;
        }
        result = line->makeCall(a.value(QLatin1String("number")).toString());
    } else if (verb == QLatin1String("mute") || verb == QLatin1String("unmute")) {
        // The agent's microphone, through the engine's one mute owner as the console's button does.
        m_engine->mute()->setMuted(verb == QLatin1String("mute"), MuteState::User);
    } else if (!session && m_labels.contains(label)) {
        // The label stays bound to its handle after terminate or a line close: TAPI answers a freed
        // handle with INVALCALLHANDLE [HND] (and TAPI 3's Disconnect with S_FALSE [T3D]).
        result = verb == QLatin1String("disconnect") ? int(SFalse) : int(InvalCallHandle);
    } else if (!session) {
        error(step, QStringLiteral("unknown session '%1' for %2").arg(label, verb));
        return;
    } else if (verb == QLatin1String("answer")) {
        result = session->answer();
    } else if (verb == QLatin1String("reject")) {
        result = session->reject();
    } else if (verb == QLatin1String("drop")) {
        result = session->drop(a.value(QLatin1String("uui")).toString().toUtf8());
    } else if (verb == QLatin1String("terminate")) {
        result = session->terminate();
    } else if (verb == QLatin1String("hold")) {
        result = session->hold();
    } else if (verb == QLatin1String("unhold")) {
        result = session->unhold();
    } else if (verb == QLatin1String("dial")) {
        result = session->dial(a.value(QLatin1String("digits")).toString());
    } else if (verb == QLatin1String("setupConference")) {
        result = session->setupConference();
    } else if (verb == QLatin1String("prepareAddToConference")) {
        result = session->prepareAddToConference();
    } else if (verb == QLatin1String("addToConference")) {
        result = session->addToConference(m_labels.value(a.value(QLatin1String("consult")).toString()));
    } else if (verb == QLatin1String("removeFromConference")) {
        result = session->removeFromConference();
    } else if (verb == QLatin1String("setupTransfer")) {
        result = session->setupTransfer();
    } else if (verb == QLatin1String("completeTransfer")) {
        result = session->completeTransfer(m_labels.value(a.value(QLatin1String("consult")).toString()));
    } else if (verb == QLatin1String("blindTransfer")) {
        result = session->blindTransfer(a.value(QLatin1String("number")).toString());
    } else if (verb == QLatin1String("sendUserUserInfo")) {
        result = session->sendUserUserInfo(a.value(QLatin1String("uui")).toString());
    } else if (verb == QLatin1String("releaseUserUserInfo")) {
        result = session->releaseUserUserInfo();
    } else if (verb == QLatin1String("openHandle")) {
        const bool monitor = a.value(QLatin1String("privilege")).toString() == QLatin1String("monitor");
        CallSession *handle = session->openHandle(monitor ? PrivilegeMonitor : PrivilegeOwner);
        result = handle ? 0 : InvalCallHandle;
        if (handle && a.contains(QLatin1String("as")))
            m_labels.insert(a.value(QLatin1String("as")).toString(), handle);
    } else if (verb == QLatin1String("disconnect")) {
        const QString code = a.value(QLatin1String("code")).toString();
        result = session->disconnect3(code == QLatin1String("rejected")       ? DcRejected
                                          : code == QLatin1String("noAnswer") ? DcNoAnswer
                                                                              : DcNormal);
    }
    if (result > 0 && verb != QLatin1String("openHandle")) {
        QStringList labels;
        for (const char *key : {"as", "consultAs"}) {
            if (a.contains(QLatin1String(key)))
                labels << a.value(QLatin1String(key)).toString();
        }
        const bool consult = verb == QLatin1String("setupConference")
            || verb == QLatin1String("prepareAddToConference") || verb == QLatin1String("setupTransfer");
        if (!labels.isEmpty() && consult)
            m_consultLabels.insert(
                result,
                {session,
                 verb,
                 {a.value(QLatin1String("as")).toString(), a.value(QLatin1String("consultAs")).toString()}});
        else if (!labels.isEmpty())
            m_labelsForRequest.insert(result, labels);
    }
    const QString got = result < 0 ? errorName(result) : QStringLiteral("SUCCESS");
    if (a.contains(QLatin1String("expectError"))) {
        const QString wanted = a.value(QLatin1String("expectError")).toString();
        if (wanted != got)
            finish(1,
                   QStringLiteral("%1: expected %2 on %3 to return %4, got %5")
                       .arg(step.where, verb, label, wanted, got));
    } else if (result < 0) {
        error(step, QStringLiteral("%1 on '%2' returned %3").arg(verb, label, got));
    }
}

void ScenarioRunner::labelConsultCalls(int requestId)
{
    const auto it = m_consultLabels.constFind(requestId);
    if (it == m_consultLabels.constEnd() || !it->issuer)
        return;
    // setupConference names the conference, then its consult; the others name the consult.
    QList<CallSession *> created;
    if (it->verb == QLatin1String("setupConference")) {
        CallSession *parent = it->issuer->conferenceParent();
        created << parent << (parent ? parent->consultCall() : nullptr);
    } else {
        created << it->issuer->consultCall();
    }
    for (qsizetype i = 0; i < it->labels.size() && i < created.size(); ++i) {
        if (created.at(i) && !it->labels.at(i).isEmpty())
            m_labels.insert(it->labels.at(i), created.at(i));
    }
}

void ScenarioRunner::runRemote(const ScenarioStep &step)
{
    const QJsonObject &a = step.args;
    const QString farEnd = a.value(QLatin1String("farEnd")).toString();
    QString problem;
    if (step.verb == QLatin1String("answer")) {
        m_sim->remoteAnswer(farEnd, &problem);
    } else if (step.verb == QLatin1String("hangup")) {
        bool ok = false;
        int mode =
            disconnectModeFromName(a.value(QLatin1String("mode")).toString(QStringLiteral("NORMAL")), &ok);
        m_sim->remoteHangup(farEnd, mode, a.value(QLatin1String("uui")).toString().toUtf8(), &problem);
    } else if (step.verb == QLatin1String("uui")) {
        m_sim->remoteUserUserInfo(farEnd, a.value(QLatin1String("uui")).toString().toUtf8(), &problem);
    } else if (step.verb == QLatin1String("digits")) {
        m_sim->remoteDigits(farEnd, a.value(QLatin1String("digits")).toString(), &problem);
    } else if (step.verb == QLatin1String("state")) {
        CallSession *session = m_labels.value(a.value(QLatin1String("session")).toString());
        bool ok = false;
        const int state = stateFromName(a.value(QLatin1String("state")).toString(), &ok);
        if (!session || !ok)
            problem = QStringLiteral("state report needs a known session and a TAPI state");
        else
            m_sim->reportState(m_engine->callIdOf(session), state,
                               modeFromName(state, a.value(QLatin1String("mode")).toString(), &ok));
    }
    if (problem.isEmpty())
        return;
    if (m_realTime) {
        // In the console the person may already have ended the far end's call: not an error.
        qCInfo(lcScenario).noquote() << step.where << problem;
        return;
    }
    error(step, problem);
}

bool ScenarioRunner::check(const ScenarioStep &step, QString *mismatch)
{
    const QJsonObject &e = step.args;
    auto differs = [&](const QString &what, const QString &wanted, const QString &got) {
        *mismatch = QStringLiteral("expected %1 %2, got %3")
                        .arg(what, wanted, got.isEmpty() ? QStringLiteral("nothing") : got);
        return false;
    };
    if (e.contains(QLatin1String("sessions"))) {
        const int wanted = e.value(QLatin1String("sessions")).toInt();
        if (m_engine->sessionCount() != wanted)
            return differs(QStringLiteral("live session count"), QString::number(wanted),
                           QString::number(m_engine->sessionCount()));
    }
    if (e.contains(QLatin1String("heard"))
        && !checkHeard(e.value(QLatin1String("heard")).toObject(), mismatch))
        return false;
    if (e.contains(QLatin1String("played"))
        && !checkPlayed(e.value(QLatin1String("played")).toObject(), mismatch))
        return false;
    if (e.contains(QLatin1String("farEnd"))) {
        const QString id = e.value(QLatin1String("farEnd")).toString();
        const SimFarEnd *party = m_sim->farEnd(id);
        if (!party)
            return differs(QStringLiteral("far end"), id, QString());
        const QString what = QStringLiteral("far end %1").arg(id);
        if (e.contains(QLatin1String("state"))
            && stateName(party->state) != e.value(QLatin1String("state")).toString())
            return differs(what + QStringLiteral(" state"), e.value(QLatin1String("state")).toString(),
                           stateName(party->state));
        if (e.contains(QLatin1String("mode"))
            && modeName(party->state, party->mode) != e.value(QLatin1String("mode")).toString())
            return differs(what + QStringLiteral(" mode"), e.value(QLatin1String("mode")).toString(),
                           modeName(party->state, party->mode));
        if (e.contains(QLatin1String("uui"))) {
            const QString got =
                party->receivedUui.isEmpty() ? QString() : QString::fromUtf8(party->receivedUui.last());
            if (got != e.value(QLatin1String("uui")).toString())
                return differs(what + QStringLiteral(" UUI"), e.value(QLatin1String("uui")).toString(), got);
        }
        return true;
    }
    const QString label = e.value(QLatin1String("session")).toString();
    CallSession *s = m_labels.value(label);
    const QString what = QStringLiteral("session %1").arg(label);
    if (e.value(QLatin1String("terminated")).toBool()) {
        if (s && s->isValid())
            return differs(what, QStringLiteral("terminated"),
                           QStringLiteral("still valid (%1)").arg(s->stateName()));
        return true;
    }
    if (!s || !s->isValid()) {
        if (label.isEmpty())
            return true;
        return differs(what, QStringLiteral("to exist"), QStringLiteral("no such live session"));
    }
    auto field = [&](const char *key, const QString &got) {
        if (!e.contains(QLatin1String(key)))
            return true;
        const QString wanted = e.value(QLatin1String(key)).toVariant().toString();
        if (wanted == got)
            return true;
        return differs(what + QLatin1Char(' ') + QLatin1String(key), wanted, got);
    };
    return field("state", s->stateName()) && field("mode", s->modeName())
        && field("disconnectMode", s->disconnectMode() ? disconnectModeName(s->disconnectMode()) : QString())
        && field("uui", s->userUserInfoText()) && field("sentUui", QString::fromUtf8(s->sentUserUserInfo()))
        && field("callState3", callState3Name(s->callState3()))
        && field("eventCause3", eventCause3Name(s->eventCause3()))
        && field("members", QString::number(s->members().size())) && field("remoteNumber", s->remoteNumber())
        && field("remoteName", s->remoteName());
}

bool ScenarioRunner::checkHeard(const QJsonObject &heard, QString *mismatch)
{
    const QString party = heard.value(QLatin1String("party")).toString();
    const qint64 lastMs = heard.value(QLatin1String("lastMs")).toInteger(1000);
    const bool agent = party == QLatin1String(ScenarioAgent::PartyName);
    const QString who = agent ? QStringLiteral("the agent") : QStringLiteral("far end %1").arg(party);
    std::vector<int16_t> samples;
    int rate = SimFarEndAudio::SampleRate;
    if (agent) {
        if (!m_agentAudio || m_agentAudio->heardMs() < lastMs) {
            *mismatch = m_agentAudio
                ? QStringLiteral("expected the agent to have heard at least %1 ms, the run is %2 ms old")
                      .arg(lastMs)
                      .arg(m_agentAudio->heardMs())
                : QStringLiteral("expected what the agent heard, but the agent's side is simulated only "
                                 "in headless runs");
            return false;
        }
        samples = m_agentAudio->lastHeard(lastMs);
        rate = SimAgentAudio::SampleRate;
    } else {
        const std::shared_ptr<SimFarEndAudio> audio = m_sim->farEndAudio(party);
        if (!audio || audio->heardMs() < lastMs) {
            *mismatch =
                QStringLiteral("expected far end %1 to have heard at least %2 ms of a call, got %3 ms")
                    .arg(party)
                    .arg(lastMs)
                    .arg(audio ? audio->heardMs() : 0);
            return false;
        }
        samples = audio->lastHeard(lastMs);
    }
    if (heard.value(QLatin1String("silence")).toBool()) {
        const double level = SimFarEndAudio::rmsDbfs(samples);
        if (level >= SimFarEndAudio::SilenceBelowDbfs) {
            *mismatch = QStringLiteral("expected %1 to hear silence over the last %2 ms, got %3 dBFS")
                            .arg(who)
                            .arg(lastMs)
                            .arg(level, 0, 'f', 1);
            return false;
        }
        return true;
    }
    const double hz = heard.value(QLatin1String("toneHz")).toDouble();
    // Over the whole stretch, as asked. A tone that must be there may also pass on the median of its 100 ms
    // blocks: a gap or a concealed packet of a loaded machine breaks a long stretch's phase (a tone at
    // -12 dBFS measured -30 over a whole second with two such glitches), while a tone mostly absent still
    // fails. A tone that must be quiet (maxDbfs) is judged over the whole stretch only.
    const double whole = SimFarEndAudio::toneLevelDbfs(samples, hz, rate);
    const std::size_t block = std::max<std::size_t>(1, std::size_t(rate / 10));
    std::vector<double> levels;
    for (std::size_t start = 0; start + block <= samples.size(); start += block)
        levels.push_back(
            SimFarEndAudio::toneLevelDbfs(std::span<const int16_t>(samples).subspan(start, block), hz, rate));
    double typical = whole;
    if (!levels.empty()) {
        std::nth_element(levels.begin(), levels.begin() + std::ptrdiff_t(levels.size() / 2), levels.end());
        typical = std::max(whole, levels[levels.size() / 2]);
    }
    const double minimum = heard.value(QLatin1String("minDbfs")).toDouble(-120.0);
    const double maximum = heard.value(QLatin1String("maxDbfs")).toDouble(0.0);
    if (typical < minimum || whole > maximum) {
        const double level = whole; // as measured over the stretch the step names
        *mismatch =
            QStringLiteral("expected %1 to hear %2 Hz at %3 to %4 dBFS over the last %5 ms, got %6 dBFS")
                .arg(who)
                .arg(hz)
                .arg(minimum)
                .arg(maximum)
                .arg(lastMs)
                .arg(level, 0, 'f', 1);
        return false;
    }
    return true;
}

bool ScenarioRunner::checkPlayed(const QJsonObject &played, QString *mismatch)
{
    const QString party = played.value(QLatin1String("party")).toString();
    const std::shared_ptr<SimFarEndAudio> audio = m_sim->farEndAudio(party);
    const qint64 playedMs = audio ? audio->playedMs() : 0;
    const bool complete = audio && audio->playedToEnd();
    if (played.contains(QLatin1String("complete"))
        && played.value(QLatin1String("complete")).toBool() != complete) {
        *mismatch =
            QStringLiteral("expected far end %1's sound %2 played to its end, got %3 ms of %4 ms played")
                .arg(party, complete ? QStringLiteral("not") : QStringLiteral("to be"))
                .arg(playedMs)
                .arg(audio ? audio->soundMs() : 0);
        return false;
    }
    const qint64 minMs = played.value(QLatin1String("minMs")).toInteger(0);
    if (playedMs < minMs) {
        *mismatch =
            QStringLiteral("expected far end %1 to have played at least %2 ms of its sound, got %3 ms")
                .arg(party)
                .arg(minMs)
                .arg(playedMs);
        return false;
    }
    return true;
}
