// Tests for the HID report-descriptor parser (providers/hidheadset/descriptor). Expected
// positions come from tests/fixtures/hid/README.md and docs/device-facts.md 5.1 and were cross-checked with
// shared/tools/hiddesc.py, an independent walker; they are written out here, not computed.

#include "DescriptorItemReader.h"
#include "DescriptorJson.h"
#include "DescriptorLimits.h"
#include "ProbeDescriptorFile.h"
#include "ReportDescriptorParser.h"

#include <QtCore/qdir.h>
#include <QtCore/qfile.h>
#include <QtCore/qjsonarray.h>
#include <QtCore/qjsondocument.h>
#include <QtCore/qjsonobject.h>
#include <QtCore/qtemporarydir.h>
#include <QtTest/qtest.h>

using namespace hookline::hid;
using Code = DescriptorError::Code;

namespace {

QString fixturePath(const QString &name)
{
    return QStringLiteral(TEST_DATA_DIR "/hid/") + name;
}

QByteArray readFixture(const QString &name)
{
    QFile file(fixturePath(name));
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray();
    return file.readAll();
}

// One line per control; every property a consumer relies on is in it, so a list comparison
// pins kind, report ID, bit offset/size, range, flags and the derived on/off type at once.
QString describe(const TelephonyControl &control)
{
    QString kind = controlKindName(control.kind);
    if (control.kind == ControlKind::Other) {
        kind += QStringLiteral(":%1:%2")
                    .arg(control.usagePage(), 4, 16, QLatin1Char('0'))
                    .arg(control.usageId(), 4, 16, QLatin1Char('0'));
    }
    QString text = QStringLiteral("%1 r%2 b%3 s%4")
                       .arg(kind)
                       .arg(control.reportId, 2, 16, QLatin1Char('0'))
                       .arg(control.bitOffset)
                       .arg(control.bitSize);
    if (control.reportCount != 1)
        text += QStringLiteral(" x%1").arg(control.reportCount);
    if (control.usageMaximum != control.usage)
        text += QStringLiteral(" ..%1").arg(control.usageMaximum & 0xFFFF, 4, 16, QLatin1Char('0'));
    text += QStringLiteral(" %1..%2").arg(control.logicalMinimum).arg(control.logicalMaximum);
    text += control.isAbsolute() ? QStringLiteral(" abs") : QStringLiteral(" rel");
    text += control.hasPreferredState() ? QStringLiteral(" pref") : QStringLiteral(" nopref");
    text += control.isVariable() ? QStringLiteral(" var") : QStringLiteral(" arr");
    if (control.flags.hasNullState())
        text += QStringLiteral(" null");
    text += QLatin1Char(' ') + onOffControlTypeName(control.onOffType);
    if (control.outsideCollection)
        text += QStringLiteral(" outside");
    return text;
}

QStringList describeAll(const QList<TelephonyControl> &controls)
{
    QStringList lines;
    for (const TelephonyControl &control : controls)
        lines.append(describe(control));
    return lines;
}

QString describeCollection(const TelephonyCollection &collection)
{
    return QStringLiteral("%1:%2 top%3")
        .arg(collection.usagePage(), 2, 16, QLatin1Char('0'))
        .arg(collection.usageId(), 4, 16, QLatin1Char('0'))
        .arg(collection.topLevelIndex);
}

QByteArray repeated(const QByteArray &chunk, int times)
{
    QByteArray bytes;
    for (int i = 0; i < times; ++i)
        bytes += chunk;
    return bytes;
}

// Every .bin in tests/fixtures/hid must be listed here (and get rows below), so a new fixture
// cannot slip in without expectations.
const QStringList knownWellFormedFixtures = {
    QStringLiteral("0b0e-0307.bin"),
    QStringLiteral("047f-02e6.bin"),
    QStringLiteral("1395-0082.bin"),
    QStringLiteral("1395-009c.bin"),
    QStringLiteral("046d-0ac4.bin"),
    QStringLiteral("synthetic-telephony-headset.bin"),
    QStringLiteral("synthetic-teams-vendor.bin"),
    QStringLiteral("synthetic-volume-in-telephony-report.bin"),
    QStringLiteral("synthetic-multi-collection.bin"),
    QStringLiteral("synthetic-unnumbered-headset.bin"),
};
const QStringList knownMalformedFixtures = {
    QStringLiteral("malformed-truncated-item.bin"),
    QStringLiteral("malformed-unclosed-collection.bin"),
    QStringLiteral("malformed-long-item-overrun.bin"),
    QStringLiteral("malformed-garbage-png.bin"),
};

} // namespace

class TestHidDescriptor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyFixtureHasExpectations();

    void fixtureCollections_data();
    void fixtureCollections();
    void fixtureControls_data();
    void fixtureControls();
    void fixtureReports_data();
    void fixtureReports();
    void arrayUsages();
    void otherFieldsInTelephonyReport();

    void malformedFixtures_data();
    void malformedFixtures();
    void malformedBytes_data();
    void malformedBytes();
    void everyPrefixIsSafe_data();
    void everyPrefixIsSafe();

    void itemSemantics_data();
    void itemSemantics();
    void itemReader();

    void jsonShape();
    void jsonError();

    void probeExitCodes_data();
    void probeExitCodes();
    void probeUnreadableAndOversized();
};

void TestHidDescriptor::everyFixtureHasExpectations()
{
    const QDir dir(QStringLiteral(TEST_DATA_DIR "/hid"));
    QVERIFY2(dir.exists(), qPrintable(dir.path()));
    const QStringList files = dir.entryList({QStringLiteral("*.bin")}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= knownWellFormedFixtures.size() + knownMalformedFixtures.size());
    for (const QString &file : files) {
        QVERIFY2(knownWellFormedFixtures.contains(file) || knownMalformedFixtures.contains(file),
                 qPrintable(QStringLiteral("no expectations for fixture %1").arg(file)));
    }
    QVERIFY(QFile::exists(QStringLiteral(TEST_DATA_DIR "/hid/README.md")));
}

