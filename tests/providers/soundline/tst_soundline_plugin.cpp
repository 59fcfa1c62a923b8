// The soundline plugin as the console loads it: found and accepted by the provider registry, its
// configuration refused with the offending key named, and a line driven by the file twin
// ("captureFile") that offers a call with caller ID, or out of service, naming the card, when its
// sound card is not there.
#include "core/Tapi.h"
#include "lines/Line.h"
#include "providers/LineProvider.h"
#include "providers/ProviderRegistry.h"
#include "session/CallEngine.h"
#include "session/CallSession.h"

#include <QtTest/qtest.h>

class TestSoundLinePlugin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // No sound server for this test: QtMultimedia must find no cards (and libpulse must not
        // autospawn a daemon, which it never does with an explicit server).
        qputenv("PULSE_SERVER", "unix:/nonexistent/hookline-no-pulse");
    }
    void registryAcceptsPlugin();
    void refusesBadConfig_data();
    void refusesBadConfig();
    void captureFileLineOffersCall();
    void missingSoundCardIsOutOfService();

private:
    LineProvider *create(const QVariantMap &config, QObject *parent, QString *error)
    {
        ProviderRegistry registry;
        registry.scan({QStringLiteral(PLUGIN_DIR)});
        return registry.createLineProvider(QStringLiteral("soundline"), config, parent, error);
    }
};

void TestSoundLinePlugin::registryAcceptsPlugin()
{
    ProviderRegistry registry;
    bool found = false;
    for (const ProviderRegistry::Entry &entry : registry.scan({QStringLiteral(PLUGIN_DIR)})) {
        if (entry.id == QLatin1String("soundline")) {
            found = true;
            QVERIFY2(entry.error.isEmpty(), qPrintable(entry.error));
            QCOMPARE(entry.kind, QStringLiteral("line"));
        }
    }
    QVERIFY(found);
}

void TestSoundLinePlugin::refusesBadConfig_data()
{
    QTest::addColumn<QVariantMap>("config");
    QTest::addColumn<QString>("error");
    QTest::newRow("unknown profile") << QVariantMap {{"profile", "fr"}}
                                     << "profile: 'fr' is not one of us, eu, uk";
    QTest::newRow("bad relay pin") << QVariantMap {{"serialPort", "/dev/ttyUSB0"}, {"hookRelayPin", "xyz"}}
                                   << "hookRelayPin: 'xyz' is not one of dtr, rts, none";
    QTest::newRow("pins without a port") << QVariantMap {{"ringPin", "ri"}} << "serialPort: pins are mapped";
    QTest::newRow("bad caller id") << QVariantMap {{"callerId", "fsk"}} << "callerId: 'fsk'";
    QTest::newRow("cycles out of range")
        << QVariantMap {{"hangupCycles", 0}} << "hangupCycles: '0' is not a number";
    QTest::newRow("duplicate ids")
        << QVariantMap {{"lines", QVariantList {QVariantMap {{"id", "a"}}, QVariantMap {{"id", "a"}}}}}
        << "lines[1].id: 'a' is used twice";
    QTest::newRow("second line bad")
        << QVariantMap {{"lines", QVariantList {QVariantMap {{"id", "a"}}, QVariantMap {{"profile", "xx"}}}}}
        << "lines[1].profile: 'xx'";
}

void TestSoundLinePlugin::refusesBadConfig()
{
    QFETCH(QVariantMap, config);
    QFETCH(QString, error);
    QObject parent;
    QString message;
    QVERIFY(!create(config, &parent, &message));
    QVERIFY2(message.contains(error), qPrintable(message));
}

void TestSoundLinePlugin::captureFileLineOffersCall()
{
    CallEngine engine(nullptr);
    QString error;
    LineProvider *provider =
        create({{"id", "demo"},
                {"profile", "us"},
                {"captureFile", QStringLiteral(TEST_DATA_DIR "/inbound_us_ring_cid.wav")}},
               &engine, &error);
    QVERIFY2(provider, qPrintable(error));
    engine.attachProvider(provider);
    QTRY_VERIFY(engine.sessionCount() == 1);
    CallSession *session = engine.sessionList().first();
    QCOMPARE(session->lineId(), QStringLiteral("soundline/demo"));
    QCOMPARE(session->state(), int(Tapi::Offering));
    QCOMPARE(session->remoteNumber(), QStringLiteral("6095551212"));
    QCOMPARE(session->remoteName(), QStringLiteral("ACME SUPPORT"));
    engine.detachProviders();
}

void TestSoundLinePlugin::missingSoundCardIsOutOfService()
{
    CallEngine engine(nullptr);
    QString error;
    LineProvider *provider = create(
        {{"id", "card"}, {"captureDevice", "USB Audio"}, {"playbackDevice", "USB Audio"}}, &engine, &error);
    QVERIFY2(provider, qPrintable(error));
    engine.attachProvider(provider);
    Line *line = engine.line(QStringLiteral("soundline/card"));
    QVERIFY(line);
    QTRY_COMPARE(line->outOfServiceReason(), QStringLiteral("capture sound card 'USB Audio' is not present"));
    QVERIFY(!line->inService());
    QCOMPARE(line->makeCall(QStringLiteral("1")), int(Tapi::ResourceUnavail));
    engine.detachProviders();
}

QTEST_GUILESS_MAIN(TestSoundLinePlugin)
#include "tst_soundline_plugin.moc"
