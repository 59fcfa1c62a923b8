#include "audio/SoundFileDecoder.h"

#include "audio/Resampler.h"

#include <QtCore/qfile.h>

#include <sndfile.h>

#include <cstring>

namespace {

// libsndfile's virtual I/O over a byte array.
struct MemoryFile
{
    const QByteArray *bytes;
    sf_count_t position = 0;
};

sf_count_t memoryLength(void *user)
{
    return static_cast<MemoryFile *>(user)->bytes->size();
}

sf_count_t memorySeek(sf_count_t offset, int whence, void *user)
{
    auto *file = static_cast<MemoryFile *>(user);
    const sf_count_t size = file->bytes->size();
    sf_count_t target = offset;
    if (whence == SEEK_CUR)
        target = file->position + offset;
    else if (whence == SEEK_END)
        target = size + offset;
    file->position = qBound<sf_count_t>(0, target, size);
    return file->position;
}

sf_count_t memoryRead(void *destination, sf_count_t count, void *user)
{
    auto *file = static_cast<MemoryFile *>(user);
    const sf_count_t available = file->bytes->size() - file->position;
    const sf_count_t n = qBound<sf_count_t>(0, count, available);
    std::memcpy(destination, file->bytes->constData() + file->position, size_t(n));
    file->position += n;
    return n;
}

sf_count_t memoryWrite(const void *, sf_count_t, void *)
{
    return 0; // read-only
}

sf_count_t memoryTell(void *user)
{
    return static_cast<MemoryFile *>(user)->position;
}

} // namespace

namespace SoundFileDecoder {

bool decode(const QByteArray &bytes, const QString &name, int sampleRate, std::vector<int16_t> *mono,
            QString *error, Info *info)
{
    SF_VIRTUAL_IO io {memoryLength, memorySeek, memoryRead, memoryWrite, memoryTell};
    MemoryFile memory {&bytes};
    SF_INFO format {};
    SNDFILE *file = sf_open_virtual(&io, SFM_READ, &format, &memory);
    if (!file) {
        *error = QStringLiteral("%1: not a sound file libsndfile reads: %2")
                     .arg(name, QString::fromUtf8(sf_strerror(nullptr)));
        return false;
    }
    if (info)
        *info = {format.samplerate, format.channels, qint64(format.frames)};
    Resampler resampler(format.samplerate, sampleRate, Resampler::File);
    if (!resampler.isValid() || format.channels < 1) {
        *error = QStringLiteral("%1: %2").arg(
            name, resampler.isValid() ? QStringLiteral("no channels") : resampler.errorString());
        sf_close(file);
        return false;
    }
    mono->clear();
    const int channels = format.channels;
    constexpr sf_count_t BlockFrames = 4096;
    std::vector<short> interleaved(size_t(BlockFrames * channels));
    std::vector<int16_t> block;
    for (;;) {
        const sf_count_t frames = sf_readf_short(file, interleaved.data(), BlockFrames);
        if (frames <= 0)
            break;
        block.resize(size_t(frames));
        for (sf_count_t f = 0; f < frames; ++f) {
            int sum = 0;
            for (int c = 0; c < channels; ++c)
                sum += interleaved[size_t(f * channels + c)];
            block[size_t(f)] = int16_t(sum / channels);
        }
        resampler.process(block, *mono);
    }
    resampler.flush(*mono);
    const int status = sf_error(file);
    sf_close(file);
    if (status != SF_ERR_NO_ERROR) {
        *error =
            QStringLiteral("%1: cannot decode: %2").arg(name, QString::fromUtf8(sf_error_number(status)));
        return false;
    }
    return true;
}

bool decodeFile(const QString &path, int sampleRate, std::vector<int16_t> *mono, QString *error, Info *info)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot read: %2").arg(path, file.errorString());
        return false;
    }
    // Only regular files and resources: a device or a pipe is never a sound file we can load whole.
    if (file.isSequential() || file.size() > MaxFileBytes) {
        *error = QStringLiteral("%1: not a sound file of at most %2 MB").arg(path).arg(MaxFileBytes >> 20);
        return false;
    }
    return decode(file.readAll(), path, sampleRate, mono, error, info);
}

} // namespace SoundFileDecoder