void TestHidDescriptor::fixtureCollections_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("collections");
    QTest::addColumn<bool>("usable");
    QTest::addColumn<bool>("usesReportIds");

    QTest::newRow("Jabra EVOLVE LINK MS") << "0b0e-0307.bin" << QStringList {"0b:0005 top0"} << true << true;
    QTest::newRow("Poly BT700: telephony 5th")
        << "047f-02e6.bin" << QStringList {"0b:0005 top4"} << true << true;
    QTest::newRow("Sennheiser SC 660") << "1395-0082.bin" << QStringList {"0b:0005 top1"} << true << true;
    QTest::newRow("EPOS IMPACT D1") << "1395-009c.bin" << QStringList {"0b:0005 top0"} << true << true;
    QTest::newRow("Logitech G535: none") << "046d-0ac4.bin" << QStringList {} << false << true;
    QTest::newRow("synthetic headset")
        << "synthetic-telephony-headset.bin" << QStringList {"0b:0005 top0"} << true << true;
    QTest::newRow("synthetic Teams vendor only")
        << "synthetic-teams-vendor.bin" << QStringList {} << false << true;
    QTest::newRow("synthetic volume in telephony report")
        << "synthetic-volume-in-telephony-report.bin" << QStringList {"0b:0005 top0"} << true << true;
    QTest::newRow("synthetic phone + handset")
        << "synthetic-multi-collection.bin" << QStringList {"0b:0001 top1", "0b:0004 top2"} << true << true;
    QTest::newRow("synthetic: unnumbered reports")
        << "synthetic-unnumbered-headset.bin" << QStringList {"0b:0005 top0"} << true << false;
}

void TestHidDescriptor::fixtureCollections()
{
    QFETCH(QString, file);
    QFETCH(QStringList, collections);
    QFETCH(bool, usable);
    QFETCH(bool, usesReportIds);

    const QByteArray bytes = readFixture(file);
    QVERIFY2(!bytes.isEmpty(), qPrintable(fixturePath(file)));
    const DescriptorParseResult result = ReportDescriptorParser::parse(QByteArrayView(bytes));
    QVERIFY2(result.isValid(), qPrintable(result.error.message()));
    QCOMPARE(result.descriptorSize, bytes.size());
    QCOMPARE(result.usesReportIds, usesReportIds);

    QStringList actual;
    for (const TelephonyCollection &collection : result.collections)
        actual.append(describeCollection(collection));
    QCOMPARE(actual, collections);
    QCOMPARE(result.hasUsableTelephonyCollection(), usable);
}

