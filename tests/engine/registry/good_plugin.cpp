// Registry test plugin: a well-formed line provider.
#include "TestLineProvider.h"
#include "providers/LineProviderPlugin.h"

class GoodPlugin : public QObject, public LineProviderPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "org.hookline.LineProviderPlugin/1.1" FILE "good.json")
    Q_INTERFACES(LineProviderPlugin)

public:
    LineProvider *createLineProvider(const QVariantMap &, QObject *parent, QString *) override
    {

        return new TestLineProvider(parent);
    }
};

#include "good_plugin.moc"
