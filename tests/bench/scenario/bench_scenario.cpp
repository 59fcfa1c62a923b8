// Prints how long ScenarioLoader::loadFile takes for generated scenarios with N steps (a tenth of N,
// half of N and N), and the time per step, so a cost that grows faster than the file shows at once.
//   bench_scenario [--steps N]   (100000)

#include "Scenario.h"

#include <QtCore/qcoreapplication.h>
#include <QtCore/qelapsedtimer.h>
#include <QtCore/qfile.h>
#include <QtCore/qtemporarydir.h>

#include <cstdio>

namespace {
// One call per four steps: offer, answer, expect CONNECTED, hang up; one step a line.
QByteArray scenarioWithSteps(int steps)
{
    QByteArray json = R"({"name": "bench", "lines": [{"id": "l"}], "farEnds": [{"id": "a"}], "steps": [)";
    json += '\n';
    for (int i = 0; i < steps; ++i) {
        const QByteArray at = QByteArray::number(i * 10);
        const QByteArray session = "s" + QByteArray::number(i / 4);
        switch (i % 4) {
        case 0:
            json +=
                R"(  {"at": )" + at + R"(, "offer": {"line": "l", "from": "a", "as": ")" + session + "\"}}";
            break;
        case 1:
            json += R"(  {"at": )" + at + R"(, "agent": "answer", "session": ")" + session + "\"}";
            break;
        case 2:
            json += R"(  {"at": )" + at + R"(, "expect": {"session": ")" + session
                + R"(", "state": "CONNECTED"}})";
            break;
        default:
            json += R"(  {"at": )" + at + R"(, "remote": "hangup", "farEnd": "a"})";
        }
        json += i + 1 < steps ? ",\n" : "\n";
    }
    return json + "]}\n";
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    int steps = 100000;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--steps") && i + 1 < args.size()) {
            steps = args.at(++i).toInt();
        } else {
            std::fprintf(stderr, "usage: bench_scenario [--steps N]\n");
            return 2;
        }
    }
    if (steps < 10) {
        std::fprintf(stderr, "bench_scenario: --steps must be at least 10\n");
        return 2;
    }
    QTemporaryDir dir;
    for (const int n : {steps / 10, steps / 2, steps}) {
        const QString path = dir.filePath(QStringLiteral("bench-%1.json").arg(n));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(scenarioWithSteps(n)) < 0) {
            std::fprintf(stderr, "bench_scenario: cannot write %s\n", qPrintable(path));
            return 1;
        }
        file.close();
        Scenario scenario;
        QString error;
        QElapsedTimer timer;
        timer.start();
        const bool loaded = ScenarioLoader::loadFile(path, &scenario, &error);
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        if (!loaded || scenario.steps.size() != n) {
            std::fprintf(stderr, "bench_scenario: %s\n", qPrintable(error));
            return 1;
        }
        std::printf("scenario: %7d steps (%6.1f MB) loaded in %9.1f ms, %6.2f us per step\n", n,
                    double(file.size()) / 1e6, ms, ms * 1000.0 / n);
    }
    return 0;
}