void TestHidDescriptor::fixtureControls_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("collection");
    QTest::addColumn<QStringList>("inputs");
    QTest::addColumn<QStringList>("outputs");

    QTest::newRow("Jabra: in/out 0x02") << "0b0e-0307.bin" << 0
                                        << QStringList {
                                               "hookSwitch r02 b0 s1 0..1 abs nopref var toggleSwitch",
                                               "lineBusyTone r02 b1 s1 0..1 abs nopref var toggleSwitch",
                                               "phoneMute r02 b2 s1 0..1 rel pref var toggleButton",
                                               "flash r02 b3 s1 0..1 rel pref var toggleButton",
                                               "redial r02 b4 s1 0..1 rel pref var toggleButton",
                                               "speedDial r02 b5 s1 0..1 rel pref var toggleButton",
                                               // "Usage (Programmable Button), Usage Page (Button), Input":
                                               // the usage keeps the page it was declared with.
                                               "programmableButton r02 b6 s1 0..1 abs pref var momentary",
                                               "keypad r02 b7 s4 ..00bb 0..11 abs pref arr undefined",
                                           }
                                        << QStringList {
                                               "ledOffHook r02 b0 s1 0..1 abs nopref var toggleSwitch",
                                               "ledMute r02 b1 s1 0..1 abs nopref var toggleSwitch",
                                               "ledRing r02 b2 s1 0..1 abs nopref var toggleSwitch",
                                               "ledHold r02 b3 s1 0..1 abs nopref var toggleSwitch",
                                               "ledMicrophone r02 b4 s1 0..1 abs nopref var toggleSwitch",
                                               "ringer r02 b5 s1 0..1 abs nopref var toggleSwitch",
                                           };

    QTest::newRow("Poly BT700: in 0x20, one LED per report")
        << "047f-02e6.bin" << 0
        << QStringList {
               "hookSwitch r20 b0 s1 0..1 abs nopref var toggleSwitch",
               "phoneMute r20 b1 s1 0..1 rel pref var toggleButton",
               "flash r20 b2 s1 0..1 abs pref var momentary",
               "redial r20 b3 s1 0..1 rel pref var toggleButton",
               "programmableButton r20 b4 s1 0..1 rel pref var toggleButton",
           }
        << QStringList {
               "ledRing r21 b0 s1 0..1 abs nopref var toggleSwitch",
               "ledSpeaker r22 b0 s1 0..1 abs nopref var toggleSwitch",
               "ledMute r23 b0 s1 0..1 abs nopref var toggleSwitch",
               "ledOffHook r24 b0 s1 0..1 abs nopref var toggleSwitch",
               "ledHold r25 b0 s1 0..1 abs nopref var toggleSwitch",
           };

    QTest::newRow("SC 660: in 0x08 (mute before hook), out 0x09")
        << "1395-0082.bin" << 0
        << QStringList {
               "phoneMute r08 b0 s1 0..1 rel pref var toggleButton",
               "hookSwitch r08 b1 s1 0..1 abs nopref var toggleSwitch",
               "redial r08 b2 s1 0..1 rel pref var toggleButton",
               "flash r08 b3 s1 0..1 rel pref var toggleButton",
               "drop r08 b4 s1 0..1 rel pref var toggleButton",
               "programmableButton r08 b5 s1 0..1 abs pref var momentary",
           }
        << QStringList {
               "ledMute r09 b0 s1 0..1 abs nopref var toggleSwitch",
               "ledOffHook r09 b1 s1 0..1 abs nopref var toggleSwitch",
               "ledRing r09 b2 s1 0..1 abs nopref var toggleSwitch",
               "ledMicrophone r09 b3 s1 0..1 abs nopref var toggleSwitch",
               "ledOnLine r09 b4 s1 0..1 abs nopref var toggleSwitch",
               "ledHold r09 b5 s1 0..1 abs nopref var toggleSwitch",
           };

    // Hook Switch is Absolute *with* preferred state here, and so are the LEDs.
    QTest::newRow("EPOS D1: abs+pref hook, reject in array")
        << "1395-009c.bin" << 0
        << QStringList {
               "hookSwitch r02 b0 s1 0..1 abs pref var momentary",
               "flash r02 b1 s1 0..1 rel pref var toggleButton",
               "redial r02 b2 s1 0..1 rel pref var toggleButton",
               "phoneMute r02 b3 s1 0..1 rel pref var toggleButton",
               "drop r02 b4 s1 0..1 rel pref var toggleButton",
               "programmableButton r02 b5 s1 0..1 abs pref arr null undefined",
               "rejectButton r02 b5 s1 0..1 abs pref arr null undefined",
           }
        << QStringList {
               "ledOffHook r03 b0 s1 0..1 abs pref var momentary",
               "ledMicrophone r03 b1 s1 0..1 abs pref var momentary",
               "ledRing r03 b2 s1 0..1 abs pref var momentary",
               "ledMute r03 b3 s1 0..1 abs pref var momentary",
               "ledOnLine r03 b4 s1 0..1 abs pref var momentary",
               "ledHold r03 b5 s1 0..1 abs pref var momentary",
           };

    QTest::newRow("synthetic: unnumbered reports") << "synthetic-unnumbered-headset.bin" << 0
                                                   << QStringList {
                                                          "hookSwitch r00 b0 s1 0..1 abs nopref var toggleSwitch",
                                                          "phoneMute r00 b1 s1 0..1 rel pref var toggleButton",
                                                          "flash r00 b2 s1 0..1 rel pref var toggleButton",
                                                          "rejectButton r00 b3 s1 0..1 rel pref var toggleButton",
                                                      }
                                                   << QStringList {
                                                          "ledOffHook r00 b0 s1 0..1 abs nopref var toggleSwitch",
                                                          "ledMute r00 b1 s1 0..1 abs nopref var toggleSwitch",
                                                          "ledRing r00 b2 s1 0..1 abs nopref var toggleSwitch",
                                                          "ledHold r00 b3 s1 0..1 abs nopref var toggleSwitch",
                                                          "ringer r00 b4 s1 0..1 abs nopref var toggleSwitch",
                                                      };

    QTest::newRow("synthetic headset") << "synthetic-telephony-headset.bin" << 0
                                       << QStringList {
                                              "hookSwitch r01 b0 s1 0..1 abs pref var momentary",
                                              "phoneMute r01 b1 s1 0..1 abs pref var momentary",
                                          }
                                       << QStringList {
                                              "ledOffHook r02 b0 s1 0..1 abs pref var momentary",
                                              "ledMute r02 b1 s1 0..1 abs pref var momentary",
                                              "ledRing r02 b2 s1 0..1 abs pref var momentary",
                                          };

    QTest::newRow("EPOS D/DW layout: volume bits in report 0x02")
        << "synthetic-volume-in-telephony-report.bin" << 0
        << QStringList {
               "other:000c:00ea r02 b0 s1 0..1 abs pref var momentary",
               "other:000c:00e9 r02 b1 s1 0..1 abs pref var momentary",
               "hookSwitch r02 b2 s1 0..1 abs nopref var toggleSwitch",
               "flash r02 b3 s1 0..1 rel pref var toggleButton",
               "redial r02 b4 s1 0..1 rel pref var toggleButton",
               "phoneMute r02 b5 s1 0..1 rel pref var toggleButton",
               "drop r02 b6 s1 0..1 rel pref var toggleButton",
           }
        << QStringList {
               "ringer r03 b0 s1 0..1 abs nopref var toggleSwitch",
               "ledOffHook r03 b1 s1 0..1 abs nopref var toggleSwitch",
               "ledMicrophone r03 b2 s1 0..1 abs nopref var toggleSwitch",
               "ledRing r03 b3 s1 0..1 abs nopref var toggleSwitch",
               "ledMute r03 b4 s1 0..1 abs nopref var toggleSwitch",
               "ledOnLine r03 b5 s1 0..1 abs nopref var toggleSwitch",
               "ledHold r03 b6 s1 0..1 abs nopref var toggleSwitch",
           };

    QTest::newRow("synthetic phone: push/pop, -1..1 mute, hold, reject")
        << "synthetic-multi-collection.bin" << 0
        << QStringList {
               "hookSwitch r05 b0 s1 0..1 abs nopref var toggleSwitch",
               "phoneMute r05 b1 s2 -1..1 rel nopref var separateOnOff",
               "hold r05 b3 s1 0..1 abs nopref var toggleSwitch",
               "rejectButton r05 b4 s1 0..1 rel pref var toggleButton",
               "voiceMail r05 b5 s1 0..1 rel pref var toggleButton",
           }
        << QStringList {
               "ledSpeaker r06 b0 s1 0..1 abs nopref var toggleSwitch",
               "ledHeadset r06 b1 s1 0..1 abs nopref var toggleSwitch",
           };

    // Report 0x07 starts in the Consumer collection: the handset's own bits begin at b8.
    QTest::newRow("synthetic handset: extended usages, shared report")
        << "synthetic-multi-collection.bin" << 1
        << QStringList {
               "other:000c:00e2 r07 b0 s1 0..1 abs pref var momentary outside",
               "hookSwitch r07 b8 s1 0..1 abs nopref var toggleSwitch",
               "redial r07 b9 s1 0..1 rel pref var toggleButton",
               "keypad r07 b10 s4 ..00bb 1..12 abs pref arr null undefined",
           }
        << QStringList {};
}

