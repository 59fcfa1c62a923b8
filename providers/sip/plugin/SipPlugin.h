#pragma once

#include "providers/LineProviderPlugin.h"

#include <QtCore/qobject.h>

class SipPlugin : public QObject, public LineProviderPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "org.hookline.LineProviderPlugin/1.1" FILE "sip.json")
    Q_INTERFACES(LineProviderPlugin)

public:
    // config: "accounts": [ {account keys}, ... ] (docs/provider-guide.md, "SIP lines"), or one
    // account's keys; "retrySeconds": seconds between registration attempts while they fail (30).
    LineProvider *createLineProvider(const QVariantMap &config, QObject *parent, QString *error) override;
};
