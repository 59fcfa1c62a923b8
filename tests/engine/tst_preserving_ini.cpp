// PreservingIniFormat: a settings file keeps the user's text (comments, order, unknown keys, bytes that
// are not UTF-8); a change touches only the line of the key that changed.

#include "core/PreservingIniFormat.h"

#include <QtCore/qfile.h>
#include <QtCore/qtemporarydir.h>
#include <QtTest/qtest.h>

namespace {
const QByteArray UserFile = "; written by hand\n"
                            "[zeta]\n"
                            "note=caf\xe9 \xff\xfe\n"
                            "unknown\\deeper=1\n"
                            "\n"
                            "[agent]\n"
                            "state=NotReady\n"
                            "reason=lunch\n"
                            "\n"
                            "[General]\n"
                            "future=a value from a newer version\n";
} // namespace

class TestPreservingIni : public QObject
{
    Q_OBJECT

private slots:
    void onlyTheChangedKeyChanges_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QVariant>("value"); // invalid: remove the key
        QTest::addColumn<QByteArray>("expected");
        QByteArray changed = UserFile;
        changed.replace("state=NotReady", "state=Offline");
        QTest::newRow("change") << QStringLiteral("agent/state") << QVariant(QStringLiteral("Offline"))
                                << changed;
        QTest::newRow("same value again")
            << QStringLiteral("agent/reason") << QVariant(QStringLiteral("lunch")) << UserFile;
        QByteArray removed = UserFile;
        removed.replace("reason=lunch\n", "");
        QTest::newRow("remove") << QStringLiteral("agent/reason") << QVariant() << removed;
        QByteArray added = UserFile;
        added.replace("reason=lunch\n", "reason=lunch\nnext=Ready\n");
        QTest::newRow("new key, known section")
            << QStringLiteral("agent/next") << QVariant(QStringLiteral("Ready")) << added;
        QTest::newRow("new key, new section")
            << QStringLiteral("shortcuts/answer") << QVariant(QStringLiteral("Ctrl+Shift+A"))
            << UserFile + "\n[shortcuts]\nanswer=Ctrl+Shift+A\n";
        QByteArray number = UserFile;
        number.replace("future=a value from a newer version\n",
                       "future=a value from a newer version\nwrapUpSeconds=30\n");
        QTest::newRow("number in General") << QStringLiteral("wrapUpSeconds") << QVariant(30) << number;
    }

    void onlyTheChangedKeyChanges()
    {
        QFETCH(QString, key);
        QFETCH(QVariant, value);
        QFETCH(QByteArray, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("hookline.conf"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(UserFile);
        file.close();
        {
            QSettings settings(path, PreservingIniFormat::format());
            QCOMPARE(settings.value(QStringLiteral("agent/state")).toString(), QStringLiteral("NotReady"));
            QCOMPARE(settings.value(QStringLiteral("zeta/unknown/deeper")).toString(), QStringLiteral("1"));
            if (value.isValid())
                settings.setValue(key, value);
            else
                settings.remove(key);
            settings.sync();
            QCOMPARE(settings.status(), QSettings::NoError);
        }
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), expected);
        file.close();
        QSettings again(path, PreservingIniFormat::format());
        QCOMPARE(again.value(key), value.isValid() ? QVariant(value.toString()) : QVariant());
    }

    void newFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("hookline.conf"));
        {
            QSettings settings(path, PreservingIniFormat::format());
            settings.setValue(QStringLiteral("ui/language"), QStringLiteral("zh_TW"));
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("[ui]\nlanguage=zh_TW\n"));
    }
};

QTEST_GUILESS_MAIN(TestPreservingIni)
#include "tst_preserving_ini.moc"
