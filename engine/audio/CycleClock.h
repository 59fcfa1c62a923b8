#pragma once

#include <QtCore/qglobal.h>

#include <atomic>
#include <functional>
#include <memory>

class QSocketNotifier;

// The mixer's wake-ups without Qt's timer list or queued calls: a periodic timer (a timerfd) and a wake
// any thread may give (an eventfd). On an AudioThread running its own loop both descriptors are polled
// there and the handler is called straight from the poll; on any other thread, QSocketNotifiers watch
// the same descriptors. Created, started and stopped on the thread it serves; wakers on any thread.
class CycleClock
{
public:
    enum class Fired { Timer, Woken };

    // The wake side, shared with the providers' threads: it outlives the clock (a wake after the clock
    // is gone reaches nobody). Wakes coalesce until the clock's handler has run.
    class Waker
    {
    public:
        ~Waker();
        // Wakes the clock's thread if armed; otherwise nothing (no system call).
        void wake();
        // Armed (the default), every wake() reaches the clock; disarmed, none does: the clock's owner then
        // takes what the wakers announce on its own timer. Sequentially consistent with wake()'s check,
        // so an owner that arms and then looks again misses nothing.
        void setArmed(bool armed) { m_armed.store(armed); }
        bool isArmed() const { return m_armed.load(); }

    private:
        friend class CycleClock;
        explicit Waker(int fd)
            : m_fd(fd)
        { }
        int m_fd;
        std::atomic<bool> m_pending {false};
        std::atomic<bool> m_armed {true};
    };

    explicit CycleClock(std::function<void(Fired)> handler);
    ~CycleClock();
    CycleClock(const CycleClock &) = delete;
    CycleClock &operator=(const CycleClock &) = delete;

    // False with no descriptors (then it never fires).
    bool isValid() const { return m_timerFd >= 0 && m_waker; }
    // Fires every `intervalMs` from now (a running period is replaced).
    void start(int intervalMs);
    // Fires first at `deadlineNs` (std::chrono::steady_clock, ns; at once if past), then every
    // `intervalMs` after it.
    void startAt(qint64 deadlineNs, int intervalMs);
    void stop();
    bool isActive() const { return m_active; }
    int interval() const { return m_intervalMs; }
    std::shared_ptr<Waker> waker() const { return m_waker; }
    // Whether the descriptors are polled by an AudioThread's own loop (else by QSocketNotifiers).
    bool polledByAudioThread() const { return m_onAudioThread; }

private:
    void timerReady();
    void wakerReady();

    std::function<void(Fired)> m_handler;
    int m_timerFd = -1;
    std::shared_ptr<Waker> m_waker;
    bool m_active = false;
    int m_intervalMs = 0;
    bool m_onAudioThread = false;
    std::unique_ptr<QSocketNotifier> m_timerNotifier;
    std::unique_ptr<QSocketNotifier> m_wakeNotifier;
};
