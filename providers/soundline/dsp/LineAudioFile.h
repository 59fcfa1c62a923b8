#pragma once

#include <QtCore/qlist.h>
#include <QtCore/qstring.h>

#include <cstdint>
#include <functional>

// Reads any file libsndfile can read (any rate, any channel count), mixes it to mono and resamples it
// to 8 kHz int16 with libsoxr, delivering blocks as they are converted. Returns false with *error
// naming the file and the reason when it cannot be read.
bool readLineAudioFile(const QString &path, const std::function<void(const int16_t *, int)> &sink,
                       QString *error);
// The whole file at once (tests, fuzz seeds, benchmarks).
bool loadLineAudioFile(const QString &path, QList<int16_t> *samples, QString *error);
