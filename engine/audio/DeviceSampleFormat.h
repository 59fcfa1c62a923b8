#pragma once

#include <QtMultimedia/qaudiodevice.h>
#include <QtMultimedia/qaudioformat.h>

#include <cstdint>

// Hookline's audio paths are mono 16-bit; sound devices may insist on their own format. These pick a
// device's format for such a path and convert single samples to and from it.
namespace DeviceSampleFormat {

// Mono Int16 at `rate` when the device takes it; else the device's preferred rate and channels in Int16
// when it takes that (PulseAudio converts anything); else its preferred format as it is (a raw ALSA card).
QAudioFormat choose(const QAudioDevice &device, int rate);

// One sample of `format` as Int16, and back (Float is clamped to [-1, 1]; other formats read as silence).
int16_t toInt16(const char *sample, QAudioFormat::SampleFormat format);
void fromInt16(int16_t value, char *sample, QAudioFormat::SampleFormat format);

} // namespace DeviceSampleFormat
