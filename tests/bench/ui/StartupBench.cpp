#include "StartupBench.h"

#include "Figures.h"

#include <QtCore/qelapsedtimer.h>
#include <QtCore/qfile.h>
#include <QtCore/qprocess.h>
#include <QtCore/qtemporarydir.h>

#include <cstdio>
#include <vector>

namespace {
// VmRSS of a running process in kB, or -1.
qint64 residentKb(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}
} // namespace

bool runStartupBench(const QString &appPath, int runs)
{
    std::vector<double> firstFrameMs;
    std::vector<double> rssMb;
    for (int run = 0; run < runs; ++run) {
        QTemporaryDir home; // a first start: empty settings and call log
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("QT_QPA_PLATFORM")); // the real display (Xvfb), not offscreen
        env.insert(QStringLiteral("QT_QUICK_BACKEND"), QStringLiteral("software"));
        env.insert(QStringLiteral("HOOKLINE_BENCH_FIRST_FRAME"), QStringLiteral("1"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        QProcess app;
        app.setProcessEnvironment(env);
        app.setProcessChannelMode(QProcess::SeparateChannels);
        app.setStandardErrorFile(QProcess::nullDevice());
        QElapsedTimer clock;
        clock.start();
        app.start(appPath, {});
        QByteArray out;
        qint64 frameNs = -1;
        while (frameNs < 0 && clock.elapsed() < 20000 && app.state() != QProcess::NotRunning) {
            if (!app.waitForReadyRead(100))
                continue;
            out += app.readAllStandardOutput();
            if (out.contains("hookline: first frame"))
                frameNs = clock.nsecsElapsed();
        }
        const qint64 rss = frameNs >= 0 ? residentKb(app.processId()) : -1;
        app.kill();
        app.waitForFinished(5000);
        if (frameNs < 0 || rss < 0) {
            std::fprintf(stderr, "bench_ui: run %d: %s showed no frame within 20 s (is DISPLAY set?)\n",
                         run + 1, qPrintable(appPath));
            return false;
        }
        firstFrameMs.push_back(frameNs / 1e6);
        rssMb.push_back(rss / 1024.0);
        std::printf("  start %2d: first frame %7.1f ms, resident %6.1f MB\n", run + 1, firstFrameMs.back(),
                    rssMb.back());
    }
    const Summary frames = summarize(firstFrameMs);
    const Summary rss = summarize(rssMb);
    std::printf(
        "startup (%d runs, software renderer): first frame median %.1f ms, max %.1f ms (goal < 400)\n", runs,
        frames.median, frames.max);
    std::printf("startup: resident memory after the first frame median %.1f MB, max %.1f MB (goal < 120)\n",
                rss.median, rss.max);
    return true;
}
