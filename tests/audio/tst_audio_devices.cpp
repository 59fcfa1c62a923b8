// AudioDevices against the harness server: roles remembered by id, missing devices fall back to the system
// default with a reason naming both, and a card plugged or unplugged while running moves the role in time.
#include "PulseControl.h"
#include "PulseTestMain.h"
#include "ToneFarEnd.h"

#include "audio/AudioDevices.h"

#include "settings/ConsoleSettings.h"
#include <QtCore/qelapsedtimer.h>

#include <QtCore/qsettings.h>
#include <QtCore/qtemporarydir.h>
#include <QtCore/qtranslator.h>
#include <QtMultimedia/qmediadevices.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

#include <memory>

// Marks every AudioDevices string, so a test sees which texts were built after it was installed.
class MarkingTranslator : public QTranslator
{
public:
    QString translate(const char *context, const char *sourceText, const char *, int) const override
    {
        if (qstrcmp(context, "AudioDevices") != 0)
            return QString();
        return QStringLiteral("[xx] ") + QString::fromUtf8(sourceText);
    }
    bool isEmpty() const override { return false; }
};

class tst_AudioDevices : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ConsoleSettings> m_settings;

    QAudioDevice harnessDevice(AudioDevices::Role role, const QString &description)
    {
        return role == AudioDevices::Capture ? PulseControl::input(description)
                                             : PulseControl::output(description);
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_settings = freshAudioSettings(m_dir);
    }

    void defaultsWithoutAChoice()
    {
        AudioDevices devices(m_settings.get());
        QCOMPARE(devices.device(AudioDevices::Capture).description(),
                 QStringLiteral("Hookline Test Headset Mic"));
        QCOMPARE(devices.device(AudioDevices::Playback).description(),
                 QStringLiteral("Hookline Test Speakers"));
        QCOMPARE(devices.device(AudioDevices::Ringer).description(),
                 QStringLiteral("Hookline Test Speakers"));
        for (auto role : {AudioDevices::Capture, AudioDevices::Playback, AudioDevices::Ringer}) {
            QVERIFY(devices.fallbackReason(role).isEmpty());
            QVERIFY(devices.chosenId(role).isEmpty());
        }
    }

    void choiceIsRemembered_data()
    {
        QTest::addColumn<AudioDevices::Role>("role");
        QTest::addColumn<QString>("description");
        QTest::newRow("capture: line in") << AudioDevices::Capture << QStringLiteral("Hookline Test Line In");
        QTest::newRow("playback: headset")
            << AudioDevices::Playback << QStringLiteral("Hookline Test Headset");
        QTest::newRow("ringer: line") << AudioDevices::Ringer << QStringLiteral("Hookline Test Line");
    }

    void choiceIsRemembered()
    {
        QFETCH(AudioDevices::Role, role);
        QFETCH(QString, description);
        const QAudioDevice wanted = harnessDevice(role, description);
        QVERIFY(!wanted.isNull());
        {
            AudioDevices devices(m_settings.get());
            QSignalSpy changed(&devices, &AudioDevices::deviceChanged);
            QVERIFY(devices.choose(role, wanted.id()));
            QCOMPARE(changed.size(), 1);
            QCOMPARE(changed.at(0).at(0).value<AudioDevices::Role>(), role);
            QCOMPARE(changed.at(0).at(1).value<QAudioDevice>().id(), wanted.id());
            QVERIFY(changed.at(0).at(2).toString().isEmpty());
            // Choosing it again changes nothing.
            QVERIFY(devices.choose(role, wanted.id()));
            QCOMPARE(changed.size(), 1);
        }
        m_settings->store()->sync();
        QSettings rereadStore(m_settings->userFile(), QSettings::IniFormat);
        ConsoleSettings reread(&rereadStore, QString(), nullptr);
        AudioDevices restarted(&reread);
        QCOMPARE(restarted.device(role).id(), wanted.id());
        QCOMPARE(restarted.chosenId(role), wanted.id());
        QVERIFY(restarted.fallbackReason(role).isEmpty());
    }

    void refusesADeviceOfTheWrongKind_data()
    {
        QTest::addColumn<AudioDevices::Role>("role");
        QTest::addColumn<QByteArray>("id");
        QTest::newRow("output as microphone")
            << AudioDevices::Capture << PulseControl::output(QStringLiteral("Hookline Test Headset")).id();
        QTest::newRow("microphone as ringer")
            << AudioDevices::Ringer << PulseControl::input(QStringLiteral("Hookline Test Headset Mic")).id();
        QTest::newRow("unknown id") << AudioDevices::Playback << QByteArray("no-such-device");
    }

    void refusesADeviceOfTheWrongKind()
    {
        QFETCH(AudioDevices::Role, role);
        QFETCH(QByteArray, id);
        AudioDevices devices(m_settings.get());
        const QByteArray before = devices.device(role).id();
        QSignalSpy changed(&devices, &AudioDevices::deviceChanged);
        QVERIFY(!devices.choose(role, id));
        QCOMPARE(changed.size(), 0);
        QCOMPARE(devices.device(role).id(), before);
        QVERIFY(devices.chosenId(role).isEmpty());
    }

    void missingRememberedDeviceFallsBackAndSaysSo()
    {
        m_settings->setValue(SettingsSchema::PlaybackDeviceId, QByteArray("usb-jabra-that-is-not-here"));
        m_settings->setValue(SettingsSchema::PlaybackDeviceDescription, QStringLiteral("Old USB Headset"));
        AudioDevices devices(m_settings.get());
        QCOMPARE(devices.device(AudioDevices::Playback).description(),
                 QStringLiteral("Hookline Test Speakers"));
        const QString reason = devices.fallbackReason(AudioDevices::Playback);
        QVERIFY2(reason.contains(QStringLiteral("Old USB Headset")), qPrintable(reason));
        QVERIFY2(reason.contains(QStringLiteral("Hookline Test Speakers")), qPrintable(reason));
        // The choice survives the fallback, so the device is used again when it returns.
        QCOMPARE(devices.chosenId(AudioDevices::Playback), QByteArray("usb-jabra-that-is-not-here"));
        QVERIFY(devices.fallbackReason(AudioDevices::Ringer).isEmpty());

        // The settings page's choices: the default first, the present outputs, the missing choice last.
        const QVariantList choices = devices.choices(AudioDevices::Playback);
        QVERIFY(choices.size() >= 3);
        QCOMPARE(choices.first().toMap().value("id").toString(), QString());
        QCOMPARE(choices.first().toMap().value("name").toString(),
                 QStringLiteral("System default (Hookline Test Speakers)"));
        const QVariantMap missing = choices.last().toMap();
        QCOMPARE(missing.value("id").toString(), QStringLiteral("usb-jabra-that-is-not-here"));
        QCOMPARE(missing.value("name").toString(), QStringLiteral("Old USB Headset (not connected)"));
        QCOMPARE(devices.chosenDeviceId(AudioDevices::Playback),
                 QStringLiteral("usb-jabra-that-is-not-here"));
        QStringList names;
        for (const QVariant &choice : choices)
            names << choice.toMap().value("name").toString();
        QVERIFY2(names.contains(QStringLiteral("Hookline Test Headset")), qPrintable(names.join(", ")));
        // Choosing by the text id the page hands back; the missing one cannot be chosen.
        const QVariantMap headset =
            choices.at(names.indexOf(QStringLiteral("Hookline Test Headset"))).toMap();
        QVERIFY(devices.chooseDevice(AudioDevices::Playback, headset.value("id").toString()));
        QCOMPARE(devices.device(AudioDevices::Playback).description(),
                 QStringLiteral("Hookline Test Headset"));
        QVERIFY(devices.fallbackReason(AudioDevices::Playback).isEmpty());
        QVERIFY(!devices.chooseDevice(AudioDevices::Playback, missing.value("id").toString()));
        QVERIFY(devices.chooseDevice(AudioDevices::Playback, QString()));
        QCOMPARE(devices.chosenDeviceId(AudioDevices::Playback), QString());
    }

    // A language chosen while running reaches the reasons and names at once, without moving any device.
    void languageChangeRetranslatesWithoutReopening()
    {
        m_settings->setValue(SettingsSchema::PlaybackDeviceId, QByteArray("usb-jabra-that-is-not-here"));
        m_settings->setValue(SettingsSchema::PlaybackDeviceDescription, QStringLiteral("Old USB Headset"));
        AudioDevices devices(m_settings.get());
        QVERIFY(!devices.fallbackReason(AudioDevices::Playback).startsWith(QStringLiteral("[xx] ")));
        QSignalSpy texts(&devices, &AudioDevices::textsChanged);
        QSignalSpy moved(&devices, &AudioDevices::deviceChanged);

        MarkingTranslator marking;
        QVERIFY(QCoreApplication::installTranslator(&marking));
        const QString reason = devices.fallbackReason(AudioDevices::Playback);
        const QVariantList choices = devices.choices(AudioDevices::Playback);
        QCoreApplication::removeTranslator(&marking);

        QCOMPARE(texts.size(), 2); // installed, then removed
        QCOMPARE(moved.size(), 0);
        QVERIFY2(reason.startsWith(QStringLiteral("[xx] ")), qPrintable(reason));
        QVERIFY2(reason.contains(QStringLiteral("Old USB Headset")), qPrintable(reason));
        QVERIFY(choices.first().toMap().value("name").toString().startsWith(QStringLiteral("[xx] ")));
        QVERIFY(choices.last().toMap().value("name").toString().startsWith(QStringLiteral("[xx] ")));
        QVERIFY(!devices.fallbackReason(AudioDevices::Playback).startsWith(QStringLiteral("[xx] ")));
        QCOMPARE(devices.device(AudioDevices::Playback).description(),
                 QStringLiteral("Hookline Test Speakers"));
    }

    void hotPlugMovesTheRoleWithinASecond()
    {
        AudioDevices devices(m_settings.get());
        QSignalSpy listChanged(&devices, &AudioDevices::devicesChanged);
        QString error;
        const QString module =
            PulseControl::loadNullSink(QStringLiteral("hookline_hotplug"), QStringLiteral("Hotplug"), &error);
        QVERIFY2(!module.isEmpty(), qPrintable(error));
        auto unload = qScopeGuard([&] { PulseControl::pactl({QStringLiteral("unload-module"), module}); });

        // Appears without a restart (timer or QMediaDevices' signal, whichever comes first).
        const auto listsHotplug = [&] {
            const QList<QAudioDevice> outputs = devices.outputs();
            return std::any_of(outputs.begin(), outputs.end(), [](const QAudioDevice &d) {
                return d.description() == QStringLiteral("Hotplug");
            });
        };
        QTRY_VERIFY_WITH_TIMEOUT(listsHotplug(), 3000);
        QVERIFY(listChanged.size() >= 1);
        const QAudioDevice hotplug = PulseControl::output(QStringLiteral("Hotplug"));
        QVERIFY(devices.choose(AudioDevices::Playback, hotplug.id()));
        QCOMPARE(devices.device(AudioDevices::Playback).id(), hotplug.id());

        // Unplugged: the role moves to the default within a second and says where the audio went.
        QSignalSpy moved(&devices, &AudioDevices::deviceChanged);
        unload.dismiss();
        QVERIFY2(PulseControl::pactl({QStringLiteral("unload-module"), module}, nullptr, &error),
                 qPrintable(error));
        QElapsedTimer sinceUnplug;
        sinceUnplug.start();
        QVERIFY(moved.wait(2000));
        QVERIFY2(sinceUnplug.elapsed() < 1000, qPrintable(QString::number(sinceUnplug.elapsed())));
        QCOMPARE(moved.size(), 1);
        QCOMPARE(moved.at(0).at(0).value<AudioDevices::Role>(), AudioDevices::Playback);
        QCOMPARE(moved.at(0).at(1).value<QAudioDevice>().description(),
                 QStringLiteral("Hookline Test Speakers"));
        QVERIFY(moved.at(0).at(2).toString().contains(QStringLiteral("Hotplug")));

        // Plugged back in (a new module, same sink name): the role returns to it with no reason.
        const QString again =
            PulseControl::loadNullSink(QStringLiteral("hookline_hotplug"), QStringLiteral("Hotplug"), &error);
        QVERIFY2(!again.isEmpty(), qPrintable(error));
        auto unloadAgain = qScopeGuard([&] {
            PulseControl::pactl({QStringLiteral("unload-module"), again});
        });
        QVERIFY(moved.wait(2000));
        QCOMPARE(moved.size(), 2);
        QCOMPARE(moved.at(1).at(1).value<QAudioDevice>().id(), hotplug.id());
        QVERIFY(moved.at(1).at(2).toString().isEmpty());
    }
};

HOOKLINE_PULSE_TEST_MAIN(tst_AudioDevices)
#include "tst_audio_devices.moc"