void TestHidDescriptor::fixtureControls()
{
    QFETCH(QString, file);
    QFETCH(int, collection);
    QFETCH(QStringList, inputs);
    QFETCH(QStringList, outputs);

    const DescriptorParseResult result = ReportDescriptorParser::parse(QByteArrayView(readFixture(file)));
    QVERIFY2(result.isValid(), qPrintable(result.error.message()));
    QVERIFY(collection < result.collections.size());
    const TelephonyCollection &telephony = result.collections.at(collection);
    QCOMPARE(describeAll(telephony.inputs), inputs);
    QCOMPARE(describeAll(telephony.outputs), outputs);
    QVERIFY(telephony.isUsable());
}

void TestHidDescriptor::fixtureReports_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("type");
    QTest::addColumn<int>("reportId");
    QTest::addColumn<int>("bitLength"); // -1: must not exist

    const int in = int(ReportType::Input);
    const int out = int(ReportType::Output);
    QTest::newRow("Jabra in 0x02") << "0b0e-0307.bin" << in << 0x02 << 16;
    QTest::newRow("Jabra out 0x02") << "0b0e-0307.bin" << out << 0x02 << 16;
    QTest::newRow("Jabra vendor in 0x04") << "0b0e-0307.bin" << in << 0x04 << 16;
    QTest::newRow("Poly in 0x20") << "047f-02e6.bin" << in << 0x20 << 8;
    for (int id = 0x21; id <= 0x25; ++id)
        QTest::addRow("Poly LED out 0x%x", id) << "047f-02e6.bin" << out << id << 8;
    QTest::newRow("Poly no out 0x20") << "047f-02e6.bin" << out << 0x20 << -1;
    QTest::newRow("SC 660 in 0x08") << "1395-0082.bin" << in << 0x08 << 8;
    QTest::newRow("SC 660 out 0x09") << "1395-0082.bin" << out << 0x09 << 8;
    QTest::newRow("D1 in 0x02") << "1395-009c.bin" << in << 0x02 << 8;
    QTest::newRow("D1 out 0x03") << "1395-009c.bin" << out << 0x03 << 8;
    QTest::newRow("D1 in 0xE9 (255 bytes)") << "1395-009c.bin" << in << 0xE9 << 2040;
    QTest::newRow("G535 in 0x11") << "046d-0ac4.bin" << in << 0x11 << 152;
    QTest::newRow("multi in 0x07 spans two collections")
        << "synthetic-multi-collection.bin" << in << 0x07 << 16;
    QTest::newRow("multi in 0x05") << "synthetic-multi-collection.bin" << in << 0x05 << 8;
    QTest::newRow("multi out 0x06") << "synthetic-multi-collection.bin" << out << 0x06 << 8;
}

void TestHidDescriptor::fixtureReports()
{
    QFETCH(QString, file);
    QFETCH(int, type);
    QFETCH(int, reportId);
    QFETCH(int, bitLength);

    const DescriptorParseResult result = ReportDescriptorParser::parse(QByteArrayView(readFixture(file)));
    QVERIFY2(result.isValid(), qPrintable(result.error.message()));
    const std::optional<ReportLayout> report = result.report(ReportType(type), quint8(reportId));
    if (bitLength < 0) {
        QVERIFY(!report);
        return;
    }
    QVERIFY(report);
    QCOMPARE(int(report->bitLength), bitLength);
    QCOMPARE(int(report->byteLength()), (bitLength + 7) / 8);
}

void TestHidDescriptor::arrayUsages()
{
    // Jabra keypad: value v selects Phone Key (0xB0 + v).
    DescriptorParseResult jabra = ReportDescriptorParser::parse(QByteArrayView(readFixture("0b0e-0307.bin")));
    QVERIFY(jabra.isValid());
    const TelephonyControl *keypad = jabra.collections.at(0).findInput(ControlKind::Keypad);
    QVERIFY(keypad);
    QCOMPARE(keypad->arrayUsages, (QList<UsageRange> {{0x000B00B0, 0x000B00BB}}));

    // EPOS D1: one 1-bit array over Programmable Button and Button 1 (two page switches).
    DescriptorParseResult d1 = ReportDescriptorParser::parse(QByteArrayView(readFixture("1395-009c.bin")));
    QVERIFY(d1.isValid());
    const TelephonyControl *reject = d1.collections.at(0).findInput(ControlKind::RejectButton);
    QVERIFY(reject);
    const QList<UsageRange> expected {{0x000B0007, 0x000B0007}, {0x00090001, 0x00090001}};
    QCOMPARE(reject->arrayUsages, expected);
    QCOMPARE(reject->usage, 0x00090001u);
    QCOMPARE(d1.collections.at(0).findInput(ControlKind::ProgrammableButton)->arrayUsages, expected);

    // Variable fields carry no array usages.
    QVERIFY(d1.collections.at(0).findInput(ControlKind::HookSwitch)->arrayUsages.isEmpty());
}

