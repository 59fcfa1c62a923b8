#pragma once

#include <QtCore/qthread.h>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

// The call audio's thread. Qt's event loop costs a wake-up more than the mixer's cycle itself (measured:
// docs/benchmarks.md, "The mixer's own loop"), so this thread runs a loop of its own: one poll() over the
// descriptors watched here (the mixer's cycle clock) and over the thread's GLib context, which carries
// Qt's events (queued calls, the devices' notifications, Qt timers). A watched descriptor's handler is
// called straight from the poll; Qt's sources are checked and dispatched by GLib as in QEventLoop, once
// per wake-up. Where the thread's dispatcher is not GLib's (QT_NO_GLIB), run() is QThread's own exec()
// and watch() says no: callers then use QSocketNotifier.
class AudioThread : public QThread
{
    Q_OBJECT

public:
    using Handler = std::function<void()>;

    explicit AudioThread(QObject *parent = nullptr);
    ~AudioThread() override;

    // The AudioThread running the caller with its own loop, or null (another thread, or exec()).
    static AudioThread *current();

    // On this thread only: `handler` runs whenever `fd` is readable (it must read it). False when the
    // thread runs exec() instead (no GLib).
    bool watch(int fd, Handler handler);
    void unwatch(int fd);

    // Any thread: ends run() (the loop, or exec()) after the wake-up in progress.
    void stop();

    // Wake-ups of the loop since start: by a watched descriptor, and those that dispatched Qt's sources.
    quint64 watchedWakeups() const { return m_watchedWakeups.load(std::memory_order_relaxed); }
    quint64 qtDispatches() const { return m_qtDispatches.load(std::memory_order_relaxed); }

protected:
    void run() override;

private:
    bool runOwnLoop();

    struct Watch
    {
        int fd;
        std::shared_ptr<const Handler> handler; // shared: a handler may unwatch itself while it runs
    };
    std::vector<Watch> m_watches;
    bool m_ownLoop = false;
    int m_stopFd = -1;
    std::atomic<quint64> m_watchedWakeups {0};
    std::atomic<quint64> m_qtDispatches {0};
};
