// The simulated switch's voice paths: which connections have one (a far end talking, or early media while
// an outbound call rings), and how far ends' audio advances with the scenario's clock or the wall clock.
#include "SimSwitch.h"

#include "SimAudioPump.h"
#include "SimFarEndAudio.h"
#include "core/Logging.h"
#include "core/Tapi.h"

#include <algorithm>
#include <utility>

using namespace Tapi;

void SimSwitch::setAudioPacing(AudioPacing pacing)
{
    if (pacing == audioPacing())
        return;
    if (pacing == WallClockPacing) {
        m_pump = std::make_unique<SimAudioPump>();
        for (const AudioPath &path : std::as_const(m_audioPaths))
            m_pump->add(path.audio);
    } else {
        m_pump.reset();
        m_audioMs = m_clock.elapsedMs();
        for (AudioPath &path : m_audioPaths) {
            path.startMs = m_clock.elapsedMs();
            path.blocksDone = 0;
        }
    }
}

void SimSwitch::updateAudio()
{
    // A connection has a voice path while its far end talks, or while an outbound call rings a far end
    // that has early media.
    auto voiceOf = [this](const Connection &connection, CallId *call) {
        const SimFarEnd *party = farEnd(connection.farEnd);
        if (!m_sink || !party)
            return false;
        if (party->state == Connected && !connection.active.isEmpty()) {
            *call = connection.active.first();
            return true;
        }
        if (party->state == Offering && party->earlyMediaSamples && !connection.appearances.isEmpty()) {
            *call = connection.appearances.first();
            return true;
        }
        return false;
    };
    for (auto it = m_audioPaths.begin(); it != m_audioPaths.end();) {
        const auto connection = m_connections.constFind(it.key());
        CallId call = 0;
        if (connection != m_connections.constEnd() && voiceOf(*connection, &call) && call == it->call) {
            // Early media gives way to the far end's voice on the same path when it answers.
            if (farEnd(it->farEnd)->state == Connected)
                it->audio->answered();
            ++it;
            continue;
        }
        const AudioPath path = it.value();
        it = m_audioPaths.erase(it);
        endAudio(path);
    }
    if (!m_sink)
        return;
    for (const Connection &connection : std::as_const(m_connections)) {
        CallId call = 0;
        if (m_audioPaths.contains(connection.id) || !voiceOf(connection, &call))
            continue;
        const SimFarEnd *party = farEnd(connection.farEnd);
        std::shared_ptr<SimFarEndAudio> &audio = m_audio[party->id];
        if (!audio)
            audio = std::make_shared<SimFarEndAudio>(party->playSamples, party->playLoop, party->recordPath,
                                                     party->earlyMediaSamples);
        QString error;
        auto endpoint = audio->beginCall(QStringLiteral("sim far end %1").arg(party->number),
                                         party->state != Connected, &error);
        if (!error.isEmpty()) {
            qCWarning(lcAudio).noquote() << "far end" << party->id << error;
            Q_EMIT farEndAudioError(party->id, error);
        }
        const AudioPath path {party->id, call, audio, m_clock.elapsedMs(), 0};
        m_audioPaths.insert(connection.id, path);
        if (m_pump)
            m_pump->add(audio);
        m_sink->callAudioAttached(path.call, std::move(endpoint));
    }
}

void SimSwitch::endAudio(const AudioPath &path)
{
    if (m_pump)
        m_pump->remove(path.audio);
    else
        advanceAudio(m_clock.elapsedMs());
    path.audio->endCall();
    if (m_sink)
        m_sink->callAudioDetached(path.call);
}

void SimSwitch::advanceAudio(qint64 elapsedMs)
{
    auto runPaths = [this](qint64 at) {
        for (AudioPath &path : m_audioPaths) {
            const qint64 due = (at - path.startMs) / SimFarEndAudio::BlockMs - path.blocksDone;
            if (due > 0) {
                path.audio->advance(due);
                path.blocksDone += due;
            }
        }
    };
    if (elapsedMs <= m_audioMs)
        return;
    if (m_audioPaths.isEmpty() || !m_follower) {
        runPaths(elapsedMs);
        m_audioMs = elapsedMs;
        if (m_follower)
            m_follower(elapsedMs);
        return;
    }
    // The far ends and the agent's side take turns every block, so each hears the other's latest
    // audio. A jump longer than anyone keeps skips to its last stretch in one go.
    constexpr qint64 keptMs = SimFarEndAudio::CaptureLimitMs;
    if (elapsedMs - m_audioMs > keptMs + SimFarEndAudio::BlockMs) {
        m_audioMs = elapsedMs - keptMs;
        runPaths(m_audioMs);
        m_follower(m_audioMs);
    }
    while (m_audioMs < elapsedMs) {
        m_audioMs = std::min(elapsedMs, (m_audioMs / SimFarEndAudio::BlockMs + 1) * SimFarEndAudio::BlockMs);
        runPaths(m_audioMs);
        m_follower(m_audioMs);
    }
}
