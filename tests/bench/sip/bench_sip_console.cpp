// bench_sip_console: the real console's frames while many SIP calls run through it (issue 15, "200 calls
// through Kamailio: GUI frames under 50 ms"). The built `hookline` runs with its QML UI (offscreen, or on
// $DISPLAY with --x11, e.g. under xvfb-run; the software renderer) on a scenario whose line is a SIP account
// registered at the loopback Kamailio; the scenario answers each call as it comes (`incoming`, then
// `agent: answer`), so every call is a session the UI shows. sipp (SippEchoCaller, RTP echoed) places the
// calls through Kamailio, holds them all up together, then hangs them up. The console's frame probe
// (HOOKLINE_FRAME_PROBE, app/FrameProbe.h) keeps the window drawing and writes each second's frame count,
// longest frame interval and longest stall: the interval less the GUI thread's run-queue wait (its
// schedstat), the method of console_no_stall (docs/benchmarks.md).
//
// Prints, over the seconds of the load (the first call placed to the last hung up) and over the seconds
// with every call up: frames a second, the mean frame interval, the seconds' longest intervals (p50, p99,
// max, and the longest interval's run-queue wait) and the longest stall. With --max-stall-ms M it is a
// test: exit 1 when a stall of M ms or more happened, or when a call did not connect; with --expect-stall
// too it is that test's self-test: exit 1 unless such a stall was seen. Exit 2 when the run could not
// happen.
#include "SipLoopbackPeers.h"
#include "SippEchoCaller.h"

#include <QtCore/qcommandlineparser.h>
#include <QtCore/qcoreapplication.h>
#include <QtCore/qdeadlinetimer.h>
#include <QtCore/qdir.h>
#include <QtCore/qelapsedtimer.h>
#include <QtCore/qeventloop.h>
#include <QtCore/qfile.h>
#include <QtCore/qjsonarray.h>
#include <QtCore/qjsondocument.h>
#include <QtCore/qjsonobject.h>
#include <QtCore/qprocess.h>
#include <QtCore/qset.h>
#include <QtCore/qtemporarydir.h>
#include <QtCore/qthread.h>

#include <algorithm>
#include <cstdio>
#include <functional>

namespace {

struct Second
{
    double t = 0;
    int frames = 0;
    double maxIntervalMs = 0;
    double maxStallMs = 0;
    double stallWaitMs = 0;
    double waitMs = 0;
    bool schedstat = false;
    double maxIntervalWaitMs = 0; // the run-queue wait within the longest interval
    double stallRunMs = 0; // the GUI thread's time on a CPU within the longest stall
};

QList<QJsonObject> jsonLines(const QString &path)
{
    QList<QJsonObject> rows;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return rows;
    for (const QByteArray &line : file.readAll().split('\n')) {
        const QJsonDocument document = QJsonDocument::fromJson(line);
        if (document.isObject())
            rows.append(document.object());
    }
    return rows;
}

QList<Second> probeSeconds(const QString &path)
{
    QList<Second> seconds;
    for (const QJsonObject &row : jsonLines(path))
        seconds.append({row.value(QLatin1String("t")).toDouble(), row.value(QLatin1String("frames")).toInt(),
                        row.value(QLatin1String("maxIntervalMs")).toDouble(),
                        row.value(QLatin1String("maxStallMs")).toDouble(),
                        row.value(QLatin1String("stallWaitMs")).toDouble(),
                        row.value(QLatin1String("waitMs")).toDouble(),
                        row.value(QLatin1String("schedstat")).toBool(),
                        row.value(QLatin1String("maxIntervalWaitMs")).toDouble(),
                        row.value(QLatin1String("stallRunMs")).toDouble()});
    return seconds;
}

// The sessions of the SIP line the console's trace shows CONNECTED at some point.
int connectedCalls(const QString &tracePath)
{
    QSet<int> sessions;
    for (const QJsonObject &row : jsonLines(tracePath)) {
        if (row.value(QLatin1String("event")) == QLatin1String("state")
            && row.value(QLatin1String("state")) == QLatin1String("CONNECTED")
            && row.value(QLatin1String("line")).toString().startsWith(QLatin1String("sip/")))
            sessions.insert(row.value(QLatin1String("session")).toInt());
    }
    return int(sessions.size());
}

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype index =
        std::min(values.size() - 1, qsizetype(p / 100.0 * double(values.size() - 1) + 0.5));
    return values.at(index);
}

