// Registry test plugin: line IID but 'phone' metadata.
#include "TestLineProvider.h"
#include "providers/LineProviderPlugin.h"

class KindMismatchPlugin : public QObject, public LineProviderPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "org.hookline.LineProviderPlugin/1.1" FILE "kind-mismatch.json")
    Q_INTERFACES(LineProviderPlugin)

public:
    LineProvider *createLineProvider(const QVariantMap &, QObject *parent, QString *) override
    {

        return new TestLineProvider(parent);
    }
};

#include "kind_mismatch_plugin.moc"
