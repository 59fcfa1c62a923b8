// A child process for tst_recorder: records tones (WAV, FLAC or Ogg/Opus by the file's name) until it is killed (mode "run") or until
// the file size limit it sets on itself makes a write fail (mode "limit BYTES"). It reports on stdout, one
// line per event, so the parent waits on output rather than on time.
#include "ToneAnalysis.h"

#include "audio/Recorder.h"

#include <QtCore/qcoreapplication.h>
#include <QtCore/qthread.h>

#include <csignal>
#include <cstdio>
#include <sys/resource.h>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 3)
        return 2;
    const QByteArray mode = argv[1];
    const QString path = QString::fromLocal8Bit(argv[2]);
    if (mode == "limit" && argc >= 4) {
        // EFBIG from write() instead of death by SIGXFSZ: what a full disk looks like to the recorder.
        std::signal(SIGXFSZ, SIG_IGN);
        const rlim_t bytes = rlim_t(QByteArray(argv[3]).toLongLong());
        const rlimit limit {bytes, bytes};
        if (setrlimit(RLIMIT_FSIZE, &limit) != 0)
            return 3;
    }

    constexpr int rate = 8000;
    const QByteArray caller = ToneAnalysis::sine(1000.0, -6.0, rate, 1.0);
    const QByteArray agent = ToneAnalysis::sine(440.0, -12.0, rate, 1.0);
    Recorder recorder;
    QObject::connect(&recorder, &Recorder::failed, [](const QString &message) {
        std::printf("failed %s\n", qPrintable(message));
        std::fflush(stdout);
    });
    // The format follows the name: .flac, .opus or WAV.
    const Recorder::Format format = path.endsWith(QLatin1String(".flac")) ? Recorder::Flac
        : path.endsWith(QLatin1String(".opus"))                           ? Recorder::OggOpus
                                                                          : Recorder::Wav;
    if (!recorder.start(path, format, Recorder::CallerLeftAgentRight, rate,
                        {QStringLiteral("child"), {}, {}, {}}))
        return 4;
    const auto callerSamples = ToneAnalysis::samplesOf(caller);
    const auto agentSamples = ToneAnalysis::samplesOf(agent);
    constexpr size_t block = rate / 50; // 20 ms, as the bridge delivers it
    for (int second = 1; second <= 600 && recorder.state() == Recorder::Recording; ++second) {
        for (size_t at = 0; at + block <= callerSamples.size(); at += block)
        {
            recorder.write(callerSamples.subspan(at, block), agentSamples.subspan(at, block));
            // "run" is a call: blocks arrive in real time, so the parent's kill lands mid-recording
            // (unpaced, the child wrote its 600 s and exited before the parent could kill it).
            if (mode == "run")
                QThread::msleep(20);
        }
        std::printf("seconds %d\n", second);
        std::fflush(stdout);
    }
    return recorder.state() == Recorder::Failed ? 0 : 5;
}
