// bench_sip: the SIP line provider's figures (issue 15), against real peers on loopback: Kamailio as
// registrar and proxy, baresip far ends, sipp as caller and load generator. Prints
//   (1) the console's CPU per call-second against baresip's on the same calls, per codec;
//   (2) the audio delay the console adds each way (a burst from the agent's microphone, echoed by the far
//       end, back in the earpiece: round trip and half);
//   (3) many concurrent calls answered at once: audio gaps, the GUI thread's timer intervals, CPU;
//   (4) set-up times INVITE to 200 OK as sipp sees them (auto-answer), unloaded and under load.
// Figures, not pass/fail (exit 1 only when a run could not happen). Defaults are the documented run
// (docs/benchmarks.md); the ctest smoke run passes small counts.
#include "SipBench.h"
#include "SipLoopbackConsole.h"
#include "SipLoopbackPeers.h"
#include "lines/Line.h"

#include <QtCore/qcommandlineparser.h>
#include <QtCore/qcoreapplication.h>
#include <QtCore/qloggingcategory.h>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    // The figures on stdout; the provider's per-call notes would bury them (warnings still show).
    QLoggingCategory::setFilterRules(QStringLiteral("hookline.*.info=false\nhookline.*.debug=false"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("SIP line figures against Kamailio, baresip and sipp"));
    parser.addHelpOption();
    const QCommandLineOption callsOption(QStringLiteral("calls"),
                                         QStringLiteral("CPU phase: comma-separated call counts (1)."),
                                         QStringLiteral("list"), QStringLiteral("1"));
    const QCommandLineOption secondsOption(
        QStringLiteral("seconds"), QStringLiteral("CPU phase: seconds measured per run (15, at most 17)."),
        QStringLiteral("s"), QStringLiteral("15"));
    const QCommandLineOption latencyOption(QStringLiteral("latency-seconds"),
                                           QStringLiteral("Latency phase: seconds per codec (10)."),
                                           QStringLiteral("s"), QStringLiteral("10"));
    const QCommandLineOption loadOption(QStringLiteral("load"),
                                        QStringLiteral("Load phase: concurrent calls (200)."),
                                        QStringLiteral("n"), QStringLiteral("200"));
    const QCommandLineOption rateOption(QStringLiteral("rate"),
                                        QStringLiteral("Load phase: calls placed per second (20)."),
                                        QStringLiteral("n"), QStringLiteral("20"));
    const QCommandLineOption loadSecondsOption(QStringLiteral("load-seconds"),
                                               QStringLiteral("Load phase: seconds with every call up (10)."),
                                               QStringLiteral("s"), QStringLiteral("10"));
    const QCommandLineOption farEndOption(
        QStringLiteral("far-end"),
        QStringLiteral("CPU phase: what baresip does with the call's audio: play (plays what it hears and "
                       "captures it back, as the console plays and captures) or tone (says a tone file, "
                       "plays nothing). Both: play,tone (play)."),
        QStringLiteral("list"), QStringLiteral("play"));
    const QCommandLineOption phasesOption(QStringLiteral("phases"),
                                          QStringLiteral("Phases to run: cpu,latency,setup,load (all)."),
                                          QStringLiteral("list"), QStringLiteral("cpu,latency,setup,load"));
    parser.addOptions({phasesOption, callsOption, secondsOption, farEndOption, latencyOption, loadOption,
                       rateOption, loadSecondsOption});
    parser.process(app);

    SipLoopbackPeers peers;
    // Registrations of an hour, as a real registrar grants (the SIP tests' 8 s makes refreshes race calls).
    peers.setMaxExpires(3600);
    QString error;
    if (!peers.isValid() || !peers.kamailioPort() || !peers.farEndPort()
        || !peers.prepareKamailio({{QStringLiteral("agent1"), QStringLiteral("secret1")}}, &error)
        || !peers.startKamailio(&error)) {
        std::fprintf(stderr, "Kamailio: %s\n", qPrintable(error));
        return 1;
    }
    SipLoopbackConsole console(&peers);
    if (!console.start({{{QStringLiteral("user"), QStringLiteral("agent1")},
                         {QStringLiteral("password"), QStringLiteral("secret1")}}},
                       &error)) {
        std::fprintf(stderr, "console: %s\n", qPrintable(error));
        return 1;
    }
    Line *line = console.line(QStringLiteral("agent1"));
    if (!line || !SipBench::waitFor([line] { return line->inService(); }, 15000)) {
        std::fprintf(stderr, "agent1 did not register:\n%s\n", qPrintable(peers.kamailioLog()));
        return 1;
    }

    bool ok = true;
    const QStringList phases = parser.value(phasesOption).split(QLatin1Char(','), Qt::SkipEmptyParts);
    const double seconds = parser.value(secondsOption).toDouble();
    if (phases.contains(QStringLiteral("cpu")))
        std::printf(
            "(1) CPU per call-second, the console (this process: engine, libre thread, mixer) and baresip "
            "on the same calls\n");
    for (const QString &codec : {QStringLiteral("PCMU/8000/1"), QStringLiteral("opus/48000/2")}) {
        if (!phases.contains(QStringLiteral("cpu")))
            break;
        for (const QString &farEnd : parser.value(farEndOption).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            if (farEnd != QLatin1String("play") && farEnd != QLatin1String("tone")) {
                std::fprintf(stderr, "--far-end: play or tone, not %s\n", qPrintable(farEnd));
                return 2;
            }
            for (const QString &count : parser.value(callsOption).split(QLatin1Char(','), Qt::SkipEmptyParts))
                ok = SipBench::runCpu(peers, console, codec, count.toInt(), seconds,
                                      farEnd == QLatin1String("play"))
                    && ok;
        }
    }
    if (phases.contains(QStringLiteral("latency"))) {
        std::printf("(2) audio delay the console adds (buffer twin headset, sipp echoing on loopback)\n");
        const double latencySeconds = parser.value(latencyOption).toDouble();
        ok = SipBench::runLatency(peers, console, 0, QStringLiteral("PCMU/8000"), latencySeconds) && ok;
        ok = SipBench::runLatency(peers, console, 111, QStringLiteral("opus/48000/2"), latencySeconds) && ok;
    }
    if (phases.contains(QStringLiteral("setup"))) {
        std::printf("(4) set-up time, a few calls at 10 per second\n");
        ok = SipBench::runLoad(peers, console, 10, 10, 1) && ok;
    }
    if (phases.contains(QStringLiteral("load"))) {
        std::printf("(3, 4) load\n");
        ok = SipBench::runLoad(peers, console, parser.value(loadOption).toInt(),
                               parser.value(rateOption).toInt(), parser.value(loadSecondsOption).toDouble())
            && ok;
    }
    if (!ok)
        std::fprintf(stderr, "--- Kamailio's log, its end:\n%s\n", qPrintable(peers.kamailioLog()));
    console.stop();
    return ok ? 0 : 1;
}
