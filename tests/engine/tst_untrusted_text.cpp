// UntrustedText::forDisplay: every bidirectional control in caller text is replaced by a visible mark and
// the result is isolated, so it can neither reverse itself ("‮evil.exe‬") nor the text around it;
// right-to-left text is isolated too; plain left-to-right text is left as it is.

#include "core/UntrustedText.h"

#include <QtTest/qtest.h>

class TestUntrustedText : public QObject
{
    Q_OBJECT

private slots:
    void forDisplay_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("shown"); // between the isolate's U+2068 and U+2069
        QTest::addColumn<bool>("isolated");
        const QString mark(QChar(0xFFFD));
        QTest::newRow("plain") << QStringLiteral("Alice Archer") << QStringLiteral("Alice Archer") << false;
        QTest::newRow("right-to-left override")
            << QStringLiteral("\u202Eevil.exe\u202C") << mark + QStringLiteral("evil.exe") + mark << true;
        for (char16_t c : {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E,
                           0x200F, 0x061C}) {
            QTest::addRow("U+%04X", unsigned(c)) << QStringLiteral("a") + QChar(c) + QStringLiteral("b")
                                                 << QStringLiteral("a") + mark + QStringLiteral("b") << true;
        }
        QTest::newRow("a stray pop cannot close the isolate")
            << QStringLiteral("x\u2069\u202Cy") << QStringLiteral("x") + mark + mark + QStringLiteral("y")
            << true;
        QTest::newRow("Hebrew and Arabic letters stay")
            << QStringLiteral("שלום مرحبا") << QStringLiteral("שלום مرحبا") << true;
        QTest::newRow("zero-width joiner stays (not a direction control)")
            << QStringLiteral("a\u200Db") << QStringLiteral("a\u200Db") << false;
        QTest::newRow("number") << QStringLiteral("+1 555 0100") << QStringLiteral("+1 555 0100") << false;
        QTest::newRow("Chinese") << QStringLiteral("王小明") << QStringLiteral("王小明") << false;
    }

    void forDisplay()
    {
        QFETCH(QString, text);
        QFETCH(QString, shown);
        QFETCH(bool, isolated);
        const QString display = UntrustedText::forDisplay(text);
        QCOMPARE(display, isolated ? QChar(0x2068) + shown + QChar(0x2069) : shown);
        QCOMPARE(UntrustedText::hasBidiControls(text), shown != text);
        QCOMPARE(UntrustedText().display(text), display); // what QML calls
        if (isolated)
            QVERIFY(!UntrustedText::hasBidiControls(display.mid(1, display.size() - 2)));
    }

    void emptyStaysEmpty() { QCOMPARE(UntrustedText::forDisplay(QString()), QString()); }
};

QTEST_GUILESS_MAIN(TestUntrustedText)
#include "tst_untrusted_text.moc"
