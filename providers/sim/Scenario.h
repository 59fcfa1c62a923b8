#pragma once

#include "SimFarEnd.h"
#include "SimSwitch.h"

#include <QtCore/qjsonobject.h>
#include <QtCore/qlist.h>
#include <QtCore/qstring.h>
#include <QtCore/qvariant.h>

// A scenario file, loaded and checked. See docs/scenario-format.md for the format.
struct ScenarioStep
{
    enum Kind { Offer, Agent, Remote, Expect, LineService, CloseLine, Incoming };
    Kind kind = Agent;
    qint64 at = 0; // ms after the start
    QString verb; // agent action or remote event
    QJsonObject args;
    QString where; // "file:line:column" of the step, for messages
};

// The agent's side in a headless (virtual-time) run: what the agent's microphone says and what a held
// call plays. Names as written with their positions; loadMedia() decodes and resolves them.
struct ScenarioAgent
{
    // The party name `heard` uses for the agent's earpiece.
    static constexpr auto PartyName = "agent";
    QString playFile;
    bool playLoop = false;
    QString musicOnHoldFile;
    QString playWhere;
    QString musicOnHoldWhere;
    std::shared_ptr<const std::vector<int16_t>> playSamples; // at SimAgentAudio::SampleRate
    QString musicOnHoldPath;
};

// A line of the scenario that is a SIP account ("provider": "sip"): the SIP provider plugin serves it with
// the account's keys (docs/provider-guide.md, "SIP lines"); its far ends are real phones.
struct ScenarioSipLine
{
    static constexpr qint64 DefaultRegisterTimeoutMs = 10000;
    QString id; // the scenario's line id; the engine's is "sip/<id>"
    QVariantMap account; // the plugin's account keys, values as the settings file gives them (text)
    qint64 registerTimeoutMs = DefaultRegisterTimeoutMs;
    QString where;
};

struct Scenario
{
    QString name;
    QString description;
    qint64 commandLatencyMs = 0;
    QList<SimSwitch::LineSetup> lines;
    QList<SimFarEnd> farEnds;
    QList<ScenarioSipLine> sipLines;
    ScenarioAgent agent;
    QList<ScenarioStep> steps; // sorted by time, stable

    // A scenario with a SIP line runs on the wall clock: its far ends are outside the console.
    bool wallClock() const { return !sipLines.isEmpty(); }
    bool isSipLine(const QString &id) const;
    // The engine's id of the scenario's line `id`: "sip/<id>" for a SIP line, else "sim/<id>".
    QString engineLineId(const QString &id) const;
};

class ScenarioLoader
{
public:
    // Arrays and objects nest at most this deep (a scenario needs five levels); deeper files are
    // refused at the first bracket past it.
    static constexpr int MaxNesting = 64;
    // Returns false with a message "FILE:LINE:COLUMN: what was expected" on bad input.
    static bool loadFile(const QString &path, Scenario *scenario, QString *error);
    // Checks the file's text only: no sound file is read or written (the fuzz target relies on it).
    static bool loadData(const QByteArray &json, const QString &fileName, Scenario *scenario, QString *error);
    // Decodes the far ends' `play` files and resolves `record` names, relative to `baseDir`; errors name
    // the key's position ("FILE:LINE:COLUMN: FILE.wav: not a sound file ..."). A `record` file that
    // exists already is refused, as the console's recorder refuses it. loadFile() calls it.
    static bool loadMedia(Scenario *scenario, const QString &baseDir, QString *error);
    static QStringList agentActions();
    static QStringList remoteEvents();
};
