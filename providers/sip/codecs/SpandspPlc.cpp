#include "SpandspPlc.h"

#include "SpandspCodecHeaders.h"

#include <algorithm>

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
    if (!m_state)
        return;
    // spandsp 0.0.6's plc_fillin first puts its history ring in order with memcpy between overlapping
    // ranges (its normalise_history; later spandsp uses memmove; AddressSanitizer stops there): the same
    // rotation done here, so that it finds the ring in order already.
    plc_state_t &plc = m_state->plc;
    if (plc.buf_ptr > 0 && plc.buf_ptr < PLC_HISTORY_LEN) {
        std::rotate(plc.history, plc.history + plc.buf_ptr, plc.history + PLC_HISTORY_LEN);
        plc.buf_ptr = 0;
    }
    plc_fillin(&plc, pcm.data() + start, samples);
}
