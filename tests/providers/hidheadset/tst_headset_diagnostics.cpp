// `hookline --list-headsets`, permission and descriptor problems shown with their fix, and the real
// Linux back end degrading cleanly on a machine without headsets.

#include "HeadsetTestSupport.h"
#include "backend/FakeHidBackend.h"
#include "backend/LinuxHidBackend.h"
#include "device/HeadsetManager.h"
#include "diagnostics/HeadsetDiagnostics.h"

#include <QtTest/qtest.h>

using namespace hookline::hid;

class TestHeadsetDiagnostics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listNothing();
    void listDevices();
    void unusableDevices_data();
    void unusableDevices();
    void permissionGrantedLater();
    void linuxBackendWithoutHeadsets();
};

void TestHeadsetDiagnostics::listNothing()
{
    FakeHidBackend backend;
    QString text;
    QTextStream out(&text);
    QCOMPARE(listHeadsets(backend, out), 0);
    out.flush();
    QCOMPARE(text, QStringLiteral("no telephony HID devices found\n"));
}

void TestHeadsetDiagnostics::listDevices()
{
    FakeHidBackend backend;
    backend.plug(fixtureDevice(QStringLiteral("0b0e-0307.bin"), 0));
    HidDeviceInfo locked = fixtureDevice(QStringLiteral("1395-0082.bin"), 1);
    locked.access = HidDeviceInfo::Access::NoPermission;
    locked.serial = QStringLiteral("A1B2");
    backend.plug(locked);
    QString text;
    QTextStream out(&text);
    QCOMPARE(listHeadsets(backend, out), 0);
    out.flush();
    const QStringList lines = text.split(QLatin1Char('\n'));
    QCOMPARE(lines.value(0), QStringLiteral("/dev/hidraw-fake0: fixture 0b0e-0307.bin"));
    QCOMPARE(lines.value(1), QStringLiteral("  id 0b0e:0307, manufacturer \"Hookline tests\", interface -1"));
    QCOMPARE(lines.value(2), QStringLiteral("  permission: ok (read/write)"));
    QCOMPARE(lines.value(3), QStringLiteral("  descriptor: 332 bytes, numbered reports"));
    QCOMPARE(lines.value(4), QStringLiteral("  collection 0x0b:0x05"));
    QCOMPARE(lines.value(5), QStringLiteral("    in  hookSwitch report 0x02 bit 0 size 1 abs toggleSwitch"));
    QVERIFY(lines.contains(QStringLiteral("    in  phoneMute report 0x02 bit 2 size 1 rel toggleButton")));
    QVERIFY(lines.contains(QStringLiteral("    out ringer report 0x02 bit 5 size 1 abs toggleSwitch")));
    const qsizetype second = lines.indexOf(QStringLiteral("/dev/hidraw-fake1: fixture 1395-0082.bin"));
    QVERIFY(second > 5);
    QCOMPARE(lines.value(second + 1).left(9), QStringLiteral("  id 1395"));
    QVERIFY(lines.value(second + 1).contains(QStringLiteral("1395:0082:A1B2")));
    QVERIFY2(lines.value(second + 2)
                 .startsWith(QStringLiteral("  permission: no permission to open /dev/hidraw-fake1")),
             qPrintable(lines.value(second + 2)));
    QVERIFY(lines.value(second + 2).contains(QStringLiteral("70-hookline-headsets.rules")));
    QVERIFY(lines.value(second + 2).contains(QStringLiteral("udevadm trigger")));
}

void TestHeadsetDiagnostics::unusableDevices_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<bool>("noPermission");
    QTest::addColumn<QString>("expected");

    QTest::newRow("no permission")
        << "0b0e-0307.bin" << true
        << "unusable 0b0e:0307 no permission to open /dev/hidraw-fake0. Fix: install the "
           "udev rule";
    QTest::newRow("no telephony collection")
        << "046d-0ac4.bin" << false << "unusable 046d:0ac4 no call controls in its telephony collection";
    QTest::newRow("malformed descriptor")
        << "malformed-truncated-item.bin" << false
        << "unusable 1209:0001 malformed report descriptor: truncated item at byte "
           "offset 46";
    QTest::newRow("descriptor unreadable")
        << "missing.bin" << false << "unusable 1209:0001 report descriptor unreadable:";
}

