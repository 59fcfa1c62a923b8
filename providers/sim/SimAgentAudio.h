#pragma once

#include <QtCore/qstring.h>
#include <QtCore/qtemporarydir.h>

#include <cstdint>
#include <memory>
#include <vector>

class BufferAgentAudioIo;
class CallAudioRouter;
class CallEngine;
class ConsoleSettings;
class QSettings;
struct ScenarioAgent;

// The agent's side of a headless scenario run: the console's own CallAudioRouter, stepped by the
// scenario's virtual clock, with the buffer twin of the agent's devices. The microphone says the
// scenario's `agent.play` sound; the earpiece's output is kept as what the agent heard, with silence
// for any time nothing played (no call, a held call, a device not yet open), so a scenario can check it
// like a far end's. Lives on the runner's thread; the switch calls advanceTo() in step with the far
// ends' audio.
class SimAgentAudio
{
public:
    static constexpr int SampleRate = 48000;
    static constexpr qint64 HeardLimitMs = 10000;
    // The earpiece's device buffer and how much it wants before it plays: room for two of the far ends'
    // 20 ms blocks, so blocks that arrive on the dot never leave it dry.
    static constexpr int EarpieceBufferMs = 40;
    static constexpr int EarpieceStartMs = 30;

    SimAgentAudio(CallEngine *engine, const ScenarioAgent &agent);
    ~SimAgentAudio();
    SimAgentAudio(const SimAgentAudio &) = delete;
    SimAgentAudio &operator=(const SimAgentAudio &) = delete;

    // Runs the agent's audio up to `elapsedMs` of the scenario's clock.
    void advanceTo(qint64 elapsedMs);
    // The last `ms` (at most HeardLimitMs) of the earpiece, at SampleRate.
    std::vector<int16_t> lastHeard(qint64 ms) const;
    qint64 heardMs() const { return m_nowMs; }
    CallAudioRouter *router() const { return m_router.get(); }

private:
    void keepHeard();

    QTemporaryDir m_settingsDir; // the run's own console settings, never the user's
    std::unique_ptr<QSettings> m_store;
    std::unique_ptr<ConsoleSettings> m_settings; // over m_store
    std::unique_ptr<CallAudioRouter> m_router;
    BufferAgentAudioIo *m_io = nullptr; // owned by the router's mixer, on this thread
    qint64 m_nowMs = 0;
    qint64 m_cycledMs = 0; // the last mixer cycle's time
    qint64 m_nowNs = 0; // the devices' clock: the cycle being run
    std::vector<int16_t> m_heard;
    qint64 m_heardSamples = 0; // how much of the timeline m_heard has covered, in samples
};
