#pragma once

#include "audio/BufferAgentAudioIo.h"
#include "audio/CallAudioMixer.h"

#include <atomic>

// The agent's headset in tests with call audio: a buffer twin at `sampleRate` whose microphone says a sine
// of `frequencyHz` at `levelDbfs` without end, with device buffers of `bufferSamples`. The mixer makes it on
// its own thread; `made`, when given, is set to it there (the earpiece's samples are read through it).
CallAudioMixer::IoFactory toneHeadset(int sampleRate, double frequencyHz, double levelDbfs,
                                      std::atomic<BufferAgentAudioIo *> *made = nullptr,
                                      std::size_t bufferSamples = 960);
