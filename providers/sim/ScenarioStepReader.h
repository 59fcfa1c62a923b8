#pragma once

#include "ScenarioReader.h"

#include <QtCore/qjsonvalue.h>

struct ScenarioStep;

// One entry of a scenario's "steps" at `path` ("/steps/3"): false, with the reader's error naming the line
// and column, when it does not follow docs/scenario-format.md.
bool readScenarioStep(ScenarioReader &r, const QJsonValue &value, const QString &path, ScenarioStep *step);
