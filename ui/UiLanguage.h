#pragma once

#include <QtCore/qlist.h>
#include <QtCore/qobject.h>
#include <QtCore/qpointer.h>
#include <QtCore/qstring.h>
#include <QtQml/qqmlregistration.h>

#include <memory>

class QJSEngine;
class QQmlEngine;
class QTranslator;
class ConsoleSettings;

// The user interface language: the catalogues compiled into the executable (:/i18n, ui/CMakeLists.txt) and
// Qt's own, installed on the application. The console (main.cpp) and the Qt Quick tests load languages only
// through apply(), so the tests see what ships. The choice in Settings is the setting ui/language (""
// follows the system); `--lang` overrides it for one run. A new choice applies at once: every QML engine that
// uses this singleton is retranslated.
class UiLanguage : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    // The stored choice: "" (the system's language), "en" or "zh_TW". Setting it stores and applies it.
    Q_PROPERTY(QString choice READ choice WRITE setChoice NOTIFY choiceChanged FINAL)
    // The language of the catalogue in use ("en", "zh_TW"), "" when none matched (the source strings show).
    Q_PROPERTY(QString current READ current NOTIFY currentChanged FINAL)
    // The catalogue in use, e.g. ":/i18n/hookline_zh_TW.qm" (compiled into the executable), or "".
    Q_PROPERTY(QString catalogue READ catalogue NOTIFY currentChanged FINAL)
    // The --lang of this run while it overrides the stored choice, else "".
    Q_PROPERTY(QString commandLineOverride READ commandLineOverride NOTIFY commandLineOverrideChanged FINAL)

public:
    ~UiLanguage() override;

    // The one instance (created on first use, owned by the application object).
    static UiLanguage *instance();
    static UiLanguage *create(QQmlEngine *qml, QJSEngine *);

    // The settings that keep the choice (outlive this object); without them the choice is "" and not kept.
    void useSettings(ConsoleSettings *settings);
    // An engine whose QML follows the language (retranslated on every change).
    void attachEngine(QQmlEngine *qml);
    // At start-up: the --lang value when given (it wins for this run), else the stored choice.
    void start(const QString &commandLineLanguage);
    // Installs the catalogues of `language` ("" = the system locale), makes it the default locale and
    // retranslates the attached engines. Returns false when the console has no catalogue for it (the source
    // strings show).
    bool apply(const QString &language);

    QString choice() const;
    void setChoice(const QString &language);
    QString current() const { return m_current; }
    QString catalogue() const { return m_catalogue; }
    QString commandLineOverride() const { return m_override; }

Q_SIGNALS:
    void choiceChanged();
    void currentChanged();
    void commandLineOverrideChanged();

private:
    explicit UiLanguage(QObject *parent);
    bool load(const QString &language);
    void retranslate();

    std::unique_ptr<QTranslator> m_translator;
    std::unique_ptr<QTranslator> m_qtTranslator;
    QString m_current;
    QString m_catalogue;
    QString m_override;
    QList<QPointer<QQmlEngine>> m_engines;
    QPointer<ConsoleSettings> m_settings;
};
