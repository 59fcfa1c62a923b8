#include "FrameProbe.h"

#include <QtQuick/qquickwindow.h>

#include <cstdio>
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

FrameProbe::FrameProbe(QQuickWindow *window, const QString &path, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_file(path)
{
    if (!window || !m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered))
        return;
    // Constructed on the GUI thread: its schedstat is the one that counts.
    m_schedstatPath =
        "/proc/self/task/" + QByteArray::number(qlonglong(::syscall(SYS_gettid))) + "/schedstat";
    m_lastWaitNs = guiThreadWaitNs(&m_lastRunNs);
    m_schedstat = m_lastWaitNs >= 0;
    m_clock.start();
    // Direct: with a threaded render loop the signal comes from the render thread; the times are all
    // this object keeps, and writeSecond() runs on the GUI thread between frames. (The software renderer
    // the tests use draws on the GUI thread.)
    connect(window, &QQuickWindow::frameSwapped, this, &FrameProbe::frameSwapped, Qt::DirectConnection);
    connect(&m_second, &QTimer::timeout, this, &FrameProbe::writeSecond);
    m_second.start(1000);
    window->update();
}

qint64 FrameProbe::guiThreadWaitNs(qint64 *runNs) const
{
    // "<ns on a CPU> <ns runnable in the run queue> <time slices>"; read with plain calls, as it is read
    // on every frame.
    const int fd = ::open(m_schedstatPath.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    char text[96] = {};
    const ssize_t got = ::read(fd, text, sizeof text - 1);
    ::close(fd);
    unsigned long long run = 0;
    unsigned long long wait = 0;
    if (got <= 0 || std::sscanf(text, "%llu %llu", &run, &wait) != 2)
        return -1;
    *runNs = qint64(run);
    return qint64(wait);
}

namespace {

void raiseTo(std::atomic<qint64> &max, qint64 value, std::atomic<qint64> &at, qint64 now)
{
    qint64 seen = max.load();
    while (value > seen) {
        if (max.compare_exchange_weak(seen, value)) {
            at.store(now);
            return;
        }
    }
}

} // namespace

void FrameProbe::frameSwapped()
{
    const qint64 now = m_clock.nsecsElapsed();
    qint64 runNow = 0;
    const qint64 waitNow = m_schedstat ? guiThreadWaitNs(&runNow) : -1;
    const qint64 waited = waitNow >= 0 ? std::max<qint64>(0, waitNow - m_lastWaitNs) : 0;
    const qint64 ran = waitNow >= 0 ? std::max<qint64>(0, runNow - m_lastRunNs) : 0;
    if (waitNow >= 0) {
        m_lastWaitNs = waitNow;
        m_lastRunNs = runNow;
    }
    if (m_lastFrameNs >= 0) {
        const qint64 interval = now - m_lastFrameNs;
        const qint64 longest = m_maxIntervalNs.load();
        raiseTo(m_maxIntervalNs, interval, m_maxEndedNs, now);
        if (interval > longest)
            m_maxIntervalWaitNs.store(waited);
        const qint64 stall = std::max<qint64>(0, interval - waited);
        const qint64 before = m_maxStallNs.load();
        raiseTo(m_maxStallNs, stall, m_stallEndedNs, now);
        if (stall > before) {
            m_stallWaitNs.store(waited);
            m_stallRunNs.store(ran);
        }
        m_waitNs += waited;
    }
    m_lastFrameNs = now;
    ++m_frames;
    // Keep drawing: an idle window draws nothing, and a stall would go unseen.
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_window)
                m_window->update();
        },
        Qt::QueuedConnection);
}

void FrameProbe::writeSecond()
{
    const auto ms = [](qint64 ns) {
        return QString::number(double(ns) / 1e6, 'f', 1);
    };
    const QByteArray line =
        QStringLiteral(
            "{\"t\": %1, \"frames\": %2, \"maxIntervalMs\": %3, \"maxEndedAtMs\": %4, "
            "\"maxStallMs\": %5, \"stallEndedAtMs\": %6, \"stallWaitMs\": %7, "
            "\"waitMs\": %8, \"schedstat\": %9, \"maxIntervalWaitMs\": %10, \"stallRunMs\": %11}\n")
            .arg(m_clock.elapsed())
            .arg(m_frames.exchange(0))
            .arg(ms(m_maxIntervalNs.exchange(0)))
            .arg(m_maxEndedNs.exchange(0) / 1000000)
            .arg(ms(m_maxStallNs.exchange(0)))
            .arg(m_stallEndedNs.exchange(0) / 1000000)
            .arg(ms(m_stallWaitNs.exchange(0)))
            .arg(ms(m_waitNs.exchange(0)))
            .arg(m_schedstat ? QStringLiteral("true") : QStringLiteral("false"))
            .arg(ms(m_maxIntervalWaitNs.exchange(0)))
            .arg(ms(m_stallRunNs.exchange(0)))
            .toUtf8();
    m_file.write(line);
}
