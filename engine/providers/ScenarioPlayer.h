#pragma once

#include <QtCore/qhash.h>
#include <QtCore/qstring.h>
#include <QtCore/qvariant.h>

#include <functional>

class CallEngine;

// Implemented by providers that can replay a scenario (the simulated switch). The headless runner
// and the console reach it with qobject_cast on the provider object.
class ScenarioPlayer
{
public:
    struct Result
    {
        int exitCode = 0; // 0 all expectations held, 1 a mismatch
        QString message;
    };
    virtual ~ScenarioPlayer() = default;
    // Virtual time runs as fast as events allow (headless) or with the wall clock (console).
    virtual void play(CallEngine *engine, bool realTime, std::function<void(const Result &)> finished) = 0;
    virtual QString scenarioName() const = 0;
    // Lines of the scenario another provider serves (its SIP accounts, for instance): the provider's id and
    // the configuration its plugin takes. The application creates and attaches them before play(), which
    // waits until they are in service.
    virtual QHash<QString, QVariantMap> otherProviders() const { return {}; }
};

#define HOOKLINE_SCENARIO_PLAYER_IID "org.hookline.ScenarioPlayer/1.0"
Q_DECLARE_INTERFACE(ScenarioPlayer, HOOKLINE_SCENARIO_PLAYER_IID)
