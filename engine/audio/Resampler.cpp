#include "audio/Resampler.h"

#include <soxr.h>

void Resampler::SoxrDeleter::operator()(soxr *converter) const
{
    soxr_delete(converter);
}

Resampler::Resampler(int inputRate, int outputRate, Quality quality)
    : m_inputRate(inputRate)
    , m_outputRate(outputRate)
{
    if (inputRate <= 0 || outputRate <= 0) {
        m_error = QStringLiteral("cannot convert %1 Hz to %2 Hz").arg(inputRate).arg(outputRate);
        return;
    }
    soxr_io_spec_t io = soxr_io_spec(SOXR_INT16_I, SOXR_INT16_I);
    // libsoxr dithers 16-bit output by default (TPDF): a random number per sample, and silence turned into
    // +-1 noise. Real-time audio goes to 8-bit companded lines and to headsets: no dither there (8 -> 48 kHz
    // timed alone: 4.5 -> 3.8 us per 20 ms frame). Files keep it.
    if (quality == Voice)
        io.flags |= SOXR_NO_DITHER;
    // The phase response is part of the recipe, not a flag. Voice: low quality (16-bit, wider roll-off,
    // plenty for a 300-3400 Hz telephone band) with minimum phase and small DFT blocks, so the converter
    // holds back about 5 ms up and 3 ms down instead of the 40-130 ms of the default block sizes
    // (measured, see docs/architecture.md). File: high quality, linear phase, default blocks.
    const soxr_quality_spec_t spec = quality == Voice ? soxr_quality_spec(SOXR_LQ | SOXR_MINIMUM_PHASE, 0)
                                                      : soxr_quality_spec(SOXR_HQ | SOXR_LINEAR_PHASE, 0);
    // One thread per converter: many calls run side by side, and audio threads must not fan out.
    soxr_runtime_spec_t runtime = soxr_runtime_spec(1);
    if (quality == Voice) {
        runtime.log2_min_dft_size = 7;
        runtime.log2_large_dft_size = 8;
    }
    soxr_error_t error = nullptr;
    m_soxr.reset(soxr_create(inputRate, outputRate, 1, &error, &io, &spec, &runtime));
    if (error) {
        m_soxr.reset();
        m_error = QStringLiteral("libsoxr cannot convert %1 Hz to %2 Hz: %3")
                      .arg(inputRate)
                      .arg(outputRate)
                      .arg(QString::fromUtf8(error));
    }
}

Resampler::~Resampler() = default;

void Resampler::process(std::span<const int16_t> in, std::vector<int16_t> &out)
{
    if (!m_soxr || in.empty())
        return;
    if (m_inputRate == m_outputRate) {
        out.insert(out.end(), in.begin(), in.end());
        return;
    }
    // Room for everything this block can produce plus what the filter may release with it; loop in
    // case libsoxr still keeps some input back.
    std::size_t offset = 0;
    while (offset < in.size()) {
        const std::size_t pending = in.size() - offset;
        const std::size_t room = std::size_t(double(pending) * m_outputRate / m_inputRate) + 64;
        const std::size_t start = out.size();
        out.resize(start + room);
        std::size_t consumed = 0;
        std::size_t produced = 0;
        soxr_process(m_soxr.get(), in.data() + offset, pending, &consumed, out.data() + start, room,
                     &produced);
        out.resize(start + produced);
        offset += consumed;
        if (consumed == 0 && produced == 0)
            break;
    }
}

void Resampler::flush(std::vector<int16_t> &out)
{
    if (!m_soxr || m_inputRate == m_outputRate)
        return;
    for (;;) {
        const std::size_t start = out.size();
        out.resize(start + 1024);
        std::size_t produced = 0;
        soxr_process(m_soxr.get(), nullptr, 0, nullptr, out.data() + start, 1024, &produced);
        out.resize(start + produced);
        if (produced == 0)
            break;
    }
    soxr_clear(m_soxr.get());
}

double Resampler::delay() const
{
    return m_soxr ? soxr_delay(m_soxr.get()) : 0.0;
}
