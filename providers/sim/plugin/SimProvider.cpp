#include "SimProvider.h"

#include "session/CallEngine.h"

SimProvider::SimProvider(const Scenario &scenario, QObject *parent)
    : SimSwitch(parent)
    , m_name(scenario.name)
    , m_wallClock(scenario.wallClock())
    , m_runner(new ScenarioRunner(scenario, this, this))
{
    m_runner->configureSwitch();
    QVariantList accounts;
    for (const ScenarioSipLine &line : scenario.sipLines)
        accounts.append(line.account);
    if (!accounts.isEmpty())
        m_otherLines.insert(QStringLiteral("sip"), QVariantMap {{QStringLiteral("accounts"), accounts}});
}

void SimProvider::play(CallEngine *engine, bool realTime, std::function<void(const Result &)> finished)
{
    // Headless runs keep the scenario's virtual time in every timestamp, so traces are deterministic. The
    // console runs on the wall clock: the calls it writes to the history happened now, not at the
    // scenario's epoch (the virtual clock only schedules the far ends' steps there).
    if (!realTime && !m_wallClock)
        engine->setClock(&clock());
    m_runner->play(engine, realTime, std::move(finished));
}
