// Registry test plugin: built against an older interface version.
#include "TestLineProvider.h"
#include "providers/LineProviderPlugin.h"

class OldIidPlugin : public QObject, public LineProviderPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "org.hookline.LineProviderPlugin/0.9" FILE "good-old.json")
    Q_INTERFACES(LineProviderPlugin)

public:
    LineProvider *createLineProvider(const QVariantMap &, QObject *parent, QString *) override
    {

        return new TestLineProvider(parent);
    }
};

#include "old_iid_plugin.moc"
