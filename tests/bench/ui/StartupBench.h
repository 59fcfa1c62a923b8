#pragma once

#include <QtCore/qstring.h>

// Cold start to first frame of the real console and its resident memory at that moment: launches
// the app `runs` times under the current display with the software renderer
// (HOOKLINE_BENCH_FIRST_FRAME makes it print a line at its first QQuickWindow::frameSwapped) and
// prints median and max. Returns false when the app never showed a frame.
bool runStartupBench(const QString &appPath, int runs);
