#include "audio/CycleClock.h"

#include "audio/AudioThread.h"
#include "core/Logging.h"

#include <QtCore/qsocketnotifier.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <sys/eventfd.h>
#include <sys/timerfd.h>
#include <unistd.h>

CycleClock::Waker::~Waker()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

void CycleClock::Waker::wake()
{
    // Called on a provider's thread for every frame; one wake-up outstanding at a time.
    if (!m_armed.load() || m_pending.exchange(true, std::memory_order_acq_rel))
        return;
    const quint64 one = 1;
    [[maybe_unused]] const ssize_t written = ::write(m_fd, &one, sizeof one);
}

CycleClock::CycleClock(std::function<void(Fired)> handler)
    : m_handler(std::move(handler))
    , m_timerFd(::timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC))
{
    const int wakeFd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (m_timerFd < 0 || wakeFd < 0) {
        qCWarning(lcAudio) << "audio cycle clock:" << strerror(errno);
        if (wakeFd >= 0)
            ::close(wakeFd);
        return;
    }
    m_waker.reset(new Waker(wakeFd));
    if (AudioThread *thread = AudioThread::current()) {
        m_onAudioThread = thread->watch(m_timerFd, [this] { timerReady(); })
            && thread->watch(wakeFd, [this] { wakerReady(); });
    }
    qCDebug(lcAudio) << "cycle clock polled by"
                     << (m_onAudioThread ? "the audio thread's own loop" : "Qt's event loop");
    if (!m_onAudioThread) {
        m_timerNotifier = std::make_unique<QSocketNotifier>(m_timerFd, QSocketNotifier::Read);
        QObject::connect(m_timerNotifier.get(), &QSocketNotifier::activated, [this] { timerReady(); });
        m_wakeNotifier = std::make_unique<QSocketNotifier>(wakeFd, QSocketNotifier::Read);
        QObject::connect(m_wakeNotifier.get(), &QSocketNotifier::activated, [this] { wakerReady(); });
    }
}

CycleClock::~CycleClock()
{
    if (m_onAudioThread) {
        if (AudioThread *thread = AudioThread::current()) {
            thread->unwatch(m_timerFd);
            thread->unwatch(m_waker->m_fd);
        }
    }
    m_timerNotifier.reset();
    m_wakeNotifier.reset();
    if (m_timerFd >= 0)
        ::close(m_timerFd);
    // The wake descriptor stays open with the Waker: a provider may still hold it.
}

void CycleClock::start(int intervalMs)
{
    if (m_timerFd < 0)
        return;
    itimerspec spec {};
    spec.it_interval.tv_sec = intervalMs / 1000;
    spec.it_interval.tv_nsec = long(intervalMs % 1000) * 1'000'000;
    spec.it_value = spec.it_interval;
    ::timerfd_settime(m_timerFd, 0, &spec, nullptr);
    m_active = true;
    m_intervalMs = intervalMs;
}

void CycleClock::startAt(qint64 deadlineNs, int intervalMs)
{
    if (m_timerFd < 0)
        return;
    // steady_clock is CLOCK_MONOTONIC on Linux: the timer's own clock. A deadline already past fires at
    // once (0 would disarm the timer).
    itimerspec spec {};
    spec.it_interval.tv_sec = intervalMs / 1000;
    spec.it_interval.tv_nsec = long(intervalMs % 1000) * 1'000'000;
    const qint64 deadline = std::max<qint64>(deadlineNs, 1);
    spec.it_value.tv_sec = time_t(deadline / 1'000'000'000);
    spec.it_value.tv_nsec = long(deadline % 1'000'000'000);
    ::timerfd_settime(m_timerFd, TFD_TIMER_ABSTIME, &spec, nullptr);
    m_active = true;
    m_intervalMs = intervalMs;
}

void CycleClock::stop()
{
    if (m_timerFd < 0 || !m_active)
        return;
    const itimerspec off {};
    ::timerfd_settime(m_timerFd, 0, &off, nullptr);
    m_active = false;
}

void CycleClock::timerReady()
{
    quint64 expirations = 0;
    if (::read(m_timerFd, &expirations, sizeof expirations) != sizeof expirations || !m_active)
        return;
    m_handler(Fired::Timer);
}

void CycleClock::wakerReady()
{
    quint64 count = 0;
    [[maybe_unused]] const ssize_t got = ::read(m_waker->m_fd, &count, sizeof count);
    m_waker->m_pending.store(false, std::memory_order_release);
    m_handler(Fired::Woken);
}
