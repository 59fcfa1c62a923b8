// Replays the authored report scripts of scripts/*.txt (docs/device-facts.md 5.2) through the real headset
// stack: FakeHidBackend -> HeadsetManager -> HeadsetDevice (I/O thread, queued signals) ->
// HeadsetProtocol, checking every request the device reports and every report the host writes.
// The script format is described in scripts/README.md.

#include "HeadsetTestSupport.h"
#include "backend/FakeHidBackend.h"
#include "device/HeadsetDevice.h"
#include "device/HeadsetManager.h"
#include "transport/FakeHidTransport.h"

#include <QtCore/qdir.h>
#include <QtCore/qfile.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

using namespace hookline::hid;

namespace {
const QHash<QString, PhoneDevice::Lamp> lampNames {
    {QStringLiteral("offHook"), PhoneDevice::LampOffHook},
    {QStringLiteral("ring"), PhoneDevice::LampRing},
    {QStringLiteral("mute"), PhoneDevice::LampMute},
    {QStringLiteral("microphone"), PhoneDevice::LampMicrophone},
    {QStringLiteral("hold"), PhoneDevice::LampHold},
    {QStringLiteral("onLine"), PhoneDevice::LampOnLine},
};

QString scriptDir()
{
    return QStringLiteral(SCRIPT_DIR);
}

// Runs the queued flushes, then waits until the device's I/O thread wrote them.
void runQueued(HeadsetDevice *headset)
{
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    QTRY_COMPARE_WITH_TIMEOUT(headset ? headset->pendingWrites() : 0, 0, 5000);
}
} // namespace

class TestHeadsetReplay : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyScriptHasARow();
    void replay_data();
    void replay();
};

void TestHeadsetReplay::everyScriptHasARow()
{
    // The minimum set of docs/device-facts.md 5.2, one script (at least) per scenario.
    const QStringList required {
        QStringLiteral("jabra-answer.txt"),       QStringLiteral("jabra-unconfirmed-press.txt"),
        QStringLiteral("jabra-mute-toggle.txt"),  QStringLiteral("poly-mute.txt"),
        QStringLiteral("jabra-hold-echo.txt"),    QStringLiteral("jabra-mute-lock-bounce.txt"),
        QStringLiteral("epos-volume-bits.txt"),   QStringLiteral("jabra-short-read.txt"),
        QStringLiteral("unnumbered-reports.txt"), QStringLiteral("jabra-unplug-replug.txt"),
    };
    const QStringList present = QDir(scriptDir()).entryList({QStringLiteral("*.txt")}, QDir::Files);
    for (const QString &script : required)
        QVERIFY2(present.contains(script), qPrintable(script));
}

void TestHeadsetReplay::replay_data()
{
    QTest::addColumn<QString>("script");
    const QStringList scripts =
        QDir(scriptDir()).entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name);
    for (const QString &script : scripts)
        QTest::newRow(qPrintable(script)) << script;
}

void TestHeadsetReplay::replay()
{
    QFETCH(QString, script);
    QFile file(scriptDir() + QLatin1Char('/') + script);
    QVERIFY2(file.open(QIODevice::ReadOnly | QIODevice::Text), qPrintable(file.fileName()));

    ManualClock clock;
    RecordingPhoneSink sink;
    auto *backend = new FakeHidBackend;
    HeadsetManager manager(backend);
    manager.setClock(&clock);
    manager.start(&sink);

    HidDeviceInfo device;
    QString phoneId;
    qsizetype writeIndex = 0;
    qsizetype eventIndex = 0;
    int lineNumber = 0;
    const qint64 epoch = clock.nowMs();

    auto transport = [&]() {
        return backend->transport(device.path);
    };
    auto writes = [&]() {
        const auto current = transport();
        return current ? current->writes() : QList<QByteArray>();
    };

    while (!file.atEnd()) {
        ++lineNumber;
        QString line = QString::fromUtf8(file.readLine());
        line = line.left(line.indexOf(QLatin1Char('#'))).trimmed();
        if (line.isEmpty())
            continue;
        const QString where = QStringLiteral("%1:%2: %3").arg(script).arg(lineNumber).arg(line);
        QStringList words = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (words.first() == QLatin1String("descriptor")) {
            device = fixtureDevice(words.value(1));
            QVERIFY2(!device.descriptor.isEmpty(), qPrintable(where));
            continue;
        }
        if (words.first() == QLatin1String("echo-window")) {
            manager.setEchoWindowMs(words.value(1).toLongLong());
            continue;
        }
        bool timeOk = false;
        clock.set(epoch + words.takeFirst().toLongLong(&timeOk));
        QVERIFY2(timeOk && !words.isEmpty(), qPrintable(where));
        const QString verb = words.takeFirst();
        const QString rest = words.join(QLatin1Char(' '));

        if (verb == QLatin1String("plug")) {
            const int before = int(sink.events.size());
            backend->plug(device);
            QVERIFY2(sink.events.size() > before, qPrintable(where));
            phoneId = device.stableId();
            writeIndex = 0;
        } else if (verb == QLatin1String("unplug")) {
            backend->unplug(device.path);
        } else if (verb == QLatin1String("in")) {
            HeadsetDevice *headset = manager.device(phoneId);
            QVERIFY2(headset, qPrintable(where));
            QSignalSpy decoded(headset, &HeadsetDevice::inputDecoded);
            transport()->injectInput(fromHex(rest));
            QVERIFY2(decoded.wait(5000), qPrintable(where));
            QCOMPARE(decoded.first().first().toByteArray(), fromHex(rest));
        } else if (verb == QLatin1String("out")) {
            runQueued(manager.device(phoneId));
            QTRY_VERIFY2(writes().size() > writeIndex, qPrintable(where));
            QCOMPARE(writes().at(writeIndex).toHex(' '), fromHex(rest).toHex(' '));
            ++writeIndex;
        } else if (verb == QLatin1String("event")) {
            runQueued(manager.device(phoneId));
            QVERIFY2(sink.events.size() > eventIndex, qPrintable(where + QStringLiteral(" (no event)")));
            QCOMPARE(sink.events.at(eventIndex), rest);
            ++eventIndex;
        } else if (verb == QLatin1String("lamp")) {
            QVERIFY2(lampNames.contains(words.value(0)), qPrintable(where));
            manager.setLamp(phoneId, lampNames.value(words.value(0)), words.value(1) == QLatin1String("1"));
        } else if (verb == QLatin1String("ringer")) {
            manager.setRinger(phoneId, words.value(0) == QLatin1String("1"));
        } else if (verb == QLatin1String("refresh")) {
            manager.refreshLamps(phoneId);
        } else if (verb == QLatin1String("quiet")) {
            runQueued(manager.device(phoneId));
            QVERIFY2(writes().size() == writeIndex,
                     qPrintable(where + QStringLiteral(" unexpected write ")
                                + writes().value(writeIndex).toHex(' ')));
            QVERIFY2(
                sink.events.size() == eventIndex,
                qPrintable(where + QStringLiteral(" unexpected event ") + sink.events.value(eventIndex)));
        } else {
            QFAIL(qPrintable(QStringLiteral("unknown verb in ") + where));
        }
    }
    // Nothing may happen that the script did not name.
    runQueued(manager.device(phoneId));
    QCOMPARE(writes().size(), writeIndex);
    QCOMPARE(sink.events.mid(eventIndex), QStringList());
}

QTEST_GUILESS_MAIN(TestHeadsetReplay)
#include "tst_headset_replay.moc"
