#pragma once

#include <QtCore/qbytearray.h>

// 16-bit PCM WAV files for the SIP tests' far ends: the tones they play and the recordings they make
// (baresip's sndfile dumps, linphonec's record file, the console's own recordings).
namespace SipWavFile {

// A mono 16-bit WAV of `pcm` at `rate`.
QByteArray mono(const QByteArray &pcm, int rate);

// One channel of a 16-bit PCM WAV file's contents, as mono 16-bit samples; *rate set from its format.
// Empty when `wav` is no 16-bit PCM WAV or has no such channel. A data chunk whose size was never filled
// in (a recorder killed mid-call) counts up to the file's end.
QByteArray channel(const QByteArray &wav, int channel, int *rate);

// channel() of the file at `path`; empty when it cannot be read.
QByteArray channelOfFile(const QString &path, int channel, int *rate);

} // namespace SipWavFile
