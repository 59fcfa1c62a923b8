#include "LineAudioFile.h"

#include <QtCore/qfile.h>
#include <sndfile.h>
#include <soxr.h>

#include <cmath>
#include <memory>
#include <vector>

namespace {
constexpr double LineRate = 8000.0;
constexpr sf_count_t FramesPerRead = 4096;

struct SndfileCloser
{
    void operator()(SNDFILE *file) const { sf_close(file); }
};
struct SoxrDeleter
{
    void operator()(soxr *resampler) const { soxr_delete(resampler); }
};

void toInt16(const float *in, size_t count, std::vector<int16_t> *out)
{
    out->resize(count);
    for (size_t i = 0; i < count; ++i) {
        const float v = std::lround(in[i] * 32767.0f);
        (*out)[i] = int16_t(v > 32767.0f ? 32767 : (v < -32768.0f ? -32768 : v));
    }
}
} // namespace

bool readLineAudioFile(const QString &path, const std::function<void(const int16_t *, int)> &sink,
                       QString *error)
{
    SF_INFO info {};
    const QByteArray nativePath = QFile::encodeName(path);
    std::unique_ptr<SNDFILE, SndfileCloser> file(sf_open(nativePath.constData(), SFM_READ, &info));
    if (!file) {
        *error = QStringLiteral("cannot read '%1' as audio: %2")
                     .arg(path, QString::fromUtf8(sf_strerror(nullptr)));
        return false;
    }
    if (info.channels < 1 || info.samplerate < 1000) {
        *error = QStringLiteral("cannot read '%1' as audio: %2 Hz, %3 channels")
                     .arg(path)
                     .arg(info.samplerate)
                     .arg(info.channels);
        return false;
    }
    const double rate = info.samplerate;
    std::unique_ptr<soxr, SoxrDeleter> resampler;
    if (rate != LineRate) {
        soxr_error_t soxrError = nullptr;
        const soxr_io_spec_t io = soxr_io_spec(SOXR_FLOAT32_I, SOXR_FLOAT32_I);
        const soxr_quality_spec_t quality = soxr_quality_spec(SOXR_HQ, 0);
        resampler.reset(soxr_create(rate, LineRate, 1, &soxrError, &io, &quality, nullptr));
        if (soxrError) {
            *error = QStringLiteral("cannot resample '%1' from %2 Hz: %3")
                         .arg(path)
                         .arg(rate)
                         .arg(QString::fromUtf8(soxrError));
            return false;
        }
    }
    std::vector<float> frames(size_t(FramesPerRead) * info.channels);
    std::vector<float> mono(FramesPerRead);
    std::vector<float> resampled(size_t(FramesPerRead * LineRate / rate) + 64);
    std::vector<int16_t> block;
    auto deliver = [&](const float *data, size_t count) {
        if (count == 0)
            return;
        toInt16(data, count, &block);
        sink(block.data(), int(count));
    };
    for (;;) {
        const sf_count_t got = sf_readf_float(file.get(), frames.data(), FramesPerRead);
        if (got < 0 || (got == 0 && sf_error(file.get()) != SF_ERR_NO_ERROR)) {
            *error = QStringLiteral("error reading '%1': %2")
                         .arg(path, QString::fromUtf8(sf_strerror(file.get())));
            return false;
        }
        for (sf_count_t i = 0; i < got; ++i) {
            float sum = 0;
            for (int c = 0; c < info.channels; ++c)
                sum += frames[size_t(i) * info.channels + c];
            mono[size_t(i)] = sum / float(info.channels);
        }
        if (!resampler) {
            deliver(mono.data(), size_t(got));
        } else {
            size_t done = 0;
            // got == 0 flushes the resampler (in = nullptr marks the end of input).
            soxr_process(resampler.get(), got ? mono.data() : nullptr, size_t(got), nullptr, resampled.data(),
                         resampled.size(), &done);
            deliver(resampled.data(), done);
            while (got == 0 && done > 0) {
                soxr_process(resampler.get(), nullptr, 0, nullptr, resampled.data(), resampled.size(), &done);
                deliver(resampled.data(), done);
            }
        }
        if (got == 0)
            break;
    }
    return true;
}

bool loadLineAudioFile(const QString &path, QList<int16_t> *samples, QString *error)
{
    samples->clear();
    return readLineAudioFile(
        path,
        [samples](const int16_t *data, int count) { samples->append(QList<int16_t>(data, data + count)); },
        error);
}
