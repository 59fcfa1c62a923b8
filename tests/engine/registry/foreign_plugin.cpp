// Registry test plugin: some other application's plugin.
#include "TestLineProvider.h"
#include "providers/LineProviderPlugin.h"

class ForeignPlugin : public QObject, public LineProviderPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "org.example.SpreadsheetPlugin/1.0" FILE "foreign.json")
    Q_INTERFACES(LineProviderPlugin)

public:
    LineProvider *createLineProvider(const QVariantMap &, QObject *parent, QString *) override
    {

        return new TestLineProvider(parent);
    }
};

#include "foreign_plugin.moc"