// Runs the event loop (QProcess learns of its process's end there) until `done` or `ms` pass.
bool waitFor(const std::function<bool()> &done, int ms)
{
    QDeadlineTimer deadline(ms);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(20);
    }
    return true;
}

// The frame figures of `seconds`; the largest stall goes to *worstStall.
void printFigures(const char *what, const QList<Second> &seconds, double *worstStall)
{
    if (seconds.isEmpty()) {
        std::printf("  %s: no second of frames\n", what);
        return;
    }
    QList<double> longest;
    QList<double> framesPerSecond;
    int frames = 0;
    const Second *stall = &seconds.front();
    const Second *interval = &seconds.front();
    double wait = 0;
    for (const Second &s : seconds) {
        longest.append(s.maxIntervalMs);
        framesPerSecond.append(s.frames);
        frames += s.frames;
        wait = std::max(wait, s.waitMs);
        if (s.maxStallMs > stall->maxStallMs)
            stall = &s;
        if (s.maxIntervalMs > interval->maxIntervalMs)
            interval = &s;
    }
    *worstStall = std::max(*worstStall, stall->maxStallMs);
    std::printf("  %s, %lld s: %.0f-%.0f frames a second (median %.0f), mean frame interval %.1f ms\n", what,
                static_cast<long long>(seconds.size()), percentile(framesPerSecond, 0),
                percentile(framesPerSecond, 100), percentile(framesPerSecond, 50),
                frames ? 1000.0 * double(seconds.size()) / frames : 0.0);
    // p99 of a few tens of seconds is their maximum; the longest interval's run-queue wait says how much
    // of it was the machine (other processes, the console's other threads) rather than the GUI thread.
    std::printf(
        "    longest frame interval of each second: p50 %.1f ms, p99 %.1f ms, max %.1f ms (%.1f ms of "
        "it run-queue wait)\n",
        percentile(longest, 50), percentile(longest, 99), percentile(longest, 100),
        interval->maxIntervalWaitMs);
    // Its time on a CPU: the rest of a stall is sleep, blocked or idle between events (an idle GUI thread
    // wakes at least every 5 ms here for the next frame).
    std::printf("    longest stall %.1f ms (%.1f ms of run-queue wait taken out of its interval; %.1f ms of "
                "it on a CPU); the GUI thread's run-queue wait up to %.1f ms in a second%s\n",
                stall->maxStallMs, stall->stallWaitMs, stall->stallRunMs, wait,
                stall->schedstat ? "" : " (no schedstat: a stall is the whole interval)");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The console's frames under concurrent SIP calls"));
    parser.addHelpOption();
    const QCommandLineOption hooklineOption(QStringLiteral("hookline"),
                                            QStringLiteral("The console executable."), QStringLiteral("path"),
                                            QStringLiteral(HOOKLINE_EXECUTABLE));
    const QCommandLineOption callsOption(QStringLiteral("calls"), QStringLiteral("Concurrent calls (200)."),
                                         QStringLiteral("n"), QStringLiteral("200"));
    const QCommandLineOption rateOption(QStringLiteral("rate"),
                                        QStringLiteral("Calls placed per second (20)."), QStringLiteral("n"),
                                        QStringLiteral("20"));
    const QCommandLineOption secondsOption(QStringLiteral("seconds"),
                                           QStringLiteral("Seconds with every call up (10)."),
                                           QStringLiteral("s"), QStringLiteral("10"));
    const QCommandLineOption stallOption(QStringLiteral("max-stall-ms"),
                                         QStringLiteral("Fail on a GUI-thread stall of this many ms or more "
                                                        "(0: figures only)."),
                                         QStringLiteral("ms"), QStringLiteral("0"));
    const QCommandLineOption expectStallOption(
        QStringLiteral("expect-stall"),
        QStringLiteral("The check's self-test: pass only when the load ran and a stall of --max-stall-ms or "
                       "more was seen (with HOOKLINE_FRAME_PROBE_BLOCK_AT_ANSWER_MS set for the console)."));
    const QCommandLineOption keepOption(QStringLiteral("keep"),
                                        QStringLiteral("Keep the run's folder (scenario, trace, frames, the "
                                                       "console's log) and print its path."));
    const QCommandLineOption x11Option(
        QStringLiteral("x11"), QStringLiteral("Show the console on $DISPLAY (xcb) instead of offscreen."));
    parser.addOptions({hooklineOption, callsOption, rateOption, secondsOption, stallOption, expectStallOption,
                       keepOption, x11Option});
    parser.process(app);
    const int calls = std::max(1, parser.value(callsOption).toInt());
    const int rate = std::max(1, parser.value(rateOption).toInt());
    const int seconds = std::max(1, parser.value(secondsOption).toInt());
    const double maxStallMs = parser.value(stallOption).toDouble();
    const bool x11 = parser.isSet(x11Option);
    const bool expectStall = parser.isSet(expectStallOption);
    if (expectStall && maxStallMs <= 0) {
        std::fprintf(stderr, "--expect-stall needs --max-stall-ms\n");
        return 2;
    }
    if (x11 && qEnvironmentVariableIsEmpty("DISPLAY")) {
        std::fprintf(stderr, "--x11 needs DISPLAY (run under xvfb-run)\n");
        return 2;
    }

    SipLoopbackPeers peers;
    peers.setMaxExpires(3600); // no refresh racing the calls (bench_sip's reason)
    QString error;
    QTemporaryDir dir;
    if (parser.isSet(keepOption)) {
        dir.setAutoRemove(false);
        std::printf("bench_sip_console: the run's files are in %s\n", qPrintable(dir.path()));
    }
    if (!dir.isValid() || !peers.isValid()
        || !peers.prepareKamailio({{QStringLiteral("agent1"), QStringLiteral("secret1")}}, &error)
        || !peers.startKamailio(&error)) {
        std::fprintf(stderr, "cannot start Kamailio: %s\n", qPrintable(error));
        return 2;
    }

    // The scenario: the SIP line, and the agent's answers. In the console an `incoming` step names a call
    // that is there (it does not wait: the person takes the calls), so the steps follow sipp's schedule:
    // First one call alone, WarmUpMs after the registration (the scenario's clock starts then too): the
    // console's first call builds what later calls reuse; its frames are printed apart, outside the
    // verdict. Then the load: sipp starts LoadStartMs after the registration, call i comes i / rate seconds
    // later, and is named and answered ArrivalSlackMs after that. A step that finds no
    // call names none, and the next one takes the first call not yet named; sweeps take those that came
    // late.
    constexpr qint64 WarmUpMs = 2000;
    constexpr int WarmUpHoldMs = 1500;
    constexpr qint64 LoadStartMs = 8000;
    // sipp's ramp, and how long each call is held: the ramp again, the seconds with all up, 4 s to spare.
    const int rampMs = calls * 1000 / rate;
    const int holdMs = rampMs + seconds * 1000 + 4000;
    constexpr qint64 ArrivalSlackMs = 1000;
    QJsonArray steps;
    const auto answerStep = [&steps](qint64 at, const QString &name) {
        steps.append(QJsonObject {
            {QStringLiteral("at"), at},
            {QStringLiteral("incoming"),
             QJsonObject {{QStringLiteral("line"), QStringLiteral("desk")}, {QStringLiteral("as"), name}}}});
        steps.append(QJsonObject {{QStringLiteral("at"), at},
                                  {QStringLiteral("agent"), QStringLiteral("answer")},
                                  {QStringLiteral("session"), name}});
    };
    answerStep(WarmUpMs + ArrivalSlackMs, QStringLiteral("warm"));
    for (int i = 0; i < 4; ++i)
        answerStep(WarmUpMs + ArrivalSlackMs + 500 * (i + 1), QStringLiteral("warmLate%1").arg(i));
    const qint64 lastArrival = LoadStartMs + ArrivalSlackMs + qint64(calls - 1) * 1000 / rate;
    for (int i = 0; i < calls; ++i)
        answerStep(LoadStartMs + ArrivalSlackMs + qint64(i) * 1000 / rate, QStringLiteral("c%1").arg(i));
    // Late calls (a busy machine spreads the arrivals): a sweep every 250 ms until sipp hangs up.
    int sweep = 0;
    for (qint64 at = lastArrival + 1000; at < LoadStartMs + rampMs + holdMs; at += 250)
        answerStep(at, QStringLiteral("late%1").arg(sweep++));
    const QJsonObject line {
        {QStringLiteral("id"), QStringLiteral("desk")},
        {QStringLiteral("provider"), QStringLiteral("sip")},
        {QStringLiteral("registrar"), QStringLiteral("127.0.0.1:%1").arg(peers.kamailioPort())},
        {QStringLiteral("user"), QStringLiteral("agent1")},
        {QStringLiteral("password"), QStringLiteral("secret1")},
        {QStringLiteral("codecs"), QJsonArray {QStringLiteral("PCMU")}}};
    const QByteArray json = QJsonDocument(QJsonObject {{QStringLiteral("name"), QStringLiteral("sip-load")},
                                                       {QStringLiteral("lines"), QJsonArray {line}},
                                                       {QStringLiteral("steps"), steps}})
                                .toJson();
    const QString scenario = dir.filePath(QStringLiteral("sip-load.json"));
    QFile file(scenario);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size()) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(scenario));
        return 2;
    }
    file.close();

    const QString tracePath = dir.filePath(QStringLiteral("trace.jsonl"));
    const QString framesPath = dir.filePath(QStringLiteral("frames.jsonl"));
    const QString logPath = dir.filePath(QStringLiteral("console.log"));
    QProcess console;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), dir.path());
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
    environment.insert(QStringLiteral("XDG_CACHE_HOME"), dir.filePath(QStringLiteral("cache")));
    environment.insert(QStringLiteral("HOOKLINE_FRAME_PROBE"), framesPath);
    environment.insert(QStringLiteral("QT_QUICK_BACKEND"), QStringLiteral("software"));
    // No sound server: the agent's devices are absent, as on a CI machine.
    environment.insert(QStringLiteral("PULSE_SERVER"),
                       QStringLiteral("unix:") + dir.filePath(QStringLiteral("none")));
    if (x11) {
        environment.remove(QStringLiteral("QT_QPA_PLATFORM")); // xcb, on $DISPLAY
    } else {
        // Offscreen: no X server whose own scheduling would count in the frames, and no DISPLAY for D-Bus
        // to autolaunch a session bus with (a blocking call of the GUI thread at every notification).
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        environment.remove(QStringLiteral("DISPLAY"));
    }
    console.setProcessEnvironment(environment);
    // Its log to a file: a pipe nobody reads while 200 calls are logged would block the console.
    console.setProcessChannelMode(QProcess::MergedChannels);
    console.setStandardOutputFile(logPath);
    console.start(parser.value(hooklineOption),
                  {QStringLiteral("--scenario"), scenario, QStringLiteral("--trace"), tracePath,
                   QStringLiteral("-qwindowgeometry"), QStringLiteral("1280x800+0+0")});
    if (!console.waitForStarted(5000)) {
        std::fprintf(stderr, "the console did not start: %s\n", qPrintable(console.errorString()));
        return 2;
    }
    const auto consoleLog = [&logPath] {
        QFile log(logPath);
        return log.open(QIODevice::ReadOnly) ? log.readAll() : QByteArray();
    };
    const auto running = [&console] {
        return console.state() == QProcess::Running;
    };
    const auto end = [&console] {
        if (console.state() == QProcess::NotRunning)
            return;
        console.terminate(); // SIGTERM to its PID: it closes as when its window closes
        if (!console.waitForFinished(30000)) {
            console.kill();
            console.waitForFinished(5000);
        }
    };
    const auto probeLines = [&framesPath] {
        return jsonLines(framesPath).size();
    };
    // Registered (the console logs it; the "is in service" line is the headless runner's).
    if (!waitFor([&] { return !running() || consoleLog().contains("sip/desk registered at"); }, 30000)
        || !running()) {
        std::fprintf(stderr, "the console did not register:\n%s\n", consoleLog().right(3000).constData());
        end();
        return 2;
    }
    QElapsedTimer registered;
    registered.start();
    // The first call, WarmUpMs after that (the scenario's steps count from the registration).
    waitFor([&] { return !running() || registered.elapsed() >= WarmUpMs; }, WarmUpMs + 1000);
    const qsizetype warmStart = probeLines();
    SippEchoCaller warmUp;
    bool warmed = warmUp.start(peers, 1, 1, WarmUpHoldMs, 0, QStringLiteral("PCMU/8000"), &error);
    waitFor([&] { return !warmUp.isRunning(); }, int(LoadStartMs - WarmUpMs) + 20000);
    QString warmOutput;
    warmed = warmUp.finish(1000, &warmOutput) && warmed;
    const qsizetype warmEnd = probeLines();
    // The load, LoadStartMs after the registration.
    waitFor([&] { return !running() || registered.elapsed() >= LoadStartMs; }, LoadStartMs + 1000);
    if (!warmed || registered.elapsed() > LoadStartMs + 1000) {
        std::fprintf(stderr, "the first call did not go as planned (%s):\n%s\n", qPrintable(error),
                     qPrintable(warmOutput));
        end();
        return 2;
    }
    if (!running() || probeLines() < 1) {
        std::fprintf(stderr, "the console did not draw:\n%s\n", consoleLog().right(3000).constData());
        end();
        return 2;
    }
    std::printf("bench_sip_console: %d calls at %d/s through Kamailio into the console (%s), every call up "
                "%d s\n",
                calls, rate, x11 ? "on $DISPLAY" : "offscreen", seconds);
    std::fflush(stdout);
    const qsizetype loadStart = probeLines();
    SippEchoCaller sipp;
    bool ok = sipp.start(peers, calls, rate, holdMs, 0, QStringLiteral("PCMU/8000"), &error);
    qsizetype upStart = -1;
    qsizetype upEnd = -1;
    if (ok && waitFor([&] { return !running() || connectedCalls(tracePath) >= calls + 1; }, rampMs + 30000)
        && running()) {
        upStart = probeLines();
        waitFor([&] { return !running() || probeLines() >= upStart + seconds; }, seconds * 1000 + 10000);
        upEnd = probeLines();
    }
    waitFor([&] { return !sipp.isRunning(); }, holdMs + rampMs + 60000);
    QString output;
    ok = sipp.finish(1000, &output) && ok;
    const qsizetype loadEnd = probeLines();
    // One more second, then close the console.
    waitFor([&] { return !running() || probeLines() > loadEnd; }, 5000);
    const bool stillRunning = running();
    const int connected = connectedCalls(tracePath);
    end();

    const QList<Second> all = probeSeconds(framesPath);
    double firstCallStall = 0;
    printFigures("the first call (not in the verdict)", all.mid(warmStart, warmEnd - warmStart),
                 &firstCallStall);
    std::printf("  %d of %d calls connected in the console%s\n", connected - 1, calls,
                stillRunning ? "" : "; the console ended before the load did");
    double worstStall = 0;
    printFigures("the load (first call placed to last hung up)", all.mid(loadStart, loadEnd - loadStart),
                 &worstStall);
    if (upStart >= 0)
        printFigures("every call up", all.mid(upStart, upEnd - upStart), &worstStall);
    std::fflush(stdout);
    bool pass = ok && stillRunning && connected == calls + 1;
    if (!pass)
        std::fprintf(stderr, "the load did not run as asked (%s):\n%s\n--- console\n%s\n", qPrintable(error),
                     qPrintable(output), consoleLog().right(3000).constData());
    if (expectStall) {
        // The self-test: the stall made on purpose must be caught.
        if (worstStall >= maxStallMs) {
            std::printf("the check caught the stall made on purpose: %.1f ms (the bound: under %.0f ms)\n",
                        worstStall, maxStallMs);
        } else {
            std::printf(
                "FAIL: no stall of %.0f ms or more seen (longest %.1f ms), though the console was made "
                "to block\n",
                maxStallMs, worstStall);
            pass = false;
        }
    } else if (maxStallMs > 0 && worstStall >= maxStallMs) {
        std::printf("FAIL: a GUI-thread stall of %.1f ms (the bound: under %.0f ms)\n", worstStall,
                    maxStallMs);
        pass = false;
    }
    return pass ? 0 : 1;
}