void TestHidDescriptor::otherFieldsInTelephonyReport()
{
    // EPOS D1: volume buttons live in report 0x01 of the Consumer collection, so the telephony
    // report 0x02 has call controls only; the trailing 2 bits are constant padding.
    DescriptorParseResult d1 = ReportDescriptorParser::parse(QByteArrayView(readFixture("1395-009c.bin")));
    QVERIFY(d1.isValid());
    for (const TelephonyControl &control : d1.collections.at(0).inputs)
        QVERIFY2(control.isCallControl(), qPrintable(describe(control)));

    // EPOS D/DW layout: a report change in b0/b1 only is volume, not hook.
    DescriptorParseResult dw = ReportDescriptorParser::parse(
        QByteArrayView(readFixture("synthetic-volume-in-telephony-report.bin")));
    QVERIFY(dw.isValid());
    const TelephonyCollection &collection = dw.collections.at(0);
    QCOMPARE(collection.inputs.at(0).kind, ControlKind::Other);
    QCOMPARE(collection.inputs.at(0).usage, 0x000C00EAu);
    QVERIFY(!collection.inputs.at(0).outsideCollection);
    QCOMPARE(collection.findInput(ControlKind::HookSwitch)->bitOffset, 2u);
}

void TestHidDescriptor::malformedFixtures_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("code");
    QTest::addColumn<qsizetype>("offset");

    QTest::newRow("truncated item") << "malformed-truncated-item.bin" << int(Code::TruncatedItem)
                                    << qsizetype(46);
    QTest::newRow("unclosed collection")
        << "malformed-unclosed-collection.bin" << int(Code::UnbalancedCollections) << qsizetype(48);
    QTest::newRow("long item overrun")
        << "malformed-long-item-overrun.bin" << int(Code::LongItemOverrun) << qsizetype(6);
    QTest::newRow("PNG header") << "malformed-garbage-png.bin" << int(Code::TruncatedItem) << qsizetype(15);
}

void TestHidDescriptor::malformedFixtures()
{
    QFETCH(QString, file);
    QFETCH(int, code);
    QFETCH(qsizetype, offset);

    const QByteArray bytes = readFixture(file);
    QVERIFY2(!bytes.isEmpty(), qPrintable(fixturePath(file)));
    const DescriptorParseResult result = ReportDescriptorParser::parse(QByteArrayView(bytes));
    QVERIFY(!result.isValid());
    QVERIFY2(int(result.error.code) == code, qPrintable(result.error.message()));
    QCOMPARE(result.error.byteOffset, offset);
    QVERIFY(result.error.message().contains(QStringLiteral("byte offset %1").arg(offset)));
    QVERIFY(result.collections.isEmpty());
    QVERIFY(result.reports.isEmpty());
}

void TestHidDescriptor::malformedBytes_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("code");
    QTest::addColumn<qsizetype>("offset");

    const auto row = [](const char *name, const QByteArray &bytes, Code code, qsizetype offset) {
        QTest::newRow(name) << bytes << int(code) << offset;
    };
    const QByteArray headset = QByteArray::fromHex("050b0905a101");

    row("empty", QByteArray(), Code::EmptyDescriptor, 0);
    row("too large", QByteArray(DescriptorLimits::maxDescriptorBytes + 1, '\0'), Code::DescriptorTooLarge,
        DescriptorLimits::maxDescriptorBytes);
    row("truncated 4-byte item", QByteArray::fromHex("050b27ffff"), Code::TruncatedItem, 2);
    row("truncated 2-byte item", QByteArray::fromHex("06"), Code::TruncatedItem, 0);
    row("long item header cut", QByteArray::fromHex("050bfe05"), Code::LongItemOverrun, 2);
    row("long item data cut", QByteArray::fromHex("fe0300aabb"), Code::LongItemOverrun, 0);
    row("Pop without Push", QByteArray::fromHex("050bb4"), Code::PopWithoutPush, 2);
    row("Pop after balanced Push/Pop", QByteArray::fromHex("a4b4b4"), Code::PopWithoutPush, 2);
    row("Push overflow", repeated(QByteArray::fromHex("a4"), DescriptorLimits::maxGlobalStackDepth + 1),
        Code::PushOverflow, DescriptorLimits::maxGlobalStackDepth);
    row("End Collection without Collection", headset + QByteArray::fromHex("c0c0"),
        Code::EndCollectionWithoutCollection, 7);
    row("End Collection first", QByteArray::fromHex("c0"), Code::EndCollectionWithoutCollection, 0);
    row("unclosed nested collection", headset + QByteArray::fromHex("a102c0"), Code::UnbalancedCollections,
        9);
    row("collections too deep",
        repeated(QByteArray::fromHex("a100"), DescriptorLimits::maxCollectionDepth + 1),
        Code::CollectionTooDeep, 2 * DescriptorLimits::maxCollectionDepth);
    // Report Size 255 * Report Count 4096 = 1044480 bits in one field.
    row("size*count overflow", QByteArray::fromHex("850175ff96001081 02").replace(' ', ""),
        Code::ReportTooLarge, 7);
    // Three fields of 128 * 512 bits: the third pushes report 0 past 131072 bits.
    row("report grows too large", QByteArray::fromHex("758096000281028102 8102").replace(' ', ""),
        Code::ReportTooLarge, 9);
    row("Report Size 257", QByteArray::fromHex("760101"), Code::InvalidReportSize, 0);
    row("Report Size 0xFFFFFFFF", QByteArray::fromHex("050b77ffffffff"), Code::InvalidReportSize, 2);
    row("Report Count 0xFFFFFFFF", QByteArray::fromHex("97ffffffff"), Code::InvalidReportCount, 0);
    row("Report ID 0", QByteArray::fromHex("050b8500"), Code::InvalidReportId, 2);
    row("Report ID without data", QByteArray::fromHex("84"), Code::InvalidReportId, 0);
    row("Report ID 256", QByteArray::fromHex("860001"), Code::InvalidReportId, 0);
    row("reserved global tag", QByteArray::fromHex("050bc4"), Code::UnknownGlobalItem, 2);
    row("nested Delimiter", QByteArray::fromHex("a901a901"), Code::DelimiterMismatch, 2);
    row("Delimiter close without open", QByteArray::fromHex("a900"), Code::DelimiterMismatch, 0);
    row("too many usages", repeated(QByteArray::fromHex("0901"), DescriptorLimits::maxUsagesPerMainItem + 1),
        Code::TooManyUsages, 2 * DescriptorLimits::maxUsagesPerMainItem);
    // 17 "Usage Page (Telephony), Usage (Headset), Collection (Application), End Collection" blocks
    // of 7 bytes; the 17th Collection item sits at 16 * 7 + 4.
    row("too many telephony collections",
        repeated(QByteArray::fromHex("050b0905a101c0"), DescriptorLimits::maxTelephonyCollections + 1),
        Code::TooManyTelephonyCollections, 7 * DescriptorLimits::maxTelephonyCollections + 4);
    // 4097 one-bit fields with a non-call-control usage in one telephony report.
    row("too many controls",
        headset + QByteArray::fromHex("8501750195011500250105ff")
            + repeated(QByteArray::fromHex("09018102"), DescriptorLimits::maxControlsPerCollection + 1)
            + QByteArray::fromHex("c0"),
        Code::TooManyControls, 4);
}

