#pragma once

#include "providers/AudioRingBuffer.h"
#include "providers/LinePacketClock.h"

#include <QtCore/qstring.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>

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

    // A provider that lets the reader run its packet work (LinePacketClock) sets it here on its own thread
    // and clears it before the clock goes; clearing waits for a call the reader is making. The reader's
    // side below runs on the reader's thread; with no clock set each does nothing (false / 0).
    void setPacketClock(LinePacketClock *clock)
    {
        const std::lock_guard lock(m_packetLock);
        m_packetClock = clock;
        if (m_packetClock && m_packetsDriven)
            m_packetClock->setDriven(true);
    }
    bool hasPacketClock() const
    {
        const std::lock_guard lock(m_packetLock);
        return m_packetClock != nullptr;
    }
    // The reader takes the provider's packet clock (or gives it back); kept for a clock set later.
    void drivePackets(bool driven)
    {
        const std::lock_guard lock(m_packetLock);
        m_packetsDriven = driven;
        if (m_packetClock)
            m_packetClock->setDriven(driven);
    }
    qint64 nextPacketNs() const
    {
        const std::lock_guard lock(m_packetLock);
        return m_packetClock && m_packetsDriven ? m_packetClock->nextPacketNs() : 0;
    }
    int receivePackets(qint64 nowNs)
    {
        const std::lock_guard lock(m_packetLock);
        return m_packetClock && m_packetsDriven ? m_packetClock->receivePackets(nowNs) : 0;
    }
    void sendPackets()
    {
        const std::lock_guard lock(m_packetLock);
        if (m_packetClock && m_packetsDriven)
            m_packetClock->sendPackets();
    }

private:
    mutable std::mutex m_packetLock;
    LinePacketClock *m_packetClock = nullptr;
    bool m_packetsDriven = false;
    std::atomic<std::shared_ptr<const Listener>> m_listener;
    std::atomic<qint64> m_lastFromLineNs {0};
    int m_sampleRate;
    QString m_description;
};
