#pragma once

#include <QtCore/qstring.h>

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

struct soxr;

// Streaming sample-rate conversion of mono 16-bit audio with libsoxr. Feed blocks of any size as they
// arrive; each call appends what is ready to `out`. Real-time paths use Voice (low quality, minimum
// phase, small blocks: a few milliseconds of delay), files use File (high quality, linear phase).
// Not thread-safe: one converter belongs to one audio path on one thread.
class Resampler
{
public:
    enum Quality { Voice, File };

    Resampler(int inputRate, int outputRate, Quality quality = Voice);
    ~Resampler();
    Resampler(const Resampler &) = delete;
    Resampler &operator=(const Resampler &) = delete;

    // False with errorString() when libsoxr refused the rates.
    bool isValid() const { return m_soxr != nullptr; }
    QString errorString() const { return m_error; }
    int inputRate() const { return m_inputRate; }
    int outputRate() const { return m_outputRate; }

    // Converts `in` and appends the output that is ready to `out`. With equal rates it copies.
    void process(std::span<const int16_t> in, std::vector<int16_t> &out);
    // Appends what the filter still holds (end of stream); the converter can be reused after it.
    void flush(std::vector<int16_t> &out);
    // The converter's current delay in output samples (its share of the path's latency).
    double delay() const;

private:
    struct SoxrDeleter
    {
        void operator()(soxr *converter) const;
    };

    std::unique_ptr<soxr, SoxrDeleter> m_soxr;
    int m_inputRate;
    int m_outputRate;
    QString m_error;
};
