#include "FrameProbe.h"

#include <QtQuick/qquickwindow.h>

FrameProbe::FrameProbe(QQuickWindow *window, const QString &path, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_file(path)
{
    if (!window || !m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered))
        return;
    m_clock.start();
    // Direct: with a threaded render loop the signal comes from the render thread; the times are all
    // this object keeps, and writeSecond() runs on the GUI thread between frames.
    connect(window, &QQuickWindow::frameSwapped, this, &FrameProbe::frameSwapped, Qt::DirectConnection);
    connect(&m_second, &QTimer::timeout, this, &FrameProbe::writeSecond);
    m_second.start(1000);
    window->update();
}

void FrameProbe::frameSwapped()
{
    const qint64 now = m_clock.nsecsElapsed();
    if (m_lastFrameNs >= 0) {
        const qint64 interval = now - m_lastFrameNs;
        qint64 seen = m_maxIntervalNs.load();
        while (interval > seen) {
            if (m_maxIntervalNs.compare_exchange_weak(seen, interval)) {
                m_maxEndedNs.store(now);
                break;
            }
        }
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
    const QByteArray line =
        QStringLiteral("{\"t\": %1, \"frames\": %2, \"maxIntervalMs\": %3, \"maxEndedAtMs\": %4}\n")
            .arg(m_clock.elapsed())
            .arg(m_frames.exchange(0))
            .arg(double(m_maxIntervalNs.exchange(0)) / 1e6, 0, 'f', 1)
            .arg(m_maxEndedNs.exchange(0) / 1000000)
            .toUtf8();
    m_file.write(line);
}
