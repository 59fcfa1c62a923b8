// Registry test plugin: metadata without a name and with a numeric id.
#include "TestLineProvider.h"
#include "providers/LineProviderPlugin.h"

class BadMetadataPlugin : public QObject, public LineProviderPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "org.hookline.LineProviderPlugin/1.1" FILE "bad-metadata.json")
    Q_INTERFACES(LineProviderPlugin)

public:
    LineProvider *createLineProvider(const QVariantMap &, QObject *parent, QString *) override
    {

        return new TestLineProvider(parent);
    }
};

#include "bad_metadata_plugin.moc"
