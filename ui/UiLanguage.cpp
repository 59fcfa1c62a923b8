#include "UiLanguage.h"

#include "settings/ConsoleSettings.h"
#include <QtCore/qcoreapplication.h>
#include <QtCore/qlibraryinfo.h>
#include <QtCore/qlocale.h>
#include <QtCore/qloggingcategory.h>
#include <QtCore/qtranslator.h>
#include <QtQml/qqmlengine.h>

Q_LOGGING_CATEGORY(lcLanguage, "hookline.ui.language", QtWarningMsg)

namespace {
// Where ui/CMakeLists.txt compiles the catalogues in (qt_add_translations, RESOURCE_PREFIX).
const QString CatalogueFolder = QStringLiteral(":/i18n");

QPointer<UiLanguage> s_instance;
} // namespace

UiLanguage::UiLanguage(QObject *parent)
    : QObject(parent)
{ }

UiLanguage::~UiLanguage() = default; // an installed QTranslator removes itself

UiLanguage *UiLanguage::instance()
{
    Q_ASSERT_X(QCoreApplication::instance(), "UiLanguage", "needs the application object");
    if (!s_instance)
        s_instance = new UiLanguage(QCoreApplication::instance());
    return s_instance.data();
}

UiLanguage *UiLanguage::create(QQmlEngine *qml, QJSEngine *)
{
    UiLanguage *language = instance();
    QJSEngine::setObjectOwnership(language, QJSEngine::CppOwnership);
    language->attachEngine(qml);
    return language;
}

void UiLanguage::attachEngine(QQmlEngine *qml)
{
    if (qml && !m_engines.contains(qml))
        m_engines.append(qml);
}

void UiLanguage::start(const QString &commandLineLanguage)
{
    if (commandLineLanguage != m_override) {
        m_override = commandLineLanguage;
        Q_EMIT commandLineOverrideChanged();
    }
    apply(commandLineLanguage.isEmpty() ? choice() : commandLineLanguage);
}

bool UiLanguage::apply(const QString &language)
{
    const bool loaded = load(language);
    retranslate();
    return loaded;
}

bool UiLanguage::load(const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    // Replaced, not reloaded: a QTranslator that failed to load keeps nothing, one that loaded keeps its
    // file.
    if (m_translator)
        QCoreApplication::removeTranslator(m_translator.get());
    if (m_qtTranslator)
        QCoreApplication::removeTranslator(m_qtTranslator.get());
    m_translator = std::make_unique<QTranslator>();
    m_qtTranslator = std::make_unique<QTranslator>();
    const bool loaded =
        m_translator->load(locale, QStringLiteral("hookline"), QStringLiteral("_"), CatalogueFolder);
    if (loaded)
        QCoreApplication::installTranslator(m_translator.get());
    // Qt's own strings (standard dialogs, context menus), from the system's Qt translations when installed.
    if (m_qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                             QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(m_qtTranslator.get());
    QLocale::setDefault(locale);

    const QString current = loaded ? m_translator->language() : QString();
    const QString catalogue = loaded ? m_translator->filePath() : QString();
    qCInfo(lcLanguage) << "language"
                       << (language.isEmpty() ? QStringLiteral("system: ") + locale.name() : language)
                       << "catalogue" << catalogue;
    if (!loaded)
        qCInfo(lcLanguage) << "no catalogue for" << locale.name() << "in" << CatalogueFolder
                           << "; the English source strings show";
    if (current != m_current || catalogue != m_catalogue) {
        m_current = current;
        m_catalogue = catalogue;
        Q_EMIT currentChanged();
    }
    return loaded;
}

void UiLanguage::useSettings(ConsoleSettings *settings)
{
    m_settings = settings;
    connect(settings->setting(SettingsSchema::Language), &Setting::valueChanged, this,
            &UiLanguage::choiceChanged, Qt::UniqueConnection);
}

QString UiLanguage::choice() const
{
    return m_settings ? m_settings->language() : QString();
}

void UiLanguage::setChoice(const QString &language)
{
    const bool changed = language != choice();
    if (changed && (!m_settings || !m_settings->setValue(SettingsSchema::Language, language)))
        return; // pinned by the administrator, or not a language of the console
    const bool wasOverridden = !m_override.isEmpty();
    if (wasOverridden) {
        m_override.clear();
        Q_EMIT commandLineOverrideChanged();
    }
    // choiceChanged comes from the setting (it also follows a change made elsewhere).
    if (changed || wasOverridden) {
        load(language);
        // After the QML handler that made the choice has returned: its own bindings retranslate too.
        QMetaObject::invokeMethod(this, &UiLanguage::retranslate, Qt::QueuedConnection);
    }
}

void UiLanguage::retranslate()
{
    for (const QPointer<QQmlEngine> &engine : std::as_const(m_engines)) {
        if (engine)
            engine->retranslate();
    }
}
