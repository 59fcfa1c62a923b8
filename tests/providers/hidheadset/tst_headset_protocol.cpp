// HeadsetProtocol alone (no threads, explicit time): decoding by each control's flags, host-state
// comparison, echo windows and output reports built from the complete cached state. Each row is a
// list of steps:
//   "at MS"                       set the time
//   "lamp KIND 0|1 = IDS"         host sets an output (controlKindName) -> report IDs to write (hex)
//   "written ID"                  the report was written now (starts echo windows for changed lamps)
//   "in HEX = REQUESTS"           decode a report -> "button value" requests, comma-separated
//   "report ID = HEX"             the complete output report for that ID

#include "HeadsetTestSupport.h"
#include "ReportDescriptorParser.h"
#include "device/HeadsetProtocol.h"

#include <QtTest/qtest.h>

using namespace hookline::hid;

namespace {
ControlKind kindNamed(const QString &name)
{
    static const ControlKind kinds[] = {
        ControlKind::Ringer,    ControlKind::LedMute,    ControlKind::LedOffHook,
        ControlKind::LedRing,   ControlKind::LedHold,    ControlKind::LedMicrophone,
        ControlKind::LedOnLine, ControlKind::LedSpeaker, ControlKind::LedHeadset};
    for (ControlKind kind : kinds) {
        if (controlKindName(kind) == name)
            return kind;
    }
    return ControlKind::Other;
}

QString hexIds(const QList<quint8> &ids)
{
    QStringList hex;
    for (quint8 id : ids)
        hex << QStringLiteral("%1").arg(id, 2, 16, QLatin1Char('0'));
    return hex.join(QLatin1Char(' '));
}
} // namespace

class TestHeadsetProtocol : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void steps_data();
    void steps();
};

void TestHeadsetProtocol::steps_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QStringList>("steps");

    QTest::newRow("separate off/on mute buttons (-1..1), no Mute lamp")
        << "synthetic-multi-collection.bin"
        << QStringList {"in 05 02 = mute 1", "in 05 00 = ",       "lamp ledMute 1 = ", "in 05 02 = ",
                        "in 05 00 = ",       "in 05 06 = mute 1", "in 05 00 = "};
    QTest::newRow("Hold as a switch input")
        << "synthetic-multi-collection.bin"
        << QStringList {"in 05 08 = hold 1", "lamp ledHold 1 = ", "in 05 08 = ",
                        "in 05 00 = hold 1", "lamp ledHold 0 = ", "in 05 08 = hold 1"};
    QTest::newRow("hook without an Off-Hook lamp is compared with the host's state")
        << "synthetic-multi-collection.bin"
        << QStringList {"in 05 01 = hook 1",    "lamp ledOffHook 1 = ", "in 05 00 = hook 0",
                        "lamp ledOffHook 0 = ", "in 05 01 = hook 1",    "in 05 10 = reject 1",
                        "in 05 20 = "};
    QTest::newRow("second collection: 32-bit usages, keypad with logical minimum 1")
        << "synthetic-multi-collection.bin"
        << QStringList {"in 07 00 01 = hook 1", "in 07 00 03 = redial 1",  "in 07 00 0d = keypad 50",
                        "in 07 00 01 = ",       "in 07 00 31 = keypad 35", "in 07 00 01 = "};
    // Jabra's keypad: 4 bits at bit 7 of report 0x02, logical 0..11 selecting Phone Key 0..B.
    QTest::newRow("Jabra keypad idling at 0: 0 is nothing, other keys are edges")
        << "0b0e-0307.bin" << QStringList {"in 02 00 00 = ", "in 02 80 02 = keypad 53", "in 02 80 02 = ",
                                           "in 02 00 00 = ", "in 02 00 01 = keypad 50", "in 02 00 00 = "};
    QTest::newRow("Jabra keypad idling at an out-of-range null: 0 is Phone Key 0")
        << "0b0e-0307.bin"
        << QStringList {"in 02 00 00 = ",         "in 02 80 07 = ",          "in 02 00 00 = keypad 48",
                        "in 02 80 07 = ",         "in 02 00 00 = keypad 48", "in 02 80 07 = ",
                        "in 02 80 02 = keypad 53"};
    QTest::newRow("Speaker and Head Set lamps from a usage range")
        << "synthetic-multi-collection.bin"
        << QStringList {"report 06 = 06 00",   "lamp ledHeadset 1 = 06", "lamp ledHeadset 1 = ",
                        "report 06 = 06 02",   "lamp ledSpeaker 1 = 06", "report 06 = 06 03",
                        "lamp ledOffHook 1 = "};
    QTest::newRow("Jabra: complete state of report 0x02")
        << "0b0e-0307.bin"
        << QStringList {"lamp ledRing 1 = 02",    "lamp ringer 1 = 02",        "report 02 = 02 24 00",
                        "lamp ledOffHook 1 = 02", "lamp ledRing 0 = 02",       "lamp ringer 0 = 02",
                        "lamp ledMute 1 = 02",    "lamp ledMicrophone 1 = 02", "report 02 = 02 13 00"};
    QTest::newRow("Poly: one LED per report")
        << "047f-02e6.bin"
        << QStringList {"lamp ledMute 1 = 23", "lamp ledMicrophone 1 = ", "lamp ledOffHook 1 = 24",
                        "report 23 = 23 01",   "report 24 = 24 01",       "report 21 = 21 00",
                        "lamp ringer 1 = "};
    QTest::newRow("echo window follows Off-Hook and Hold changes, not Ring")
        << "0b0e-0307.bin"
        << QStringList {"lamp ledOffHook 1 = 02",
                        "written 02",
                        "at 100",
                        "in 02 00 00 = ",
                        "at 700",
                        "in 02 01 00 = ",
                        "at 800",
                        "in 02 00 00 = hook 0",
                        "at 900",
                        "in 02 01 00 = ",
                        "at 1000",
                        "lamp ledRing 1 = 02",
                        "written 02",
                        "at 1050",
                        "in 02 00 00 = hook 0",
                        "at 2000",
                        "in 02 01 00 = ",
                        "lamp ledHold 1 = 02",
                        "written 02",
                        "at 2100",
                        "in 02 00 00 = ",
                        "at 2700",
                        "in 02 01 00 = ",
                        "in 02 00 00 = hook 0"};
    QTest::newRow("relative toggle: press and release are one request")
        << "0b0e-0307.bin" << QStringList {"in 02 04 00 = mute 1", "in 02 04 00 = ",
                                           "in 02 00 00 = ",       "in 02 0c 00 = mute 1, flash 1",
                                           "in 02 00 00 = ",       "in 02 10 00 = redial 1",
                                           "in 02 02 00 = ",       "in 02 20 00 = "};
    QTest::newRow("momentary hook and mute (absolute with preferred state)")
        << "synthetic-telephony-headset.bin" << QStringList {"in 01 01 = hook 1",   "lamp ledOffHook 1 = 02",
                                                             "written 02",          "at 100",
                                                             "in 01 00 = ",         "at 2000",
                                                             "in 01 01 = ",         "in 01 03 = mute 1",
                                                             "lamp ledMute 1 = 02", "in 01 01 = mute 1"};
    QTest::newRow("reports of other IDs and empty reads")
        << "0b0e-0307.bin"
        << QStringList {"in 04 01 00 = ", "in 01 01 00 = ", "in  = ", "in 02 = ", "in 02 01 = hook 1"};
}

