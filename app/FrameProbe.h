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
// one JSON line is appended: {"t": ms since start, "frames": n, "maxIntervalMs": x, "maxEndedAtMs": when the
// longest interval of that second ended, ms since start}. A frame interval is
// the time between two frames on screen; the GUI thread kept from its events (a blocking call, a sync
// on a slow disk) shows as a long one. Lines are appended unbuffered, so a killed console leaves
// every finished second.
class FrameProbe : public QObject
{
    Q_OBJECT

public:
    FrameProbe(QQuickWindow *window, const QString &path, QObject *parent);
    bool isOpen() const { return m_file.isOpen(); }

private:
    void frameSwapped();
    void writeSecond();

    QPointer<QQuickWindow> m_window;
    QFile m_file;
    QTimer m_second;
    QElapsedTimer m_clock;
    qint64 m_lastFrameNs = -1; // touched by frameSwapped() only
    std::atomic<qint64> m_maxIntervalNs {0};
    std::atomic<qint64> m_maxEndedNs {0};
    std::atomic<int> m_frames {0};
};
