#pragma once

#include "audio/AgentAudioIo.h"

#include <functional>
#include <mutex>
#include <vector>

// The twin of QtAgentAudioIo for tests, benchmarks and headless runs: the "microphone" plays a buffer of
// samples (looped or once, then silence) and the "earpiece" keeps what it plays, both paced at the
// chosen rate as real devices would be: by the wall clock, or by a clock the owner gives (a scenario's
// virtual time). The earpiece is a device buffer drained at the rate: it plays silence when it runs dry
// and, like a sound server's stream, starts (and restarts after running dry) once `startSamples` are
// queued. The buffers may be set and read from any thread; the AgentAudioIo calls belong to the
// audio thread.
class BufferAgentAudioIo : public AgentAudioIo
{
public:
    // The monotonic time the devices keep, in nanoseconds.
    using Clock = std::function<qint64()>;
    // A microphone not read for longer than this loses the oldest audio, as a device buffer overruns.
    static constexpr int CaptureOverrunMs = 1000;

    explicit BufferAgentAudioIo(int sampleRate = 48000, std::size_t bufferSamples = 960,
                                std::size_t startSamples = 0);
    // Paces both sides by `clock` instead of the wall clock (before the first open()).
    void setClock(Clock clock);

    void setCaptureSamples(std::vector<int16_t> samples, bool loop);
    // What the earpiece played since the last call, as it played it (silence where it ran dry or waited
    // to start); keeps at most `keepSamples` (the newest).
    std::vector<int16_t> takePlayed();
    void setKeepSamples(std::size_t keepSamples);
    // Acts as if the device vanished: the side closes and onDeviceError is called.
    void failDevice(Direction direction, const QString &reason);

    bool open(const QAudioDevice &capture, const QAudioDevice &playback, QString *error) override;
    void close() override;
    bool isOpen(Direction direction) const override;
    int sampleRate(Direction direction) const override;
    QString deviceName(Direction direction) const override;
    std::size_t bufferSamples(Direction direction) const override;
    std::size_t readCapture(std::span<int16_t> out) override;
    std::size_t playbackRoom() const override;
    std::size_t writePlayback(std::span<const int16_t> samples) override;

private:
    // Samples a side has moved since it opened at `sinceNs`.
    std::size_t due(qint64 sinceNs) const;
    // Plays what the earpiece's clock has reached since the last look (m_mutex held).
    void drainPlayback() const;
    void keep(std::span<const int16_t> samples) const;
    // Drops all but the newest m_keep played samples (m_mutex held).
    void trimPlayed() const;

    const int m_rate;
    const std::size_t m_buffer;
    const std::size_t m_start;
    mutable std::mutex m_mutex;
    std::vector<int16_t> m_capture;
    bool m_loop = false;
    std::size_t m_capturePosition = 0;
    // The earpiece's state moves whenever anyone looks at it, hence mutable.
    mutable std::vector<int16_t> m_played;
    mutable std::vector<int16_t> m_queue; // written, not yet played
    mutable std::size_t m_clockMark = 0; // the playback clock's samples at the last look
    mutable bool m_playing = false;
    std::size_t m_keep = 48000 * 10;
    bool m_captureOpen = false;
    bool m_playbackOpen = false;
    QString m_captureName;
    QString m_playbackName;
    Clock m_clock;
    qint64 m_captureSinceNs = 0;
    qint64 m_playbackSinceNs = 0;
    std::size_t m_captured = 0;
};
