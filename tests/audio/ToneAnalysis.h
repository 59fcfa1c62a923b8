#pragma once

#include <QtCore/qbytearray.h>

#include <cstdint>
#include <span>

// Test-side signal helpers: make a sine of known level and measure how much of one frequency a block of
// samples holds (Goertzel), so tests can say "1 kHz arrived at -6 dBFS" rather than "something arrived".
namespace ToneAnalysis {

// Mono Int16 little-endian PCM, amplitude given in dBFS (0 dBFS = full-scale sine peak).
QByteArray sine(double frequencyHz, double levelDbfs, int sampleRate, double seconds);

// Level of `frequencyHz` in `samples` as the dBFS of the equivalent sine; -120 for silence.
double levelDbfs(std::span<const int16_t> samples, double frequencyHz, int sampleRate);

// Highest level of `frequencyHz` over consecutive blocks of `blockSeconds` (tones start and stop inside
// a capture; the loudest block is the tone itself).
double peakLevelDbfs(const QByteArray &pcm, double frequencyHz, int sampleRate, double blockSeconds = 0.05);

std::span<const int16_t> samplesOf(const QByteArray &pcm);

} // namespace ToneAnalysis
