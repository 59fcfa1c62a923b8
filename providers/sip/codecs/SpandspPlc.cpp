#include "SpandspPlc.h"

#include "SpandspCodecHeaders.h"

struct SpandspPlc::State
{
    plc_state_t plc;
};

SpandspPlc::SpandspPlc()
    : m_state(std::make_unique<State>())
{
    if (!plc_init(&m_state->plc))
        m_state.reset();
}

SpandspPlc::~SpandspPlc() = default;

void SpandspPlc::received(std::span<int16_t> pcm)
{
    if (m_state && !pcm.empty())
        plc_rx(&m_state->plc, pcm.data(), int(pcm.size()));
}

void SpandspPlc::conceal(int samples, std::vector<int16_t> &pcm)
{
    if (samples <= 0)
        return;
    const std::size_t start = pcm.size();
    pcm.resize(start + std::size_t(samples), 0);
    if (m_state)
        plc_fillin(&m_state->plc, pcm.data() + start, samples);
}
