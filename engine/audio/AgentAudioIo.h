#pragma once

#include <QtCore/qstring.h>
#include <QtMultimedia/qaudiodevice.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>

// The agent's side of every call's audio: one capture (microphone) and one playback (earpiece) stream of
// mono 16-bit samples at the devices' rates. Lives on the audio thread and is only used there. The
// QtMultimedia implementation talks to real devices; BufferAgentAudioIo is its twin for tests, benchmarks
// and headless runs.
class AgentAudioIo
{
public:
    enum Direction { Capture, Playback };

    virtual ~AgentAudioIo() = default;

    // Opens (or re-opens) both sides; a null device leaves that side closed. False with *error when a
    // side that was asked for cannot open; the other side may still run.
    virtual bool open(const QAudioDevice &capture, const QAudioDevice &playback, QString *error) = 0;
    virtual void close() = 0;
    virtual bool isOpen(Direction direction) const = 0;
    // Rates in Hz of the open sides (0 when closed).
    virtual int sampleRate(Direction direction) const = 0;
    // What the system calls the open device ("" when closed).
    virtual QString deviceName(Direction direction) const = 0;
    // The device buffer Hookline asked for and got, in samples at the side's rate (latency figures).
    virtual std::size_t bufferSamples(Direction direction) const = 0;

    // Captured samples ready now, up to out.size(); never waits.
    virtual std::size_t readCapture(std::span<int16_t> out) = 0;
    // Samples playback takes now without waiting.
    virtual std::size_t playbackRoom() const = 0;
    virtual std::size_t writePlayback(std::span<const int16_t> samples) = 0;

    // Set by the owner: a side stopped on its own (device unplugged, server gone). Called on the audio
    // thread; the owner re-opens on the fallback device.
    std::function<void(Direction direction, const QString &reason)> onDeviceError;
};
