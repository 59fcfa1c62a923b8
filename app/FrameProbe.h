#pragma once

#include <QtCore/qelapsedtimer.h>
#include <QtCore/qfile.h>
#include <QtCore/qobject.h>
#include <QtCore/qpointer.h>
#include <QtCore/qtimer.h>

#include <atomic>

class QQuickWindow;

// How smoothly the console draws, for support and for the no-stall test: with HOOKLINE_FRAME_PROBE set
// to a file, the window draws continuously (a new frame is asked for after each one) and every second
// one JSON line is appended:
//   {"t": ms since start, "frames": n, "maxIntervalMs": x, "maxEndedAtMs": when the longest interval of
//    that second ended, "maxStallMs": s, "stallEndedAtMs": when it ended, "stallWaitMs": w, "waitMs": W,
//    "schedstat": true|false, "maxIntervalWaitMs": m, "stallRunMs": r}
// A frame interval is the time between two frames on screen; the GUI thread kept from its events (a
// blocking call, a sync on a slow disk, long work) shows as a long one. So does a machine too busy to run
// it: the kernel's schedstat of the GUI thread (/proc/self/task/<tid>/schedstat: time run and time spent
// runnable in the run queue, waiting for a CPU) is read at every frame, and an interval's *stall* is the
// interval less the GUI thread's run-queue wait within it: the time the thread ran or slept (blocked or
// idle), which is what the console itself is answerable for. "maxStallMs" is the second's largest,
// "stallWaitMs" the wait taken out of that interval, "maxIntervalWaitMs" the wait within the longest
// interval (how much of it was the machine), "stallRunMs" the GUI thread's time on a CPU within the
// longest stall (the rest of a stall is sleep: blocked, or idle between events), "waitMs" the second's
// whole run-queue wait. Without
// schedstat ("schedstat": false) a stall is the whole interval. Lines are appended unbuffered, so a killed
// console leaves every finished second.
class FrameProbe : public QObject
{
    Q_OBJECT

public:
    FrameProbe(QQuickWindow *window, const QString &path, QObject *parent);
    bool isOpen() const { return m_file.isOpen(); }

private:
    void frameSwapped();
    void writeSecond();
    // The GUI thread's run-queue wait so far (ns), or -1 without schedstat; its time on a CPU so far
    // goes to *runNs.
    qint64 guiThreadWaitNs(qint64 *runNs) const;

    QPointer<QQuickWindow> m_window;
    QFile m_file;
    QTimer m_second;
    QElapsedTimer m_clock;
    QByteArray m_schedstatPath; // the GUI thread's schedstat file
    bool m_schedstat = false;
    // Touched by frameSwapped() only.
    qint64 m_lastFrameNs = -1;
    qint64 m_lastWaitNs = 0;
    qint64 m_lastRunNs = 0;
    std::atomic<qint64> m_maxIntervalNs {0};
    std::atomic<qint64> m_maxEndedNs {0};
    std::atomic<qint64> m_maxIntervalWaitNs {0};
    std::atomic<qint64> m_maxStallNs {0};
    std::atomic<qint64> m_stallEndedNs {0};
    std::atomic<qint64> m_stallWaitNs {0};
    std::atomic<qint64> m_stallRunNs {0};
    std::atomic<qint64> m_waitNs {0};
    std::atomic<int> m_frames {0};
};
