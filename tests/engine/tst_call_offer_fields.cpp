// What a provider says about an offered call reaches every handle unchanged: caller-ID date/time and the
// reasons a number or name is withheld (CallOffer -> Call -> CallSession), and a line's reason for having
// no reject reaches QML through the capabilities value type.
#include "registry/TestLineProvider.h"
#include "session/CallEngine.h"
#include "session/CallSession.h"

#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

class TestCallOfferFields : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void callerIdExtras_data();
    void callerIdExtras();
    void rejectUnavailableReason();
};

void TestCallOfferFields::callerIdExtras_data()
{
    QTest::addColumn<QString>("number");
    QTest::addColumn<QString>("date");
    QTest::addColumn<QString>("numberAbsence");
    QTest::addColumn<QString>("nameAbsence");
    QTest::newRow("everything sent") << "6095551212"
                                     << "03141530"
                                     << ""
                                     << "";
    QTest::newRow("private caller") << ""
                                    << "03141531"
                                    << "private"
                                    << "private";
    QTest::newRow("number out of area, no date") << ""
                                                 << ""
                                                 << "out_of_area"
                                                 << "";
}

void TestCallOfferFields::callerIdExtras()
{
    QFETCH(QString, number);
    QFETCH(QString, date);
    QFETCH(QString, numberAbsence);
    QFETCH(QString, nameAbsence);
    CallEngine engine(nullptr);
    TestLineProvider provider;
    engine.attachProvider(&provider);
    CallOffer offer;
    offer.callerNumber = number;
    offer.callerIdDate = date;
    offer.numberAbsence = numberAbsence;
    offer.nameAbsence = nameAbsence;
    QVERIFY(engine.callOffered(QStringLiteral("test-1"), offer) != 0);
    QCOMPARE(engine.sessionCount(), 1);
    CallSession *a = engine.sessionList().first();
    QCOMPARE(a->remoteNumber(), number);
    QCOMPARE(a->callerIdDate(), date);
    QCOMPARE(a->numberAbsence(), numberAbsence);
    QCOMPARE(a->nameAbsence(), nameAbsence);
    // A second handle sees the same call, and QML reads the same through the properties.
    CallSession *monitor = a->openHandle(Tapi::PrivilegeMonitor);
    QVERIFY(monitor);
    QCOMPARE(monitor->property("callerIdDate").toString(), date);
    QCOMPARE(monitor->property("numberAbsence").toString(), numberAbsence);
    QCOMPARE(monitor->property("nameAbsence").toString(), nameAbsence);
    engine.detachProviders();
}

void TestCallOfferFields::rejectUnavailableReason()
{
    LineCapabilities caps;
    QVERIFY(caps.rejectUnavailableReason.isEmpty());
    caps.canReject = false;
    caps.rejectUnavailableReason = QStringLiteral("no hook relay is wired");
    const QVariant value = QVariant::fromValue(caps);
    const QMetaObject &meta = LineCapabilities::staticMetaObject;
    const QMetaProperty property = meta.property(meta.indexOfProperty("rejectUnavailableReason"));
    QVERIFY(property.isValid());
    QCOMPARE(property.readOnGadget(value.constData()).toString(), QStringLiteral("no hook relay is wired"));
    LineCapabilities other = caps;
    QVERIFY(other == caps);
    other.rejectUnavailableReason.clear();
    QVERIFY(!(other == caps)); // a changed reason is a capabilities change
}

QTEST_GUILESS_MAIN(TestCallOfferFields)
#include "tst_call_offer_fields.moc"
