#pragma once

#include <QtCore/qbytearray.h>
#include <QtCore/qstring.h>

#include <cstdint>
#include <vector>

// Whole short sound files (ringtones, a simulated far end's prompt) decoded to mono 16-bit at the rate
// the caller plays them at: any format libsndfile reads, channels averaged, converted with the File
// quality of Resampler. The bytes are read through sf_open_virtual, so a Qt resource decodes like a file.
namespace SoundFileDecoder {

// Files past this are refused: these are prompts and tones, not recordings.
constexpr qint64 MaxFileBytes = 64 * 1024 * 1024;

struct Info
{
    int sampleRate = 0; // the file's own rate and channel count, for messages and tests
    int channels = 0;
    qint64 frames = 0;
};

// False with `*error` ("not a sound file libsndfile reads: ...") on bad data; `name` is used in messages.
bool decode(const QByteArray &bytes, const QString &name, int sampleRate, std::vector<int16_t> *mono,
            QString *error, Info *info = nullptr);
// Reads `path` (also ":/..." resources) and decodes it.
bool decodeFile(const QString &path, int sampleRate, std::vector<int16_t> *mono, QString *error,
                Info *info = nullptr);

} // namespace SoundFileDecoder
