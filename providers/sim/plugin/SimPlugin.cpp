#include "SimPlugin.h"

#include "Scenario.h"
#include "SimProvider.h"

LineProvider *SimPlugin::createLineProvider(const QVariantMap &config, QObject *parent, QString *error)
{
    const QString path = config.value(QStringLiteral("scenario")).toString();
    if (path.isEmpty()) {
        *error = QStringLiteral("the simulated provider needs a scenario file");
        return nullptr;
    }
    Scenario scenario;
    if (!ScenarioLoader::loadFile(path, &scenario, error))
        return nullptr;
    return new SimProvider(scenario, parent);
}
