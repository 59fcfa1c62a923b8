#pragma once

#include "Scenario.h"
#include "ScenarioReader.h"

#include <QtCore/qjsonobject.h>

// The scenario's SIP lines (docs/scenario-format.md, "SIP lines"): their keys, and the steps that only
// a simulated line can take.
namespace ScenarioSipLines {

// Whether the build can serve SIP lines (the SIP provider was built).
bool available();
// A line object with "provider": "sip": the account's keys with their JSON types, then the SIP
// provider's own checks, each refusal at the offending key's position.
bool read(ScenarioReader &r, const QJsonObject &o, const QString &path, ScenarioSipLine *line);
// Refuses steps that act through the simulated switch on a SIP line (offer, lineService, closeLine) and
// `incoming` on a line that is not a SIP line, naming the step's key.
bool checkStep(ScenarioReader &r, const Scenario &scenario, const ScenarioStep &step, const QString &path);
// Refuses `remote: state` for a session on a SIP line (its far end is a real phone: the network reports
// its states). Sessions are followed by their labels: `incoming` and `makeCall` on a SIP line, and the
// labels a step on such a session adds (`as`, `consultAs` of a consult or conference, `openHandle`).
// `scenario.steps` in file order; the refusal names the step's `session` key.
bool checkRemoteStates(ScenarioReader &r, const Scenario &scenario);

} // namespace ScenarioSipLines
