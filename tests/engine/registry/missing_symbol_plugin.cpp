// Registry test plugin: needs a data symbol no library defines, so loading it fails.
#include "TestLineProvider.h"
#include "providers/LineProviderPlugin.h"

// Defined nowhere: the dynamic loader cannot resolve it, so dlopen() refuses the library.
extern "C" int hookline_symbol_defined_nowhere;
class MissingSymbolPlugin : public QObject, public LineProviderPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "org.hookline.LineProviderPlugin/1.1" FILE "missing-symbol.json")
    Q_INTERFACES(LineProviderPlugin)

public:
    LineProvider *createLineProvider(const QVariantMap &, QObject *parent, QString *) override
    {
        hookline_symbol_defined_nowhere++;
        return new TestLineProvider(parent);
    }
};

#include "missing_symbol_plugin.moc"
