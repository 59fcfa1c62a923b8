#pragma once

#include <QtCore/qstring.h>

#include <cstdint>
#include <memory>
#include <vector>

// Music on hold: a sound file (anything libsndfile reads) decoded once, mixed down to mono and converted
// to a line's rate, for the bridge to loop to a held caller.
namespace MusicOnHold {

// Null with *error (naming the file) when it cannot be read or is empty.
std::shared_ptr<const std::vector<int16_t>> load(const QString &path, int lineRate, QString *error);

} // namespace MusicOnHold
