// The scenario loader against hostile input: files nested deeper than the format allows are refused
// at once with the bracket's position, and positions stay exact (and cheap) in files with many steps.

#include "Scenario.h"

#include <QtCore/qdir.h>
#include <QtCore/qelapsedtimer.h>
#include <QtCore/qfile.h>
#include <QtCore/qregularexpression.h>
#include <QtCore/qtemporarydir.h>
#include <QtTest/qtest.h>

#include <algorithm>
#include <ctime>
#include <limits>

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

// A scenario with `lines` on its second line and `steps` on its third, for positions in messages.
QByteArray sipScenario(const QByteArray &lines, const QByteArray &steps = "[]")
{
    return "{\"name\": \"sip\",\n\"lines\": [" + lines + "],\n\"steps\": " + steps + "}\n";
}

const QByteArray Desk =
    R"({"id": "desk", "provider": "sip", "registrar": "127.0.0.1:5060", "user": "agent1")";

// This thread's CPU time in ms: unlike the wall clock it does not count the time other processes on a busy
// machine take (a wall-clock ratio of 22 was seen under a parallel build, for a loader that is linear).
qint64 threadCpuMs()
{
    timespec t {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return qint64(t.tv_sec) * 1000 + t.tv_nsec / 1000000;
}

qint64 bestLoadMs(const QByteArray &json)
{
    qint64 best = std::numeric_limits<qint64>::max();
    for (int run = 0; run < 3; ++run) {
        Scenario scenario;
        QString error;
        const qint64 start = threadCpuMs();
        ScenarioLoader::loadData(json, QStringLiteral("many.json"), &scenario, &error);
        best = std::min(best, threadCpuMs() - start);
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

    // A line with "provider": "sip" takes the SIP account's keys; bad values are refused at their position,
    // with the SIP provider's own rules; steps that only a simulated line can take are refused on it.
    void sipLines_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error"); // the whole message; empty: the file loads
        const QByteArray sim = R"({"id": "desk"}, )";
        QTest::newRow("account") << sipScenario(Desk + R"(, "password": "pw", "codecs": ["PCMU", "opus"]})")
                                 << QString();
        QTest::newRow("monitored and shared addresses")
            << sipScenario(Desk + R"(, "monitor": ["9100", "sip:agent3@10.0.0.5"], "sharedLine": true})")
            << QString();
        QTest::newRow("monitor not text")
            << sipScenario(Desk + R"(, "monitor": [9100]})")
            << QStringLiteral("s.json:2:106: expected a SIP user name or sip: URI");
        QTest::newRow("monitor twice") << sipScenario(Desk + R"(, "monitor": "9100, sip:9100@10.0.0.5"})")
                                       << QStringLiteral("s.json:2:105: '9100' is listed twice");
        QTest::newRow("sharedLine not boolean")
            << sipScenario(Desk + R"(, "sharedLine": "yes"})")
            << QStringLiteral("s.json:2:108: expected true or false for 'sharedLine'");
        QTest::newRow("codecs as in the settings")
            << sipScenario(Desk + R"(, "codecs": "PCMA, G722", "transport": "tcp", "rejectStatus": 486})")
            << QString();
        QTest::newRow("incoming and makeCall")
            << sipScenario(Desk + "}",
                           R"([{"at": 0, "incoming": {"line": "desk", "as": "a", "withinMs": 5000}}, )"
                           R"({"at": 1, "agent": "makeCall", "line": "desk", "number": "9000", "as": "b"}])")
            << QString();
        QTest::newRow("provider") << sipScenario(R"({"id": "desk", "provider": "pstn"})")
                                  << QStringLiteral("s.json:2:38: expected \"sim\" or \"sip\"");
        QTest::newRow("no registrar") << sipScenario(R"({"id": "desk", "provider": "sip", "user": "agent1"})")
                                      << QStringLiteral("s.json:2:11: expected a string 'registrar'");
        QTest::newRow("registrar not host:port")
            << sipScenario(R"({"id": "desk", "provider": "sip", "registrar": "pbx example", "user": "a"})")
            << QStringLiteral("s.json:2:58: 'pbx example' is not host or host:port");
        QTest::newRow("transport") << sipScenario(Desk + R"(, "transport": "sctp"})")
                                   << QStringLiteral("s.json:2:107: 'sctp' is not udp, tcp or tls");
        QTest::newRow("tls with its files") << sipScenario(
            Desk + R"(, "transport": "tls", "tlsCaFile": "ca.pem", "tlsCertificateFile": "me.pem"})")
                                            << QString();
        QTest::newRow("tlsCaFile without tls")
            << sipScenario(Desk + R"(, "transport": "tcp", "tlsCaFile": "ca.pem"})")
            << QStringLiteral("s.json:2:127: only for transport tls");
        QTest::newRow("password not text")
            << sipScenario(Desk + R"(, "password": 1234})")
            << QStringLiteral("s.json:2:106: expected a string for 'password'");
        QTest::newRow("no codecs") << sipScenario(Desk + R"(, "codecs": []})")
                                   << QStringLiteral(
                                          "s.json:2:104: expected a non-empty array of codec names "
                                          "(PCMU, PCMA, G722, opus)");
        QTest::newRow("codec not text")
            << sipScenario(Desk + R"(, "codecs": ["PCMU", 7]})")
            << QStringLiteral("s.json:2:113: expected a codec name (PCMU, PCMA, G722, "
                              "opus)");
        QTest::newRow("unknown codec")
            << sipScenario(Desk + R"(, "codecs": ["G729"]})")
            << QStringLiteral("s.json:2:104: 'G729' is not PCMU, PCMA, G722 or opus");
        QTest::newRow("expires as text")
            << sipScenario(Desk + R"(, "expires": "600"})")
            << QStringLiteral("s.json:2:105: expected an integer from 60 to 86400 for "
                              "'expires'");
        QTest::newRow("rejectStatus") << sipScenario(Desk + R"(, "rejectStatus": 480})")
                                      << QStringLiteral("s.json:2:110: '480' is not 486 or 603");
        QTest::newRow("registerTimeoutMs") << sipScenario(Desk + R"(, "registerTimeoutMs": 5})")
                                           << QStringLiteral("s.json:2:115: expected an integer from 100 to "
                                                             "600000 for 'registerTimeoutMs'");
        QTest::newRow("a simulated line's key")
            << sipScenario(Desk + R"(, "caps": {}})")
            << QStringLiteral("s.json:2:102: unknown key 'caps', expected one "
                              "of: id, provider, codecs, registerTimeoutMs, monitor, sharedLine, "
                              "registrar, proxy, user, authUser, password, "
                              "displayName, transport, tlsCaFile, tlsCertificateFile, "
                              "expires, rejectStatus, localPort, rtpTimeout");
        QTest::newRow("same id as a simulated line")
            << sipScenario(sim + Desk + "}") << QStringLiteral("s.json:2:34: duplicate line id");
        QTest::newRow("offer on a SIP line")
            << sipScenario(Desk + "}", R"([{"at": 0, "offer": {"line": "desk", "from": "x"}}])")
            << QStringLiteral(
                   "s.json:3:39: 'desk' is a SIP line: its calls come from real SIP phones, not from "
                   "the scenario's far ends (name the call with an \"incoming\" step)");
        QTest::newRow("lineService on a SIP line")
            << sipScenario(Desk + "}", R"([{"at": 0, "lineService": false, "line": "desk"}])")
            << QStringLiteral("s.json:3:51: 'desk' is a SIP line: its service follows its registration, the "
                              "scenario cannot set it");
        QTest::newRow("closeLine on a SIP line")
            << sipScenario(Desk + "}", R"([{"at": 0, "closeLine": "desk"}])")
            << QStringLiteral("s.json:3:34: 'desk' is a SIP line: its service follows its registration, the "
                              "scenario cannot set it");
        QTest::newRow("incoming on a simulated line")
            << sipScenario(sim + QByteArray(Desk).replace("desk", "sipdesk") + "}",
                           R"([{"at": 0, "incoming": {"line": "desk", "as": "a"}}])")
            << QStringLiteral("s.json:3:42: expected a SIP line for 'incoming' (a simulated line's calls are "
                              "named by 'offer')");
        // `remote: state` would dictate a real phone's call states: refused at the step's session key,
        // wherever the label was bound (incoming, makeCall, a consult's consultAs, openHandle), also when
        // the binding step comes later in the file.
        QTest::newRow("remote state on an incoming SIP call")
            << sipScenario(Desk + "}",
                           R"([{"at": 0, "incoming": {"line": "desk", "as": "a"}},)"
                           "\n"
                           R"( {"at": 9, "remote": "state", "session": "a", "state": "CONNECTED"}])")
            << QStringLiteral("s.json:4:42: 'a' is a call on SIP line 'desk': its far end is a real SIP "
                              "phone, whose states the network reports; the scenario cannot set them");
        QTest::newRow("remote state on a SIP consult, bound later in the file")
            << sipScenario(
                   Desk + "}",
                   R"([{"at": 9, "remote": "state", "session": "c", "state": "BUSY", "mode": "STATION"},)"
                   "\n"
                   R"( {"at": 0, "agent": "makeCall", "line": "desk", "number": "9000", "as": "b"},)"
                   "\n"
                   R"( {"at": 1, "agent": "openHandle", "session": "b", "as": "m"},)"
                   "\n"
                   R"( {"at": 2, "agent": "setupTransfer", "session": "m", "consultAs": "c"}])")
            << QStringLiteral("s.json:3:51: 'c' is a call on SIP line 'desk': its far end is a real SIP "
                              "phone, whose states the network reports; the scenario cannot set them");
        QTest::newRow("remote state on a simulated line's call beside a SIP line") << sipScenario(
            sim + QByteArray(Desk).replace("desk", "sipdesk") + "}",
            R"([{"at": 0, "offer": {"line": "desk", "from": "x", "as": "a"}},)"
            "\n"
            R"( {"at": 1, "agent": "makeCall", "line": "sipdesk", "number": "9000", "as": "b"},)"
            "\n"
            R"( {"at": 9, "remote": "state", "session": "a", "state": "CONNECTED"}])")
                                                                                   << QString();
        QTest::newRow("incoming without a name")
            << sipScenario(Desk + "}", R"([{"at": 0, "incoming": {"line": "desk"}}])")
            << QStringLiteral("s.json:3:33: expected a string 'as'");
    }

    void sipLines()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        Scenario scenario;
        QString problem;
        const bool loaded = ScenarioLoader::loadData(json, QStringLiteral("s.json"), &scenario, &problem);
        QCOMPARE(problem, error);
        QCOMPARE(loaded, error.isEmpty());
        if (!loaded)
            return;
        QCOMPARE(scenario.sipLines.size(), 1);
        if (QTest::currentDataTag()
            == QByteArrayView("remote state on a simulated line's call beside a SIP line")) {
            QCOMPARE(scenario.steps.size(), 3);
            QCOMPARE(scenario.steps.back().kind, ScenarioStep::Remote);
            return;
        }
        QVERIFY(scenario.lines.isEmpty());
        QVERIFY(scenario.wallClock());
        const ScenarioSipLine &line = scenario.sipLines.front();
        QCOMPARE(line.id, QStringLiteral("desk"));
        QCOMPARE(line.where, QStringLiteral("s.json:2:11"));
        QCOMPARE(scenario.engineLineId(QStringLiteral("desk")), QStringLiteral("sip/desk"));
        QCOMPARE(line.account.value(QStringLiteral("id")).toString(), QStringLiteral("desk"));
        QCOMPARE(line.account.value(QStringLiteral("registrar")).toString(),
                 QStringLiteral("127.0.0.1:5060"));
        QCOMPARE(line.account.value(QStringLiteral("user")).toString(), QStringLiteral("agent1"));
        if (QTest::currentDataTag() == QByteArrayView("monitored and shared addresses")) {
            QCOMPARE(line.account.value(QStringLiteral("monitor")).toString(),
                     QStringLiteral("9100, sip:agent3@10.0.0.5"));
            QCOMPARE(line.account.value(QStringLiteral("sharedLine")).toString(), QStringLiteral("true"));
        } else if (QTest::currentDataTag() == QByteArrayView("account")) {
            QCOMPARE(line.account.value(QStringLiteral("codecs")).toString(), QStringLiteral("PCMU, opus"));
            QCOMPARE(line.account.value(QStringLiteral("password")).toString(), QStringLiteral("pw"));
        } else if (QTest::currentDataTag() == QByteArrayView("tls with its files")) {
            QCOMPARE(line.account.value(QStringLiteral("transport")).toString(), QStringLiteral("tls"));
            QCOMPARE(line.account.value(QStringLiteral("tlsCaFile")).toString(), QStringLiteral("ca.pem"));
            QCOMPARE(line.account.value(QStringLiteral("tlsCertificateFile")).toString(),
                     QStringLiteral("me.pem"));
        } else if (QTest::currentDataTag() == QByteArrayView("codecs as in the settings")) {
            QCOMPARE(line.account.value(QStringLiteral("codecs")).toString(), QStringLiteral("PCMA, G722"));
            QCOMPARE(line.account.value(QStringLiteral("rejectStatus")).toString(), QStringLiteral("486"));
        } else {
            QCOMPARE(scenario.steps.size(), 2);
            QCOMPARE(scenario.steps.front().kind, ScenarioStep::Incoming);
        }
    }

    // Every step's position used to rescan the file from its start: 4 times the steps took 16 times as
    // long. Linear loading takes about 4 times as long (CPU time, the best of three runs each).
    // A SIP line's TLS files are named relative to the scenario's folder, as its media are: the provider
    // gets absolute paths (it runs from any working directory).
    void sipTlsFilesAreRelativeToTheScenario()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile file(dir.filePath(QStringLiteral("tls.json")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(sipScenario(Desk + R"(, "transport": "tls", "tlsCaFile": "certs/ca.pem"})"));
        file.close();
        Scenario scenario;
        QString problem;
        QVERIFY2(ScenarioLoader::loadFile(file.fileName(), &scenario, &problem), qPrintable(problem));
        QCOMPARE(scenario.sipLines.front().account.value(QStringLiteral("tlsCaFile")).toString(),
                 QDir(dir.path()).absoluteFilePath(QStringLiteral("certs/ca.pem")));
        QVERIFY(!scenario.sipLines.front().account.contains(QStringLiteral("tlsCertificateFile")));
    }

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
