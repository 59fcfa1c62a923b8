#pragma once

#include <QtCore/qstring.h>

class QTextStream;

// `hookline --analyze-line-audio FILE --profile us|eu|uk [--cid class|clip|dtmf]`: runs the full
// detector set of one country profile over a sound file (any libsndfile format and rate, resampled
// to 8 kHz) and writes one JSON line per event to `out`. `callerId` empty = the profile's standard.
// Returns the process exit code: 0, or 2 with *error set for an unreadable file or a bad option.
int analyzeLineAudioFile(const QString &path, const QString &profile, const QString &callerId,
                         QTextStream &out, QString *error);
