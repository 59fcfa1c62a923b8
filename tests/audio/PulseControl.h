#pragma once

#include <QtCore/qstringlist.h>
#include <QtMultimedia/qaudiodevice.h>

// Talks to the tests' private PulseAudio (started by the ctest fixture, see pulse/pulse-harness.sh) and
// finds its fake cards among QtMultimedia's devices.
namespace PulseControl {

// Runs `pactl args...` against the harness server. True on success with its stdout in `output`; false
// with a message for the test failure in `error`.
bool pactl(const QStringList &args, QString *output = nullptr, QString *error = nullptr);
// Loads a null sink described as `description`; returns the module index ("" on failure, see `error`).
QString loadNullSink(const QString &sinkName, const QString &description, QString *error = nullptr);

// The harness device whose description is exactly `description`, or a null QAudioDevice.
QAudioDevice input(const QString &description);
QAudioDevice output(const QString &description);

} // namespace PulseControl
