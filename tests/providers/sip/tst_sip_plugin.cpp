// The SIP plugin as the console loads it: found by the provider registry with its metadata, and its
// account settings checked before anything starts (errors name the account and the key).
#include "providers/LineProvider.h"
#include "providers/ProviderRegistry.h"

#include <QtTest/qtest.h>

class tst_SipPlugin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void registryFindsThePlugin();
    void createProvider_data();
    void createProvider();

private:
    ProviderRegistry m_registry;
};

void tst_SipPlugin::initTestCase()
{
    m_registry.scan(ProviderRegistry::defaultSearchPaths());
}

void tst_SipPlugin::registryFindsThePlugin()
{
    bool found = false;
    for (const ProviderRegistry::Entry &entry : m_registry.entries()) {
        if (entry.id != QLatin1String("sip"))
            continue;
        found = true;
        QCOMPARE(entry.error, QString());
        QCOMPARE(entry.kind, QStringLiteral("line"));
        QCOMPARE(entry.iid, QStringLiteral("org.hookline.LineProviderPlugin/1.1"));
        QCOMPARE(entry.version, 1);
    }
    QVERIFY2(found, qPrintable(m_registry.rejections().join(QLatin1Char('\n'))));
}

void tst_SipPlugin::createProvider_data()
{
    QTest::addColumn<QVariantMap>("config");
    QTest::addColumn<QString>("error");
    const QVariantMap good {{"registrar", "127.0.0.1:5060"}, {"user", "agent1"}};
    QVariantMap sctp = good;
    sctp.insert("transport", "sctp");
    QVariantMap second = good;
    second.insert("user", "agent2");
    QTest::newRow("one account") << good << QString();
    QTest::newRow("accounts") << QVariantMap {{"accounts", QVariantList {good, second}}} << QString();
    QTest::newRow("bad key in the second") << QVariantMap {{"accounts", QVariantList {good, sctp}}}
                                           << "sipAccounts[1].transport: 'sctp' is not udp, tcp or tls";
    QTest::newRow("same id twice") << QVariantMap {{"accounts", QVariantList {good, good}}}
                                   << "sipAccounts[1].id: 'agent1' is used twice";
    QTest::newRow("no accounts") << QVariantMap {{"accounts", QVariantList {}}}
                                 << "accounts: no account configured";
    QTest::newRow("retry") << QVariantMap {{"accounts", QVariantList {good}}, {"retrySeconds", "0"}}
                           << "retrySeconds: not a number from 1 to 3600";
}

void tst_SipPlugin::createProvider()
{
    QFETCH(QVariantMap, config);
    QFETCH(QString, error);
    QObject parent;
    QString message;
    LineProvider *provider = m_registry.createLineProvider(QStringLiteral("sip"), config, &parent, &message);
    QCOMPARE(message, error);
    QCOMPARE(provider != nullptr, error.isEmpty());
    if (provider)
        QCOMPARE(provider->providerId(), QStringLiteral("sip"));
}

QTEST_GUILESS_MAIN(tst_SipPlugin)
#include "tst_sip_plugin.moc"
