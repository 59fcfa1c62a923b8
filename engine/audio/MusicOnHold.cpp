#include "audio/MusicOnHold.h"

#include "audio/Resampler.h"

#include <QtCore/qcoreapplication.h>
#include <QtCore/qfile.h>

#include <sndfile.h>

#include <algorithm>

namespace MusicOnHold {

std::shared_ptr<const std::vector<int16_t>> load(const QString &path, int lineRate, QString *error)
{
    SF_INFO info {};
    SNDFILE *file = sf_open(QFile::encodeName(path).constData(), SFM_READ, &info);
    if (!file) {
        *error = QCoreApplication::translate("MusicOnHold", "Cannot play the music on hold %1: %2")
                     .arg(path, QString::fromLocal8Bit(sf_strerror(nullptr)));
        return nullptr;
    }
    // Whole file at once: music on hold is short, and decoding must not happen on the audio thread.
    std::vector<int16_t> frames(std::size_t(info.frames) * std::size_t(info.channels));
    const sf_count_t got = sf_readf_short(file, frames.data(), info.frames);
    sf_close(file);
    if (got <= 0 || info.channels <= 0) {
        *error = QCoreApplication::translate("MusicOnHold", "The music on hold %1 holds no audio.").arg(path);
        return nullptr;
    }
    std::vector<int16_t> mono(static_cast<std::size_t>(got));
    for (std::size_t i = 0; i < mono.size(); ++i) {
        int sum = 0;
        for (int c = 0; c < info.channels; ++c)
            sum += frames[i * std::size_t(info.channels) + std::size_t(c)];
        mono[i] = int16_t(sum / info.channels);
    }
    Resampler resampler(info.samplerate, lineRate, Resampler::File);
    if (!resampler.isValid()) {
        *error = resampler.errorString();
        return nullptr;
    }
    auto converted = std::make_shared<std::vector<int16_t>>();
    converted->reserve(std::size_t(double(mono.size()) * lineRate / info.samplerate) + 1024);
    resampler.process(mono, *converted);
    resampler.flush(*converted);
    return converted;
}

} // namespace MusicOnHold
