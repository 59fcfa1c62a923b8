#pragma once

#include "providers/LineProviderPlugin.h"

#include <QtCore/qobject.h>

class SoundLinePlugin : public QObject, public LineProviderPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "org.hookline.LineProviderPlugin/1.1" FILE "soundline.json")
    Q_INTERFACES(LineProviderPlugin)

public:
    // config: one line's keys (docs/provider-guide.md, "Sound-card line"), or "lines": [ {...}, ... ].
    LineProvider *createLineProvider(const QVariantMap &config, QObject *parent, QString *error) override;
};
