#pragma once

#include <QtCore/qobject.h>
#include <QtCore/qvariant.h>

class LineProvider;

// The Qt plugin interface of every line provider. The IID carries the interface version: a plugin
// built against another version is refused by the registry before it is instantiated.
#define HOOKLINE_LINE_PROVIDER_IID "org.hookline.LineProviderPlugin/1.1"

class LineProviderPlugin
{
public:
    virtual ~LineProviderPlugin() = default;
    // The returned object is a QObject implementing LineProvider, owned by `parent`.
    // Returns nullptr with *error set when the configuration is unusable.
    virtual LineProvider *createLineProvider(const QVariantMap &config, QObject *parent, QString *error) = 0;
};

Q_DECLARE_INTERFACE(LineProviderPlugin, HOOKLINE_LINE_PROVIDER_IID)