void TestHidDescriptor::malformedBytes()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, code);
    QFETCH(qsizetype, offset);

    const DescriptorParseResult result = ReportDescriptorParser::parse(QByteArrayView(bytes));
    QVERIFY(!result.isValid());
    QVERIFY2(int(result.error.code) == code, qPrintable(result.error.message()));
    QCOMPARE(result.error.byteOffset, offset);
    QVERIFY(result.collections.isEmpty());
}

void TestHidDescriptor::everyPrefixIsSafe_data()
{
    QTest::addColumn<QString>("file");
    for (const QString &file : knownWellFormedFixtures)
        QTest::newRow(qPrintable(file)) << file;
}

void TestHidDescriptor::everyPrefixIsSafe()
{
    // Cutting a descriptor anywhere must give either a clean result or an error that points
    // inside (or at the end of) what was given - never a crash or an out-of-range offset.
    QFETCH(QString, file);
    const QByteArray bytes = readFixture(file);
    QVERIFY(!bytes.isEmpty());
    for (qsizetype length = 1; length < bytes.size(); ++length) {
        const QByteArray prefix = bytes.left(length);
        const DescriptorParseResult result = ReportDescriptorParser::parse(QByteArrayView(prefix));
        if (result.isValid())
            continue;
        QVERIFY(result.error.byteOffset >= 0);
        QVERIFY(result.error.byteOffset <= length);
        const Code code = result.error.code;
        QVERIFY2(code == Code::TruncatedItem || code == Code::LongItemOverrun
                     || code == Code::UnbalancedCollections,
                 qPrintable(QStringLiteral("length %1: %2").arg(length).arg(result.error.message())));
    }
}

void TestHidDescriptor::itemSemantics_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("usesReportIds");
    QTest::addColumn<QStringList>("inputs");
    QTest::addColumn<QStringList>("outputs");

    // Unnumbered reports: report ID 0, hidraw reads carry no ID byte.
    QTest::newRow("unnumbered reports")
        << QByteArray::fromHex("050b0905a101 150025017501 9501 0920 8122 092f 8106 7506 8101"
                               " 0508 0917 7501 9122 c0")
        << false
        << QStringList {"hookSwitch r00 b0 s1 0..1 abs nopref var toggleSwitch",
                        "phoneMute r00 b1 s1 0..1 rel pref var toggleButton"}
        << QStringList {"ledOffHook r00 b0 s1 0..1 abs nopref var toggleSwitch"};

    // Usages declared before any Usage Page take the page in effect at the Main item.
    QTest::newRow("usage before usage page")
        << QByteArray::fromHex("0905 050b a101 0920 15002501 7501 9501 8122 c0") << false
        << QStringList {"hookSwitch r00 b0 s1 0..1 abs nopref var toggleSwitch"} << QStringList {};

    // A Usage Minimum/Maximum range is counted out element by element; call controls inside it
    // are split off and the last usage repeats for the remaining elements.
    QTest::newRow("usage range with tail")
        << QByteArray::fromHex("050b0905a101 8501 15002501 7501 191f 2922 9506 8102 c0") << true
        << QStringList {
               "other:000b:001f r01 b0 s1 0..1 abs pref var momentary",
               "hookSwitch r01 b1 s1 0..1 abs pref var momentary",
               "flash r01 b2 s1 0..1 abs pref var momentary",
               "other:000b:0022 r01 b3 s1 0..1 abs pref var momentary",
               "other:000b:0022 r01 b4 s1 x2 0..1 abs pref var momentary",
           }
        << QStringList {};

    // Only the first usage of a delimited set counts.
    QTest::newRow("delimiter set") << QByteArray::fromHex(
        "050b0905a101 15002501 7501 a901 0920 092f a900 0921 9502 8122 c0")
                                   << false
                                   << QStringList {"hookSwitch r00 b0 s1 0..1 abs nopref var toggleSwitch",
                                                   "flash r00 b1 s1 0..1 abs nopref var toggleSwitch"}
                                   << QStringList {};

    // Logical Maximum 0xFF is 255 after a non-negative minimum and -1 after a negative one.
    QTest::newRow("logical maximum signedness")
        << QByteArray::fromHex("050b0905a101 150025ff 7508 9501 0920 8102 15ff 0921 8106 c0") << false
        << QStringList {"hookSwitch r00 b0 s8 0..255 abs pref var undefined",
                        "flash r00 b8 s8 -1..-1 rel pref var undefined"}
        << QStringList {};

    // Push/Pop restores the report ID as well; Feature items are not call controls. Controls
    // are listed by report ID, then bit offset.
    QTest::newRow("push pop report id, features ignored")
        << QByteArray::fromHex("050b0905a101 15002501 7501 9501 8503 a4 8504 0920 8122 b4 092f 8106"
                               " 0921 b122 c0")
        << true
        << QStringList {"phoneMute r03 b0 s1 0..1 rel pref var toggleButton",
                        "hookSwitch r04 b0 s1 0..1 abs nopref var toggleSwitch"}
        << QStringList {};

    // Only Application collections start a telephony collection; a Logical one does not.
    QTest::newRow("logical headset collection ignored")
        << QByteArray::fromHex("050b0905a102 15002501 7501 9501 0920 8122 c0") << false << QStringList {}
        << QStringList {};
}

