#include "audio/AudioThread.h"

#include "core/Logging.h"

#include <QtCore/qabstracteventdispatcher.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <glib.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

AudioThread::AudioThread(QObject *parent)
    : QThread(parent)
    , m_stopFd(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC))
{ }

AudioThread::~AudioThread()
{
    stop();
    wait();
    if (m_stopFd >= 0)
        ::close(m_stopFd);
}

AudioThread *AudioThread::current()
{
    auto *thread = qobject_cast<AudioThread *>(QThread::currentThread());
    return thread && thread->m_ownLoop ? thread : nullptr;
}

bool AudioThread::watch(int fd, Handler handler)
{
    Q_ASSERT(QThread::currentThread() == this);
    if (!m_ownLoop || fd < 0)
        return false;
    unwatch(fd);
    m_watches.push_back({fd, std::make_shared<const Handler>(std::move(handler))});
    return true;
}

void AudioThread::unwatch(int fd)
{
    std::erase_if(m_watches, [fd](const Watch &w) { return w.fd == fd; });
}

void AudioThread::stop()
{
    requestInterruption();
    if (m_stopFd >= 0) {
        const quint64 one = 1;
        [[maybe_unused]] const ssize_t written = ::write(m_stopFd, &one, sizeof one);
    }
    quit();
}

void AudioThread::run()
{
    if (!runOwnLoop())
        exec();
}

bool AudioThread::runOwnLoop()
{
    // Qt made this thread's GLib context (its thread default) when the thread started.
    QAbstractEventDispatcher *dispatcher = eventDispatcher();
    if (m_stopFd < 0 || !dispatcher || !dispatcher->inherits("QEventDispatcherGlib"))
        return false;
    GMainContext *context = g_main_context_ref_thread_default();
    if (!g_main_context_acquire(context)) {
        g_main_context_unref(context);
        return false;
    }
    m_ownLoop = true;
    std::vector<GPollFD> qtFds(8);
    std::vector<pollfd> fds;
    std::vector<int> readyFds;
    while (!isInterruptionRequested()) {
        // One GLib iteration as QEventLoop would run it, with our descriptors in the same poll.
        gint priority = 0;
        g_main_context_prepare(context, &priority);
        gint timeout = -1;
        gint count = 0;
        while ((count = g_main_context_query(context, priority, &timeout, qtFds.data(), gint(qtFds.size())))
               > gint(qtFds.size()))
            qtFds.resize(std::size_t(count));
        fds.clear();
        fds.push_back({m_stopFd, POLLIN, 0});
        for (const Watch &w : m_watches)
            fds.push_back({w.fd, POLLIN, 0});
        const std::size_t qtFirst = fds.size();
        for (gint i = 0; i < count; ++i)
            fds.push_back({qtFds[std::size_t(i)].fd, short(qtFds[std::size_t(i)].events), 0});
        if (::poll(fds.data(), nfds_t(fds.size()), timeout) < 0 && errno != EINTR)
            qCWarning(lcAudio) << "audio thread: poll failed:" << strerror(errno);
        readyFds.clear();
        for (std::size_t i = 1; i < qtFirst; ++i)
            if (fds[i].revents)
                readyFds.push_back(fds[i].fd);
        for (gint i = 0; i < count; ++i)
            qtFds[std::size_t(i)].revents = gushort(fds[qtFirst + std::size_t(i)].revents);
        if (g_main_context_check(context, priority, qtFds.data(), count)) {
            m_qtDispatches.fetch_add(1, std::memory_order_relaxed);
            g_main_context_dispatch(context);
        }
        // Ours after Qt's, outside GLib's iteration: a handler may start timers or post events freely.
        for (const int fd : readyFds) {
            // A handler (or a Qt event above) may have stopped watching a descriptor that was ready.
            const auto found =
                std::find_if(m_watches.begin(), m_watches.end(), [fd](const Watch &w) { return w.fd == fd; });
            if (found == m_watches.end())
                continue;
            m_watchedWakeups.fetch_add(1, std::memory_order_relaxed);
            const std::shared_ptr<const Handler> handler = found->handler;
            (*handler)();
        }
    }
    m_ownLoop = false;
    m_watches.clear();
    g_main_context_release(context);
    g_main_context_unref(context);
    return true;
}
