// The settings schema and ConsoleSettings: every key's type and default, values read from the user's file,
// bad values (one warning naming the key and the file, the default applies, the file is not rewritten),
// the administrator's pins (their value wins, writes are refused, the file is never written) and where
// the administrator's file is found. The floor/ group and the arrays (soundLines, sipAccounts: bounded
// sizes, typed entries, the administrator's entries pinned) and the secrets (never in a warning).

#include "core/PreservingIniFormat.h"
#include "floor/FloorSettings.h"
#include "settings/ConsoleSettings.h"

#include <QtCore/qdir.h>
#include <QtCore/qfile.h>
#include <QtCore/qfileinfo.h>
#include <QtCore/qsettings.h>
#include <QtCore/qtemporarydir.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

#include <memory>

namespace {

QStringList s_warnings;
QtMessageHandler s_previous = nullptr;

void collect(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtWarningMsg)
        s_warnings << message;
    s_previous(type, context, message);
}

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void write(const QString &path, const QByteArray &text)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text);
}

} // namespace

class TestSettingsSchema : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("Hookline"));
        QCoreApplication::setApplicationName(QStringLiteral("hookline"));
        s_previous = qInstallMessageHandler(collect);
    }
    void cleanupTestCase() { qInstallMessageHandler(s_previous); }
    void init()
    {
        s_warnings.clear();
        m_dir = std::make_unique<QTemporaryDir>();
        m_userPath = m_dir->filePath(QStringLiteral("hookline.conf"));
        m_adminPath = m_dir->filePath(QStringLiteral("admin.conf"));
    }

    // What the console documents for each key (docs/user-guide.md, docs/architecture.md), written here
    // independently of the table.
    void declaredOnce_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("type");
        QTest::addColumn<QVariant>("defaultValue");
        using T = SettingsSchema::Type;
        QTest::newRow("recording/auto") << "recording/auto" << int(T::Bool) << QVariant(false);
        QTest::newRow("recording/folder") << "recording/folder" << int(T::String) << QVariant(QString());
        QTest::newRow("recording/format")
            << "recording/format" << int(T::String) << QVariant(QStringLiteral("wav"));
        QTest::newRow("recording/layout")
            << "recording/layout" << int(T::String) << QVariant(QStringLiteral("stereo"));
        QTest::newRow("audio/musicOnHold") << "audio/musicOnHold" << int(T::String) << QVariant(QString());
        QTest::newRow("audio/ringtone") << "audio/ringtone" << int(T::String) << QVariant(QString());
        QTest::newRow("audio/ringer/id") << "audio/ringer/id" << int(T::String) << QVariant(QString());
        QTest::newRow("shortcuts/answer")
            << "shortcuts/answer" << int(T::String) << QVariant(QStringLiteral("Ctrl+Shift+A"));
        QTest::newRow("shortcuts/stateMenu")
            << "shortcuts/stateMenu" << int(T::String) << QVariant(QStringLiteral("Ctrl+Shift+N"));
        QTest::newRow("appearance/theme")
            << "appearance/theme" << int(T::String) << QVariant(QStringLiteral("system"));
        QTest::newRow("appearance/wrapUpSeconds")
            << "appearance/wrapUpSeconds" << int(T::Int) << QVariant(60);
        QTest::newRow("ui/language") << "ui/language" << int(T::String) << QVariant(QString());
        QTest::newRow("devices/activeHeadset")
            << "devices/activeHeadset" << int(T::String) << QVariant(QString());
        QTest::newRow("floor/servers") << "floor/servers" << int(T::List) << QVariant(QStringList());
        QTest::newRow("floor/bucket")
            << "floor/bucket" << int(T::String) << QVariant(QStringLiteral("hookline_floor"));
        QTest::newRow("floor/auditStream")
            << "floor/auditStream" << int(T::String) << QVariant(QStringLiteral("hookline_audit"));
        QTest::newRow("floor/ttlSeconds") << "floor/ttlSeconds" << int(T::Int) << QVariant(30);
        QTest::newRow("floor/replicas") << "floor/replicas" << int(T::Int) << QVariant(1);
        QTest::newRow("floor/tls") << "floor/tls" << int(T::Bool) << QVariant(false);
        QTest::newRow("floor/password") << "floor/password" << int(T::String) << QVariant(QString());
        QTest::newRow("coaching/most")
            << "coaching/most" << int(T::String) << QVariant(QStringLiteral("off"));
        QTest::newRow("coaching/supervisors")
            << "coaching/supervisors" << int(T::String) << QVariant(QString());
    }
    void declaredOnce()
    {
        QFETCH(QString, name);
        QFETCH(int, type);
        QFETCH(QVariant, defaultValue);
        const auto key = SettingsSchema::find(name);
        QVERIFY(key);
        const SettingsSchema::Spec &spec = SettingsSchema::spec(*key);
        QCOMPARE(spec.name, name);
        QCOMPARE(int(spec.type), type);
        QCOMPARE(spec.defaultValue, defaultValue);
        // Nothing in a file: the default.
        QSettings user(m_userPath, PreservingIniFormat::format());
        ConsoleSettings settings(&user, QString(), nullptr);
        QCOMPARE(settings.value(*key), defaultValue);
        QVERIFY(!settings.isPinned(*key));
        QVERIFY(s_warnings.isEmpty());
        // Every key is declared once.
        int seen = 0;
        for (SettingsSchema::Key k : SettingsSchema::keys())
            seen += SettingsSchema::spec(k).name == name ? 1 : 0;
        QCOMPARE(seen, 1);
    }

    void readsTypedValues_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QVariant>("expected");
        QTest::newRow("bool true") << "recording/auto" << QByteArray("[recording]\nauto=true\n")
                                   << QVariant(true);
        QTest::newRow("bool 1") << "recording/auto" << QByteArray("[recording]\nauto=1\n") << QVariant(true);
        QTest::newRow("bool false") << "recording/auto" << QByteArray("[recording]\nauto=false\n")
                                    << QVariant(false);
        QTest::newRow("int") << "appearance/wrapUpSeconds" << QByteArray("[appearance]\nwrapUpSeconds=90\n")
                             << QVariant(90);
        QTest::newRow("int at the top") << "appearance/wrapUpSeconds"
                                        << QByteArray("[appearance]\nwrapUpSeconds=3600\n") << QVariant(3600);
        QTest::newRow("choice, any case") << "recording/format" << QByteArray("[recording]\nformat=FLAC\n")
                                          << QVariant(QStringLiteral("flac"));
        QTest::newRow("choice") << "recording/layout" << QByteArray("[recording]\nlayout=mono\n")
                                << QVariant(QStringLiteral("mono"));
        QTest::newRow("language") << "ui/language" << QByteArray("[ui]\nlanguage=zh_TW\n")
                                  << QVariant(QStringLiteral("zh_TW"));
        QTest::newRow("path") << "audio/ringtone" << QByteArray("[audio]\nringtone=/usr/share/sounds/a.wav\n")
                              << QVariant(QStringLiteral("/usr/share/sounds/a.wav"));
    }
    void readsTypedValues()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, line);
        QFETCH(QVariant, expected);
        write(m_userPath, line);
        QSettings user(m_userPath, PreservingIniFormat::format());
        ConsoleSettings settings(&user, QString(), nullptr);
        const QVariant value = settings.value(*SettingsSchema::find(name));
        QCOMPARE(value.typeId(), expected.typeId());
        QCOMPARE(value, expected);
        QVERIFY2(s_warnings.isEmpty(), qPrintable(s_warnings.join(u'\n')));
    }

    void badValuesFallBack_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("bool: a word") << "recording/auto" << QByteArray("[recording]\nauto=sometimes\n");
        QTest::newRow("int: not a number")
            << "appearance/wrapUpSeconds" << QByteArray("[appearance]\nwrapUpSeconds=abc\n");
        QTest::newRow("int: below the range")
            << "appearance/wrapUpSeconds" << QByteArray("[appearance]\nwrapUpSeconds=-3\n");
        QTest::newRow("int: above the range")
            << "appearance/wrapUpSeconds" << QByteArray("[appearance]\nwrapUpSeconds=3601\n");
        QTest::newRow("choice: unknown") << "recording/format" << QByteArray("[recording]\nformat=mp3\n");
        QTest::newRow("choice: unknown theme")
            << "appearance/theme" << QByteArray("[appearance]\ntheme=pink\n");
        QTest::newRow("language: unknown") << "ui/language" << QByteArray("[ui]\nlanguage=klingon\n");
        QTest::newRow("a list") << "recording/layout" << QByteArray("[recording]\nlayout=stereo, mono\n");
        QTest::newRow("a path with a comma") << "audio/ringtone" << QByteArray("[audio]\nringtone=a,b.wav\n");
    }
    void badValuesFallBack()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, text);
        const QByteArray original = "; mine\n" + text + "[zeta]\nkeep=1\n";
        write(m_userPath, original);
        const SettingsSchema::Key key = *SettingsSchema::find(name);
        {
            QSettings user(m_userPath, PreservingIniFormat::format());
            ConsoleSettings settings(&user, QString(), nullptr);
            QCOMPARE(settings.value(key), SettingsSchema::spec(key).defaultValue);
            // One warning, naming the key and the file.
            QCOMPARE(s_warnings.size(), 1);
            QVERIFY2(s_warnings.first().contains(name), qPrintable(s_warnings.first()));
            QVERIFY2(s_warnings.first().contains(m_userPath), qPrintable(s_warnings.first()));
            settings.reload(); // read again: not reported again
            QCOMPARE(s_warnings.size(), 1);
            // Another key stored: the bad value stays as the user wrote it.
            QVERIFY(settings.setValue(SettingsSchema::MusicOnHold, QStringLiteral("/m.flac")));
        }
        // The user's text stays as written (the bad line, the comment, the unknown section); only the new
        // key was added.
        const QByteArray after = contents(m_userPath);
        QVERIFY2(after.startsWith("; mine\n" + text), after.constData());
        QVERIFY(after.contains("[zeta]\nkeep=1\n"));
        QVERIFY(after.contains("musicOnHold=/m.flac"));
    }

    void readingNeverWrites()
    {
        const QByteArray original =
            "; by hand\n[recording]\nformat = Flac\nauto=yes\n[appearance]\ntheme=dark\n";
        write(m_userPath, original);
        {
            QSettings user(m_userPath, PreservingIniFormat::format());
            ConsoleSettings settings(&user, QString(), nullptr);
            QCOMPARE(settings.recordingFormat(), QStringLiteral("flac"));
            QCOMPARE(settings.theme(), QStringLiteral("dark"));
            QCOMPARE(settings.autoRecord(), false); // "yes" is not a bool: the default
            // The value it has already: nothing is written.
            QVERIFY(settings.setValue(SettingsSchema::Theme, QStringLiteral("dark")));
            user.sync();
        }
        QCOMPARE(contents(m_userPath), original);
    }

    void writesAreTypedAndSignalled()
    {
        QSettings user(m_userPath, PreservingIniFormat::format());
        ConsoleSettings settings(&user, QString(), nullptr);
        Setting *wrapUp = settings.wrapUpSecondsSetting();
        QSignalSpy valueSpy(wrapUp, &Setting::valueChanged);
        QSignalSpy changedSpy(&settings, &ConsoleSettings::changed);
        QVERIFY(wrapUp->change(QStringLiteral("120")));
        QCOMPARE(settings.wrapUpSeconds(), 120);
        QCOMPARE(wrapUp->value().typeId(), QMetaType::Int);
        QCOMPARE(valueSpy.count(), 1);
        QCOMPARE(changedSpy.count(), 1);
        QCOMPARE(changedSpy.at(0).at(0).value<SettingsSchema::Key>(), SettingsSchema::WrapUpSeconds);
        // Refused: out of range, wrong type; nothing changes, nothing is signalled.
        QVERIFY(!wrapUp->change(4000));
        QVERIFY(!settings.setValue(SettingsSchema::RecordingFormat, QStringLiteral("mp3")));
        QCOMPARE(settings.wrapUpSeconds(), 120);
        QCOMPARE(settings.recordingFormat(), QStringLiteral("wav"));
        QCOMPARE(valueSpy.count(), 1);
        QCOMPARE(changedSpy.count(), 1);
        user.sync();
        QSettings reread(m_userPath, QSettings::IniFormat);
        QCOMPARE(reread.value(QStringLiteral("appearance/wrapUpSeconds")).toInt(), 120);
        QVERIFY(!reread.contains(QStringLiteral("recording/format")));
        // Reset: the user's value goes, the default applies.
        QVERIFY(wrapUp->reset());
        QCOMPARE(settings.wrapUpSeconds(), 60);
        QCOMPARE(valueSpy.count(), 2);
    }

    void adminPins_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("adminText");
        QTest::addColumn<QByteArray>("userText");
        QTest::addColumn<QVariant>("pinned");
        QTest::addColumn<QVariant>("attempt");
        QTest::newRow("format over the user's")
            << "recording/format" << QByteArray("[recording]\nformat=opus\n")
            << QByteArray("[recording]\nformat=flac\n") << QVariant(QStringLiteral("opus"))
            << QVariant(QStringLiteral("wav"));
        QTest::newRow("auto record, user silent")
            << "recording/auto" << QByteArray("[recording]\nauto=true\n") << QByteArray() << QVariant(true)
            << QVariant(false);
        QTest::newRow("wrap-up time")
            << "appearance/wrapUpSeconds" << QByteArray("[appearance]\nwrapUpSeconds=30\n")
            << QByteArray("[appearance]\nwrapUpSeconds=300\n") << QVariant(30) << QVariant(45);
        QTest::newRow("a shortcut") << "shortcuts/hold" << QByteArray("[shortcuts]\nhold=F9\n")
                                    << QByteArray() << QVariant(QStringLiteral("F9"))
                                    << QVariant(QStringLiteral("Ctrl+H"));
        QTest::newRow("pinned to the default")
            << "ui/language" << QByteArray("[ui]\nlanguage=\n") << QByteArray("[ui]\nlanguage=zh_TW\n")
            << QVariant(QString()) << QVariant(QStringLiteral("en"));
    }
    void adminPins()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, adminText);
        QFETCH(QByteArray, userText);
        QFETCH(QVariant, pinned);
        QFETCH(QVariant, attempt);
        write(m_adminPath, adminText);
        QFile::setPermissions(m_adminPath, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther);
        write(m_userPath, userText);
        const SettingsSchema::Key key = *SettingsSchema::find(name);
        {
            QSettings user(m_userPath, PreservingIniFormat::format());
            ConsoleSettings settings(&user, m_adminPath, nullptr);
            QCOMPARE(settings.adminFile(), m_adminPath);
            QVERIFY(settings.isPinned(key));
            QCOMPARE(settings.value(key), pinned);
            QSignalSpy spy(settings.setting(key), &Setting::valueChanged);
            QVERIFY(!settings.setValue(key, attempt));
            QVERIFY(!settings.setting(key)->change(attempt));
            QVERIFY(!settings.reset(key));
            QCOMPARE(settings.value(key), pinned);
            QCOMPARE(spy.count(), 0);
            // Other keys are the user's to change.
            QVERIFY(!settings.isPinned(SettingsSchema::MusicOnHold));
            QVERIFY(settings.setValue(SettingsSchema::MusicOnHold, QStringLiteral("/m.flac")));
            // Unpinned (the administrator's file gone): the user's value applies again.
            QSignalSpy pinSpy(settings.setting(key), &Setting::pinnedChanged);
            settings.setAdminFile(QString());
            QVERIFY(!settings.isPinned(key));
            QCOMPARE(pinSpy.count(), 1);
            QSettings plain(m_userPath, QSettings::IniFormat);
            const QVariant own = plain.contains(name)
                ? SettingsSchema::validated(key, plain.value(name)).value()
                : SettingsSchema::spec(key).defaultValue;
            QCOMPARE(settings.value(key), own);
        }
        QCOMPARE(contents(m_adminPath), adminText);
        // The refused writes left the user's value of the key as it was.
        const QString beforePath = m_dir->filePath(QStringLiteral("before.conf"));
        write(beforePath, userText);
        const QSettings after(m_userPath, QSettings::IniFormat);
        QCOMPARE(after.value(name), QSettings(beforePath, QSettings::IniFormat).value(name));
    }

    void badAdminValueWarnsAndPinsTheDefault()
    {
        write(m_adminPath, "[recording]\nlayout=surround\n");
        write(m_userPath, "[recording]\nlayout=mono\n");
        QSettings user(m_userPath, PreservingIniFormat::format());
        ConsoleSettings settings(&user, m_adminPath, nullptr);
        QVERIFY(settings.isPinned(SettingsSchema::RecordingLayout));
        QCOMPARE(settings.recordingLayout(), QStringLiteral("stereo"));
        QCOMPARE(s_warnings.size(), 1);
        QVERIFY(s_warnings.first().contains(QStringLiteral("recording/layout")));
        QVERIFY(s_warnings.first().contains(m_adminPath));
    }

    // FloorSettings reads the floor/ group through the schema: typed, lists from either INI form, the
    // schema's defaults (which are also the struct's), a bad value falling back with a warning.
    void floorFromTheSchema()
    {
        write(m_userPath,
              "[floor]\nservers=nats://a:4222, tls://b:4223\nagentId=a1\nagentName= Ana \nteam=north\n"
              "tls=true\nttlSeconds=45\nsupervisors=\"sup1, sup2\"\nreplicas=9\n");
        QSettings user(m_userPath, PreservingIniFormat::format());
        ConsoleSettings settings(&user, QString(), nullptr);
        const FloorSettings floor = FloorSettings::read(settings);
        QCOMPARE(floor.servers, (QStringList {"nats://a:4222", "tls://b:4223"}));
        QCOMPARE(floor.agentId, QStringLiteral("a1"));
        QCOMPARE(floor.agentName, QStringLiteral("Ana"));
        QCOMPARE(floor.team, QStringLiteral("north"));
        QVERIFY(floor.tls);
        QCOMPARE(floor.ttlSeconds, 45);
        QCOMPARE(floor.supervisors, (QStringList {"sup1", "sup2"}));
        // replicas=9 is out of the schema's range: the default, with one warning naming the key.
        QCOMPARE(floor.replicas, 1);
        QCOMPARE(s_warnings.size(), 1);
        QVERIFY2(s_warnings.first().contains(QStringLiteral("floor/replicas")),
                 qPrintable(s_warnings.first()));
        // Unset keys: the schema's defaults, the same as a FloorSettings built in code.
        const FloorSettings plain;
        QCOMPARE(floor.bucket, plain.bucket);
        QCOMPARE(floor.bucket, SettingsSchema::spec(SettingsSchema::FloorBucket).defaultValue.toString());
        QCOMPARE(floor.auditStream, plain.auditStream);
        QCOMPARE(plain.ttlSeconds,
                 SettingsSchema::spec(SettingsSchema::FloorTtlSeconds).defaultValue.toInt());
        QVERIFY(floor.problem().isEmpty());
    }

    // A pinned floor/servers: the administrator's servers are used and the user cannot change them.
    void floorPinned()
    {
        write(m_adminPath, "[floor]\nservers=nats://desk-floor:4222\n");
        const QByteArray userText = "[floor]\nservers=nats://mine:4222\nagentId=a1\n";
        write(m_userPath, userText);
        {
            QSettings user(m_userPath, PreservingIniFormat::format());
            ConsoleSettings settings(&user, m_adminPath, nullptr);
            QVERIFY(settings.isPinned(SettingsSchema::FloorServers));
            QVERIFY(!settings.isPinned(SettingsSchema::FloorAgentId));
            QCOMPARE(FloorSettings::read(settings).servers, QStringList {"nats://desk-floor:4222"});
            QCOMPARE(FloorSettings::read(settings).agentId, QStringLiteral("a1"));
            QVERIFY(!settings.setValue(SettingsSchema::FloorServers, QStringList {"nats://other:1"}));
            QVERIFY(!settings.reset(SettingsSchema::FloorServers));
            QCOMPARE(FloorSettings::read(settings).servers, QStringList {"nats://desk-floor:4222"});
            QVERIFY(settings.setValue(SettingsSchema::FloorAgentId, QStringLiteral("a2")));
            QCOMPARE(FloorSettings::read(settings).agentId, QStringLiteral("a2"));
        }
        QCOMPARE(contents(m_adminPath), QByteArray("[floor]\nservers=nats://desk-floor:4222\n"));
        QVERIFY(contents(m_userPath).contains("servers=nats://mine:4222"));
    }

    // The array's size is bounded and checked before the array is read; every refusal names the key.
    void arraySizes_data()
    {
        QTest::addColumn<int>("array");
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("count"); // -1: refused
        QTest::addColumn<QString>("refusal");
        const int lines = SettingsSchema::SoundLines;
        const int accounts = SettingsSchema::SipAccounts;
        QTest::newRow("no array") << lines << QByteArray("[other]\nx=1\n") << 0 << QString();
        QTest::newRow("empty") << lines << QByteArray("[soundLines]\nsize=0\n") << 0 << QString();
        QTest::newRow("one line") << lines
                                  << QByteArray("[soundLines]\n1\\id=desk\n1\\captureFile=/a.wav\nsize=1\n")
                                  << 1 << QString();
        QTest::newRow("huge") << lines << QByteArray("[soundLines]\nsize=100000000\n") << -1
                              << "soundLines/size=100000000: expected a number of lines from 0 to 32";
        QTest::newRow("a word") << lines << QByteArray("[soundLines]\nsize=abc\n") << -1
                                << "soundLines/size=abc: expected a number of lines from 0 to 32";
        QTest::newRow("negative") << lines << QByteArray("[soundLines]\nsize=-3\n") << -1
                                  << "soundLines/size=-3: expected a number of lines from 0 to 32";
        QTest::newRow("33 lines") << lines << QByteArray("[soundLines]\nsize=33\n") << -1
                                  << "soundLines/size=33: expected a number of lines from 0 to 32";
        QTest::newRow("accounts: too many")
            << accounts << QByteArray("[sipAccounts]\nsize=40\n") << -1
            << "sipAccounts/size=40: expected a number of accounts from 0 to 32";
        QTest::newRow("accounts: two")
            << accounts
            << QByteArray(
                   "[sipAccounts]\n1\\user=100\n1\\registrar=pbx\n2\\user=101\n2\\registrar=pbx\nsize=2\n")
            << 2 << QString();
    }
    void arraySizes()
    {
        QFETCH(int, array);
        QFETCH(QByteArray, text);
        QFETCH(int, count);
        QFETCH(QString, refusal);
        write(m_userPath, text);
        QSettings user(m_userPath, PreservingIniFormat::format());
        ConsoleSettings settings(&user, QString(), nullptr);
        QString why;
        const auto entries = settings.entries(SettingsSchema::Array(array), &why);
        if (count < 0) {
            QVERIFY(!entries);
            QCOMPARE(why, refusal);
        } else {
            QVERIFY2(entries, qPrintable(why));
            QCOMPARE(entries->size(), count);
        }
        QCOMPARE(contents(m_userPath), text);
    }

    // Each entry's keys are the schema's: typed values, refusals naming the key as it stands in the file.
    void arrayEntries_data()
    {
        QTest::addColumn<int>("array");
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QVariantMap>("first"); // the first entry; empty: refused
        QTest::addColumn<QString>("refusal"); // a part of the refusal
        const int lines = SettingsSchema::SoundLines;
        const int accounts = SettingsSchema::SipAccounts;
        QTest::newRow("typed") << accounts
                               << QByteArray(
                                      "[sipAccounts]\n1\\user=100\n1\\registrar=pbx:5060\n1\\expires=120\n"
                                      "1\\transport=TCP\n1\\codecs=\"pcmu, g722\"\nsize=1\n")
                               << QVariantMap {{"user", "100"},
                                               {"registrar", "pbx:5060"},
                                               {"expires", 120},
                                               {"transport", "tcp"},
                                               {"codecs", QStringList {"PCMU", "G722"}}}
                               << QString();
        QTest::newRow("a bad number") << accounts
                                      << QByteArray("[sipAccounts]\n1\\user=100\n1\\registrar=pbx\nsize=2\n"
                                                    "2\\user=101\n2\\registrar=pbx\n2\\expires=abc\n")
                                      << QVariantMap() << "sipAccounts/2/expires in ";
        QTest::newRow("a bad transport") << accounts
                                         << QByteArray("[sipAccounts]\n1\\user=100\n1\\registrar=pbx\n"
                                                       "1\\transport=carrier-pigeon\nsize=1\n")
                                         << QVariantMap() << "sipAccounts/1/transport in ";
        QTest::newRow("an unknown key") << accounts
                                        << QByteArray("[sipAccounts]\n1\\user=100\n1\\registrar=pbx\n"
                                                      "1\\colour=red\nsize=1\n")
                                        << QVariantMap() << "sipAccounts/1/colour in ";
        QTest::newRow("a line") << lines
                                << QByteArray(
                                       "[soundLines]\n1\\id=desk\n1\\ringPin=RI\n1\\serialPort=/dev/ttyS0\n"
                                       "1\\dtmfLevelDbm0=-20\n1\\blindDial=true\nsize=1\n")
                                << QVariantMap {{"id", "desk"},
                                                {"ringPin", "ri"},
                                                {"serialPort", "/dev/ttyS0"},
                                                {"dtmfLevelDbm0", -20},
                                                {"blindDial", true}}
                                << QString();
        QTest::newRow("a line's bad pin")
            << lines << QByteArray("[soundLines]\n1\\id=desk\n1\\hookRelayPin=ri\nsize=1\n") << QVariantMap()
            << "soundLines/1/hookRelayPin in ";
    }
    void arrayEntries()
    {
        QFETCH(int, array);
        QFETCH(QByteArray, text);
        QFETCH(QVariantMap, first);
        QFETCH(QString, refusal);
        write(m_userPath, text);
        QSettings user(m_userPath, PreservingIniFormat::format());
        ConsoleSettings settings(&user, QString(), nullptr);
        QString why;
        const auto entries = settings.entries(SettingsSchema::Array(array), &why);
        if (first.isEmpty()) {
            QVERIFY(!entries);
            QVERIFY2(why.startsWith(refusal), qPrintable(why));
            QVERIFY2(why.contains(m_userPath), qPrintable(why));
            return;
        }
        QVERIFY2(entries, qPrintable(why));
        const QVariantMap got = entries->first().toMap();
        QCOMPARE(got.keys(), first.keys());
        for (auto it = first.begin(); it != first.end(); ++it) {
            QCOMPARE(got.value(it.key()).typeId(), it.value().typeId());
            QCOMPARE(got.value(it.key()), it.value());
        }
    }

    // The administrator's accounts come first and are pinned: the user's account of the same id is not
    // used (one warning), cannot be stored or removed; the user's other accounts are the user's.
    void pinnedAccounts()
    {
        const QByteArray adminText =
            "[sipAccounts]\n1\\id=desk\n1\\user=200\n1\\registrar=pbx.corp\n1\\password=s3cret\nsize=1\n";
        write(m_adminPath, adminText);
        write(m_userPath,
              "[sipAccounts]\n1\\id=desk\n1\\user=999\n1\\registrar=evil.example\n"
              "2\\user=mine\n2\\registrar=home.example\nsize=2\n");
        {
            QSettings user(m_userPath, PreservingIniFormat::format());
            ConsoleSettings settings(&user, m_adminPath, nullptr);
            QCOMPARE(settings.pinnedEntries(SettingsSchema::SipAccounts), QStringList {"desk"});
            QString why;
            auto entries = settings.entries(SettingsSchema::SipAccounts, &why);
            QVERIFY2(entries, qPrintable(why));
            QCOMPARE(entries->size(), 2);
            QCOMPARE(entries->at(0).toMap().value("registrar"), QVariant(QStringLiteral("pbx.corp")));
            QCOMPARE(entries->at(1).toMap().value("user"), QVariant(QStringLiteral("mine")));
            QCOMPARE(s_warnings.size(), 1);
            QVERIFY2(s_warnings.first().contains(QStringLiteral("sipAccounts/1")),
                     qPrintable(s_warnings.first()));
            QSignalSpy spy(&settings, &ConsoleSettings::entriesChanged);
            // The pinned account cannot be changed, replaced or removed.
            QVERIFY(!settings.setEntry(SettingsSchema::SipAccounts,
                                       {{"id", "desk"}, {"user", "999"}, {"registrar", "evil.example"}}));
            QVERIFY(!settings.removeEntry(SettingsSchema::SipAccounts, QStringLiteral("desk")));
            QCOMPARE(spy.count(), 0);
            // The user's own: added, changed and removed.
            QVERIFY(settings.setEntry(SettingsSchema::SipAccounts,
                                      {{"user", "300"}, {"registrar", "pbx2"}, {"expires", "90"}}));
            QVERIFY(settings.setEntry(SettingsSchema::SipAccounts, {{"user", "mine"}, {"registrar", "h2"}}));
            QVERIFY(settings.removeEntry(SettingsSchema::SipAccounts, QStringLiteral("300")));
            // Out of the schema's range: refused, nothing written.
            QVERIFY(!settings.setEntry(SettingsSchema::SipAccounts,
                                       {{"user", "301"}, {"registrar", "pbx2"}, {"expires", "5"}}));
            QCOMPARE(spy.count(), 3);
            entries = settings.entries(SettingsSchema::SipAccounts, &why);
            QVERIFY2(entries, qPrintable(why));
            QStringList ids;
            for (const QVariant &e : *entries)
                ids << SettingsSchema::entryId(SettingsSchema::SipAccounts, e.toMap());
            QCOMPARE(ids, (QStringList {"desk", "mine"}));
            QCOMPARE(entries->at(0).toMap().value("registrar"), QVariant(QStringLiteral("pbx.corp")));
            QCOMPARE(entries->at(1).toMap().value("registrar"), QVariant(QStringLiteral("h2")));
        }
        QCOMPARE(contents(m_adminPath), adminText);
    }

    // The user's layer is the user's file alone: QSettings(organisation, application), as the console opens
    // it, falls back to the system file, which is the administrator's; an entry of the user's array would
    // take the keys the administrator's entry of the same index sets (its id: the user's account vanished).
    void userArrayIsTheUsersAlone()
    {
        const QSettings::Format format = PreservingIniFormat::format();
        const QString userDir = m_dir->filePath(QStringLiteral("user"));
        const QString systemDir = m_dir->filePath(QStringLiteral("system"));
        QDir().mkpath(userDir + QStringLiteral("/Hookline"));
        QDir().mkpath(systemDir + QStringLiteral("/Hookline"));
        const QString adminFile = systemDir + QStringLiteral("/Hookline/hookline.conf");
        write(adminFile, "[sipAccounts]\n1\\id=desk\n1\\user=desk1\n1\\registrar=pbx\nsize=1\n");
        write(userDir + QStringLiteral("/Hookline/hookline.conf"),
              "[sipAccounts]\n1\\user=agent1\n1\\registrar=pbx\nsize=1\n");
        QSettings::setPath(format, QSettings::UserScope, userDir);
        QSettings::setPath(format, QSettings::SystemScope, systemDir);
        QSettings user(format, QSettings::UserScope, QStringLiteral("Hookline"), QStringLiteral("hookline"));
        QCOMPARE(user.fileName(), userDir + QStringLiteral("/Hookline/hookline.conf"));
        ConsoleSettings settings(&user, adminFile, nullptr);
        QString why;
        const auto entries = settings.entries(SettingsSchema::SipAccounts, &why);
        QVERIFY2(entries, qPrintable(why));
        QStringList ids;
        for (const QVariant &e : *entries)
            ids << SettingsSchema::entryId(SettingsSchema::SipAccounts, e.toMap());
        QCOMPARE(ids, (QStringList {"desk", "agent1"}));
        QVERIFY(!entries->at(1).toMap().contains(QStringLiteral("id")));
        QVERIFY(s_warnings.isEmpty());
    }

    // Secrets: declared in the schema, and a warning or refusal about a bad secret value names the key,
    // never the value.
    void secretsAreNeverShown()
    {
        QVERIFY(SettingsSchema::spec(SettingsSchema::FloorPassword).secret);
        QVERIFY(SettingsSchema::isSecret(QStringLiteral("floor/password")));
        QVERIFY(SettingsSchema::isSecret(QStringLiteral("sipAccounts/password")));
        QVERIFY(SettingsSchema::entrySpec(SettingsSchema::SipAccounts, QStringLiteral("password"))->secret);
        QVERIFY(!SettingsSchema::isSecret(QStringLiteral("floor/user")));
        QVERIFY(!SettingsSchema::isSecret(QStringLiteral("sipAccounts/user")));
        QVERIFY(!SettingsSchema::isSecret(QStringLiteral("recording/format")));
        int secrets = 0;
        for (SettingsSchema::Key key : SettingsSchema::keys())
            secrets += SettingsSchema::spec(key).secret ? 1 : 0;
        QCOMPARE(secrets, 1); // floor/password

        // An unquoted comma makes the value a list, which a password is not.
        write(m_userPath,
              "[floor]\npassword=hunter2,xyzzy\nuser=ana\n[sipAccounts]\n1\\user=100\n"
              "1\\registrar=pbx\n1\\password=pa55,qw3rty\nsize=1\n");
        QSettings user(m_userPath, PreservingIniFormat::format());
        ConsoleSettings settings(&user, QString(), nullptr);
        QCOMPARE(settings.value(SettingsSchema::FloorPassword), QVariant(QString()));
        QCOMPARE(s_warnings.size(), 1);
        QVERIFY2(s_warnings.first().contains(QStringLiteral("floor/password")),
                 qPrintable(s_warnings.first()));
        QString why;
        QVERIFY(!settings.entries(SettingsSchema::SipAccounts, &why));
        QVERIFY2(why.contains(QStringLiteral("sipAccounts/1/password")), qPrintable(why));
        // Refused writes of secret values are logged without them.
        QVERIFY(!settings.setValue(SettingsSchema::FloorPassword, QStringList {"0p3n", "s3s4me"}));
        QVERIFY(!settings.setEntry(
            SettingsSchema::SipAccounts,
            {{"user", "101"}, {"registrar", "pbx"}, {"password", QStringList {"0p3n", "s3s4me"}}}));
        QCOMPARE(s_warnings.size(), 3);
        for (const QString &shown : s_warnings + QStringList {why}) {
            for (const char *secret : {"hunter2", "xyzzy", "pa55", "qw3rty", "0p3n", "s3s4me"})
                QVERIFY2(!shown.contains(QLatin1String(secret)), qPrintable(shown));
        }
        // A secret that is not bad is read as written.
        write(m_userPath, "[floor]\npassword=\"hunter2,xyzzy\"\n");
        user.sync(); // QSettings reads the changed file again
        settings.reload();
        QCOMPARE(FloorSettings::read(settings).password, QStringLiteral("hunter2,xyzzy"));
    }

    void systemAdminFile_data()
    {
        QTest::addColumn<QStringList>("dirs"); // XDG_CONFIG_DIRS, relative to the temporary folder
        QTest::addColumn<QStringList>("files"); // which of them hold Hookline/hookline.conf
        QTest::addColumn<int>("expected"); // index into dirs, -1: none
        QTest::newRow("the first that has it") << QStringList {"a", "b", "c"} << QStringList {"b", "c"} << 1;
        QTest::newRow("only one folder") << QStringList {"a"} << QStringList {"a"} << 0;
        QTest::newRow("none") << QStringList {"a", "b"} << QStringList {} << -1;
    }
    void systemAdminFile()
    {
        QFETCH(QStringList, dirs);
        QFETCH(QStringList, files);
        QFETCH(int, expected);
        QStringList absolute;
        for (const QString &dir : dirs)
            absolute << m_dir->filePath(dir);
        for (const QString &dir : files) {
            QDir().mkpath(m_dir->filePath(dir + QStringLiteral("/Hookline")));
            write(m_dir->filePath(dir + QStringLiteral("/Hookline/hookline.conf")),
                  "[recording]\nauto=true\n");
        }
        const QByteArray before = qgetenv("XDG_CONFIG_DIRS");
        qputenv("XDG_CONFIG_DIRS", absolute.join(u':').toUtf8());
        const QString found = ConsoleSettings::systemAdminFile();
        qputenv("XDG_CONFIG_DIRS", before);
        QCOMPARE(found,
                 expected < 0 ? QString()
                              : absolute.at(expected) + QStringLiteral("/Hookline/hookline.conf"));
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_userPath;
    QString m_adminPath;
};

QTEST_GUILESS_MAIN(TestSettingsSchema)
#include "tst_settings_schema.moc"