void TestHidDescriptor::itemSemantics()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, usesReportIds);
    QFETCH(QStringList, inputs);
    QFETCH(QStringList, outputs);

    // fromHex skips the spaces used above for readability.
    const DescriptorParseResult result = ReportDescriptorParser::parse(QByteArrayView(bytes));
    QVERIFY2(result.isValid(), qPrintable(result.error.message()));
    QCOMPARE(result.usesReportIds, usesReportIds);
    if (inputs.isEmpty() && outputs.isEmpty()) {
        QVERIFY(result.collections.isEmpty());
        return;
    }
    QCOMPARE(result.collections.size(), 1);
    QCOMPARE(describeAll(result.collections.at(0).inputs), inputs);
    QCOMPARE(describeAll(result.collections.at(0).outputs), outputs);
}

void TestHidDescriptor::itemReader()
{
    const QByteArray bytes = QByteArray::fromHex("15ff 26ff00 27feffffff fe0210aabb 00 c0");
    const std::span<const std::uint8_t> span(reinterpret_cast<const std::uint8_t *>(bytes.constData()),
                                             std::size_t(bytes.size()));
    DescriptorItemReader reader(span);
    DescriptorItem item;
    DescriptorError error;

    QVERIFY(reader.readNext(item, error));
    QCOMPARE(item.type, DescriptorItem::Type::Global);
    QCOMPARE(item.tag, quint8(1));
    QCOMPARE(item.signedData(), -1);
    QCOMPARE(item.data, 0xFFu);

    QVERIFY(reader.readNext(item, error));
    QCOMPARE(item.dataSize, quint8(2));
    QCOMPARE(item.signedData(), 255);
    QCOMPARE(item.byteOffset, qsizetype(2));

    QVERIFY(reader.readNext(item, error));
    QCOMPARE(item.dataSize, quint8(4));
    QCOMPARE(item.signedData(), -2);

    QVERIFY(reader.readNext(item, error));
    QCOMPARE(item.type, DescriptorItem::Type::Long);
    QCOMPARE(item.tag, quint8(0x10));
    QCOMPARE(item.totalLength, qsizetype(5));
    QCOMPARE(item.byteOffset, qsizetype(10));

    QVERIFY(reader.readNext(item, error));
    QCOMPARE(item.type, DescriptorItem::Type::Main);
    QCOMPARE(item.dataSize, quint8(0));

    QVERIFY(reader.readNext(item, error));
    QCOMPARE(item.tag, quint8(0xC));
    QVERIFY(reader.atEnd());
    QVERIFY(!error.isError());
}

void TestHidDescriptor::jsonShape()
{
    const DescriptorParseResult result =
        ReportDescriptorParser::parse(QByteArrayView(readFixture("0b0e-0307.bin")));
    const QJsonObject json = DescriptorJson::toJson(result);

    QCOMPARE(json.value("valid").toBool(), true);
    QVERIFY(!json.contains("error"));
    QCOMPARE(json.value("descriptorBytes").toInt(), 332);
    QCOMPARE(json.value("usesReportIds").toBool(), true);

    const QJsonArray collections = json.value("collections").toArray();
    QCOMPARE(collections.size(), 1);
    const QJsonObject headset = collections.at(0).toObject();
    QCOMPARE(headset.value("usagePage").toInt(), 11);
    QCOMPARE(headset.value("usage").toInt(), 5);
    QCOMPARE(headset.value("topLevelIndex").toInt(), 0);
    QCOMPARE(headset.value("byteOffset").toInt(), 4);
    QCOMPARE(headset.value("usable").toBool(), true);

    const QJsonObject hook = headset.value("inputs").toArray().at(0).toObject();
    const QJsonObject expectedHook {
        {"control", "hookSwitch"},
        {"usagePage", 11},
        {"usage", 32},
        {"reportId", 2},
        {"bitOffset", 0},
        {"bitSize", 1},
        {"reportCount", 1},
        {"logicalMin", 0},
        {"logicalMax", 1},
        {"absolute", true},
        {"preferredState", false},
        {"variable", true},
        {"nullState", false},
        {"flags", 0x22},
        {"onOffType", "toggleSwitch"},
        {"outsideCollection", false},
    };
    QCOMPARE(hook, expectedHook);

    const QJsonObject keypad = headset.value("inputs").toArray().at(7).toObject();
    QCOMPARE(keypad.value("control").toString(), QStringLiteral("keypad"));
    QCOMPARE(keypad.value("variable").toBool(), false);
    QCOMPARE(keypad.value("usageMaximum").toInt(), 0xBB);
    const QJsonArray keys = keypad.value("arrayUsages").toArray();
    QCOMPARE(keys.size(), 1);
    QCOMPARE(keys.at(0).toObject(),
             (QJsonObject {{"usagePage", 11}, {"usageMin", 0xB0}, {"usageMax", 0xBB}}));

    const QJsonArray outputs = headset.value("outputs").toArray();
    QCOMPARE(outputs.size(), 6);
    QCOMPARE(outputs.at(5).toObject().value("control").toString(), QStringLiteral("ringer"));

    bool foundOutputReport = false;
    for (const QJsonValue &report : json.value("reports").toArray()) {
        const QJsonObject object = report.toObject();
        if (object.value("type").toString() == QLatin1String("output")
            && object.value("reportId").toInt() == 2) {
            QCOMPARE(object.value("bitLength").toInt(), 16);
            QCOMPARE(object.value("byteLength").toInt(), 2);
            foundOutputReport = true;
        }
    }
    QVERIFY(foundOutputReport);

    // Round trip through text keeps the document intact.
    const QByteArray text = DescriptorJson::toDocument(result).toJson();
    QCOMPARE(QJsonDocument::fromJson(text).object(), json);
}

