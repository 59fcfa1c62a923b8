#pragma once

#include "providers/AudioRingBuffer.h"

#include <QtCore/qstring.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>

// A call's audio at the line: what the far end says (fromLine) and what the agent says to it (toLine),
// mono 16-bit at the line's own rate (8 kHz for an analogue line). The provider creates one when a call
// has a voice path and hands it to the engine with LineEventSink::callAudioAttached(); the audio bridge
// reads fromLine and writes toLine on its own thread, the provider does the opposite on its own. Shared
// ownership: whichever side lets go last frees it.
class LineAudioEndpoint
{
public:
    // Half a second of line audio each way: far more than any path keeps queued.
    LineAudioEndpoint(int sampleRate, const QString &description)
        : fromLine(std::size_t(sampleRate) / 2)
        , toLine(std::size_t(sampleRate) / 2)
        , m_sampleRate(sampleRate)
        , m_description(description)
    { }

    int sampleRate() const { return m_sampleRate; }
    // Where the audio comes from, for the console and the logs ("sim far end 555-0100", "hw:1 line 1").
    QString description() const { return m_description; }

    // Provider writes, bridge reads.
    AudioRingBuffer fromLine;
    // Bridge writes, provider reads.
    AudioRingBuffer toLine;

    // Counted by whichever side found a ring full (writer) or empty when it needed audio (reader); for
    // diagnostics and the benchmarks.
    std::atomic<quint64> overruns {0};
    std::atomic<quint64> underruns {0};

    // Event-driven reading: a provider that writes fromLine in blocks (a packet's frame) calls
    // notifyFromLine() on its thread after each block, and the reader's listener (set and cleared from any
    // thread) wakes the reader to take it at once instead of at its next cycle. Providers that do not
    // call it are read on the reader's own clock as before.
    using Listener = std::function<void()>;
    void setFromLineListener(Listener listener)
    {
        m_listener.store(listener ? std::make_shared<const Listener>(std::move(listener)) : nullptr);
    }
    void notifyFromLine()
    {
        m_lastFromLineNs.store(std::chrono::steady_clock::now().time_since_epoch().count());
        if (const std::shared_ptr<const Listener> listener = m_listener.load())
            (*listener)();
    }
    // When the last block was announced (the steady clock, ns; 0: never). A reader that knows when the
    // next block is due may take it on its own clock then instead of being woken by the listener (a
    // wake-up from another thread costs more than the reader's own timer: docs/benchmarks.md). Stored
    // before the listener is called (sequentially consistent).
    qint64 lastFromLineNs() const { return m_lastFromLineNs.load(); }

private:
    std::atomic<std::shared_ptr<const Listener>> m_listener;
    std::atomic<qint64> m_lastFromLineNs {0};
    int m_sampleRate;
    QString m_description;
};
