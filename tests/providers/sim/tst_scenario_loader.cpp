// The scenario loader against hostile input: files nested deeper than the format allows are refused
// at once with the bracket's position, and positions stay exact (and cheap) in files with many steps.

#include "Scenario.h"

#include <QtCore/qelapsedtimer.h>
#include <QtCore/qregularexpression.h>
#include <QtTest/qtest.h>

namespace {
QByteArray nested(const QByteArray &open, const QByteArray &close, int levels, const QByteArray &inner = {})
{
    // As "steps": the top-level object is the first level.
    QByteArray json = R"({"name": "deep", "lines": [{"id": "l"}], "steps": )";
    for (int i = 0; i < levels - 1; ++i)
        json += open;
    json += inner;
    for (int i = 0; i < levels - 1; ++i)
        json += close;
    return json + '}';
}

// `count` steps, one a line; the last one has an unknown key.
QByteArray manySteps(int count)
{
    QByteArray json = "{\"name\": \"many\", \"lines\": [{\"id\": \"l\"}], \"steps\": [\n";
    for (int i = 0; i < count - 1; ++i)
        json += "  {\"at\": " + QByteArray::number(i) + ", \"agent\": \"answer\", \"session\": \"s\"},\n";
    json += "  {\"at\": 1, \"agent\": \"answer\", \"sesion\": \"s\"}\n]}\n";
    return json;
}

qint64 bestLoadMs(const QByteArray &json)
{
    qint64 best = std::numeric_limits<qint64>::max();
    for (int run = 0; run < 3; ++run) {
        Scenario scenario;
        QString error;
        QElapsedTimer timer;
        timer.start();
        ScenarioLoader::loadData(json, QStringLiteral("many.json"), &scenario, &error);
        best = std::min(best, timer.elapsed());
    }
    return std::max<qint64>(best, 1);
}
} // namespace

class TstScenarioLoader : public QObject
{
    Q_OBJECT

private slots:
    void tooDeepIsRefusedAtOnce_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error"); // a regular expression; empty: not about nesting
        const QString deep =
            QStringLiteral("^deep\\.json:1:%1: arrays and objects nested more than 64 levels deep$");
        // The 65th bracket: the prefix is 50 characters, then 63 brackets of the steps' nesting.
        const QString column = QString::number(51 + 63);
        QTest::newRow("64 arrays: allowed") << nested("[", "]", 64) << QString();
        QTest::newRow("65 arrays") << nested("[", "]", 65) << deep.arg(column);
        QTest::newRow("257 arrays") << nested("[", "]", 257) << deep.arg(column);
        QTest::newRow("258 arrays (hung the loader)") << nested("[", "]", 258) << deep.arg(column);
        QTest::newRow("300 arrays") << nested("[", "]", 300) << deep.arg(column);
        QTest::newRow("1024 arrays") << nested("[", "]", 1024) << deep.arg(column);
        QTest::newRow("258 objects")
            << nested("{\"a\": ", "}", 258, "1")
            << QStringLiteral("^deep\\.json:1:\\d+: arrays and objects nested more than 64 levels deep$");
        QTest::newRow("258 mixed")
            << nested("[{\"a\": ", "}]", 130, "1")
            << QStringLiteral("^deep\\.json:1:\\d+: arrays and objects nested more than 64 levels deep$");
        QTest::newRow("brackets in strings do not count") << nested("[\"[[[[{{{{\", ", "]", 60) << QString();
        QTest::newRow("1025 arrays: QJsonDocument's own limit")
            << nested("[", "]", 1025) << QStringLiteral("^deep\\.json:1:\\d+: malformed JSON");
    }

    void tooDeepIsRefusedAtOnce()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        Scenario scenario;
        QString problem;
        QElapsedTimer timer;
        timer.start();
        const bool loaded = ScenarioLoader::loadData(json, QStringLiteral("deep.json"), &scenario, &problem);
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(!loaded); // none of them is a valid scenario
        if (error.isEmpty())
            QVERIFY2(!problem.contains(QLatin1String("nested")), qPrintable(problem));
        else
            QVERIFY2(QRegularExpression(error).match(problem).hasMatch(), qPrintable(problem));
    }

    void positionsStayExact_data()
    {
        QTest::addColumn<int>("steps");
        QTest::newRow("1 step") << 1;
        QTest::newRow("3000 steps") << 3000;
    }

    void positionsStayExact()
    {
        QFETCH(int, steps);
        const QByteArray json = manySteps(steps);
        Scenario scenario;
        QString problem;
        QVERIFY(!ScenarioLoader::loadData(json, QStringLiteral("many.json"), &scenario, &problem));
        // The bad key's line is 2 + the steps before it; its value starts in column 42.
        QCOMPARE(problem,
                 QStringLiteral("many.json:%1:42: unknown key 'sesion', expected one of: at, agent, "
                                "session, uui, as, consultAs, consult, digits, number, line, "
                                "privilege, code, expectError")
                     .arg(steps + 1));
        // Columns count characters, not UTF-8 bytes, for values and for syntax errors.
        const QByteArray wide = R"({"name": "☎☎", "lines": [{"id": "l", "caps": {"canReject": 1}}]})";
        QVERIFY(!ScenarioLoader::loadData(wide, QStringLiteral("w.json"), &scenario, &problem));
        QVERIFY2(problem.startsWith(QLatin1String("w.json:1:60: expected true or false")),
                 qPrintable(problem));
        const QByteArray broken = "{\"name\": \"☎☎\",\n  \"x\": ☎}";
        QVERIFY(!ScenarioLoader::loadData(broken, QStringLiteral("b.json"), &scenario, &problem));
        QVERIFY2(problem.startsWith(QLatin1String("b.json:2:8: malformed JSON")), qPrintable(problem));
    }

    // Every step's position used to rescan the file from its start: 4 times the steps took 16 times as
    // long. Linear loading takes about 4 times as long (the best of three runs each, to ride out noise).
    void loadingIsLinear()
    {
        const qint64 small = bestLoadMs(manySteps(5000));
        const qint64 large = bestLoadMs(manySteps(20000));
        QVERIFY2(large < 9 * small + 20,
                 qPrintable(QStringLiteral("5000 steps %1 ms, 20000 steps %2 ms").arg(small).arg(large)));
    }
};

QTEST_GUILESS_MAIN(TstScenarioLoader)
#include "tst_scenario_loader.moc"
