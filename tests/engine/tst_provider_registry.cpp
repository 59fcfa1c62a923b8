// The provider registry against a folder of deliberately broken plugins: each is refused with a
// reason and a logged warning, nothing crashes, and the good plugin still loads and runs.
#include "providers/LineProvider.h"
#include "providers/ProviderRegistry.h"
#include "session/CallEngine.h"

#include <QtCore/qdir.h>
#include <QtCore/qregularexpression.h>
#include <QtTest/qtest.h>

#include <memory>

class tst_ProviderRegistry : public QObject
{
    Q_OBJECT

private:
    static QString pluginPath(const QString &base)
    {
        return QDir(QStringLiteral(REGISTRY_PLUGIN_DIR)).filePath(QStringLiteral("lib%1.so").arg(base));
    }
    static ProviderRegistry::Entry entryFor(const QList<ProviderRegistry::Entry> &entries,
                                            const QString &path)
    {
        for (const ProviderRegistry::Entry &entry : entries) {
            if (entry.path == path)
                return entry;
        }
        return {};
    }
    void expectRefusalWarnings()
    {
        // One warning per refused file, naming the file: a refusal is never silent.
        const QStringList refused = {QStringLiteral("bad_metadata_plugin"),
                                     QStringLiteral("foreign_plugin"),
                                     QStringLiteral("garbage"),
                                     QStringLiteral("kind_mismatch_plugin"),
                                     QStringLiteral("not_a_plugin"),
                                     QStringLiteral("old_iid_plugin")};
        for (const QString &name : refused) {
            QTest::ignoreMessage(
                QtWarningMsg,
                QRegularExpression(QStringLiteral("^refusing plugin .*hookline_test_%1\\.so - ").arg(name)));
        }
    }

private Q_SLOTS:
    void verdicts_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("error"); // a fragment of the refusal; empty when usable