void TestHidDescriptor::jsonError()
{
    const DescriptorParseResult result =
        ReportDescriptorParser::parse(QByteArrayView(readFixture("malformed-truncated-item.bin")));
    const QJsonObject json = DescriptorJson::toJson(result);
    QCOMPARE(json.value("valid").toBool(), false);
    const QJsonObject error = json.value("error").toObject();
    QCOMPARE(error.value("code").toString(), QStringLiteral("truncatedItem"));
    QCOMPARE(error.value("byteOffset").toInt(), 46);
    QVERIFY(error.value("message").toString().contains(QStringLiteral("byte offset 46")));
    QCOMPARE(json.value("collections").toArray().size(), 0);
}

void TestHidDescriptor::probeExitCodes_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<int>("collections");
    QTest::addColumn<QString>("errText");

    QTest::newRow("Jabra") << "0b0e-0307.bin" << 0 << 1 << QString();
    QTest::newRow("Poly BT700") << "047f-02e6.bin" << 0 << 1 << QString();
    QTest::newRow("SC 660") << "1395-0082.bin" << 0 << 1 << QString();
    QTest::newRow("EPOS D1") << "1395-009c.bin" << 0 << 1 << QString();
    QTest::newRow("synthetic headset") << "synthetic-telephony-headset.bin" << 0 << 1 << QString();
    QTest::newRow("synthetic volume") << "synthetic-volume-in-telephony-report.bin" << 0 << 1 << QString();
    QTest::newRow("synthetic multi") << "synthetic-multi-collection.bin" << 0 << 2 << QString();
    QTest::newRow("Logitech G535") << "046d-0ac4.bin" << 3 << 0 << "no usable telephony collection";
    QTest::newRow("Teams vendor only")
        << "synthetic-teams-vendor.bin" << 3 << 0 << "no usable telephony collection";
    QTest::newRow("truncated") << "malformed-truncated-item.bin" << 2 << 0 << "byte offset 46";
    QTest::newRow("unclosed") << "malformed-unclosed-collection.bin" << 2 << 0 << "byte offset 48";
    QTest::newRow("long item") << "malformed-long-item-overrun.bin" << 2 << 0 << "byte offset 6";
    QTest::newRow("garbage") << "malformed-garbage-png.bin" << 2 << 0 << "byte offset 15";
}

void TestHidDescriptor::probeExitCodes()
{
    QFETCH(QString, file);
    QFETCH(int, exitCode);
    QFETCH(int, collections);
    QFETCH(QString, errText);

    QString outText;
    QString errOutput;
    QTextStream out(&outText);
    QTextStream err(&errOutput);
    QCOMPARE(probeDescriptorFile(fixturePath(file), out, err), exitCode);
    out.flush();
    err.flush();

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(outText.toUtf8(), &parseError);
    QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString()));
    QCOMPARE(document.object().value("valid").toBool(), exitCode != 2);
    QCOMPARE(document.object().value("collections").toArray().size(), collections);
    if (errText.isEmpty()) {
        QVERIFY2(errOutput.isEmpty(), qPrintable(errOutput));
    } else {
        QVERIFY2(errOutput.contains(errText), qPrintable(errOutput));
        QVERIFY(errOutput.contains(file));
    }
}

void TestHidDescriptor::probeUnreadableAndOversized()
{
    QString outText;
    QString errOutput;
    QTextStream out(&outText);
    QTextStream err(&errOutput);

    QCOMPARE(probeDescriptorFile(fixturePath("does-not-exist.bin"), out, err), int(ProbeUnreadable));
    QVERIFY(outText.isEmpty());
    QVERIFY(errOutput.contains(QStringLiteral("cannot read")));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile big(dir.filePath("big.bin"));
    QVERIFY(big.open(QIODevice::WriteOnly));
    big.write(QByteArray(DescriptorLimits::maxDescriptorBytes + 100, '\0'));
    big.close();
    errOutput.clear();
    QCOMPARE(probeDescriptorFile(big.fileName(), out, err), int(ProbeMalformed));
    QVERIFY2(errOutput.contains(QStringLiteral("byte offset %1").arg(DescriptorLimits::maxDescriptorBytes)),
             qPrintable(errOutput));
}

QTEST_APPLESS_MAIN(TestHidDescriptor)

#include "tst_hid_descriptor.moc"
