#pragma once

#include "Scenario.h"
#include "ScenarioRunner.h"
#include "SimSwitch.h"
#include "providers/ScenarioPlayer.h"

// The simulated switch as the plugin hands it out: a line provider that can also replay its scenario.
class SimProvider : public SimSwitch, public ScenarioPlayer
{
    Q_OBJECT
    Q_INTERFACES(ScenarioPlayer)

public:
    SimProvider(const Scenario &scenario, QObject *parent);
    void play(CallEngine *engine, bool realTime, std::function<void(const Result &)> finished) override;
    QString scenarioName() const override { return m_name; }
    QHash<QString, QVariantMap> otherProviders() const override { return m_otherLines; }

private:
    QString m_name;
    bool m_wallClock = false;
    QHash<QString, QVariantMap> m_otherLines;
    ScenarioRunner *m_runner;
};