        QTest::newRow("well-formed") << "hookline_test_good_plugin"
                                     << "testline"
                                     << "";
        QTest::newRow("older interface version")
            << "hookline_test_old_iid_plugin"
            << "oldline"
            << "unsupported interface version: IID 'org.hookline.LineProviderPlugin/0.9'";
        QTest::newRow("another application's plugin")
            << "hookline_test_foreign_plugin"
            << "sheet"
            << "not a Hookline plugin (IID 'org.example.SpreadsheetPlugin/1.0')";
        QTest::newRow("bad metadata") << "hookline_test_bad_metadata_plugin"
                                      << ""
                                      << "plugin metadata lacks a string 'id' and 'name'";
        QTest::newRow("kind does not match IID") << "hookline_test_kind_mismatch_plugin"
                                                 << "confused"
                                                 << "'kind' is 'phone', which does not match its IID";
        QTest::newRow("library without metadata") << "hookline_test_not_a_plugin"
                                                  << ""
                                                  << "not a Qt plugin (no metadata)";
        QTest::newRow("not a library at all") << "hookline_test_garbage"
                                              << ""
                                              << "not a Qt plugin (no metadata)";
        // The metadata is fine; the broken symbol only shows when it is loaded (see loadFailure).
        QTest::newRow("missing symbol") << "hookline_test_missing_symbol_plugin"
                                        << "broken"
                                        << "";
    }

    void verdicts()
    {
        QFETCH(QString, file);
        QFETCH(QString, id);
        QFETCH(QString, error);

        ProviderRegistry registry;
        expectRefusalWarnings();
        const auto entries = registry.scan({QStringLiteral(REGISTRY_PLUGIN_DIR)});
        QCOMPARE(entries.size(), 8);
        const ProviderRegistry::Entry entry = entryFor(entries, pluginPath(file));
        QCOMPARE(entry.path, pluginPath(file));
        QCOMPARE(entry.id, id);
        if (error.isEmpty()) {
            QCOMPARE(entry.error, QString());
            QVERIFY(!registry.rejections().join(u'\n').contains(file));
        } else {
            QVERIFY2(entry.error.contains(error), qPrintable(entry.error));
            QVERIFY(registry.rejections().contains(QStringLiteral("%1: %2").arg(entry.path, entry.error)));
        }
    }

    void goodPluginRuns()
    {
        ProviderRegistry registry;
        expectRefusalWarnings();
        registry.scan({QStringLiteral(REGISTRY_PLUGIN_DIR)});
        QString error;
        auto owner = std::make_unique<QObject>();
        LineProvider *provider =
            registry.createLineProvider(QStringLiteral("testline"), {}, owner.get(), &error);
        QVERIFY2(provider, qPrintable(error));
        QCOMPARE(provider->providerId(), QStringLiteral("testline"));
        CallEngine engine(nullptr);
        engine.attachProvider(provider);
        QCOMPARE(engine.lines().size(), 1);
        QCOMPARE(engine.lines().constFirst()->lineId(), QStringLiteral("test-1"));
        engine.detachProviders();
    }

    void loadFailure()
    {
        ProviderRegistry registry;
        expectRefusalWarnings();
        registry.scan({QStringLiteral(REGISTRY_PLUGIN_DIR)});
        QString error;
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("^cannot load .*missing_symbol_plugin")));
        QCOMPARE(registry.createLineProvider(QStringLiteral("broken"), {}, nullptr, &error), nullptr);
        QVERIFY2(error.contains(QLatin1String("hookline_symbol_defined_nowhere")), qPrintable(error));
    }

    void refusedPluginsAreNeverInstantiated_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("phone");
        QTest::newRow("older interface version") << "oldline" << false;
        QTest::newRow("kind mismatch as line") << "confused" << false;
        QTest::newRow("kind mismatch as phone") << "confused" << true;
        QTest::newRow("line plugin asked for a phone") << "testline" << true;
        QTest::newRow("unknown id") << "nosuchprovider" << false;
    }

    void refusedPluginsAreNeverInstantiated()
    {
        QFETCH(QString, id);
        QFETCH(bool, phone);
        ProviderRegistry registry;
        expectRefusalWarnings();
        registry.scan({QStringLiteral(REGISTRY_PLUGIN_DIR)});
        QString error;
        const bool created = phone ? registry.createPhoneDevice(id, {}, nullptr, &error) != nullptr
                                   : registry.createLineProvider(id, {}, nullptr, &error) != nullptr;
        QVERIFY(!created);
        QCOMPARE(error, QStringLiteral("no usable %1 provider named '%2'").arg(phone ? "phone" : "line", id));
    }

    void duplicateIdInALaterFolderIsRefused()
    {
        ProviderRegistry registry;
        expectRefusalWarnings();
        expectRefusalWarnings();
        QTest::ignoreMessage(
            QtWarningMsg,
            QRegularExpression(QStringLiteral(
                "^refusing plugin .*good_plugin\\.so - provider id 'testline' already loaded")));
        QTest::ignoreMessage(
            QtWarningMsg,
            QRegularExpression(QStringLiteral(
                "^refusing plugin .*missing_symbol_plugin\\.so - provider id 'broken' already loaded")));
        const auto entries =
            registry.scan({QStringLiteral(REGISTRY_PLUGIN_DIR), QStringLiteral(REGISTRY_PLUGIN_DIR)});
        QCOMPARE(entries.size(), 16);
        int usable = 0;
        int duplicates = 0;
        for (const auto &entry : entries) {
            usable += entry.error.isEmpty();
            duplicates += entry.error.contains(QLatin1String("already loaded from an earlier folder"));
        }
        QCOMPARE(usable, 2); // testline and broken, once each
        QCOMPARE(duplicates, 2);
    }

    void buildTreeHasTheSimulatedProvider()
    {
        ProviderRegistry registry;
        const auto entries = registry.scan(ProviderRegistry::defaultSearchPaths());
        bool found = false;
        for (const auto &entry : entries)
            found = found
                || (entry.id == QLatin1String("sim") && entry.error.isEmpty()
                    && entry.kind == QLatin1String("line"));
        QVERIFY(found);
    }
};

QTEST_GUILESS_MAIN(tst_ProviderRegistry)
#include "tst_provider_registry.moc"