void TestHeadsetProtocol::steps()
{
    QFETCH(QString, fixture);
    QFETCH(QStringList, steps);

    const HidDeviceInfo device = fixtureDevice(fixture);
    const DescriptorParseResult parsed = ReportDescriptorParser::parse(QByteArrayView(device.descriptor));
    QVERIFY2(parsed.isValid(), qPrintable(parsed.error.message()));
    HeadsetProtocol protocol(parsed);
    qint64 now = 0;
    for (const QString &step : std::as_const(steps)) {
        const QString command = step.section(QLatin1String(" = "), 0, 0).trimmed();
        const QString expected = step.section(QLatin1String(" = "), 1).trimmed();
        const QStringList words = command.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        const QString verb = words.value(0);
        if (verb == QLatin1String("at")) {
            now = words.value(1).toLongLong();
        } else if (verb == QLatin1String("lamp")) {
            const ControlKind kind = kindNamed(words.value(1));
            QVERIFY2(kind != ControlKind::Other, qPrintable(step));
            QCOMPARE(hexIds(protocol.setOutput(kind, words.value(2) == QLatin1String("1"))), expected);
        } else if (verb == QLatin1String("written")) {
            protocol.noteWritten(quint8(words.value(1).toUInt(nullptr, 16)), now);
        } else if (verb == QLatin1String("in")) {
            QStringList requests;
            for (const HeadsetRequest &request :
                 protocol.decodeInput(fromHex(words.mid(1).join(QString())), now))
                requests << QStringLiteral("%1 %2").arg(buttonName(request.button)).arg(request.value);
            QVERIFY2(requests.join(QStringLiteral(", ")) == expected,
                     qPrintable(step + QStringLiteral(" got: ") + requests.join(QStringLiteral(", "))));
        } else if (verb == QLatin1String("report")) {
            QCOMPARE(QString::fromLatin1(
                         protocol.buildOutputReport(quint8(words.value(1).toUInt(nullptr, 16))).toHex(' ')),
                     expected);
        } else {
            QFAIL(qPrintable(QStringLiteral("bad step: ") + step));
        }
    }
}

QTEST_GUILESS_MAIN(TestHeadsetProtocol)
#include "tst_headset_protocol.moc"
