#pragma once

#include <QtCore/qstringlist.h>
#include <QtMultimedia/qaudiodevice.h>

// Talks to the tests' private PulseAudio (started by the ctest fixture, see pulse/pulse-harness.sh) and
// finds its fake cards among QtMultimedia's devices.
namespace PulseControl {

// Runs `pactl args...` against the harness server; returns its stdout, or a null string and a test
// failure message in `error` when pactl fails.
QString pactl(const QStringList &args, QString *error = nullptr);

// The harness device whose description is exactly `description`, or a null QAudioDevice.
QAudioDevice input(const QString &description);
QAudioDevice output(const QString &description);

} // namespace PulseControl
