#pragma once

#include <QtCore/qstring.h>
#include <QtCore/qvariant.h>

class QSettings;

// The sound-card lines the settings file configures (array `soundLines`, docs/provider-guide.md): each
// entry's keys as a map, for the soundline provider to check. The array's size is the user's text and is
// checked here first: a number from 0 to MaxLines, anything else is refused naming the key (a size of
// 100000000 once allocated gigabytes; "abc" or "-3" made the lines vanish without a word).
class SoundLineSettings
{
public:
    static constexpr int MaxLines = 32;

    // False with *refusal ("soundLines/size=abc: expected ...") when the array cannot be read; true with
    // the entries (none when the array is absent) otherwise.
    static bool read(QSettings &settings, QVariantList *lines, QString *refusal);
};
