// The settings schema and ConsoleSettings: every key's type and default, values read from the user's file,
// bad values (one warning naming the key and the file, the default applies, the file is not rewritten),
// the administrator's pins (their value wins, writes are refused, the file is never written) and where
// the administrator's file is found.

#include "core/PreservingIniFormat.h"
#include "settings/ConsoleSettings.h"

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
