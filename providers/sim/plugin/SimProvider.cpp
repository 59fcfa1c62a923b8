#include "SimProvider.h"

#include "session/CallEngine.h"

SimProvider::SimProvider(const Scenario &scenario, QObject *parent)
    : SimSwitch(parent)
    , m_name(scenario.name)
    , m_runner(new ScenarioRunner(scenario, this, this))
{
    m_runner->configureSwitch();
}

void SimProvider::play(CallEngine *engine, bool realTime, std::function<void(const Result &)> finished)
{
    engine->setClock(&clock());
    m_runner->play(engine, realTime, std::move(finished));
}
