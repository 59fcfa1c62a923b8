#pragma once

#include <QtCore/qelapsedtimer.h>
#include <QtCore/qobject.h>
#include <QtCore/qtimer.h>

#include <algorithm>

// The longest interval between the ticks of a 10 ms timer: how long the thread was kept from its events.
struct GapMeter
{
    GapMeter()
    {
        clock.start();
        QObject::connect(&timer, &QTimer::timeout, [this] { longest = std::max(longest, clock.restart()); });
        timer.start(10);
    }
    QTimer timer;
    QElapsedTimer clock;
    qint64 longest = 0;
};
