#pragma once

#include "providers/LineProviderPlugin.h"

#include <QtCore/qobject.h>

class SimPlugin : public QObject, public LineProviderPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "org.hookline.LineProviderPlugin/1.1" FILE "sim.json")
    Q_INTERFACES(LineProviderPlugin)

public:
    // config: "scenario" = path of a scenario file (required).
    LineProvider *createLineProvider(const QVariantMap &config, QObject *parent, QString *error) override;
};
