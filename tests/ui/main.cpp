// Qt Quick Test runner: the real Hookline.Ui components bound to a real engine on the simulated
// switch (SimDriver), offscreen.
#include "SimDriver.h"

#include <QtCore/qcoreapplication.h>
#include <QtQml/qqmlengine.h>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickControls2/qquickstyle.h>
#include <QtQuickTest/quicktest.h>

Q_IMPORT_QML_PLUGIN(Hookline_UiPlugin)

class Setup : public QObject
{
    Q_OBJECT

public:
    Setup() = default;

public Q_SLOTS:
    void applicationAvailable()
    {
        QQuickStyle::setStyle(QStringLiteral("Fusion"));
        // As the console: ConsoleSettings reads and writes one QSettings store (the test's XDG_CONFIG_HOME).
        QCoreApplication::setOrganizationName(QStringLiteral("Hookline"));
        m_driver = new SimDriver(this);
    }
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        // As the console (ConsoleApp::showConsole): the modules compiled into this executable and the engine
        // library, never the build folder's copies.
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        m_driver->attachTo(engine);
    }

private:
    SimDriver *m_driver = nullptr;
};

QUICK_TEST_MAIN_WITH_SETUP(hookline_ui, Setup)

#include "main.moc"