void TestHeadsetDiagnostics::unusableDevices()
{
    QFETCH(QString, fixture);
    QFETCH(bool, noPermission);
    QFETCH(QString, expected);

    RecordingPhoneSink sink;
    auto *backend = new FakeHidBackend;
    HeadsetManager manager(backend);
    manager.start(&sink);
    HidDeviceInfo device = fixtureDevice(fixture);
    if (noPermission)
        device.access = HidDeviceInfo::Access::NoPermission;
    backend->plug(device);
    QCOMPARE(sink.events.size(), 1);
    QVERIFY2(sink.events.first().startsWith(expected), qPrintable(sink.events.first()));
    QCOMPARE(backend->openCount(device.path), 0);
    QCOMPARE(manager.phones().size(), 1);
    QCOMPARE(manager.phones().first().usable, false);
    QVERIFY(manager.device(manager.phones().first().phoneId) == nullptr);
    // Unplugging an unusable device removes it like any other.
    backend->unplug(device.path);
    QCOMPARE(sink.events.size(), 2);
    QVERIFY(sink.events.last().startsWith(QStringLiteral("removed ")));
    QVERIFY(manager.phones().isEmpty());
}

void TestHeadsetDiagnostics::permissionGrantedLater()
{
    RecordingPhoneSink sink;
    auto *backend = new FakeHidBackend;
    HeadsetManager manager(backend);
    manager.start(&sink);
    HidDeviceInfo device = fixtureDevice(QStringLiteral("0b0e-0307.bin"));
    device.access = HidDeviceInfo::Access::NoPermission;
    backend->plug(device);
    QCOMPARE(sink.events.size(), 1);
    QVERIFY(sink.events.first().startsWith(QStringLiteral("unusable 0b0e:0307 no permission")));

    // The rule is installed and `udevadm trigger` runs: the same node becomes accessible.
    backend->setAccess(device.path, HidDeviceInfo::Access::ReadWrite);
    QCOMPARE(sink.events.mid(1),
             (QStringList {QStringLiteral("removed 0b0e:0307 permission granted"),
                           QStringLiteral("added 0b0e:0307")}));
    QVERIFY(manager.device(QStringLiteral("0b0e:0307")));
    QCOMPARE(backend->openCount(device.path), 1);
    // Other change events change nothing.
    backend->setAccess(device.path, HidDeviceInfo::Access::ReadWrite);
    QCOMPARE(sink.events.size(), 3);
}

void TestHeadsetDiagnostics::linuxBackendWithoutHeadsets()
{
    // This machine (and CI) has no headset: enumeration must give a list (empty or not), opening
    // a node that does not exist must fail with a reason, and nothing may crash.
    LinuxHidBackend backend;
    const QList<HidDeviceInfo> devices = backend.enumerate();
    for (const HidDeviceInfo &device : devices)
        QVERIFY(device.path.startsWith(QStringLiteral("/dev/")));
    QString error;
    bool denied = true;
    HidDeviceInfo absent;
    absent.path = QStringLiteral("/dev/hidraw-does-not-exist");
    QVERIFY(!backend.open(absent, &error, &denied));
    QVERIFY(!denied);
    QVERIFY2(error.contains(QStringLiteral("/dev/hidraw-does-not-exist")), qPrintable(error));

    QString sysfsError;
    QVERIFY(LinuxHidBackend::readSysfsDescriptor(absent.path, &sysfsError).isEmpty());
    QVERIFY(sysfsError.contains(
        QStringLiteral("/sys/class/hidraw/hidraw-does-not-exist/device/report_descriptor")));

    QString text;
    QTextStream out(&text);
    QCOMPARE(listHeadsets(out), 0);
    out.flush();
    QVERIFY(!text.isEmpty());

    RecordingPhoneSink sink;
    HeadsetManager manager(new LinuxHidBackend);
    manager.start(&sink);
    QCOMPARE(sink.events.size(), devices.size());
    manager.stop();
}

QTEST_GUILESS_MAIN(TestHeadsetDiagnostics)
#include "tst_headset_diagnostics.moc"
