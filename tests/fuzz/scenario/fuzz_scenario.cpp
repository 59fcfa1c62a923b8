// libFuzzer entry point for scenario files: the loader must either accept the input or reject it
// with "fuzz.json:LINE:COLUMN: ..."; an accepted scenario (up to a minute long) is then played in virtual
// time against the real engine and the console's audio router, where unknown sessions or impossible
// actions must be error events, never crashes.

#include "../FuzzSupport.h"
#include "Scenario.h"
#include "ScenarioRunner.h"
#include "SimSwitch.h"
#include "session/CallEngine.h"

#include <QtCore/qcoreapplication.h>
#include <QtCore/qregularexpression.h>

#include <cstddef>
#include <cstdint>

namespace {

constexpr qint64 MaxPlayedMs = 60000;

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz::application("fuzz_scenario");
    const QByteArray json = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    Scenario scenario;
    QString error;
    if (!ScenarioLoader::loadData(json, QStringLiteral("fuzz.json"), &scenario, &error)) {
        static const QRegularExpression located(QStringLiteral("^fuzz\\.json:\\d+:\\d+: \\S"));
        fuzz::require(located.match(error).hasMatch());
        return 0;
    }
    fuzz::require(error.isEmpty());
    // Every loaded file is played unless it runs past a minute: each connected call's audio is simulated
    // both ways (far end and agent) every 20 ms of virtual time, so a long one costs the fuzzer seconds
    // per input and finds nothing a short one would not.
    if (!scenario.steps.isEmpty() && scenario.steps.last().at > MaxPlayedMs)
        return 0;

    SimSwitch sim;
    ScenarioRunner runner(scenario, &sim);
    runner.configureSwitch();
    CallEngine engine(nullptr);
    engine.setClock(&sim.clock());
    engine.attachProvider(&sim);
    bool finished = false;
    int exitCode = -1;
    runner.play(&engine, false, [&](const ScenarioPlayer::Result &result) {
        finished = true;
        exitCode = result.exitCode;
    });
    // Virtual time: every step is due at once, so this ends quickly; a hang is libFuzzer's -timeout.
    while (!finished)
        QCoreApplication::processEvents(QEventLoop::AllEvents);
    fuzz::require(exitCode == 0 || exitCode == 1); // 2 is for files that do not load
    engine.detachProviders();
    return 0;
}
