#include "SimAgentAudio.h"

#include "Scenario.h"
#include "audio/BufferAgentAudioIo.h"
#include "audio/CallAudioRouter.h"

#include "settings/ConsoleSettings.h"

#include <QtCore/qsettings.h>

#include <algorithm>

namespace {
constexpr qint64 HeardLimitSamples = SimAgentAudio::HeardLimitMs * SimAgentAudio::SampleRate / 1000;
constexpr qint64 NsPerMs = 1'000'000;
} // namespace

SimAgentAudio::SimAgentAudio(CallEngine *engine, const ScenarioAgent &agent)
{
    m_store = std::make_unique<QSettings>(m_settingsDir.filePath(QStringLiteral("console.ini")),
                                          QSettings::IniFormat);
    m_settings = std::make_unique<ConsoleSettings>(m_store.get(), QString(), nullptr);
    if (!agent.musicOnHoldPath.isEmpty())
        m_settings->setValue(SettingsSchema::MusicOnHold, agent.musicOnHoldPath);
    auto voice = agent.playSamples;
    const bool loop = agent.playLoop;
    m_router = std::make_unique<CallAudioRouter>(
        engine, nullptr, m_settings.get(),
        [this, voice, loop] {
            auto io = std::make_unique<BufferAgentAudioIo>(SampleRate, SampleRate * EarpieceBufferMs / 1000,
                                                           SampleRate * EarpieceStartMs / 1000);
            io->setClock([this] { return m_nowNs; });
            if (voice)
                io->setCaptureSamples(*voice, loop);
            io->setKeepSamples(std::size_t(HeardLimitSamples));
            m_io = io.get();
            return io;
        },
        CallAudioMixer::Drive::Stepped, nullptr);
}

SimAgentAudio::~SimAgentAudio()
{
    m_router.reset();
}

void SimAgentAudio::advanceTo(qint64 elapsedMs)
{
    if (elapsedMs <= m_nowMs)
        return;
    // One mixer cycle per step, with the devices' clock at that cycle; a long quiet jump goes at once
    // (the mixer skips what nobody could hear).
    constexpr qint64 stepMs = CallAudioMixer::SteppedCycleMs;
    if (elapsedMs - m_cycledMs > CallAudioMixer::MaxSteppedCatchUpMs)
        m_cycledMs = elapsedMs / stepMs * stepMs - stepMs;
    while (m_cycledMs + stepMs <= elapsedMs) {
        m_cycledMs += stepMs;
        m_nowNs = m_cycledMs * NsPerMs;
        m_router->advanceAudioTo(m_nowNs);
    }
    m_nowMs = elapsedMs;
    keepHeard();
}

void SimAgentAudio::keepHeard()
{
    if (!m_io)
        return;
    const qint64 due = m_nowMs * SampleRate / 1000;
    if (!m_io->isOpen(BufferAgentAudioIo::Playback)) {
        // No call for the earpiece: the agent heard silence (anything played before it closed counts).
        const std::vector<int16_t> played = m_io->takePlayed();
        m_heard.insert(m_heard.end(), played.begin(), played.end());
        const qint64 gap = std::max<qint64>(0, due - m_heardSamples - qint64(played.size()));
        if (gap >= HeardLimitSamples)
            m_heard.clear();
        m_heard.insert(m_heard.end(), std::size_t(std::min(gap, HeardLimitSamples)), int16_t(0));
        m_heardSamples = std::max(due, m_heardSamples + qint64(played.size()));
    } else {
        // While open, the device's output is the timeline (it plays silence itself when it runs dry).
        const std::vector<int16_t> played = m_io->takePlayed();
        m_heard.insert(m_heard.end(), played.begin(), played.end());
        m_heardSamples += qint64(played.size());
    }
    if (qint64(m_heard.size()) >= 2 * HeardLimitSamples)
        m_heard.erase(m_heard.begin(), m_heard.end() - HeardLimitSamples);
}

std::vector<int16_t> SimAgentAudio::lastHeard(qint64 ms) const
{
    const qint64 wanted = std::min(ms, HeardLimitMs) * SampleRate / 1000;
    const qint64 n = std::min<qint64>(wanted, qint64(m_heard.size()));
    return std::vector<int16_t>(m_heard.end() - n, m_heard.end());
}
